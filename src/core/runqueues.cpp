// The run's shared-memory queues (src/shmq): anonymous sealed segments created when the run
// starts, passed by descriptor to the main program (and from it to every worker, as "fd:N"),
// destroyed when the run ends. The main program's own `put` and `get` actions are
// done by MainProcess (concurrente-main), so their events carry its pid, as in Python.
#include "run.h"

#include "pyvalue.h"
#include "runcgroup.h"
#include "shmq.h"
#include "workerprocess.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <unistd.h>

namespace concurrente {

namespace {
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
} // namespace

void Run::removeStaleQueues()
{
    static bool staleRemoved = false;
    if (staleRemoved)
        return;
    staleRemoved = true;
    std::vector<std::string> removed;
    if (shmq::Queue::removeStaleSegments(&removed) > 0)
        qCInfo(lcRun) << "removed" << removed.size() << "stale queue segments";
}

void Run::createQueues()
{
    removeStaleQueues(); // segments of an earlier app instance that died before removing them
    m_queueNames.clear();
    // Every page of the queues is reserved now, charged to the app. Where that is more than the
    // memory left, the reservation would not fail but wake the OOM killer (a memory cgroup's
    // limit, the machine's memory): refuse first, with the cause.
    const QString shortMemory = queueMemoryProblem(m_scenario);
    for (const QueueSpec &spec : std::as_const(m_scenario.queues)) {
        if (!shortMemory.isEmpty()) {
            recordEngine(EventKind::QueueError, nullptr,
                         {{QStringLiteral("queue"), spec.name}, {QStringLiteral("message"), shortMemory}});
            m_queues.push_back(nullptr);
            m_queueNames.append(QString());
            continue;
        }
        shmq::OpenError error;
        // Anonymous and sealed (docs/decisions.md): nothing in /dev/shm to squat, truncate or
        // leave behind; the main program and every worker inherit the descriptor.
        auto q =
            shmq::Queue::createAnonymous(spec.name.toStdString(), std::uint32_t(std::max(spec.capacity, 1)),
                                         shmq::kMaxMessageBytes, &error);
        if (!q) {
            const QString message = QString::fromStdString(error.message);
            recordEngine(
                EventKind::QueueError, nullptr,
                {{QStringLiteral("queue"), spec.name},
                 {QStringLiteral("message"),
                  error.code == shmq::OpenErrorCode::NoSpace
                      ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "not enough memory for the queues: %1"))
                            .arg(message)
                      : message}});
            m_queues.push_back(nullptr);
            m_queueNames.append(QString());
            continue;
        }
        m_queueNames.append(QString::fromStdString(q->name()));
        m_queues.push_back(std::make_unique<shmq::Queue>(std::move(*q)));
    }
}

QList<int> Run::queueFds() const
{
    QList<int> fds;
    for (const auto &q : m_queues)
        if (q && q->fd() >= 0)
            fds.append(q->fd());
    return fds;
}

void Run::destroyQueues()
{
    for (auto &q : m_queues)
        if (q)
            q->destroy();
    m_queues.clear();
}

void Run::put(int queue, const QJsonValue &value, std::function<void()> done)
{
    const qint64 seq = m_mainPutSeq++;
    // put <TAB> SEGMENT <TAB> LABEL <TAB> SEQ <TAB> VALUE: the main program wraps it in the
    // helpers' envelope {"p":pid,"s":seq,"v":value} (src/helpers/task_queue.cpp) and puts it.
    sendQueueAction(QStringLiteral("put"), queue,
                    "\t" + QByteArray::number(seq) + "\t" +
                        escapedCommandField(QString::fromUtf8(valueJson(value))).toUtf8(),
                    std::move(done));
}

void Run::get(int queue, int timeoutMs, std::function<void()> done, const QString &printText)
{
    // get <TAB> SEGMENT <TAB> LABEL <TAB> TIMEOUT_MS; q.get() without a timeout waits as long as
    // any wait of the run may (kMaxDelayMs), then reports queue.Empty.
    const int timeout = timeoutMs >= 0 ? timeoutMs : kMaxDelayMs;
    QByteArray rest = "\t" + QByteArray::number(timeout);
    if (!printText.isEmpty())
        rest += "\t" + escapedCommandField(printText).toUtf8();
    sendQueueAction(QStringLiteral("get"), queue, rest, std::move(done));
}

