// Each run in a cgroup of its own (docs/decisions.md): the main program and its workers are in
// it, a process that left the run's process groups is killed at the run's end through it, the
// cgroup is removed afterwards, and what a dead app left is swept at the next start. The cap on
// a run's processes shows as `fork_failed` for the worker beyond it; queues that do not fit in
// the memory left are refused with the cause before the run, never with a SIGBUS or the OOM
// killer. Tests that need a writable cgroup hierarchy skip, saying which, where there is none.

#include "../processalive.h"
#include "datapaths.h"
#include "run.h"
#include "runcgroup.h"
#include "runlog.h"
#include "scenario.h"
#include "workerprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace concurrente;

namespace {

Scenario scenarioFrom(const QByteArray &json)
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        R"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},)" + json + "}", u"test.json"_s);
    if (!r.ok())
        qWarning() << r.errorStrings();
    return r.scenario;
}

/// The field of /proc/PID/stat after the command (0: state, 1: ppid, 2: pgrp, 3: session).
qint64 statField(qint64 pid, int index)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(index).toLongLong();
}

/// The path of `pid` in the hierarchy of `controller` ("" for cgroup v2) as /proc shows it.
QString cgroupOf(qint64 pid, const QByteArray &controller)
{
    QFile f(u"/proc/%1/cgroup"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        if (controller.isEmpty() ? parts[0] == "0" : parts[1].split(',').contains(controller))
            return QString::fromUtf8(parts.mid(2).join(':'));
    }
    return {};
}

/// Why a cgroup of that kind cannot be made here, or an empty string.
QString unwritable(const QString &dir, const char *what)
{
    if (dir.isEmpty())
        return u"no %1 hierarchy mounted for this process"_s.arg(QLatin1String(what));
    if (::access(QFile::encodeName(dir + u"/cgroup.procs"_s).constData(), W_OK) != 0)
        return u"%1 at %2 is not writable by this user"_s.arg(QLatin1String(what), dir);
    return {};
}

QString ownMemoryCgroupDir()
{
    QFile mounts(u"/proc/self/mountinfo"_s);
    if (!mounts.open(QIODevice::ReadOnly))
        return {};
    QString point;
    for (const QByteArray &line : mounts.readAll().split('\n')) {
        const qsizetype dash = line.indexOf(" - ");
        const QList<QByteArray> post = line.mid(dash + 3).split(' ');
        if (dash > 0 && post.size() >= 3 && post[0] == "cgroup" && post[2].split(',').contains("memory"))
            point = QString::fromUtf8(line.left(dash).split(' ').value(4));
    }
    const QString own = cgroupOf(::getpid(), "memory");
    return point.isEmpty() || own.isEmpty() ? QString() : point + (own == u"/"_s ? QString() : own);
}

} // namespace

class TestContainment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void capFollowsTheScenario_data();
    void capFollowsTheScenario();
    void mainProgramAndWorkersAreInTheRunsCgroup();
    void processThatLeftItsGroupIsKilledAtTheEnd();
    void staleCgroupOfADeadAppIsSweptAtStart();
    void forkBeyondTheCapIsForkFailed_data();
    void forkBeyondTheCapIsForkFailed();
    void runWithoutCgroupsStillRuns();
    void queuesThatDoNotFitAreRefusedBeforeTheRun();
    void cleanupTestCase();

private:
    QString writeScenario(const QByteArray &json);
    /// Runs the app headless with `env` added; its exit code, stderr and exported log.
    struct Headless
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString err;
        std::optional<RunLog> log;
    };
    /// `asUser`: as that uid (through setpriv), with scenario and export in a folder it can use.
    Headless runApp(const QString &scenario, const QStringList &env, int memcgProcsFd = -1, int asUser = -1);

    QString m_binary;
    QTemporaryDir m_dir;
    QList<qint64> m_strays; ///< processes a test made that must not survive it
};

void TestContainment::initTestCase()
{
    m_binary = qEnvironmentVariable("CONCURRENTE_BIN_DIR") + u"/concurrente"_s;
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    QVERIFY(QFile::exists(helperDir() + u"/concurrente-worker"_s));
    QVERIFY(m_dir.isValid());
}

