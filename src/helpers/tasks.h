#pragma once
// The task catalog shared by concurrente-worker and concurrente-main (docs/protocol.md).
//
// Arguments are parsed and validated before a task starts (in the main program: before fork()),
// into fixed-size storage that points into the caller's argv or command buffer, so nothing here
// allocates and a forked child can run a task without touching malloc.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace conc {

class FixedBuf;

/// Python's start methods: how the process running the task was created.
enum class StartMethod { Spawn, Fork, Forkserver };
/// "spawn", "fork", "forkserver"
std::string_view startMethodName(StartMethod method) noexcept;
/// Parses a start method name ("qprocess" is read as spawn, its former name). False if unknown.
bool parseStartMethod(std::string_view text, StartMethod &method) noexcept;
enum class ArgKind { Int, Number, String, Choice };

/// Limits of the command line, named so the messages and the docs agree.
inline constexpr std::size_t kMaxNameBytes = 256;
inline constexpr std::size_t kMaxTaskArgs = 8;
inline constexpr std::size_t kMaxStringArgBytes = 1024;
/// identity=2:1 — multiprocessing's _identity written with ':' (at most this long).
inline constexpr std::size_t kMaxIdentityBytes = 64;
/// exit=N takes the values of a C int, as CPython's SystemExit does (the code is then N & 0xff).
inline constexpr std::int64_t kMinExitCode = -2147483648LL;
inline constexpr std::int64_t kMaxExitCode = 2147483647LL;

struct ArgSpec
{
    std::string_view name;
    ArgKind kind;
    std::string_view defaultValue;
    double min = 0;                ///< Int/Number: smallest accepted value
    double max = 0;                ///< Int/Number: largest accepted value
    std::string_view choices = {}; ///< Choice: comma-separated accepted words
    std::string_view help = {};
};

/// A parsed argument. Number arguments keep Python's int/float distinction, because the
/// results are printed like Python prints them (2*3*4 → 24, (3+4)/2 → 3.5).
struct Value
{
    bool isInt = true;
    std::int64_t i = 0;
    double d = 0;
    std::string_view s;
    double asDouble() const noexcept { return isInt ? double(i) : d; }
};

struct TaskContext;
using TaskFn = int (*)(TaskContext &);

struct TaskSpec
{
    std::string_view name;
    TaskFn run;
    std::span<const ArgSpec> args;
    std::string_view summary;
};

struct TaskContext
{
    std::string_view name;
    std::string_view taskName;
    const TaskSpec *task = nullptr;
    Value args[kMaxTaskArgs];
    bool given[kMaxTaskArgs] = {};
    bool daemon = false;
    StartMethod startMethod = StartMethod::Spawn;
    /// An argument error found before the task ran; the task then raises it (exit code 1),
    /// as CPython's child raises an exception from its target.
    char error[384] = {};
    std::size_t errorLen = 0;
    std::string_view errorType;

    // Arguments every task accepts (docs/protocol.md, "Arguments of every task").
    /// identity=2 or identity=2:1: multiprocessing's _identity of this process; empty when not
    /// given (then derived from a name `Process-N`, else 1: see identityOf()).
    std::string_view identity;
    /// exit=N or exit=TEXT: sys.exit(N) / sys.exit("TEXT") after the task's work.
    bool exitGiven = false;
    bool exitIsText = false;
    std::int64_t exitCode = 0;
    std::string_view exitText;

    const Value &arg(std::string_view argName) const noexcept;
    std::int64_t intArg(std::string_view argName) const noexcept { return arg(argName).i; }
    std::string_view strArg(std::string_view argName) const noexcept { return arg(argName).s; }
    bool hasError() const noexcept { return errorLen > 0; }
    void setError(std::string_view type, std::string_view message) noexcept;
    /// Sets a string argument the command line did not give (text must outlive the task).
    void setIfNotGiven(std::string_view argName, std::string_view text) noexcept;
};

/// The built-in tasks, then the queue tasks (task_queue.cpp, over src/shmq).
std::span<const TaskSpec> taskCatalog() noexcept;
std::span<const TaskSpec> queueTaskCatalog() noexcept;
const TaskSpec *findTask(std::string_view name) noexcept;

/// Resets ctx for task `taskName` (an unknown task records a ValueError) and applies defaults.
void beginTaskArgs(TaskContext &ctx, std::string_view taskName) noexcept;
/// Parses one `key=value`; on failure records a ValueError in ctx and returns false.
bool parseTaskArg(TaskContext &ctx, std::string_view keyValue) noexcept;

/// This process's identity as text ("2", "2:1"): identity= if given, else the N of a name
/// `Process-N` (N itself an identity), else "1".
std::string_view identityOf(const TaskContext &ctx) noexcept;

/// Emits `start`, runs the task (or raises the recorded argument error), emits `exit` and
/// _exit()s with the task's code. Async-signal-safe up to the task itself.
[[noreturn]] void runTaskAndExit(TaskContext &ctx) noexcept;

/// Writes the catalog as one JSON object per task (for the app's scenario validator).
void writeCatalogJson(int fd) noexcept;

// Shared by the task implementations.
bool emitPrint(std::string_view text) noexcept;
/// A print of a line built in a fixed buffer: `"truncated":true` when the buffer cut it.
bool emitPrint(const FixedBuf &line) noexcept;
void emitError(const TaskContext &ctx, std::string_view type, std::string_view message) noexcept;
/// Sleeps the whole interval even when signals interrupt it.
void sleepNs(std::int64_t ns) noexcept;
std::int64_t threadCpuNs() noexcept;
/// Appends a duration as seconds with three decimals, e.g. "1.250 s".
void addSeconds(FixedBuf &b, std::int64_t ns) noexcept;

// Task entry points living in their own files.
int taskGil(TaskContext &ctx);
int taskPipeSend(TaskContext &ctx);
int taskPipeRecv(TaskContext &ctx);
int taskPipeEcho(TaskContext &ctx);

} // namespace conc
