// Unit tests of the scenario loader: one data row per rule, with the exact message a user sees.

#include "datapaths.h"
#include "scenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

// A valid scenario with the given workers / main / extra top-level members spliced in, so each
// row shows only what it is about.
QByteArray scenarioJson(const char *workers, const char *mainActions, const char *extra = "")
{
    return QByteArray(R"({"format": "concurrente-scenario/1", "title": {"es": "Prueba", "en": "Test"}, )") +
           extra + R"("workers": )" + workers + R"(, "main": )" + mainActions + "}";
}

const char *const kOneWorker = R"([{"id": "w", "task": "sleep", "args": {"ms": 10}}])";
const char *const kStartW = R"([{"action": "start", "worker": "w"}])";

struct Page
{
    const char *nn;
    const char *slug;
};
const Page kPages[] = {{"01", "motivation"},      {"02", "creating-processes"},
                       {"03", "pid-ppid"},        {"04", "exercise-1"},
                       {"05", "cpu-count-names"}, {"06", "join-terminate"},
                       {"07", "exercise-2"},      {"08", "gil"},
                       {"09", "daemons"},         {"10", "orphans"},
                       {"11", "queues-pipes"},    {"12", "exercise-3"},
                       {"13", "free-lab"}};

QString presetPath(const Page &p)
{
    return dataDir() + u"/lessons/presets/"_s + QLatin1StringView(p.nn) + u'-' + QLatin1StringView(p.slug) +
           u".json"_s;
}

} // namespace

class TestScenario : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(u"concurrente.scenario.debug=false"_s); }
    void startMethods();
    void validation_data();
    void validation();
    void collectsEveryError();
    void manyProblemsAreSummed();
    void syntaxErrorHasLineAndColumn();
    void tooLargeFile();
    void tooLargeData();
    void missingFile();
    void endlessDevice();
    void deepNesting();
    void processNames();
    void processNamesMatchPython();
    void namesInBothLanguages();
    void resolvesReferences();
    void taskArguments();
    void actionText();
    void toJsonRoundTrip();
    void presets_data();
    void presets();
    void noStrayPresets();
    void catalogMatchesProtocolDoc();
    void catalogMatchesHelpers();
};

