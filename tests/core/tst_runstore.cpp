// The run store without widgets: a saved log's process table, per-process events, put/get
// pairing and state at time t; a live run watched through batches; the main script stepped
// and paused.
#include "run.h"
#include "runstore.h"
#include "scenario.h"
#include "workerprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace concurrente;

namespace {

Scenario scenarioFrom(const QByteArray &body)
{
    const QByteArray json = R"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},)" + body + "}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, QStringLiteral("test.json"));
    if (!r.ok())
        qWarning() << r.errorStrings();
    return r.scenario;
}

ProcessRecord record(const QString &name, const QString &kind, qint64 pid, qint64 ppid, qint64 startNs,
                     std::optional<qint64> endNs, std::optional<int> exitcode)
{
    ProcessRecord r;
    r.name = name;
    r.kind = kind;
    r.pid = pid;
    r.ppid = ppid;
    r.parentPid = kind == QLatin1String("main") ? std::nullopt : std::optional<qint64>(ppid);
    r.startNs = startNs;
    r.endNs = endNs;
    r.exitcode = exitcode;
    return r;
}

Event ev(qint64 t, std::optional<qint64> pid, const QString &kind, const QJsonObject &fields = {},
         int proc = -1)
{
    Event e = Event::make(t, pid, kind, fields);
    e.proc = proc;
    return e;
}

/// Main program 100; worker 101 puts two messages, worker 102 gets them (one get read before
/// its put); worker 101 is stopped at 2000 and continued at 3000; 102 is terminated.
RunLog savedLog(bool withProc)
{
    RunLog log;
    log.scenario = QJsonObject{{QStringLiteral("pipes"), QJsonArray()}};
    log.processes = {
        record(u"Producer"_qs, u"worker"_qs, 101, 100, 1000, 6000, 0),
        record(u"Consumer"_qs, u"worker"_qs, 102, 100, 1100, 5000, -15),
        record(u"MainProcess"_qs, u"main"_qs, 100, 1, 900, 7000, 0),
    };
    const int p = withProc ? 0 : -1;
    const int c = withProc ? 1 : -1;
    const auto msg = [](qint64 seq, int value) {
        return QJsonObject{
            {u"queue"_qs, u"q"_qs}, {u"seq"_qs, seq}, {u"value"_qs, value}, {u"producer"_qs, 101}};
    };
    log.addEvent(ev(1000, std::nullopt, u"start_request"_qs, {{u"name"_qs, u"Producer"_qs}}, p));
    log.addEvent(ev(1200, 101, u"start"_qs, {{u"name"_qs, u"Producer"_qs}}, p));
    log.addEvent(ev(1300, 101, u"put"_qs, msg(0, 7), p));
    log.addEvent(ev(1450, 102, u"get"_qs, msg(1, 8), c)); // read before its put
    log.addEvent(ev(1400, 102, u"get"_qs, msg(0, 7), c));
    log.addEvent(ev(1410, 101, u"put"_qs, msg(1, 8), p));
    log.addEvent(ev(2000, 101, u"stop"_qs, {}, p));
    log.addEvent(ev(3000, 101, u"continue"_qs, {}, p));
    log.addEvent(ev(4900, 102, u"terminate"_qs, {}, c));
    return log;
}

} // namespace

class TestRunStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedLogTable_data();
    void savedLogTable();
    void stateAtTime();
    void liveRunInBatches();
    void stepThroughMainScript();
    void pauseAndGoOn();
    void signalRightAfterStart();
    void abortRightAfterStart();
};

void TestRunStore::savedLogTable_data()
{
    QTest::addColumn<bool>("withProc");
    QTest::newRow("format 2 (proc)") << true;
    QTest::newRow("format 1 (pid only)") << false;
}

void TestRunStore::savedLogTable()
{
    QFETCH(bool, withProc);
    RunStore store;
    QSignalSpy reset(&store, &RunStore::reset);
    store.load(savedLog(withProc));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(store.processCount(), 3);
    QCOMPARE(store.process(0).state, RunStore::State::Exited);
    QCOMPARE(store.process(1).state, RunStore::State::Terminated);
    // The tree: both workers under the main program.
    QCOMPARE(store.process(0).parent, 2);
    QCOMPARE(store.process(1).parent, 2);
    QCOMPARE(store.process(2).parent, -1);
    // Events per process, the start request included.
    QCOMPARE(store.process(0).events.size(), 6);
    QCOMPARE(store.process(1).events.size(), 3);
    QCOMPARE(store.eventProcess(0), 0);
    QCOMPARE(store.process(0).puts, 2);
    QCOMPARE(store.process(1).gets, 2);
    // Each put paired with its get, whichever was read first.
    QCOMPARE(store.messageCount(), 2);
    for (int i = 0; i < 2; ++i) {
        const RunStore::Message &m = store.message(i);
        QCOMPARE(m.sender, 0);
        QCOMPARE(m.receiver, 1);
        QVERIFY(m.putNs && m.getNs);
        QVERIFY(m.latencyNs().has_value());
    }
    QCOMPARE(store.message(0).seq, 0);
    QCOMPARE(*store.message(0).latencyNs(), 100);
    QCOMPARE(store.message(1).seq, 1);
    QCOMPARE(*store.message(1).latencyNs(), 40);
    QCOMPARE(store.message(0).value.toInt(), 7);
}

