#include "chartdata.h"

#include "run.h"
#include "scenario.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace concurrente {

namespace {

double seconds(qint64 tNs, qint64 originNs)
{
    return double(tNs - originNs) / 1e9;
}

/// The last moment of the run's data (CLOCK_MONOTONIC ns).
qint64 runEndNs(const RunStore &store)
{
    qint64 end = store.originNs();
    for (int r = 0; r < store.processCount(); ++r) {
        const RunStore::Process &p = store.process(r);
        if (p.record.endNs)
            end = std::max(end, *p.record.endNs);
        if (!p.cpu.isEmpty())
            end = std::max(end, p.cpu.constLast().tNs);
    }
    if (store.eventCount() > 0)
        end = std::max(end, store.event(store.eventCount() - 1).tNs);
    return end;
}

/// 1, 2 or 5 × 10^k (k ≥ kMin) at least `raw`.
double niceStep(double raw, double least)
{
    double mag = std::pow(10.0, std::floor(std::log10(std::max(raw, least))));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (mag * m >= raw)
            return std::max(mag * m, least);
    return std::max(mag * 10, least);
}

bool isCpuTask(const QString &task)
{
    return task == QLatin1String("gil") || task == QLatin1String("burn");
}

/// A depth step line from a channel's changes in time order (+1 put, −1 get).
template <class Change> QList<QPointF> depthPoints(const QList<Change> &changes, qint64 origin, double end)
{
    QList<QPointF> points;
    points.reserve(2 * changes.size() + 2);
    int depth = 0;
    points.append({0, 0});
    for (const Change &ch : changes) {
        const double x = seconds(ch.t, origin);
        points.append({x, double(depth)});
        depth = std::max(0, depth + ch.delta);
        points.append({x, double(depth)});
    }
    points.append({std::max(end, points.constLast().x()), double(depth)});
    return points;
}

/// A get and a put at the same instant: the put first (the message was there).
template <class Change> bool changeBefore(const Change &a, const Change &b)
{
    return a.t < b.t || (a.t == b.t && a.delta > b.delta);
}

/// The bars of works sorted in the order they began: each, and after each set of works that
/// overlapped in time, the set together.
template <class Work> QList<CpuWorkBar> barsOfWorks(const QList<Work> &works)
{
    QList<CpuWorkBar> out;
    // Sets of works that overlapped: each one begins before the set's end so far.
    for (qsizetype i = 0; i < works.size();) {
        qsizetype j = i + 1;
        qint64 setEnd = works.at(i).end;
        qint64 setBegin = works.at(i).begin;
        while (j < works.size() && works.at(j).begin < setEnd) {
            setEnd = std::max(setEnd, works.at(j).end);
            setBegin = std::min(setBegin, works.at(j).begin);
            ++j;
        }
        for (qsizetype k = i; k < j; ++k)
            out.append(works.at(k).bar);
        if (j - i > 1) {
            CpuWorkBar set;
            set.together = true;
            set.threads = works.at(i).bar.threads;
            set.switchUs = works.at(i).bar.switchUs;
            set.wallNs = setEnd - setBegin;
            for (qsizetype k = i; k < j; ++k) {
                set.names.append(works.at(k).bar.name);
                set.cpuNs += works.at(k).bar.cpuNs;
                set.threadCpuNs.append(works.at(k).bar.cpuNs);
            }
            set.name = set.names.join(QStringLiteral(" + "));
            out.append(set);
        }
        i = j;
    }
    return out;
}

/// The bar of a `result` event of a CPU-bound task (`gil`, `burn`) of process `name`.
CpuWorkBar workBar(const Event &e, const QString &name)
{
    CpuWorkBar bar;
    bar.name = name;
    bar.names = {name};
    bar.threads = std::max(1, e.fields.value(QStringLiteral("threads")).toInt(1));
    bar.wallNs = jsonInteger(e.fields.value(QStringLiteral("wall_ns"))).value_or(0);
    bar.cpuNs = jsonInteger(e.fields.value(QStringLiteral("cpu_ns"))).value_or(0);
    bar.switchUs = e.fields.value(QStringLiteral("switch_us")).toInt(0);
    for (const QJsonValue &v : e.fields.value(QStringLiteral("thread_cpu_ns")).toArray())
        bar.threadCpuNs.append(jsonInteger(v).value_or(0));
    return bar;
}

/// Message counts per bin of `binNs` from each channel's get times, as a step line.
QList<ChartSeries> ratePoints(const QList<QList<qint64>> &gets, const QStringList &names, qint64 origin,
                              qint64 end, qint64 binNs)
{
    const int bins = int((std::max<qint64>(end - origin, 0)) / binNs) + 1;
    QList<ChartSeries> out;
    const double width = double(binNs) / 1e9;
    // The last bin is drawn up to the run's end, not past it.
    const double last = std::max(seconds(end, origin), (bins - 1) * width);
    for (qsizetype c = 0; c < gets.size(); ++c) {
        QList<int> counts(bins, 0);
        for (qint64 t : gets.at(c))
            if (t >= origin)
                ++counts[int(std::min<qint64>((t - origin) / binNs, bins - 1))];
        ChartSeries s{names.at(c), int(c), {}};
        s.points.reserve(2 * bins);
        for (int b = 0; b < bins; ++b) {
            const double rate = counts[b] / width;
            s.points.append({b * width, rate});
            s.points.append({std::min((b + 1) * width, last), rate});
        }
        out.append(s);
    }
    return out;
}

/// The histogram of latencies `ms`, sorted.
LatencyHistogram histogramOf(const QList<double> &ms, int maxBins)
{
    LatencyHistogram h;
    h.messages = int(ms.size());
    if (ms.isEmpty())
        return h;
    h.maxMs = ms.constLast();
    const qsizetype n = ms.size();
    h.medianMs = n % 2 ? ms.at(n / 2) : (ms.at(n / 2 - 1) + ms.at(n / 2)) / 2;
    maxBins = std::max(maxBins, 1);
    // The bin must hold the largest latency in the last bin at the latest.
    h.binMs = niceStep(h.maxMs / maxBins, 0.001);
    while (int(std::floor(h.maxMs / h.binMs)) >= maxBins)
        h.binMs = niceStep(h.binMs * 1.5, 0.001);
    const int bins = int(std::floor(h.maxMs / h.binMs)) + 1;
    h.counts.fill(0, bins);
    // Sorted: each bin's latencies follow each other (floor(v / bin) grows with v).
    auto from = ms.cbegin();
    for (int b = 0; b < bins; ++b) {
        const auto to = b == bins - 1 ? ms.cend() : std::partition_point(from, ms.cend(), [&](double v) {
            return int(std::floor(v / h.binMs)) <= b;
        });
        h.counts[b] = int(to - from);
        from = to;
    }
    return h;
}

} // namespace

