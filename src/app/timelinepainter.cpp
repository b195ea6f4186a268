#include "timelinepainter.h"

#include "labtext.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

namespace concurrente {

namespace {

constexpr double MaxLaneHeight = 30;
constexpr double MinLaneHeight = 3;
constexpr double ArrowHitPx = 4;

bool isMainScriptAction(EventKind ev)
{
    switch (ev) {
    case EventKind::StartRequest:
    case EventKind::Join:
    case EventKind::JoinTimeout:
    case EventKind::Terminate:
    case EventKind::Kill:
    case EventKind::Stop:
    case EventKind::Continue:
    case EventKind::IsAlive:
    case EventKind::CallDone:
    case EventKind::EndMain:
    case EventKind::ActionError:
    case EventKind::TerminateRandom:
        return true;
    default:
        return false;
    }
}

bool isErrorEvent(EventKind ev)
{
    switch (ev) {
    case EventKind::Error:
    case EventKind::ActionError:
    case EventKind::LaunchFailed:
    case EventKind::ForkFailed:
    case EventKind::ProtocolError:
    case EventKind::CommandError:
    case EventKind::PutFailed:
    case EventKind::GetFailed:
    case EventKind::QueueError:
        return true;
    default:
        return false;
    }
}

/// A colour per channel, the same in every run (a hash of the name).
QColor channelColor(const QString &channel, bool pipe)
{
    static const QColor colors[] = {QColor(0x29, 0x80, 0xb9), QColor(0x16, 0xa0, 0x85),
                                    QColor(0xd3, 0x54, 0x00), QColor(0x8e, 0x44, 0xad),
                                    QColor(0xc0, 0x39, 0x2b), QColor(0x27, 0xae, 0x60)};
    const size_t n = sizeof(colors) / sizeof(colors[0]);
    return colors[(qHash(channel) + (pipe ? 3 : 0)) % n];
}

double distanceToSegment(const QPointF &p, const QLineF &l)
{
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    double t = len2 > 0 ? ((p.x() - l.x1()) * d.x() + (p.y() - l.y1()) * d.y()) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = l.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

/// A step of 1, 2 or 5 × 10^k nanoseconds that puts about `wanted` ticks in `span`.
qint64 tickStep(qint64 span, double wanted)
{
    const double raw = double(span) / std::max(wanted, 1.0);
    double mag = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (mag * m >= raw)
            return std::max<qint64>(1, qint64(mag * m));
    return std::max<qint64>(1, qint64(mag * 10));
}

} // namespace

double TimelinePainter::Frame::x(qint64 tNs) const
{
    return plot.left() + double(tNs - t0) * plot.width() / double(std::max<qint64>(t1 - t0, 1));
}

qint64 TimelinePainter::Frame::timeAt(double px) const
{
    return t0 + qint64(std::llround((px - plot.left()) * double(t1 - t0) / std::max(plot.width(), 1.0)));
}

void TimelinePainter::setStore(const RunStore *store)
{
    m_store = store;
    rebuild();
}

void TimelinePainter::rebuild()
{
    m_lanes.clear();
    m_laneOf.clear();
    m_depth.clear();
    m_parentSeen.clear();
    m_mark.clear();
    m_special.clear();
    m_joinWaits.clear();
    m_joinBegin.clear();
    m_channels.clear();
    m_channelIndex.clear();
    m_messageChannel.clear();
    m_indexed = 0;
    m_mainRow = -1;
    m_lastMainActionNs = -1;
    m_lastEventNs = 0;
    if (!m_store)
        return;
    relayout();
    indexEvents(0);
}

void TimelinePainter::update(const RunStore::Batch &batch)
{
    if (!m_store)
        return;
    bool layout = m_store->processCount() != m_laneOf.size();
    for (int row : batch.changedProcesses)
        layout = layout || row >= m_parentSeen.size() || m_store->process(row).parent != m_parentSeen.at(row);
    if (layout)
        relayout();
    indexEvents(m_indexed);
}

void TimelinePainter::relayout()
{
    const int n = m_store->processCount();
    m_mark.resize(n);
    m_special.resize(n);
    m_laneOf.fill(-1, n);
    m_depth.fill(0, n);
    m_parentSeen.resize(n);
    m_lanes.clear();
    m_mainRow = -1;
    QHash<int, QList<int>> children;
    QList<int> roots;
    for (int row = 0; row < n; ++row) {
        const RunStore::Process &p = m_store->process(row);
        m_parentSeen[row] = p.parent;
        if (p.record.kind == QLatin1String("main") && m_mainRow < 0)
            m_mainRow = row;
        if (p.parent >= 0 && p.parent < n && p.parent != row)
            children[p.parent].append(row);
        else
            roots.append(row);
    }
    // MainProcess first, then whatever has no parent in the run.
    std::stable_sort(roots.begin(), roots.end(),
                     [this](int a, int b) { return a == m_mainRow && b != m_mainRow; });
    const std::function<void(int, int)> visit = [&](int row, int depth) {
        if (m_laneOf.at(row) >= 0)
            return; // a cycle in bad data: show each process once
        m_laneOf[row] = int(m_lanes.size());
        m_depth[row] = depth;
        m_lanes.append(row);
        for (int child : children.value(row))
            visit(child, depth + 1);
    };
    for (int row : std::as_const(roots))
        visit(row, 0);
    for (int row = 0; row < n; ++row)
        visit(row, 0);
}

std::optional<TimelinePainter::MarkerKind> TimelinePainter::markerKind(const Event &e) const
{
    const EventKind ev = e.kind;
    if (ev == EventKind::StartRequest)
        return MarkerKind::Start;
    if (ev == EventKind::Join)
        return MarkerKind::Join;
    if (ev == EventKind::JoinTimeout)
        return MarkerKind::JoinTimeout;
    if (ev == EventKind::Terminate)
        return MarkerKind::Terminate;
    if (ev == EventKind::Kill)
        return MarkerKind::Kill;
    if (ev == EventKind::Stop)
        return MarkerKind::Stop;
    if (ev == EventKind::Continue)
        return MarkerKind::Continue;
    if (ev == EventKind::Print)
        return MarkerKind::Print;
    if (ev == EventKind::Reparented)
        return MarkerKind::Reparented;
    if (isErrorEvent(ev))
        return MarkerKind::Error;
    return std::nullopt;
}

void TimelinePainter::addMarker(int row, const Marker &m)
{
    // Events arrive almost in time order: this is an append nearly always.
    const auto insert = [&m](QList<Marker> &list) {
        const auto at = std::upper_bound(list.begin(), list.end(), m.tNs,
                                         [](qint64 t, const Marker &other) { return t < other.tNs; });
        list.insert(at, m);
    };
    insert(m_mark[row]);
    if (m.kind != MarkerKind::Print)
        insert(m_special[row]);
}

void TimelinePainter::indexEvents(int from)
{
    const int count = m_store->eventCount();
    for (int i = from; i < count; ++i) {
        const Event &e = m_store->event(i);
        const int row = m_store->eventProcess(i);
        m_lastEventNs = std::max(m_lastEventNs, e.tNs);
        const std::optional<MarkerKind> kind = markerKind(e);
        const bool join = kind == MarkerKind::Join || kind == MarkerKind::JoinTimeout;
        if (e.kind == EventKind::JoinBegin && row >= 0)
            m_joinBegin.insert(row, e.tNs);
        if (join && row >= 0) {
            JoinWait w;
            w.endNs = e.tNs;
            w.waiter = m_mainRow;
            w.target = row;
            w.event = i;
            w.timedOut = kind == MarkerKind::JoinTimeout;
            if (const auto begun = m_joinBegin.constFind(row); begun != m_joinBegin.constEnd()) {
                w.beginNs = *begun; // recorded (join_begin)
                m_joinBegin.erase(begun);
            } else if (w.timedOut) {
                // Older logs have no join_begin: a join began when the main script's previous
                // action ended (a timed-out one exactly timeout before it returned).
                w.beginNs = e.tNs - qint64(e.fields.value(QStringLiteral("timeout_ms")).toDouble() * 1e6);
            } else {
                w.beginNs = m_lastMainActionNs;
                if (w.beginNs < 0 && m_mainRow >= 0 && m_store->process(m_mainRow).record.startNs)
                    w.beginNs = *m_store->process(m_mainRow).record.startNs;
            }
            w.beginNs = std::clamp<qint64>(w.beginNs, std::min<qint64>(0, e.tNs), e.tNs);
            if (w.waiter >= 0)
                m_joinWaits.append(w);
        }
        if (isMainScriptAction(e.kind) || (row >= 0 && row == m_mainRow))
            m_lastMainActionNs = std::max(m_lastMainActionNs, e.tNs);
        if (!kind)
            continue;
        const int on = join && m_mainRow >= 0 ? m_mainRow : row;
        if (on >= 0 && on < m_mark.size())
            addMarker(on, Marker{e.tNs, *kind, i});
    }
    m_indexed = count;
    // Each message's channel, once: painting groups the arrows by it.
    for (int i = int(m_messageChannel.size()); i < m_store->messageCount(); ++i) {
        const RunStore::Message &m = m_store->message(i);
        const QString key = m.pipe ? QStringLiteral("|") + m.channel : m.channel;
        auto it = m_channelIndex.constFind(key);
        if (it == m_channelIndex.constEnd()) {
            it = m_channelIndex.insert(key, int(m_channels.size()));
            m_channels.append({m.channel, m.pipe});
        }
        m_messageChannel.append(*it);
    }
}

const QList<TimelinePainter::Marker> &TimelinePainter::markers(int row) const
{
    static const QList<Marker> none;
    return row >= 0 && row < m_mark.size() ? m_mark.at(row) : none;
}

const QList<TimelinePainter::Marker> &TimelinePainter::specialMarkers(int row) const
{
    static const QList<Marker> none;
    return row >= 0 && row < m_special.size() ? m_special.at(row) : none;
}

qint64 TimelinePainter::dataStartNs() const
{
    if (!m_store)
        return 0;
    qint64 t = m_store->originNs();
    if (t == 0) {
        for (int r = 0; r < m_store->processCount(); ++r)
            if (const auto s = m_store->process(r).record.startNs; s && (t == 0 || *s < t))
                t = *s;
    }
    return t;
}

qint64 TimelinePainter::dataEndNs() const
{
    qint64 t = std::max(m_lastEventNs, dataStartNs());
    if (m_store)
        for (int r = 0; r < m_store->processCount(); ++r)
            if (const auto e = m_store->process(r).record.endNs)
                t = std::max(t, *e);
    if (m_nowNs)
        t = std::max(t, *m_nowNs);
    return t;
}

qint64 TimelinePainter::barEnd(int row) const
{
    const ProcessRecord &r = m_store->process(row).record;
    if (r.endNs)
        return *r.endNs;
    if (m_store->process(row).hasEnded())
        return r.startNs ? *r.startNs : 0;
    return m_nowNs ? *m_nowNs : dataEndNs();
}

QList<TimelinePainter::Segment> TimelinePainter::segments(int row) const
{
    QList<Segment> out;
    if (!m_store || row < 0 || row >= m_store->processCount())
        return out;
    const RunStore::Process &p = m_store->process(row);
    if (!p.record.startNs || p.state == RunStore::State::Failed)
        return out;
    const qint64 begin = *p.record.startNs;
    const qint64 end = std::max(begin, barEnd(row));
    // Overlays, each +1 at its start and −1 at its end; the highest one open wins.
    struct Edge
    {
        qint64 t;
        Shade shade;
        int delta;
    };
    QList<Edge> edges;
    for (int index : p.events) {
        const Event &e = m_store->event(index);
        if (e.kind == EventKind::Start || e.kind == EventKind::HelperReady) {
            if (e.tNs > begin) {
                edges.append({begin, Shade::Starting, +1});
                edges.append({e.tNs, Shade::Starting, -1});
            }
            break;
        }
    }
    bool stopped = false;
    qint64 stoppedAt = 0;
    for (const Marker &m : specialMarkers(row)) {
        if (m.kind == MarkerKind::Stop && !stopped) {
            stopped = true;
            stoppedAt = m.tNs;
        } else if (m.kind == MarkerKind::Continue && stopped) {
            edges.append({stoppedAt, Shade::Stopped, +1});
            edges.append({m.tNs, Shade::Stopped, -1});
            stopped = false;
        }
    }
    if (stopped) {
        edges.append({stoppedAt, Shade::Stopped, +1});
        edges.append({end, Shade::Stopped, -1});
    }
    for (const JoinWait &w : m_joinWaits) {
        if (w.waiter == row && w.endNs > w.beginNs) {
            edges.append({w.beginNs, Shade::Joining, +1});
            edges.append({w.endNs, Shade::Joining, -1});
        }
    }
    std::stable_sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) { return a.t < b.t; });
    int open[4] = {0, 0, 0, 0};
    const auto current = [&open] {
        for (Shade s : {Shade::Stopped, Shade::Joining, Shade::Starting})
            if (open[int(s)] > 0)
                return s;
        return Shade::Running;
    };
    qint64 t = begin;
    const auto push = [&](qint64 until, Shade shade) {
        until = std::min(until, end);
        if (until <= t)
            return;
        if (!out.isEmpty() && out.constLast().shade == shade && out.constLast().t1 == t)
            out.last().t1 = until;
        else
            out.append({t, until, shade});
        t = until;
    };
    for (const Edge &e : std::as_const(edges)) {
        push(std::max(e.t, begin), current());
        open[int(e.shade)] += e.delta;
    }
    push(end, current());
    return out;
}

