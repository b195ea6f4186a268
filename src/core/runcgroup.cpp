#include "runcgroup.h"

#include "pidfd.h"

#include "protocol.h"
#include "runlog.h"
#include "scenario.h"

#include "shmq.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace concurrente {

Q_DECLARE_LOGGING_CATEGORY(lcRun)

namespace {

/// How long the run's cgroups are waited for to empty after their processes were killed
/// before they are left to the next start's sweep.
constexpr int kRemoveGiveUpMs = 10'000;

QByteArray readSmall(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.read(64 * 1024);
}

/// A cgroup file written with one write(), as the kernel wants it; errno tells why not.
bool writeFile(const QString &path, QByteArrayView data)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, data.data(), size_t(data.size())) == data.size();
    const int err = errno;
    ::close(fd);
    errno = err;
    return ok;
}

QString decodeMountPath(const QByteArray &field)
{
    // mountinfo escapes space, tab, newline and backslash as \ooo.
    QByteArray out;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int c = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out += char(c);
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return QFile::decodeName(out);
}

/// The mount point of the cgroup hierarchy `fsType` ("cgroup2", or "cgroup" with `option` among
/// its super options) and the cgroup path its root stands for.
struct Mount
{
    QString point;
    QString root;
};

std::optional<Mount> findMount(const QByteArray &fsType, const QByteArray &option)
{
    const QByteArray info = readSmall(QStringLiteral("/proc/self/mountinfo"));
    for (const QByteArray &line : info.split('\n')) {
        const qsizetype dash = line.indexOf(" - ");
        if (dash < 0)
            continue;
        const QList<QByteArray> pre = line.left(dash).split(' ');
        const QList<QByteArray> post = line.mid(dash + 3).split(' ');
        if (pre.size() < 5 || post.size() < 3 || post[0] != fsType)
            continue;
        if (!option.isEmpty() && !post[2].split(',').contains(option))
            continue;
        return Mount{decodeMountPath(pre[4]), decodeMountPath(pre[3])};
    }
    return std::nullopt;
}

/// This process's path in the hierarchy whose /proc/self/cgroup line has `controller` in its
/// second field ("" for cgroup v2's `0::` line).
std::optional<QString> ownCgroupPath(const QByteArray &controller)
{
    const QByteArray lines = readSmall(QStringLiteral("/proc/self/cgroup"));
    for (const QByteArray &line : lines.split('\n')) {
        const qsizetype a = line.indexOf(':');
        const qsizetype b = a < 0 ? -1 : line.indexOf(':', a + 1);
        if (b < 0)
            continue;
        const QByteArray controllers = line.mid(a + 1, b - a - 1);
        if (controller.isEmpty() ? (line.left(a) == "0" && controllers.isEmpty())
                                 : controllers.split(',').contains(controller))
            return QFile::decodeName(line.mid(b + 1));
    }
    return std::nullopt;
}

QString dirOf(const std::optional<Mount> &mount, const std::optional<QString> &path)
{
    if (!mount || !path)
        return {};
    QString rel = *path;
    // Inside a cgroup namespace the mount's root and our path may share a prefix.
    if (mount->root != u'/' && rel.startsWith(mount->root))
        rel = rel.mid(mount->root.size());
    if (rel.endsWith(u'/'))
        rel.chop(1);
    const QString dir = mount->point + rel;
    return QFileInfo(dir).isDir() ? dir : QString();
}

/// A cgroup's path as /proc/PID/cgroup shows it: `base` (the app's) and `rel` ("/a/b").
QString joinCgroupPath(const QString &base, const QString &rel)
{
    return base == u'/' || base.isEmpty() ? rel : base + rel;
}

QList<qint64> membersOf(const QString &dir)
{
    QList<qint64> pids;
    for (const QByteArray &line : readSmall(dir + QStringLiteral("/cgroup.procs")).split('\n'))
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            pids.append(pid);
    return pids;
}