void TestScenario::validation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("errors");
    const QString f = u"t.json: "_s;
    auto row = [&](const char *name, const QByteArray &json, const QStringList &errs) {
        QStringList full;
        for (const QString &e : errs)
            full.append(f + e);
        QTest::newRow(name) << json << full;
    };

    // Good files.
    row("minimal", scenarioJson(kOneWorker, kStartW), {});
    row("every action",
        scenarioJson(
            R"([{"id": "a", "task": "sleep"}, {"id": "b", "task": "consumer", "args": {"queue": "q"}},
            {"task": "greeting", "name": "G", "daemon": true, "launcher": "fork"}])",
            R"([{"action": "start", "worker": "a"}, {"action": "start", "worker": 1}, {"action": "start", "worker": 2},
            {"action": "stop", "worker": "a"}, {"action": "continue", "worker": "a"},
            {"action": "put", "queue": "q", "value": 3}, {"action": "put", "queue": "q", "value": "hola"},
            {"action": "join", "worker": "a", "timeout_ms": 0}, {"action": "sleep_ms", "ms": 60000},
            {"action": "terminate_random", "workers": ["a", 1]}, {"action": "kill", "worker": 2},
            {"action": "terminate", "worker": "b"}, {"action": "join", "worker": "b"}, {"action": "end_main"}])",
            R"("queues": [{"name": "q", "capacity": 4091}], "subreaper": true, "description": {"es": "d", "en": "d"}, )"),
        {});
    row("every task with every argument",
        scenarioJson(R"([
            {"task": "greeting", "args": {"who": "Ana"}}, {"task": "info", "args": {"title": "Función f"}},
            {"task": "squares", "args": {"n": 0, "delay_ms": 0}}, {"task": "cubes", "args": {"n": 1000, "delay_ms": 60000}},
            {"task": "arith", "args": {"op": "muldiv", "a": -2.5, "b": 1e6, "c": 0, "delay_ms": 1}}, {"task": "arith"},
            {"task": "info", "args": {"title": "t", "who": ""}}, {"task": "sleep", "args": {"show_pid": true}},
            {"task": "pipe_send", "args": {"pipe": "p", "count": 100000, "from": -5, "delay_ms": 0}},
            {"task": "pipe_recv", "args": {"pipe": "p", "count": 0}},
            {"task": "sleep", "args": {"ms": 0, "announce": 0}}, {"task": "sleep", "args": {"announce": false}},
            {"task": "burn", "args": {"ms": 1}}, {"task": "gil", "args": {"threads": 64, "work": 1, "switch_us": 1}},
            {"task": "spawn_child", "args": {"child_ms": 1, "ms": 2}}, {"task": "crash", "args": {"how": "segfault"}},
            {"task": "square_put", "args": {"queue": "q", "num": -3, "timeout_ms": 1}},
            {"task": "producer", "args": {"queue": "q", "count": 0, "from": 7, "delay_ms": 5, "sentinels": 2, "timeout_ms": 60000}},
            {"task": "consumer", "args": {"queue": "q", "count": 0, "delay_ms": 1, "timeout_ms": 0}},
            {"task": "object", "args": {"queue": "q", "role": "put", "x": 3, "timeout_ms": 10}}])",
                     "[]", R"("queues": [{"name": "q"}], "pipes": [{"name": "p"}], )"),
        {});
    row("256 workers",
        scenarioJson(("[" + QByteArray(R"({"task": "greeting"},)").repeated(255) + R"({"task": "greeting"}])")
                         .constData(),
                     "[]"),
        {});
    row("file member is accepted", scenarioJson(kOneWorker, kStartW, R"("file": "/tmp/x.json", )"), {});

    // Top level.
    row("format missing", R"({"title": {"es": "a", "en": "b"}, "workers": [{"task": "info"}], "main": []})",
        {u"format: missing (a string is required)"_s});
    row("call",
        R"({"format": "concurrente-scenario/2", "title": {"es": "a", "en": "b"}, "workers": [{"task": "info"}],
        "main": [{"action": "call", "task": "squares", "args": {"n": 3}}, {"action": "call", "task": "crash"},
        {"action": "call", "task": "cubes", "args": {"n": -1}}]})",
        {u"main[1].task: the main program can only call greeting, squares, cubes, arith, sleep, burn itself, not \"crash\""_s,
         u"main[2].args.n: must be between 0 and 1000"_s});
    row("get and is_alive",
        R"({"format": "concurrente-scenario/2", "title": {"es": "a", "en": "b"}, "queues": [{"name": "q"}],
        "workers": [{"task": "info"}], "main": [{"action": "start", "worker": 0}, {"action": "put", "queue": "q", "value": null},
        {"action": "get", "queue": "q", "timeout_ms": 100}, {"action": "get", "queue": "nope"}, {"action": "is_alive", "worker": 0},
        {"action": "get", "queue": "q", "timeout_ms": -1}]})",
        {u"main[3].queue: no queue is named \"nope\" (declare it in \"queues\")"_s,
         u"main[5].timeout_ms: must be between 0 and 60000"_s});
    row("format wrong",
        R"({"format": "concurrente-scenario/3", "title": {"es": "a", "en": "b"}, "workers": [{"task": "info"}], "main": []})",
        {u"format: unsupported format \"concurrente-scenario/3\" (expected \"concurrente-scenario/2\")"_s});
    row("title en missing",
        R"({"format": "concurrente-scenario/1", "title": {"es": "a"}, "workers": [{"task": "info"}], "main": []})",
        {u"title.en: missing (a string is required)"_s});
    row("title not object",
        R"({"format": "concurrente-scenario/1", "title": "x", "workers": [{"task": "info"}], "main": []})",
        {u"title: must be an object with \"es\" and \"en\" texts, not a string"_s});
    row("title missing", R"({"format": "concurrente-scenario/1", "workers": [{"task": "info"}], "main": []})",
        {u"title: missing (an object with \"es\" and \"en\" texts is required)"_s});
    row("title unknown language",
        scenarioJson(kOneWorker, kStartW, R"("description": {"es": "a", "en": "b", "fr": "c"}, )"),
        {u"description.fr: unknown field (expected one of: es, en)"_s});
    row("unknown top-level field", scenarioJson(kOneWorker, kStartW, R"("worker": [], )"),
        {u"worker: unknown field (expected one of: format, file, title, description, subreaper, time_limit_s, queues, pipes, workers, main)"_s});
    row("time limit zero", scenarioJson(kOneWorker, kStartW, R"("time_limit_s": 0, )"),
        {u"time_limit_s: must be between 1 and 86400"_s});
    row("time limit past a day", scenarioJson(kOneWorker, kStartW, R"("time_limit_s": 86401, )"),
        {u"time_limit_s: must be between 1 and 86400"_s});
    row("time limit not a number", scenarioJson(kOneWorker, kStartW, R"("time_limit_s": "1h", )"),
        {u"time_limit_s: must be an integer, not a string"_s});
    row("subreaper not bool", scenarioJson(kOneWorker, kStartW, R"("subreaper": 1, )"),
        {u"subreaper: must be true or false, not a number"_s});
    row("workers missing",
        R"({"format": "concurrente-scenario/1", "title": {"es": "a", "en": "b"}, "main": []})",
        {u"workers: missing (an array of workers is required)"_s});
    row("workers empty", scenarioJson("[]", "[]"), {u"workers: must list at least one worker"_s});
    row("main not array", scenarioJson(kOneWorker, "{}"), {u"main: must be an array, not an object"_s});
    row("257 workers",
        scenarioJson(("[" + QByteArray(R"({"task": "greeting"},)").repeated(256) + R"({"task": "greeting"}])")
                         .constData(),
                     "[]"),
        {u"workers: too many workers (257; at most 256 per run)"_s});

    // Workers.
    row("worker not object", scenarioJson("[3]", "[]"), {u"workers[0]: must be an object, not a number"_s});
    row("task missing", scenarioJson(R"([{"args": {}}])", "[]"),
        {u"workers[0].task: missing (a string is required)"_s});
    row("task unknown", scenarioJson(R"([{"task": "fly"}])", "[]"),
        {u"workers[0].task: unknown task \"fly\" (known: greeting, info, squares, cubes, arith, sleep, burn, ticker, gil, spawn_child, crash, pipe_send, pipe_recv, pipe_echo, producer, consumer, square_put, object)"_s});
    row("unknown worker field", scenarioJson(R"([{"task": "info", "deamon": true}])", "[]"),
        {u"workers[0].deamon: unknown field (expected one of: id, name, task, args, daemon, launcher)"_s});
    // A repeated key: the JSON reader would keep the last one and run "crash".
    row("duplicate key", scenarioJson(R"([{"id": "w", "task": "greeting", "task": "crash"}])", kStartW),
        {u"workers[0].task: the key appears more than once in its object (each key may appear once)"_s});
    row("duplicate key escaped",
        scenarioJson(R"([{"id": "w", "task": "greeting", "args": {"who": "a", "\u0077ho": "b"}}])", kStartW),
        {u"workers[0].args.who: the key appears more than once in its object (each key may appear once)"_s});
    row("same key in two objects",
        scenarioJson(R"([{"id": "a", "task": "info"}, {"id": "b", "task": "info"}])",
                     R"([{"action": "start", "worker": "a"}])"),
        {});
    row("long unknown key",
        scenarioJson(("[{\"task\": \"info\", \"" + QByteArray(900'000, 'k') + "\": 1}]").constData(), "[]"),
        {u"workers[0].kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\u2026 (900000 characters): unknown "
         u"field "
         "(expected one of: id, name, task, args, daemon, launcher)"_s});
    row("args not object", scenarioJson(R"([{"task": "info", "args": [1]}])", "[]"),
        {u"workers[0].args: must be an object, not an array"_s});
    row("arg unknown", scenarioJson(R"([{"task": "sleep", "args": {"seconds": 2}}])", "[]"),
        {u"workers[0].args.seconds: unknown argument for task \"sleep\" (expected one of: ms, announce, show_pid, exit)"_s});
    row("arg not a number (the documented example)",
        scenarioJson(
            R"([{"task": "info"}, {"task": "info"}, {"task": "arith", "args": {"op": "sum3", "a": 1, "b": 2, "c": "3"}}])",
            "[]"),
        {u"workers[2].args.c: must be a number"_s});
    row("arg required",
        scenarioJson(R"([{"task": "pipe_recv", "args": {"count": 2}}])", "[]",
                     R"("pipes": [{"name": "p"}], )"),
        {u"workers[0].args.pipe: missing (task \"pipe_recv\" needs it)"_s});
    row("pipe unknown",
        scenarioJson(R"([{"task": "pipe_send", "args": {"pipe": "x"}}])", "[]",
                     R"("pipes": [{"name": "p"}], )"),
        {u"workers[0].args.pipe: no pipe is named \"x\" (declare it in \"pipes\")"_s});
    row("pipe duplicate", scenarioJson(kOneWorker, kStartW, R"("pipes": [{"name": "p"}, {"name": "p"}], )"),
        {u"pipes[1].name: \"p\" is already the name of pipes[0]"_s});
    row("pipe fd is the engine's",
        scenarioJson(R"([{"task": "pipe_send", "args": {"pipe": "p", "fd": 3}}])", "[]",
                     R"("pipes": [{"name": "p"}], )"),
        {u"workers[0].args.fd: unknown argument for task \"pipe_send\" (expected one of: pipe, count, from, floats, delay_ms, words, end_none, exit)"_s});
    row("number too big",
        scenarioJson(R"([{"task": "arith", "args": {"op": "sum3", "a": 1000001, "b": 2, "c": 3}}])", "[]"),
        {u"workers[0].args.a: must be between -1000000 and 1000000"_s});
    row("choice unknown",
        scenarioJson(R"([{"task": "arith", "args": {"op": "pow", "a": 1, "b": 2, "c": 3}}])", "[]"),
        {u"workers[0].args.op: must be one of: mul3, sum3, sumdiv, muladd, muldiv"_s});
    row("delay over 60 s", scenarioJson(R"([{"task": "sleep", "args": {"ms": 60001}}])", "[]"),
        {u"workers[0].args.ms: must be between 0 and 60000"_s});
    // Far outside any integer type: refused, and never converted to one (undefined behaviour,
    // which the sanitizer build stops at).
    row("integer argument past int64", scenarioJson(R"([{"task": "sleep", "args": {"ms": 1e300}}])", "[]"),
        {u"workers[0].args.ms: must be an integer"_s});
    row("negative delay", scenarioJson(R"([{"task": "squares", "args": {"delay_ms": -1}}])", "[]"),
        {u"workers[0].args.delay_ms: must be between 0 and 60000"_s});
    row("integer with fraction", scenarioJson(R"([{"task": "squares", "args": {"n": 2.5}}])", "[]"),
        {u"workers[0].args.n: must be an integer"_s});
    row("integer as string", scenarioJson(R"([{"task": "squares", "args": {"n": "10"}}])", "[]"),
        {u"workers[0].args.n: must be an integer, not a string"_s});
    row("too many threads", scenarioJson(R"([{"task": "gil", "args": {"threads": 65}}])", "[]"),
        {u"workers[0].args.threads: must be between 1 and 64"_s});
    row("boolean arg bad", scenarioJson(R"([{"task": "sleep", "args": {"announce": 2}}])", "[]"),
        {u"workers[0].args.announce: must be true or false"_s});
    row("string arg with tab", scenarioJson(R"([{"task": "greeting", "args": {"who": "a\tb"}}])", "[]"),
        {u"workers[0].args.who: must not contain control characters (tabs, newlines, ...)"_s});
    row("string arg too long",
        scenarioJson(
            ("[{\"task\": \"greeting\", \"args\": {\"who\": \"" + QByteArray(257, 'x') + "\"}}]").constData(),
            "[]"),
        {u"workers[0].args.who: is too long (257 characters, at most 256)"_s});
    row("name with tab", scenarioJson(R"([{"task": "info", "name": "a\tb"}])", "[]"),
        {u"workers[0].name: must not contain control characters (tabs, newlines, ...)"_s});
    row("name with newline", scenarioJson(R"([{"task": "info", "name": "a\nb"}])", "[]"),
        {u"workers[0].name: must not contain control characters (tabs, newlines, ...)"_s});
    row("name empty", scenarioJson(R"([{"task": "info", "name": ""}])", "[]"),
        {u"workers[0].name: must not be empty"_s});
    row("name padded", scenarioJson(R"([{"task": "info", "name": " W"}])", "[]"),
        {u"workers[0].name: must not start or end with spaces"_s});
    row("name too long",
        scenarioJson(("[{\"task\": \"info\", \"name\": \"" + QByteArray(65, 'n') + "\"}]").constData(), "[]"),
        {u"workers[0].name: is too long (65 characters, at most 64)"_s});
    row("name not string", scenarioJson(R"([{"task": "info", "name": 7}])", "[]"),
        {u"workers[0].name: must be a string, not a number"_s});
    row("id duplicate", scenarioJson(R"([{"id": "x", "task": "info"}, {"id": "x", "task": "info"}])", "[]"),
        {u"workers[1].id: \"x\" is already the id of workers[0]"_s});
    row("id with space", scenarioJson(R"([{"id": "a b", "task": "info"}])", "[]"),
        {u"workers[0].id: must start with a letter or _ and contain only letters, digits, _ . -"_s});
    row("launcher unknown", scenarioJson(R"([{"task": "info", "launcher": "spawn"}])", "[]"),
        {u"workers[0].launcher: must be \"qprocess\" or \"fork\", not \"spawn\""_s});
    row("daemon not bool", scenarioJson(R"([{"task": "info", "daemon": "yes"}])", "[]"),
        {u"workers[0].daemon: must be true or false, not a string"_s});
    row("queue arg unknown", scenarioJson(R"([{"task": "consumer", "args": {"queue": "nope"}}])", "[]"),
        {u"workers[0].args.queue: no queue is named \"nope\" (declare it in \"queues\")"_s});
    row("queue arg missing", scenarioJson(R"([{"task": "producer"}])", "[]"),
        {u"workers[0].args.queue: missing (task \"producer\" needs it)"_s});

    // Queues.
    row("queues not array", scenarioJson(kOneWorker, kStartW, R"("queues": {}, )"),
        {u"queues: must be an array, not an object"_s});
    row("queue duplicate", scenarioJson(kOneWorker, kStartW, R"("queues": [{"name": "q"}, {"name": "q"}], )"),
        {u"queues[1].name: \"q\" is already the name of queues[0]"_s});
    row("queue capacity zero",
        scenarioJson(kOneWorker, kStartW, R"("queues": [{"name": "q", "capacity": 0}], )"),
        {u"queues[0].capacity: must be between 1 and 4091"_s});
    row("queue capacity past the segment cap",
        scenarioJson(kOneWorker, kStartW, R"("queues": [{"name": "q", "capacity": 4092}], )"),
        {u"queues[0].capacity: must be between 1 and 4091"_s});
    row("queue name bad", scenarioJson(kOneWorker, kStartW, R"("queues": [{"name": "/dev/shm/x"}], )"),
        {u"queues[0].name: must start with a letter or _ and contain only letters, digits, _ . -"_s});
    row("queue unknown field", scenarioJson(kOneWorker, kStartW, R"("queues": [{"name": "q", "size": 3}], )"),
        {u"queues[0].size: unknown field (expected one of: name, capacity)"_s});
    row("too many queues",
        scenarioJson(
            kOneWorker, kStartW,
            ("\"queues\": [" + QByteArray(R"({"name": "q0"},)") +
             R"({"name": "q1"},{"name": "q2"},{"name": "q3"},{"name": "q4"},{"name": "q5"},{"name": "q6"},{"name": "q7"},{"name": "q8"},{"name": "q9"},{"name": "q10"},{"name": "q11"},{"name": "q12"},{"name": "q13"},{"name": "q14"},{"name": "q15"},{"name": "q16"}], )")
                .constData()),
        {u"queues: too many queues (17; at most 16)"_s});

    // Actions.
    row("action not object", scenarioJson(kOneWorker, "[1]"),
        {u"main[0]: must be an object, not a number"_s});
    row("action missing", scenarioJson(kOneWorker, R"([{"worker": "w"}])"),
        {u"main[0].action: missing (a string is required)"_s});
    row("action unknown", scenarioJson(kOneWorker, R"([{"action": "fork", "worker": "w"}])"),
        {u"main[0].action: unknown action \"fork\" (known: start, join, terminate, kill, stop, continue, put, get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)"_s});
    row("worker id unknown", scenarioJson(kOneWorker, R"([{"action": "start", "worker": "v"}])"),
        {u"main[0].worker: no worker has the id \"v\""_s});
    row("worker index out of range", scenarioJson(kOneWorker, R"([{"action": "start", "worker": 1}])"),
        {u"main[0].worker: worker index 1 is out of range (1 workers)"_s});
    row("worker ref missing", scenarioJson(kOneWorker, R"([{"action": "start"}])"),
        {u"main[0].worker: missing (a worker id or index is required)"_s});
    row("worker ref bool", scenarioJson(kOneWorker, R"([{"action": "start", "worker": true}])"),
        {u"main[0].worker: must be a worker id (a string) or index (an integer), not a boolean"_s});
    row("start twice",
        scenarioJson(kOneWorker, R"([{"action": "start", "worker": "w"}, {"action": "start", "worker": 0}])"),
        {u"main[1].worker: w is already started (a process can be started only once)"_s.replace(
            u"w is"_s, u"Process-1 is"_s)});
    row("join before start", scenarioJson(kOneWorker, R"([{"action": "join", "worker": "w"}])"),
        {u"main[0].worker: Process-1 is not started yet (can only join a started process)"_s});
    row("terminate before start", scenarioJson(kOneWorker, R"([{"action": "terminate", "worker": "w"}])"),
        {u"main[0].worker: Process-1 is not started yet (can only terminate a started process)"_s});
    row("join timeout negative",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "join", "worker": "w", "timeout_ms": -1}])"),
        {u"main[1].timeout_ms: must be between 0 and 60000"_s});
    row("join timeout too long",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "join", "worker": "w", "timeout_ms": 60001}])"),
        {u"main[1].timeout_ms: must be between 0 and 60000"_s});
    row("join timeout seconds key",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "join", "worker": "w", "timeout": 1}])"),
        {u"main[1].timeout: unknown field (expected one of: action, worker, timeout_ms)"_s});
    row("put unknown queue", scenarioJson(kOneWorker, R"([{"action": "put", "queue": "q", "value": 1}])"),
        {u"main[0].queue: no queue is named \"q\" (declare it in \"queues\")"_s});
    row("put object value",
        scenarioJson(kOneWorker, R"([{"action": "put", "queue": "q", "value": {}}])",
                     R"("queues": [{"name": "q"}], )"),
        {u"main[0].value: must be a number, a string or null, not an object"_s});
    row("put value missing",
        scenarioJson(kOneWorker, R"([{"action": "put", "queue": "q"}])", R"("queues": [{"name": "q"}], )"),
        {u"main[0].value: missing (a number, a string or null is required)"_s});
    row("sleep_ms missing", scenarioJson(kOneWorker, R"([{"action": "sleep_ms"}])"),
        {u"main[0].ms: missing (milliseconds to sleep are required)"_s});
    row("sleep_ms too long", scenarioJson(kOneWorker, R"([{"action": "sleep_ms", "ms": 120000}])"),
        {u"main[0].ms: must be between 0 and 60000"_s});
    row("terminate_random empty",
        scenarioJson(kOneWorker, R"([{"action": "terminate_random", "workers": []}])"),
        {u"main[0].workers: must be a non-empty array of worker ids or indices"_s});
    row("terminate_random twice",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "terminate_random", "workers": ["w", 0]}])"),
        {u"main[1].workers[1]: Process-1 is listed twice"_s});
    row("terminate_random not started",
        scenarioJson(kOneWorker, R"([{"action": "terminate_random", "workers": ["w"]}])"),
        {u"main[0].workers[0]: Process-1 is not started yet (can only terminate a started process)"_s});
    row("terminate_random unknown",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "terminate_random", "workers": ["w", "zz"]}])"),
        {u"main[1].workers[1]: no worker has the id \"zz\""_s});
    row("after end_main",
        scenarioJson(
            kOneWorker,
            R"([{"action": "start", "worker": "w"}, {"action": "end_main"}, {"action": "sleep_ms", "ms": 1}])"),
        {u"main[2]: comes after end_main (main[1]): end_main must be the last action"_s});
    row("end_main with worker", scenarioJson(kOneWorker, R"([{"action": "end_main", "worker": "w"}])"),
        {u"main[0].worker: unknown field (expected one of: action)"_s});

    // sys.exit() after the work: an exit code or a message, on every task.
    row("exit code and message",
        scenarioJson(
            R"([{"task": "sleep", "args": {"exit": 3}}, {"task": "greeting", "args": {"exit": "adiós"}},
            {"task": "spawn_child", "args": {"exit": 256, "depth": 2}}, {"task": "consumer", "args": {"queue": "q", "exit": -1}}])",
            "[]", R"("queues": [{"name": "q"}], )"),
        {});
    row("exit float", scenarioJson(R"([{"task": "sleep", "args": {"exit": 2.5}}])", "[]"),
        {u"workers[0].args.exit: must be an integer exit code (sys.exit(2.5) would exit with 1 and print it) or a string"_s});
    row("exit out of range", scenarioJson(R"([{"task": "sleep", "args": {"exit": 2147483648}}])", "[]"),
        {u"workers[0].args.exit: must be between -2147483648 and 2147483647"_s});
    row("exit boolean", scenarioJson(R"([{"task": "sleep", "args": {"exit": true}}])", "[]"),
        {u"workers[0].args.exit: must be an exit code (an integer) or a message (a string), not a boolean"_s});
    row("exit newline", scenarioJson(R"([{"task": "sleep", "args": {"exit": "a\nb"}}])", "[]"),
        {u"workers[0].args.exit: must not contain control characters (tabs, newlines, ...)"_s});
    row("depth 3", scenarioJson(R"([{"task": "spawn_child", "args": {"depth": 3}}])", "[]"),
        {u"workers[0].args.depth: must be between 1 and 2"_s});
    // File-level.
    row("top level array", "[1, 2]", {u"the top level must be a JSON object"_s});
}

