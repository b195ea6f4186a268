#include "mainactions.h"

#include "launcher.h"
#include "pyvalue.h"
#include "scenario.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace concurrente {

namespace {

/// A queue value as the main program puts it: JSON, floats as Python's repr.
QByteArray valueJson(const QJsonValue &value)
{
    if (const auto i = jsonInteger(value))
        return QByteArray::number(*i);
    if (value.isDouble()) // a float: Python's repr (0.1, not 0.10000000000000001), valid JSON when finite
        return pythonFloatRepr(value.toDouble()).toLatin1();
    if (value.isString()) {
        // A JSON string literal: let QJsonDocument do the escaping.
        const QByteArray arr = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return arr.mid(1, arr.size() - 2);
    }
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    return "null";
}

QByteArray field(const QString &s)
{
    return escapedCommandField(s).toUtf8();
}

/// A wait without a timeout waits as long as any wait of a run may (kMaxDelayMs).
QByteArray timeoutField(int timeoutMs)
{
    return QByteArray::number(timeoutMs >= 0 ? timeoutMs : kMaxDelayMs);
}

} // namespace

MainActions::MainActions(std::function<bool(const QByteArray &)> write,
                         std::function<void(const QString &, const QString &)> fail)
    : m_write(std::move(write)), m_fail(std::move(fail))
{}

void MainActions::put(const QString &segment, const QString &label, const QJsonValue &value,
                      std::function<void()> done)
{
    // put <TAB> SEGMENT <TAB> LABEL <TAB> SEQ <TAB> VALUE: the main program wraps it in the
    // helpers' envelope {"p":pid,"s":seq,"v":value} (src/helpers/task_queue.cpp) and puts it.
    sendCommand(QStringLiteral("put"),
                field(segment) + '\t' + field(label) + '\t' + QByteArray::number(m_putSeq++) + '\t' +
                    field(QString::fromUtf8(valueJson(value))),
                std::move(done));
}

void MainActions::get(const QString &segment, const QString &label, int timeoutMs, const QString &printText,
                      std::function<void()> done)
{
    // get <TAB> SEGMENT <TAB> LABEL <TAB> TIMEOUT_MS [<TAB> PRINT]: q.get() without a timeout
    // reports queue.Empty once the longest wait of a run is over.
    QByteArray line = field(segment) + '\t' + field(label) + '\t' + timeoutField(timeoutMs);
    if (!printText.isEmpty())
        line += '\t' + field(printText);
    sendCommand(QStringLiteral("get"), line, std::move(done));
}

void MainActions::recv(const QString &pipe, bool untilNone, int timeoutMs, std::function<void()> done)
{
    // recv <TAB> PIPENAME <TAB> LABEL <TAB> UNTIL_NONE <TAB> TIMEOUT_MS; conn.recv() has no
    // timeout in Python: it waits as long as any wait of the run may.
    const QByteArray name = field(pipe);
    sendCommand(QStringLiteral("recv"),
                name + '\t' + name + (untilNone ? "\t1\t" : "\t0\t") + timeoutField(timeoutMs),
                std::move(done));
}

void MainActions::send(const QString &pipe, const QJsonValue &value, std::function<void()> done)
{
    // send <TAB> PIPENAME <TAB> LABEL <TAB> SEQ <TAB> int|float|str|none <TAB> VALUE
    QByteArray kind, text;
    if (value.isNull()) {
        kind = "none";
    } else if (value.isString()) {
        kind = "str";
        text = field(value.toString());
    } else if (const auto i = jsonInteger(value)) {
        kind = "int";
        text = QByteArray::number(*i);
    } else {
        kind = "float";
        text = pythonFloatRepr(value.toDouble()).toLatin1();
    }
    const QByteArray name = field(pipe);
    sendCommand(QStringLiteral("send"),
                name + '\t' + name + '\t' + QByteArray::number(m_sendSeq++) + '\t' + kind + '\t' + text,
                std::move(done));
}

bool MainActions::call(const QString &task, const QJsonObject &args, std::function<void()> done)
{
    if (m_callDone)
        return false;
    QStringList fields{QStringLiteral("call"), escapedCommandField(task)};
    for (const QString &a : WorkerSpec::taskArgumentStrings(args))
        fields << escapedCommandField(a);
    m_callDone = done ? std::move(done) : [] {};
    if (!m_write(fields.join(u'\t').toUtf8() + '\n'))
        failNow(QStringLiteral("call"),
                engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended")),
                std::exchange(m_callDone, {}));
    return true;
}

void MainActions::sendCommand(const QString &action, const QByteArray &line, std::function<void()> done)
{
    m_pending.append(Pending{action, std::move(done)});
    if (!m_write(action.toUtf8() + '\t' + line + '\n'))
        failNow(action, engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended")),
                m_pending.takeLast().done);
}

void MainActions::failNow(const QString &action, const QString &why, const std::function<void()> &done)
{
    m_fail(action, why);
    if (done)
        done();
}

bool MainActions::isOutcome(const Event &e) const
{
    switch (e.kind) {
    case EventKind::Put:
    case EventKind::Get:
    case EventKind::PutFailed:
    case EventKind::GetFailed:
    case EventKind::RecvDone:
    case EventKind::CallDone:
        return true;
    case EventKind::CommandError: {
        // A command it refused will never report its outcome. (Refused starts are the run's.)
        const QString verb = e.fields.value(QStringLiteral("line")).toString().section(u'\t', 0, 0);
        if (verb == QLatin1String("call"))
            return bool(m_callDone);
        return !m_pending.isEmpty() && (verb == QLatin1String("put") || verb == QLatin1String("get") ||
                                        verb == QLatin1String("recv") || verb == QLatin1String("send"));
    }
    default:
        return false;
    }
}

void MainActions::complete(const Event &e)
{
    if (e.kind == EventKind::CallDone) {
        if (auto done = std::exchange(m_callDone, {}))
            done();
        return;
    }
    if (e.kind == EventKind::CommandError) {
        // End the refused action, with the reason, rather than wait for it.
        const QString verb = e.fields.value(QStringLiteral("line")).toString().section(u'\t', 0, 0);
        const QString message = e.fields.value(QStringLiteral("message")).toString();
        if (verb == QLatin1String("call")) {
            if (auto done = std::exchange(m_callDone, {}))
                failNow(verb, message, done);
        } else if (!m_pending.isEmpty()) {
            failNow(verb, message, m_pending.takeFirst().done);
        }
        return;
    }
    // One value of a recv loop: the loop goes on.
    if (m_pending.isEmpty() ||
        (m_pending.first().action == QLatin1String("recv") && e.kind == EventKind::Get))
        return;
    const Pending a = m_pending.takeFirst();
    if (e.kind == EventKind::PutFailed || e.kind == EventKind::GetFailed) {
        // What Python's main program would see: queue.Full, queue.Empty, ValueError.
        const QString type = e.fields.value(QStringLiteral("type")).toString();
        const QString message = e.fields.value(QStringLiteral("message")).toString();
        m_fail(a.action, message.isEmpty() ? type : type + QStringLiteral(": ") + message);
    }
    if (a.done)
        a.done();
}

void MainActions::mainEnded()
{
    // Nobody will report the actions it was given.
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &a : pending)
        failNow(a.action,
                engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program ended before doing it")),
                a.done);
    if (auto done = std::exchange(m_callDone, {}))
        failNow(QStringLiteral("call"),
                engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program ended before finishing it")),
                done);
}

} // namespace concurrente
