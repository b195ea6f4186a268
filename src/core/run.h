#pragma once

#include "joinwaits.h"
#include "launcher.h"
#include "mainactions.h"
#include "runlog.h"
#include "runqueues.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>

#include <functional>
#include <memory>

class QTimer;

namespace concurrente {

Q_DECLARE_LOGGING_CATEGORY(lcRun)

class WorkerProcess;
class EventChannel;
class RunContainment;
class ScriptRunner;

namespace limits {
/// After the run's own processes ended, how long the run waits for orphans it killed and for
/// the last event pipes to close before it gives up on them (and sweeps their process groups).
inline constexpr int RunEndGraceMs = 3000;
/// How long a scripted run waits for the main program's `helper_ready` before its main script
/// begins anyway (commands wait in the helper's input until it reads them).
inline constexpr int HelperReadyWaitMs = 5000;
} // namespace limits

/// One run of a scenario with real processes. It owns every process of the run; nothing
/// outlives it. The main script runs action by action; the same actions are public methods,
/// which the GUI's buttons call one at a time. Nothing here blocks: joins and sleeps complete
/// later, from the event loop.
class Run : public QObject
{
    Q_OBJECT

public:
    /// Where the run is: not started; the main program running its script (or waiting for the
    /// user's actions); the main program ended and the run waiting for what is left (orphans,
    /// the last exit codes); every process ended and reaped.
    enum class Phase { NotStarted, Running, Ending, Finished };
    Q_ENUM(Phase)

    explicit Run(const Scenario &scenario, QObject *parent = nullptr);
    /// Removes the queue segments in /dev/shm left by app instances that died without removing
    /// them (SIGKILL, a crash), also those whose creator's pid is now another process's.
    /// Called once per process: at the app's start and, at the latest, before a run's queues.
    static void removeStaleQueues() { RunQueues::removeStale(); }
    /// Kills and reaps every process of the run still alive (bounded, SIGKILL is immediate).
    ~Run() override;

    /// Where concurrente-worker and concurrente-main are (default: helperDir()).
    void setHelperDir(const QString &dir) { m_launcher.setHelperDir(dir); }
    QString helperDir() const { return m_launcher.helperDir(); }

    /// Starts the run and executes the scenario's main script; finished() follows its end.
    void start();
    /// Starts the run without the main script: the caller performs the actions one by one
    /// and calls endMain() at the end.
    void startInteractive();

    /// Pausing stops the main script between two actions (the one in progress completes);
    /// it may be set before start(). Unpausing goes on from where it stopped.
    void setPaused(bool paused);
    bool isPaused() const;
    /// Performs the next action of the main script, then stays paused (starting the run, paused,
    /// when it was not started). After the last action, a step is the script's implicit end.
    void step();
    /// The index of the main script's next action (scenario().main.size(): its implicit end).
    int nextMainAction() const;
    /// Whether an action of the main script is in progress (a join waiting, a sleep).
    bool isMainActionInProgress() const;
    /// Whether the main script is being run (start() or step()), as opposed to actions the
    /// caller performs one by one.
    bool isScripted() const;
    /// Whether the main program has ended or is ending (endMain(), abort()), or the run is over:
    /// no further action of the main script begins.
    bool isMainOver() const { return m_stage >= Stage::EndingMain; }
    Phase phase() const;

