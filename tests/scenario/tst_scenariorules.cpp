// Unit tests of the per-part checks (validateWorker, validateQueue, validateAction, ...) that the
// loader and the scenario editor share: on typed data they find exactly what the loader finds
// when the same scenario is written out and read back.

#include "datapaths.h"
#include "scenario.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace concurrente;
using namespace Qt::StringLiterals;

using Mutation = std::function<void(Scenario &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

// Three workers, one queue, one pipe, a short main program: every kind of part to break.
const char *const kBase = R"({"format": "concurrente-scenario/2", "title": {"es": "Prueba", "en": "Test"},
    "queues": [{"name": "q", "capacity": 8}], "pipes": [{"name": "p"}],
    "workers": [{"id": "a", "name": "Worker 1", "task": "sleep", "args": {"ms": 10}},
                {"task": "producer", "args": {"queue": "q", "count": 2}},
                {"task": "pipe_send", "args": {"pipe": "p"}, "start_method": "spawn"}],
    "main": [{"action": "start", "worker": "a"}, {"action": "start", "worker": 1},
             {"action": "join", "worker": "a", "timeout_ms": 100}, {"action": "end_main"}]})";

Scenario baseScenario()
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(kBase, u"t.json"_s);
    if (!r.ok())
        qFatal("base scenario: %s", qPrintable(r.errorStrings().join(u'\n')));
    return r.scenario;
}

QStringList issueStrings(const QList<ScenarioIssue> &issues)
{
    QStringList out;
    for (const ScenarioIssue &i : issues)
        out.append(i.path + u": "_s + i.reason);
    return out;
}

} // namespace

class TestScenarioRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(u"concurrente.scenario.debug=false"_s); }
    void presetsHaveNoIssues();
    void sameAsLoader_data();
    void sameAsLoader();
    void partsReportTheirOwnIssues();
    void taskArgumentProblem_data();
    void taskArgumentProblem();
    void validateTaskArgumentsNormalises();
    void defaultNames_data();
    void defaultNames();
};

void TestScenarioRules::presetsHaveNoIssues()
{
    const QDir presets(dataDir() + u"/lessons/presets"_s);
    const QStringList files = presets.entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(files.size() >= 13);
    for (const QString &f : files) {
        const ScenarioLoadResult r = ScenarioLoader::loadFile(presets.filePath(f));
        QVERIFY2(r.ok(), qPrintable(f));
        QVERIFY2(validateScenario(r.scenario).isEmpty(),
                 qPrintable(f + u": "_s + issueStrings(validateScenario(r.scenario)).join(u"; "_s)));
    }
}

