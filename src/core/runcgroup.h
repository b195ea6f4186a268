#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace concurrente {

struct HostInfo;
struct Scenario;

namespace limits {
/// Tasks (processes and threads: the kernel's pids count both) a run may have beyond what its
/// scenario can start itself; see RunContainment::processCapFor().
inline constexpr int RunPidsMargin = 32;
/// memory.max of a run: this much, plus RunMemoryPerProcessBytes per process it can start.
inline constexpr qint64 RunMemoryBaseBytes = qint64(256) << 20;
inline constexpr qint64 RunMemoryPerProcessBytes = qint64(32) << 20;
/// Memory a run's queues must leave to the app itself (its heap, the run's events).
inline constexpr qint64 QueueMemorySpareBytes = qint64(32) << 20;
} // namespace limits

/// What the main program gets of its run's containment. Between fork and exec (QProcess's
/// child-process modifier, async-signal-safe calls only) the child keeps the run's
/// `cgroup.procs` descriptors open across exec and sets its RLIMIT_NPROC; the main program
/// writes `0` to each descriptor first thing (`--cgroup-fd N`), before it reads a command.
/// Not in the modifier itself: a cgroup migration waits for an RCU grace period (15 ms and
/// more), and QProcess starts the child with vfork, so the app's thread would wait with it.
struct ChildContainment
{
    int procsFds[2] = {-1, -1}; ///< cgroup.procs files open for writing (≥ 10), -1: none
    long nprocLimit = -1;       ///< RLIMIT_NPROC to set (a user without cgroups), -1: none
    void applyInChild() const noexcept;
    /// `--cgroup-fd N` for each descriptor, for the main program's command line.
    QStringList mainArguments() const;
};

/// Where one run's processes live and what caps them (docs/decisions.md, "each run in its own
/// cgroup"). The main program enters it before it runs anything, so every worker, fork server
/// and grandchild descends inside it, whatever process group or session it moves to.
///
///  - cgroup2: a cgroup `concurrente-<apppid>/run-<n>` below the app's own cgroup v2; its
///    `pids.max` and `memory.max` where those controllers reach it; `cgroup.kill` at the end.
///  - cgroup1-pids: the same in cgroup v1's `pids` hierarchy (also used for the cap alone when
///    cgroup v2 has no pids controller, as on a hybrid hierarchy).
///  - rlimit: RLIMIT_NPROC on the main program (meaningful for a user other than root only).
///  - none: nothing (root without a writable cgroup); the run goes on all the same.
///
/// `CONCURRENTE_CGROUP=off` uses no cgroup, `=cgroup1` no cgroup v2; `CONCURRENTE_PIDS_MAX=N`
/// replaces the computed cap (tests). Nothing here blocks: a run's cgroups are removed from
/// the event loop once their last process is gone, also after this object was destroyed.
class RunContainment
{
public:
    enum class Kind { None, Rlimit, Cgroup1Pids, Cgroup2 };
    static QString kindName(Kind kind);

    /// Sets up the containment of a run that needs at most `pidsMax` tasks and `memoryMax`
    /// bytes (0: no cap).
    RunContainment(qint64 pidsMax, qint64 memoryMax);
    /// Ends the run's containment (end()) if that was not done.
    ~RunContainment();
    RunContainment(const RunContainment &) = delete;
    RunContainment &operator=(const RunContainment &) = delete;

    /// What holds the run's processes together (and ends them all at the end).
    Kind kind() const { return m_kind; }
    /// The cap on the run's tasks, 0 when there is none, and what enforces it.
    qint64 pidsMax() const { return m_pidsMaxBy == Kind::None ? 0 : m_pidsMax; }
    Kind pidsMaxBy() const { return m_pidsMaxBy; }
    /// memory.max of the run's cgroup v2, 0 when there is none.
    qint64 memoryMax() const { return m_memoryMax; }
    /// The run's cgroup directories (empty when not used).
    QString cgroup2Path() const { return m_v2Dir; }
    QString cgroup1PidsPath() const { return m_v1Dir; }
    /// For the main program's child-process modifier.
    ChildContainment child() const;
    /// Writes `containment`, `pids_max`, `pids_max_by`, `memory_max` into the run log's host.
    void describe(HostInfo &host) const;

    /// At the run's end, after the run's own kill-and-reap: every process still in the run's
    /// cgroups is killed (cgroup.kill; in cgroup v1 one by one, through pidfds) and the cgroups
    /// are removed once empty — at once when they are, otherwise from the event loop.
    void end();

    /// The tasks a run of `scenario` can have at most: the main program (and its call thread
    /// and a called task's threads), the fork server, every worker with its threads and
    /// grandchildren, and RunPidsMargin.
    static qint64 processCapFor(const Scenario &scenario);
    /// memory.max for a run of `scenario`.
    static qint64 memoryCapFor(const Scenario &scenario);

    /// Ends and removes the cgroups of app instances that are gone (SIGKILL, a crash), and any
    /// a dead instance with this process's pid left. Once per process.
    static void removeStale();
    /// The directory of this process's cgroup v2 (empty when there is no cgroup2 mount).
    static QString ownCgroup2Dir();
    /// The directory of this process's cgroup in cgroup v1's `pids` hierarchy (empty if none).
    static QString ownCgroup1PidsDir();

private:
    bool setUpCgroup2(qint64 runNumber);
    bool setUpCgroup1Pids(qint64 runNumber);

    Kind m_kind = Kind::None;
    Kind m_pidsMaxBy = Kind::None;
    qint64 m_pidsMax = 0;
    qint64 m_memoryMax = 0;
    QString m_v2Dir;
    QString m_v1Dir;
    int m_v2ProcsFd = -1;
    int m_v1ProcsFd = -1;
    long m_nprocLimit = -1;
    bool m_ended = false;
};

/// Why the queues of `scenario` cannot all be reserved (memoryHeadroom() less
/// limits::QueueMemorySpareBytes is less than their segments take), or an empty string.
QString queueMemoryProblem(const Scenario &scenario);

/// How many bytes the app can still reserve as shared memory before the kernel refuses or its
/// OOM killer steps in: the tightest memory cgroup limit above the app (v2, or v1's memory
/// hierarchy) less what is used there (reclaimable file cache aside), and MemAvailable. Empty
/// when it cannot be told.
std::optional<qint64> memoryHeadroom();

} // namespace concurrente