TimelinePainter::Frame TimelinePainter::frame(const QRectF &rect, qint64 t0, qint64 t1) const
{
    Frame f;
    f.t0 = t0;
    f.t1 = std::max(t1, t0 + 1);
    const QFontMetricsF fm{QFont()};
    double labelWidth = 60;
    if (m_store)
        for (int row : m_lanes)
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(m_store->process(row).record.name) +
                                                  depthOf(row) * 10 + 16);
    labelWidth = std::min(labelWidth, rect.width() * 0.3);
    const double axisHeight = fm.height() + 8;
    f.labels = QRectF(rect.left(), rect.top() + axisHeight, labelWidth, rect.height() - axisHeight);
    f.axis = QRectF(rect.left() + labelWidth, rect.top(), rect.width() - labelWidth, axisHeight);
    const int lanes = std::max<int>(1, int(m_lanes.size()));
    f.laneHeight = std::clamp(f.labels.height() / lanes, MinLaneHeight, MaxLaneHeight);
    f.plot = QRectF(f.axis.left(), f.labels.top(), f.axis.width(), f.laneHeight * lanes);
    f.labels.setHeight(f.plot.height());
    return f;
}

QRectF TimelinePainter::laneRect(const Frame &f, int row) const
{
    const int lane = laneOf(row);
    if (lane < 0)
        return {};
    return QRectF(f.plot.left(), f.plot.top() + lane * f.laneHeight, f.plot.width(), f.laneHeight);
}

