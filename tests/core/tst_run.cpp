// The run engine with the real helper executables ($CONCURRENTE_BIN_DIR): lifecycle, actions,
// CPython's exit codes, both launchers, launch failures, orphans — and after every test, no
// process of the run may still be alive.
#include "../processalive.h"
#include "datapaths.h"
#include "export.h"
#include "headlessrun.h"
#include "pyvalue.h"
#include "run.h"
#include "scenario.h"
#include "terminationsignals.h"
#include "workerprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace concurrente;

namespace {

/// A format-2 scenario. The tests name a start method per worker as `"launcher":"M"`: when all
/// workers share one it becomes the run's start method (names stay Process-N), else each
/// worker's own (get_context(M).Process: SpawnProcess-N, ...). `qprocess` means spawn.
Scenario scenarioFrom(const QByteArray &workersAndMain, bool subreaper = false)
{
    QString body = QString::fromUtf8(workersAndMain)
                       .replace(u"\"launcher\":\"qprocess\""_qs, u"\"launcher\":\"spawn\""_qs);
    static const QRegularExpression launcher(u",?\"launcher\":\"(\\w+)\""_qs);
    QSet<QString> methods;
    for (const QRegularExpressionMatch &m : launcher.globalMatch(body))
        methods.insert(m.captured(1));
    QString runMethod;
    if (methods.size() == 1) {
        runMethod = *methods.begin();
        body.remove(launcher);
    } else {
        body.replace(QRegularExpression(u"\"launcher\":"_qs), u"\"start_method\":"_qs);
    }
    const QByteArray json =
        R"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},)" +
        QByteArray(subreaper ? R"("subreaper":true,)" : "") +
        (runMethod.isEmpty() ? QByteArray() : R"("start_method":")" + runMethod.toUtf8() + R"(",)") +
        body.toUtf8() + "}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, QStringLiteral("test.json"));
    if (!r.ok())
        qWarning() << r.errorStrings();
    return r.scenario;
}

/// Alive = exists and is not a zombie (an orphan whose adopter has not reaped it yet is dead).
int availableMemoryMiB()
{
    QFile f(u"/proc/meminfo"_qs);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return int(line.mid(13).trimmed().split(' ').value(0).toLongLong() / 1024);
    return 0;
}

QList<Event> eventsOf(const RunLog &log, const QString &ev, const QString &name = {})
{
    QList<Event> out;
    for (const Event &e : log.sortedEvents())
        if (e.ev() == ev && (name.isEmpty() || e.fields.value(QStringLiteral("name")).toString() == name))
            out.append(e);
    return out;
}

const ProcessRecord *processNamed(const RunLog &log, const QString &name)
{
    for (const ProcessRecord &p : log.processes)
        if (p.name == name)
            return &p;
    return nullptr;
}

} // namespace

class TestRun : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startJoin_data();
    void startJoin();
    void joinTimeoutKeepsProcessAlive_data();
    void joinTimeoutKeepsProcessAlive();
    void signalsGivePythonExitCodes_data();
    void signalsGivePythonExitCodes();
    void stopAndContinue();
    void endMainTerminatesDaemons_data();
    void endMainTerminatesDaemons();
    void daemonCannotHaveChildren_data();
    void daemonCannotHaveChildren();
    void taskErrorExitsWithOne();
    void terminateRandomPicksOneAliveWorker();
    void terminateRandomMayPickAnEndedWorker();
    void missingHelperIsALaunchFailure();
    void orphanOutlivesTheMainProgram_data();
    void orphanOutlivesTheMainProgram();
    void abortEndsAnOrphan();
    void grandchildExitCodesAreNeverLost_data();
    void grandchildExitCodesAreNeverLost();
    void queuePutFromMain();
    void largestValidQueueCapacityIsCreated();
    void queuesAreSealedDescriptorsNotNames();
    void processesGetOnlyTheirDescriptors();
    void timeLimitEndsTheRun();
    void timeLimitClockStopsWhilePaused();
    void mainProgramGetsAndPutsNone();
    void putIntoAQueueThatStaysFull();
    void isAliveRightAfterTerminate();
    void mainProgramDiesDuringAGet();
    void mainProgramSendsOnAPipe_data();
    void mainProgramSendsOnAPipe();
    void duplexPipe_data();
    void duplexPipe();
    void pipeBetweenWorkers_data();
    void pipeBetweenWorkers();
    void maxWorkersAtOnce();
    void forkHelperDyingEndsItsWorkers();
    void badWorkerOutputIsAProtocolError();
    void interactiveActionsAndAbort();
    void destroyingARunKillsEverything();
    void headlessRunAndExports();
    void headlessBadScenario();
    void headlessInterruptEndsTheRun();
    void terminationSignalsIgnoreSigpipe();

private:
    /// Runs the scenario's main script to the end; the Run stays for inspection. A run that does
    /// not finish in time fails the test and gives nullptr (use RUN_TO_END).
    std::unique_ptr<Run> runToEnd(const Scenario &s, int timeoutMs = 30000);
    void remember(const RunLog &log);

    QList<qint64> m_pids; ///< every pid the current test saw
};

/// `auto var = runToEnd(...)`, leaving the test (already failed) when the run did not finish.
#define RUN_TO_END(var, ...)                                                                                 \
    auto var = runToEnd(__VA_ARGS__);                                                                        \
    if (!var)                                                                                                \
    return

void TestRun::init()
{
    m_pids.clear();
    if (!QFile::exists(helperDir() + QStringLiteral("/concurrente-worker")))
        QSKIP("helpers not built (CONCURRENTE_BIN_DIR)");
}

void TestRun::cleanup()
{
    // Nothing of the run may outlive it.
    for (qint64 pid : std::as_const(m_pids))
        QVERIFY2(!isRunning(pid), qPrintable(QStringLiteral("pid %1 is still alive").arg(pid)));
}

void TestRun::remember(const RunLog &log)
{
    // Every process the run knew of: its records, and every pid a `start` or `forked` named.
    for (const ProcessRecord &p : log.processes)
        if (p.pid)
            m_pids.append(*p.pid);
    for (const Event &e : log.events())
        if (e.pid && (e.kind == EventKind::Start || e.kind == EventKind::Forked) && *e.pid != 1)
            m_pids.append(*e.pid);
}

std::unique_ptr<Run> TestRun::runToEnd(const Scenario &s, int timeoutMs)
{
    auto run = std::make_unique<Run>(s);
    QSignalSpy done(run.get(), &Run::finished);
    run->start();
    const bool finished = done.wait(timeoutMs) || run->isFinished();
    remember(run->isFinished() ? run->log() : run->snapshot());
    if (!finished) {
        QTest::qFail(qPrintable(QStringLiteral("the run did not finish in %1 ms").arg(timeoutMs)), __FILE__,
                     __LINE__);
        return nullptr; // destroying the run ends its processes
    }
    return run;
}

void TestRun::startJoin_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::newRow("spawn") << QStringLiteral("spawn");
    QTest::newRow("fork") << QStringLiteral("fork");
    QTest::newRow("forkserver") << QStringLiteral("forkserver");
}

