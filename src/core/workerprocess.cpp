#include "workerprocess.h"

#include "descriptors.h"
#include "eventchannel.h"
#include "pidfd.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace concurrente {

Q_DECLARE_LOGGING_CATEGORY(lcRun)

namespace {
/// The fd number helpers find their event pipe on (docs/protocol.md, CONCURRENTE_EVENT_FD).
constexpr int kChildEventFd = 3;

const QProcessEnvironment &workerEnvironment()
{
    static const QProcessEnvironment env = [] {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("CONCURRENTE_EVENT_FD"), QString::number(kChildEventFd));
        return e;
    }();
    return env;
}
} // namespace

WorkerProcess::WorkerProcess(const ProcessRecord &record, QObject *parent) : QObject(parent), m_record(record)
{}

WorkerProcess::~WorkerProcess()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            killQuietly();
            // SIGKILL cannot be caught: the reap is immediate; the bound only guards oddities.
            m_process->waitForFinished(1000);
        }
    }
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

void WorkerProcess::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

Event WorkerProcess::engineEvent(EventKind ev, QJsonObject fields) const
{
    fields.insert(QStringLiteral("name"), m_record.name);
    return Event::make(monotonicNs(), m_record.pid, ev, fields);
}

void WorkerProcess::startQProcess(const QString &program, const QStringList &arguments, bool keepStdin)
{
    if (m_state != State::Created)
        return;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        failLaunch(engineText(QT_TRANSLATE_NOOP("EngineMessage", "cannot create the event pipe: %1"))
                       .arg(QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    const int writeFd = fds[1];
    m_channel = new EventChannel(fds[0], std::nullopt, m_record.name, this);

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(workerEnvironment());
    if (!keepStdin)
        m_process->setStandardInputFile(QProcess::nullDevice());
    // Events travel on fd 3; stdout carries nothing we need. stderr — which every process of
    // the run inherits from the main program — is recorded line by line as `stderr` events of
    // the main program: a traceback, a message of the C library, whatever a process wrote there.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardError, this, &WorkerProcess::readStderr);
    const pid_t parentPid = ::getpid();
    const int extraFd = m_extraFd;
    const int extraChildFd = m_extraChildFd;
    // What the child keeps, sorted for shmq::fds::keepOnly (built here: the modifier runs
    // between fork and exec, where nothing may allocate).
    std::vector<int> keep{kChildEventFd};
    if (extraFd >= 0)
        keep.push_back(extraChildFd);
    for (int fd : std::as_const(m_keptFds))
        if (fd > 2)
            keep.push_back(fd);
    for (int fd : m_containment.procsFds)
        if (fd > 2)
            keep.push_back(fd);
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
    const std::vector<int> segments(m_keptFds.cbegin(), m_keptFds.cend());
    const ChildContainment containment = m_containment;
    m_process->setChildProcessModifier(
        [writeFd, parentPid, extraFd, extraChildFd, keep, segments, containment] {
            // Between fork and exec: async-signal-safe calls only.
            // The run's cgroup descriptors stay open across exec (the main program enters the
            // cgroup itself, docs/decisions.md); its process limit is set here.
            containment.applyInChild();
            ::prctl(PR_SET_PDEATHSIG, SIGKILL); // nothing outlives the app, even if it crashes
            if (::getppid() != parentPid)
                ::_exit(127); // the app died between fork and prctl
            // Its own process group: a last-resort sweep at run end reaches grandchildren that
            // never reported a pid.
            ::setpgid(0, 0);
            // The app ignores SIGPIPE (TerminationSignals) and an ignored signal stays ignored
            // across exec: give the child the default a program started from a shell has.
            ::signal(SIGPIPE, SIG_DFL);
            // Move both descriptors out of the way first, so placing one cannot clobber the other.
            // The copies made by F_DUPFD are not close-on-exec; the originals are.
            const int ev = ::fcntl(writeFd, F_DUPFD, 10);
            const int extra = extraFd >= 0 ? ::fcntl(extraFd, F_DUPFD, 10) : -1;
            if (ev < 0 || ::dup2(ev, kChildEventFd) < 0)
                ::_exit(127);
            ::close(ev);
            if (extra >= 0) {
                if (::dup2(extra, extraChildFd) < 0)
                    ::_exit(127);
                ::close(extra);
            }
            // The queue segments stay at their numbers ("fd:N" means the same in every process of
            // the run); they are ≥ 10, so the two moves above cannot have clobbered one.
            for (int fd : segments)
                if (!shmq::fds::inherit(fd))
                    ::_exit(127);
            // Everything else — whatever the app inherited without close-on-exec — ends at exec.
            // (Marked, not closed: QProcess still needs its own start-up pipe until exec.)
            shmq::fds::keepOnly(keep.data(), keep.size(), shmq::fds::Mode::CloseOnExec);
        });
    connect(m_process, &QProcess::started, this, [this] {
        if (m_state != State::Starting)
            return;
        setState(State::Running);
        emit started(*m_record.pid);
    });
    connect(m_process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { onQProcessFinished(code, int(status)); });
    connect(m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError error) { onQProcessError(int(error)); });

    setState(State::Starting);
    m_record.ppid = ::getpid();
    const qint64 requestNs = monotonicNs();
    m_process->start();
    ::close(writeFd); // only the child (and what it starts) may hold the write end
    m_record.startNs = requestNs;
    deliver(Event::make(requestNs, std::nullopt, EventKind::StartRequest,
                        {{QStringLiteral("name"), m_record.name}}));
    if (m_process->processId() > 0 && m_state == State::Starting) {
        m_record.pid = m_process->processId();
        m_channel->setOwner(m_record.pid, m_record.name);
        // Open it now, before the event loop can reap the child: the pid cannot be recycled yet.
        openPidfd();
    }
}

void WorkerProcess::writeInput(const QByteArray &data)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->write(data);
    // Commands given back to back (the script's `start` × 64) leave in one write() once the
    // caller returns to the event loop, not one each (docs/decisions.md, 45).
    if (!std::exchange(m_inputFlushQueued, true))
        QMetaObject::invokeMethod(this, &WorkerProcess::flushInput, Qt::QueuedConnection);
}

