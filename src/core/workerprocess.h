#pragma once

#include "protocol.h"
#include "runcgroup.h"
#include "runlog.h"

#include <QObject>
#include <QStringList>

class QProcess;
class QSocketNotifier;

namespace concurrente {

namespace limits {
/// stderr lines recorded per process started with QProcess (the main program, whose stderr
/// every process of the run shares); further lines are only counted.
inline constexpr int MaxStderrLines = 10'000;
/// A longer stderr line is recorded cut, with `truncated: true`.
inline constexpr int MaxStderrLineChars = 2000;
} // namespace limits

class EventChannel;

/// One process of a run — a QProcess worker, a forked worker, the fork helper, or a grandchild
/// a worker started itself — with intent-level signals. The GUI connects only to these.
///
/// All signals go through a pidfd, so a recycled pid is never signalled, and a pidfd becoming
/// readable tells when a process that is not our child has ended. A process nobody of ours
/// reaps (an adopted orphan) is watched through it as soon as its pid is known. A worker of the
/// main program (or of the fork server) is reaped there and reported in an `exited` event: its
/// pidfd is opened when a signal is first sent to it, and watched only if its creator ends first
/// (see docs/decisions.md).
class WorkerProcess : public QObject
{
    Q_OBJECT

public:
    enum class State { Created, Starting, Running, Finished };
    Q_ENUM(State)

    explicit WorkerProcess(const ProcessRecord &record, QObject *parent = nullptr);
    ~WorkerProcess() override;

    const ProcessRecord &record() const { return m_record; }
    /// Its index among the run's processes (the run log's `proc`); -1 outside a run.
    int runIndex() const { return m_runIndex; }
    void setRunIndex(int index) { m_runIndex = index; }
    QString name() const { return m_record.name; }
    std::optional<qint64> pid() const { return m_record.pid; }
    State state() const { return m_state; }
    /// Python's is_alive(): started and not yet ended.
    bool isAlive() const { return m_state == State::Starting || m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    bool isStopped() const { return m_stopped; }
    /// SIGKILL was sent to it (by an action or by the run's end).
    bool killSent() const { return m_killedByUs; }
    /// The pidfd reported the end (the process is a zombie or gone), even if the exit code is
    /// not known yet.
    bool hasExitedOnPidfd() const { return m_pidfdExited; }
    /// The event channel this process writes to, if it has one of its own.
    EventChannel *channel() const { return m_channel; }

    /// Starts `program` with QProcess and a private event pipe on fd 3. Records `start_request`
    /// right before QProcess::start. A failure to start ends in finished() with `launch_failed`.
    /// `keepStdin`: commands will be written (the fork helper); otherwise stdin is /dev/null.
    void startQProcess(const QString &program, const QStringList &arguments, bool keepStdin);
    /// Before startQProcess: the child also gets `parentFd` as descriptor `childFd` (a pipe end).
    void setInheritedFd(int parentFd, int childFd)
    {
        m_extraFd = parentFd;
        m_extraChildFd = childFd;
    }
    /// Before startQProcess: descriptors the child inherits at the same numbers (the run's
    /// queue segments, each ≥ shmq::kMinSegmentFd). Every other descriptor of the app except
    /// 0–2, the event pipe and the setInheritedFd one is close-on-exec in the child, whatever
    /// the app itself inherited.
    void setKeptFds(QList<int> fds) { m_keptFds = std::move(fds); }
    /// Before startQProcess: the run's containment, which the child enters before it execs.
    void setContainment(const ChildContainment &containment) { m_containment = containment; }
    /// Writes to the stdin of a process started with keepStdin: what is written before control
    /// returns to the event loop leaves in one write().
    void writeInput(const QByteArray &data);
    /// Writes what writeInput() buffered now.
    void flushInput();
    void closeInput();

    /// For processes some other process creates (forked workers): the request was made.
    void markStartRequested(qint64 tNs);
    /// multiprocessing.parent_process().pid, once known (kept from then on).
    void setParentPid(std::optional<qint64> pid)
    {
        if (!m_record.parentPid)
            m_record.parentPid = pid;
    }
    /// The pid is known (forked event, or a grandchild's start event). `watch`: open the pidfd
    /// and report the end through it now (a process none of ours reaps); otherwise the pidfd
    /// waits for a signal to send or for watchPidfd().
    void attachPid(qint64 pid, std::optional<qint64> ppid, bool watch = true);
    /// Reports the end through the pidfd from now on (opening it if needed): the process's
    /// creator has ended, nobody of ours will report its exit. pidfdExited() follows if it has
    /// ended already.
    void watchPidfd();
    /// The process ended with `exitcode` (empty: unknown). Records end_ns, and an `exited`
    /// event when `recordExited` (the fork helper writes its own); emits finished().
    /// Called again with a known code (e.g. the subreaper's report) it only fills the code in.
    void markFinished(std::optional<int> exitcode, qint64 tNs, bool recordExited);
    /// The process could never start; `launch_failed` is recorded and finished() emitted.
    void failLaunch(const QString &message);

    /// Sends `sig` through the pidfd. False (with `error`) when there is no live process.
    bool sendSignal(int sig, QString *error = nullptr);
    /// SIGKILL without recording an action (run end, early destruction). No-op when gone.
    void killQuietly();
    /// Blocks up to `ms` for a QProcess child to be reaped (only used when a run is destroyed).
    void reapBlocking(int ms);

    /// Records an event about this process (worker line or engine event) and updates the
    /// state it implies (start → ppid, reparented → ppid, exit → code); emits eventReceived().
    void deliver(const Event &event);

signals:
    /// Created → Starting → Running → Finished (a failed launch goes Starting → Finished).
    void stateChanged(concurrente::WorkerProcess::State state);
    void started(qint64 pid);
    void eventReceived(const concurrente::Event &event);
    /// SIGSTOP / SIGCONT delivered.
    void stoppedChanged(bool stopped);
    /// The process ended (or never started: record().error says why). Emitted once.
    void finished(std::optional<int> exitcode);
    /// The pidfd became readable: the process is dead, the exit code may follow later.
    void pidfdExited();

private:
    void setState(State state);
    void openPidfd();
    /// Opens the pidfd if it is not open, without watching it. False if the process is gone.
    bool ensurePidfd();
    void releasePidfd();
    void onQProcessFinished(int exitCode, int exitStatus);
    void onQProcessError(int error);
    Event engineEvent(EventKind ev, QJsonObject fields = {}) const;
    void readStderr();
    void recordStderrLine(QByteArrayView line);

    ProcessRecord m_record;
    int m_runIndex = -1;
    State m_state = State::Created;
    bool m_stopped = false;
    bool m_killedByUs = false;
    std::optional<int> m_reportedExit; ///< from the worker's own `exit` event
    QProcess *m_process = nullptr;
    EventChannel *m_channel = nullptr;
    int m_extraFd = -1;
    int m_extraChildFd = -1;
    QList<int> m_keptFds;
    ChildContainment m_containment;
    int m_pidfd = -1;
    QByteArray m_stderrPartial;
    int m_stderrLines = 0;
    qint64 m_stderrDropped = 0;
    bool m_pidfdExited = false;
    bool m_inputFlushQueued = false; ///< a flushInput() is posted
    QSocketNotifier *m_pidfdNotifier = nullptr;
};

} // namespace concurrente