void TestRun::startJoin()
{
    QFETCH(QString, launcher);
    const Scenario s =
        scenarioFrom(R"("workers":[{"task":"greeting","launcher":")" + launcher.toUtf8() + R"("}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])");
    RUN_TO_END(run, s);
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    const ProcessRecord *p = processNamed(log, QStringLiteral("Process-1"));
    QVERIFY(p);
    QCOMPARE(p->exitcode, std::optional<int>(0));
    QCOMPARE(p->kind, u"worker"_qs);
    QCOMPARE(p->startMethod, launcher);
    QVERIFY(p->pid && p->startNs && p->endNs && *p->endNs > *p->startNs);
    // The events a lesson shows, in time order.
    QStringList kinds;
    for (const Event &e : log.sortedEvents())
        if (e.fields.value(QStringLiteral("name")).toString() == QLatin1String("Process-1") ||
            e.pid == p->pid)
            kinds << e.ev();
    QVERIFY2(kinds.indexOf(u"start_request"_qs) == 0, qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.indexOf(u"start"_qs) > 0, qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.indexOf(u"print"_qs) > kinds.indexOf(u"start"_qs), qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.indexOf(u"exited"_qs) > kinds.indexOf(u"print"_qs), qPrintable(kinds.join(u' ')));
    QVERIFY2(kinds.indexOf(u"join"_qs) > kinds.indexOf(u"exited"_qs), qPrintable(kinds.join(u' ')));
    QCOMPARE(eventsOf(log, u"print"_qs).value(0).fields.value(QStringLiteral("text")).toString(),
             u"Hola Saul"_qs);
    // Whatever the start method, the one main program is the worker's parent_process(), and
    // its os.getppid() too except under forkserver, where it is the server the main forked.
    const ProcessRecord *main = processNamed(log, QStringLiteral("MainProcess"));
    QVERIFY(main);
    QCOMPARE(main->kind, u"main"_qs);
    QCOMPARE(p->parentPid, main->pid);
    QCOMPARE(main->ppid, std::optional<qint64>(::getpid()));
    QCOMPARE(main->exitcode, std::optional<int>(0));
    const ProcessRecord *server = processNamed(log, QStringLiteral("ForkServer"));
    if (launcher == QLatin1String("forkserver")) {
        QVERIFY(server);
        QCOMPARE(server->kind, u"forkserver"_qs);
        QCOMPARE(server->ppid, main->pid);
        QCOMPARE(p->ppid, server->pid);
        QCOMPARE(server->exitcode, std::optional<int>(0));
    } else {
        QVERIFY(!server);
        QCOMPARE(p->ppid, main->pid);
    }
    QVERIFY(p->pid != std::optional<qint64>(::getpid()));
    // As in CPython, the main program runs before the script's first line: it was launched and
    // reported ready before the worker's start was requested.
    const QList<Event> ready = eventsOf(log, u"helper_ready"_qs);
    QCOMPARE(ready.size(), 1);
    QVERIFY(*main->startNs < ready.first().tNs);
    QVERIFY(ready.first().tNs < *p->startNs);
    QCOMPARE(log.summary.value(QStringLiteral("protocol_errors")).toInt(), 0);
    QCOMPARE(log.summary.value(QStringLiteral("exit_codes")).toObject().value(u"Process-1"_qs).toInt(-99), 0);
}

void TestRun::joinTimeoutKeepsProcessAlive_data()
{
    startJoin_data();
}

void TestRun::joinTimeoutKeepsProcessAlive()
{
    QFETCH(QString, launcher);
    const Scenario s = scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":1500},"launcher":")" +
                                    launcher.toUtf8() + R"("}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0,"timeout_ms":300},{"action":"join","worker":0}])");
    RUN_TO_END(run, s);
    const RunLog &log = run->log();
    const QList<Event> timeouts = eventsOf(log, u"join_timeout"_qs, u"Process-1"_qs);
    QCOMPARE(timeouts.size(), 1);
    QCOMPARE(timeouts[0].fields.value(QStringLiteral("is_alive")).toBool(), true);
    QCOMPARE(timeouts[0].fields.value(QStringLiteral("timeout_ms")).toInt(), 300);
    const QList<Event> joins = eventsOf(log, u"join"_qs, u"Process-1"_qs);
    QVERIFY(!joins.isEmpty());
    const Event exited = eventsOf(log, u"exited"_qs).value(0);
    QVERIFY(timeouts[0].tNs < exited.tNs);
    QVERIFY(joins[0].tNs >= exited.tNs);
    const qint64 waited = timeouts[0].tNs - eventsOf(log, u"start_request"_qs)[0].tNs;
    QVERIFY2(waited >= 290'000'000 && waited < 1'400'000'000, qPrintable(QString::number(waited)));
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(0));
}

void TestRun::signalsGivePythonExitCodes_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("exitcode");
    for (const char *l : {"qprocess", "fork"}) {
        QTest::addRow("%s terminate", l) << QString::fromLatin1(l) << u"terminate"_qs << -15;
        QTest::addRow("%s kill", l) << QString::fromLatin1(l) << u"kill"_qs << -9;
    }
    QTest::addRow("qprocess crash") << u"qprocess"_qs << QString() << -6;
    QTest::addRow("fork crash") << u"fork"_qs << QString() << -6;
}

void TestRun::signalsGivePythonExitCodes()
{
    QFETCH(QString, launcher);
    QFETCH(QString, action);
    QFETCH(int, exitcode);
    const QByteArray worker = action.isEmpty() ? R"({"task":"crash","args":{"how":"abort"},"launcher":")"
                                               : R"({"task":"sleep","args":{"ms":20000},"launcher":")";
    QByteArray main = R"([{"action":"start","worker":0},{"action":"sleep_ms","ms":200},)";
    if (!action.isEmpty())
        main += R"({"action":")" + action.toUtf8() + R"(","worker":0},)";
    main += R"({"action":"join","worker":0}])";
    RUN_TO_END(run, scenarioFrom(R"("workers":[)" + worker + launcher.toUtf8() + R"("}],"main":)" + main));
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(exitcode));
    if (!action.isEmpty())
        QCOMPARE(eventsOf(log, action, u"Process-1"_qs).size(), 1);
}

void TestRun::stopAndContinue()
{
    const Scenario s = scenarioFrom(R"("workers":[{"task":"squares","args":{"n":3,"delay_ms":100}}],
        "main":[{"action":"start","worker":0},{"action":"sleep_ms","ms":50},{"action":"stop","worker":0},
                {"action":"sleep_ms","ms":600},{"action":"continue","worker":0},{"action":"join","worker":0}])");
    Run run(s);
    QSignalSpy stopped(run.worker(0), &WorkerProcess::stoppedChanged);
    QSignalSpy states(run.worker(0), &WorkerProcess::stateChanged);
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(20000));
    remember(run.log());
    QCOMPARE(states.size(), 3);
    QCOMPARE(states[0][0].value<WorkerProcess::State>(), WorkerProcess::State::Starting);
    QCOMPARE(states[1][0].value<WorkerProcess::State>(), WorkerProcess::State::Running);
    QCOMPARE(states[2][0].value<WorkerProcess::State>(), WorkerProcess::State::Finished);
    QCOMPARE(stopped.size(), 2);
    QCOMPARE(stopped[0][0].toBool(), true);
    QCOMPARE(stopped[1][0].toBool(), false);
    const ProcessRecord *p = processNamed(run.log(), u"Process-1"_qs);
    QCOMPARE(p->exitcode, std::optional<int>(0));
    // Stopped for 600 ms: the 3 × 100 ms task takes longer than that in total.
    QVERIFY(*p->endNs - *p->startNs > 600'000'000);
    int squares = 0;
    for (const Event &e : eventsOf(run.log(), u"print"_qs))
        squares += e.fields.value(u"text"_qs).toString().startsWith(u"cuadrado"_qs);
    QCOMPARE(squares, 3);
}

void TestRun::endMainTerminatesDaemons_data()
{
    startJoin_data();
}

void TestRun::endMainTerminatesDaemons()
{
    QFETCH(QString, launcher);
    const QByteArray l = launcher.toUtf8();
    const Scenario s = scenarioFrom(R"("workers":[
        {"name":"Worker 1","task":"sleep","args":{"ms":4000},"daemon":true,"launcher":")" +
                                    l + R"("},
        {"name":"Worker 2","task":"sleep","args":{"ms":500},"launcher":")" +
                                    l + R"("}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},
                {"action":"join","worker":0,"timeout_ms":100},{"action":"end_main"}])");
    RUN_TO_END(run, s);
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"Worker 1"_qs)->exitcode, std::optional<int>(-15));
    QCOMPARE(processNamed(log, u"Worker 2"_qs)->exitcode, std::optional<int>(0));
    QCOMPARE(eventsOf(log, u"join_timeout"_qs, u"Worker 1"_qs).value(0).fields.value(u"is_alive"_qs).toBool(),
             true);
    QCOMPARE(eventsOf(log, u"terminate"_qs, u"Worker 1"_qs).size(), 1);
    // The daemon never says "Exiting"; the other one does.
    for (const Event &e : eventsOf(log, u"print"_qs))
        QVERIFY(!(e.pid == processNamed(log, u"Worker 1"_qs)->pid &&
                  e.fields.value(u"text"_qs).toString().startsWith(u"Exiting"_qs)));
    QCOMPARE(eventsOf(log, u"end_main"_qs).size(), 1);
}

