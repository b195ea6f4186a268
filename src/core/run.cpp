#include "run.h"

#include "datapaths.h"
#include "eventchannel.h"
#include "procstat.h"
#include "runcgroup.h"
#include "scriptrunner.h"
#include "workerprocess.h"

#include "shmq.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace concurrente {

Q_LOGGING_CATEGORY(lcRun, "concurrente.run", QtInfoMsg)

namespace {
/// Grandchildren a run tracks; beyond this a runaway worker's children are not recorded (they
/// are still ended at run end by the process-group sweep).
constexpr int kMaxAdoptedPerRun = 1024;

/// The process group of `pid` from /proc/PID/stat, to check that a pid a worker reports is
/// really one of ours before the run ever signals it.
std::optional<qint64> processGroupOf(qint64 pid)
{
    const QList<QByteArray> fields = procStatFields(pid);
    bool ok = false;
    const qint64 pgrp = fields.value(2).toLongLong(&ok);
    return ok ? std::optional<qint64>(pgrp) : std::nullopt;
}

/// A QProcess worker costs the app about three descriptors while it runs (event pipe, pidfd,
/// QProcess's own); 256 of them exceed the common soft limit of 1024. The hard limit is the
/// real one, so use it (once per process).
void raiseDescriptorLimit()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    const rlim_t wanted = std::min<rlim_t>(rl.rlim_max, 65536);
    if (rl.rlim_cur < wanted) {
        rl.rlim_cur = wanted;
        if (::setrlimit(RLIMIT_NOFILE, &rl) != 0)
            qCInfo(lcRun) << "cannot raise the descriptor limit:" << strerror(errno);
    }
}

} // namespace

Run::Run(const Scenario &scenario, QObject *parent)
    : QObject(parent), m_scenario(scenario), m_launcher(m_scenario, concurrente::helperDir()),
      m_script(new ScriptRunner(this)),
      m_joins(new JoinWaits(
          [this](WorkerProcess *p, bool timedOut, int timeoutMs, bool implicit) {
              if (timedOut)
                  recordEngine(EventKind::JoinTimeout, p,
                               {{QStringLiteral("timeout_ms"), timeoutMs},
                                {QStringLiteral("is_alive"), p->isAlive()}});
              else
                  recordEngine(EventKind::Join, p,
                               implicit ? QJsonObject{{QStringLiteral("implicit"), true}} : QJsonObject{});
          },
          this)),
      m_actions([this](const QByteArray &line) { return writeToMain(line); },
                [this](const QString &action, const QString &why) { actionError(action, nullptr, why); }),
      m_pipes(m_scenario)
{
    raiseDescriptorLimit();
    m_timeLimitS = m_scenario.timeLimitS;
    connect(m_script, &ScriptRunner::actionStarted, this, &Run::mainActionStarted);
    connect(m_script, &ScriptRunner::actionFinished, this, &Run::mainActionFinished);
    connect(m_script, &ScriptRunner::pausedChanged, this, &Run::pausedChanged);
    for (int i = 0; i < m_scenario.workers.size(); ++i) {
        const WorkerSpec &spec = m_scenario.workers[i];
        ProcessRecord r;
        r.index = i;
        r.id = spec.id;
        r.name = spec.name;
        r.daemon = spec.daemon;
        r.kind = QStringLiteral("worker");
        r.startMethod = startMethodName(spec.startMethod);
        m_workers.append(addProcess(r));
    }
}

Run::~Run()
{
    if (!isFinished())
        killEverything();
    closePipeEnds(true);
    m_queues.destroy();
    if (m_containment)
        m_containment->end(); // whatever left the run's process groups
}

void Run::killEverything()
{
    // Early destruction: no more callbacks into this half-destroyed run.
    for (WorkerProcess *p : std::as_const(m_processes))
        p->disconnect(this);
    for (EventChannel *c : std::as_const(m_channels))
        c->disconnect(this);
    m_joins->cancelAll();
    for (WorkerProcess *p : std::as_const(m_processes))
        p->killQuietly();
    // A grandchild that never reported its pid still holds its group's event pipe open.
    for (auto it = m_groupLeaders.cbegin(); it != m_groupLeaders.cend(); ++it)
        if (it.value()->isOpen())
            ::kill(-pid_t(it.key()), SIGKILL);
    for (WorkerProcess *p : std::as_const(m_processes))
        p->reapBlocking(1000);
}

WorkerProcess *Run::addProcess(const ProcessRecord &record)
{
    auto *p = new WorkerProcess(record, this);
    p->setRunIndex(int(m_processes.size()));
    connect(p, &WorkerProcess::eventReceived, this, &Run::record);
    connect(p, &WorkerProcess::finished, this, [this, p] { onProcessFinished(p); });
    connect(p, &WorkerProcess::pidfdExited, this, [this, p] { onPidfdExited(p); });
    m_processes.append(p);
    emit processAdded(p);
    return p;
}

