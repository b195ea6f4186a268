// The Chrome trace event format ("Trace Event Format", the JSON object form), as the Perfetto
// UI and chrome://tracing read it:
// https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
#include "export.h"

#include "runstore.h"

#include "pyvalue.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <charconv>

namespace concurrente {

namespace {

/// Events shown as instants on their process's track (puts and gets become flows instead).
bool isInstantKind(EventKind ev)
{
    switch (ev) {
    case EventKind::Start:
    case EventKind::Print:
    case EventKind::Result:
    case EventKind::Error:
    case EventKind::Exit:
    case EventKind::Exited:
    case EventKind::JoinBegin:
    case EventKind::Join:
    case EventKind::JoinTimeout:
    case EventKind::Terminate:
    case EventKind::Kill:
    case EventKind::Stop:
    case EventKind::Continue:
    case EventKind::Reparented:
    case EventKind::IsAlive:
    case EventKind::EndMain:
    case EventKind::LaunchFailed:
    case EventKind::ActionError:
    case EventKind::ProtocolError:
    case EventKind::StartRequest:
    case EventKind::Call:
    case EventKind::CallDone:
    case EventKind::PutFailed:
    case EventKind::GetFailed:
    case EventKind::TerminateRandom:
        return true;
    default:
        return false;
    }
}

/// Writes the trace's events as compact JSON, one per line, straight into the text (no
/// QJsonObject per event: a 100,000-event run is written in a fraction of the time).
class TraceWriter
{
public:
    TraceWriter(QByteArray &out, qint64 t0) : m_out(out), m_t0(t0) {}

    /// `{"ph":…,"name":…,"pid":…,"tid":…` — the caller adds its fields, then end().
    void begin(char ph, QStringView name, qint64 track)
    {
        m_out += m_first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"";
        m_first = false;
        m_out += ph;
        m_out += "\",\"name\":";
        appendJsonString(m_out, name);
        m_out += ",\"pid\":";
        integer(track);
        m_out += ",\"tid\":";
        integer(track);
    }
    /// `,"ts":…` in microseconds from the run's first moment, to the nanosecond.
    void ts(qint64 ns) { micros(",\"ts\":", ns - m_t0); }
    void dur(qint64 ns) { micros(",\"dur\":", ns); }
    void key(const char *k)
    {
        m_out += ",\"";
        m_out += k;
        m_out += "\":";
    }
    void string(const char *k, QStringView v)
    {
        key(k);
        appendJsonString(m_out, v);
    }
    void integer(qint64 v)
    {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_out.append(buf, r.ptr - buf);
    }
    void value(const QJsonValue &v, bool pythonFloat = false)
    {
        appendFaithfulJson(m_out, v, false, 0, pythonFloat);
    }
    void raw(const char *text) { m_out += text; }
    void end() { m_out += '}'; }

private:
    void micros(const char *k, qint64 ns)
    {
        m_out += k;
        if (ns < 0) {
            m_out += '-';
            ns = -ns;
        }
        integer(ns / 1000);
        const int frac = int(ns % 1000);
        if (frac) {
            char buf[4] = {'.', char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10)};
            m_out.append(buf, 4);
        }
    }

    QByteArray &m_out;
    qint64 m_t0;
    bool m_first = true;
};

} // namespace