void TestScenario::validation()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, errors);
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, u"t.json"_s);
    QCOMPARE(r.errorStrings(), errors);
    QCOMPARE(r.ok(), errors.isEmpty());
}

void TestScenario::collectsEveryError()
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(R"([{"task": "sleep", "args": {"ms": -5}}, {"task": "fly", "name": "a\tb"}])",
                     R"([{"action": "join", "worker": 0}, {"action": "start", "worker": 9}])"),
        u"01-motivation.json"_s);
    QCOMPARE(
        r.errorStrings(),
        (QStringList{
            u"01-motivation.json: workers[0].args.ms: must be between 0 and 60000"_s,
            u"01-motivation.json: workers[1].name: must not contain control characters (tabs, newlines, ...)"_s,
            u"01-motivation.json: workers[1].task: unknown task \"fly\" (known: greeting, info, squares, cubes, arith, sleep, burn, ticker, gil, spawn_child, crash, pipe_send, pipe_recv, pipe_echo, producer, consumer, square_put, object)"_s,
            u"01-motivation.json: main[0].worker: Process-1 is not started yet (can only join a started process)"_s,
            u"01-motivation.json: main[1].worker: worker index 9 is out of range (2 workers)"_s}));
    QCOMPARE(r.errors.at(0).file, u"01-motivation.json"_s);
    QCOMPARE(r.errors.at(0).path, u"workers[0].args.ms"_s);
    QCOMPARE(r.errors.at(0).reason, u"must be between 0 and 60000"_s);
}