void Run::start()
{
    if (m_script->isScripted() || isFinished())
        return;
    m_script->setScripted();
    startInteractive();
    // In CPython the main program is running before its first line: startInteractive()
    // launched it, and the script begins once it is ready. (Its launch then does not delay the
    // first `start`, and a GUI shows MainProcess's pid from the beginning.)
    WorkerProcess *helper = ensureMain();
    m_script->begin(!helper->isFinished() && !m_helperReady);
    updateLimitClock();
}

void Run::startInteractive()
{
    if (isStarted())
        return;
    m_startNs = monotonicNs();
    advance(Stage::Running);
    m_log.appVersion = appVersion();
    m_log.host = HostInfo::current();
    // Before the main program: it enters the run's cgroup before it runs anything.
    m_containment = std::make_unique<RunContainment>(RunContainment::processCapFor(m_scenario),
                                                     RunContainment::memoryCapFor(m_scenario));
    m_containment->describe(m_log.host);
    m_log.scenario = m_scenario.toJson();
    if (!m_scenario.file.isEmpty())
        m_log.scenario.insert(QStringLiteral("file"), m_scenario.file);
    // Every page of the queues is reserved now, charged to the app. Where that is more than the
    // memory left, the reservation would not fail but wake the OOM killer (a memory cgroup's
    // limit, the machine's memory): refuse first, with the cause.
    m_queues.create(m_scenario.queues, queueMemoryProblem(m_scenario),
                    [this](const QString &queue, const QString &why) {
                        recordEngine(EventKind::QueueError, nullptr,
                                     {{QStringLiteral("queue"), queue}, {QStringLiteral("message"), why}});
                    });
    // Every worker's start command, built once now: a `start` then costs its bookkeeping only.
    m_startCommands.clear();
    m_startCommands.reserve(m_scenario.workers.size());
    for (int i = 0; i < m_scenario.workers.size(); ++i)
        m_startCommands.append(m_launcher.startCommand(i, m_queues.segmentNames()));
    ensureMain();
    if (m_timeLimitS > 0) {
        // A valid scenario can still run for hours (256 workers sleeping 60 s one after the
        // other): past its time limit a run is ended as by End run, and says why. The clock runs
        // while the run goes by itself: not while paused or stepped, nor while a student gives
        // the main program's orders one by one.
        m_limitLeftMs = qint64(m_timeLimitS) * 1000;
        m_limitTimer = new QTimer(this);
        m_limitTimer->setSingleShot(true);
        m_limitTimer->setTimerType(Qt::PreciseTimer); // a coarse one may fire 5 % early
        connect(m_limitTimer, &QTimer::timeout, this, [this] {
            m_limitLeftMs = 0;
            if (isFinished())
                return;
            recordEngine(EventKind::TimeLimit, nullptr, {{QStringLiteral("limit_s"), m_timeLimitS}});
            abort();
        });
        connect(m_script, &ScriptRunner::pausedChanged, this, &Run::updateLimitClock);
        updateLimitClock();
    }
}

void Run::updateLimitClock()
{
    if (!m_limitTimer)
        return;
    const bool counting = !isFinished() && m_script->isScripted() && !m_script->isPaused();
    if (counting && !m_limitTimer->isActive() && m_limitLeftMs > 0) {
        m_limitTimer->start(std::chrono::milliseconds(m_limitLeftMs));
    } else if (!counting && m_limitTimer->isActive()) {
        m_limitLeftMs = std::max<qint64>(1, m_limitTimer->remainingTime());
        m_limitTimer->stop();
    }
}

void Run::setPaused(bool paused)
{
    m_script->setPaused(paused);
}

bool Run::isPaused() const
{
    return m_script->isPaused();
}

int Run::nextMainAction() const
{
    return m_script->nextAction();
}

bool Run::isMainActionInProgress() const
{
    return m_script->isActionInProgress();
}

bool Run::isScripted() const
{
    return m_script->isScripted();
}

void Run::step()
{
    if (isMainOver())
        return;
    m_script->step();
    if (!m_script->isScripted())
        start();
}

Run::Phase Run::phase() const
{
    switch (m_stage) {
    case Stage::NotStarted:
        return Phase::NotStarted;
    case Stage::Running:
    case Stage::EndingMain:
        return Phase::Running;
    case Stage::MainEnded:
    case Stage::RunEnding:
        return Phase::Ending;
    case Stage::Finished:
        break;
    }
    return Phase::Finished;
}