void WorkerProcess::flushInput()
{
    m_inputFlushQueued = false;
    if (m_process && m_process->state() != QProcess::NotRunning && m_process->bytesToWrite() > 0)
        m_process->waitForBytesWritten(0); // a poll with no wait, then the write
}

void WorkerProcess::closeInput()
{
    if (m_process)
        m_process->closeWriteChannel();
}

void WorkerProcess::onQProcessFinished(int exitCode, int exitStatus)
{
    // Whatever the worker wrote before dying is in the pipe already: read it first, so its
    // last lines come before `exited`.
    if (m_channel)
        m_channel->drain();
    // Qt reports the signal number as exitCode for a crash exit; Python says -signal.
    const int code = exitStatus == QProcess::CrashExit ? -exitCode : exitCode;
    markFinished(code, monotonicNs(), true);
}

void WorkerProcess::onQProcessError(int error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes arrive through finished()
    failLaunch(m_process->errorString());
}

void WorkerProcess::markStartRequested(qint64 tNs)
{
    if (m_state != State::Created)
        return;
    setState(State::Starting);
    m_record.startNs = tNs;
    deliver(
        Event::make(tNs, std::nullopt, EventKind::StartRequest, {{QStringLiteral("name"), m_record.name}}));
}

void WorkerProcess::attachPid(qint64 pid, std::optional<qint64> ppid, bool watch)
{
    if (m_record.pid)
        return;
    m_record.pid = pid;
    if (ppid)
        m_record.ppid = ppid;
    if (!m_record.startNs)
        m_record.startNs = monotonicNs();
    if (watch)
        openPidfd();
    if (m_state == State::Created || m_state == State::Starting) {
        setState(State::Running);
        emit started(pid);
    }
}

bool WorkerProcess::ensurePidfd()
{
    if (m_pidfd >= 0)
        return true;
    if (m_pidfdExited || !m_record.pid || m_state == State::Finished)
        return false;
    m_pidfd = pidfdOpen(pid_t(*m_record.pid));
    if (m_pidfd >= 0)
        return true;
    if (errno != ESRCH)
        qCWarning(lcRun) << "pidfd_open failed for" << m_record.name << *m_record.pid << strerror(errno);
    m_pidfdExited = true;
    return false;
}

void WorkerProcess::openPidfd()
{
    if (m_pidfdNotifier || !m_record.pid || m_state == State::Finished)
        return;
    if (!ensurePidfd()) {
        // Already gone: say so once control is back in the event loop, like a readable pidfd.
        m_pidfdExited = true;
        QMetaObject::invokeMethod(this, &WorkerProcess::pidfdExited, Qt::QueuedConnection);
        return;
    }
    m_pidfdNotifier = new QSocketNotifier(qintptr(m_pidfd), QSocketNotifier::Read, this);
    connect(m_pidfdNotifier, &QSocketNotifier::activated, this, [this] {
        m_pidfdNotifier->setEnabled(false);
        m_pidfdExited = true;
        emit pidfdExited();
    });
}

void WorkerProcess::watchPidfd()
{
    openPidfd();
}

void WorkerProcess::markFinished(std::optional<int> exitcode, qint64 tNs, bool recordExited)
{
    if (m_state == State::Finished) {
        if (exitcode && !m_record.exitcode)
            m_record.exitcode = exitcode;
        return;
    }
    if (!exitcode) {
        // Not our child and nobody reported its status: what the process itself said, or the
        // uncatchable signal we sent; otherwise unknown.
        if (m_reportedExit)
            exitcode = m_reportedExit;
        else if (m_killedByUs)
            exitcode = -SIGKILL;
    }
    setState(State::Finished);
    m_stopped = false;
    m_record.endNs = tNs;
    m_record.exitcode = exitcode;
    releasePidfd();
    if (recordExited) {
        deliver(Event::make(tNs, m_record.pid, EventKind::Exited,
                            {{QStringLiteral("name"), m_record.name},
                             {QStringLiteral("exitcode"), exitcode ? QJsonValue(*exitcode) : QJsonValue()}}));
    }
    emit finished(exitcode);
}