QList<ChartSeries> cpuSeries(const RunStore &store)
{
    QList<ChartSeries> out;
    const qint64 origin = store.originNs();
    for (int row = 0; row < store.processCount(); ++row) {
        const RunStore::Process &p = store.process(row);
        if (p.cpu.isEmpty())
            continue;
        // Before its first sample a process had used no CPU since its start.
        RunStore::CpuSample prev = p.cpu.constFirst();
        int first = 1;
        if (p.record.startNs && *p.record.startNs < prev.tNs) {
            prev = RunStore::CpuSample{*p.record.startNs, 0, 0};
            first = 0;
        }
        ChartSeries s;
        s.name = p.record.name;
        s.key = row;
        for (int i = first; i < p.cpu.size(); ++i) {
            const RunStore::CpuSample &c = p.cpu.at(i);
            const double dt = double(c.tNs - prev.tNs) / 1e9;
            if (dt <= 0)
                continue;
            const double rate = double((c.userMs + c.sysMs) - (prev.userMs + prev.sysMs)) / dt;
            s.points.append({seconds(prev.tNs, origin), rate});
            s.points.append({seconds(c.tNs, origin), rate});
            prev = c;
        }
        if (!s.points.isEmpty())
            out.append(s);
    }
    return out;
}

namespace {

/// The position of `channel` in `names` (in order of first appearance), with an empty entry of
/// `data` beside each name.
template <typename T>
int channelIndex(const QString &channel, QHash<QString, int> &index, QStringList &names, QList<T> &data)
{
    const auto it = index.constFind(channel);
    if (it != index.constEnd())
        return *it;
    const int c = int(names.size());
    index.insert(channel, c);
    names.append(channel);
    data.append(T());
    return c;
}

} // namespace