void Run::advance(Stage stage)
{
    if (stage <= m_stage)
        return;
    const Phase before = phase();
    m_stage = stage;
    // Finished is announced by finishRun() once the log is final.
    if (phase() != before && stage != Stage::Finished)
        emit phaseChanged(phase());
}

void Run::record(const Event &event)
{
    m_log.addEvent(event);
    emit eventRecorded(event);
}

void Run::recordEngine(EventKind ev, WorkerProcess *about, QJsonObject fields)
{
    if (about) {
        fields.insert(QStringLiteral("name"), about->name());
        about->deliver(Event::make(monotonicNs(), about->pid(), ev, fields));
    } else {
        // The main script's own doings (end_main, a refused action): the main program's.
        Event e = Event::make(monotonicNs(), std::nullopt, ev, fields);
        if (m_main)
            e.proc = m_main->runIndex();
        record(e);
    }
}

void Run::actionError(const QString &action, WorkerProcess *about, const QString &message)
{
    qCInfo(lcRun).noquote() << action << (about ? about->name() : QString()) << message;
    recordEngine(EventKind::ActionError, about,
                 {{QStringLiteral("action"), action}, {QStringLiteral("message"), message}});
}

WorkerProcess *Run::checkedWorker(int index, const QString &action)
{
    WorkerProcess *w = m_workers.value(index);
    if (!w)
        actionError(action, nullptr,
                    engineText(QT_TRANSLATE_NOOP("EngineMessage", "no worker with index %1")).arg(index));
    return w;
}

// ---------------------------------------------------------------------------------------------
// Actions