void TestRun::daemonCannotHaveChildren_data()
{
    startJoin_data();
}

void TestRun::daemonCannotHaveChildren()
{
    QFETCH(QString, launcher);
    RUN_TO_END(
        run,
        scenarioFrom(
            R"("workers":[{"task":"spawn_child","daemon":true,"args":{"ms":100,"child_ms":100},"launcher":")" +
            launcher.toUtf8() +
            R"("}],"main":[{"action":"start","worker":0},{"action":"join","worker":0}])"));
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(1));
    const Event error = eventsOf(log, u"error"_qs).value(0);
    QCOMPARE(error.fields.value(u"type"_qs).toString(), u"AssertionError"_qs);
    QVERIFY(error.fields.value(u"message"_qs)
                .toString()
                .contains(u"daemonic processes are not allowed to have children"_qs));
}

void TestRun::taskErrorExitsWithOne()
{
    RUN_TO_END(run, scenarioFrom(R"("workers":[{"task":"arith","args":{"op":"sumdiv","a":1,"b":2,"c":0}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])"));
    QCOMPARE(processNamed(run->log(), u"Process-1"_qs)->exitcode, std::optional<int>(1));
    QCOMPARE(eventsOf(run->log(), u"error"_qs).value(0).fields.value(u"type"_qs).toString(),
             u"ZeroDivisionError"_qs);
}

void TestRun::terminateRandomPicksOneAliveWorker()
{
    RUN_TO_END(run, scenarioFrom(R"("workers":[
        {"task":"sleep","args":{"ms":1500}},{"task":"sleep","args":{"ms":1500}},{"task":"sleep","args":{"ms":1500}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"start","worker":2},
                {"action":"sleep_ms","ms":100},{"action":"terminate_random","workers":[0,1,2]},{"action":"end_main"}])"));
    const RunLog &log = run->log();
    int terminated = 0, ok = 0;
    for (const ProcessRecord &p : log.processes) {
        if (p.kind != QLatin1String("worker"))
            continue;
        terminated += p.exitcode == -15;
        ok += p.exitcode == 0;
    }
    QCOMPARE(terminated, 1);
    QCOMPARE(ok, 2);
    const Event picked = eventsOf(log, u"terminate_random"_qs).value(0);
    QCOMPARE(picked.fields.value(u"is_alive"_qs).toBool(), true);
    QCOMPARE(processNamed(log, picked.fields.value(u"name"_qs).toString())->exitcode,
             std::optional<int>(-15));
}

void TestRun::terminateRandomMayPickAnEndedWorker()
{
    // random.choice(ps).terminate() picks among all of ps; on one that has ended, terminate()
    // does nothing. With one candidate, already joined, the choice is forced.
    RUN_TO_END(run, scenarioFrom(R"("workers":[{"task":"greeting"},{"task":"sleep","args":{"ms":300}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},
                {"action":"terminate_random","workers":[0]},{"action":"end_main"}])"));
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    const Event picked = eventsOf(log, u"terminate_random"_qs).value(0);
    QCOMPARE(picked.fields.value(u"name"_qs).toString(), u"Process-1"_qs);
    QCOMPARE(picked.fields.value(u"is_alive"_qs).toBool(true), false);
    const Event terminate = eventsOf(log, u"terminate"_qs, u"Process-1"_qs).value(0);
    QCOMPARE(terminate.fields.value(u"delivered"_qs).toBool(true), false);
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(0));
    QCOMPARE(processNamed(log, u"Process-2"_qs)->exitcode, std::optional<int>(0));
}

void TestRun::missingHelperIsALaunchFailure()
{
    // Only the main program is there: the spawn worker cannot be started, the fork one runs.
    // Without the main program (only the worker, or nothing) no worker can be started, and each
    // says why.
    QTemporaryDir onlyMain, onlyWorker;
    QVERIFY(QFile::link(helperDir() + QStringLiteral("/concurrente-main"),
                        onlyMain.filePath(u"concurrente-main"_qs)));
    QVERIFY(QFile::link(helperDir() + QStringLiteral("/concurrente-worker"),
                        onlyWorker.filePath(u"concurrente-worker"_qs)));
    const Scenario s = scenarioFrom(
        R"("workers":[{"task":"greeting","launcher":"fork"},{"task":"greeting","launcher":"spawn"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},
                {"action":"join","worker":1}])");
    for (const QString &helpers :
         {onlyMain.path(), onlyWorker.path(), QStringLiteral("/nonexistent/concurrente")}) {
        Run run(s);
        run.setHelperDir(helpers);
        QSignalSpy spawnEnded(run.worker(1), &WorkerProcess::finished);
        QSignalSpy done(&run, &Run::finished);
        run.start();
        QVERIFY(done.wait(10000));
        remember(run.log());
        QCOMPARE(spawnEnded.size(), 1);
        const RunLog &log = run.log();
        const ProcessRecord *spawned = processNamed(log, u"SpawnProcess-2"_qs);
        QVERIFY(spawned);
        QVERIFY(!spawned->error.isEmpty());
        QVERIFY(!spawned->exitcode);
        QVERIFY(!eventsOf(log, u"launch_failed"_qs, u"SpawnProcess-2"_qs).isEmpty());
        QCOMPARE(log.summary.value(u"launch_failures"_qs).toInt() >= 1, true);
        const ProcessRecord *forked = processNamed(log, u"ForkProcess-1"_qs);
        QVERIFY(forked);
        if (helpers == onlyMain.path()) {
            QVERIFY2(spawned->error.contains(u"No such file"_qs), qPrintable(spawned->error));
            QCOMPARE(forked->exitcode, std::optional<int>(0)); // the run went on
        } else {
            QVERIFY2(spawned->error.contains(u"main program"_qs), qPrintable(spawned->error));
            QVERIFY(!forked->error.isEmpty());
            QVERIFY(!eventsOf(log, u"launch_failed"_qs, u"ForkProcess-1"_qs).isEmpty());
        }
    }
}

void TestRun::orphanOutlivesTheMainProgram_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<bool>("subreaper");
    QTest::newRow("spawn") << u"spawn"_qs << false;
    QTest::newRow("fork") << u"fork"_qs << false;
    QTest::newRow("forkserver") << u"forkserver"_qs << false;
    QTest::newRow("fork subreaper") << u"fork"_qs << true;
}

void TestRun::orphanOutlivesTheMainProgram()
{
    QFETCH(QString, launcher);
    QFETCH(bool, subreaper);
    // As in Python, the grandchild of a terminated worker outlives its parent and the main
    // program, and finishes its own work; the run stays open until it has.
    RUN_TO_END(
        run,
        scenarioFrom(
            R"("workers":[{"name":"Hijo","task":"spawn_child","args":{"ms":20000,"child_ms":2500},"launcher":")" +
                launcher.toUtf8() + R"("}],
        "main":[{"action":"start","worker":0},{"action":"sleep_ms","ms":1000},{"action":"terminate","worker":0},
                {"action":"join","worker":0},{"action":"end_main"}])",
            subreaper),
        20000);
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    const ProcessRecord *child = processNamed(log, u"Hijo"_qs);
    QCOMPARE(child->exitcode, std::optional<int>(-15));
    const ProcessRecord *grandchild = nullptr;
    for (const ProcessRecord &p : log.processes)
        if (p.parentName == QLatin1String("Hijo"))
            grandchild = &p;
    QVERIFY2(grandchild, "the grandchild is recorded");
    QCOMPARE(grandchild->kind, u"child"_qs);
    QCOMPARE(grandchild->parentPid, child->pid);
    QVERIFY(grandchild->endNs);
    // The grandchild reported its adopter.
    QList<Event> reparented;
    for (const Event &e : eventsOf(log, u"reparented"_qs))
        if (e.pid == grandchild->pid)
            reparented.append(e);
    QVERIFY2(!reparented.isEmpty(), "reparented event");
    const qint64 newPpid = reparented[0].fields.value(u"ppid"_qs).toInteger();
    QVERIFY(newPpid != *child->pid);
    QCOMPARE(grandchild->ppid, std::optional<qint64>(newPpid));
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    if (subreaper)
        QCOMPARE(newPpid, *main->pid);
    // Nobody ended it: it finished its work, and its exit code is known.
    QVERIFY(eventsOf(log, u"kill"_qs, grandchild->name).isEmpty());
    QCOMPARE(grandchild->exitcode, std::optional<int>(0));
    // The main program ended before it (a subreaper waits for the orphans it adopted).
    if (!subreaper)
        QVERIFY(*main->endNs < *grandchild->endNs);
    QVERIFY(log.summary.value(u"wall_ns"_qs).toInteger() < 10'000'000'000LL);
}

