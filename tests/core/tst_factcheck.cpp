// Unit tests of the fact checks (src/core/factcheck.h): facts from a run log, facts from what
// an oracle script prints, and their comparison. No processes.
#include "factcheck.h"
#include "runlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

ProcessRecord record(const QString &name, const QString &kind, qint64 pid, qint64 ppid,
                     std::optional<qint64> parent, std::optional<int> exitcode)
{
    ProcessRecord r;
    r.name = name;
    r.kind = kind;
    r.pid = pid;
    r.ppid = ppid;
    r.parentPid = parent;
    r.exitcode = exitcode;
    return r;
}

/// A run of a daemon joined with a timeout, a worker whose grandchild is orphaned, a queue
/// and a random termination: pids and times are arbitrary, only relations matter.
RunLog sampleLog()
{
    RunLog log;
    log.scenario = QJsonDocument::fromJson(R"({
        "workers": [{"id": "d", "name": "Worker 1"}, {"id": "w", "name": "Worker 2"}, {"name": "Process-3"}],
        "main": [{"action": "start", "worker": "d"}, {"action": "start", "worker": "w"},
                 {"action": "join", "worker": "d", "timeout_ms": 1000}, {"action": "join", "worker": 1},
                 {"action": "join", "worker": 1, "timeout_ms": 50}, {"action": "end_main"}]})")
                       .object();
    log.processes = {record(u"MainProcess"_s, u"main"_s, 10, 9, std::nullopt, 0),
                     record(u"ForkServer"_s, u"forkserver"_s, 20, 10, 10, 0),
                     record(u"Worker 1"_s, u"worker"_s, 11, 10, 10, -15),
                     record(u"Worker 2"_s, u"worker"_s, 12, 10, 10, 0),
                     record(u"Process-3"_s, u"worker"_s, 14, 20, 10, 0),
                     record(u"Process-2:1"_s, u"child"_s, 13, 1, 12, 0)};
    auto add = [&log](qint64 t, std::optional<qint64> pid, const QString &ev, const QJsonObject &f = {}) {
        log.addEvent(Event::make(t, pid, ev, f));
    };
    add(100, 11, u"start"_s, {{u"name"_s, u"Worker 1"_s}, {u"ppid"_s, 10}});
    add(110, 12, u"start"_s, {{u"name"_s, u"Worker 2"_s}, {u"ppid"_s, 10}});
    add(115, 14, u"start"_s, {{u"name"_s, u"Process-3"_s}, {u"ppid"_s, 20}});
    add(120, 13, u"start"_s, {{u"name"_s, u"Process-2:1"_s}, {u"ppid"_s, 12}});
    add(130, 12, u"put"_s, {{u"queue"_s, u"q"_s}, {u"seq"_s, 0}, {u"value"_s, 1}, {u"producer"_s, 12}});
    add(131, 12, u"put"_s, {{u"queue"_s, u"q"_s}, {u"seq"_s, 1}, {u"value"_s, 2}, {u"producer"_s, 12}});
    add(140, 14, u"get"_s, {{u"queue"_s, u"q"_s}, {u"seq"_s, 0}, {u"value"_s, 1}, {u"producer"_s, 12}});
    add(141, 14, u"get"_s, {{u"queue"_s, u"q"_s}, {u"seq"_s, 1}, {u"value"_s, 2}, {u"producer"_s, 12}});
    add(150, 11, u"join_timeout"_s,
        {{u"name"_s, u"Worker 1"_s}, {u"timeout_ms"_s, 1000}, {u"is_alive"_s, true}});
    add(160, 10, u"is_alive"_s,
        {{u"name"_s, u"Worker 1"_s}, {u"alive"_s, true}, {u"exitcode"_s, QJsonValue()}});
    add(200, 12, u"join"_s, {{u"name"_s, u"Worker 2"_s}});
    add(210, 12, u"join"_s, {{u"name"_s, u"Worker 2"_s}});
    add(220, 13, u"reparented"_s, {{u"ppid"_s, 1}, {u"old_ppid"_s, 12}});
    add(230, std::nullopt, u"end_main"_s);
    add(240, 11, u"terminate_random"_s,
        {{u"name"_s, u"Worker 1"_s}, {u"candidates"_s, QJsonArray{u"Worker 1"_s, u"Process-3"_s}}});
    add(250, 11, u"join"_s, {{u"name"_s, u"Worker 1"_s}, {u"implicit"_s, true}});
    return log;
}