void TestRunStore::stateAtTime()
{
    RunStore store;
    store.load(savedLog(true));
    QCOMPARE(store.originNs(), 900);
    QCOMPARE(store.stateAt(0, 950), RunStore::State::Created);
    QCOMPARE(store.stateAt(0, 1500), RunStore::State::Running);
    QCOMPARE(store.stateAt(0, 2500), RunStore::State::Stopped);
    QCOMPARE(store.stateAt(0, 3500), RunStore::State::Running);
    QCOMPARE(store.stateAt(0, 6000), RunStore::State::Exited);
    QCOMPARE(store.stateAt(1, 4999), RunStore::State::Running);
    QCOMPARE(store.stateAt(1, 5000), RunStore::State::Terminated);
    QCOMPARE(store.event(store.lastEventAt(0, 2500)).kind, EventKind::Stop);
    QCOMPARE(store.lastEventAt(0, 999), -1);
}

void TestRunStore::liveRunInBatches()
{
    // A thousand prints in a few hundred milliseconds reach the views in a few dozen batches, and
    // the table is current while the run goes on.
    Run run(scenarioFrom(R"("queues":[{"name":"q","capacity":16}],
        "workers":[{"id":"Chatty","name":"Chatty","task":"squares","args":{"n":1000,"delay_ms":0}},
                   {"id":"P","name":"P","task":"producer","args":{"queue":"q","count":5}},
                   {"id":"C","name":"C","task":"consumer","args":{"queue":"q","count":5}},
                   {"id":"Sleeper","name":"Sleeper","task":"sleep","args":{"ms":60000}}],
        "main":[{"action":"start","worker":"Chatty"},{"action":"start","worker":"P"},
                {"action":"start","worker":"C"},{"action":"start","worker":"Sleeper"},
                {"action":"join","worker":"Chatty"},{"action":"join","worker":"C"},
                {"action":"sleep_ms","ms":1500},{"action":"terminate","worker":"Sleeper"}])"));
    RunStore store;
    store.watch(&run);
    QSignalSpy batches(&store, &RunStore::updated);
    QSignalSpy done(&run, &Run::finished);
    run.start();
    // While it runs: the sleeper is running in the store before the run ends.
    const auto sleeperRunning = [&store] {
        for (int i = 0; i < store.processCount(); ++i)
            if (store.process(i).record.name == u"Sleeper"_qs)
                return store.process(i).state == RunStore::State::Running;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sleeperRunning(), 10000);
    QVERIFY(store.isLive());
    QVERIFY(done.wait(30000));
    QTRY_VERIFY(!store.isLive());
    const int events = store.eventCount();
    QVERIFY2(events > 1000, qPrintable(QString::number(events)));
    QVERIFY2(batches.size() < events / 20, qPrintable(QStringLiteral("%1 batches").arg(batches.size())));
    QVERIFY(batches.constLast().at(0).value<RunStore::Batch>().finished);
    // Batches follow one another: each starts where the previous one ended.
    QCOMPARE(batches.constFirst().at(0).value<RunStore::Batch>().eventsBefore, 0);
    int lastEvents = 0;
    int lastProcesses = 0;
    for (const QList<QVariant> &args : std::as_const(batches)) {
        const auto b = args.at(0).value<RunStore::Batch>();
        QVERIFY(b.eventsBefore >= lastEvents);
        QVERIFY(b.processesBefore >= lastProcesses);
        lastEvents = b.eventsBefore;
        lastProcesses = b.processesBefore;
    }
    // The final table.
    int sleeper = -1;
    int producer = -1;
    int consumer = -1;
    int mainRow = -1;
    for (int i = 0; i < store.processCount(); ++i) {
        const QString name = store.process(i).record.name;
        if (name == u"Sleeper"_qs)
            sleeper = i;
        else if (name == u"P"_qs)
            producer = i;
        else if (name == u"C"_qs)
            consumer = i;
        else if (name == u"MainProcess"_qs)
            mainRow = i;
    }
    QVERIFY(sleeper >= 0 && producer >= 0 && consumer >= 0 && mainRow >= 0);
    QCOMPARE(store.process(sleeper).state, RunStore::State::Terminated);
    QCOMPARE(store.process(sleeper).record.exitcode, std::optional<int>(-SIGTERM));
    QCOMPARE(store.process(producer).state, RunStore::State::Exited);
    QCOMPARE(store.process(producer).parent, mainRow);
    QCOMPARE(store.process(producer).puts, 5);
    QCOMPARE(store.process(consumer).gets, 5);
    QCOMPARE(store.messageCount(), 5);
    for (int i = 0; i < store.messageCount(); ++i) {
        QCOMPARE(store.message(i).sender, producer);
        QCOMPARE(store.message(i).receiver, consumer);
        QVERIFY(store.message(i).latencyNs().has_value());
    }
    // Every event of the run is indexed to a process, the engine's included.
    for (int i = 0; i < store.eventCount(); ++i)
        QVERIFY2(store.eventProcess(i) >= 0, qPrintable(store.event(i).ev()));
    // The store outlives the run's end: it kept its own copy.
    QCOMPARE(store.log().events().size(), run.log().events().size());
}

void TestRunStore::stepThroughMainScript()
{
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":60000}}],
        "main":[{"action":"start","worker":0},{"action":"terminate","worker":0},{"action":"join","worker":0}])"));
    QSignalSpy started(&run, &Run::mainActionStarted);
    QSignalSpy finishedSteps(&run, &Run::mainActionFinished);
    QSignalSpy done(&run, &Run::finished);
    QSignalSpy phases(&run, &Run::phaseChanged);
    run.step();
    QVERIFY(run.isPaused());
    QVERIFY(finishedSteps.wait(10000));
    QCOMPARE(finishedSteps.constLast().at(0).toInt(), 0);
    QCOMPARE(run.nextMainAction(), 1);
    // Paused: nothing else happens by itself — the worker keeps sleeping.
    QTRY_VERIFY_WITH_TIMEOUT(run.worker(0)->state() == WorkerProcess::State::Running, 10000);
    QVERIFY(!finishedSteps.wait(300));
    QCOMPARE(started.size(), 1);
    QVERIFY(run.worker(0)->isAlive());
    run.step(); // terminate
    QTRY_COMPARE(finishedSteps.size(), 2);
    run.step(); // join: returns once the worker ended
    QTRY_COMPARE_WITH_TIMEOUT(finishedSteps.size(), 3, 10000);
    QCOMPARE(run.worker(0)->record().exitcode, std::optional<int>(-SIGTERM));
    QVERIFY(!run.isFinished());
    run.step(); // the implicit end of the script
    QVERIFY(done.wait(10000));
    QCOMPARE(started.constLast().at(0).toInt(), 3);
    QCOMPARE(run.phase(), Run::Phase::Finished);
    QVERIFY(phases.size() >= 3);
    QCOMPARE(phases.constFirst().at(0).value<Run::Phase>(), Run::Phase::Running);
}