/// SIGKILL to every process in `dir` (cgroup v1, or a cgroup v2 without cgroup.kill). Through a
/// pidfd opened first, and only when that pid is still in `dir` afterwards: a pid that ended
/// and was reused in between is never signalled.
void killMembersOneByOne(const QString &dir, const QString &cgroupPathInProc)
{
    for (qint64 pid : membersOf(dir)) {
        const int pidfd = pidfdOpen(pid_t(pid));
        if (pidfd < 0)
            continue;
        const QByteArray cg = readSmall(QStringLiteral("/proc/%1/cgroup").arg(pid));
        bool member = false;
        for (const QByteArray &line : cg.split('\n'))
            if (line.endsWith(':' + QFile::encodeName(cgroupPathInProc)))
                member = true;
        if (member)
            pidfdSendSignal(pidfd, SIGKILL);
        ::close(pidfd);
    }
}

/// One run cgroup to end and remove: cgroup v2 (`populated 0` in cgroup.events) or v1.
struct Doomed
{
    QString dir;
    QString procPath; ///< its path as /proc/PID/cgroup shows it
    bool v2 = false;
};

bool isEmpty(const Doomed &d)
{
    if (!QFileInfo::exists(d.dir))
        return true;
    if (d.v2) {
        const QByteArray events = readSmall(d.dir + QStringLiteral("/cgroup.events"));
        if (!events.isEmpty())
            return events.contains("populated 0");
    }
    return membersOf(d.dir).isEmpty();
}

void killAll(const Doomed &d)
{
    // cgroup.kill (Linux 5.14) kills every process of the cgroup and its descendants at once,
    // forks in flight included; without it, one by one.
    if (d.v2 && writeFile(d.dir + QStringLiteral("/cgroup.kill"), "1"))
        return;
    killMembersOneByOne(d.dir, d.procPath);
}

/// Removes `d` (and its `concurrente-<pid>` parent when that is now empty). True when gone.
bool removeIfEmpty(const Doomed &d)
{
    if (!isEmpty(d))
        return false;
    const QByteArray path = QFile::encodeName(d.dir);
    if (::rmdir(path.constData()) != 0 && errno != ENOENT)
        return false;
    // The app's parent cgroup goes with its last run (another run may still hold it: EBUSY).
    ::rmdir(QFile::encodeName(QFileInfo(d.dir).path()).constData());
    return true;
}

/// Cgroups whose processes were killed but had not all gone yet: retried from the event loop
/// (never a blocking wait on the GUI thread), outliving the run that made them.
class CgroupReaper : public QObject
{
public:
    static void take(const Doomed &d)
    {
        if (removeIfEmpty(d))
            return;
        if (!QCoreApplication::instance()) {
            waitOut({d}, 1000);
            return;
        }
        static CgroupReaper *reaper = nullptr;
        if (!reaper) {
            reaper = new CgroupReaper;
            // The app quits with cgroups not yet empty (a headless run that ends at once): a
            // short bounded wait then, when no window waits on it.
            qAddPostRoutine([] {
                if (reaper) {
                    waitOut(reaper->m_doomed, 500);
                    delete reaper;
                    reaper = nullptr;
                }
            });
        }
        reaper->add(d);
    }

    static void waitOut(QList<Doomed> doomed, int ms)
    {
        for (int waited = 0; !doomed.isEmpty(); waited += 5) {
            doomed.removeIf([](const Doomed &d) { return removeIfEmpty(d); });
            if (doomed.isEmpty() || waited >= ms)
                break;
            for (const Doomed &d : std::as_const(doomed))
                killAll(d);
            ::usleep(5000);
        }
        for (const Doomed &d : std::as_const(doomed))
            qCWarning(lcRun).noquote() << "cgroup" << d.dir << "still has processes; left for the next start";
    }

private:
    CgroupReaper()
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &CgroupReaper::tick);
    }

    void add(const Doomed &d)
    {
        m_doomed.append(d);
        m_deadline.append(0);
        if (!m_timer.isActive())
            m_timer.start(5);
    }

    void tick()
    {
        for (qsizetype i = m_doomed.size() - 1; i >= 0; --i) {
            m_deadline[i] += m_timer.interval();
            if (removeIfEmpty(m_doomed[i])) {
                m_doomed.removeAt(i);
                m_deadline.removeAt(i);
            } else if (m_deadline[i] > kRemoveGiveUpMs) {
                qCWarning(lcRun).noquote()
                    << "cgroup" << m_doomed[i].dir << "still has processes; left for the next start";
                m_doomed.removeAt(i);
                m_deadline.removeAt(i);
            } else {
                killAll(m_doomed[i]); // anything that slipped in (a fork in flight in cgroup v1)
            }
        }
        if (!m_doomed.isEmpty())
            m_timer.start(std::min(m_timer.interval() * 2, 100));
    }

    QTimer m_timer;
    QList<Doomed> m_doomed;
    QList<int> m_deadline; ///< ms waited, per cgroup
};