void TestRun::abortEndsAnOrphan()
{
    // The user ends the run while an orphan is still alive: it is killed, nothing is left.
    Run run(
        scenarioFrom(R"("workers":[{"name":"Hijo","task":"spawn_child","args":{"ms":20000,"child_ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"sleep_ms","ms":500},{"action":"terminate","worker":0},
                {"action":"join","worker":0},{"action":"end_main"}])"));
    QSignalSpy done(&run, &Run::finished);
    QSignalSpy mainEnded(&run, &Run::mainEnded);
    run.start();
    QVERIFY(mainEnded.wait(10000));
    // The grandchild keeps the run open.
    QVERIFY(!done.wait(500));
    QVERIFY(!run.isFinished());
    run.abort();
    QVERIFY(done.wait(10000));
    remember(run.log());
    const RunLog &log = run.log();
    const ProcessRecord *grandchild = nullptr;
    for (const ProcessRecord &p : log.processes)
        if (p.parentName == QLatin1String("Hijo"))
            grandchild = &p;
    QVERIFY(grandchild);
    QCOMPARE(grandchild->exitcode, std::optional<int>(-9));
    QVERIFY(!eventsOf(log, u"kill"_qs, grandchild->name).isEmpty());
}

void TestRun::grandchildExitCodesAreNeverLost_data()
{
    startJoin_data();
}

void TestRun::grandchildExitCodesAreNeverLost()
{
    // 128 grandchildren, nobody's child of ours: each exit code is the one the grandchild
    // reported, read before its pidfd's end is recorded (a regression check: the race that once
    // left a third of them null does not show with this event dispatcher either way).
    QFETCH(QString, launcher);
    QByteArray workers, main;
    for (int i = 0; i < 128; ++i) {
        workers += (i ? "," : "") +
                   QByteArray(R"({"task":"spawn_child","args":{"ms":0,"child_ms":20},"launcher":")") +
                   launcher.toUtf8() + R"("})";
        main += (i ? "," : "") + QByteArray(R"({"action":"start","worker":)") + QByteArray::number(i) + "}";
    }
    RUN_TO_END(run, scenarioFrom(R"("workers":[)" + workers + R"(],"main":[)" + main + "]"), 60000);
    QVERIFY(run->isFinished());
    int grandchildren = 0;
    QStringList lost;
    for (const ProcessRecord &p : run->log().processes) {
        if (p.kind != QLatin1String("child"))
            continue;
        ++grandchildren;
        if (p.exitcode != std::optional<int>(0))
            lost.append(p.name);
    }
    QCOMPARE(grandchildren, 128);
    QVERIFY2(lost.isEmpty(), qPrintable(u"no exit code 0 for: "_qs + lost.join(u", "_qs)));
}

void TestRun::queuePutFromMain()
{
    RUN_TO_END(run, scenarioFrom(R"("queues":[{"name":"q","capacity":4}],
        "workers":[{"task":"consumer","args":{"queue":"q","count":8}}],
        "main":[{"action":"start","worker":0},{"action":"put","queue":"q","value":1},{"action":"put","queue":"q","value":2},
                {"action":"put","queue":"q","value":3},{"action":"put","queue":"q","value":4},{"action":"put","queue":"q","value":5},
                {"action":"put","queue":"q","value":"six"},{"action":"put","queue":"q","value":0.1},
                {"action":"put","queue":"q","value":999999999999999},{"action":"join","worker":0}])"));
    const RunLog &log = run->log();
    const QList<Event> puts = eventsOf(log, u"put"_qs);
    QCOMPARE(puts.size(), 8);
    const QList<Event> gets = eventsOf(log, u"get"_qs);
    QCOMPARE(gets.size(), 8);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(gets[i].fields.value(u"value"_qs).toInteger(), i + 1);
    // A string arrives as the string, not as its JSON text.
    QCOMPARE(gets[5].fields.value(u"value"_qs).toString(), u"six"_qs);
    // A float arrives as the same float (0.1, not 0.10000000000000001), marked as a float.
    for (const Event &e : {puts[6], gets[6]}) {
        QCOMPARE(pythonStr(e.fields.value(u"value"_qs), hasFloatValue(e.fields)), u"0.1"_qs);
        QVERIFY(hasFloatValue(e.fields));
    }
    // A big int stays exact and stays an int.
    QCOMPARE(gets[7].fields.value(u"value"_qs).toInteger(), 999999999999999);
    QVERIFY(!hasFloatValue(gets[7].fields));
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(0));
    // The main program put them itself, as in Python: its pid is the producer's.
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    for (const Event &e : puts) {
        QCOMPARE(e.pid, main->pid);
        QCOMPARE(e.fields.value(u"producer"_qs).toInteger(), *main->pid);
    }
    QCOMPARE(gets[0].fields.value(u"producer"_qs).toInteger(), *main->pid);
    // The segment is gone with the run.
    for (const QString &f : QDir(u"/dev/shm"_qs).entryList({u"concurrente-q-%1-*"_qs.arg(::getpid())}))
        QFAIL(qPrintable(u"segment left behind: "_qs + f));
}

void TestRun::largestValidQueueCapacityIsCreated()
{
    // Whatever capacity the validator accepts, the run can create: no queue_error at the limit.
    // Its anonymous segment's 256 MiB are reserved up front, in memory (not in /dev/shm).
    if (availableMemoryMiB() < 600)
        QSKIP("less than 600 MiB of memory available");
    RUN_TO_END(run, scenarioFrom(QStringLiteral(R"("queues":[{"name":"q","capacity":%1}],
        "workers":[{"task":"producer","args":{"queue":"q","count":3}},{"task":"consumer","args":{"queue":"q","count":3}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},{"action":"join","worker":1}])")
                                     .arg(kMaxQueueCapacity)
                                     .toUtf8()));
    QVERIFY(run->isFinished());
    const QList<Event> errors = eventsOf(run->log(), u"queue_error"_qs);
    QVERIFY2(
        errors.isEmpty(),
        qPrintable(errors.isEmpty() ? QString() : errors.first().fields.value(u"message"_qs).toString()));
    QCOMPARE(eventsOf(run->log(), u"get"_qs).size(), 3);
}

