#pragma once

#include "runlog.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QTimer;

namespace concurrente {

class Run;

namespace limits {
/// How often a live run's store tells its views what changed: at most 25 times a second,
/// however many events arrive.
inline constexpr int StoreNotifyIntervalMs = 40;
/// How often the CPU time of each live process is read from /proc.
inline constexpr int CpuSampleIntervalMs = 500;
/// CPU samples kept per process (at CpuSampleIntervalMs: the last ~33 minutes).
inline constexpr int MaxCpuSamplesPerProcess = 4000;
} // namespace limits

/// The data of one run, live or saved, as the lab shows it: the process table (current at
/// every moment), every event indexed per process, each queue or pipe message with its put and
/// its get paired, and CPU samples. Views read it; it tells them what changed in batches
/// (updated()), never per event. A live run is watched (watch()); a saved log is loaded into
/// the same store (load()). QtCore only. Nothing in it is translated: the views do that.
class RunStore : public QObject
{
    Q_OBJECT

public:
    /// A process's state as the lab names it.
    enum class State {
        Created,    ///< not started (yet)
        Running,    ///< started, not ended
        Stopped,    ///< SIGSTOP'ed
        Exited,     ///< ended by itself (exit code ≥ 0, or unknown)
        Terminated, ///< ended by a signal other than SIGKILL (SIGTERM usually)
        Killed,     ///< ended by SIGKILL
        Failed      ///< could not be started
    };
    Q_ENUM(State)

    struct CpuSample
    {
        qint64 tNs = 0;
        qint64 userMs = 0;
        qint64 sysMs = 0;
    };

    struct Process
    {
        ProcessRecord record;
        State state = State::Created;
        bool stopped = false;
        int parent = -1;          ///< the process that created it (its row), -1 when not in the run
        bool adopted = false;     ///< re-parented after its parent ended: an orphan
        bool defaultName = false; ///< a worker the scenario gave no name (Python names it Process-N)
        /// The main program has seen it end (a join or is_alive() after its end): from then on
        /// Python's p.exitcode has its value; before, it is None even if the process has ended.
        bool joined = false;
        int puts = 0;      ///< messages it put into a queue or sent on a pipe
        int gets = 0;      ///< messages it got or received
        QList<int> events; ///< its events: indices into events(), in arrival order
        QList<CpuSample> cpu;
        bool isAlive() const { return state == State::Running || state == State::Stopped; }
        bool hasEnded() const { return state >= State::Exited; }
    };

    struct Message
    {
        QString channel; ///< the queue's or the pipe's name
        bool pipe = false;
        qint64 producer = 0; ///< the sender's pid
        qint64 seq = -1;     ///< per producer
        QJsonValue value;    ///< as the events carry it (null: None / a sentinel)
        bool isFloat = false;
        int sender = -1; ///< process rows
        int receiver = -1;
        std::optional<qint64> putNs;
        std::optional<qint64> getNs;
        int depthAfterPut = -1; ///< messages in the channel right after the put (as seen by the store)
        std::optional<qint64> latencyNs() const
        {
            return putNs && getNs ? std::optional<qint64>(*getNs - *putNs) : std::nullopt;
        }
    };

    /// What changed since the last updated(): rows are only ever appended or changed.
    struct Batch
    {
        int processesBefore = 0;     ///< rows [processesBefore, processCount()) are new
        QList<int> changedProcesses; ///< older rows whose data changed, ascending
        int eventsBefore = 0;        ///< events [eventsBefore, eventCount()) are new
        int messagesBefore = 0;      ///< messages [messagesBefore, messageCount()) are new
        QList<int> changedMessages;  ///< older messages completed (their get arrived), ascending
        bool finished = false;       ///< the run ended with this batch
    };

    explicit RunStore(QObject *parent = nullptr);
    ~RunStore() override;

    /// Follows `run` from now on (emptying the store first). The store reads the run's log in
    /// place; forget() or a new watch()/load() must come before `run` is deleted.
    void watch(Run *run);
    /// Loads a saved run log (read-only).
    void load(const RunLog &log);
    /// Empties the store (reset() follows).
    void clear();
    /// Stops following the run, keeping what was recorded (the run may then be deleted).
    void forget();

    bool isLive() const { return !m_run.isNull() && !m_finished; }
    bool isEmpty() const { return m_processes.isEmpty(); }
    const RunLog &log() const { return *m_log; }
    /// CLOCK_MONOTONIC of the run's start (0 when unknown): times are shown relative to it.
    qint64 originNs() const { return m_originNs; }

    int processCount() const { return int(m_processes.size()); }
    const Process &process(int row) const { return m_processes.at(row); }
    /// The row of `pid` in this run, or -1.
    int rowOfPid(qint64 pid) const { return m_rowByPid.value(pid, -1); }

    int eventCount() const { return m_indexed; }
    const Event &event(int index) const { return m_log->events().at(index); }
    /// The process row of event `index`, or -1 when it is about no process.
    int eventProcess(int index) const { return m_eventProc.at(index); }

    int messageCount() const { return int(m_messages.size()); }
    const Message &message(int index) const { return m_messages.at(index); }

    /// The state of process `row` at time `tNs` (CLOCK_MONOTONIC), from its record and events.
    State stateAt(int row, qint64 tNs) const;
    /// The last of `row`'s events at or before `tNs`: an index into events(), or -1.
    int lastEventAt(int row, qint64 tNs) const;
    /// The state a process ended in, from its exit code (empty: unknown, counted as exited).
    static State endState(std::optional<int> exitcode);

    /// Sends the pending batch now (tests; the end of a run does it by itself).
    void flush();

Q_SIGNALS:
    /// Everything was replaced (watch(), load(), clear()).
    void reset();
    void updated(const concurrente::RunStore::Batch &batch);

private:
    void begin();
    void tick();
    void indexNewEvents();
    void indexEvent(int index);
    void syncProcesses();
    void syncRecords();
    void refreshRow(int row, const ProcessRecord &record, std::optional<State> liveState, bool stopped);
    int linkParent(int row) const;
    void sampleCpu();
    void markChanged(int row);

    QPointer<Run> m_run;
    RunLog m_own; ///< a loaded log, or a watched run's log once it finished
    const RunLog *m_log = &m_own;
    bool m_finished = false;
    qint64 m_originNs = 0;
    QList<Process> m_processes;
    QHash<qint64, int> m_rowByPid;
    QList<int> m_eventProc; ///< by event index
    int m_indexed = 0;      ///< events [0, m_indexed) are indexed
    QList<Message> m_messages;
    /// A message's identity: its channel, its producer's pid, its sequence number.
    struct MessageKey
    {
        QString channel;
        qint64 producer = 0;
        qint64 seq = 0;
        bool operator==(const MessageKey &other) const = default;
        friend size_t qHash(const MessageKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.channel, k.producer, k.seq);
        }
    };
    QHash<MessageKey, int> m_messageByKey; ///< channel / producer / seq → message
    QHash<QString, int> m_depth;           ///< messages in each channel now
    QSet<QString> m_pipeNames;
    int m_processesBefore = 0;
    int m_eventsBefore = 0;
    int m_messagesBefore = 0;
    QSet<int> m_changedProcesses;
    QSet<int> m_changedMessages;
    QTimer *m_timer = nullptr;
    qint64 m_lastCpuSampleNs = 0;
};

} // namespace concurrente

Q_DECLARE_METATYPE(concurrente::RunStore::Batch)