QRectF TimelinePainter::barRect(const Frame &f, int row) const
{
    const QRectF lane = laneRect(f, row);
    if (lane.isNull() || !m_store->process(row).record.startNs)
        return {};
    const double x0 = f.x(*m_store->process(row).record.startNs);
    const double x1 = f.x(std::max(*m_store->process(row).record.startNs, barEnd(row)));
    const double h = lane.height() * 0.6;
    return QRectF(x0, lane.center().y() - h / 2, std::max(x1 - x0, 1.0), h);
}

std::optional<QPointF> TimelinePainter::markerPos(const Frame &f, int event) const
{
    if (!m_store || event < 0 || event >= m_store->eventCount())
        return std::nullopt;
    const Event &e = m_store->event(event);
    const std::optional<MarkerKind> kind = markerKind(e);
    if (!kind)
        return std::nullopt;
    const int row = (kind == MarkerKind::Join || kind == MarkerKind::JoinTimeout) && m_mainRow >= 0
                        ? m_mainRow
                        : m_store->eventProcess(event);
    const QRectF lane = laneRect(f, row);
    if (lane.isNull())
        return std::nullopt;
    return QPointF(f.x(e.tNs), lane.center().y());
}

std::optional<QLineF> TimelinePainter::arrowLine(const Frame &f, int message) const
{
    if (!m_store || message < 0 || message >= m_store->messageCount())
        return std::nullopt;
    const RunStore::Message &m = m_store->message(message);
    if (!m.putNs || !m.getNs || laneOf(m.sender) < 0 || laneOf(m.receiver) < 0)
        return std::nullopt;
    return QLineF(f.x(*m.putNs), laneRect(f, m.sender).center().y(), f.x(*m.getNs),
                  laneRect(f, m.receiver).center().y());
}