namespace {
/// The descriptors a process has open right now, with what each points to.
QMap<int, QString> openDescriptors(qint64 pid)
{
    QMap<int, QString> fds;
    const QString dir = u"/proc/%1/fd"_qs.arg(pid);
    for (const QString &n : QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        fds.insert(n.toInt(), QFile::symLinkTarget(dir + u'/' + n));
    return fds;
}

/// Every process of ours (the test's descendants are enough) holding a memfd whose label starts with `label`.
QStringList holdersOfMemfd(const QString &label)
{
    QStringList holders;
    for (const QString &pid : QDir(u"/proc"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (pid.toLongLong() <= 0)
            continue;
        const QString dir = u"/proc/"_qs + pid + u"/fd"_qs;
        for (const QString &n : QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
            if (QFile::symLinkTarget(dir + u'/' + n).contains(u"/memfd:"_qs + label))
                holders.append(pid + u": "_qs + QFile::symLinkTarget(dir + u'/' + n));
    }
    return holders;
}
} // namespace

void TestRun::queuesAreSealedDescriptorsNotNames()
{
    // Page 11's shape: the run's queue is an anonymous segment, sealed against resizing, that the
    // main program and each worker hold by descriptor; nothing appears in /dev/shm, and the
    // segment is gone with the last process that held it.
    auto run = std::make_unique<Run>(scenarioFrom(R"("queues":[{"name":"q","capacity":8}],
        "workers":[{"task":"producer","args":{"queue":"q","count":3,"delay_ms":150},"launcher":"spawn"},
                   {"task":"consumer","args":{"queue":"q","count":3},"launcher":"fork"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},
                {"action":"join","worker":1}])"));
    const QString label = u"concurrente-q-%1-q"_qs.arg(::getpid());
    QStringList checked, problems;
    connect(run.get(), &Run::eventRecorded, this, [&](const Event &e) {
        if (e.kind != EventKind::Start || !e.pid)
            return;
        const QMap<int, QString> fds = openDescriptors(*e.pid);
        int segments = 0;
        for (auto it = fds.cbegin(); it != fds.cend(); ++it) {
            if (!it.value().contains(u"/memfd:"_qs + label))
                continue;
            ++segments;
            // Sealed: reopening it through /proc and shrinking it is refused.
            const int fd =
                ::open(QFile::encodeName(u"/proc/%1/fd/%2"_qs.arg(*e.pid).arg(it.key())).constData(),
                       O_RDWR | O_CLOEXEC);
            if (fd < 0 || ::ftruncate(fd, 0) == 0 || errno != EPERM)
                problems.append(u"segment of pid %1 could be truncated"_qs.arg(*e.pid));
            if (fd >= 0)
                ::close(fd);
        }
        if (segments != 1)
            problems.append(u"pid %1 holds %2 segments"_qs.arg(*e.pid).arg(segments));
        checked.append(e.fields.value(u"name"_qs).toString());
    });
    QSignalSpy done(run.get(), &Run::finished);
    run->start();
    QVERIFY(done.wait(30000));
    remember(run->log());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_qs)));
    QCOMPARE(checked.size(), 2); // the spawned producer and the forked consumer
    QCOMPARE(eventsOf(run->log(), u"get"_qs).size(), 3);
    QVERIFY(eventsOf(run->log(), u"queue_error"_qs).isEmpty());
    QVERIFY(QDir(u"/dev/shm"_qs).entryList({u"concurrente-q-%1-*"_qs.arg(::getpid())}).isEmpty());
    run.reset();
    QVERIFY2(holdersOfMemfd(label).isEmpty(), qPrintable(holdersOfMemfd(label).join(u"; "_qs)));
}

void TestRun::processesGetOnlyTheirDescriptors()
{
    // A descriptor the app inherited without close-on-exec (here: opened by the test) must not
    // reach the main program nor any worker, whatever the start method. Each gets 0–2, the event
    // pipe (3), the run's queue segments, and nothing else it did not open itself.
    const int stray = ::fcntl(::open("/dev/null", O_RDONLY), F_DUPFD, 77); // not close-on-exec
    QVERIFY(stray >= 77);
    auto closeStray = qScopeGuard([stray] { ::close(stray); });
    auto run = std::make_unique<Run>(scenarioFrom(R"("queues":[{"name":"q","capacity":4}],
        "workers":[{"task":"sleep","args":{"ms":300},"launcher":"spawn"},
                   {"task":"sleep","args":{"ms":300},"launcher":"fork"},
                   {"task":"sleep","args":{"ms":300},"launcher":"forkserver"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"start","worker":2},
                {"action":"join","worker":0},{"action":"join","worker":1},{"action":"join","worker":2}])"));
    QStringList seen, problems;
    auto inspect = [&](qint64 pid, const QString &who, bool forked) {
        const QMap<int, QString> fds = openDescriptors(pid);
        QStringList listing;
        for (auto it = fds.cbegin(); it != fds.cend(); ++it) {
            listing.append(u"%1→%2"_qs.arg(it.key()).arg(it.value()));
            // The main program opens /dev/null and a signalfd for itself; a forked worker also
            // carries what its parent opened (fork() copies every descriptor, as in Python):
            // none of them is the app's.
            const bool expected = it.key() <= 3 || it.value().contains(u"/memfd:concurrente-q-"_qs) ||
                                  it.value() == u"/dev/null"_qs || it.value().endsWith(u"[signalfd]"_qs);
            if (it.key() == stray || (!expected && !forked))
                problems.append(u"%1 has %2→%3"_qs.arg(who).arg(it.key()).arg(it.value()));
        }
        seen.append(who + u": "_qs + listing.join(u' '));
    };
    connect(run.get(), &Run::eventRecorded, this, [&](const Event &e) {
        if (e.pid && (e.kind == EventKind::Start || e.kind == EventKind::HelperReady))
            inspect(*e.pid,
                    e.kind == EventKind::HelperReady ? u"MainProcess"_qs
                                                     : e.fields.value(u"name"_qs).toString(),
                    e.fields.value(u"start_method"_qs).toString().startsWith(u"fork"_qs));
    });
    QSignalSpy done(run.get(), &Run::finished);
    run->start();
    QVERIFY(done.wait(30000));
    remember(run->log());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_qs) + u"\n"_qs + seen.join(u"\n"_qs)));
    QCOMPARE(seen.size(), 4);
}

void TestRun::timeLimitEndsTheRun()
{
    // A worker that would sleep 30 s, in a run limited to 1 s: the run ends as by End run
    // (the worker killed, −9) and records why.
    Scenario s = scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])");
    QCOMPARE(s.timeLimitS, kDefaultTimeLimitS);
    s.timeLimitS = 1;
    QVERIFY(!s.toJson().value(u"time_limit_s"_qs).isUndefined());
    RUN_TO_END(run, s, 20000);
    QVERIFY(run->isFinished());
    const QList<Event> limits = eventsOf(run->log(), u"time_limit"_qs);
    QCOMPARE(limits.size(), 1);
    QCOMPARE(limits[0].fields.value(u"limit_s"_qs).toInt(), 1);
    QCOMPARE(processNamed(run->log(), u"Process-1"_qs)->exitcode, std::optional<int>(-9));
    QVERIFY(limits[0].tNs - run->startNs() >= 1'000'000'000);
}

void TestRun::timeLimitClockStopsWhilePaused()
{
    // Limited to 1 s, the run is paused before its first line for longer than that: it must not
    // be ended while paused; once it goes on, the worker's 30 s sleep is cut after 1 s more.
    Scenario s = scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])");
    s.timeLimitS = 1;
    Run run(s);
    QSignalSpy finished(&run, &Run::finished);
    run.setPaused(true);
    run.start();
    QVERIFY(!finished.wait(2500)); // paused: the clock does not count
    QVERIFY(eventsOf(run.log(), u"time_limit"_qs).isEmpty());
    QCOMPARE(run.nextMainAction(), 0);
    const qint64 resumedNs = monotonicNs();
    run.setPaused(false);
    QVERIFY(finished.wait(20000));
    remember(run.log());
    const QList<Event> limits = eventsOf(run.log(), u"time_limit"_qs);
    QCOMPARE(limits.size(), 1);
    QVERIFY(limits[0].tNs - resumedNs >= 900'000'000);
    QVERIFY(limits[0].tNs - run.startNs() >= 3'000'000'000);
    QCOMPARE(processNamed(run.log(), u"Process-1"_qs)->exitcode, std::optional<int>(-9));
}

void TestRun::putIntoAQueueThatStaysFull()
{
    // Nobody gets: two puts fill the queue, the third waits its timeout out and raises
    // queue.Full, and the worker ends with 1 as Python's would. Nothing is lost or put twice.
    RUN_TO_END(run, scenarioFrom(R"("queues":[{"name":"q","capacity":2}],
        "workers":[{"task":"producer","args":{"queue":"q","count":5,"timeout_ms":300}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}])"));
    const RunLog &log = run->log();
    const ProcessRecord *p = processNamed(log, u"Process-1"_qs);
    QVERIFY(p && p->pid);
    QCOMPARE(p->exitcode, std::optional<int>(1));
    QList<qint64> seqs;
    for (const Event &e : eventsOf(log, u"put"_qs))
        if (e.pid == p->pid)
            seqs.append(e.fields.value(QStringLiteral("seq")).toInteger());
    QCOMPARE(seqs, (QList<qint64>{0, 1}));
    QList<Event> errors;
    for (const Event &e : eventsOf(log, u"error"_qs))
        if (e.pid == p->pid)
            errors.append(e);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].fields.value(QStringLiteral("type")).toString(), u"Full"_qs);
    QVERIFY(eventsOf(log, u"queue_error"_qs).isEmpty());
}