void TestContainment::cleanupTestCase()
{
    for (qint64 pid : std::as_const(m_strays))
        if (isRunning(pid))
            ::kill(pid_t(pid), SIGKILL);
    // Nothing of this process's runs is left in any hierarchy.
    for (const QString &own : {RunContainment::ownCgroup2Dir(), RunContainment::ownCgroup1PidsDir()})
        if (!own.isEmpty())
            QTRY_VERIFY2_WITH_TIMEOUT(!QFileInfo::exists(own + u"/concurrente-%1"_s.arg(::getpid())),
                                      qPrintable(own), 10'000);
}

QString TestContainment::writeScenario(const QByteArray &json)
{
    static int n = 0;
    const QString path = m_dir.filePath(u"scenario-%1.json"_s.arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},)" + json + "}");
    return path;
}

TestContainment::Headless TestContainment::runApp(const QString &scenario, const QStringList &env,
                                                  int memcgProcsFd, int asUser)
{
    static int n = 0;
    QString exportPath = m_dir.filePath(u"run-%1.json"_s.arg(++n));
    QTemporaryDir shared;
    QString program = m_binary;
    QStringList arguments{u"--run"_s, scenario, u"--export"_s, exportPath};
    if (asUser >= 0) {
        const auto all = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                         QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                         QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QFile::setPermissions(shared.path(), all);
        const QString copy = shared.filePath(u"scenario.json"_s);
        QFile::copy(scenario, copy);
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        exportPath = shared.filePath(u"run.json"_s);
        program = u"setpriv"_s;
        arguments = QStringList{u"--reuid=%1"_s.arg(asUser),
                                u"--regid=%1"_s.arg(asUser),
                                u"--clear-groups"_s,
                                m_binary,
                                u"--run"_s,
                                copy,
                                u"--export"_s,
                                exportPath};
    }
    QProcess app;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    app.setProcessEnvironment(e);
    if (memcgProcsFd >= 0) // between fork and exec: into the test's memory cgroup
        app.setChildProcessModifier(
            [memcgProcsFd] { [[maybe_unused]] auto w = ::write(memcgProcsFd, "0", 1); });
    app.start(program, arguments);
    Headless h;
    if (!app.waitForFinished(60'000)) {
        app.kill();
        app.waitForFinished();
        h.err = u"the app did not finish in 60 s"_s;
        return h;
    }
    h.exitCode = app.exitCode();
    h.status = app.exitStatus();
    h.err = QString::fromLocal8Bit(app.readAllStandardError());
    h.log = RunLog::load(exportPath);
    return h;
}

void TestContainment::capFollowsTheScenario_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("pidsMax");
    QTest::addColumn<qint64>("memoryMiB");
    // main program + call thread (2), fork server (1), margin (32); per worker 1, + its threads
    // (gil) or its grandchildren (spawn_child depth); memory 256 MiB + 32 MiB per process.
    QTest::newRow("one sleeper") << QByteArray(R"("workers":[{"task":"sleep"}],"main":[])") << qint64(36)
                                 << qint64(256 + 3 * 32);
    QTest::newRow("two sleepers") << QByteArray(R"("workers":[{"task":"sleep"},{"task":"sleep"}],"main":[])")
                                  << qint64(37) << qint64(256 + 4 * 32);
    QTest::newRow("gil, 8 threads") << QByteArray(
                                           R"("workers":[{"task":"gil","args":{"threads":8}}],"main":[])")
                                    << qint64(35 + 1 + 8) << qint64(256 + 3 * 32);
    QTest::newRow("orphan chain of 2")
        << QByteArray(R"("workers":[{"task":"spawn_child","args":{"depth":2}}],"main":[])") << qint64(35 + 3)
        << qint64(256 + 5 * 32);
    QTest::newRow("the main program calls a task")
        << QByteArray(R"("workers":[{"task":"sleep"}],"main":[{"action":"call","task":"greeting"}])")
        << qint64(36 + 64) << qint64(256 + 3 * 32);
    QByteArray many;
    for (int i = 0; i < kMaxWorkers; ++i)
        many += QByteArray(i ? "," : "") + R"({"task":"gil","args":{"threads":64}})";
    QTest::newRow("256 GIL workers of 64 threads") << QByteArray(R"("workers":[)" + many + R"(],"main":[])")
                                                   << qint64(35 + 256 * 65) << qint64(256 + 258 * 32);
}

void TestContainment::capFollowsTheScenario()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, pidsMax);
    QFETCH(qint64, memoryMiB);
    const Scenario scenario = scenarioFrom(json);
    QCOMPARE(RunContainment::processCapFor(scenario), pidsMax);
    QCOMPARE(RunContainment::memoryCapFor(scenario), memoryMiB << 20);
}