TimelinePainter::Hit TimelinePainter::itemAt(const Frame &f, const QPointF &pos) const
{
    Hit hit;
    if (!m_store || !f.plot.contains(pos))
        return hit;
    hit.tNs = f.timeAt(pos.x());
    const int lane = int((pos.y() - f.plot.top()) / f.laneHeight);
    const int row = lane >= 0 && lane < m_lanes.size() ? m_lanes.at(lane) : -1;
    const double radius = std::clamp(f.laneHeight * 0.3, 3.0, 6.0) + 2;
    if (row >= 0) {
        // The nearest marker within reach on this lane.
        const QList<Marker> &list = markers(row);
        const qint64 from = f.timeAt(pos.x() - radius);
        const qint64 to = f.timeAt(pos.x() + radius);
        auto it = std::lower_bound(list.begin(), list.end(), from,
                                   [](const Marker &m, qint64 t) { return m.tNs < t; });
        double best = radius + 1;
        for (; it != list.end() && it->tNs <= to; ++it) {
            const double d = std::abs(f.x(it->tNs) - pos.x());
            // A print is the least interesting thing at a spot: anything else wins a tie.
            const double weight = it->kind == MarkerKind::Print ? 0.5 : 0;
            if (d + weight < best) {
                best = d + weight;
                hit.kind = Hit::Marker;
                hit.row = row;
                hit.event = it->event;
                hit.marker = it->kind;
            }
        }
        const RunStore::Process &p = m_store->process(row);
        if (p.record.endNs && p.hasEnded() &&
            std::abs(f.x(*p.record.endNs) - pos.x()) < std::min(best, radius)) {
            hit.kind = Hit::Marker;
            hit.row = row;
            hit.event = -1;
            hit.marker = MarkerKind::End;
            for (int i = int(p.events.size()) - 1; i >= 0; --i)
                if (m_store->event(p.events.at(i)).kind == EventKind::Exited) {
                    hit.event = p.events.at(i);
                    break;
                }
        }
        if (hit.kind == Hit::Marker)
            return hit;
    }
    for (int i = 0; i < m_store->messageCount(); ++i) {
        const std::optional<QLineF> line = arrowLine(f, i);
        if (line && distanceToSegment(pos, *line) <= ArrowHitPx) {
            hit.kind = Hit::Arrow;
            hit.message = i;
            hit.row = row;
            return hit;
        }
    }
    if (row >= 0) {
        hit.kind = Hit::Lane;
        hit.row = row;
    }
    return hit;
}

// ---------------------------------------------------------------------------------------------
// Colours and names

int TimelinePainter::nameEvery(double laneHeight, double textHeight)
{
    if (laneHeight >= textHeight * 0.8)
        return 1;
    // One every as many lanes as a line of text needs (rounded down, two names 1.5 lanes apart
    // would overlap).
    return std::max(1, int(std::ceil(textHeight / std::max(laneHeight, 1.0))));
}

QColor TimelinePainter::shadeColor(Shade shade)
{
    switch (shade) {
    case Shade::Starting:
        return QColor(0x7f, 0xc9, 0x9a);
    case Shade::Running:
        return QColor(0x2e, 0x9e, 0x5b);
    case Shade::Stopped:
        return QColor(0xe0, 0xa0, 0x30);
    case Shade::Joining:
        return QColor(0x8e, 0x7c, 0xc3);
    }
    return {};
}

QColor TimelinePainter::endColor(RunStore::State state)
{
    switch (state) {
    case RunStore::State::Terminated:
        return QColor(0xe6, 0x7e, 0x22);
    case RunStore::State::Killed:
    case RunStore::State::Failed:
        return QColor(0xe7, 0x4c, 0x3c);
    default:
        return QColor(0x95, 0xa5, 0xa6);
    }
}

QColor TimelinePainter::markerColor(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Start:
        return QColor(0x27, 0xae, 0x60);
    case MarkerKind::Join:
    case MarkerKind::JoinTimeout:
        return QColor(0x9b, 0x59, 0xb6);
    case MarkerKind::Terminate:
        return endColor(RunStore::State::Terminated);
    case MarkerKind::Kill:
    case MarkerKind::Error:
        return endColor(RunStore::State::Killed);
    case MarkerKind::Stop:
    case MarkerKind::Continue:
        return shadeColor(Shade::Stopped);
    case MarkerKind::Print:
        return QColor(0x5d, 0xad, 0xe2);
    case MarkerKind::Reparented:
        return QColor(0xf1, 0xc4, 0x0f);
    case MarkerKind::End:
        return endColor(RunStore::State::Exited);
    }
    return {};
}

QString TimelinePainter::shadeName(Shade shade)
{
    switch (shade) {
    case Shade::Starting:
        return tr("starting");
    case Shade::Running:
        return tr("running");
    case Shade::Stopped:
        return tr("stopped (SIGSTOP)");
    case Shade::Joining:
        return tr("waiting in join()");
    }
    return {};
}

QString TimelinePainter::markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Start:
        return tr("start()");
    case MarkerKind::Join:
        return tr("join() returns");
    case MarkerKind::JoinTimeout:
        return tr("join(timeout) times out");
    case MarkerKind::Terminate:
        return tr("terminate()");
    case MarkerKind::Kill:
        return tr("kill()");
    case MarkerKind::Stop:
        return tr("stop");
    case MarkerKind::Continue:
        return tr("continue");
    case MarkerKind::Print:
        return tr("print");
    case MarkerKind::Error:
        return tr("error");
    case MarkerKind::Reparented:
        return tr("adopted (orphan)");
    case MarkerKind::End:
        return tr("end");
    }
    return {};
}