void TestScenario::manyProblemsAreSummed()
{
    // 300 workers, each started and joined: the cap is one problem, not one more per action that
    // names a worker past it (those actions are valid in the file).
    const QByteArray workers =
        "[" + QByteArray(R"({"task": "greeting"},)").repeated(299) + R"({"task": "greeting"}])";
    QByteArray main = "[";
    for (int i = 0; i < 300; ++i)
        main += QByteArray(R"({"action": "start", "worker": )") + QByteArray::number(i) + "},";
    main += R"({"action": "start", "worker": 300}])";
    const ScenarioLoadResult capped =
        ScenarioLoader::loadData(scenarioJson(workers.constData(), main.constData()), u"big.json"_s);
    QCOMPARE(capped.errorStrings(),
             (QStringList{u"big.json: workers: too many workers (300; at most 256 per run)"_s,
                          u"big.json: main[300].worker: worker index 300 is out of range (256 workers)"_s}));

    // Forty problems, at most fifteen shown: the rest are counted on one line.
    QByteArray bad = "[";
    for (int i = 0; i < 40; ++i)
        bad += QByteArray(R"({"task": "fly"})") + (i < 39 ? "," : "]");
    const ScenarioLoadResult many =
        ScenarioLoader::loadData(scenarioJson(bad.constData(), "[]"), u"bad.json"_s);
    QCOMPARE(many.errors.size(), 40);
    QCOMPARE(many.errorStrings().size(), 40);
    const QStringList shown = many.errorStrings(15);
    QCOMPARE(shown.size(), 16);
    QVERIFY2(shown.first().startsWith(u"bad.json: workers[0].task: unknown task"_s),
             qPrintable(shown.first()));
    // (The plural's wording comes from the translations; the count is what matters here.)
    QVERIFY2(shown.last().startsWith(u"… and 25 more problem"_s), qPrintable(shown.last()));
    QCOMPARE(many.errorStrings(40), many.errorStrings());
    QCOMPARE(many.errorStrings(0).size(), 1);
    QVERIFY2(many.errorStrings(0).first().startsWith(u"… and 40 more problem"_s),
             qPrintable(many.errorStrings(0).first()));
}