void TestRun::mainProgramGetsAndPutsNone()
{
    // Page 11/12's main program: puts None end markers for its readers, then gets a worker's
    // results, q.get(timeout=...) raising queue.Empty when nothing more comes.
    RUN_TO_END(run, scenarioFrom(R"("queues":[{"name":"q","capacity":8},{"name":"r","capacity":8}],
        "workers":[{"task":"consumer","args":{"queue":"q"}},{"task":"consumer","args":{"queue":"q"}},
                   {"task":"square_put","args":{"queue":"r","num":7}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"put","queue":"q","value":"a"},
                {"action":"put","queue":"q","value":null},{"action":"put","queue":"q","value":null},
                {"action":"join","worker":0},{"action":"join","worker":1},
                {"action":"start","worker":2},{"action":"get","queue":"r"},
                {"action":"get","queue":"r","timeout_ms":150},{"action":"join","worker":2}])"));
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    // Both readers stopped at their None (exit 0, not a timeout).
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(0));
    QCOMPARE(processNamed(log, u"Process-2"_qs)->exitcode, std::optional<int>(0));
    int nonesGot = 0;
    for (const Event &e : eventsOf(log, u"get"_qs))
        nonesGot += e.fields.value(u"queue"_qs).toString() == u"q"_qs && e.fields.value(u"value"_qs).isNull();
    QCOMPARE(nonesGot, 2);
    // The main program got 49 from the worker, then nothing: queue.Empty after 150 ms.
    QList<Event> mainGets;
    for (const Event &e : eventsOf(log, u"get"_qs))
        if (e.pid == main->pid)
            mainGets.append(e);
    QCOMPARE(mainGets.size(), 1);
    QCOMPARE(mainGets[0].fields.value(u"value"_qs).toInteger(), 49);
    QCOMPARE(mainGets[0].fields.value(u"producer"_qs).toInteger(), *processNamed(log, u"Process-3"_qs)->pid);
    const QList<Event> failed = eventsOf(log, u"get_failed"_qs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0].fields.value(u"type"_qs).toString(), u"Empty"_qs);
    QCOMPARE(failed[0].pid, main->pid);
    QVERIFY(failed[0].tNs - mainGets[0].tNs >= 150'000'000);
}

void TestRun::mainProgramDiesDuringAGet()
{
    // The main program is killed while its q.get() waits: the action ends with the reason, the
    // script goes on, and the run ends instead of waiting for an answer that cannot come.
    Run run(scenarioFrom(R"("queues":[{"name":"q","capacity":4}],"workers":[{"task":"greeting"}],
        "main":[{"action":"get","queue":"q","timeout_ms":30000},{"action":"start","worker":0}])"));
    QSignalSpy done(&run, &Run::finished);
    QSignalSpy steps(&run, &Run::mainActionStarted);
    run.start();
    QVERIFY(steps.wait(10000)); // the get was sent
    WorkerProcess *main = nullptr;
    for (WorkerProcess *p : run.processes())
        if (p->name() == QLatin1String("MainProcess"))
            main = p;
    QVERIFY(main && main->pid());
    QCOMPARE(::kill(pid_t(*main->pid()), SIGKILL), 0);
    QVERIFY(done.wait(10000));
    remember(run.log());
    const QList<Event> errors = eventsOf(run.log(), u"action_error"_qs);
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [](const Event &e) {
        return e.fields.value(u"action"_qs).toString() == u"get"_qs &&
               e.fields.value(u"message"_qs).toString() == u"the main program ended before doing it"_qs;
    }));
    // The worker could not be started by a main program that is gone, and says so.
    QVERIFY(!eventsOf(run.log(), u"launch_failed"_qs, u"Process-1"_qs).isEmpty());
    QCOMPARE(processNamed(run.log(), u"MainProcess"_qs)->exitcode, std::optional<int>(-9));
}

void TestRun::mainProgramSendsOnAPipe_data()
{
    startJoin_data();
}

void TestRun::mainProgramSendsOnAPipe()
{
    // extremo_padre.send(...) in the script, a child receiving until None: strings, a float, an
    // int and the end marker arrive as Python sent them.
    QFETCH(QString, launcher);
    RUN_TO_END(run, scenarioFrom(R"("pipes":[{"name":"p"}],
        "workers":[{"name":"rx","task":"pipe_recv","args":{"pipe":"p"},"launcher":")" +
                                 launcher.toUtf8() + R"("}],
        "main":[{"action":"start","worker":0},{"action":"send","pipe":"p","value":"hola"},
                {"action":"send","pipe":"p","value":2.5},{"action":"send","pipe":"p","value":7},
                {"action":"send","pipe":"p","value":null},{"action":"join","worker":0}])"));
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"rx"_qs)->exitcode, std::optional<int>(0));
    QStringList prints;
    for (const Event &e : eventsOf(log, u"print"_qs))
        if (e.pid == processNamed(log, u"rx"_qs)->pid)
            prints.append(e.fields.value(u"text"_qs).toString());
    QCOMPARE(prints, (QStringList{u"Recibido: hola"_qs, u"Recibido: 2.5"_qs, u"Recibido: 7"_qs}));
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    int mainPuts = 0;
    for (const Event &e : eventsOf(log, u"put"_qs))
        mainPuts += e.pid == main->pid && e.fields.value(u"producer"_qs).toInteger() == *main->pid;
    QCOMPARE(mainPuts, 4);
}

void TestRun::duplexPipe_data()
{
    startJoin_data();
}

void TestRun::duplexPipe()
{
    // Pipe() is duplex by default in Python: the main program sends on its end and receives the
    // child's answers on the same end; the child answers on its own end.
    QFETCH(QString, launcher);
    RUN_TO_END(run, scenarioFrom(R"("pipes":[{"name":"p","duplex":true}],
        "workers":[{"name":"eco","task":"pipe_echo","args":{"pipe":"p"},"launcher":")" +
                                 launcher.toUtf8() + R"("}],
        "main":[{"action":"start","worker":0},{"action":"send","pipe":"p","value":"hola"},
                {"action":"send","pipe":"p","value":3},{"action":"send","pipe":"p","value":null},
                {"action":"recv","pipe":"p","until_none":true},{"action":"join","worker":0}])"));
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"eco"_qs)->exitcode, std::optional<int>(0));
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    const qint64 eco = *processNamed(log, u"eco"_qs)->pid;
    QStringList mainPrints;
    QList<QJsonValue> mainGot;
    for (const Event &e : log.sortedEvents()) {
        if (e.pid != main->pid)
            continue;
        if (e.kind == EventKind::Print)
            mainPrints.append(e.fields.value(u"text"_qs).toString());
        if (e.kind == EventKind::Get) {
            mainGot.append(e.fields.value(u"value"_qs));
            QCOMPARE(e.fields.value(u"producer"_qs).toInteger(), eco); // the answers come from the child
        }
    }
    QCOMPARE(mainPrints, (QStringList{u"Recibido: hola"_qs, u"Recibido: 3"_qs}));
    QCOMPARE(mainGot.size(), 3);
    QVERIFY(mainGot.last().isNull());
    QCOMPARE(eventsOf(log, u"recv_done"_qs).size(), 1);
}

void TestRun::isAliveRightAfterTerminate()
{
    // Page 6: print(p.is_alive()) right after terminate() shows True (the signal has not been
    // handled yet); after join(), False and exitcode -15.
    RUN_TO_END(run, scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":20000}}],
        "main":[{"action":"start","worker":0},{"action":"sleep_ms","ms":200},{"action":"is_alive","worker":0},
                {"action":"terminate","worker":0},{"action":"is_alive","worker":0},{"action":"join","worker":0},
                {"action":"is_alive","worker":0}])"));
    QVERIFY(run->isFinished());
    const QList<Event> checks = eventsOf(run->log(), u"is_alive"_qs);
    QCOMPARE(checks.size(), 3);
    QCOMPARE(checks[0].fields.value(u"alive"_qs).toBool(), true);
    QVERIFY(checks[0].fields.value(u"exitcode"_qs).isNull());
    QCOMPARE(checks[1].fields.value(u"alive"_qs).toBool(), true);
    QCOMPARE(checks[2].fields.value(u"alive"_qs).toBool(), false);
    QCOMPARE(checks[2].fields.value(u"exitcode"_qs).toInt(), -15);
}