void Run::startWorker(int index, std::function<void()> done)
{
    auto finish = qScopeGuard([&] {
        if (done)
            done();
    });
    WorkerProcess *w = checkedWorker(index, QStringLiteral("start"));
    if (!w)
        return;
    if (!isStarted())
        startInteractive();
    if (w->state() != WorkerProcess::State::Created) {
        actionError(QStringLiteral("start"), w,
                    engineText(QT_TRANSLATE_NOOP("EngineMessage", "cannot start a process twice")));
        return;
    }
    if (isMainOver()) {
        actionError(QStringLiteral("start"), w,
                    engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended")));
        return;
    }
    launchWorker(w, index);
}

WorkerProcess *Run::ensureMain()
{
    if (m_main)
        return m_main;
    ProcessRecord r;
    r.name = QStringLiteral("MainProcess");
    r.kind = QStringLiteral("main");
    m_main = addProcess(r);
    const QList<int> queueFds = m_queues.fds();
    m_main->setKeptFds(queueFds);
    const ChildContainment containment = m_containment ? m_containment->child() : ChildContainment{};
    m_main->setContainment(containment);
    m_main->startQProcess(m_launcher.mainProgram(),
                          m_launcher.mainArguments(queueFds) + containment.mainArguments(), true);
    if (m_main->pid()) {
        m_byPid.insert(*m_main->pid(), m_main);
        watchChannel(m_main);
    }
    // Python's Pipe() is made in the parent before the children that share it (and before the
    // fork server, which inherits them).
    if (const QByteArray commands = m_pipes.makeCommands(); !commands.isEmpty())
        m_main->writeInput(commands);
    return m_main;
}

void Run::launchWorker(WorkerProcess *w, int index)
{
    WorkerProcess *helper = ensureMain();
    if (helper->isFinished()) {
        w->markStartRequested(monotonicNs());
        w->failLaunch(
            helper->record().error.isEmpty()
                ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended"))
                : engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program could not be started: %1"))
                      .arg(helper->record().error));
        return;
    }
    m_pendingForks.append(w);
    const qint64 requestNs = monotonicNs();
    helper->writeInput(m_startCommands.value(index));
    w->markStartRequested(requestNs);
    if (const QByteArray close = m_pipes.workerStarted(m_scenario.workers[index].pipeName());
        !close.isEmpty())
        helper->writeInput(close);
}

void Run::join(int index, int timeoutMs, std::function<void()> done)
{
    WorkerProcess *w = checkedWorker(index, QStringLiteral("join"));
    if (!w || w->state() == WorkerProcess::State::Created) {
        if (w)
            actionError(QStringLiteral("join"), w,
                        engineText(QT_TRANSLATE_NOOP("EngineMessage", "can only join a started process")));
        if (done)
            done();
        return;
    }
    // When the main script starts waiting: the timeline shades the wait from here (docs/run-log.md).
    recordEngine(EventKind::JoinBegin, w,
                 timeoutMs >= 0 ? QJsonObject{{QStringLiteral("timeout_ms"), timeoutMs}} : QJsonObject{});
    if (w->isFinished()) {
        recordEngine(EventKind::Join, w);
        if (done)
            done();
        return;
    }
    m_joins->wait(w, timeoutMs, false, std::move(done));
}

void Run::signalAction(int index, int sig, EventKind ev, std::function<void()> done)
{
    auto finish = qScopeGuard([&] {
        if (done)
            done();
    });
    WorkerProcess *w = checkedWorker(index, eventKindText(ev));
    if (!w)
        return;
    if (w->state() == WorkerProcess::State::Created) {
        actionError(eventKindText(ev), w,
                    engineText(QT_TRANSLATE_NOOP("EngineMessage", "the process was not started")));
        return;
    }
    if (w->state() == WorkerProcess::State::Starting && !w->pid()) {
        // In CPython p.start() returns with the child created, so a signal right after it
        // reaches the child. Here the main program may not have reported the pid yet: the
        // signal goes as soon as it has (a launch that fails never starts, and nothing is sent).
        connect(
            w, &WorkerProcess::started, this, [this, w, sig, ev] { deliverSignal(w, sig, ev); },
            Qt::SingleShotConnection);
        return;
    }
    deliverSignal(w, sig, ev);
}

void Run::deliverSignal(WorkerProcess *w, int sig, EventKind ev)
{
    QString error;
    if (w->sendSignal(sig, &error)) {
        recordEngine(ev, w);
    } else {
        // Python's terminate()/kill() on a process that already ended do nothing.
        recordEngine(ev, w, {{QStringLiteral("delivered"), false}, {QStringLiteral("message"), error}});
    }
}

void Run::terminate(int index, std::function<void()> done)
{
    signalAction(index, SIGTERM, EventKind::Terminate, std::move(done));
}

void Run::kill(int index, std::function<void()> done)
{
    signalAction(index, SIGKILL, EventKind::Kill, std::move(done));
}

void Run::stop(int index, std::function<void()> done)
{
    signalAction(index, SIGSTOP, EventKind::Stop, std::move(done));
}

void Run::resume(int index, std::function<void()> done)
{
    signalAction(index, SIGCONT, EventKind::Continue, std::move(done));
}

void Run::terminateRandom(const QList<int> &candidates, std::function<void()> done)
{
    // random.choice(ps).terminate(): any of them, alive or not; terminate() on one that has
    // already ended does nothing.
    QList<int> known;
    QJsonArray names;
    for (int i : candidates) {
        if (WorkerProcess *w = m_workers.value(i)) {
            names.append(w->name());
            known.append(i);
        }
    }
    if (known.isEmpty()) {
        recordEngine(EventKind::TerminateRandom, nullptr,
                     {{QStringLiteral("name"), QJsonValue()}, {QStringLiteral("candidates"), names}});
        if (done)
            done();
        return;
    }
    const int chosen = known[int(QRandomGenerator::global()->bounded(qsizetype(known.size())))];
    recordEngine(
        EventKind::TerminateRandom, m_workers[chosen],
        {{QStringLiteral("candidates"), names}, {QStringLiteral("is_alive"), m_workers[chosen]->isAlive()}});
    terminate(chosen, std::move(done));
}

void Run::call(const QString &task, const QJsonObject &args, std::function<void()> done)
{
    WorkerProcess *main = ensureMain();
    if (main->isFinished() || m_actions.isCallInProgress()) {
        m_actions.failNow(
            QStringLiteral("call"),
            main->isFinished()
                ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program has ended"))
                : engineText(QT_TRANSLATE_NOOP("EngineMessage", "the main program is still doing a call")),
            done);
        return;
    }
    recordEngine(EventKind::Call, m_main, {{QStringLiteral("task"), task}, {QStringLiteral("args"), args}});
    m_actions.call(task, args, std::move(done));
}

void Run::put(int queue, const QJsonValue &value, std::function<void()> done)
{
    if (checkedQueue(queue, QStringLiteral("put"), done))
        m_actions.put(m_queues.segmentNames().at(queue), m_scenario.queues.at(queue).name, value,
                      std::move(done));
}

void Run::get(int queue, int timeoutMs, std::function<void()> done, const QString &printText)
{
    if (checkedQueue(queue, QStringLiteral("get"), done))
        m_actions.get(m_queues.segmentNames().at(queue), m_scenario.queues.at(queue).name, timeoutMs,
                      printText, std::move(done));
}

bool Run::checkedQueue(int queue, const QString &action, const std::function<void()> &done)
{
    if (m_queues.isAvailable(queue))
        return true;
    m_actions.failNow(
        action,
        queue >= 0 && queue < m_scenario.queues.size()
            ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "queue \"%1\" could not be created"))
                  .arg(m_scenario.queues[queue].name)
            : engineText(QT_TRANSLATE_NOOP("EngineMessage", "no queue with index %1")).arg(queue),
        done);
    return false;
}