void TestScenario::syntaxErrorHasLineAndColumn()
{
    const QByteArray json =
        "{\n  \"format\": \"concurrente-scenario/1\",\n  \"title\": {\"es\": \"a\" \"en\": \"b\"}\n}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, u"bad.json"_s);
    QCOMPARE(r.errors.size(), 1);
    const QString msg = r.errors.first().toString();
    QVERIFY2(msg.startsWith(u"bad.json: invalid JSON at line 3, column "_s), qPrintable(msg));
    QVERIFY2(msg.contains(u"(byte "_s), qPrintable(msg));
}

void TestScenario::tooLargeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"huge.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray json = scenarioJson(kOneWorker, kStartW);
    json.append(QByteArray(kMaxScenarioFileBytes + 1 - json.size(), ' '));
    QCOMPARE(f.write(json), kMaxScenarioFileBytes + 1);
    f.close();
    ScenarioLoadResult r = ScenarioLoader::loadFile(path);
    QCOMPARE(r.errorStrings(),
             QStringList{
                 u"huge.json: the file is too large (1048577 bytes; a scenario is at most 1048576 bytes)"_s});
    // Exactly at the limit is fine.
    QVERIFY(f.resize(kMaxScenarioFileBytes));
    r = ScenarioLoader::loadFile(path);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.file, path);
}

void TestScenario::tooLargeData()
{
    const ScenarioLoadResult r =
        ScenarioLoader::loadData(QByteArray(kMaxScenarioFileBytes + 10, ' '), u"m.json"_s);
    QCOMPARE(
        r.errorStrings(),
        QStringList{u"m.json: the file is too large (1048586 bytes; a scenario is at most 1048576 bytes)"_s});
}

void TestScenario::missingFile()
{
    QTemporaryDir dir;
    const ScenarioLoadResult r = ScenarioLoader::loadFile(dir.filePath(u"none.json"_s));
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().toString().startsWith(u"none.json: cannot open the file: "_s),
             qPrintable(r.errors.first().toString()));
}

void TestScenario::endlessDevice()
{
    // A device that never ends is refused before a byte of it is read.
    if (!QFileInfo::exists(u"/dev/zero"_s))
        QSKIP("no /dev/zero on this system");
    const ScenarioLoadResult r = ScenarioLoader::loadFile(u"/dev/zero"_s);
    QCOMPARE(r.errorStrings(), QStringList{u"zero: not a regular file (a scenario is a JSON file)"_s});
}

void TestScenario::deepNesting()
{
    const QByteArray json = "{\"format\": " + QByteArray(5000, '[') + QByteArray(5000, ']') + "}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, u"deep.json"_s);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().toString().startsWith(u"deep.json: invalid JSON at line 1, column "_s),
             qPrintable(r.errors.first().toString()));
}

void TestScenario::processNames()
{
    // CPython: [Process(), Process(name='Worker 2'), Process()] → Process-1, Worker 2, Process-3.
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(
            R"([{"task": "info"}, {"task": "info", "name": "Worker 2"}, {"task": "info"}, {"task": "info", "name": "Process-1"}])",
            "[]"),
        u"n.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.workers.size(), 4);
    QCOMPARE(r.scenario.workers.at(0).name, u"Process-1"_s);
    QCOMPARE(r.scenario.workers.at(0).named, false);
    QCOMPARE(r.scenario.workers.at(1).name, u"Worker 2"_s);
    QCOMPARE(r.scenario.workers.at(1).named, true);
    QCOMPARE(r.scenario.workers.at(2).name, u"Process-3"_s);
    // Python allows a name that repeats an automatic one; so do we.
    QCOMPARE(r.scenario.workers.at(3).name, u"Process-1"_s);
}