QList<ChartSeries> queueDepthSeries(const RunStore &store)
{
    struct Change
    {
        qint64 t;
        int delta;
    };
    QHash<QString, int> index;
    QStringList channels;
    QList<QList<Change>> changes;
    for (int i = 0; i < store.messageCount(); ++i) {
        const RunStore::Message &m = store.message(i);
        const int c = channelIndex(m.channel, index, channels, changes);
        if (m.putNs)
            changes[c].append(Change{*m.putNs, +1});
        if (m.getNs)
            changes[c].append(Change{*m.getNs, -1});
    }
    const qint64 origin = store.originNs();
    const double end = seconds(runEndNs(store), origin);
    QList<ChartSeries> out;
    for (int c = 0; c < channels.size(); ++c) {
        QList<Change> &list = changes[c];
        std::stable_sort(list.begin(), list.end(), changeBefore<Change>);
        out.append(ChartSeries{channels.at(c), c, depthPoints(list, origin, end)});
    }
    return out;
}

qint64 rateBinNs(qint64 spanNs)
{
    return qint64(niceStep(double(std::max<qint64>(spanNs, 1)) / 40.0 / 1e6, 10.0) * 1e6);
}

QList<ChartSeries> messageRateSeries(const RunStore &store, qint64 binNs)
{
    const qint64 origin = store.originNs();
    const qint64 end = runEndNs(store);
    if (binNs <= 0)
        binNs = rateBinNs(end - origin);
    QHash<QString, int> index;
    QStringList names;
    QList<QList<qint64>> gets;
    for (int i = 0; i < store.messageCount(); ++i) {
        const RunStore::Message &m = store.message(i);
        const int c = channelIndex(m.channel, index, names, gets);
        if (m.getNs)
            gets[c].append(*m.getNs);
    }
    return ratePoints(gets, names, origin, end, binNs);
}

LatencyHistogram latencyHistogram(const RunStore &store, int maxBins)
{
    QList<double> ms;
    for (int i = 0; i < store.messageCount(); ++i)
        if (const auto l = store.message(i).latencyNs())
            ms.append(double(std::max<qint64>(*l, 0)) / 1e6);
    std::sort(ms.begin(), ms.end());
    return histogramOf(ms, maxBins);
}

std::optional<double> SpeedupFigures::speedup() const
{
    if (!sequentialNs || !parallelNs || *parallelNs <= 0)
        return std::nullopt;
    return double(*sequentialNs) / double(*parallelNs);
}

namespace {

/// Page 1's figures from the main program's sequential call (`seqFrom`–`seqTo`) and each
/// worker's start and join: the parallel run lasts from the first start to the last join, and
/// only once every worker has been joined.
using WorkerSpan = std::pair<qint64, std::optional<qint64>>; // start, join
SpeedupFigures speedupOf(std::optional<qint64> seqFrom, std::optional<qint64> seqTo,
                         const QList<WorkerSpan> &workers)
{
    SpeedupFigures f;
    if (seqFrom && seqTo && *seqTo > *seqFrom)
        f.sequentialNs = *seqTo - *seqFrom;
    std::optional<qint64> parFrom, parTo;
    bool complete = true;
    for (const auto &[start, join] : workers) {
        if (!join) {
            complete = false;
            continue;
        }
        ++f.workers;
        parFrom = parFrom ? std::min(*parFrom, start) : start;
        parTo = parTo ? std::max(*parTo, *join) : *join;
    }
    if (complete && parFrom && parTo && *parTo > *parFrom)
        f.parallelNs = *parTo - *parFrom;
    return f;
}

} // namespace

