#pragma once

// Scenario files (lab presets): the model, the loader and the validator.
// Format reference: docs/scenario.md. Everything here is QtCore only.

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace concurrente {

Q_DECLARE_LOGGING_CATEGORY(lcScenario)

/// The value of the `format` field every scenario carries (written); format 1, whose workers
/// chose a `launcher` instead of a start method, still loads.
inline constexpr char kScenarioFormat[] = "concurrente-scenario/2";
inline constexpr char kScenarioFormat1[] = "concurrente-scenario/1";

// Limits. Each has a clear message when exceeded (see docs/scenario.md).
inline constexpr qint64 kMaxScenarioFileBytes = 1024 * 1024; ///< a scenario file is at most 1 MiB
inline constexpr int kMaxWorkers = 256;                      ///< workers per run
inline constexpr int kMaxQueues = 16;                        ///< queues per run
/// Messages a queue holds at once: the most slots of 64 KiB (the message limit) whose segment
/// stays within shmq's 256 MiB cap (384 + 4091 × 65,600 bytes), so every capacity the
/// validator accepts can be created (tst_run checks it).
inline constexpr int kMaxQueueCapacity = 4091;
inline constexpr int kMaxActions = 1024;          ///< actions in `main`
inline constexpr int kMaxDelayMs = 60'000;        ///< any delay, sleep or timeout: 60 s
inline constexpr int kMaxItems = 1000;            ///< `n` of squares/cubes
inline constexpr int kMaxThreads = 64;            ///< `threads` of the GIL demo
inline constexpr qint64 kMaxWork = 1'000'000'000; ///< `work` iterations of the GIL demo
inline constexpr int kMaxSwitchUs = 1'000'000;    ///< GIL switch interval: 1 s
inline constexpr double kMaxAbsNumber = 1e15;     ///< queue and pipe values
inline constexpr double kMaxOperand = 1e6;        ///< |a|, |b|, |c|: a·b·c stays exact, as Python's ints
inline constexpr int kMaxPipes = 16;              ///< pipes per run
inline constexpr int kMaxMessages = 100'000;      ///< `count` of queue and pipe tasks
/// A run is ended (as by End run) after this long: `time_limit_s`, default 10 minutes.
inline constexpr int kDefaultTimeLimitS = 600;
inline constexpr int kMaxTimeLimitS = 86'400;   ///< at most a day
inline constexpr int kMaxNameLength = 64;       ///< worker names, ids, queue names
inline constexpr int kMaxStringArgLength = 256; ///< string task arguments, string queue values
inline constexpr int kMaxTitleLength = 200;
inline constexpr int kMaxDescriptionLength = 4000;

/// How the main program creates a worker: Python's start methods. *spawn* starts a fresh
/// worker program, *fork* forks the main program, *forkserver* has a server process (forked by
/// the main program at its first use) fork it.
enum class StartMethod { Spawn, Fork, Forkserver };
QString startMethodName(StartMethod method); ///< "spawn" / "fork" / "forkserver"
/// Parses a start method name; false when unknown.
bool parseStartMethod(const QString &name, StartMethod *method);

struct LocalizedText
{
    QString es;
    QString en;
    /// The text in `language` ("es", "en", or a locale name such as "es_MX"); English otherwise.
    QString text(const QString &language) const;
};

struct QueueSpec
{
    QString name;     ///< as in the scenario; task arguments and `put` actions refer to it
    int capacity = 0; ///< 1..kMaxQueueCapacity
};

struct PipeSpec
{
    QString name; ///< as in the scenario; the `pipe` argument of pipe_send / pipe_recv refers to it
    /// Pipe(duplex=True): both ends read and write; the main program keeps one, the workers use
    /// the other (pipe_echo answers on it). Default false: a one-way Pipe(duplex=False).
    bool duplex = false;
};

struct WorkerSpec
{
    QString id;         ///< optional handle used by actions; empty when the file gives none
    QString name;       ///< resolved: the file's `name`, or `Process-N` with N = index + 1
    bool named = false; ///< whether the file gave `name`
    /// When the file gives `name` as `{"es": …, "en": …}` (a preset's names read in the
    /// interface's language): both; `name` is the English one until Scenario::localize().
    LocalizedText names;
    QString task;     ///< a task of docs/protocol.md
    QJsonObject args; ///< validated task arguments, only those the file gives (helpers apply defaults)
    bool daemon = false;
    StartMethod startMethod = StartMethod::Fork; ///< resolved: the worker's own, else the run's
    bool ownStartMethod = false; ///< the file gave this worker a start method (get_context(m).Process)

    /// The task arguments as `key=value` strings, sorted by key, for the helper command lines.
    /// Integers print without a decimal point, booleans as 1/0.
    QStringList taskArguments() const { return taskArgumentStrings(args); }
    /// The same for any validated task arguments (a worker's, or a main-program `call`'s).
    static QStringList taskArgumentStrings(const QJsonObject &args);
    /// The queue this worker's task uses (its `queue` argument), or an empty string.
    QString queueName() const;
    /// The pipe this worker's task uses (its `pipe` argument), or an empty string.
    QString pipeName() const;
    /// The name CPython gives an unnamed worker at `index`: `Process-N` with N = index + 1, or
    /// the class of get_context(m).Process (`SpawnProcess-N`, ...) when it has its own start method.
    static QString defaultName(int index, bool ownStartMethod, StartMethod method);
};

struct Action
{
    enum Kind {
        Start,
        Join,
        Terminate,
        Kill,
        Stop,
        Continue,
        Put,
        Get,
        Recv,
        Send,
        IsAlive,
        Call,
        SleepMs,
        TerminateRandom,
        EndMain
    };
    Kind kind = Start;
    int worker = -1;    ///< index into Scenario::workers (start, join, terminate, kill, stop, continue)
    int timeoutMs = -1; ///< join, get: -1 waits for the end (join) / for a message (get), else 0..kMaxDelayMs
    int ms = 0;         ///< sleep_ms
    int queue = -1;     ///< put, get: index into Scenario::queues; recv, send: into Scenario::pipes
    bool untilNone = false; ///< recv: `while (m := conn.recv()) is not None` rather than one recv()
    QString printText;      ///< get: print(printText, q.get()); empty: the value is not printed
    QJsonValue value;       ///< put, send: a number, a string or null (Python's None, the usual end marker)
    QList<int> workers;     ///< terminate_random: the candidates, indices into Scenario::workers
    QString task;           ///< call: the task the main program runs itself (one of callableTasks())
    QJsonObject args;       ///< call: its validated arguments

    /// The tasks the main program may call itself, not in a process (page 1's sequential run):
    /// plain work that cannot take the main program down.
    static const QStringList &callableTasks();

    static QString kindName(Kind kind); ///< the `action` string: "start", "sleep_ms", ...
};

struct Scenario
{
    QString file; ///< the path it was loaded from (empty when parsed from memory)
    LocalizedText title;
    LocalizedText description; ///< optional; empty strings when absent
    bool subreaper = false;    ///< the main program adopts orphaned grandchildren (PR_SET_CHILD_SUBREAPER)
    int timeLimitS = kDefaultTimeLimitS; ///< `time_limit_s`: the run is ended after this many seconds
    /// multiprocessing.set_start_method(): the run's default (format 1 files: spawn).
    StartMethod startMethod = StartMethod::Fork;
    QList<QueueSpec> queues;
    QList<PipeSpec> pipes;
    QList<WorkerSpec> workers;
    QList<Action> main;

    /// The scenario in its file format, normalised: every worker with its resolved `name`,
    /// `daemon` and `start_method`; actions refer to workers by id when they have one, else by index.
    /// Includes `file` when known. ScenarioLoader accepts the result again.
    QJsonObject toJson() const;
    /// Gives each worker whose name the file gives in both languages, and which still has one of
    /// them (the student has not renamed it), the name in `language`. True when a name changed.
    bool localize(const QString &language);

    bool usesStartMethod(StartMethod method) const;
    int workerIndexById(const QString &id) const;    ///< -1 when absent
    int queueIndexByName(const QString &name) const; ///< -1 when absent
    /// Whether the main program receives on pipe `index` itself (a `recv` action names it): it
    /// then keeps the pipe's read end.
    bool mainReceivesOn(int pipeIndex) const;
    /// Whether the main program sends on pipe `index` itself (a `send` action names it): it then
    /// keeps the pipe's write end.
    bool mainSendsOn(int pipeIndex) const;
    /// One line for the action, Python-like, e.g. `Worker 1.join(timeout=1.0)`, `time.sleep(0.5)`.
    QString actionText(int index) const;
};

/// One problem found in a scenario file. toString() gives `FILE: PATH: REASON`, e.g.
/// `01-motivation.json: workers[2].args.c: must be a number`.
struct ScenarioIssue
{
    QString file;   ///< the file name (no folder), or "<memory>"
    QString path;   ///< JSON path such as `workers[2].args.c`; empty for file-level problems
    QString reason; ///< translated
    QString toString() const;
};

struct ScenarioLoadResult
{
    Scenario scenario;           ///< meaningful only when ok()
    QList<ScenarioIssue> errors; ///< every problem found, in file order
    bool ok() const { return errors.isEmpty(); }
    /// One line per problem; with a limit, the first `limit` and a last line saying how many
    /// more there are (a message box or a terminal stays readable).
    QStringList errorStrings(qsizetype limit = -1) const;
};

/// The type of a task argument.
/// Exit: the `exit` argument every task takes (sys.exit(N) or sys.exit("text") after the work).
enum class ArgType { Integer, Number, String, Choice, Boolean, QueueRef, PipeRef, Exit };

struct TaskArgSpec
{
    QString key;
    ArgType type = ArgType::Integer;
    double min = 0;      ///< Integer / Number
    double max = 0;      ///< Integer / Number; for String the maximum length
    QStringList choices; ///< Choice
    bool required = false;
    QJsonValue defaultValue; ///< what the helper uses when the argument is absent (documentation, UI)
};

struct TaskSpec
{
    QString name;
    QList<TaskArgSpec> args;
    const TaskArgSpec *arg(const QString &key) const;
};

/// The task catalog of docs/protocol.md, as the validator checks it.
const QList<TaskSpec> &taskCatalog();
const TaskSpec *findTask(const QString &name); ///< nullptr when unknown

// Per-part checks of an already typed scenario, with the loader's own messages: the JSON loader
// runs the same checks on each part as it reads it, and the scenario editor runs them on what the
// student edits. Each issue's `path` is the JSON path (`workers[2].name`, `main[3].worker`) and
// its `file` is empty. A part is checked against `context` (the names of its queues and pipes,
// the workers an action refers to, the actions before it).

/// Title and description (required, optional), their lengths.
QList<ScenarioIssue> validateTexts(const Scenario &context);
/// queues[index]: its name (identifier, unique: a later one with the same name is reported) and capacity.
QList<ScenarioIssue> validateQueue(const Scenario &context, int index);
/// pipes[index]: its name (identifier, unique).
QList<ScenarioIssue> validatePipe(const Scenario &context, int index);
/// workers[index]: id, name (when `named`), task and the task's arguments.
QList<ScenarioIssue> validateWorker(const Scenario &context, int index);
/// The arguments of `task` (a worker's or a `call`'s) at `path` (e.g. `workers[2].args`): unknown
/// keys, required ones missing, and each value as taskArgumentProblem() checks it. `valid`, when
/// given, receives the valid arguments, normalised (booleans given as 0/1 become true/false).
QList<ScenarioIssue> validateTaskArguments(const Scenario &context, const TaskSpec &task,
                                           const QJsonValue &args, const QString &path,
                                           QJsonObject *valid = nullptr);
/// Why `value` is not a valid `arg` (type, range, choices, length, a declared queue or pipe of
/// `context`); empty when it is. `normalized`, when given, receives the value as stored.
QString taskArgumentProblem(const Scenario &context, const TaskArgSpec &arg, const QJsonValue &value,
                            QJsonValue *normalized = nullptr);
/// main[index]: the workers, queues and pipes it names, its fields' ranges, and the order rules
/// (start once, act only on started workers, end_main last).
QList<ScenarioIssue> validateAction(const Scenario &context, int index);
/// Every check above, in file order, and the limits on the number of each part.
QList<ScenarioIssue> validateScenario(const Scenario &scenario);

class ScenarioLoader
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)
public:
    /// Reads, parses and validates `path`. Files over kMaxScenarioFileBytes are refused unread.
    static ScenarioLoadResult loadFile(const QString &path);
    /// Parses and validates JSON text; `fileName` only labels the messages.
    static ScenarioLoadResult loadData(const QByteArray &json, const QString &fileName);
    /// Validates an already parsed object (e.g. the `scenario` of a saved run log).
    static ScenarioLoadResult loadObject(const QJsonObject &object, const QString &fileName);
};

} // namespace concurrente