void Run::recv(int pipe, bool untilNone, int timeoutMs, std::function<void()> done)
{
    if (pipe < 0 || pipe >= m_pipes.size() || !m_pipes[pipe].mainReads) {
        failAction(QStringLiteral("recv"),
                   engineText(QT_TRANSLATE_NOOP("EngineMessage",
                                                "no pipe with index %1 that the main program reads"))
                       .arg(pipe),
                   done);
        return;
    }
    // recv <TAB> PIPENAME <TAB> LABEL <TAB> UNTIL_NONE <TAB> TIMEOUT_MS; conn.recv() has no
    // timeout in Python: it waits as long as any wait of the run may.
    const QByteArray name = escapedCommandField(m_pipes[pipe].name).toUtf8();
    sendMainAction(QStringLiteral("recv"), name + "\t" + name,
                   (untilNone ? "\t1\t" : "\t0\t") +
                       QByteArray::number(timeoutMs >= 0 ? timeoutMs : kMaxDelayMs),
                   std::move(done));
}

void Run::send(int pipe, const QJsonValue &value, std::function<void()> done)
{
    if (pipe < 0 || pipe >= m_pipes.size() || !m_pipes[pipe].mainWrites) {
        failAction(QStringLiteral("send"),
                   engineText(QT_TRANSLATE_NOOP("EngineMessage",
                                                "no pipe with index %1 that the main program writes"))
                       .arg(pipe),
                   done);
        return;
    }
    // send <TAB> PIPENAME <TAB> LABEL <TAB> SEQ <TAB> int|float|str|none <TAB> VALUE
    QByteArray kind, text;
    if (value.isNull()) {
        kind = "none";
    } else if (value.isString()) {
        kind = "str";
        text = escapedCommandField(value.toString()).toUtf8();
    } else if (const auto i = jsonInteger(value)) {
        kind = "int";
        text = QByteArray::number(*i);
    } else {
        kind = "float";
        text = pythonFloatRepr(value.toDouble()).toLatin1();
    }
    const QByteArray name = escapedCommandField(m_pipes[pipe].name).toUtf8();
    sendMainAction(QStringLiteral("send"), name + "\t" + name,
                   "\t" + QByteArray::number(m_mainSendSeq++) + "\t" + kind + "\t" + text, std::move(done));
}

void Run::sendQueueAction(const QString &action, int queue, const QByteArray &rest,
                          std::function<void()> done)
{
    if (queue < 0 || queue >= int(m_queues.size()) || !m_queues[size_t(queue)]) {
        failAction(action,
                   queue >= 0 && queue < m_scenario.queues.size()
                       ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "queue \"%1\" could not be created"))
                             .arg(m_scenario.queues[queue].name)
                       : engineText(QT_TRANSLATE_NOOP("EngineMessage", "no queue with index %1")).arg(queue),
                   done);
        return;
    }
    sendMainAction(action,
                   escapedCommandField(m_queueNames[queue]).toUtf8() + "\t" +
                       escapedCommandField(m_scenario.queues[queue].name).toUtf8(),
                   rest, std::move(done));
}

void Run::sendMainAction(const QString &action, const QByteArray &target, const QByteArray &rest,
                         std::function<void()> done)
{
    WorkerProcess *main = ensureMain();
    if (main->isFinished()) {
        failAction(action, engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended")),
                   done);
        return;
    }
    m_queueActions.append(QueueAction{action, std::move(done)});
    main->writeInput(action.toUtf8() + "\t" + target + rest + "\n");
}

void Run::failAction(const QString &action, const QString &message, const std::function<void()> &done)
{
    actionError(action, nullptr, message);
    if (done)
        done();
}

void Run::completeQueueAction(const Event &event)
{
    if (m_queueActions.isEmpty())
        return;
    QueueAction a = m_queueActions.takeFirst();
    if (event.kind == EventKind::PutFailed || event.kind == EventKind::GetFailed) {
        // What Python's main program would see: queue.Full, queue.Empty, ValueError.
        const QString type = event.fields.value(QStringLiteral("type")).toString();
        const QString message = event.fields.value(QStringLiteral("message")).toString();
        actionError(a.action, nullptr, message.isEmpty() ? type : type + QStringLiteral(": ") + message);
    }
    if (a.done)
        a.done();
}

void Run::failQueueActions()
{
    // The main program is gone: nobody will report the actions it was given.
    const QList<QueueAction> pending = std::exchange(m_queueActions, {});
    for (const QueueAction &a : pending) {
        actionError(a.action, nullptr,
                    engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program ended before doing it")));
        if (a.done)
            a.done();
    }
}

} // namespace concurrente