/// What CPython prints for the same program, one line per process as the oracle scripts do.
const QByteArray kOracle = R"(
{"processes": [{"name": "Worker 1", "ppid_is_main": true, "parent_is_main": true, "parent": "MainProcess"}]}
{"processes": [{"name": "Worker 2", "ppid_is_main": true, "parent_is_main": true, "parent": "MainProcess"}], "messages": {"q": {"puts": 2}}}
{"processes": [{"name": "Process-3", "ppid_is_main": false, "parent_is_main": true, "parent": "MainProcess"}], "messages": {"q": {"gets": 2, "per_producer_order": true}}}
{"processes": [{"name": "Process-2:1", "kind": "child", "ppid_is_main": false, "parent_is_main": false, "parent": "Worker 2"}]}
{"processes": [{"name": "Process-2:1", "reparented": true, "exitcode": 0}]}
{"joins": [{"name": "Worker 1", "timed_out": true, "alive": true, "exitcode": null}], "checks": [{"name": "Worker 1", "alive": true, "exitcode": null}]}
{"joins": [{"name": "Worker 2", "timed_out": false, "alive": false, "exitcode": 0}]}
{"random_terminations": [{"candidates": ["Process-3", "Worker 1"], "victim": "Process-3"}]}
{"processes": [{"name": "Worker 1", "exitcode": 0}, {"name": "Worker 2", "exitcode": 0}, {"name": "Process-3", "exitcode": -15}]}
)";

} // namespace

class TestFactCheck : public QObject
{
    Q_OBJECT

private slots:
    void fromRunLog();
    void fromOracleOutput();
    void badOracleOutput_data();
    void badOracleOutput();
    void sameFactsMatch();
    void differencesAreNamed_data();
    void differencesAreNamed();
    void randomVictimIsChance();
    void aliveRightAfterTerminateIsARace();
    void jsonRoundTrip();
};

void TestFactCheck::fromRunLog()
{
    const RunFacts f = RunFacts::fromRunLog(sampleLog());
    QStringList names;
    for (const ProcessFacts &p : f.processes)
        names.append(p.name);
    // The main program and the fork server are not compared.
    QCOMPARE(names, (QStringList{u"Worker 1"_s, u"Worker 2"_s, u"Process-3"_s, u"Process-2:1"_s}));
    const ProcessFacts *w1 = f.process(u"Worker 1"_s);
    QCOMPARE(w1->exitcode, std::optional<int>(-15));
    QCOMPARE(w1->ppidIsMain, std::optional<bool>(true));
    QCOMPARE(w1->parentIsMain, std::optional<bool>(true));
    QCOMPARE(w1->parent, std::optional<QString>(u"MainProcess"_s));
    QVERIFY(!w1->reparented);
    // Under forkserver: the server is the OS parent, the main program the multiprocessing one.
    const ProcessFacts *p3 = f.process(u"Process-3"_s);
    QCOMPARE(p3->ppidIsMain, std::optional<bool>(false));
    QCOMPARE(p3->parentIsMain, std::optional<bool>(true));
    // The orphan: first its parent's, then adopted.
    const ProcessFacts *g = f.process(u"Process-2:1"_s);
    QCOMPARE(g->kind, u"child"_s);
    QCOMPARE(g->ppidIsMain, std::optional<bool>(false));
    QCOMPARE(g->parentIsMain, std::optional<bool>(false));
    QCOMPARE(g->parent, std::optional<QString>(u"Worker 2"_s));
    QVERIFY(g->reparented);

    // Only the joins with a timeout, in order; the untimed join of Worker 2 is skipped and the
    // implicit join of end_main is not one of the scenario's.
    QCOMPARE(f.joins.size(), 2);
    QCOMPARE(f.joins[0].name, u"Worker 1"_s);
    QVERIFY(f.joins[0].timedOut);
    QVERIFY(f.joins[0].alive);
    QCOMPARE(f.joins[0].exitcode, std::nullopt);
    QCOMPARE(f.joins[1].name, u"Worker 2"_s);
    QVERIFY(!f.joins[1].timedOut);
    QVERIFY(!f.joins[1].alive);
    QCOMPARE(f.joins[1].exitcode, std::optional<int>(0));

    QCOMPARE(f.aliveChecks.size(), 1);
    QVERIFY(f.aliveChecks[0].alive);
    QCOMPARE(f.aliveChecks[0].exitcode, std::nullopt);
    QCOMPARE(f.queues.size(), 1);
    QCOMPARE(f.queues[u"q"_s].puts, 2);
    QCOMPARE(f.queues[u"q"_s].gets, 2);
    QVERIFY(f.queues[u"q"_s].perProducerOrder);
    QCOMPARE(f.randomTerminations.size(), 1);
    QCOMPARE(f.randomTerminations[0].victim, u"Worker 1"_s);
}