void Run::recv(int pipe, bool untilNone, int timeoutMs, std::function<void()> done)
{
    if (checkedPipe(pipe, true, done))
        m_actions.recv(m_pipes[pipe].name, untilNone, timeoutMs, std::move(done));
}

void Run::send(int pipe, const QJsonValue &value, std::function<void()> done)
{
    if (checkedPipe(pipe, false, done))
        m_actions.send(m_pipes[pipe].name, value, std::move(done));
}

bool Run::checkedPipe(int pipe, bool reads, const std::function<void()> &done)
{
    if (pipe >= 0 && pipe < m_pipes.size() && (reads ? m_pipes[pipe].mainReads : m_pipes[pipe].mainWrites))
        return true;
    m_actions.failNow(reads ? QStringLiteral("recv") : QStringLiteral("send"),
                      (reads ? engineText(QT_TRANSLATE_NOOP(
                                   "EngineMessage", "no pipe with index %1 that the main program reads"))
                             : engineText(QT_TRANSLATE_NOOP(
                                   "EngineMessage", "no pipe with index %1 that the main program writes")))
                          .arg(pipe),
                      done);
    return false;
}

bool Run::writeToMain(const QByteArray &line)
{
    WorkerProcess *main = ensureMain();
    if (main->isFinished())
        return false;
    main->writeInput(line);
    return true;
}

void Run::isAlive(int index, std::function<void()> done)
{
    // print(p.is_alive(), p.exitcode) in the main program, at this instant: right after
    // terminate() a process is usually still alive, as in CPython.
    if (WorkerProcess *w = checkedWorker(index, QStringLiteral("is_alive"))) {
        const auto code = w->record().exitcode;
        recordEngine(EventKind::IsAlive, w,
                     {{QStringLiteral("alive"), w->isAlive()},
                      {QStringLiteral("exitcode"), code ? QJsonValue(*code) : QJsonValue()}});
    }
    if (done)
        done();
}

void Run::sleepMs(int ms, std::function<void()> done)
{
    QTimer::singleShot(std::max(ms, 0), Qt::PreciseTimer, this, [done = std::move(done)] {
        if (done)
            done();
    });
}

void Run::endMain(std::function<void()> done)
{
    if (isMainOver()) {
        if (done)
            done();
        return;
    }
    if (!isStarted())
        startInteractive();
    advance(Stage::EndingMain);
    recordEngine(EventKind::EndMain, nullptr);
    // The main program's pipe ends close with it, or a receiver whose sender was never started
    // would wait for end-of-file forever.
    closePipeEnds(false);
    // CPython's atexit handler: terminate the daemonic children still alive, then join all.
    for (WorkerProcess *w : std::as_const(m_workers)) {
        if (w->isAlive() && w->record().daemon) {
            if (w->sendSignal(SIGTERM))
                recordEngine(EventKind::Terminate, w, {{QStringLiteral("by"), QStringLiteral("end_main")}});
            // A stopped daemon would keep SIGTERM pending forever and the run would never end.
            if (w->isStopped() && w->sendSignal(SIGCONT))
                recordEngine(EventKind::Continue, w, {{QStringLiteral("by"), QStringLiteral("end_main")}});
        }
    }
    auto remaining = std::make_shared<int>(0);
    auto allJoined = [this, done = std::move(done)] {
        advance(Stage::MainEnded);
        emit mainEnded();
        if (done)
            done();
        maybeEndRun();
    };
    // Fork workers not yet forked count too: their start was requested.
    QList<WorkerProcess *> toJoin;
    for (WorkerProcess *w : std::as_const(m_workers))
        if (w->isAlive())
            toJoin.append(w);
    if (toJoin.isEmpty()) {
        allJoined();
        return;
    }
    *remaining = int(toJoin.size());
    auto one = [remaining, allJoined] {
        if (--*remaining == 0)
            allJoined();
    };
    for (WorkerProcess *w : std::as_const(toJoin)) {
        recordEngine(EventKind::JoinBegin, w, {{QStringLiteral("implicit"), true}});
        m_joins->wait(w, -1, true, one);
    }
}

void Run::closePipeEnds(bool all)
{
    const QByteArray commands = m_pipes.closeAll(all || !m_main || m_main->isFinished());
    if (!commands.isEmpty())
        m_main->writeInput(commands);
}

void Run::abort()
{
    if (isFinished())
        return;
    if (!isStarted())
        startInteractive();
    advance(Stage::MainEnded);
    m_joins->cancelAll();
    for (WorkerProcess *p : std::as_const(m_processes)) {
        if (p == m_main || p == m_server || !p->isAlive() || p->hasExitedOnPidfd())
            continue;
        const auto killIt = [this, p] {
            p->killQuietly();
            recordEngine(EventKind::Kill, p, {{QStringLiteral("by"), QStringLiteral("abort")}});
        };
        if (p->pid())
            killIt();
        else // created, its pid not reported yet: killed as soon as it is
            connect(p, &WorkerProcess::started, this, killIt, Qt::SingleShotConnection);
    }
    beginRunEnd();
}