QByteArray RunExporter::toTrace(const RunLog &log)
{
    RunStore store;
    store.load(log);

    // Times are microseconds (the format's unit) from the run's first moment.
    qint64 t0 = std::numeric_limits<qint64>::max();
    for (const Event &e : log.events())
        t0 = std::min(t0, e.tNs);
    for (const ProcessRecord &p : log.processes)
        if (p.startNs)
            t0 = std::min(t0, *p.startNs);
    if (t0 == std::numeric_limits<qint64>::max())
        t0 = 0;

    // A track per process, keyed by its pid; one that never got a pid gets a number no pid has.
    const int processCount = store.processCount();
    QList<qint64> trackOf(processCount);
    for (int row = 0; row < processCount; ++row) {
        const ProcessRecord &r = store.process(row).record;
        trackOf[row] = r.pid ? *r.pid : qint64(1) << 40 | row;
    }
    // The last message each process sent or got (flows bind to the slice around their ends).
    QList<std::optional<qint64>> lastMessage(processCount);
    const auto later = [](std::optional<qint64> &slot, const std::optional<qint64> &t) {
        if (t)
            slot = slot ? std::max(*slot, *t) : *t;
    };
    for (int m = 0; m < store.messageCount(); ++m) {
        const RunStore::Message &msg = store.message(m);
        if (msg.sender >= 0 && msg.sender < processCount)
            later(lastMessage[msg.sender], msg.putNs);
        if (msg.receiver >= 0 && msg.receiver < processCount)
            later(lastMessage[msg.receiver], msg.getNs);
    }

    QByteArray out;
    out.reserve(qsizetype(log.events().size()) * 160 + 4096);
    out += "{\"displayTimeUnit\":\"ms\",\"otherData\":";
    QJsonObject other{
        {QStringLiteral("format"), QStringLiteral("concurrente-trace/1")},
        {QStringLiteral("app_version"), log.appVersion},
        {QStringLiteral("scenario_file"), log.scenario.value(QStringLiteral("file")).toString()},
        {QStringLiteral("t0_ns"), QString::number(t0)}};
    if (!log.homework.isEmpty())
        other.insert(QStringLiteral("homework"), log.homework.toJson());
    appendFaithfulJson(out, other, false, 0);
    out += ",\"traceEvents\":[";
    TraceWriter w(out, t0);

    for (int row = 0; row < processCount; ++row) {
        const RunStore::Process &p = store.process(row);
        const ProcessRecord &r = p.record;
        const QString label = r.pid ? QStringLiteral("%1 (%2)").arg(r.name).arg(*r.pid) : r.name;
        for (const char16_t *meta : {u"process_name", u"thread_name"}) {
            w.begin('M', QStringView(meta), trackOf.at(row));
            w.raw(",\"args\":{\"name\":");
            w.value(label);
            w.raw("}");
            w.end();
        }
        w.begin('M', u"process_sort_index", trackOf.at(row));
        w.raw(",\"args\":{\"sort_index\":");
        w.integer(row);
        w.raw("}");
        w.end();

        // The lifetime: from its start to its end, stretched over its own events so that every
        // instant and flow end of it lies inside.
        std::optional<qint64> from = r.startNs;
        std::optional<qint64> to = r.endNs;
        for (int i : p.events) {
            const qint64 t = store.event(i).tNs;
            from = from ? std::min(*from, t) : t;
            to = to ? std::max(*to, t) : t;
        }
        later(to, lastMessage.at(row));
        if (!from)
            continue; // never started, nothing happened to it: a named, empty track
        w.begin('X', r.name, trackOf.at(row));
        w.ts(*from);
        w.dur(std::max(*to, *from) - *from);
        w.string("cat", u"process");
        w.raw(",\"args\":{\"kind\":");
        w.value(r.kind);
        w.raw(",\"exitcode\":");
        w.value(r.exitcode ? QJsonValue(*r.exitcode) : QJsonValue());
        if (!r.startMethod.isEmpty())
            w.string("start_method", r.startMethod);
        if (r.ppid) {
            w.key("ppid");
            w.integer(*r.ppid);
        }
        if (!r.error.isEmpty())
            w.string("error", r.error);
        w.raw("}");
        w.end();
    }

    // The main program's waits in join() are phases of its track: from join_begin to the join
    // (or join_timeout) of the same process. A join_begin with no end (the run was cut short)
    // draws nothing.
    int mainRow = -1;
    for (int row = 0; row < processCount && mainRow < 0; ++row)
        if (store.process(row).record.kind == QLatin1String("main"))
            mainRow = row;
    if (mainRow >= 0) {
        QHash<int, int> waiting; // the joined process's row → its join_begin event
        for (int i = 0; i < store.eventCount(); ++i) {
            const Event &e = store.event(i);
            const int row = store.eventProcess(i);
            if (row < 0)
                continue;
            if (e.kind == EventKind::JoinBegin) {
                waiting.insert(row, i);
                continue;
            }
            if (e.kind != EventKind::Join && e.kind != EventKind::JoinTimeout)
                continue;
            const auto it = waiting.constFind(row);
            if (it == waiting.constEnd())
                continue;
            const Event &begin = store.event(*it);
            waiting.erase(it);
            const QString &name = store.process(row).record.name;
            const QJsonValue timeout = begin.fields.value(QStringLiteral("timeout_ms"));
            w.begin('X',
                    timeout.isDouble() ? QStringLiteral("join(%1, timeout=%2 s)")
                                             .arg(name, QString::number(timeout.toDouble() / 1000.0))
                                       : QStringLiteral("join(%1)").arg(name),
                    trackOf.at(mainRow));
            w.ts(begin.tNs);
            w.dur(std::max<qint64>(e.tNs - begin.tNs, 0));
            w.string("cat", u"join");
            w.raw(",\"args\":{\"process\":");
            w.value(name);
            w.raw(",\"returned\":");
            w.value(e.kind == EventKind::Join ? QStringLiteral("ended") : QStringLiteral("timeout"));
            if (begin.fields.value(QStringLiteral("implicit")).toBool())
                w.raw(",\"implicit\":true");
            w.raw("}");
            w.end();
        }
    }

    const int eventCount = store.eventCount();
    for (int i = 0; i < eventCount; ++i) {
        const Event &e = store.event(i);
        const int row = store.eventProcess(i);
        if (row < 0 || !isInstantKind(e.kind))
            continue;
        if (e.kind == EventKind::Print)
            w.begin(
                'i',
                QStringLiteral("print: %1").arg(e.fields.value(QStringLiteral("text")).toString().left(60)),
                trackOf.at(row));
        else
            w.begin('i', e.ev(), trackOf.at(row));
        w.ts(e.tNs);
        w.raw(",\"s\":\"t\"");
        w.string("cat", e.ev());
        w.key("args");
        w.value(e.fields);
        w.end();
    }

    // A message is a flow from the put on the sender's track to the get on the receiver's.
    for (int m = 0; m < store.messageCount(); ++m) {
        const RunStore::Message &msg = store.message(m);
        if (msg.sender < 0 || msg.receiver < 0 || !msg.putNs || !msg.getNs)
            continue;
        w.begin('s', msg.channel, trackOf.at(msg.sender));
        w.ts(*msg.putNs);
        w.raw(",\"cat\":\"message\",\"id\":");
        w.integer(m + 1);
        w.raw(",\"args\":{\"value\":");
        w.value(msg.value, msg.isFloat);
        w.raw(",\"seq\":");
        w.integer(msg.seq);
        w.raw("}");
        w.end();
        w.begin('f', msg.channel, trackOf.at(msg.receiver));
        w.ts(*msg.getNs);
        w.raw(",\"cat\":\"message\",\"id\":");
        w.integer(m + 1);
        w.raw(",\"bp\":\"e\"");
        w.end();
    }
    out += "\n]}\n";
    return out;
}

} // namespace concurrente