void TestFactCheck::fromOracleOutput()
{
    QString error;
    const auto f = RunFacts::fromOracleOutput(kOracle, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(f->processes.size(), 4);
    // A later line adds fields without dropping those an earlier line gave.
    const ProcessFacts *g = f->process(u"Process-2:1"_s);
    QCOMPARE(g->kind, u"child"_s);
    QCOMPARE(g->parent, std::optional<QString>(u"Worker 2"_s));
    QVERIFY(g->reparented);
    QCOMPARE(g->exitcode, std::optional<int>(0));
    QCOMPARE(f->process(u"Worker 1"_s)->ppidIsMain, std::optional<bool>(true));
    QCOMPARE(f->process(u"Worker 1"_s)->exitcode, std::optional<int>(0));
    // Queue counts from several lines add up.
    QCOMPARE(f->queues[u"q"_s].puts, 2);
    QCOMPARE(f->queues[u"q"_s].gets, 2);
    QCOMPARE(f->joins.size(), 2);
    QCOMPARE(f->aliveChecks.size(), 1);
}

void TestFactCheck::badOracleOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{\"processes\": []}\nTraceback (most recent call last):\n")
                              << u"line 2: not a JSON object: Traceback (most recent call last):"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"proceses": []})")
                                   << u"line 1: unknown field \"proceses\""_s;
    QTest::newRow("no name") << QByteArray(R"({"processes": [{"exitcode": 0}]})")
                             << u"line 1: processes[0]: a process needs a name"_s;
    QTest::newRow("bad exit code") << QByteArray(R"({"processes": [{"name": "a", "exitcode": "0"}]})")
                                   << u"line 1: processes[0].exitcode: must be an integer or null"_s;
}

void TestFactCheck::badOracleOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!RunFacts::fromOracleOutput(output, &error));
    QCOMPARE(error, message);
}

void TestFactCheck::sameFactsMatch()
{
    // The oracle's random victim (Process-3) is not the run's (Worker 1); the exit codes
    // follow the victim, so the facts still match.
    const RunFacts run = RunFacts::fromRunLog(sampleLog());
    const auto oracle = RunFacts::fromOracleOutput(kOracle);
    QVERIFY(oracle);
    const QStringList d = compareFacts(*oracle, run);
    QVERIFY2(d.isEmpty(), qPrintable(d.join(u'\n')));
    QVERIFY(compareFacts(run, run).isEmpty());
}

void TestFactCheck::differencesAreNamed_data()
{
    QTest::addColumn<QByteArray>("change"); // a line appended to the oracle's output
    QTest::addColumn<QStringList>("differences");
    QTest::newRow("exit code") << QByteArray(R"({"processes": [{"name": "Worker 2", "exitcode": -15}]})")
                               << QStringList{u"Worker 2: exit code: expected -15, got 0"_s};
    QTest::newRow("name") << QByteArray(R"({"processes": [{"name": "Process-4", "exitcode": 0}]})")
                          << QStringList{u"process Process-4: expected, but the run has none of that name"_s};
    QTest::newRow("ppid relation")
        << QByteArray(R"({"processes": [{"name": "Process-3", "ppid_is_main": true}]})")
        << QStringList{u"Process-3: os.getppid() is the main program: expected true, got false"_s};
    QTest::newRow("not re-parented")
        << QByteArray(R"({"processes": [{"name": "Process-2:1", "reparented": false}]})")
        << QStringList{u"Process-2:1: re-parented (its os.getppid() changed): expected false, got true"_s};
    QTest::newRow("join")
        << QByteArray(
               R"({"joins": [{"name": "Worker 2", "timed_out": false, "alive": false, "exitcode": 0}]})")
        << QStringList{u"timed joins: expected 3, got 2"_s};
    QTest::newRow("is_alive") << QByteArray(
                                     R"({"checks": [{"name": "Worker 2", "alive": false, "exitcode": 0}]})")
                              << QStringList{u"is_alive() checks: expected 2, got 1"_s};
    QTest::newRow("message count") << QByteArray(R"({"messages": {"q": {"puts": 1, "gets": 1}}})")
                                   << QStringList{u"queue q: messages put: expected 3, got 2"_s,
                                                  u"queue q: messages got: expected 3, got 2"_s};
    QTest::newRow("order")
        << QByteArray(R"({"messages": {"q": {"per_producer_order": false}}})")
        << QStringList{u"queue q: each producer's messages got in order: expected false, got true"_s};
    QTest::newRow("other queue") << QByteArray(R"({"messages": {"r": {"puts": 1}}})")
                                 << QStringList{u"queue r: expected messages, but the run has none"_s};
}

void TestFactCheck::differencesAreNamed()
{
    QFETCH(QByteArray, change);
    QFETCH(QStringList, differences);
    const RunFacts run = RunFacts::fromRunLog(sampleLog());
    const auto oracle = RunFacts::fromOracleOutput(kOracle + change + '\n');
    QVERIFY(oracle);
    QCOMPARE(compareFacts(*oracle, run), differences);
}