void TestRun::pipeBetweenWorkers_data()
{
    startJoin_data();
}

void TestRun::pipeBetweenWorkers()
{
    QFETCH(QString, launcher);
    const QByteArray l = launcher.toUtf8();
    // The receiver reads until end-of-file: it only ends if every write end was closed,
    // the parent's copies included.
    RUN_TO_END(run,
               scenarioFrom(R"("pipes":[{"name":"p"}],"workers":[
        {"name":"tx","task":"pipe_send","args":{"pipe":"p","count":4,"from":10},"launcher":")" +
                            l + R"("},
        {"name":"rx","task":"pipe_recv","args":{"pipe":"p"},"launcher":")" +
                            l + R"("}],
        "main":[{"action":"start","worker":1},{"action":"start","worker":0},{"action":"join","worker":0},
                {"action":"join","worker":1}])"),
               15000);
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    QCOMPARE(processNamed(log, u"tx"_qs)->exitcode, std::optional<int>(0));
    QCOMPARE(processNamed(log, u"rx"_qs)->exitcode, std::optional<int>(0));
    const QList<Event> gets = eventsOf(log, u"get"_qs);
    QCOMPARE(gets.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(gets[i].fields.value(u"value"_qs).toInteger(), 10 + i);
        QCOMPARE(gets[i].fields.value(u"queue"_qs).toString(), u"p"_qs);
    }
}

void TestRun::maxWorkersAtOnce()
{
    // The validator's limit, all alive at once, both launchers: no descriptor or pid trouble.
    QByteArray workers, main;
    for (int i = 0; i < kMaxWorkers; ++i) {
        workers += (i ? "," : "") +
                   QByteArray(R"({"task":"sleep","args":{"ms":300,"announce":false},"launcher":")") +
                   (i % 2 ? "fork" : "qprocess") + "\"}";
        main += (i ? "," : "") + QByteArray(R"({"action":"start","worker":)") + QByteArray::number(i) + "}";
    }
    RUN_TO_END(run, scenarioFrom("\"workers\":[" + workers + "],\"main\":[" + main + "]"), 60000);
    QVERIFY(run->isFinished());
    const RunLog &log = run->log();
    QCOMPARE(log.processes.size(), kMaxWorkers + 1);
    for (const ProcessRecord &p : log.processes)
        QVERIFY2(p.exitcode == 0, qPrintable(p.name + u": "_qs + p.error));
    QCOMPARE(log.summary.value(u"launch_failures"_qs).toInt(), 0);
}

void TestRun::forkHelperDyingEndsItsWorkers()
{
    // The fork helper is killed mid-run: its children go with it (parent-death signal), the
    // run records what it can (exit codes unknown), later fork starts fail, the run still ends.
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":20000},"launcher":"fork"},
        {"task":"greeting","launcher":"fork"}],"main":[])"));
    QSignalSpy done(&run, &Run::finished);
    run.startInteractive();
    QSignalSpy started(run.worker(0), &WorkerProcess::started);
    run.startWorker(0);
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
    WorkerProcess *helper = nullptr;
    for (WorkerProcess *p : run.processes())
        if (p->name() == QLatin1String("MainProcess"))
            helper = p;
    QVERIFY(helper && helper->pid());
    remember(run.snapshot());
    QCOMPARE(::kill(pid_t(*helper->pid()), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(helper->isFinished() && run.worker(0)->isFinished(), 5000);
    run.startWorker(1);
    QVERIFY(!run.worker(1)->record().error.isEmpty());
    run.endMain();
    QVERIFY(run.isFinished() || done.wait(10000));
    const RunLog &log = run.log();
    QCOMPARE(processNamed(log, u"MainProcess"_qs)->exitcode, std::optional<int>(-9));
    QVERIFY(!processNamed(log, u"Process-1"_qs)->exitcode); // nobody could reap it for us
    QVERIFY(processNamed(log, u"Process-1"_qs)->endNs);
    QVERIFY(!eventsOf(log, u"launch_failed"_qs, u"Process-2"_qs).isEmpty());
}

void TestRun::badWorkerOutputIsAProtocolError()
{
    // A stand-in worker that writes garbage, a line claiming to be pid 1 (which the run must
    // never adopt, let alone signal), a valid print, then exits 3.
    QTemporaryDir dir;
    QFile script(dir.filePath(u"concurrente-worker"_qs));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(
        "#!/bin/sh\n"
        "printf 'garbage\\n{\"ev\":\"start\",\"t_ns\":5,\"pid\":1,\"name\":\"init\",\"ppid\":0}\\n' >&3\n"
        "printf '\\377\\376\\n' >&3\n"
        "printf '{\"ev\":\"print\",\"t_ns\":7,\"pid\":%d,\"text\":\"still here\"}\\n' $$ >&3\n"
        "exit 3\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(
        QFile::link(helperDir() + QStringLiteral("/concurrente-main"), dir.filePath(u"concurrente-main"_qs)));
    Run run(scenarioFrom(
        R"("workers":[{"task":"greeting","launcher":"spawn"}],"main":[{"action":"start","worker":0},{"action":"join","worker":0}])"));
    run.setHelperDir(dir.path());
    QSignalSpy done(&run, &Run::finished);
    run.start();
    QVERIFY(done.wait(10000));
    remember(run.log());
    const RunLog &log = run.log();
    const ProcessRecord *p = processNamed(log, u"Process-1"_qs);
    QCOMPARE(p->exitcode, std::optional<int>(3));
    const QList<Event> errors = eventsOf(log, u"protocol_error"_qs);
    QCOMPARE(errors.size(), 3);
    // Every worker writes to the main program's event pipe: a line that names no valid process
    // is charged to the pipe's owner.
    const ProcessRecord *main = processNamed(log, u"MainProcess"_qs);
    for (const Event &e : errors) {
        QCOMPARE(e.pid, main->pid);
        QCOMPARE(e.fields.value(u"name"_qs).toString(), u"MainProcess"_qs);
    }
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [](const Event &e) {
        return e.fields.value(u"message"_qs).toString() == u"pid 1 is not a process of this run"_qs;
    }));
    QCOMPARE(log.processes.size(), 2); // the worker and MainProcess: pid 1 was not adopted
    QCOMPARE(eventsOf(log, u"print"_qs).value(0).fields.value(u"text"_qs).toString(), u"still here"_qs);
    QCOMPARE(log.summary.value(u"protocol_errors"_qs).toInt(), 3);
}

