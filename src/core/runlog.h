#pragma once

#include "protocol.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace concurrente {

namespace limits {
/// Events stored per run. A runaway worker (a print loop) must not exhaust memory: further
/// events are counted, not stored, and the summary says how many were dropped. An event takes
/// about 480 bytes in memory, so the app stays under 300 MB at the cap (decision 23).
inline constexpr qsizetype MaxEventsPerRun = 500'000;
} // namespace limits

/// The value of the run log's `format` field (docs/run-log.md).
inline constexpr char kRunLogFormat[] = "concurrente-run/2";
/// Format 1 (processes named a `launcher` instead of a kind and start method) still loads.
inline constexpr char kRunLogFormat1[] = "concurrente-run/1";

/// One process of a run as the run log's `processes[]` records it.
struct ProcessRecord
{
    int index =
        -1;     ///< the scenario worker's index; -1 for the main program, the fork server and grandchildren
    QString id; ///< the scenario worker's id (may be empty)
    QString name;
    std::optional<qint64> pid;
    std::optional<qint64> ppid; ///< os.getppid(): the last one the process reported (or its creator saw)
    /// multiprocessing.parent_process().pid: the process that created it as a Process. Differs
    /// from ppid under forkserver (ppid is the server) and for orphans (re-parented).
    std::optional<qint64> parentPid;
    bool daemon = false;
    /// "main" (the run's MainProcess), "worker" (a scenario worker), "forkserver" (the server
    /// the main program forks for the forkserver start method), "child" (a grandchild a
    /// worker started itself)
    QString kind;
    QString startMethod; ///< "spawn", "fork", "forkserver" for workers and children; empty otherwise
    QString parentName;  ///< for adopted grandchildren: the worker that started them
    std::optional<qint64> startNs; ///< start request (launched) or first event (grandchildren)
    std::optional<qint64> endNs;
    std::optional<int> exitcode; ///< 0, 1, -signal; empty while running or never started
    QString error;               ///< why it could not be started, if it could not

    QJsonObject toJson() const;
    static ProcessRecord fromJson(const QJsonObject &object);
};

/// host {cpu_count, usable_cpus, os, kernel}
struct HostInfo
{
    int cpuCount = 0;   ///< os.cpu_count(): the CPUs online, whatever this process's affinity
    int usableCpus = 0; ///< len(os.sched_getaffinity(0)): the CPUs this process may run on
    QString os;
    QString kernel;
    /// What held the run's processes together and capped them (docs/decisions.md):
    /// "cgroup2", "cgroup1-pids", "rlimit", "none"; empty in older logs.
    QString containment;
    qint64 pidsMax = 0;   ///< the cap on the run's tasks, 0: none
    QString pidsMaxBy;    ///< what enforced it: "cgroup2", "cgroup1-pids", "rlimit"
    qint64 memoryMax = 0; ///< memory.max of the run's cgroup, 0: none
    static HostInfo current();
    QJsonObject toJson() const;
};

/// The homework header of a run handed in: who, in which group, for which exercise. Every
/// field may be empty; a log without one (older logs, a run nobody named) has all three empty.
struct Homework
{
    QString student;
    QString group;
    QString exercise;

    bool isEmpty() const { return student.isEmpty() && group.isEmpty() && exercise.isEmpty(); }
    bool operator==(const Homework &other) const = default;
    QJsonObject toJson() const;
    static Homework fromJson(const QJsonObject &object);
};

/// One thing the run showed that decides a prediction: what it is (a code the display
/// translates: "exitcode", "name", "ppid", "pid", "duration_ms", "printed", "got", ...), the
/// process it is about, its value as text, and when it happened (CLOCK_MONOTONIC ns).
struct PredictEvidence
{
    QString what;
    QString process;
    QString value;
    std::optional<qint64> tNs;

    bool operator==(const PredictEvidence &other) const = default;
    QJsonObject toJson() const;
    static PredictEvidence fromJson(const QJsonObject &object);
};

/// The student's prediction for the run and the verdict the run gave it (docs/run-log.md,
/// `predict`). Empty (no question id) in runs without one and in older logs.
struct PredictRecord
{
    QString question; ///< the question's id: the preset's key, e.g. "06-join-terminate"
    QString textEs;   ///< the question as the page asks it
    QString textEn;
    QString answer;   ///< the answer as the check compares it (an option's value, a number)
    QString answerEs; ///< the answer as the student saw it (an option's text)
    QString answerEn;
    QString verdict;  ///< "right", "not_quite" or "undecided" (the run did not show it)
    QString actual;   ///< what the run showed, in the answer's terms
    QString actualEs; ///< the same as the student would have said it
    QString actualEn;
    QList<PredictEvidence> evidence;

    bool isEmpty() const { return question.isEmpty(); }
    bool operator==(const PredictRecord &other) const = default;
    QJsonObject toJson() const;
    /// Reads a `predict` object; empty (isEmpty()) with `error` set when it is not one.
    static std::optional<PredictRecord> fromJson(const QJsonObject &object, QString *error = nullptr);
};

/// Everything recorded about one run; what the JSON and CSV exports write and what the GUI
/// opens again read-only.
class RunLog
{
    Q_DECLARE_TR_FUNCTIONS(RunLog)

public:
    QString appVersion;
    HostInfo host;
    QJsonObject scenario; ///< the scenario as loaded, plus `file`
    QList<ProcessRecord> processes;
    QJsonObject summary;   ///< filled by finalize()
    Homework homework;     ///< written as `homework` only when not empty
    PredictRecord predict; ///< written as `predict` only when not empty

    /// Stores an event; past limits::MaxEventsPerRun it only counts it. Returns whether stored.
    bool addEvent(const Event &event);
    const QList<Event> &events() const { return m_events; } ///< in arrival order
    /// Events sorted by t_ns; events with equal t_ns keep their arrival order.
    QList<Event> sortedEvents() const;
    qint64 droppedEvents() const { return m_dropped; }

    /// The record of `pid`, or nullptr (the last one wins: pids are unique within a run).
    const ProcessRecord *processByPid(qint64 pid) const;

    /// Computes `summary` from the processes and events: wall_ns, processes, exit_codes,
    /// protocol_errors, launch_failures, events, dropped_events.
    void finalize(qint64 wallNs);

    QJsonObject toJson() const;
    /// toJson() with `events` an empty array: the exporter streams the events in one by one,
    /// so a log of a million events is never held twice as JSON.
    QJsonObject toJsonWithoutEvents() const;
    /// Calls `visit` for each stored event in time order (t_ns; equal t_ns in arrival order).
    void forEachEventInTimeOrder(const std::function<void(const Event &)> &visit) const;
    /// Reads a saved run log; empty with `error` set when it is not one.
    static std::optional<RunLog> fromJson(const QJsonObject &object, QString *error = nullptr);
    static std::optional<RunLog> load(const QString &path, QString *error = nullptr);

private:
    bool inTimeOrder() const;
    /// The stored events sorted by t_ns, equal t_ns in arrival order.
    std::vector<const Event *> timeOrder() const;

    QList<Event> m_events;
    qint64 m_dropped = 0;
};

} // namespace concurrente