    // Actions. `done`, if given, is called once the action completed (a join when the process
    // ended or timed out, a sleep when it elapsed); problems are recorded as `action_error`.
    void startWorker(int index, std::function<void()> done = {});
    void join(int index, int timeoutMs = -1, std::function<void()> done = {});
    void terminate(int index, std::function<void()> done = {});
    void kill(int index, std::function<void()> done = {});
    void stop(int index, std::function<void()> done = {});
    void resume(int index, std::function<void()> done = {});
    void terminateRandom(const QList<int> &candidates, std::function<void()> done = {});
    void sleepMs(int ms, std::function<void()> done = {});
    /// The main program's q.put(value) and q.get(timeout): done by MainProcess itself; `done`
    /// once it reported the put or the get (or that it failed: `action_error`).
    void put(int queue, const QJsonValue &value, std::function<void()> done = {});
    void get(int queue, int timeoutMs = -1, std::function<void()> done = {}, const QString &printText = {});
    /// The main program's conn.recv() on its end of pipe `pipe` (it keeps the read end): one
    /// message, or until None with `untilNone`; `done` once it is over.
    void recv(int pipe, bool untilNone, int timeoutMs = -1, std::function<void()> done = {});
    /// The main program's conn.send(value) on its end of pipe `pipe` (it keeps the write end).
    void send(int pipe, const QJsonValue &value, std::function<void()> done = {});
    /// The main program calls `task` itself (page 1's sequential run); `done` once it returned.
    void call(const QString &task, const QJsonObject &args, std::function<void()> done = {});
    /// print(p.is_alive(), p.exitcode): records `is_alive` with both, as they are now.
    void isAlive(int index, std::function<void()> done = {});
    /// The main program ends: daemonic workers still alive are terminated, the others joined;
    /// then the run ends (orphans are killed, everything reaped).
    void endMain(std::function<void()> done = {});
    /// Ends the run now: SIGKILL to everything of the run, then the usual run end.
    void abort();
    /// Before the start: end the run (`time_limit`, then as abort()) after `seconds`
    /// (default: the scenario's `time_limit_s`; 0: no limit).
    void setTimeLimit(int seconds) { m_timeLimitS = seconds; }
    int timeLimit() const { return m_timeLimitS; }

    const Scenario &scenario() const { return m_scenario; }
    /// The run log: final once finished() was emitted (processes[] is filled in then).
    const RunLog &log() const { return m_log; }
    /// The run log as it stands now, processes included (for exports of a running run).
    RunLog snapshot() const;
    /// All processes of the run so far: the workers (index order), then the main program, the fork server and
    /// adopted grandchildren in order of appearance.
    QList<WorkerProcess *> processes() const { return m_processes; }
    WorkerProcess *worker(int index) const { return m_workers.value(index); }
    bool isStarted() const { return m_stage != Stage::NotStarted; }
    bool isFinished() const { return m_stage == Stage::Finished; }
    qint64 startNs() const { return m_startNs; }

signals:
    void processAdded(concurrente::WorkerProcess *process);
    void eventRecorded(const concurrente::Event &event);
    /// The action at `index` of the main script begins (only for the scripted run);
    /// `index` == scenario().main.size() is the script's implicit end.
    void mainActionStarted(int index);
    /// The action at `index` of the main script completed.
    void mainActionFinished(int index);
    void pausedChanged(bool paused);
    void phaseChanged(concurrente::Run::Phase phase);
    void mainEnded();
    /// Every process of the run has ended and been reaped; the log is final.
    void finished();

private:
    void record(const Event &event);
    void recordEngine(EventKind ev, WorkerProcess *about, QJsonObject fields = {});
    void actionError(const QString &action, WorkerProcess *about, const QString &message);
    WorkerProcess *checkedWorker(int index, const QString &action);
    void signalAction(int index, int sig, EventKind ev, std::function<void()> done);
    void deliverSignal(WorkerProcess *w, int sig, EventKind ev);

    WorkerProcess *addProcess(const ProcessRecord &record);
    void watchChannel(WorkerProcess *owner);
    void onChannelEvents(WorkerProcess *owner, const QList<Event> &events);
    void routeEvent(WorkerProcess *owner, const Event &event);
    /// The main program's events about itself and the script's own actions (ready, queue and
    /// pipe outcomes, call_done, refused actions). False when the event is not one of them.
    bool routeMainProgramEvent(const Event &event);
    /// The main program's reports on the workers it starts (`forked`, `forkserver_started`,
    /// `fork_failed`, a refused `start`). False when the event is not one of them.
    bool routeLaunchEvent(const Event &event);
    /// The start command `event` answers: the one for `childPid` or named `name`, else the
    /// oldest (the main program answers in order); null when none is pending.
    WorkerProcess *takePendingFork(qint64 childPid, const QString &name);
    /// The process of a `start` line from a pid the run does not know yet.
    WorkerProcess *identifyStarted(WorkerProcess *owner, const Event &event);
    void onProcessFinished(WorkerProcess *p);
    void onPidfdExited(WorkerProcess *p);