SpeedupFigures speedupFigures(const RunStore &store)
{
    std::optional<qint64> seqFrom, seqTo;
    int mainRow = -1;
    for (int r = 0; r < store.processCount() && mainRow < 0; ++r)
        if (store.process(r).record.kind == QLatin1String("main"))
            mainRow = r;
    if (mainRow >= 0) {
        for (int index : store.process(mainRow).events) {
            const Event &e = store.event(index);
            if (e.kind == EventKind::Call && !seqFrom)
                seqFrom = e.tNs;
            else if (e.kind == EventKind::CallDone && seqFrom)
                seqTo = e.tNs;
        }
    }
    QList<WorkerSpan> workers;
    for (int r = 0; r < store.processCount(); ++r) {
        const RunStore::Process &p = store.process(r);
        if (p.record.kind != QLatin1String("worker") || !p.record.startNs)
            continue;
        std::optional<qint64> start, join;
        for (int index : p.events) {
            const Event &e = store.event(index);
            if (e.kind == EventKind::StartRequest && !start)
                start = e.tNs;
            else if (e.kind == EventKind::Join && !join)
                join = e.tNs;
        }
        workers.append({start ? *start : *p.record.startNs, join ? join : p.record.endNs});
    }
    return speedupOf(seqFrom, seqTo, workers);
}

QList<CpuWorkBar> cpuWorkBars(const RunStore &store)
{
    struct Work
    {
        CpuWorkBar bar;
        qint64 begin = 0;
        qint64 end = 0;
    };
    QList<Work> works;
    for (int r = 0; r < store.processCount(); ++r) {
        const RunStore::Process &p = store.process(r);
        QString task;
        for (int index : p.events) {
            const Event &e = store.event(index);
            if (e.kind == EventKind::Start)
                task = e.fields.value(QStringLiteral("task")).toString();
            if (e.kind != EventKind::Result || !isCpuTask(task))
                continue;
            Work w;
            w.bar = workBar(e, p.record.name);
            w.end = e.tNs;
            w.begin = e.tNs - w.bar.wallNs;
            works.append(w);
        }
    }
    // In the order the work began (the order the page starts them).
    std::stable_sort(works.begin(), works.end(),
                     [](const Work &a, const Work &b) { return a.begin < b.begin; });
    return barsOfWorks(works);
}

// ---------------------------------------------------------------------------------------------

void ChartData::setStore(const RunStore *store)
{
    m_store = store;
    clear();
}

void ChartData::clear()
{
    m_events = 0;
    m_messages = 0;
    m_incomplete.clear();
    m_seen.clear();
    m_channels.clear();
    m_channelIndex.clear();
    m_latencyMs.clear();
    m_newLatencyMs.clear();
    m_procs.clear();
    m_works.clear();
}

int ChartData::channelOf(const QString &name)
{
    int c = m_channelIndex.value(name, -1);
    if (c < 0) {
        c = int(m_channels.size());
        m_channelIndex.insert(name, c);
        m_channels.append(Channel{name, {}, {}});
    }
    return c;
}

void ChartData::takeMessage(int index)
{
    const RunStore::Message &m = m_store->message(index);
    Channel &ch = m_channels[channelOf(m.channel)];
    char &seen = m_seen[index];
    const auto insert = [&ch](Change c) {
        // Nearly always at the end: messages are paired nearly in time order.
        ch.changes.insert(std::upper_bound(ch.changes.begin(), ch.changes.end(), c, changeBefore<Change>), c);
    };
    if (m.putNs && !(seen & 1)) {
        insert(Change{*m.putNs, +1});
        seen |= 1;
    }
    if (m.getNs && !(seen & 2)) {
        insert(Change{*m.getNs, -1});
        ch.gets.append(*m.getNs);
        seen |= 2;
    }
    if ((seen & 3) == 3 && !(seen & 4)) {
        if (const auto l = m.latencyNs())
            m_newLatencyMs.append(double(std::max<qint64>(*l, 0)) / 1e6);
        seen |= 4;
    }
}