void TestScenario::namesInBothLanguages()
{
    // A preset may name a worker in both languages; the interface's language picks one, a name
    // the student changed stays, and saving keeps both while the name is still one of them.
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(R"([{"task": "info", "name": {"es": "1 hilo", "en": "1 thread"}},
                         {"task": "info", "name": {"es": "Proceso A", "en": "Process A"}},
                         {"task": "info", "name": "Worker 2"}])",
                     "[]"),
        u"n.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    Scenario s = r.scenario;
    QCOMPARE(s.workers.at(0).name, u"1 thread"_s); // English until localized
    QVERIFY(s.workers.at(0).named);
    s.localize(u"es_MX"_s);
    QCOMPARE(s.workers.at(0).name, u"1 hilo"_s);
    QCOMPARE(s.workers.at(1).name, u"Proceso A"_s);
    QCOMPARE(s.workers.at(2).name, u"Worker 2"_s);
    s.workers[1].name = u"Mío"_s;
    s.localize(u"en"_s);
    QCOMPARE(s.workers.at(0).name, u"1 thread"_s);
    QCOMPARE(s.workers.at(1).name, u"Mío"_s);

    const QJsonArray saved = s.toJson().value(u"workers"_s).toArray();
    QCOMPARE(saved.at(0).toObject().value(u"name"_s).toObject().value(u"es"_s).toString(), u"1 hilo"_s);
    QCOMPARE(saved.at(1).toObject().value(u"name"_s).toString(), u"Mío"_s);
    const ScenarioLoadResult again =
        ScenarioLoader::loadData(QJsonDocument(s.toJson()).toJson(), u"n.json"_s);
    QVERIFY2(again.ok(), qPrintable(again.errorStrings().join(u'\n')));
    Scenario back = again.scenario;
    back.localize(u"es"_s);
    QCOMPARE(back.workers.at(0).name, u"1 hilo"_s);
    QCOMPARE(back.workers.at(1).name, u"Mío"_s);

    // Both texts are needed, and each must be a valid name.
    const ScenarioLoadResult bad =
        ScenarioLoader::loadData(scenarioJson(R"([{"task": "info", "name": {"es": "uno"}},
                         {"task": "info", "name": {"es": " a", "en": "b"}}])",
                                              "[]"),
                                 u"b.json"_s);
    QVERIFY(!bad.ok());
    const QString errors = bad.errorStrings().join(u'\n');
    QVERIFY2(errors.contains(u"workers[0].name.en"_s), qPrintable(errors));
    QVERIFY2(errors.contains(u"workers[1].name"_s) && errors.contains(u"spaces"_s), qPrintable(errors));
}

void TestScenario::processNamesMatchPython()
{
    // The rule comes from CPython; ask it rather than trust a comment.
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    QProcess py;
    py.start(python, {u"-c"_s, u"import multiprocessing as mp\n"
                               u"ps = [mp.Process(), mp.Process(name='Worker 2'), mp.Process(), "
                               u"mp.Process(name='x'), mp.Process()]\n"
                               u"print('\\n'.join(p.name for p in ps))\n"_s});
    QVERIFY(py.waitForFinished(30'000));
    QCOMPARE(py.exitCode(), 0);
    const QStringList expected = QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(u'\n');
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(
            R"([{"task": "info"}, {"task": "info", "name": "Worker 2"}, {"task": "info"}, {"task": "info", "name": "x"}, {"task": "info"}])",
            "[]"),
        u"n.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QStringList ours;
    for (const WorkerSpec &w : r.scenario.workers)
        ours.append(w.name);
    QCOMPARE(ours, expected);
}

void TestScenario::startMethods()
{
    // set_start_method() for the run (default fork, as the lesson's notebook ran), and
    // get_context(m).Process per worker, named as CPython names it (SpawnProcess-2, ...).
    const QByteArray json = R"({"format": "concurrente-scenario/2", "title": {"es": "t", "en": "t"},
        "start_method": "forkserver",
        "workers": [{"task": "sleep"}, {"task": "sleep", "start_method": "spawn"},
                    {"task": "sleep", "start_method": "fork"}, {"task": "sleep", "start_method": "forkserver"},
                    {"name": "Mío", "task": "sleep", "start_method": "spawn"}], "main": []})";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, u"m.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    const Scenario &s = r.scenario;
    QCOMPARE(s.startMethod, StartMethod::Forkserver);
    const QList<StartMethod> methods{StartMethod::Forkserver, StartMethod::Spawn, StartMethod::Fork,
                                     StartMethod::Forkserver, StartMethod::Spawn};
    const QStringList names{u"Process-1"_s, u"SpawnProcess-2"_s, u"ForkProcess-3"_s, u"ForkServerProcess-4"_s,
                            u"Mío"_s};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(s.workers.at(i).startMethod, methods.at(i));
        QCOMPARE(s.workers.at(i).name, names.at(i));
    }
    // The normalised form loads again to the same thing.
    const ScenarioLoadResult again = ScenarioLoader::loadObject(s.toJson(), u"again.json"_s);
    QVERIFY2(again.ok(), qPrintable(again.errorStrings().join(u'\n')));
    QCOMPARE(again.scenario.toJson(), s.toJson());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(again.scenario.workers.at(i).startMethod, methods.at(i));

    const ScenarioLoadResult plain = ScenarioLoader::loadData(
        R"({"format": "concurrente-scenario/2", "title": {"es": "t", "en": "t"}, "workers": [{"task": "sleep"}], "main": []})",
        u"p.json"_s);
    QVERIFY(plain.ok());
    QCOMPARE(plain.scenario.workers.at(0).startMethod, StartMethod::Fork);

    const ScenarioLoadResult bad = ScenarioLoader::loadData(
        R"({"format": "concurrente-scenario/2", "title": {"es": "t", "en": "t"}, "start_method": "vfork",
            "workers": [{"task": "sleep", "start_method": "exec"}, {"task": "sleep", "launcher": "fork"}], "main": []})",
        u"b.json"_s);
    QCOMPARE(
        bad.errorStrings(),
        QStringList(
            {u"b.json: start_method: must be \"spawn\", \"fork\" or \"forkserver\", not \"vfork\""_s,
             u"b.json: workers[0].start_method: must be \"spawn\", \"fork\" or \"forkserver\", not \"exec\""_s,
             u"b.json: workers[1].launcher: unknown field (expected one of: id, name, task, args, daemon, start_method)"_s}));
}