// ---------------------------------------------------------------------------------------------
// Events from the processes

void Run::watchChannel(WorkerProcess *owner)
{
    EventChannel *ch = owner->channel();
    if (!ch)
        return;
    m_channels.append(ch);
    m_groupLeaders.insert(*owner->pid(), ch);
    connect(ch, &EventChannel::eventsRead, this,
            [this, owner](const QList<Event> &events) { onChannelEvents(owner, events); });
    connect(ch, &EventChannel::closed, this, &Run::checkRunEndComplete);
}

void Run::onChannelEvents(WorkerProcess *owner, const QList<Event> &events)
{
    for (const Event &e : events)
        routeEvent(owner, e);
}

void Run::routeEvent(WorkerProcess *owner, const Event &e)
{
    if (!e.pid) {
        record(e);
        return;
    }
    WorkerProcess *p = m_byPid.value(*e.pid);
    const bool fromMain = owner == m_main;
    if (fromMain && p == m_main && routeMainProgramEvent(e))
        return;
    if (fromMain && routeLaunchEvent(e))
        return;
    if (!p && e.kind == EventKind::Start)
        p = identifyStarted(owner, e);
    if (fromMain && p && e.kind == EventKind::Exited) {
        // The main program (or the fork server) reaped one of its children, or an orphan the
        // main program adopted as subreaper.
        Event named = e;
        named.fields.insert(QStringLiteral("name"), p->name());
        p->deliver(named);
        const auto code = jsonInteger(e.fields.value(QStringLiteral("exitcode")));
        p->markFinished(code ? std::optional<int>(int(*code)) : std::nullopt, e.tNs, false);
        return;
    }
    if (p)
        p->deliver(e);
    else
        record(e);
}

WorkerProcess *Run::takePendingFork(qint64 childPid, const QString &name)
{
    for (int i = 0; i < m_pendingForks.size(); ++i) {
        WorkerProcess *w = m_pendingForks[i];
        if ((w->pid() && *w->pid() == childPid) || (!w->pid() && w->name() == name)) {
            m_pendingForks.removeAt(i);
            return w;
        }
    }
    // The main program answers start commands in order.
    return m_pendingForks.isEmpty() ? nullptr : m_pendingForks.takeFirst();
}

bool Run::routeLaunchEvent(const Event &e)
{
    const qint64 pid = *e.pid;
    const auto name = [&e] { return e.fields.value(QStringLiteral("name")).toString(); };
    const auto ppid = [&e] { return jsonInteger(e.fields.value(QStringLiteral("ppid"))); };
    switch (e.kind) {
    case EventKind::Forked:
        if (WorkerProcess *w = takePendingFork(pid, name())) {
            if (!w->pid()) {
                m_byPid.insert(pid, w);
                w->attachPid(pid, ppid(), false); // the main program reports its end
            }
            w->setParentPid(m_main->pid());
            w->deliver(e);
        } else {
            record(e);
        }
        return true;
    case EventKind::ForkserverStarted: {
        // The server the main program forked for the forkserver start method: its workers'
        // os.getppid(). Not a Process in CPython, but a real process of the run.
        if (m_byPid.contains(pid) || m_server) {
            record(e);
            return true;
        }
        ProcessRecord r;
        r.name = QStringLiteral("ForkServer");
        r.kind = QStringLiteral("forkserver");
        r.parentPid = m_main->pid();
        r.startNs = e.tNs;
        m_server = addProcess(r);
        m_byPid.insert(pid, m_server);
        m_server->attachPid(pid, ppid(), false); // the main program reports its end
        m_server->deliver(e);
        return true;
    }
    case EventKind::ForkFailed:
        if (WorkerProcess *w = takePendingFork(-1, name())) {
            w->deliver(Event::make(e.tNs, std::nullopt, e.kind, e.fields));
            w->failLaunch(e.fields.value(QStringLiteral("message")).toString());
        } else {
            record(e);
        }
        return true;
    case EventKind::CommandError: {
        const QString line = e.fields.value(QStringLiteral("line")).toString();
        if (!line.startsWith(QLatin1String("start\t")))
            return false;
        // A start command the main program refused: that worker will never be forked.
        WorkerProcess *w = takePendingFork(-1, line.section(u'\t', 1, 1));
        m_main->deliver(e);
        if (w)
            w->failLaunch(e.fields.value(QStringLiteral("message")).toString());
        return true;
    }
    default:
        return false;
    }
}