void TestScenarioRules::sameAsLoader_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, Mutation m, const QStringList &expected) {
        QTest::newRow(name) << m << expected;
    };
    row("unchanged", [](Scenario &) {}, {});
    row("empty title", [](Scenario &s) { s.title.en.clear(); }, {u"title.en: must not be empty"_s});
    row("half a description", [](Scenario &s) { s.description.es = u"d"_s; },
        {u"description.en: must not be empty"_s});
    row("name too long", [](Scenario &s) { s.workers[0].name = QString(65, u'n'); },
        {u"workers[0].name: is too long (65 characters, at most 64)"_s});
    row("name empty", [](Scenario &s) { s.workers[0].name.clear(); },
        {u"workers[0].name: must not be empty"_s});
    row("name with tab", [](Scenario &s) { s.workers[0].name = u"a\tb"_s; },
        {u"workers[0].name: must not contain control characters (tabs, newlines, ...)"_s});
    row("name padded", [](Scenario &s) { s.workers[0].name = u"W "_s; },
        {u"workers[0].name: must not start or end with spaces"_s});
    row("id duplicate", [](Scenario &s) { s.workers[2].id = u"a"_s; },
        {u"workers[2].id: \"a\" is already the id of workers[0]"_s});
    // (workers[2]: no action names it, so Scenario::toJson() does not refer to it by this id.)
    row("id not an identifier", [](Scenario &s) { s.workers[2].id = u"1 b"_s; },
        {u"workers[2].id: must start with a letter or _ and contain only letters, digits, _ . -"_s});
    row("task unknown",
        [](Scenario &s) {
            s.workers[0].task = u"fly"_s;
            s.workers[0].args = {};
        },
        {u"workers[0].task: unknown task \"fly\" (known: greeting, info, squares, cubes, arith, sleep, burn, "
         u"ticker, gil, spawn_child, crash, pipe_send, pipe_recv, pipe_echo, producer, consumer, square_put, object)"_s});
    row("argument over its range", [](Scenario &s) { s.workers[0].args[u"ms"_s] = 60001; },
        {u"workers[0].args.ms: must be between 0 and 60000"_s});
    row("argument of the wrong type", [](Scenario &s) { s.workers[0].args[u"announce"_s] = u"yes"_s; },
        {u"workers[0].args.announce: must be true or false"_s});
    row("argument unknown", [](Scenario &s) { s.workers[0].args[u"seconds"_s] = 2; },
        {u"workers[0].args.seconds: unknown argument for task \"sleep\" (expected one of: ms, announce, "
         u"show_pid, exit)"_s});
    row("exit code not whole", [](Scenario &s) { s.workers[0].args[u"exit"_s] = 2.5; },
        {u"workers[0].args.exit: must be an integer exit code (sys.exit(2.5) would exit with 1 and print it) "
         u"or a string"_s});
    row("queue argument missing", [](Scenario &s) { s.workers[1].args.remove(u"queue"_s); },
        {u"workers[1].args.queue: missing (task \"producer\" needs it)"_s});
    row("queue renamed under its worker", [](Scenario &s) { s.queues[0].name = u"q2"_s; },
        {u"workers[1].args.queue: no queue is named \"q\" (declare it in \"queues\")"_s});
    row("queue name duplicate",
        [](Scenario &s) {
            s.queues.append({u"q"_s, 4});
        },
        {u"queues[1].name: \"q\" is already the name of queues[0]"_s});
    row("queue name not an identifier",
        [](Scenario &s) {
            s.queues.append({u"/dev/shm/x"_s, 4});
        },
        {u"queues[1].name: must start with a letter or _ and contain only letters, digits, _ . -"_s});
    row("queue capacity zero", [](Scenario &s) { s.queues[0].capacity = 0; },
        {u"queues[0].capacity: must be between 1 and 4091"_s});
    row("too many queues",
        [](Scenario &s) {
            for (int i = 1; i <= kMaxQueues; ++i)
                s.queues.append({u"q"_s + QString::number(i), 1});
        },
        {u"queues: too many queues (17; at most 16)"_s});
    row("pipe name duplicate",
        [](Scenario &s) {
            s.pipes.append({u"p"_s, true});
        },
        {u"pipes[1].name: \"p\" is already the name of pipes[0]"_s});
    row("pipe renamed under its worker", [](Scenario &s) { s.pipes[0].name = u"r"_s; },
        {u"workers[2].args.pipe: no pipe is named \"p\" (declare it in \"pipes\")"_s});
    row("no workers",
        [](Scenario &s) {
            s.workers.clear();
            s.main.clear();
        },
        {u"workers: must list at least one worker"_s});
    row("start twice", [](Scenario &s) { s.main.insert(1, s.main.at(0)); },
        {u"main[1].worker: Worker 1 is already started (a process can be started only once)"_s});
    row("join before start", [](Scenario &s) { s.main.move(2, 0); },
        {u"main[0].worker: Worker 1 is not started yet (can only join a started process)"_s});
    row("worker index out of range", [](Scenario &s) { s.main[1].worker = 7; },
        {u"main[1].worker: worker index 7 is out of range (3 workers)"_s});
    row("join timeout over a minute", [](Scenario &s) { s.main[2].timeoutMs = 60001; },
        {u"main[2].timeout_ms: must be between 0 and 60000"_s});
    row("after end_main",
        [](Scenario &s) {
            Action sleep;
            sleep.kind = Action::SleepMs;
            sleep.ms = 5;
            s.main.append(sleep);
        },
        {u"main[4]: comes after end_main (main[3]): end_main must be the last action"_s});
    row("put value too long",
        [](Scenario &s) {
            Action put;
            put.kind = Action::Put;
            put.queue = 0;
            put.value = QString(257, u'x');
            s.main.insert(0, put);
        },
        {u"main[0].value: is too long (257 characters, at most 256)"_s});
    row("get from an undeclared queue",
        [](Scenario &s) {
            Action get;
            get.kind = Action::Get;
            get.queue = 0;
            s.main.insert(0, get);
            s.queues[0].name = u"1q"_s;
            s.workers[1].args[u"queue"_s] = u"1q"_s;
        },
        {u"queues[0].name: must start with a letter or _ and contain only letters, digits, _ . -"_s,
         u"workers[1].args.queue: no queue is named \"1q\" (declare it in \"queues\")"_s,
         u"main[0].queue: no queue is named \"1q\" (declare it in \"queues\")"_s});
    row("terminate_random lists a worker twice",
        [](Scenario &s) {
            Action t;
            t.kind = Action::TerminateRandom;
            t.workers = {0, 1, 0, 2};
            s.main.insert(3, t);
        },
        {u"main[3].workers[2]: Worker 1 is listed twice"_s,
         u"main[3].workers[3]: SpawnProcess-3 is not started yet (can only terminate a started process)"_s});
    row("call of a task the main program cannot run",
        [](Scenario &s) {
            Action c;
            c.kind = Action::Call;
            c.task = u"crash"_s;
            s.main.insert(0, c);
        },
        {u"main[0].task: the main program can only call greeting, squares, cubes, arith, sleep, burn itself, "
         u"not \"crash\""_s});
    row("call with a bad argument",
        [](Scenario &s) {
            Action c;
            c.kind = Action::Call;
            c.task = u"squares"_s;
            c.args = QJsonObject{{u"n"_s, 1001}};
            s.main.insert(0, c);
        },
        {u"main[0].args.n: must be between 0 and 1000"_s});
    row("sleep over a minute",
        [](Scenario &s) {
            Action sleep;
            sleep.kind = Action::SleepMs;
            sleep.ms = 60001;
            s.main.insert(0, sleep);
        },
        {u"main[0].ms: must be between 0 and 60000"_s});
}