void endAndRemove(const Doomed &d)
{
    killAll(d);
    CgroupReaper::take(d);
}

/// The pid of a `concurrente-<pid>` directory name, 0 for any other name.
qint64 appPidOf(const QString &name)
{
    if (!name.startsWith(QLatin1String("concurrente-")))
        return 0;
    bool ok = false;
    const qint64 pid = name.mid(12).toLongLong(&ok);
    return ok && pid > 0 ? pid : 0;
}

void sweepStaleIn(const QString &ownDir, const QString &ownProcPath, bool v2)
{
    if (ownDir.isEmpty())
        return;
    const QFileInfoList apps =
        QDir(ownDir).entryInfoList({QStringLiteral("concurrente-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &app : apps) {
        const qint64 pid = appPidOf(app.fileName());
        // A live app's cgroups are its own business; ours can only be a dead instance's that
        // had our pid (nothing of this process made one yet).
        if (pid == 0 || (pid != ::getpid() && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)))
            continue;
        const QFileInfoList runs = QDir(app.filePath()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &run : runs) {
            const QString procPath =
                joinCgroupPath(ownProcPath, u'/' + app.fileName() + u'/' + run.fileName());
            qCInfo(lcRun).noquote() << "removing the stale cgroup" << run.filePath();
            endAndRemove({run.filePath(), procPath, v2});
        }
        ::rmdir(QFile::encodeName(app.filePath()).constData());
    }
}

/// Opens `path` for writing at a descriptor ≥ 10, close-on-exec: the main program inherits it
/// at that number, above those its child-process modifier places (0–3 and the pipe end).
int openAbove(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0 || fd >= 10)
        return fd;
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    ::close(fd);
    return moved;
}

qint64 envInteger(const char *name)
{
    bool ok = false;
    const qint64 v = qEnvironmentVariable(name).toLongLong(&ok);
    return ok ? v : 0;
}

/// The tasks (threads included) of this user, which RLIMIT_NPROC counts.
qint64 userTasks()
{
    const uid_t uid = ::getuid();
    qint64 n = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (entry.toLongLong() <= 0)
            continue;
        const QByteArray status = readSmall(QStringLiteral("/proc/") + entry + QStringLiteral("/status"));
        qint64 threads = 0;
        bool mine = false;
        for (const QByteArray &line : status.split('\n')) {
            if (line.startsWith("Uid:"))
                mine = line.mid(4).simplified().split(' ').value(0).toLongLong() == qint64(uid);
            else if (line.startsWith("Threads:"))
                threads = line.mid(8).trimmed().toLongLong();
        }
        if (mine)
            n += std::max<qint64>(threads, 1);
    }
    return n;
}

qint64 statValue(const QByteArray &stat, const QByteArray &key)
{
    for (const QByteArray &line : stat.split('\n'))
        if (line.startsWith(key + ' '))
            return line.mid(key.size() + 1).trimmed().toLongLong();
    return 0;
}

} // namespace

void ChildContainment::applyInChild() const noexcept
{
    // Between fork and exec: fcntl() and setrlimit() are plain system calls. A failure leaves
    // the run without that containment, not without its main program.
    for (int fd : procsFds) {
        if (fd >= 0) {
            const int flags = ::fcntl(fd, F_GETFD);
            if (flags >= 0)
                ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
        }
    }
    if (nprocLimit > 0) {
        rlimit rl{};
        if (::getrlimit(RLIMIT_NPROC, &rl) == 0) {
            rl.rlim_cur = std::min<rlim_t>(rlim_t(nprocLimit), rl.rlim_max);
            ::setrlimit(RLIMIT_NPROC, &rl);
        }
    }
}

QStringList ChildContainment::mainArguments() const
{
    QStringList args;
    for (int fd : procsFds)
        if (fd >= 0)
            args << QStringLiteral("--cgroup-fd") << QString::number(fd);
    return args;
}