    WorkerProcess *adopt(WorkerProcess *owner, const Event &event);
    WorkerProcess *ensureMain();
    void launchWorker(WorkerProcess *w, int index);
    /// Whether the process that would reap `p` and report its exit status is gone (or never
    /// was ours), so the run must record its end itself.
    bool creatorGone(const WorkerProcess *p) const;

    void closePipeEnds(bool all);
    /// Runs or stops the time limit's clock: it counts while the script runs by itself.
    void updateLimitClock();
    /// Whether queue `queue` exists; if not, the action fails with the reason.
    bool checkedQueue(int queue, const QString &action, const std::function<void()> &done);
    /// Whether the main program holds the reading (`reads`) or writing end of pipe `pipe`; if
    /// not, its recv or send fails with the reason.
    bool checkedPipe(int pipe, bool reads, const std::function<void()> &done);
    /// Writes a command line to the main program; false when it has ended.
    bool writeToMain(const QByteArray &line);

    void maybeEndRun();
    void beginRunEnd();
    void checkRunEndComplete();
    void onGraceTimeout();
    void finishRun();
    void killEverything();

    /// Where the run is, finer than Phase: each step implies the ones before it.
    enum class Stage {
        NotStarted,
        Running,
        EndingMain, ///< end_main in progress: joining the workers
        MainEnded,  ///< end_main completed (or abort): waiting for the workers still alive
        RunEnding,  ///< waiting for orphans and the last event pipes
        Finished,   ///< every process reaped, the log final
    };
    /// Moves on to `stage` (never back), announcing the phase when it changes with it.
    void advance(Stage stage);

    Scenario m_scenario;
    Launcher m_launcher;              ///< the main program's command line, the workers' start commands
    ScriptRunner *m_script = nullptr; ///< the main script, action by action
    RunLog m_log;
    QList<WorkerProcess *> m_processes;
    QList<WorkerProcess *> m_workers; ///< by scenario index
    QHash<qint64, WorkerProcess *> m_byPid;
    WorkerProcess *m_main = nullptr;       ///< MainProcess: the parent of every worker
    WorkerProcess *m_server = nullptr;     ///< the fork server, once the main program started one
    QList<WorkerProcess *> m_pendingForks; ///< start commands sent, pid not known yet
    QList<QByteArray> m_startCommands;     ///< per worker, built when the run starts
    QList<EventChannel *> m_channels;
    /// pid of each process the run started with QProcess (a process-group leader) → its channel
    QHash<qint64, EventChannel *> m_groupLeaders;
    int m_adoptedCount = 0;
    JoinWaits *m_joins;    ///< the main program's joins in progress
    RunQueues m_queues;    ///< the scenario's queues
    MainActions m_actions; ///< what the main program does itself and reports: put, get, send, recv, call
    RunPipes m_pipes;      ///< the scenario's pipes, as the main program holds them

    Stage m_stage = Stage::NotStarted;
    int m_timeLimitS = 0;           ///< set from the scenario in the constructor
    QTimer *m_limitTimer = nullptr; ///< counts the time limit while the run goes by itself
    qint64 m_limitLeftMs = 0;       ///< what is left of the limit while the timer is stopped
    bool m_groupsSwept = false;
    bool m_helperReady = false; ///< the main program sent helper_ready
    qint64 m_startNs = 0;
    QTimer *m_graceTimer = nullptr;
    std::unique_ptr<RunContainment> m_containment; ///< the run's cgroup (or rlimit), from the start
};

} // namespace concurrente
