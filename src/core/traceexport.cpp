// The Chrome trace event format ("Trace Event Format", the JSON object form), as the Perfetto
// UI and chrome://tracing read it:
// https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
#include "export.h"

#include "runstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

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
    const auto us = [t0](qint64 ns) { return double(ns - t0) / 1000.0; };

    // A track per process, keyed by its pid; one that never got a pid gets a number no pid has.
    QList<qint64> trackOf(store.processCount());
    for (int row = 0; row < store.processCount(); ++row) {
        const ProcessRecord &r = store.process(row).record;
        trackOf[row] = r.pid ? *r.pid : qint64(1) << 40 | row;
    }
    const auto base = [&trackOf](int row, const QString &ph, const QString &name, double ts) {
        return QJsonObject{{QStringLiteral("ph"), ph},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("pid"), trackOf.at(row)},
                           {QStringLiteral("tid"), trackOf.at(row)},
                           {QStringLiteral("ts"), ts}};
    };

    QJsonArray out;
    for (int row = 0; row < store.processCount(); ++row) {
        const RunStore::Process &p = store.process(row);
        const ProcessRecord &r = p.record;
        const QString label = r.pid ? QStringLiteral("%1 (%2)").arg(r.name).arg(*r.pid) : r.name;
        QJsonObject name = base(row, QStringLiteral("M"), QStringLiteral("process_name"), 0);
        name.remove(QStringLiteral("ts"));
        name.insert(QStringLiteral("args"), QJsonObject{{QStringLiteral("name"), label}});
        out.append(name);
        QJsonObject thread = name;
        thread.insert(QStringLiteral("name"), QStringLiteral("thread_name"));
        out.append(thread);
        QJsonObject order = name;
        order.insert(QStringLiteral("name"), QStringLiteral("process_sort_index"));
        order.insert(QStringLiteral("args"), QJsonObject{{QStringLiteral("sort_index"), row}});
        out.append(order);

        // The lifetime: from its start to its end, stretched over its own events so that every
        // instant and flow end of it lies inside (flows bind to the slice around them).
        std::optional<qint64> from = r.startNs;
        std::optional<qint64> to = r.endNs;
        for (int i : p.events) {
            const qint64 t = store.event(i).tNs;
            from = from ? std::min(*from, t) : t;
            to = to ? std::max(*to, t) : t;
        }
        for (int m = 0; m < store.messageCount(); ++m) {
            const RunStore::Message &msg = store.message(m);
            if (msg.sender == row && msg.putNs)
                to = to ? std::max(*to, *msg.putNs) : *msg.putNs;
            if (msg.receiver == row && msg.getNs)
                to = to ? std::max(*to, *msg.getNs) : *msg.getNs;
        }
        if (!from)
            continue; // never started, nothing happened to it: a named, empty track
        QJsonObject span = base(row, QStringLiteral("X"), r.name, us(*from));
        span.insert(QStringLiteral("cat"), QStringLiteral("process"));
        span.insert(QStringLiteral("dur"), us(std::max(*to, *from)) - us(*from));
        QJsonObject args{{QStringLiteral("kind"), r.kind},
                         {QStringLiteral("exitcode"), r.exitcode ? QJsonValue(*r.exitcode) : QJsonValue()}};
        if (!r.startMethod.isEmpty())
            args.insert(QStringLiteral("start_method"), r.startMethod);
        if (r.ppid)
            args.insert(QStringLiteral("ppid"), *r.ppid);
        if (!r.error.isEmpty())
            args.insert(QStringLiteral("error"), r.error);
        span.insert(QStringLiteral("args"), args);
        out.append(span);
    }

    for (int i = 0; i < store.eventCount(); ++i) {
        const Event &e = store.event(i);
        const int row = store.eventProcess(i);
        if (row < 0 || !isInstantKind(e.kind))
            continue;
        QString name = e.ev();
        if (e.kind == EventKind::Print)
            name =
                QStringLiteral("print: %1").arg(e.fields.value(QStringLiteral("text")).toString().left(60));
        QJsonObject instant = base(row, QStringLiteral("i"), name, us(e.tNs));
        instant.insert(QStringLiteral("s"), QStringLiteral("t"));
        instant.insert(QStringLiteral("cat"), e.ev());
        instant.insert(QStringLiteral("args"), e.fields);
        out.append(instant);
    }

    // A message is a flow from the put on the sender's track to the get on the receiver's.
    for (int m = 0; m < store.messageCount(); ++m) {
        const RunStore::Message &msg = store.message(m);
        if (msg.sender < 0 || msg.receiver < 0 || !msg.putNs || !msg.getNs)
            continue;
        const QJsonObject args{{QStringLiteral("value"), msg.value}, {QStringLiteral("seq"), msg.seq}};
        QJsonObject start = base(msg.sender, QStringLiteral("s"), msg.channel, us(*msg.putNs));
        start.insert(QStringLiteral("cat"), QStringLiteral("message"));
        start.insert(QStringLiteral("id"), m + 1);
        start.insert(QStringLiteral("args"), args);
        out.append(start);
        QJsonObject finish = base(msg.receiver, QStringLiteral("f"), msg.channel, us(*msg.getNs));
        finish.insert(QStringLiteral("cat"), QStringLiteral("message"));
        finish.insert(QStringLiteral("id"), m + 1);
        finish.insert(QStringLiteral("bp"), QStringLiteral("e"));
        out.append(finish);
    }

    QJsonObject other{
        {QStringLiteral("format"), QStringLiteral("concurrente-trace/1")},
        {QStringLiteral("app_version"), log.appVersion},
        {QStringLiteral("scenario_file"), log.scenario.value(QStringLiteral("file")).toString()},
        {QStringLiteral("t0_ns"), QString::number(t0)}};
    if (!log.homework.isEmpty())
        other.insert(QStringLiteral("homework"), log.homework.toJson());
    const QJsonObject doc{{QStringLiteral("traceEvents"), out},
                          {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")},
                          {QStringLiteral("otherData"), other}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

} // namespace concurrente