QString RunContainment::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Cgroup2:
        return QStringLiteral("cgroup2");
    case Kind::Cgroup1Pids:
        return QStringLiteral("cgroup1-pids");
    case Kind::Rlimit:
        return QStringLiteral("rlimit");
    case Kind::None:
        break;
    }
    return QStringLiteral("none");
}

QString RunContainment::ownCgroup2Dir()
{
    return dirOf(findMount("cgroup2", {}), ownCgroupPath({}));
}

QString RunContainment::ownCgroup1PidsDir()
{
    return dirOf(findMount("cgroup", "pids"), ownCgroupPath("pids"));
}

void RunContainment::removeStale()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    if (qEnvironmentVariable("CONCURRENTE_CGROUP") == QLatin1String("off"))
        return;
    sweepStaleIn(ownCgroup2Dir(), ownCgroupPath({}).value_or(QString()), true);
    sweepStaleIn(ownCgroup1PidsDir(), ownCgroupPath("pids").value_or(QString()), false);
}

qint64 RunContainment::processCapFor(const Scenario &scenario)
{
    // The main program and its call thread; a called task may be the GIL demo with its threads.
    qint64 tasks = 2;
    for (const Action &a : scenario.main)
        if (a.kind == Action::Call) {
            tasks += kMaxThreads;
            break;
        }
    tasks += 1; // the fork server
    for (const WorkerSpec &w : scenario.workers) {
        tasks += 1;
        if (w.task == QLatin1String("gil"))
            tasks += w.args.value(QStringLiteral("threads")).toInt(2);
        else if (w.task == QLatin1String("spawn_child"))
            tasks += w.args.value(QStringLiteral("depth")).toInt(1); // a chain of grandchildren
    }
    return tasks + limits::RunPidsMargin;
}

qint64 RunContainment::memoryCapFor(const Scenario &scenario)
{
    // Processes, not tasks: threads share their process's memory.
    qint64 processes = 2; // the main program, the fork server
    for (const WorkerSpec &w : scenario.workers)
        processes +=
            1 + (w.task == QLatin1String("spawn_child") ? w.args.value(QStringLiteral("depth")).toInt(1) : 0);
    return limits::RunMemoryBaseBytes + processes * limits::RunMemoryPerProcessBytes;
}

RunContainment::RunContainment(qint64 pidsCap, qint64 memoryMax) : m_pidsMax(pidsCap), m_memoryMax(0)
{
    if (const qint64 forced = envInteger("CONCURRENTE_PIDS_MAX"); forced > 0)
        m_pidsMax = forced; // tests: a cap small enough to reach
    const QString mode = qEnvironmentVariable("CONCURRENTE_CGROUP");
    const bool noCgroups = mode == QLatin1String("off");
    removeStale();
    static qint64 runs = 0;
    const qint64 n = ++runs;
    if (!noCgroups && mode != QLatin1String("cgroup1") && setUpCgroup2(n)) {
        m_kind = Kind::Cgroup2;
        if (memoryMax > 0 && QFileInfo::exists(m_v2Dir + QStringLiteral("/memory.max")) &&
            writeFile(m_v2Dir + QStringLiteral("/memory.max"), QByteArray::number(memoryMax)))
            m_memoryMax = memoryMax;
    }
    // No pids controller in cgroup v2 (a hybrid hierarchy): v1's gives the cap.
    if (!noCgroups && m_pidsMaxBy == Kind::None && m_pidsMax > 0 && setUpCgroup1Pids(n)) {
        m_pidsMaxBy = Kind::Cgroup1Pids;
        if (m_kind == Kind::None)
            m_kind = Kind::Cgroup1Pids;
    }
    // RLIMIT_NPROC counts every task of the user, and root is exempt from it.
    if (m_pidsMaxBy == Kind::None && m_pidsMax > 0 && ::geteuid() != 0) {
        m_nprocLimit = long(userTasks() + m_pidsMax);
        m_pidsMaxBy = Kind::Rlimit;
        if (m_kind == Kind::None)
            m_kind = Kind::Rlimit;
    }
    qCDebug(lcRun).noquote() << "run containment:" << kindName(m_kind) << "pids_max" << pidsMax() << "by"
                             << kindName(m_pidsMaxBy) << "memory_max" << m_memoryMax << m_v2Dir << m_v1Dir;
}