void ChartData::update()
{
    if (!m_store)
        return;
    const int count = m_store->eventCount();
    if (count < m_events || m_store->messageCount() < m_messages)
        clear(); // the store was emptied since
    if (m_procs.size() < m_store->processCount())
        m_procs.resize(m_store->processCount());
    for (int i = m_events; i < count; ++i) {
        const Event &e = m_store->event(i);
        const int row = m_store->eventProcess(i);
        if (row < 0)
            continue;
        if (row >= m_procs.size())
            m_procs.resize(row + 1);
        ProcessState &p = m_procs[row];
        switch (e.kind) {
        case EventKind::Start:
            p.task = e.fields.value(QStringLiteral("task")).toString();
            break;
        case EventKind::StartRequest:
            if (!p.firstStartRequest)
                p.firstStartRequest = e.tNs;
            break;
        case EventKind::Join:
            if (!p.firstJoin)
                p.firstJoin = e.tNs;
            break;
        case EventKind::Call:
            if (!p.seqFrom)
                p.seqFrom = e.tNs;
            break;
        case EventKind::CallDone:
            if (p.seqFrom)
                p.seqTo = e.tNs;
            break;
        case EventKind::Result:
            if (isCpuTask(p.task)) {
                Work w;
                w.bar = workBar(e, m_store->process(row).record.name);
                w.end = e.tNs;
                w.begin = e.tNs - w.bar.wallNs;
                w.row = row;
                w.event = i;
                m_works.append(w);
            }
            break;
        default:
            break;
        }
    }
    m_events = count;
    // Messages still missing their put or their get first: then the new ones.
    QList<int> incomplete;
    for (int index : std::as_const(m_incomplete)) {
        takeMessage(index);
        if (!(m_seen.at(index) & 4))
            incomplete.append(index);
    }
    const int messages = m_store->messageCount();
    m_seen.resize(messages, 0);
    for (int i = m_messages; i < messages; ++i) {
        takeMessage(i);
        if (!(m_seen.at(i) & 4))
            incomplete.append(i);
    }
    m_messages = messages;
    m_incomplete = std::move(incomplete);
    // The new latencies merged into the sorted ones: linear, where inserting each would not be.
    if (!m_newLatencyMs.isEmpty()) {
        std::sort(m_newLatencyMs.begin(), m_newLatencyMs.end());
        const qsizetype old = m_latencyMs.size();
        m_latencyMs.append(m_newLatencyMs);
        std::inplace_merge(m_latencyMs.begin(), m_latencyMs.begin() + old, m_latencyMs.end());
        m_newLatencyMs.clear();
    }
}

QList<ChartSeries> ChartData::cpu() const
{
    return m_store ? cpuSeries(*m_store) : QList<ChartSeries>();
}

QList<ChartSeries> ChartData::queueDepth() const
{
    QList<ChartSeries> out;
    if (!m_store)
        return out;
    const qint64 origin = m_store->originNs();
    const double end = seconds(runEndNs(*m_store), origin);
    for (qsizetype c = 0; c < m_channels.size(); ++c)
        out.append(
            ChartSeries{m_channels.at(c).name, int(c), depthPoints(m_channels.at(c).changes, origin, end)});
    return out;
}

QList<ChartSeries> ChartData::messageRate(qint64 binNs) const
{
    if (!m_store)
        return {};
    const qint64 origin = m_store->originNs();
    const qint64 end = runEndNs(*m_store);
    if (binNs <= 0)
        binNs = rateBinNs(end - origin);
    QStringList names;
    QList<QList<qint64>> gets;
    for (const Channel &c : m_channels) {
        names.append(c.name);
        gets.append(c.gets);
    }
    return ratePoints(gets, names, origin, end, binNs);
}

LatencyHistogram ChartData::latency(int maxBins) const
{
    return histogramOf(m_latencyMs, maxBins);
}

SpeedupFigures ChartData::speedup() const
{
    if (!m_store)
        return {};
    int mainRow = -1;
    for (int r = 0; r < m_store->processCount() && mainRow < 0; ++r)
        if (m_store->process(r).record.kind == QLatin1String("main"))
            mainRow = r;
    const ProcessState main = mainRow >= 0 && mainRow < m_procs.size() ? m_procs.at(mainRow) : ProcessState();
    QList<WorkerSpan> workers;
    for (int r = 0; r < m_store->processCount(); ++r) {
        const RunStore::Process &p = m_store->process(r);
        if (p.record.kind != QLatin1String("worker") || !p.record.startNs)
            continue;
        const ProcessState state = r < m_procs.size() ? m_procs.at(r) : ProcessState();
        workers.append({state.firstStartRequest ? *state.firstStartRequest : *p.record.startNs,
                        state.firstJoin ? state.firstJoin : p.record.endNs});
    }
    return speedupOf(main.seqFrom, main.seqTo, workers);
}