QString TimelinePainter::messageText(int message) const
{
    const RunStore::Message &m = m_store->message(message);
    const auto name = [this](int row) {
        return row >= 0 && row < m_store->processCount() ? m_store->process(row).record.name
                                                         : QStringLiteral("?");
    };
    QString text = (m.pipe ? tr("%1 sent on pipe %2 by %3") : tr("%1 put into queue %2 by %3"))
                       .arg(LabText::value(m.value, m.isFloat), m.channel, name(m.sender));
    if (m.getNs)
        text += QLatin1Char('\n') +
                tr("received by %1 after %2").arg(name(m.receiver), LabText::duration(*m.latencyNs()));
    else
        text += QLatin1Char('\n') + tr("not received yet");
    return text;
}

// ---------------------------------------------------------------------------------------------
// Painting

void TimelinePainter::paintMarker(QPainter &p, const QPointF &c, MarkerKind kind, double size) const
{
    const QColor color = markerColor(kind);
    const double h = size / 2;
    p.setBrush(color);
    p.setPen(QPen(m_palette.color(QPalette::Base), 1));
    switch (kind) {
    case MarkerKind::Start: {
        const QPointF tri[] = {c + QPointF(-h * 0.6, -h), c + QPointF(h, 0), c + QPointF(-h * 0.6, h)};
        p.drawPolygon(tri, 3);
        break;
    }
    case MarkerKind::Join:
    case MarkerKind::JoinTimeout: {
        const QPointF d[] = {c + QPointF(0, -h), c + QPointF(h, 0), c + QPointF(0, h), c + QPointF(-h, 0)};
        if (kind == MarkerKind::JoinTimeout) {
            p.setBrush(m_palette.color(QPalette::Base));
            p.setPen(QPen(color, 2));
        }
        p.drawPolygon(d, 4);
        break;
    }
    case MarkerKind::Terminate:
    case MarkerKind::Kill:
        p.setPen(QPen(color, kind == MarkerKind::Kill ? 3 : 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(-h, -h), c + QPointF(h, h));
        p.drawLine(c + QPointF(-h, h), c + QPointF(h, -h));
        break;
    case MarkerKind::Stop:
        p.drawRect(QRectF(c.x() - h * 0.8, c.y() - h, h * 0.6, 2 * h));
        p.drawRect(QRectF(c.x() + h * 0.2, c.y() - h, h * 0.6, 2 * h));
        break;
    case MarkerKind::Continue: {
        const QPointF tri[] = {c + QPointF(-h * 0.6, -h), c + QPointF(h, 0), c + QPointF(-h * 0.6, h)};
        p.setBrush(m_palette.color(QPalette::Base));
        p.setPen(QPen(color, 2));
        p.drawPolygon(tri, 3);
        break;
    }
    case MarkerKind::Print:
        p.setPen(QPen(color, 2));
        p.drawLine(c + QPointF(0, -h), c + QPointF(0, h));
        break;
    case MarkerKind::Error:
        p.drawEllipse(c, h, h);
        p.setPen(QPen(Qt::white, 2));
        p.drawLine(c + QPointF(0, -h * 0.55), c + QPointF(0, h * 0.15));
        p.drawPoint(c + QPointF(0, h * 0.55));
        break;
    case MarkerKind::Reparented: {
        const QPointF up[] = {c + QPointF(0, -h), c + QPointF(h, h * 0.6), c + QPointF(-h, h * 0.6)};
        p.setPen(QPen(Qt::black, 1));
        p.drawPolygon(up, 3);
        break;
    }
    case MarkerKind::End:
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(c.x() - 1.5, c.y() - h, 3, 2 * h));
        break;
    }
}

void TimelinePainter::paintAxis(QPainter &p, const Frame &f) const
{
    const QColor text = m_palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.12);
    const qint64 origin = dataStartNs();
    const qint64 step = tickStep(f.t1 - f.t0, f.plot.width() / 80);
    const bool seconds = step >= 100'000'000;
    qint64 t = f.t0 - origin;
    t = (t >= 0 ? (t + step - 1) / step : -((-t) / step)) * step + origin;
    const QFontMetricsF fm(p.font());
    for (; t <= f.t1; t += step) {
        const double x = f.x(t);
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, f.axis.bottom() - 3), QPointF(x, f.plot.bottom()));
        const double rel = double(t - origin);
        const QString label =
            seconds ? tr("%1 s").arg(QLocale().toString(rel / 1e9, 'f', step >= 1'000'000'000 ? 0 : 1))
                    : tr("%1 ms").arg(QLocale().toString(rel / 1e6, 'f', step >= 1'000'000 ? 0 : 3));
        p.setPen(text);
        const double w = fm.horizontalAdvance(label);
        // Labels at the edges are moved inside rather than cut.
        const double left = std::clamp(x - w / 2, f.axis.left(), f.axis.right() - w);
        p.drawText(QRectF(left - 1, f.axis.top(), w + 2, f.axis.height() - 4), Qt::AlignCenter, label);
    }
}