void TestContainment::mainProgramAndWorkersAreInTheRunsCgroup()
{
    const QString own = RunContainment::ownCgroup2Dir();
    if (const QString why = unwritable(own, "cgroup2"); !why.isEmpty())
        QSKIP(qPrintable(why));
    // One worker of each start method, sleeping until the test has looked.
    Run run(scenarioFrom(R"("workers":[
        {"task":"sleep","args":{"ms":20000},"start_method":"spawn"},
        {"task":"sleep","args":{"ms":20000},"start_method":"fork"},
        {"task":"sleep","args":{"ms":20000},"start_method":"forkserver"}],"main":[])"));
    QSignalSpy finished(&run, &Run::finished);
    run.startInteractive();
    QCOMPARE(run.log().host.containment, u"cgroup2"_s);
    for (int i = 0; i < 3; ++i)
        run.startWorker(i);
    for (int i = 0; i < 3; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(run.worker(i)->state() == WorkerProcess::State::Running, 10'000);

    // The run's cgroup: `concurrente-<app pid>/run-<n>` below the app's own.
    const QString parent = own + u"/concurrente-%1"_s.arg(::getpid());
    const QStringList runs = QDir(parent).entryList({u"run-*"_s}, QDir::Dirs);
    QCOMPARE(runs.size(), 1);
    const QString dir = parent + u'/' + runs.first();
    const QString expected = u"/concurrente-%1/"_s.arg(::getpid()) + runs.first();
    QList<qint64> pids;
    for (WorkerProcess *p : run.processes())
        if (p->pid())
            pids.append(*p->pid());
    QCOMPARE(pids.size(), 5); // the three workers, the main program, the fork server
    for (qint64 pid : std::as_const(pids)) {
        QVERIFY2(cgroupOf(pid, {}).endsWith(expected),
                 qPrintable(u"%1: %2"_s.arg(pid).arg(cgroupOf(pid, {}))));
        if (run.log().host.pidsMaxBy == u"cgroup1-pids"_s)
            QVERIFY2(cgroupOf(pid, "pids").endsWith(expected), qPrintable(cgroupOf(pid, "pids")));
    }
    QVERIFY(!cgroupOf(::getpid(), {}).contains(u"concurrente-"_s)); // the app stays where it was

    run.abort();
    QVERIFY(finished.wait(20'000));
    for (qint64 pid : std::as_const(pids))
        QVERIFY(!isRunning(pid));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(dir), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(parent), 10'000);
}

void TestContainment::processThatLeftItsGroupIsKilledAtTheEnd()
{
    if (const QString why = unwritable(RunContainment::ownCgroup2Dir(), "cgroup2"); !why.isEmpty())
        QSKIP(qPrintable(why));
    // A worker program that first starts a process in a session of its own (`setsid -f`), with
    // no event pipe and no parent-death signal: the run never hears of it, and killing the run's
    // process groups does not reach it. Only the run's cgroup holds it.
    const QString helpers = m_dir.filePath(u"helpers"_s);
    QVERIFY(QDir().mkpath(helpers));
    QVERIFY(QFile::link(helperDir() + u"/concurrente-main"_s, helpers + u"/concurrente-main"_s));
    const QString pidFile = m_dir.filePath(u"escaped.pid"_s);
    QFile script(helpers + u"/concurrente-worker"_s);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "setsid -f sh -c 'echo $$ > \"$0.tmp\" && mv \"$0.tmp\" \"$0\" && exec sleep 60' '" +
                 QFile::encodeName(pidFile) + "' </dev/null >/dev/null 2>&1 3>&-\n" + "exec '" +
                 QFile::encodeName(helperDir()) + "/concurrente-worker' \"$@\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

    // The worker sleeps long enough for the test to see the escaped process alive first.
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":2000},"start_method":"spawn"}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])"));
    run.setHelperDir(helpers);
    QSignalSpy finished(&run, &Run::finished);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), 10'000);
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const qint64 escaped = f.readAll().trimmed().toLongLong();
    QVERIFY(escaped > 0);
    m_strays.append(escaped);
    // It has really left: a session (and so a process group) of its own, not the run's.
    QVERIFY2(isRunning(escaped), "the process that left the run's groups was not seen alive");
    const qint64 session = statField(escaped, 3);
    QVERIFY(session > 0);
    QVERIFY(session != statField(::getpid(), 3));
    QCOMPARE(statField(escaped, 2), session);
    QVERIFY(finished.wait(20'000));
    QCOMPARE(run.log().host.containment, u"cgroup2"_s);
    QCOMPARE(run.log().summary.value(u"launch_failures"_s).toInt(), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(!isRunning(escaped), "a process that left the run's process groups survived it",
                              5'000);
}

void TestContainment::staleCgroupOfADeadAppIsSweptAtStart()
{
    // What an app killed with SIGKILL (whose processes are not all gone) would leave: a
    // `concurrente-<pid>` with a run cgroup holding a process, for a pid that no longer runs.
    qint64 pid = 4'000'000; // above the usual pid_max: a pid that runs nowhere
    while (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
        ++pid;
    int made = 0;
    QList<QProcess *> leftovers;
    const QList<std::pair<QString, QByteArray>> hierarchies{{RunContainment::ownCgroup2Dir(), {}},
                                                            {RunContainment::ownCgroup1PidsDir(), "pids"}};
    for (const auto &[own, controller] : hierarchies) {
        if (!unwritable(own, "cgroup").isEmpty())
            continue;
        const QString dir = own + u"/concurrente-%1/run-1"_s.arg(pid);
        QVERIFY(QDir().mkpath(dir));
        auto *sleeper = new QProcess(this);
        sleeper->start(u"sleep"_s, {u"60"_s});
        QVERIFY(sleeper->waitForStarted());
        m_strays.append(sleeper->processId());
        QFile procs(dir + u"/cgroup.procs"_s);
        QVERIFY(procs.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QVERIFY(procs.write(QByteArray::number(sleeper->processId())) > 0);
        procs.close();
        QVERIFY(cgroupOf(sleeper->processId(), controller).endsWith(u"/run-1"_s));
        leftovers.append(sleeper);
        ++made;
    }
    if (made == 0)
        QSKIP("no writable cgroup hierarchy (cgroup2, or cgroup v1's pids) for this process");
    const Headless h = runApp(
        writeScenario(R"("workers":[{"task":"greeting"}],"main":[{"action":"start","worker":0}])"), {});
    QVERIFY2(h.exitCode == 0, qPrintable(h.err));
    for (QProcess *p : std::as_const(leftovers)) {
        QTRY_VERIFY_WITH_TIMEOUT(p->state() == QProcess::NotRunning, 10'000);
        QCOMPARE(p->exitStatus(), QProcess::CrashExit); // SIGKILL
    }
    for (const auto &[own, controller] : hierarchies)
        if (!own.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(own + u"/concurrente-%1"_s.arg(pid)), 10'000);
}

void TestContainment::forkBeyondTheCapIsForkFailed_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("cgroup2 (cap where a pids controller is)") << QString();
    QTest::newRow("cgroup v1 pids only") << u"cgroup1"_s;
    QTest::newRow("rlimit (no cgroup, a user other than root)") << u"off"_s;
}

void TestContainment::forkBeyondTheCapIsForkFailed()
{
    QFETCH(QString, mode);
    // A cap of 3 tasks: the main program and two workers; the third and the fourth (forked,
    // spawned) are refused by the kernel. The run records why and goes on; exit status 1.
    const QString scenario = writeScenario(R"("workers":[
        {"task":"sleep","args":{"ms":300}},{"task":"sleep","args":{"ms":300}},
        {"task":"sleep","args":{"ms":300}},{"task":"sleep","args":{"ms":300},"start_method":"spawn"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"start","worker":2},
        {"action":"start","worker":3},{"action":"join","worker":0},{"action":"join","worker":1},
        {"action":"join","worker":2},{"action":"join","worker":3}])");
    QStringList env{u"CONCURRENTE_PIDS_MAX=3"_s};
    if (!mode.isEmpty())
        env << u"CONCURRENTE_CGROUP="_s + mode;
    // RLIMIT_NPROC does not hold for root: that row runs as `nobody` when the test is root.
    const bool asNobody = mode == u"off"_s && ::geteuid() == 0;
    if (asNobody && QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
        QSKIP("root, and no setpriv to run the app as another user (RLIMIT_NPROC does not hold for root)");
    const Headless h = runApp(scenario, env, -1, asNobody ? 65534 : -1);
    QVERIFY2(h.log, qPrintable(h.err));
    const HostInfo &host = h.log->host;
    if (mode == u"off"_s)
        QCOMPARE(host.containment, u"rlimit"_s);
    else if (host.pidsMaxBy.isEmpty() || (host.pidsMaxBy == u"rlimit"_s))
        QSKIP(qPrintable(u"no pids cgroup could be made here (containment %1): %2"_s.arg(
            host.containment, unwritable(RunContainment::ownCgroup1PidsDir(), "cgroup v1 pids"))));
    QCOMPARE(host.pidsMax, 3);
    if (mode == u"cgroup1"_s)
        QCOMPARE(host.containment, u"cgroup1-pids"_s);
    QCOMPARE(h.status, QProcess::NormalExit);
    QVERIFY2(h.exitCode == 1, qPrintable(h.err));
    QStringList failed;
    for (const Event &e : h.log->events()) {
        if (e.kind == EventKind::ForkFailed) {
            failed << e.fields.value(u"name"_s).toString();
            QVERIFY2(e.fields.value(u"message"_s).toString().contains(u"too many processes"_s),
                     qPrintable(e.fields.value(u"message"_s).toString()));
        }
    }
    QCOMPARE(failed, (QStringList{u"Process-3"_s, u"SpawnProcess-4"_s}));
    QCOMPARE(h.log->summary.value(u"launch_failures"_s).toInt(), 2);
    for (const ProcessRecord &p : h.log->processes) {
        if (p.name == u"Process-1"_s || p.name == u"Process-2"_s || p.name == u"MainProcess"_s)
            QCOMPARE(p.exitcode, std::optional<int>(0)); // the others ran to their end
    }
}

void TestContainment::runWithoutCgroupsStillRuns()
{
    // CONCURRENTE_CGROUP=off: no cgroup at all; the run is the same, and says so.
    const Headless h =
        runApp(writeScenario(R"("workers":[{"task":"greeting"}],"main":[{"action":"start","worker":0}])"),
               {u"CONCURRENTE_CGROUP=off"_s});
    QVERIFY2(h.exitCode == 0 && h.log, qPrintable(h.err));
    QCOMPARE(h.log->host.containment, ::geteuid() == 0 ? u"none"_s : u"rlimit"_s);
    for (const ProcessRecord &p : h.log->processes)
        QCOMPARE(p.exitcode, std::optional<int>(0));
}

void TestContainment::queuesThatDoNotFitAreRefusedBeforeTheRun()
{
    // The app in a memory cgroup of 160 MiB (cgroup v1 here; the reservation of a queue's pages
    // is charged to it), asked for two queues of 256 MiB. Reserving them would wake the OOM
    // killer, which would kill the app: refused first, with the cause, exit 1.
    const QString own = ownMemoryCgroupDir();
    if (const QString why = unwritable(own, "cgroup v1 memory"); !why.isEmpty())
        QSKIP(qPrintable(why));
    const QString memcg = own + u"/concurrente-test-%1"_s.arg(::getpid());
    QVERIFY(QDir().mkpath(memcg));
    auto removeIt = qScopeGuard([&] {
        // (QTRY_VERIFY evaluates its condition once more when it holds.)
        QTRY_VERIFY_WITH_TIMEOUT(QDir().rmdir(memcg) || !QFileInfo::exists(memcg), 10'000);
    });
    QFile limit(memcg + u"/memory.limit_in_bytes"_s);
    QVERIFY(limit.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QVERIFY(limit.write(QByteArray::number(qint64(160) << 20)) > 0);
    limit.close();
    const int procs = ::open(QFile::encodeName(memcg + u"/cgroup.procs"_s).constData(), O_WRONLY | O_CLOEXEC);
    QVERIFY(procs >= 0);
    auto closeIt = qScopeGuard([procs] { ::close(procs); });
    const QString scenario =
        writeScenario(R"("queues":[{"name":"a","capacity":4091},{"name":"b","capacity":4091}],
        "workers":[{"task":"producer","args":{"queue":"a","count":3}},{"task":"consumer","args":{"queue":"a","count":3}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},{"action":"join","worker":1}])");
    const Headless h = runApp(scenario, {}, procs);
    QCOMPARE(h.status, QProcess::NormalExit); // not killed by the OOM killer nor by SIGBUS
    QVERIFY2(h.exitCode == 1, qPrintable(h.err));
    QVERIFY2(h.err.contains(u"queue_error a: not enough memory for the queues: they take 511.9 MiB"_s),
             qPrintable(h.err));
    QVERIFY(h.log);
    QFile oom(memcg + u"/memory.oom_control"_s);
    QVERIFY(oom.open(QIODevice::ReadOnly));
    QVERIFY(oom.readAll().contains("oom_kill 0"));
    // The queue errors come before any process of the run.
    qint64 firstStart = std::numeric_limits<qint64>::max(), lastQueueError = 0;
    for (const Event &e : h.log->events()) {
        if (e.kind == EventKind::QueueError)
            lastQueueError = std::max(lastQueueError, e.tNs);
        else if (e.kind == EventKind::StartRequest)
            firstStart = std::min(firstStart, e.tNs);
    }
    QVERIFY(lastQueueError > 0 && lastQueueError < firstStart);
}

QTEST_GUILESS_MAIN(TestContainment)
#include "tst_containment.moc"