RunContainment::~RunContainment()
{
    end();
}

namespace {

/// `own`/concurrente-<app pid>, the parent of the app's run cgroups, made if `own` (the app's
/// cgroup in one hierarchy) lets the app move processes; empty if not.
QString makeAppCgroup(const QString &own)
{
    if (own.isEmpty() ||
        ::access(QFile::encodeName(own + QStringLiteral("/cgroup.procs")).constData(), W_OK) != 0)
        return {};
    const QString parent = own + QStringLiteral("/concurrente-%1").arg(::getpid());
    if (::mkdir(QFile::encodeName(parent).constData(), 0755) != 0 && errno != EEXIST)
        return {};
    return parent;
}

} // namespace

bool RunContainment::setUpCgroup2(qint64 runNumber)
{
    const QString own = ownCgroup2Dir();
    const QString parent = makeAppCgroup(own);
    if (parent.isEmpty())
        return false;
    // The parent holds no process, so it may hand controllers on to its children: those the
    // app's cgroup passes down to it (a delegated subtree), never more.
    QByteArray wanted;
    const QList<QByteArray> available =
        readSmall(parent + QStringLiteral("/cgroup.controllers")).trimmed().split(' ');
    for (const char *c : {"pids", "memory"}) {
        if (available.contains(c)) {
            wanted += wanted.isEmpty() ? "+" : " +";
            wanted += c;
        }
    }
    if (!wanted.isEmpty() && !writeFile(parent + QStringLiteral("/cgroup.subtree_control"), wanted))
        qCInfo(lcRun) << "cannot enable" << wanted << "for the run cgroups:" << strerror(errno);
    const QString dir = parent + QStringLiteral("/run-%1").arg(runNumber);
    if (::mkdir(QFile::encodeName(dir).constData(), 0755) != 0) {
        ::rmdir(QFile::encodeName(parent).constData());
        return false;
    }
    m_v2ProcsFd = openAbove(dir + QStringLiteral("/cgroup.procs"));
    if (m_v2ProcsFd < 0) {
        ::rmdir(QFile::encodeName(dir).constData());
        ::rmdir(QFile::encodeName(parent).constData());
        return false;
    }
    m_v2Dir = dir;
    if (m_pidsMax > 0 && QFileInfo::exists(dir + QStringLiteral("/pids.max")) &&
        writeFile(dir + QStringLiteral("/pids.max"), QByteArray::number(m_pidsMax)))
        m_pidsMaxBy = Kind::Cgroup2;
    return true;
}

bool RunContainment::setUpCgroup1Pids(qint64 runNumber)
{
    const QString own = ownCgroup1PidsDir();
    const QString parent = makeAppCgroup(own);
    if (parent.isEmpty())
        return false;
    const QString dir = parent + QStringLiteral("/run-%1").arg(runNumber);
    if (::mkdir(QFile::encodeName(dir).constData(), 0755) != 0) {
        ::rmdir(QFile::encodeName(parent).constData());
        return false;
    }
    m_v1ProcsFd = openAbove(dir + QStringLiteral("/cgroup.procs"));
    if (m_v1ProcsFd < 0 || !writeFile(dir + QStringLiteral("/pids.max"), QByteArray::number(m_pidsMax))) {
        if (m_v1ProcsFd >= 0)
            ::close(m_v1ProcsFd);
        m_v1ProcsFd = -1;
        ::rmdir(QFile::encodeName(dir).constData());
        ::rmdir(QFile::encodeName(parent).constData());
        return false;
    }
    m_v1Dir = dir;
    return true;
}

ChildContainment RunContainment::child() const
{
    ChildContainment c;
    if (m_ended)
        return c;
    c.procsFds[0] = m_v2ProcsFd;
    c.procsFds[1] = m_v1ProcsFd;
    c.nprocLimit = m_nprocLimit;
    return c;
}

void RunContainment::describe(HostInfo &host) const
{
    host.containment = kindName(m_kind);
    host.pidsMax = pidsMax();
    host.pidsMaxBy = m_pidsMaxBy == Kind::None ? QString() : kindName(m_pidsMaxBy);
    host.memoryMax = m_memoryMax;
}