void TestRun::interactiveActionsAndAbort()
{
    // What the GUI does: actions one at a time, then abort.
    Run run(scenarioFrom(
        R"("workers":[{"task":"sleep","args":{"ms":20000}},{"task":"sleep","args":{"ms":20000},"launcher":"fork"},
        {"task":"greeting"}],"main":[])"));
    QSignalSpy done(&run, &Run::finished);
    run.startInteractive();
    run.join(0); // not started: Python raises, the run records it and goes on
    QCOMPARE(eventsOf(run.snapshot(), u"action_error"_qs).size(), 1);
    QSignalSpy started0(run.worker(0), &WorkerProcess::started);
    QSignalSpy started1(run.worker(1), &WorkerProcess::started);
    run.startWorker(0);
    run.startWorker(1);
    run.startWorker(0); // twice: refused
    QCOMPARE(eventsOf(run.snapshot(), u"action_error"_qs).size(), 2);
    QVERIFY(started0.wait(5000) || started0.size() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(started1.size(), 1, 5000);
    bool joined = false;
    run.join(1, 100, [&joined] { joined = true; });
    QTRY_VERIFY_WITH_TIMEOUT(joined, 5000);
    QCOMPARE(eventsOf(run.snapshot(), u"join_timeout"_qs).size(), 1);
    QVERIFY(run.worker(0)->isAlive());
    remember(run.snapshot());
    run.abort();
    QVERIFY(done.wait(10000));
    const RunLog &log = run.log();
    QCOMPARE(processNamed(log, u"Process-1"_qs)->exitcode, std::optional<int>(-9));
    QCOMPARE(processNamed(log, u"Process-2"_qs)->exitcode, std::optional<int>(-9));
    QVERIFY(!processNamed(log, u"Process-3"_qs)->pid); // never started
    QCOMPARE(eventsOf(log, u"kill"_qs).size(), 2);
}

void TestRun::destroyingARunKillsEverything()
{
    const Scenario s = scenarioFrom(R"("workers":[
        {"task":"sleep","args":{"ms":30000}},
        {"task":"sleep","args":{"ms":30000},"launcher":"fork"},
        {"task":"spawn_child","args":{"ms":30000,"child_ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"start","worker":2},
                {"action":"join","worker":0}])");
    auto run = std::make_unique<Run>(s);
    run->start();
    // Wait until the three workers and the grandchild have reported.
    QTRY_VERIFY_WITH_TIMEOUT(
        run->processes().size() >= 5 && eventsOf(run->snapshot(), u"start"_qs).size() >= 4, 10000);
    remember(run->snapshot());
    QElapsedTimer t;
    t.start();
    run.reset();
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    // Orphans are not our children: give init a moment to reap them.
    for (qint64 pid : std::as_const(m_pids))
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid), 2000);
}

void TestRun::headlessRunAndExports()
{
    QTemporaryDir dir;
    const QString scenario = dir.filePath(u"s.json"_qs);
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"concurrente-scenario/1","title":{"es":"t","en":"t"},
        "workers":[{"task":"greeting"},{"name":"=cmd","task":"sleep","args":{"ms":100},"launcher":"fork"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1}]})");
    f.close();
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    const int code =
        runHeadless(scenario, {dir.filePath(u"run.json"_qs), dir.filePath(u"run.csv"_qs)}, out, err);
    QCOMPARE(code, 0);
    QVERIFY2(outText.contains(QRegularExpression(uR"(\[\s*\d+\.\d{3} s\] Process-1 \(pid \d+\) started)"_qs)),
             qPrintable(outText));
    QVERIFY2(outText.contains(QRegularExpression(uR"(=cmd \(pid \d+\) exited with exitcode 0)"_qs)),
             qPrintable(outText));
    const auto log = RunLog::load(dir.filePath(u"run.json"_qs));
    QVERIFY(log);
    remember(*log);
    QCOMPARE(log->scenario.value(u"file"_qs).toString(), scenario);
    QCOMPARE(log->processes.size(), 3); // two workers and the fork helper
    QFile csv(dir.filePath(u"run.csv"_qs));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    QVERIFY(text.startsWith("t_ms,pid,ppid,name,event,detail\n"));
    QVERIFY(text.contains(",'=cmd,"));
    QVERIFY(!text.contains(",=cmd,"));
    QCOMPARE(text.count('\n'), log->events().size() + 1);
    // Unknown export format: nothing runs.
    QCOMPARE(runHeadless(scenario, {dir.filePath(u"run.xyz"_qs)}, out, err), 1);
    // Export targets that cannot be a run log are refused before the run: a device, a folder,
    // the scenario file itself, a missing folder. Nothing is started, the scenario is intact.
    QVERIFY(QDir(dir.path()).mkdir(u"folder.json"_qs));
    QFile scenarioFile(scenario);
    QVERIFY(scenarioFile.open(QIODevice::ReadOnly));
    const QByteArray scenarioBytes = scenarioFile.readAll();
    scenarioFile.close();
    // A FIFO stands for a device here: were the check broken, the export would replace what the
    // path names, and that must never be a real device of the machine running the tests.
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"fifo.json"_qs)).constData(), 0600), 0);
    for (const auto &[target, reason] :
         QList<std::pair<QString, QString>>{{dir.filePath(u"fifo.json"_qs), u"not a regular file"_qs},
                                            {dir.filePath(u"folder.json"_qs), u"not a regular file"_qs},
                                            {scenario, u"scenario file"_qs},
                                            {dir.filePath(u"missing/run.json"_qs), u"does not exist"_qs}}) {
        QString o, e;
        QTextStream os(&o), es(&e);
        QCOMPARE(runHeadless(scenario, {target}, os, es), 1);
        QVERIFY2(e.contains(reason), qPrintable(e));
        QVERIFY2(!o.contains(u"started"_qs), qPrintable(o));
    }
    QVERIFY(scenarioFile.open(QIODevice::ReadOnly));
    QCOMPARE(scenarioFile.readAll(), scenarioBytes);
}

void TestRun::headlessBadScenario()
{
    QTemporaryDir dir;
    const QString scenario = dir.filePath(u"bad.json"_qs);
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"concurrente-scenario/1","title":{"es":"t","en":"t"},
        "workers":[{"task":"arith","args":{"c":"x"}}],"main":[]})");
    f.close();
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(runHeadless(scenario, {}, out, err), 2);
    QVERIFY2(errText.contains(u"bad.json"_qs) && errText.contains(u"workers[0].args.c"_qs),
             qPrintable(errText));
    QCOMPARE(runHeadless(dir.filePath(u"missing.json"_qs), {}, out, err), 2);
}

void TestRun::headlessInterruptEndsTheRun()
{
    QTemporaryDir dir;
    const QString scenario = dir.filePath(u"long.json"_qs);
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"concurrente-scenario/1","title":{"es":"t","en":"t"},
        "workers":[{"task":"spawn_child","args":{"ms":20000,"child_ms":20000}},{"task":"sleep","args":{"ms":20000},"launcher":"fork"}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0}]})");
    f.close();
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    // Ctrl+C while the run is in progress.
    QTimer::singleShot(800, this, [] { ::raise(SIGINT); });
    QElapsedTimer t;
    t.start();
    const int code = runHeadless(scenario, {dir.filePath(u"run.json"_qs)}, out, err);
    QCOMPARE(code, 128 + SIGINT); // as a shell reports a program ended by Ctrl+C
    QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
    QVERIFY2(errText.contains(u"interrupted"_qs), qPrintable(errText));
    const auto log = RunLog::load(dir.filePath(u"run.json"_qs));
    QVERIFY(log);
    remember(*log);
    QCOMPARE(log->processes.size(), 4); // two workers, the grandchild, the fork helper
    for (const ProcessRecord &p : log->processes)
        QVERIFY2(p.endNs, qPrintable(p.name));
    QCOMPARE(processNamed(*log, u"Process-1"_qs)->exitcode, std::optional<int>(-9));
    QCOMPARE(processNamed(*log, u"Process-2"_qs)->exitcode, std::optional<int>(-9));
}

void TestRun::terminationSignalsIgnoreSigpipe()
{
    // Qt ignores SIGPIPE once a QProcess has started; a write to a closed standard output before
    // that (or in a run whose main program never started) must not kill the app either.
    // Start from the default (an earlier test's QProcess may have left it ignored).
    struct sigaction saved
    {
    }, dfl{}, during{}, after{};
    dfl.sa_handler = SIG_DFL;
    QCOMPARE(::sigaction(SIGPIPE, &dfl, &saved), 0);
    auto restore = qScopeGuard([&saved] { ::sigaction(SIGPIPE, &saved, nullptr); });
    {
        TerminationSignals termination;
        QCOMPARE(::sigaction(SIGPIPE, nullptr, &during), 0);
        QVERIFY(during.sa_handler == SIG_IGN);
        // SIGHUP (a closed terminal) is handled like SIGINT and SIGTERM: reported, not fatal.
        QSignalSpy signalled(&termination, &TerminationSignals::signalled);
        QCOMPARE(::raise(SIGHUP), 0);
        QVERIFY(signalled.wait(5000));
        QCOMPARE(signalled.first().first().toInt(), SIGHUP);
        QCOMPARE(termination.received(), SIGHUP);
        QCOMPARE(TerminationSignals::exitStatusFor(SIGHUP), 129);
    }
    QCOMPARE(::sigaction(SIGPIPE, nullptr, &after), 0);
    QVERIFY(after.sa_handler == SIG_DFL); // given back as it was
}

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