void WorkerProcess::failLaunch(const QString &message)
{
    if (m_state == State::Finished)
        return;
    m_record.error = message;
    deliver(engineEvent(EventKind::LaunchFailed, {{QStringLiteral("message"), message}}));
    setState(State::Finished);
    m_record.endNs = monotonicNs();
    emit finished(std::nullopt);
}

void WorkerProcess::releasePidfd()
{
    // An ended process needs no pidfd: 256 workers must not hold 256 descriptors to the end.
    if (m_pidfdNotifier) {
        m_pidfdNotifier->setEnabled(false);
        m_pidfdNotifier->deleteLater();
        m_pidfdNotifier = nullptr;
    }
    if (m_pidfd >= 0) {
        ::close(m_pidfd);
        m_pidfd = -1;
    }
    m_pidfdExited = true;
}

bool WorkerProcess::sendSignal(int sig, QString *error)
{
    if (!ensurePidfd() || m_pidfdExited || m_state == State::Finished) {
        if (error)
            *error = m_state == State::Created
                         ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "the process was not started"))
                         : engineText(QT_TRANSLATE_NOOP("EngineMessage", "the process has already ended"));
        return false;
    }
    if (pidfdSendSignal(m_pidfd, sig) != 0) {
        if (error)
            *error = errno == ESRCH
                         ? engineText(QT_TRANSLATE_NOOP("EngineMessage", "the process has already ended"))
                         : engineText(QT_TRANSLATE_NOOP("EngineMessage", "cannot send the signal: %1"))
                               .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (sig == SIGKILL)
        m_killedByUs = true;
    if (sig == SIGSTOP || sig == SIGCONT) {
        const bool stopped = sig == SIGSTOP;
        if (stopped != m_stopped) {
            m_stopped = stopped;
            emit stoppedChanged(stopped);
        }
    }
    return true;
}

void WorkerProcess::killQuietly()
{
    if (m_state != State::Finished && ensurePidfd() && !m_pidfdExited) {
        if (pidfdSendSignal(m_pidfd, SIGKILL) == 0)
            m_killedByUs = true;
    }
}

void WorkerProcess::reapBlocking(int ms)
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(ms);
}

void WorkerProcess::readStderr()
{
    m_stderrPartial += m_process->readAllStandardError();
    qsizetype start = 0;
    for (qsizetype nl; (nl = m_stderrPartial.indexOf('\n', start)) >= 0; start = nl + 1)
        recordStderrLine(QByteArrayView(m_stderrPartial).sliced(start, nl - start));
    m_stderrPartial.remove(0, start);
    // A line that never ends is recorded in pieces rather than held without bound.
    if (m_stderrPartial.size() > limits::MaxStderrLineChars) {
        recordStderrLine(m_stderrPartial);
        m_stderrPartial.clear();
    }
}

void WorkerProcess::recordStderrLine(QByteArrayView line)
{
    if (m_stderrLines >= limits::MaxStderrLines) {
        ++m_stderrDropped;
        return;
    }
    ++m_stderrLines;
    QJsonObject fields{{QStringLiteral("name"), m_record.name}};
    QString text = QString::fromUtf8(line);
    if (text.size() > limits::MaxStderrLineChars) {
        text.truncate(limits::MaxStderrLineChars);
        fields.insert(QStringLiteral("truncated"), true);
    }
    fields.insert(QStringLiteral("text"), text);
    if (m_stderrLines == limits::MaxStderrLines)
        fields.insert(QStringLiteral("last"), true); // further lines are counted, not recorded
    deliver(Event::make(monotonicNs(), m_record.pid, EventKind::Stderr, fields));
}

void WorkerProcess::deliver(const Event &event)
{
    if (event.kind == EventKind::Start || event.kind == EventKind::Reparented) {
        if (const auto ppid = jsonInteger(event.fields.value(QStringLiteral("ppid"))))
            m_record.ppid = ppid;
    }
    if (event.kind == EventKind::Start && m_state == State::Starting && m_record.pid &&
        event.pid == m_record.pid) {
        // The worker's own start line proves the exec worked; it may be read before QProcess
        // has processed its startup notification.
        setState(State::Running);
        emit started(*m_record.pid);
    } else if (event.kind == EventKind::Exit) {
        if (const auto code = jsonInteger(event.fields.value(QStringLiteral("code"))))
            m_reportedExit = int(*code);
    }
    if (event.proc == m_runIndex) {
        emit eventReceived(event);
    } else {
        Event own = event;
        own.proc = m_runIndex;
        emit eventReceived(own);
    }
}

} // namespace concurrente