void RunContainment::end()
{
    if (m_ended)
        return;
    m_ended = true;
    for (int *fd : {&m_v2ProcsFd, &m_v1ProcsFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    const auto procPath = [](const QString &dir, const QString &own, const QByteArray &controller) {
        return joinCgroupPath(ownCgroupPath(controller).value_or(QString()), dir.mid(own.size()));
    };
    // cgroup v2 first: it reaches every process of the run at once, so the v1 cgroup (the same
    // processes, when both were used) is empty by the time it is looked at.
    if (!m_v2Dir.isEmpty())
        endAndRemove({m_v2Dir, procPath(m_v2Dir, ownCgroup2Dir(), {}), true});
    if (!m_v1Dir.isEmpty())
        endAndRemove({m_v1Dir, procPath(m_v1Dir, ownCgroup1PidsDir(), "pids"), false});
}

std::optional<qint64> memoryHeadroom()
{
    std::optional<qint64> room;
    const auto tighten = [&room](qint64 r) { room = room ? std::min(*room, r) : r; };
    {
        const QByteArray meminfo = readSmall(QStringLiteral("/proc/meminfo"));
        qint64 available = -1, swapFree = 0;
        for (const QByteArray &line : meminfo.split('\n')) {
            if (line.startsWith("MemAvailable:"))
                available = line.mid(13).trimmed().split(' ').value(0).toLongLong() * 1024;
            else if (line.startsWith("SwapFree:"))
                swapFree = line.mid(9).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
        if (available >= 0)
            tighten(available + swapFree); // shared memory can be swapped out
    }
    // Every memory cgroup above the app, up to the hierarchy's root: a limit anywhere there
    // is what a reservation is charged against (the OOM killer acts at the tightest one).
    const auto walk = [&tighten](QString dir, const QString &top, auto &&levelRoom) {
        while (!dir.isEmpty() && dir.size() > top.size()) {
            if (const auto r = levelRoom(dir))
                tighten(*r);
            dir = QFileInfo(dir).path();
        }
    };
    if (const auto mount = findMount("cgroup2", {})) {
        walk(dirOf(mount, ownCgroupPath({})), mount->point, [](const QString &dir) -> std::optional<qint64> {
            const QByteArray max = readSmall(dir + QStringLiteral("/memory.max")).trimmed();
            if (max.isEmpty() || max == "max")
                return std::nullopt;
            const qint64 current = readSmall(dir + QStringLiteral("/memory.current")).trimmed().toLongLong();
            const qint64 reclaimable =
                statValue(readSmall(dir + QStringLiteral("/memory.stat")), "inactive_file");
            return max.toLongLong() - (current - reclaimable);
        });
    }
    if (const auto mount = findMount("cgroup", "memory")) {
        walk(dirOf(mount, ownCgroupPath("memory")), mount->point,
             [](const QString &dir) -> std::optional<qint64> {
                 const qint64 limit =
                     readSmall(dir + QStringLiteral("/memory.limit_in_bytes")).trimmed().toLongLong();
                 if (limit <= 0 || limit >= (qint64(1) << 60)) // unlimited reads as about 2^63
                     return std::nullopt;
                 const qint64 usage =
                     readSmall(dir + QStringLiteral("/memory.usage_in_bytes")).trimmed().toLongLong();
                 const qint64 reclaimable =
                     statValue(readSmall(dir + QStringLiteral("/memory.stat")), "total_inactive_file");
                 return limit - (usage - reclaimable);
             });
    }
    return room;
}

QString queueMemoryProblem(const Scenario &scenario)
{
    qint64 needed = 0;
    for (const QueueSpec &q : scenario.queues)
        needed += qint64(shmq::Queue::segmentBytes(std::uint32_t(std::max(q.capacity, 1))));
    if (needed == 0)
        return {};
    const auto room = memoryHeadroom();
    if (!room || needed + limits::QueueMemorySpareBytes <= *room)
        return {};
    const auto mib = [](qint64 bytes) { return QString::number(double(bytes) / double(1 << 20), 'f', 1); };
    return engineText(
               QT_TRANSLATE_NOOP("EngineMessage",
                                 "not enough memory for the queues: they take %1 MiB, and %2 MiB are "
                                 "available (the machine's free memory or the app's memory cgroup limit)"))
        .arg(mib(needed), mib(std::max<qint64>(*room - limits::QueueMemorySpareBytes, 0)));
}

} // namespace concurrente
