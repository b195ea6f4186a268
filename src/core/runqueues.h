#pragma once

#include "scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace shmq {
class Queue;
}

namespace concurrente {

/// The run's shared-memory queues (src/shmq): one anonymous sealed segment per scenario queue,
/// made when the run starts, inherited by descriptor by the main program (and from it by every
/// worker, as "fd:N"), destroyed when the run ends. Nothing in /dev/shm to squat, truncate or
/// leave behind (docs/decisions.md).
class RunQueues
{
public:
    RunQueues();
    ~RunQueues();
    RunQueues(const RunQueues &) = delete;
    RunQueues &operator=(const RunQueues &) = delete;

    /// Removes the named segments in /dev/shm left by app instances that died without removing
    /// them (SIGKILL, a crash), also those whose creator's pid is now another process's. Once
    /// per process: at the app's start and, at the latest, before a run's queues.
    static void removeStale();

    /// Makes one segment per spec. One that cannot be made (no memory: its space is reserved
    /// now, never found missing later) is reported through `failed(queue name, why)` and left
    /// out: actions on it fail with that reason. A non-empty `refuse` (the queues would not fit
    /// in the memory left) makes none, each reported with it.
    void create(const QList<QueueSpec> &specs, const QString &refuse,
                const std::function<void(const QString &, const QString &)> &failed);
    /// Whether queue `index` exists (was made).
    bool isAvailable(int index) const;
    /// The segment's name for the helpers' command lines ("fd:N"), by scenario queue index
    /// (empty for one that could not be made).
    const QStringList &segmentNames() const { return m_names; }
    /// The descriptors of the segments, for the main program to inherit.
    QList<int> fds() const;
    /// Destroys every segment (the run is over).
    void destroy();

private:
    std::vector<std::unique_ptr<shmq::Queue>> m_queues;
    QStringList m_names;
};

} // namespace concurrente