void TimelinePainter::paint(QPainter &p, const QRectF &rect, qint64 t0, qint64 t1, bool withCursor) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(rect, m_palette.color(QPalette::Base));
    // Before a run has started anything there is no time to show.
    bool started = false;
    for (int row = 0; m_store && row < m_store->processCount() && !started; ++row)
        started = m_store->process(row).record.startNs.has_value();
    if (!m_store || m_lanes.isEmpty() || !started) {
        p.setPen(m_palette.color(QPalette::PlaceholderText));
        p.drawText(rect, Qt::AlignCenter, tr("Run the example to see its processes over time."));
        p.restore();
        return;
    }
    const Frame f = frame(rect, t0, t1);
    const QColor text = m_palette.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.55);
    QColor stripe = text;
    stripe.setAlphaF(0.04);

    // Lanes and their names.
    const QFontMetricsF fm(p.font());
    const int everyNth = nameEvery(f.laneHeight, fm.height());
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        const int row = m_lanes.at(lane);
        const QRectF band(rect.left(), f.plot.top() + lane * f.laneHeight, rect.width(), f.laneHeight);
        if (lane % 2 == 1)
            p.fillRect(band, stripe);
        if (lane % everyNth != 0)
            continue;
        const RunStore::Process &proc = m_store->process(row);
        const QRectF label(f.labels.left() + 4 + depthOf(row) * 10, band.top(),
                           f.labels.width() - 8 - depthOf(row) * 10, std::max(band.height(), fm.height()));
        p.setPen(proc.hasEnded() ? dim : text);
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(proc.record.name, Qt::ElideRight, label.width()));
    }
    paintAxis(p, f);

    p.save();
    p.setClipRect(f.plot.adjusted(-1, -1, 1, 1));
    const double markerSize = std::clamp(f.laneHeight * 0.55, 5.0, 11.0);
    // Bars, shaded by state, and how each ended.
    for (int row : m_lanes) {
        const QRectF bar = barRect(f, row);
        if (bar.isNull() || bar.right() < f.plot.left() || bar.left() > f.plot.right())
            continue;
        for (const Segment &s : segments(row)) {
            if (s.t1 < f.t0 || s.t0 > f.t1)
                continue;
            const double x0 = std::max(f.x(s.t0), f.plot.left() - 2);
            const double x1 = std::min(f.x(s.t1), f.plot.right() + 2);
            const QRectF r(x0, bar.top(), std::max(x1 - x0, 1.0), bar.height());
            p.fillRect(r, shadeColor(s.shade));
            if (s.shade == Shade::Joining)
                p.fillRect(r, QBrush(QColor(255, 255, 255, 90), Qt::BDiagPattern));
        }
        const RunStore::Process &proc = m_store->process(row);
        // An orphan: from its adoption on, its bar is outlined.
        for (const Marker &m : specialMarkers(row))
            if (m.kind == MarkerKind::Reparented) {
                const double x0 = std::max(f.x(m.tNs), f.plot.left() - 2);
                p.setPen(QPen(markerColor(MarkerKind::Reparented), 1.5, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(QRectF(x0, bar.top() - 1, std::max(bar.right() - x0, 1.0), bar.height() + 2));
                break;
            }
        if (proc.hasEnded() && proc.record.endNs) {
            const double x = f.x(*proc.record.endNs);
            p.fillRect(QRectF(x - 1.5, bar.top() - 2, 3, bar.height() + 4), endColor(proc.state));
            const QString code = LabText::exitCode(proc.record.exitcode);
            if (!code.isEmpty() && f.laneHeight >= fm.height() &&
                x + 6 + fm.horizontalAdvance(code) < f.plot.right()) {
                p.setPen(endColor(proc.state) == endColor(RunStore::State::Exited) ? dim
                                                                                   : endColor(proc.state));
                p.drawText(QRectF(x + 4, bar.center().y() - fm.height() / 2, fm.horizontalAdvance(code) + 4,
                                  fm.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, code);
            }
        }
    }
    // Joins: a thin line from the joined process's lane to the main program's at the return.
    for (const JoinWait &w : m_joinWaits) {
        if (w.endNs < f.t0 || w.endNs > f.t1 || laneOf(w.target) < 0 || laneOf(w.waiter) < 0)
            continue;
        const double x = f.x(w.endNs);
        QColor c = markerColor(MarkerKind::Join);
        c.setAlphaF(0.6);
        p.setPen(QPen(c, 1, Qt::DotLine));
        p.drawLine(QPointF(x, laneRect(f, w.target).center().y()),
                   QPointF(x, laneRect(f, w.waiter).center().y()));
    }
    // Messages: put → get, one arrow each; many on the same pixels are drawn once. Arrows of
    // one channel are drawn in one call; when there are more than the picture can show apart,
    // without heads and without antialiasing (a 100,000-event run has tens of thousands).
    struct Arrows
    {
        QColor color;
        bool pipe = false;
        QList<QLineF> lines;
    };
    const int lanes = int(m_lanes.size());
    // The last arrow drawn between each pair of lanes, as pixels: messages come in nearly in
    // time order, so the ones on the same pixels follow each other.
    std::vector<quint32> lastArrow(lanes <= 1024 ? size_t(lanes) * size_t(lanes) : 0, UINT32_MAX);
    QSet<quint64> drawn; // many lanes: a set instead
    QList<Arrows> groups(m_channels.size());
    for (int c = 0; c < m_channels.size(); ++c)
        groups[c] = Arrows{
            channelColor(m_channels.at(c).first, m_channels.at(c).second), m_channels.at(c).second, {}};
    int arrowCount = 0;
    const auto laneY = [&f](int lane) { return f.plot.top() + (lane + 0.5) * f.laneHeight; };
    // Frame::x without its division: tens of thousands of calls.
    const double scale = f.plot.width() / double(std::max<qint64>(f.t1 - f.t0, 1));
    const auto xOf = [&f, scale](qint64 tNs) { return f.plot.left() + double(tNs - f.t0) * scale; };
    for (int i = 0; i < m_store->messageCount(); ++i) {
        const RunStore::Message &m = m_store->message(i);
        if (!m.putNs)
            continue;
        const int from = laneOf(m.sender);
        if (from < 0)
            continue;
        const qint64 end = m.getNs ? *m.getNs : *m.putNs;
        if (std::max(*m.putNs, end) < f.t0 || std::min(*m.putNs, end) > f.t1)
            continue;
        const int to = m.getNs ? laneOf(m.receiver) : -1;
        if (to < 0) {
            // Put, not got yet: a hollow dot on the sender's lane.
            p.setPen(QPen(channelColor(m.channel, m.pipe), 1.5));
            p.setBrush(m_palette.color(QPalette::Base));
            p.drawEllipse(QPointF(f.x(*m.putNs), laneY(from)), 3, 3);
            continue;
        }
        const QLineF line(xOf(*m.putNs), laneY(from), xOf(*m.getNs), laneY(to));
        const quint32 pixels = (quint32(quint16(line.x1())) << 16) | quint32(quint16(line.x2()));
        if (!lastArrow.empty()) {
            quint32 &last = lastArrow[size_t(from) * size_t(lanes) + size_t(to)];
            if (last == pixels)
                continue;
            last = pixels;
        } else {
            const quint64 key =
                (quint64(pixels) << 32) | (quint64(quint16(from)) << 16) | quint64(quint16(to));
            if (drawn.contains(key))
                continue;
            drawn.insert(key);
        }
        const int group = i < m_messageChannel.size() ? m_messageChannel.at(i) : -1;
        if (group < 0)
            continue;
        groups[group].lines.append(line);
        ++arrowCount;
    }
    // About one arrow per 3 pixels of width: more would only be ink.
    const bool dense = arrowCount > f.plot.width() / 3;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, !dense);
    for (const Arrows &g : std::as_const(groups)) {
        p.setPen(QPen(g.color, dense ? 1 : 1.4, g.pipe ? Qt::DashLine : Qt::SolidLine));
        p.drawLines(g.lines);
        if (dense)
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(g.color);
        for (const QLineF &line : g.lines) {
            const double angle = std::atan2(line.dy(), line.dx());
            const double a = 7;
            const QPointF tip = line.p2();
            const QPointF head[] = {tip, tip - QPointF(a * std::cos(angle - 0.4), a * std::sin(angle - 0.4)),
                                    tip - QPointF(a * std::cos(angle + 0.4), a * std::sin(angle + 0.4))};
            p.drawPolygon(head, 3);
        }
    }
    p.restore();
    // Markers, the visible ones only; several of one kind on one pixel are drawn once. Prints,
    // the most numerous by far, are drawn together in one call.
    QList<QLineF> prints;
    QList<std::pair<QPointF, MarkerKind>> others;
    const double half = markerSize / 2;
    const qint64 fromT = f.timeAt(f.plot.left() - markerSize);
    const qint64 toT = f.t1 + (f.t1 - f.t0) / 50;
    const auto notBefore = [](const Marker &m, qint64 t) { return m.tNs < t; };
    for (int row : m_lanes) {
        const double y = laneRect(f, row).center().y();
        // Prints: one per pixel, so a lane with a hundred thousand of them costs its width.
        // After a print, the search jumps to the first marker of the next pixel.
        const QList<Marker> &all = markers(row);
        auto it = std::lower_bound(all.begin(), all.end(), fromT, notBefore);
        while (it != all.end() && it->tNs <= toT) {
            if (it->kind != MarkerKind::Print) {
                ++it;
                continue;
            }
            const double fx = xOf(it->tNs);
            const int x = int(std::floor(fx));
            prints.append(QLineF(fx, y - half, fx, y + half));
            // The first time whose pixel is past x (the division may land a nanosecond short).
            const qint64 next = f.t0 + qint64(std::ceil(double(x + 1 - f.plot.left()) / scale));
            auto skip = std::lower_bound(it + 1, all.end(), next - 1, notBefore);
            while (skip != all.end() && int(std::floor(xOf(skip->tNs))) <= x)
                ++skip;
            it = skip;
        }
        const QList<Marker> &special = specialMarkers(row);
        int lastX = INT_MIN;
        MarkerKind lastKind = MarkerKind::End;
        for (auto s = std::lower_bound(special.begin(), special.end(), fromT, notBefore);
             s != special.end() && s->tNs <= toT; ++s) {
            const double fx = xOf(s->tNs);
            const int x = int(fx);
            if (x == lastX && s->kind == lastKind)
                continue;
            lastX = x;
            lastKind = s->kind;
            others.append({QPointF(fx, y), s->kind});
        }
    }
    if (!prints.isEmpty()) {
        p.save();
        const bool densePrints = prints.size() >= f.plot.width();
        if (densePrints) {
            // Denser than the pixels: prints less than 2 pixels apart on a lane make one band
            // (the lines of a lane are consecutive in `prints`), filled without antialiasing,
            // half as high as a print mark so the bar's shade shows around it.
            QList<QRectF> bands;
            for (const QLineF &l : std::as_const(prints)) {
                const double h = (l.y2() - l.y1()) / 2;
                const double top = l.y1() + h / 2;
                if (!bands.isEmpty() && bands.constLast().top() == top &&
                    l.x1() - bands.constLast().right() < 2)
                    bands.last().setRight(l.x1() + 1);
                else
                    bands.append(QRectF(l.x1(), top, 1, h));
            }
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(Qt::NoPen);
            p.setBrush(markerColor(MarkerKind::Print));
            p.drawRects(bands);
        } else {
            p.setPen(QPen(markerColor(MarkerKind::Print), 2, Qt::SolidLine, Qt::FlatCap));
            p.drawLines(prints);
        }
        p.restore();
    }
    for (const auto &[at, kind] : std::as_const(others))
        paintMarker(p, at, kind, markerSize);
    p.restore();

    p.restore();
    if (withCursor)
        paintCursor(p, rect, t0, t1);
}

void TimelinePainter::paintCursor(QPainter &p, const QRectF &rect, qint64 t0, qint64 t1) const
{
    if (!m_store || m_lanes.isEmpty() || !m_cursor)
        return;
    const Frame f = frame(rect, t0, t1);
    if (*m_cursor < f.t0 || *m_cursor > f.t1)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF fm(p.font());
    const double x = f.x(*m_cursor);
    const QColor c = m_palette.color(QPalette::Highlight);
    p.setPen(QPen(c, 2));
    p.drawLine(QPointF(x, f.axis.top()), QPointF(x, f.plot.bottom()));
    const QString label = tr("%1 ms").arg(LabText::relativeMs(*m_cursor, dataStartNs()));
    const double w = fm.horizontalAdvance(label) + 8;
    const QRectF box(std::clamp(x - w / 2, f.axis.left(), f.axis.right() - w), f.axis.top(), w,
                     f.axis.height() - 2);
    p.fillRect(box, c);
    p.setPen(m_palette.color(QPalette::HighlightedText));
    p.drawText(box, Qt::AlignCenter, label);
    p.restore();
}

namespace {

struct LegendItem
{
    enum { ShadeItem, EndItem, MarkerItem, ArrowItem } what;
    int value;
};

QList<LegendItem> legendItems()
{
    using S = TimelinePainter::Shade;
    using M = TimelinePainter::MarkerKind;
    return {{LegendItem::ShadeItem, int(S::Starting)},
            {LegendItem::ShadeItem, int(S::Running)},
            {LegendItem::ShadeItem, int(S::Stopped)},
            {LegendItem::ShadeItem, int(S::Joining)},
            {LegendItem::EndItem, int(RunStore::State::Exited)},
            {LegendItem::EndItem, int(RunStore::State::Terminated)},
            {LegendItem::EndItem, int(RunStore::State::Killed)},
            {LegendItem::MarkerItem, int(M::Start)},
            {LegendItem::MarkerItem, int(M::Join)},
            {LegendItem::MarkerItem, int(M::JoinTimeout)},
            {LegendItem::MarkerItem, int(M::Terminate)},
            {LegendItem::MarkerItem, int(M::Kill)},
            {LegendItem::MarkerItem, int(M::Stop)},
            {LegendItem::MarkerItem, int(M::Continue)},
            {LegendItem::MarkerItem, int(M::Print)},
            {LegendItem::MarkerItem, int(M::Error)},
            {LegendItem::MarkerItem, int(M::Reparented)},
            {LegendItem::ArrowItem, 0}};
}

QString legendText(const LegendItem &item)
{
    switch (item.what) {
    case LegendItem::ShadeItem:
        return TimelinePainter::shadeName(TimelinePainter::Shade(item.value));
    case LegendItem::EndItem:
        return LabText::stateName(RunStore::State(item.value));
    case LegendItem::MarkerItem:
        return TimelinePainter::markerName(TimelinePainter::MarkerKind(item.value));
    case LegendItem::ArrowItem:
        return QCoreApplication::translate("TimelinePainter", "message (put → get)");
    }
    return {};
}

} // namespace

double TimelinePainter::legendHeight(double width) const
{
    const QFontMetricsF fm{QFont()};
    double x = 0;
    int lines = 1;
    for (const LegendItem &item : legendItems()) {
        const double w = 22 + fm.horizontalAdvance(legendText(item)) + 14;
        if (x > 0 && x + w > width) {
            ++lines;
            x = 0;
        }
        x += w;
    }
    return lines * (fm.height() + 6);
}

void TimelinePainter::paintLegend(QPainter &p, const QRectF &rect) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF fm(p.font());
    const double lineH = fm.height() + 6;
    double x = rect.left();
    double y = rect.top();
    for (const LegendItem &item : legendItems()) {
        const QString label = legendText(item);
        const double w = 22 + fm.horizontalAdvance(label) + 14;
        if (x > rect.left() && x + w > rect.right()) {
            x = rect.left();
            y += lineH;
        }
        const QPointF c(x + 9, y + lineH / 2);
        switch (item.what) {
        case LegendItem::ShadeItem:
            p.fillRect(QRectF(x, c.y() - 5, 18, 10), shadeColor(Shade(item.value)));
            if (Shade(item.value) == Shade::Joining)
                p.fillRect(QRectF(x, c.y() - 5, 18, 10), QBrush(QColor(255, 255, 255, 90), Qt::BDiagPattern));
            break;
        case LegendItem::EndItem:
            p.fillRect(QRectF(c.x() - 1.5, c.y() - 7, 3, 14), endColor(RunStore::State(item.value)));
            break;
        case LegendItem::MarkerItem:
            paintMarker(p, c, MarkerKind(item.value), 10);
            break;
        case LegendItem::ArrowItem: {
            const QColor col = channelColor(QString(), false);
            p.setPen(QPen(col, 1.4));
            p.drawLine(QPointF(x, c.y() + 4), QPointF(x + 16, c.y() - 4));
            break;
        }
        }
        p.setPen(m_palette.color(QPalette::Text));
        p.drawText(QRectF(x + 22, y, w - 22, lineH), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w;
    }
    p.restore();
}

} // namespace concurrente