void TestScenarioRules::sameAsLoader()
{
    QFETCH(Mutation, mutate);
    QFETCH(QStringList, expected);
    Scenario s = baseScenario();
    mutate(s);
    QCOMPARE(issueStrings(validateScenario(s)), expected);
    // The loader, reading the same scenario back, says exactly the same.
    const ScenarioLoadResult loaded = ScenarioLoader::loadObject(s.toJson(), u"t.json"_s);
    QCOMPARE(issueStrings(loaded.errors), expected);
    for (const ScenarioIssue &issue : loaded.errors)
        QCOMPARE(issue.file, u"t.json"_s);
}

void TestScenarioRules::partsReportTheirOwnIssues()
{
    Scenario s = baseScenario();
    s.workers[1].name = QString(65, u'x');
    s.workers[1].named = true;
    s.queues[0].capacity = 5000;
    s.main[2].timeoutMs = 70000;
    QVERIFY(validateWorker(s, 0).isEmpty());
    QCOMPARE(issueStrings(validateWorker(s, 1)),
             QStringList{u"workers[1].name: is too long (65 characters, at most 64)"_s});
    QCOMPARE(issueStrings(validateQueue(s, 0)),
             QStringList{u"queues[0].capacity: must be between 1 and 4091"_s});
    QVERIFY(validatePipe(s, 0).isEmpty());
    QVERIFY(validateAction(s, 1).isEmpty());
    QCOMPARE(issueStrings(validateAction(s, 2)),
             QStringList{u"main[2].timeout_ms: must be between 0 and 60000"_s});
    // Out of range indices are no part at all.
    QVERIFY(validateWorker(s, 3).isEmpty());
    QVERIFY(validateQueue(s, -1).isEmpty());
    QVERIFY(validateAction(s, 4).isEmpty());
    // An unnamed worker's resolved name is never checked: only what the file gives is.
    s.workers[1].named = false;
    QVERIFY(validateWorker(s, 1).isEmpty());
    for (const ScenarioIssue &issue : validateScenario(s))
        QVERIFY(issue.file.isEmpty());
}