WorkerProcess *Run::identifyStarted(WorkerProcess *owner, const Event &e)
{
    // A forked worker whose own start line overtook the main program's `forked` line, or a
    // grandchild (adopted).
    const qint64 pid = *e.pid;
    const QString name = e.fields.value(QStringLiteral("name")).toString();
    const auto ppid = jsonInteger(e.fields.value(QStringLiteral("ppid")));
    const bool fromServer =
        ppid && *ppid != m_main->pid() && (m_server ? m_server->pid() == ppid : !m_byPid.contains(*ppid));
    if (owner == m_main && m_main->pid() && (ppid == m_main->pid() || fromServer)) {
        for (WorkerProcess *w : std::as_const(m_pendingForks)) {
            const bool forkserver = w->record().startMethod == QLatin1String("forkserver");
            if (!w->pid() && w->name() == name && forkserver == fromServer) {
                m_byPid.insert(pid, w);
                w->attachPid(pid, ppid, false); // its creator reports its end
                w->setParentPid(m_main->pid());
                return w;
            }
        }
    }
    return adopt(owner, e);
}

bool Run::routeMainProgramEvent(const Event &e)
{
    if (e.kind == EventKind::HelperReady) {
        m_helperReady = true;
        m_main->deliver(e);
        m_script->helperReady();
        return true;
    }
    if (!m_actions.isOutcome(e))
        return false;
    // The outcome of the script's own queue, pipe or call action (or one message of a recv
    // loop): recorded as the main program's, then the action completes.
    if (e.kind == EventKind::CallDone || e.kind == EventKind::CommandError) {
        m_main->deliver(e);
    } else {
        Event named = e;
        named.fields.insert(QStringLiteral("name"), m_main->name());
        m_main->deliver(named);
    }
    m_actions.complete(e);
    return true;
}

WorkerProcess *Run::adopt(WorkerProcess *owner, const Event &e)
{
    const qint64 pid = *e.pid;
    const auto ppid = jsonInteger(e.fields.value(QStringLiteral("ppid")));
    auto reject = [&](const QString &why) -> WorkerProcess * {
        owner->deliver(Event::make(monotonicNs(), owner->pid(), EventKind::ProtocolError,
                                   {{QStringLiteral("name"), owner->name()},
                                    {QStringLiteral("message"), why},
                                    {QStringLiteral("line"), QStringLiteral("start pid=%1").arg(pid)}}));
        return nullptr;
    };
    if (m_adoptedCount >= kMaxAdoptedPerRun)
        return reject(engineText(QT_TRANSLATE_NOOP("EngineMessage",
                                                   "more than %1 grandchildren in one run: not tracked"))
                          .arg(kMaxAdoptedPerRun));
    // Only a process in one of the run's own process groups may be adopted: a worker must not
    // be able to make the run signal an unrelated pid.
    const auto group = processGroupOf(pid);
    if (group && !m_groupLeaders.contains(*group))
        return reject(
            engineText(QT_TRANSLATE_NOOP("EngineMessage", "pid %1 is not a process of this run")).arg(pid));
    ProcessRecord r;
    r.name = e.fields.value(QStringLiteral("name")).toString();
    if (r.name.isEmpty())
        r.name = QStringLiteral("pid %1").arg(pid);
    r.kind = QStringLiteral("child");
    r.startMethod = QStringLiteral("fork");
    r.daemon = e.fields.value(QStringLiteral("daemon")).toBool();
    WorkerProcess *parent = ppid ? m_byPid.value(*ppid) : nullptr;
    r.parentName = (parent ? parent : owner)->name();
    if (parent)
        r.parentPid = parent->pid();
    r.startNs = e.tNs;
    ++m_adoptedCount;
    WorkerProcess *p = addProcess(r);
    m_byPid.insert(pid, p);
    p->attachPid(pid, ppid);
    return p;
}

void Run::onProcessFinished(WorkerProcess *p)
{
    m_joins->processEnded(p);

    if (p == m_main || p == m_server) {
        if (p == m_main) {
            m_script->helperReady(); // a main program that died before it was ready: the script goes on
            m_actions.mainEnded();
        }
        // Start commands it never answered will not be answered now.
        const QList<WorkerProcess *> pending = std::exchange(m_pendingForks, {});
        for (WorkerProcess *w : pending) {
            if (p == m_main || w->record().startMethod == QLatin1String("forkserver"))
                w->failLaunch(engineText(QT_TRANSLATE_NOOP(
                    "EngineMessage", "the main program ended before starting this worker")));
            else
                m_pendingForks.append(w);
        }
        // Whose exit status it would have reported, nobody will now: those that ended already
        // end now, the others are watched through their pidfd from here on.
        for (WorkerProcess *w : std::as_const(m_processes)) {
            if (w == p || w->isFinished() || !w->pid() || !creatorGone(w))
                continue;
            if (w->hasExitedOnPidfd())
                w->markFinished(std::nullopt, monotonicNs(), true);
            else
                w->watchPidfd(); // pidfdExited() follows if it has ended already
        }
    }
    maybeEndRun();
    checkRunEndComplete();
}