void TestRunStore::pauseAndGoOn()
{
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":300}},{"task":"greeting"}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0},{"action":"start","worker":1}])"));
    QSignalSpy finishedSteps(&run, &Run::mainActionFinished);
    QSignalSpy done(&run, &Run::finished);
    run.start();
    // Paused while the join waits: the join completes, then nothing more.
    QVERIFY(finishedSteps.wait(10000));
    run.setPaused(true);
    QTRY_COMPARE_WITH_TIMEOUT(finishedSteps.size(), 2, 10000);
    QVERIFY(!finishedSteps.wait(300));
    QCOMPARE(run.worker(1)->state(), WorkerProcess::State::Created);
    run.setPaused(false);
    QVERIFY(done.wait(10000));
    QCOMPARE(run.worker(1)->record().exitcode, std::optional<int>(0));
}

void TestRunStore::signalRightAfterStart()
{
    // p.start(); p.terminate(): in CPython start() returns with the child created, so the signal
    // reaches it, even before the main program has reported the child's pid here.
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":60000}}],"main":[])"));
    QSignalSpy done(&run, &Run::finished);
    run.startInteractive();
    run.startWorker(0);
    QVERIFY(!run.worker(0)->pid()); // not reported yet
    run.terminate(0);
    run.join(0);
    run.endMain();
    QVERIFY(done.wait(10000));
    QCOMPARE(run.worker(0)->record().exitcode, std::optional<int>(-SIGTERM));
}

void TestRunStore::abortRightAfterStart()
{
    // End run right after Start: the worker is killed as soon as its pid is known.
    Run run(scenarioFrom(R"("workers":[{"task":"sleep","args":{"ms":60000}}],"main":[])"));
    QSignalSpy done(&run, &Run::finished);
    run.startInteractive();
    run.startWorker(0);
    QVERIFY(!run.worker(0)->pid());
    run.abort();
    QVERIFY(done.wait(10000));
    QCOMPARE(run.worker(0)->record().exitcode, std::optional<int>(-SIGKILL));
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
