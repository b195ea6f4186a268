#include "labtext.h"

#include "pyvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cstring>

namespace concurrente {

QString LabText::stateName(RunStore::State state)
{
    switch (state) {
    case RunStore::State::Created:
        return tr("created");
    case RunStore::State::Running:
        return tr("running");
    case RunStore::State::Stopped:
        return tr("stopped");
    case RunStore::State::Exited:
        return tr("exited");
    case RunStore::State::Terminated:
        return tr("terminated");
    case RunStore::State::Killed:
        return tr("killed");
    case RunStore::State::Failed:
        return tr("failed to start");
    }
    return {};
}

QString LabText::exitCode(std::optional<int> code)
{
    if (!code)
        return {};
    if (*code >= 0)
        return QString::number(*code);
    const char *abbrev = sigabbrev_np(-*code);
    const QString number = QStringLiteral("\u2212%1").arg(-*code);
    return abbrev ? QStringLiteral("%1 (SIG%2)").arg(number, QString::fromLatin1(abbrev)) : number;
}

QString LabText::relativeMs(qint64 tNs, qint64 originNs)
{
    return QLocale().toString(double(tNs - originNs) / 1e6, 'f', 3);
}

QString LabText::duration(qint64 ns)
{
    const QLocale l;
    if (ns >= 1'000'000'000)
        return tr("%1 s").arg(l.toString(double(ns) / 1e9, 'f', 3));
    if (ns >= 1'000'000)
        return tr("%1 ms").arg(l.toString(double(ns) / 1e6, 'f', 1));
    return tr("%1 µs").arg(l.toString(double(ns) / 1e3, 'f', 0));
}

QString LabText::startMethod(const QString &method)
{
    // Python's own names: a student types them in set_start_method().
    return method;
}

QString LabText::value(const QJsonValue &value, bool isFloat)
{
    return pythonStr(value, isFloat);
}

QString LabText::message(const QString &english)
{
    const QString exact = QCoreApplication::translate("EngineMessage", english.toUtf8().constData());
    if (exact != english)
        return exact;
    // Messages with a number or a name in them: find the template they were made from.
    static const char *const templates[] = {
        QT_TRANSLATE_NOOP("EngineMessage", "no worker with index %1"),
        QT_TRANSLATE_NOOP("EngineMessage", "the main program could not be started: %1"),
        QT_TRANSLATE_NOOP("EngineMessage", "more than %1 grandchildren in one run: not tracked"),
        QT_TRANSLATE_NOOP("EngineMessage", "pid %1 is not a process of this run"),
        QT_TRANSLATE_NOOP("EngineMessage", "no pipe with index %1 that the main program reads"),
        QT_TRANSLATE_NOOP("EngineMessage", "no pipe with index %1 that the main program writes"),
        QT_TRANSLATE_NOOP("EngineMessage", "queue \"%1\" could not be created"),
        QT_TRANSLATE_NOOP("EngineMessage", "no queue with index %1"),
        QT_TRANSLATE_NOOP("EngineMessage", "cannot create the event pipe: %1"),
        QT_TRANSLATE_NOOP("EngineMessage", "cannot send the signal: %1"),
    };
    for (const char *t : templates) {
        const QString source = QString::fromUtf8(t);
        const qsizetype at = source.indexOf(QLatin1String("%1"));
        const QString before = source.left(at);
        const QString after = source.mid(at + 2);
        if (english.size() > before.size() + after.size() && english.startsWith(before) &&
            english.endsWith(after)) {
            const QString arg = english.mid(before.size(), english.size() - before.size() - after.size());
            return QCoreApplication::translate("EngineMessage", t).arg(arg);
        }
    }
    return english;
}

bool LabText::isErrorOutput(const Event &e)
{
    return e.kind == EventKind::Error || e.kind == EventKind::ActionError ||
           e.kind == EventKind::LaunchFailed || e.kind == EventKind::ProtocolError ||
           e.kind == EventKind::ForkFailed || e.kind == EventKind::CommandError ||
           e.kind == EventKind::PutFailed || e.kind == EventKind::GetFailed || e.kind == EventKind::Stderr;
}

QString LabText::consoleText(const Event &e, const QString &processName)
{
    const QJsonObject &f = e.fields;
    if (e.kind == EventKind::Print) {
        QString text = f.value(QStringLiteral("text")).toString();
        if (f.value(QStringLiteral("truncated")).toBool())
            text += tr(" […cut]");
        return text;
    }
    if (e.kind == EventKind::Stderr)
        return f.value(QStringLiteral("text")).toString();
    if (e.kind == EventKind::Error) {
        // What CPython writes to stderr when a Process's target raises.
        return QStringLiteral("Process %1:\nTraceback (most recent call last):\n  …\n%2: %3")
            .arg(processName, f.value(QStringLiteral("type")).toString(),
                 f.value(QStringLiteral("message")).toString());
    }
    if (isErrorOutput(e))
        return eventText(e);
    return {};
}

QString LabText::eventText(const Event &e)
{
    const QJsonObject &f = e.fields;
    const auto str = [&f](const char *key) { return f.value(QLatin1String(key)).toString(); };
    const auto num = [&f](const char *key) {
        const QJsonValue v = f.value(QLatin1String(key));
        const auto i = jsonInteger(v);
        return i ? QString::number(*i) : v.isDouble() ? QString::number(v.toDouble()) : v.toString();
    };
    const EventKind ev = e.kind;
    const QString by = str("by");
    if (ev == EventKind::StartRequest)
        return tr("start() called");
    if (ev == EventKind::Start)
        return tr("started: ppid %1, %2").arg(num("ppid"), str("start_method"));
    if (ev == EventKind::Forked)
        return tr("created by its parent (%1)").arg(str("start_method"));
    if (ev == EventKind::ForkserverStarted)
        return tr("fork server started");
    if (ev == EventKind::HelperReady)
        return tr("main program ready");
    if (ev == EventKind::Print)
        return tr("print: %1").arg(str("text"));
    if (ev == EventKind::Result)
        return tr("result: %1")
            .arg(f.contains(QStringLiteral("text"))
                     ? str("text")
                     : value(f.value(QStringLiteral("value")), f.value(QStringLiteral("float")).toBool()));
    if (ev == EventKind::Error)
        return tr("exception %1: %2").arg(str("type"), str("message"));
    if (ev == EventKind::Put)
        return tr("put %1 into %2")
            .arg(value(f.value(QStringLiteral("value")), f.value(QStringLiteral("float")).toBool()),
                 str("queue"));
    if (ev == EventKind::Get)
        return tr("got %1 from %2")
            .arg(value(f.value(QStringLiteral("value")), f.value(QStringLiteral("float")).toBool()),
                 str("queue"));
    if (ev == EventKind::PutFailed || ev == EventKind::GetFailed)
        return tr("%1 failed: %2 %3").arg(e.ev().left(3), str("type"), str("message")).trimmed();
    if (ev == EventKind::Reparented)
        return tr("adopted: ppid %1 → %2").arg(num("old_ppid"), num("ppid"));
    if (ev == EventKind::Exit)
        return tr("exits with code %1").arg(num("code"));
    if (ev == EventKind::Exited) {
        const auto code = jsonInteger(f.value(QStringLiteral("exitcode")));
        return code ? tr("ended: exit code %1").arg(exitCode(int(*code))) : tr("ended");
    }
    if (ev == EventKind::JoinBegin)
        return f.value(QStringLiteral("implicit")).toBool() ? tr("the main program ends: waits for it to end")
                                                            : tr("join() called: the main program waits");
    if (ev == EventKind::Join)
        return f.value(QStringLiteral("implicit")).toBool() ? tr("joined at the end of the main program")
                                                            : tr("join() returned");
    if (ev == EventKind::JoinTimeout)
        return tr("join(timeout=%1) returned: still alive")
            .arg(QLocale::c().toString(f.value(QStringLiteral("timeout_ms")).toDouble() / 1000.0, 'g', 6));
    const auto signalText = [&](const QString &what) {
        QString t = what;
        if (by == QLatin1String("end_main"))
            t = tr("%1 (a daemon, at the end of the main program)").arg(t);
        else if (by == QLatin1String("abort"))
            t = tr("%1 (the run was ended)").arg(t);
        if (f.contains(QStringLiteral("delivered")) && !f.value(QStringLiteral("delivered")).toBool())
            t = tr("%1 — it had already ended").arg(t);
        return t;
    };
    if (ev == EventKind::Terminate)
        return signalText(tr("terminate(): SIGTERM sent"));
    if (ev == EventKind::Kill)
        return signalText(tr("kill(): SIGKILL sent"));
    if (ev == EventKind::Stop)
        return signalText(tr("SIGSTOP sent: stopped"));
    if (ev == EventKind::Continue)
        return signalText(tr("SIGCONT sent: continues"));
    if (ev == EventKind::TerminateRandom)
        return f.value(QStringLiteral("name")).isNull() ? tr("random.choice(ps).terminate(): no candidate")
                                                        : tr("random.choice(ps) chose %1").arg(str("name"));
    if (ev == EventKind::EndMain)
        return tr("the main program reaches its end");
    if (ev == EventKind::IsAlive)
        return tr("is_alive() = %1, exitcode = %2")
            .arg(f.value(QStringLiteral("alive")).toBool() ? QStringLiteral("True") : QStringLiteral("False"),
                 f.value(QStringLiteral("exitcode")).isNull() ? QStringLiteral("None") : num("exitcode"));
    if (ev == EventKind::Call)
        return tr("calls %1() itself").arg(str("task"));
    if (ev == EventKind::CallDone)
        return tr("call returned");
    if (ev == EventKind::ActionError)
        return tr("%1 refused: %2").arg(str("action"), message(str("message")));
    if (ev == EventKind::LaunchFailed)
        return tr("could not be started: %1").arg(message(str("message")));
    if (ev == EventKind::ForkFailed)
        return tr("could not be created: %1").arg(str("message"));
    if (ev == EventKind::QueueError)
        return tr("queue %1: %2").arg(str("queue"), message(str("message")));
    if (ev == EventKind::ProtocolError)
        return tr("unreadable line: %1").arg(str("message"));
    if (ev == EventKind::CommandError)
        return tr("command refused: %1").arg(str("message"));
    if (ev == EventKind::Stderr)
        return tr("stderr: %1").arg(str("text"));
    if (ev == EventKind::RecvDone)
        return tr("recv() loop ended");
    QJsonObject rest = f;
    rest.remove(QStringLiteral("name"));
    return QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
}

} // namespace concurrente