void Run::onPidfdExited(WorkerProcess *p)
{
    if (p->isFinished())
        return;
    // Its last lines (its own `exit` event among them) may still wait in the event pipe: read
    // them first, so the exit code it reported is not lost.
    if (m_main && m_main->channel())
        m_main->channel()->drain();
    if (p->isFinished())
        return;
    if (creatorGone(p))
        p->markFinished(std::nullopt, monotonicNs(), true);
    // Otherwise its creator (the main program or the fork server) reaps it and reports the
    // status in an `exited` event; the main program itself is reaped by QProcess.
}

bool Run::creatorGone(const WorkerProcess *p) const
{
    const QString &kind = p->record().kind;
    if (kind == QLatin1String("child"))
        return true; // not reaped by anyone of ours (unless the main program is a subreaper)
    if (kind == QLatin1String("main"))
        return false;
    if (!m_main || m_main->isFinished())
        return true;
    if (kind == QLatin1String("worker") && p->record().startMethod == QLatin1String("forkserver"))
        return !m_server || m_server->isFinished();
    return false;
}

// ---------------------------------------------------------------------------------------------
// Run end

void Run::maybeEndRun()
{
    if (m_stage != Stage::MainEnded)
        return;
    for (WorkerProcess *w : std::as_const(m_workers))
        if (w->isAlive())
            return;
    beginRunEnd();
}

void Run::beginRunEnd()
{
    if (m_stage >= Stage::RunEnding)
        return;
    advance(Stage::RunEnding);
    // Whatever is still alive now is not a worker of the scenario: orphans and grandchildren.
    // As in Python they outlive the main program; the run stays open until they have ended
    // (or the user ends the run: abort()).
    if (m_main && !m_main->isFinished())
        m_main->closeInput(); // it reaps its children and exits 0
    checkRunEndComplete();
}

void Run::onGraceTimeout()
{
    if (isFinished())
        return;
    if (!m_groupsSwept) {
        m_groupsSwept = true;
        qCWarning(lcRun) << "run end: processes or event pipes still open after" << limits::RunEndGraceMs
                         << "ms; killing their process groups";
        for (WorkerProcess *p : std::as_const(m_processes))
            p->killQuietly();
        for (auto it = m_groupLeaders.cbegin(); it != m_groupLeaders.cend(); ++it)
            if (it.value()->isOpen())
                ::kill(-pid_t(it.key()), SIGKILL);
        m_graceTimer->start(1000);
        return;
    }
    // Give up waiting: record what is known and finish.
    for (WorkerProcess *p : std::as_const(m_processes))
        if (!p->isFinished() && creatorGone(p))
            p->markFinished(std::nullopt, monotonicNs(), true);
    finishRun();
}

void Run::checkRunEndComplete()
{
    if (m_stage != Stage::RunEnding)
        return;
    for (WorkerProcess *p : std::as_const(m_processes)) {
        if (p->isAlive())
            return;
    }
    for (EventChannel *c : std::as_const(m_channels)) {
        if (c->isOpen()) {
            // Every process has ended, yet someone holds an event pipe open (a grandchild that
            // never reported its pid): give it a moment, then sweep the process groups.
            if (!m_graceTimer) {
                m_graceTimer = new QTimer(this);
                m_graceTimer->setSingleShot(true);
                connect(m_graceTimer, &QTimer::timeout, this, &Run::onGraceTimeout);
                m_graceTimer->start(limits::RunEndGraceMs);
            }
            return;
        }
    }
    finishRun();
}

void Run::finishRun()
{
    if (isFinished())
        return;
    advance(Stage::Finished);
    if (m_graceTimer)
        m_graceTimer->stop();
    closePipeEnds(true);
    m_queues.destroy();
    if (m_containment)
        m_containment->end(); // a process that left the run's process groups goes too
    m_log.processes.clear();
    for (WorkerProcess *p : std::as_const(m_processes))
        m_log.processes.append(p->record());
    m_log.finalize(monotonicNs() - m_startNs);
    qCDebug(lcRun) << "run finished:" << m_log.events().size() << "events";
    emit phaseChanged(Phase::Finished);
    emit finished();
}

RunLog Run::snapshot() const
{
    RunLog log = m_log;
    log.processes.clear();
    for (WorkerProcess *p : std::as_const(m_processes))
        log.processes.append(p->record());
    return log;
}

} // namespace concurrente