void TestScenario::resolvesReferences()
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(
            R"([{"id": "a", "task": "sleep", "daemon": true}, {"id": "b", "task": "consumer", "args": {"queue": "q2"}, "launcher": "fork"}])",
            R"([{"action": "start", "worker": "b"}, {"action": "start", "worker": 0},
                         {"action": "join", "worker": "a", "timeout_ms": 1000}, {"action": "put", "queue": "q2", "value": 7},
                         {"action": "terminate_random", "workers": [1, "a"]}, {"action": "sleep_ms", "ms": 5}, {"action": "end_main"}])",
            R"("queues": [{"name": "q1", "capacity": 2}, {"name": "q2"}], )"),
        u"r.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    const Scenario &s = r.scenario;
    QCOMPARE(s.queues.size(), 2);
    QCOMPARE(s.queues.at(0).capacity, 2);
    QCOMPARE(s.queues.at(1).capacity, 64); // the documented default
    QCOMPARE(s.workers.at(0).daemon, true);
    // Format 1: launcher qprocess (the default) was spawn, fork was fork.
    QCOMPARE(s.startMethod, StartMethod::Spawn);
    QCOMPARE(s.workers.at(0).startMethod, StartMethod::Spawn);
    QCOMPARE(s.workers.at(1).startMethod, StartMethod::Fork);
    QVERIFY(s.usesStartMethod(StartMethod::Fork));
    QVERIFY(!s.usesStartMethod(StartMethod::Forkserver));
    QCOMPARE(s.workers.at(1).queueName(), u"q2"_s);
    QCOMPARE(s.workerIndexById(u"b"_s), 1);
    QCOMPARE(s.workerIndexById(u"zz"_s), -1);
    QCOMPARE(s.queueIndexByName(u"q2"_s), 1);
    QCOMPARE(s.main.size(), 7);
    QCOMPARE(s.main.at(0).kind, Action::Start);
    QCOMPARE(s.main.at(0).worker, 1);
    QCOMPARE(s.main.at(1).worker, 0);
    QCOMPARE(s.main.at(2).kind, Action::Join);
    QCOMPARE(s.main.at(2).timeoutMs, 1000);
    QCOMPARE(s.main.at(3).kind, Action::Put);
    QCOMPARE(s.main.at(3).queue, 1);
    QCOMPARE(s.main.at(3).value.toInt(), 7);
    QCOMPARE(s.main.at(4).kind, Action::TerminateRandom);
    QCOMPARE(s.main.at(4).workers, (QList<int>{1, 0}));
    QCOMPARE(s.main.at(5).ms, 5);
    QCOMPARE(s.main.at(6).kind, Action::EndMain);
}

void TestScenario::taskArguments()
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(
            R"([{"task": "arith", "args": {"op": "sumdiv", "c": 4, "a": 2.5, "b": 3}}, {"task": "sleep", "args": {"announce": false, "ms": 20000}},
                         {"task": "greeting", "args": {"who": "Ana María = x"}}, {"task": "info"}])",
            "[]"),
        u"a.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.workers.at(0).taskArguments(),
             (QStringList{u"a=2.5"_s, u"b=3"_s, u"c=4"_s, u"op=sumdiv"_s}));
    QCOMPARE(r.scenario.workers.at(1).taskArguments(), (QStringList{u"announce=0"_s, u"ms=20000"_s}));
    QCOMPARE(r.scenario.workers.at(2).taskArguments(), (QStringList{u"who=Ana María = x"_s}));
    QCOMPARE(r.scenario.workers.at(3).taskArguments(), QStringList{});
    // exit: a number is the exit code, a string is quoted so that "3" stays a message.
    const ScenarioLoadResult e = ScenarioLoader::loadData(
        scenarioJson(R"([{"task": "sleep", "args": {"exit": 3}}, {"task": "sleep", "args": {"exit": "3"}},
                         {"task": "sleep", "args": {"exit": "fin"}}])",
                     "[]"),
        u"e.json"_s);
    QVERIFY2(e.ok(), qPrintable(e.errorStrings().join(u'\n')));
    QCOMPARE(e.scenario.workers.at(0).taskArguments(), QStringList{u"exit=3"_s});
    QCOMPARE(e.scenario.workers.at(1).taskArguments(), QStringList{u"exit=\"3\""_s});
    QCOMPARE(e.scenario.workers.at(2).taskArguments(), QStringList{u"exit=\"fin\""_s});
    // A float `from` is written as Python writes it (0.1, not 0.10000000000000001).
    const ScenarioLoadResult f =
        ScenarioLoader::loadData(scenarioJson(R"([{"task": "producer", "args": {"queue": "q", "from": 0.1}},
                         {"task": "producer", "args": {"queue": "q", "from": 2, "floats": true}}])",
                                              "[]", R"("queues": [{"name": "q"}], )"),
                                 u"f.json"_s);
    QVERIFY2(f.ok(), qPrintable(f.errorStrings().join(u'\n')));
    QCOMPARE(f.scenario.workers.at(0).taskArguments(), (QStringList{u"from=0.1"_s, u"queue=q"_s}));
    QCOMPARE(f.scenario.workers.at(1).taskArguments(),
             (QStringList{u"floats=1"_s, u"from=2"_s, u"queue=q"_s}));
}

void TestScenario::actionText()
{
    const ScenarioLoadResult r = ScenarioLoader::loadData(
        scenarioJson(
            R"([{"id": "a", "name": "Worker 1", "task": "sleep"}, {"task": "sleep"}])",
            R"([{"action": "start", "worker": "a"}, {"action": "join", "worker": "a", "timeout_ms": 1500},
                         {"action": "sleep_ms", "ms": 250}, {"action": "start", "worker": 1},
                         {"action": "terminate_random", "workers": ["a", 1]}, {"action": "put", "queue": "q", "value": "x"},
                         {"action": "join", "worker": 1}])",
            R"("queues": [{"name": "q"}], )"),
        u"a.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.actionText(0), u"Worker 1.start()"_s);
    QCOMPARE(r.scenario.actionText(1), u"Worker 1.join(timeout=1.5)"_s);
    QCOMPARE(r.scenario.actionText(2), u"time.sleep(0.25)"_s);
    QCOMPARE(r.scenario.actionText(4), u"random.choice([Worker 1, p2]).terminate()"_s);
    QCOMPARE(r.scenario.actionText(5), u"q.put(\"x\")"_s);
    QCOMPARE(r.scenario.actionText(6), u"p2.join()"_s);
    QCOMPARE(r.scenario.actionText(7), QString());
}

