// The run's shared-memory queues (src/shmq): created when the run starts, named to the workers
// that use them, fed by the main program's `put` actions, destroyed when the run ends.
#include "run.h"

#include "pyvalue.h"
#include "shmq.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <unistd.h>

namespace concurrente {

namespace {
/// How often a `put` into a full queue is retried: the GUI thread never blocks in put().
constexpr int kPutRetryMs = 2;

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

void Run::createQueues()
{
    static bool staleRemoved = false;
    if (!staleRemoved) {
        // Segments of an earlier app instance that died before it could remove them.
        staleRemoved = true;
        std::vector<std::string> removed;
        if (shmq::Queue::removeStaleSegments(&removed) > 0)
            qCInfo(lcRun) << "removed" << removed.size() << "stale queue segments";
    }
    m_queueNames.clear();
    for (const QueueSpec &spec : std::as_const(m_scenario.queues)) {
        shmq::OpenError error;
        auto q = shmq::Queue::create(spec.name.toStdString(), std::uint32_t(std::max(spec.capacity, 1)),
                                     shmq::kMaxMessageBytes, &error);
        if (!q) {
            recordEngine(QStringLiteral("queue_error"), nullptr,
                         {{QStringLiteral("queue"), spec.name},
                          {QStringLiteral("message"), QString::fromStdString(error.message)}});
            m_queues.push_back(nullptr);
            m_queueNames.append(QString());
            continue;
        }
        m_queueNames.append(QString::fromStdString(q->name()));
        m_queues.push_back(std::make_unique<shmq::Queue>(std::move(*q)));
    }
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
    if (queue < 0 || queue >= int(m_queues.size()) || !m_queues[size_t(queue)]) {
        actionError(QStringLiteral("put"), nullptr,
                    queue >= 0 && queue < m_scenario.queues.size()
                        ? tr("queue \"%1\" could not be created").arg(m_scenario.queues[queue].name)
                        : tr("no queue with index %1").arg(queue));
        if (done)
            done();
        return;
    }
    const qint64 seq = m_mainPutSeq++;
    // The helpers' envelope (src/helpers/task_queue.cpp): {"p":pid,"s":seq,"v":value}.
    const QByteArray message = "{\"p\":" + QByteArray::number(qint64(::getpid())) + ",\"s\":" +
                               QByteArray::number(seq) + ",\"v\":" + valueJson(value) + '}';
    tryPutLater(queue, message, seq, value, monotonicNs() + qint64(kMaxDelayMs) * 1'000'000, std::move(done));
}

void Run::tryPutLater(int queue, const QByteArray &message, qint64 seq, const QJsonValue &value, qint64 deadlineNs,
                      std::function<void()> done)
{
    if (queue >= int(m_queues.size()) || !m_queues[size_t(queue)]) {
        if (done)
            done(); // the run ended meanwhile
        return;
    }
    shmq::Queue &q = *m_queues[size_t(queue)];
    const shmq::Result r = q.tryPut(std::as_bytes(std::span(message.constData(), size_t(message.size()))));
    const QString label = m_scenario.queues[queue].name;
    if (r == shmq::Result::Ok) {
        QJsonObject fields{{QStringLiteral("name"), QStringLiteral("MainProcess")},
                           {QStringLiteral("queue"), label},
                           {QStringLiteral("producer"), qint64(::getpid())},
                           {QStringLiteral("seq"), seq},
                           {QStringLiteral("value"), value}};
        if (value.isDouble() && !jsonInteger(value))
            fields.insert(QStringLiteral("float"), true); // docs/protocol.md, "Numbers"
        record(Event::make(monotonicNs(), qint64(::getpid()), QStringLiteral("put"), fields));
    } else if (r == shmq::Result::Timeout && monotonicNs() < deadlineNs) {
        // Full (or the lock is busy): like Python's blocking put, wait for room — without
        // blocking the thread.
        QTimer::singleShot(kPutRetryMs, this, [this, queue, message, seq, value, deadlineNs, done = std::move(done)] {
            tryPutLater(queue, message, seq, value, deadlineNs, done);
        });
        return;
    } else {
        actionError(QStringLiteral("put"), nullptr,
                    r == shmq::Result::Timeout ? tr("queue \"%1\" stayed full for %2 s").arg(label).arg(kMaxDelayMs / 1000)
                                               : tr("queue \"%1\": %2").arg(label, QString::fromLatin1(shmq::describe(r))));
    }
    if (done)
        done();
}

} // namespace concurrente