void TestScenarioRules::taskArgumentProblem_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QJsonValue>("stored");
    auto row = [](const char *name, const char *task, const char *arg, const QJsonValue &v,
                  const QString &problem, const QJsonValue &stored = QJsonValue::Undefined) {
        QTest::newRow(name) << QString::fromLatin1(task) << QString::fromLatin1(arg) << v << problem
                            << (stored.isUndefined() && problem.isEmpty() ? v : stored);
    };
    row("integer at its top", "sleep", "ms", 60000, {});
    row("integer over", "sleep", "ms", 60001, u"must be between 0 and 60000"_s);
    row("integer with a fraction", "squares", "n", 2.5, u"must be an integer"_s);
    row("number", "arith", "a", -2.5, {});
    row("number over", "arith", "b", 1e6 + 1, u"must be between -1000000 and 1000000"_s);
    row("choice", "arith", "op", u"muldiv"_s, {});
    row("choice unknown", "crash", "how", u"pow"_s, u"must be one of: abort, segfault"_s);
    row("boolean as 1", "sleep", "announce", 1, {}, true);
    row("boolean as 2", "sleep", "announce", 2, u"must be true or false"_s);
    row("string", "greeting", "who", u"Ana"_s, {});
    row("string too long", "greeting", "who", QString(257, u'x'),
        u"is too long (257 characters, at most 256)"_s);
    row("exit code", "greeting", "exit", 3, {});
    row("exit message", "greeting", "exit", u"3"_s, {});
    row("exit past a C int", "greeting", "exit", 2147483648.0,
        u"must be between -2147483648 and 2147483647"_s);
    row("queue declared", "consumer", "queue", u"q"_s, {});
    row("queue undeclared", "consumer", "queue", u"r"_s,
        u"no queue is named \"r\" (declare it in \"queues\")"_s);
    row("pipe declared", "pipe_recv", "pipe", u"p"_s, {});
    row("pipe as a number", "pipe_recv", "pipe", 1, u"must be the name of a pipe (a string), not a number"_s);
}

void TestScenarioRules::taskArgumentProblem()
{
    QFETCH(QString, task);
    QFETCH(QString, arg);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    QFETCH(QJsonValue, stored);
    const TaskSpec *spec = findTask(task);
    QVERIFY(spec);
    QVERIFY(spec->arg(arg));
    QJsonValue normalized;
    QCOMPARE(concurrente::taskArgumentProblem(baseScenario(), *spec->arg(arg), value, &normalized), problem);
    if (problem.isEmpty())
        QCOMPARE(normalized, stored);
}

void TestScenarioRules::validateTaskArgumentsNormalises()
{
    const Scenario s = baseScenario();
    QJsonObject valid;
    const QList<ScenarioIssue> issues =
        validateTaskArguments(s, *findTask(u"sleep"_s),
                              QJsonObject{{u"ms"_s, 5}, {u"announce"_s, 0}, {u"show_pid"_s, 3}, {u"x"_s, 1}},
                              u"main[0].args"_s, &valid);
    QCOMPARE(
        issueStrings(issues),
        (QStringList{u"main[0].args.x: unknown argument for task \"sleep\" (expected one of: ms, announce, "
                     u"show_pid, exit)"_s,
                     u"main[0].args.show_pid: must be true or false"_s}));
    QCOMPARE(valid, (QJsonObject{{u"ms"_s, 5}, {u"announce"_s, false}}));
    QCOMPARE(issueStrings(validateTaskArguments(s, *findTask(u"greeting"_s), QJsonArray{1}, u"a"_s)),
             QStringList{u"a: must be an object, not an array"_s});
}

void TestScenarioRules::defaultNames_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("own");
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<QString>("name");
    QTest::newRow("first") << 0 << false << StartMethod::Spawn << u"Process-1"_s;
    QTest::newRow("run's method is not the class") << 2 << false << StartMethod::Fork << u"Process-3"_s;
    QTest::newRow("spawn") << 2 << true << StartMethod::Spawn << u"SpawnProcess-3"_s;
    QTest::newRow("fork") << 9 << true << StartMethod::Fork << u"ForkProcess-10"_s;
    QTest::newRow("forkserver") << 0 << true << StartMethod::Forkserver << u"ForkServerProcess-1"_s;
}

void TestScenarioRules::defaultNames()
{
    QFETCH(int, index);
    QFETCH(bool, own);
    QFETCH(StartMethod, method);
    QFETCH(QString, name);
    QCOMPARE(WorkerSpec::defaultName(index, own, method), name);
    // The loader names unnamed workers the same way.
    QCOMPARE(baseScenario().workers.at(2).name, u"SpawnProcess-3"_s);
}

QTEST_GUILESS_MAIN(TestScenarioRules)
#include "tst_scenariorules.moc"
