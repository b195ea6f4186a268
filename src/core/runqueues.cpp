#include "runqueues.h"

#include "protocol.h"
#include "shmq.h"

#include <QLoggingCategory>

namespace concurrente {

Q_DECLARE_LOGGING_CATEGORY(lcRun)

RunQueues::RunQueues() = default;
RunQueues::~RunQueues() = default;

void RunQueues::removeStale()
{
    static bool staleRemoved = false;
    if (staleRemoved)
        return;
    staleRemoved = true;
    std::vector<std::string> removed;
    if (shmq::Queue::removeStaleSegments(&removed) > 0)
        qCInfo(lcRun) << "removed" << removed.size() << "stale queue segments";
}

void RunQueues::create(const QList<QueueSpec> &specs, const QString &refuse,
                       const std::function<void(const QString &, const QString &)> &failed)
{
    removeStale(); // segments of an earlier app instance that died before removing them
    destroy();
    for (const QueueSpec &spec : specs) {
        shmq::OpenError error;
        std::optional<shmq::Queue> q;
        if (refuse.isEmpty())
            q = shmq::Queue::createAnonymous(spec.name.toStdString(),
                                             std::uint32_t(std::max(spec.capacity, 1)),
                                             shmq::kMaxMessageBytes, &error);
        if (!q) {
            const QString message = QString::fromStdString(error.message);
            failed(spec.name, !refuse.isEmpty() ? refuse
                              : error.code == shmq::OpenErrorCode::NoSpace
                                  ? engineText(QT_TRANSLATE_NOOP("EngineMessage",
                                                                 "not enough memory for the queues: %1"))
                                        .arg(message)
                                  : message);
            m_queues.push_back(nullptr);
            m_names.append(QString());
            continue;
        }
        m_names.append(QString::fromStdString(q->name()));
        m_queues.push_back(std::make_unique<shmq::Queue>(std::move(*q)));
    }
}

bool RunQueues::isAvailable(int index) const
{
    return index >= 0 && index < int(m_queues.size()) && m_queues[size_t(index)];
}

QList<int> RunQueues::fds() const
{
    QList<int> fds;
    for (const auto &q : m_queues)
        if (q && q->fd() >= 0)
            fds.append(q->fd());
    return fds;
}

void RunQueues::destroy()
{
    for (auto &q : m_queues)
        if (q)
            q->destroy();
    m_queues.clear();
    m_names.clear();
}

} // namespace concurrente