QList<CpuWorkBar> ChartData::cpuWork() const
{
    QList<Work> works = m_works;
    // In the order the work began; at the same instant, as cpuWorkBars() has them (by process,
    // then in arrival order).
    std::sort(works.begin(), works.end(), [](const Work &a, const Work &b) {
        return std::tie(a.begin, a.row, a.event) < std::tie(b.begin, b.row, b.event);
    });
    return barsOfWorks(works);
}

// ---------------------------------------------------------------------------------------------

SpeedupSweep::SpeedupSweep(QObject *parent) : QObject(parent) {}

SpeedupSweep::~SpeedupSweep()
{
    delete m_run.data();
}

void SpeedupSweep::start(int maxWorkers, int totalMs)
{
    if (isRunning())
        cancel();
    m_max = std::max(1, maxWorkers);
    m_totalMs = std::max(1, totalMs);
    m_current = 0;
    m_points.clear();
    next();
}

void SpeedupSweep::cancel()
{
    if (!m_run)
        return;
    Run *run = m_run.data();
    m_run.clear();
    run->disconnect(this);
    // Its processes are killed and reaped once it has ended; then it goes.
    connect(run, &Run::finished, run, &QObject::deleteLater);
    run->abort();
    if (run->isFinished())
        run->deleteLater();
    Q_EMIT cancelled();
}

QList<QPointF> SpeedupSweep::speedups() const
{
    QList<QPointF> out;
    const auto one =
        std::find_if(m_points.begin(), m_points.end(), [](const Point &p) { return p.workers == 1; });
    if (one == m_points.end())
        return out;
    for (const Point &p : m_points)
        if (p.wallNs > 0)
            out.append({double(p.workers), double(one->wallNs) / double(p.wallNs)});
    return out;
}

void SpeedupSweep::next()
{
    ++m_current;
    if (m_current > m_max) {
        Q_EMIT finished();
        return;
    }
    const int n = m_current;
    QJsonArray workers, main;
    for (int i = 0; i < n; ++i) {
        const QString id = QStringLiteral("w%1").arg(i + 1);
        workers.append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("task"), QStringLiteral("burn")},
            {QStringLiteral("args"), QJsonObject{{QStringLiteral("ms"), std::max(1, m_totalMs / n)}}}});
        main.append(
            QJsonObject{{QStringLiteral("action"), QStringLiteral("start")}, {QStringLiteral("worker"), id}});
    }
    for (int i = 0; i < n; ++i)
        main.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("join")},
                                {QStringLiteral("worker"), QStringLiteral("w%1").arg(i + 1)}});
    const QJsonObject scenario{{QStringLiteral("format"), QStringLiteral("concurrente-scenario/2")},
                               {QStringLiteral("start_method"), QStringLiteral("fork")},
                               {QStringLiteral("title"),
                                QJsonObject{{QStringLiteral("es"), QStringLiteral("Barrido de aceleración")},
                                            {QStringLiteral("en"), QStringLiteral("Speed-up sweep")}}},
                               {QStringLiteral("workers"), workers},
                               {QStringLiteral("main"), main}};
    const ScenarioLoadResult loaded = ScenarioLoader::loadObject(scenario, QStringLiteral("sweep.json"));
    if (!loaded.ok()) {
        Q_EMIT failed();
        return;
    }
    auto *run = new Run(loaded.scenario, this);
    if (!m_helperDir.isEmpty())
        run->setHelperDir(m_helperDir);
    m_run = run;
    connect(run, &Run::finished, this, [this, run, n] {
        // From the first start request to the last join, as the main script would time it.
        std::optional<qint64> from, to;
        int joins = 0;
        for (const Event &e : run->log().events()) {
            if (e.kind == EventKind::StartRequest &&
                e.fields.value(QStringLiteral("name")) != QJsonValue(QStringLiteral("MainProcess")))
                from = from ? std::min(*from, e.tNs) : e.tNs;
            else if (e.kind == EventKind::Join) {
                to = to ? std::max(*to, e.tNs) : e.tNs;
                ++joins;
            }
        }
        m_run.clear();
        run->deleteLater();
        if (!from || !to || joins < n || *to <= *from) {
            Q_EMIT failed();
            return;
        }
        const Point p{n, *to - *from};
        m_points.append(p);
        Q_EMIT pointAdded(p);
        next();
    });
    Q_EMIT progress(n);
    run->start();
}

} // namespace concurrente