void TestFactCheck::randomVictimIsChance()
{
    RunFacts run = RunFacts::fromRunLog(sampleLog());
    auto oracle = RunFacts::fromOracleOutput(kOracle);
    QVERIFY(oracle);
    // The run's victim (Worker 1) ended −15 but the others' codes are not [0]: Process-3 −15 too.
    run.process(u"Process-3"_s)->exitcode = -15;
    QCOMPARE(compareFacts(*oracle, run),
             (QStringList{u"random termination 1: the others' exit codes: expected [0], got [-15]"_s}));
    // A victim that was not terminated.
    run.process(u"Process-3"_s)->exitcode = 0;
    run.process(u"Worker 1"_s)->exitcode = 0;
    QCOMPARE(compareFacts(*oracle, run),
             (QStringList{u"random termination 1: the chosen one's exit code: expected -15, got 0"_s}));
    // A process missing on one side and an extra one on the other.
    run.processes.removeIf([](const ProcessFacts &p) { return p.name == u"Worker 2"_s; });
    ProcessFacts extra = *run.process(u"Worker 1"_s);
    extra.name = u"Extra"_s;
    run.processes.append(extra);
    const QStringList d = compareFacts(*oracle, run);
    QVERIFY2(d.contains(u"process Worker 2: expected, but the run has none of that name"_s),
             qPrintable(d.join(u'\n')));
    QVERIFY2(d.contains(u"process Extra: not expected, but the run has one"_s), qPrintable(d.join(u'\n')));
}

void TestFactCheck::aliveRightAfterTerminateIsARace()
{
    // Page 6: terminate(), then print(p.is_alive(), p.exitcode) at once, then join() and print
    // again. Whether the child has handled SIGTERM by the first print is a race, in CPython as
    // in the lab; after the join it is not.
    RunLog log;
    log.processes = {record(u"MainProcess"_s, u"main"_s, 10, 9, std::nullopt, 0),
                     record(u"Process-1"_s, u"worker"_s, 11, 10, 10, -15)};
    auto add = [&log](qint64 t, std::optional<qint64> pid, const QString &ev, const QJsonObject &f = {}) {
        log.addEvent(Event::make(t, pid, ev, f));
    };
    add(100, 11, u"start"_s, {{u"name"_s, u"Process-1"_s}, {u"ppid"_s, 10}});
    add(110, 11, u"terminate"_s, {{u"name"_s, u"Process-1"_s}});
    add(111, 11, u"is_alive"_s, {{u"name"_s, u"Process-1"_s}, {u"alive"_s, false}, {u"exitcode"_s, -15}});
    add(112, 11, u"join_begin"_s, {{u"name"_s, u"Process-1"_s}});
    add(113, 11, u"join"_s, {{u"name"_s, u"Process-1"_s}});
    add(114, 11, u"is_alive"_s, {{u"name"_s, u"Process-1"_s}, {u"alive"_s, false}, {u"exitcode"_s, -15}});
    RunFacts run = RunFacts::fromRunLog(log);
    QCOMPARE(run.aliveChecks.size(), 2);
    QVERIFY(run.aliveChecks[0].afterTerminate);
    QVERIFY(!run.aliveChecks[1].afterTerminate); // joined since
    QVERIFY(RunFacts::fromJson(run.toJson())->aliveChecks[0].afterTerminate);

    const QByteArray python = R"(
{"processes": [{"name": "Process-1", "ppid_is_main": true, "parent_is_main": true, "parent": "MainProcess"}]}
{"checks": [{"name": "Process-1", "alive": true, "exitcode": null}]}
{"checks": [{"name": "Process-1", "alive": false, "exitcode": -15}]}
{"processes": [{"name": "Process-1", "exitcode": -15}]}
)";
    const auto oracle = RunFacts::fromOracleOutput(python);
    QVERIFY(oracle);
    // The lab's child was quicker than CPython's: both are what CPython prints.
    QCOMPARE(compareFacts(*oracle, run), QStringList{});
    // Not right after terminate(): the same difference is one.
    run.aliveChecks[0].afterTerminate = false;
    QCOMPARE(compareFacts(*oracle, run).size(), 2);
    // Right after terminate() but ended some other way: a difference.
    run.aliveChecks[0].afterTerminate = true;
    run.aliveChecks[0].exitcode = 0;
    QCOMPARE(compareFacts(*oracle, run),
             (QStringList{u"is_alive() check 1 (Process-1): is_alive(): expected true, got false"_s,
                          u"is_alive() check 1 (Process-1): exitcode: expected none, got 0"_s}));
}

void TestFactCheck::jsonRoundTrip()
{
    const RunFacts run = RunFacts::fromRunLog(sampleLog());
    QString error;
    const auto back = RunFacts::fromJson(run.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(compareFacts(run, *back).isEmpty());
    QCOMPARE(back->toJson(), run.toJson());
}

QTEST_GUILESS_MAIN(TestFactCheck)
#include "tst_factcheck.moc"