void TestScenario::toJsonRoundTrip()
{
    const ScenarioLoadResult r = ScenarioLoader::loadFile(presetPath(kPages[0]));
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    const QJsonObject o = r.scenario.toJson();
    QCOMPARE(o.value(u"format"_s).toString(), u"concurrente-scenario/2"_s);
    QCOMPARE(o.value(u"file"_s).toString(), presetPath(kPages[0]));
    // Names are resolved in the output: the run log shows what ran.
    QCOMPARE(o.value(u"workers"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"Process-1"_s);
    const ScenarioLoadResult again = ScenarioLoader::loadObject(o, u"again.json"_s);
    QVERIFY2(again.ok(), qPrintable(again.errorStrings().join(u'\n')));
    QCOMPARE(again.scenario.toJson().value(u"main"_s), o.value(u"main"_s));
    QCOMPARE(again.scenario.toJson().value(u"workers"_s), o.value(u"workers"_s));
}

void TestScenario::presets_data()
{
    QTest::addColumn<QString>("path");
    for (const Page &p : kPages)
        QTest::newRow(p.nn) << presetPath(p);
}

void TestScenario::presets()
{
    QFETCH(QString, path);
    QVERIFY2(QFile::exists(path), qPrintable(path + u" is missing"_s));
    const ScenarioLoadResult r = ScenarioLoader::loadFile(path);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    const Scenario &s = r.scenario;
    QVERIFY(!s.title.es.isEmpty());
    QVERIFY(!s.title.en.isEmpty());
    QVERIFY(!s.description.es.isEmpty());
    QVERIFY(!s.description.en.isEmpty());
    QVERIFY(!s.main.isEmpty());
    QCOMPARE(s.main.last().kind, Action::EndMain);
    // Every worker is started, and every started worker ends in a join, terminate, kill or end_main.
    for (int i = 0; i < s.workers.size(); ++i) {
        bool started = false;
        for (const Action &a : s.main)
            started = started || (a.kind == Action::Start && a.worker == i);
        QVERIFY2(started, qPrintable(s.workers.at(i).name + u" is never started"_s));
    }
    QVERIFY(ScenarioLoader::loadObject(s.toJson(), u"x.json"_s).ok());
}

void TestScenario::noStrayPresets()
{
    const QStringList files =
        QDir(dataDir() + u"/lessons/presets"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QStringList expected;
    for (const Page &p : kPages)
        expected.append(QLatin1StringView(p.nn) + u'-' + QLatin1StringView(p.slug) + u".json"_s);
    QCOMPARE(files, expected);
}

namespace {
// Helper arguments the engine fills in itself (a pipe's descriptor, a queue's or pipe's name in
// the events), never a scenario.
bool setByEngine(const QString &arg)
{
    return arg == u"fd"_s || arg == u"label"_s || arg == u"identity"_s;
}
} // namespace

void TestScenario::catalogMatchesProtocolDoc()
{
    // docs/protocol.md is the contract with the helpers: every task and argument it documents
    // must be accepted here.
    QFile f(dataDir() + u"/docs/protocol.md"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString doc = QString::fromUtf8(f.readAll());
    const qsizetype at = doc.indexOf(u"## Tasks and their arguments"_s);
    QVERIFY(at >= 0);
    const qsizetype end = doc.indexOf(u"\n## "_s, at + 1);
    const QString section = doc.mid(at, end < 0 ? -1 : end - at);
    static const QRegularExpression rowRe(u"^\\|([^|]*)\\|([^|]*)\\|"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression tickRe(u"`([a-z_0-9]+)`"_s);
    QStringList documented;
    auto it = rowRe.globalMatch(section);
    while (it.hasNext()) {
        const auto m = it.next();
        QStringList tasks;
        for (auto t = tickRe.globalMatch(m.captured(1)); t.hasNext();)
            tasks.append(t.next().captured(1));
        QStringList args;
        for (auto a = tickRe.globalMatch(m.captured(2)); a.hasNext();)
            args.append(a.next().captured(1));
        for (const QString &task : tasks) {
            documented.append(task);
            const TaskSpec *spec = findTask(task);
            QVERIFY2(spec, qPrintable(u"docs/protocol.md documents task "_s + task +
                                      u", the validator does not know it"_s));
            for (const QString &arg : args) {
                bool isChoice = false;
                for (const TaskArgSpec &a : spec->args)
                    isChoice = isChoice || a.choices.contains(arg);
                if (isChoice || setByEngine(arg) || (arg == u"pipe"_s && spec->arg(u"pipe"_s)))
                    continue;
                QVERIFY2(spec->arg(arg), qPrintable(u"docs/protocol.md documents "_s + task + u'.' + arg +
                                                    u", the validator does not accept it"_s));
            }
        }
    }
    QVERIFY(!documented.isEmpty());
}

void TestScenario::catalogMatchesHelpers()
{
    // The helpers print their own catalog; a scenario this validator accepts must never be
    // refused by the helper that runs it.
    const QString worker = helperDir() + u"/concurrente-worker"_s;
    if (!QFileInfo(worker).isExecutable())
        QSKIP(qPrintable(u"the worker helper is not built at "_s + worker));
    QProcess p;
    p.start(worker, {u"--list-tasks"_s});
    QVERIFY2(p.waitForFinished(10000), qPrintable(p.errorString()));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QHash<QString, QJsonObject> helperTasks;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, line.constData());
        helperTasks.insert(o.value(u"task"_s).toString(), o);
    }
    QVERIFY(!helperTasks.isEmpty());
    for (auto t = helperTasks.cbegin(); t != helperTasks.cend(); ++t) {
        const TaskSpec *spec = findTask(t.key());
        QVERIFY2(spec,
                 qPrintable(u"the helpers run task "_s + t.key() + u", the validator does not know it"_s));
        QStringList helperArgs;
        for (const QJsonValue &av : t.value().value(u"args"_s).toArray()) {
            const QJsonObject a = av.toObject();
            const QString name = a.value(u"name"_s).toString();
            helperArgs.append(name);
            const QString full = t.key() + u'.' + name;
            if (setByEngine(name))
                continue;
            const TaskArgSpec *mine = spec->arg(name);
            QVERIFY2(mine, qPrintable(u"the helpers accept "_s + full + u", the validator does not"_s));
            const QString kind = a.value(u"kind"_s).toString();
            if (mine->type == ArgType::Integer || mine->type == ArgType::Number) {
                QVERIFY2(kind == u"int"_s || kind == u"number"_s,
                         qPrintable(full + u" is "_s + kind + u" in the helpers"_s));
                QVERIFY2(mine->min >= a.value(u"min"_s).toDouble() &&
                             mine->max <= a.value(u"max"_s).toDouble(),
                         qPrintable(full + u": the validator's range is wider than the helpers'"_s));
            } else if (mine->type == ArgType::Boolean) {
                QVERIFY2(kind == u"int"_s && a.value(u"min"_s).toDouble() <= 0 &&
                             a.value(u"max"_s).toDouble() >= 1,
                         qPrintable(full + u" is not a 0/1 flag in the helpers"_s));
            } else if (mine->type == ArgType::Choice) {
                QCOMPARE(mine->choices.join(u','), a.value(u"choices"_s).toString());
            } else if (mine->type == ArgType::Exit) {
                QVERIFY2(kind == u"exit"_s, qPrintable(full + u" is "_s + kind + u" in the helpers"_s));
                QVERIFY2(mine->min >= a.value(u"min"_s).toDouble() &&
                             mine->max <= a.value(u"max"_s).toDouble(),
                         qPrintable(full + u": the validator's range is wider than the helpers'"_s));
            } else {
                QVERIFY2(kind == u"string"_s || kind == u"int"_s,
                         qPrintable(full + u" is "_s + kind + u" in the helpers"_s));
            }
        }
        for (const TaskArgSpec &mine : spec->args) {
            const QString full = t.key() + u'.' + mine.key;
            const bool engineMapped = mine.type == ArgType::PipeRef; // becomes fd / pipe=NAME
            if (engineMapped || helperArgs.contains(mine.key))
                continue;
            QFAIL(qPrintable(u"the validator accepts "_s + full + u", the helpers do not"_s));
        }
    }
    for (const TaskSpec &t : taskCatalog()) {
        if (helperTasks.contains(t.name))
            continue;
        QFAIL(qPrintable(u"the validator accepts task "_s + t.name + u", the helpers do not run it"_s));
    }
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
