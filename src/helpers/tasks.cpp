#include "tasks.h"

#include "eventwriter.h"
#include "rawsyscall.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace conc {

namespace {

constexpr double kMaxMs = 3'600'000; // one hour: longer is surely a typo in a scenario
constexpr double kMaxOperand = 1e6;  // keeps a*b*c exact in 64-bit integers, as Python's ints are

// ---- the catalog -------------------------------------------------------------------------------

constexpr ArgSpec kGreetingArgs[] = {
    {"who", ArgKind::String, "Saul", 0, 0, {}, "who is greeted"},
};
constexpr ArgSpec kInfoArgs[] = {
    {"title", ArgKind::String, "Función f", 0, 0, {}, "first line printed"},
    {"who", ArgKind::String, "Valeriano", 0, 0, {}, "greeted after the ids; empty: no greeting"},
};
constexpr ArgSpec kSeriesArgs[] = {
    {"n", ArgKind::Int, "10", 0, 10000, {}, "numbers 0..n-1"},
    {"delay_ms", ArgKind::Int, "200", 0, 60000, {}, "sleep before each number"},
};
constexpr ArgSpec kArithArgs[] = {
    {"op", ArgKind::Choice, "mul3", 0, 0, "mul3,sum3,sumdiv,muladd,muldiv",
     "a*b*c, a+b+c, (a+b)/c, a*b+c, (a*b)/c"},
    {"a", ArgKind::Number, "1", -kMaxOperand, kMaxOperand, {}, "operand"},
    {"b", ArgKind::Number, "1", -kMaxOperand, kMaxOperand, {}, "operand"},
    {"c", ArgKind::Number, "1", -kMaxOperand, kMaxOperand, {}, "operand"},
    {"delay_ms", ArgKind::Int, "0", 0, kMaxMs, {}, "sleep before computing (so a run can terminate it)"},
};
constexpr ArgSpec kSleepArgs[] = {
    {"ms", ArgKind::Int, "2000", 0, kMaxMs, {}, "how long to sleep"},
    {"announce", ArgKind::Int, "1", 0, 1, {}, "print Starting/Exiting lines"},
    {"show_pid", ArgKind::Int, "0", 0, 1, {}, "add ', ID <pid>' to the lines"},
};
constexpr ArgSpec kBurnArgs[] = {
    {"ms", ArgKind::Int, "1000", 0, kMaxMs, {}, "CPU time to burn"},
};
constexpr ArgSpec kTickerArgs[] = {
    {"count", ArgKind::Int, "100", 0, 1'000'000, {}, "lines to print"},
    {"rate", ArgKind::Int, "10", 1, 100'000, {}, "lines per second (a steady pace, not a burst)"},
};
constexpr ArgSpec kGilArgs[] = {
    {"threads", ArgKind::Int, "2", 1, 64, {}, "threads sharing one interpreter lock"},
    {"work", ArgKind::Int, "250000000", 1, 1e12, {}, "iterations per thread"},
    {"switch_us", ArgKind::Int, "5000", 1, 1'000'000, {}, "switch interval (sys.getswitchinterval)"},
};
constexpr ArgSpec kSpawnChildArgs[] = {
    {"ms", ArgKind::Int, "1000", 0, kMaxMs, {}, "the worker's own work before it joins its child"},
    {"child_ms", ArgKind::Int, "4000", 0, kMaxMs, {}, "how long the grandchild lives at most"},
    {"depth", ArgKind::Int, "1", 1, 2, {}, "generations started: 1 a grandchild, 2 it starts a child too"},
};
constexpr ArgSpec kPipeSendArgs[] = {
    {"fd",
     ArgKind::Int,
     "-1",
     -1,
     1023,
     {},
     "the pipe's write end (the main program sets it from pipe=NAME)"},
    {"label",
     ArgKind::String,
     "pipe",
     0,
     0,
     {},
     "the pipe's name in put events (pipe=NAME to the main program sets it)"},
    {"count", ArgKind::Int, "5", 0, 1'000'000, {}, "messages to send"},
    {"from", ArgKind::Number, "1", -1e15, 1e15, {}, "first value (int or float); then from+1, from+2..."},
    {"floats", ArgKind::Int, "0", 0, 1, {}, "send floats: float(from + k), e.g. 2.0 (a float from does too)"},
    {"delay_ms", ArgKind::Int, "0", 0, 60000, {}, "sleep before each message"},
    {"words", ArgKind::String, "", 0, 0, {}, "comma-separated strings to send instead of numbers"},
    {"end_none", ArgKind::Int, "0", 0, 1, {}, "1: send None at the end (the receiver's end marker)"},
};
constexpr ArgSpec kPipeEchoArgs[] = {
    {"fd",
     ArgKind::Int,
     "-1",
     -1,
     1023,
     {},
     "the workers' end of a duplex pipe (the main program sets it from pipe=NAME)"},
    {"label",
     ArgKind::String,
     "pipe",
     0,
     0,
     {},
     "the pipe's name in events (pipe=NAME to the main program sets it)"},
};
constexpr ArgSpec kPipeRecvArgs[] = {
    {"fd", ArgKind::Int, "-1", -1, 1023, {}, "the pipe's read end (the main program sets it from pipe=NAME)"},
    {"label",
     ArgKind::String,
     "pipe",
     0,
     0,
     {},
     "the pipe's name in get events (pipe=NAME to the main program sets it)"},
    {"count", ArgKind::Int, "0", 0, 1'000'000, {}, "messages to receive; 0: until None or end of file"},
};
constexpr ArgSpec kCrashArgs[] = {
    {"how", ArgKind::Choice, "abort", 0, 0, "abort,segfault", "abort: SIGABRT (-6), segfault: SIGSEGV (-11)"},
};

int taskGreeting(TaskContext &ctx);
int taskInfo(TaskContext &ctx);
int taskSquares(TaskContext &ctx);
int taskCubes(TaskContext &ctx);
int taskArith(TaskContext &ctx);
int taskSleep(TaskContext &ctx);
int taskBurn(TaskContext &ctx);
int taskSpawnChild(TaskContext &ctx);
int taskCrash(TaskContext &ctx);
int taskTicker(TaskContext &ctx);

const TaskSpec kCatalog[] = {
    {"greeting", taskGreeting, kGreetingArgs, "prints Hola <who>"},
    {"info", taskInfo, kInfoArgs, "prints title, __name__, ppid, pid (the notebook's info())"},
    {"squares", taskSquares, kSeriesArgs, "cuadrado: k*k for k in range(n), a delay before each"},
    {"cubes", taskCubes, kSeriesArgs, "cubo: k*k*k for k in range(n), a delay before each"},
    {"arith", taskArith, kArithArgs, "one of five expressions of a, b, c; /0 raises ZeroDivisionError"},
    {"sleep", taskSleep, kSleepArgs, "Starting process NAME... / sleep / Exiting process NAME..."},
    {"burn", taskBurn, kBurnArgs, "CPU-bound loop for ms of thread CPU time"},
    {"gil", taskGil, kGilArgs, "N threads taking turns on one interpreter lock, like CPython's GIL"},
    {"spawn_child", taskSpawnChild, kSpawnChildArgs, "starts a grandchild (the orphan demo)"},
    {"crash", taskCrash, kCrashArgs, "dies by a signal"},
    {"ticker", taskTicker, kTickerArgs, "prints count numbered lines at a steady rate per second"},
    {"pipe_send", taskPipeSend, kPipeSendArgs, "sends count numbers (or words) through a pipe"},
    {"pipe_recv", taskPipeRecv, kPipeRecvArgs, "receives from a pipe until None or end of file"},
    {"pipe_echo", taskPipeEcho, kPipeEchoArgs,
     "a duplex pipe's other side: sends back each value until None"},
};

// ---- small helpers -------------------------------------------------------------------------------

template <std::size_t N>
void setErrorParts(TaskContext &ctx, std::string_view type,
                   const std::array<std::string_view, N> &parts) noexcept
{
    FixedBuf b(ctx.error, sizeof ctx.error);
    for (auto p : parts)
        b.add(p);
    ctx.errorLen = b.size();
    ctx.errorType = type;
}

bool isIntegerLiteral(std::string_view s) noexcept
{
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == s.size())
        return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool parseValue(const ArgSpec &spec, std::string_view text, Value &out, FixedBuf &why) noexcept
{
    out = Value{};
    out.s = text;
    switch (spec.kind) {
    case ArgKind::String:
        if (text.size() > kMaxStringArgBytes) {
            why.add("is longer than ").addInt(kMaxStringArgBytes).add(" bytes");
            return false;
        }
        return true;
    case ArgKind::Choice: {
        std::string_view rest = spec.choices;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            if (rest.substr(0, comma) == text)
                return true;
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        why.add("must be one of ").add(spec.choices).add(", got '").add(text).add("'");
        return false;
    }
    case ArgKind::Int:
    case ArgKind::Number: {
        const char *begin = text.data();
        const char *end = text.data() + text.size();
        if (!text.empty() && text[0] == '+')
            ++begin;
        if (isIntegerLiteral(text)) {
            auto [p, ec] = std::from_chars(begin, end, out.i);
            if (ec != std::errc() || p != end) {
                why.add("is out of range: ").add(text);
                return false;
            }
            out.isInt = true;
            if (double(out.i) < spec.min || double(out.i) > spec.max) {
                why.add("= ").addInt(out.i).add(" is out of range [");
                if (spec.kind == ArgKind::Int)
                    why.addInt(std::int64_t(spec.min)).add(", ").addInt(std::int64_t(spec.max));
                else
                    why.addPyFloat(spec.min).add(", ").addPyFloat(spec.max);
                why.add("]");
                return false;
            }
            return true;
        }
        if (spec.kind == ArgKind::Int) {
            why.add("must be an integer, got '").add(text).add("'");
            return false;
        }
        auto [p, ec] = std::from_chars(begin, end, out.d, std::chars_format::general);
        if (text.empty() || ec != std::errc() || p != end || !std::isfinite(out.d)) {
            why.add("must be a number, got '").add(text).add("'");
            return false;
        }
        out.isInt = false;
        if (out.d < spec.min || out.d > spec.max) {
            why.add("= ")
                .addPyFloat(out.d)
                .add(" is out of range [")
                .addPyFloat(spec.min)
                .add(", ")
                .addPyFloat(spec.max)
                .add("]");
            return false;
        }
        return true;
    }
    }
    return false;
}

// 2, 2:1, 2:1:1 ...: positive decimal numbers joined by ':' (multiprocessing's _identity).
bool isIdentity(std::string_view s) noexcept
{
    if (s.empty() || s.size() > kMaxIdentityBytes)
        return false;
    std::size_t digits = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ':') {
            if (digits == 0 || digits > 9)
                return false;
            digits = 0;
        } else if (s[i] >= '0' && s[i] <= '9' && !(digits == 0 && s[i] == '0')) {
            ++digits;
        } else {
            return false;
        }
    }
    return true;
}

// The arguments every task accepts: identity= and exit=. False when `key` is not one of them.
bool parseCommonArg(TaskContext &ctx, std::string_view key, std::string_view value) noexcept
{
    if (key == "identity") {
        if (!ctx.identity.empty()) {
            setErrorParts<3>(ctx, "ValueError", {ctx.taskName, ": argument 'identity' given twice", ""});
        } else if (!isIdentity(value)) {
            setErrorParts<4>(
                ctx, "ValueError",
                {ctx.taskName,
                 ": argument 'identity' must be like 2 or 2:1 (positive numbers joined by ':'), got '", value,
                 "'"});
        } else {
            ctx.identity = value;
        }
        return true;
    }
    if (key != "exit")
        return false;
    if (ctx.exitGiven) {
        setErrorParts<3>(ctx, "ValueError", {ctx.taskName, ": argument 'exit' given twice", ""});
        return true;
    }
    ctx.exitGiven = true;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        ctx.exitIsText = true; // exit="3": the string "3", as sys.exit("3")
        ctx.exitText = value.substr(1, value.size() - 2);
    } else if (isIntegerLiteral(value)) {
        const char *begin = value.data() + (value[0] == '+' ? 1 : 0);
        auto [p, ec] = std::from_chars(begin, value.data() + value.size(), ctx.exitCode);
        if (ec != std::errc() || ctx.exitCode < kMinExitCode || ctx.exitCode > kMaxExitCode) {
            // CPython itself is inconsistent past a C int (OverflowError under fork, 0 under spawn).
            setErrorParts<3>(ctx, "ValueError", {ctx.taskName, ": argument 'exit' = ", value});
            FixedBuf b(ctx.error + ctx.errorLen, sizeof ctx.error - ctx.errorLen);
            b.add(" is out of range [").addInt(kMinExitCode).add(", ").addInt(kMaxExitCode).add("]");
            ctx.errorLen += b.size();
        }
    } else {
        if (value.size() > kMaxStringArgBytes) {
            setErrorParts<3>(ctx, "ValueError", {ctx.taskName, ": argument 'exit' is too long", ""});
            return true;
        }
        ctx.exitIsText = true;
        ctx.exitText = value;
    }
    return true;
}

void argNameList(const TaskSpec &task, FixedBuf &b) noexcept
{
    for (std::size_t k = 0; k < task.args.size(); ++k) {
        if (k)
            b.add(", ");
        b.add(task.args[k].name);
    }
}

} // namespace

// ---- argument handling -------------------------------------------------------------------------------

std::span<const TaskSpec> taskCatalog() noexcept
{
    return kCatalog;
}

const TaskSpec *findTask(std::string_view name) noexcept
{
    for (auto catalog : {taskCatalog(), queueTaskCatalog()})
        for (const TaskSpec &t : catalog)
            if (t.name == name)
                return &t;
    return nullptr;
}

void TaskContext::setError(std::string_view type, std::string_view message) noexcept
{
    setErrorParts<1>(*this, type, {message});
}

namespace {
// string_view's == calls libc's memcmp for lengths it does not know, a text window of its own
// that a fork() child would fault in just to read its arguments (see rawsyscall.h).
bool sameText(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}
} // namespace

const Value &TaskContext::arg(std::string_view argName) const noexcept
{
    static const Value kNone{};
    if (!task)
        return kNone;
    for (std::size_t k = 0; k < task->args.size(); ++k)
        if (sameText(task->args[k].name, argName))
            return args[k];
    return kNone;
}

void TaskContext::setIfNotGiven(std::string_view argName, std::string_view text) noexcept
{
    if (!task)
        return;
    for (std::size_t k = 0; k < task->args.size(); ++k)
        if (task->args[k].name == argName && !given[k] && task->args[k].kind == ArgKind::String)
            args[k].s = text;
}

void beginTaskArgs(TaskContext &ctx, std::string_view taskName) noexcept
{
    ctx.taskName = taskName;
    ctx.task = findTask(taskName);
    ctx.errorLen = 0;
    for (bool &g : ctx.given)
        g = false;
    if (!ctx.task) {
        StackBuf<512> known;
        for (auto catalog : {taskCatalog(), queueTaskCatalog()})
            for (const TaskSpec &t : catalog)
                known.add(known.size() ? ", " : "").add(t.name);
        setErrorParts<5>(ctx, "ValueError", {"unknown task '", taskName, "' (known: ", known.view(), ")"});
        return;
    }
    for (std::size_t k = 0; k < ctx.task->args.size(); ++k) {
        StackBuf<8> ignored;
        parseValue(ctx.task->args[k], ctx.task->args[k].defaultValue, ctx.args[k], ignored);
    }
}

bool parseTaskArg(TaskContext &ctx, std::string_view keyValue) noexcept
{
    if (ctx.hasError())
        return false; // report the first problem only
    if (!ctx.task)
        return false;
    const std::size_t eq = keyValue.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        setErrorParts<3>(ctx, "ValueError", {"expected key=value, got '", keyValue, "'"});
        return false;
    }
    const std::string_view key = keyValue.substr(0, eq);
    const std::string_view value = keyValue.substr(eq + 1);
    if (parseCommonArg(ctx, key, value))
        return !ctx.hasError();
    for (std::size_t k = 0; k < ctx.task->args.size(); ++k) {
        const ArgSpec &spec = ctx.task->args[k];
        if (spec.name != key)
            continue;
        if (ctx.given[k]) {
            setErrorParts<5>(ctx, "ValueError", {ctx.taskName, ": argument '", key, "' given twice", ""});
            return false;
        }
        StackBuf<256> why;
        if (!parseValue(spec, value, ctx.args[k], why)) {
            setErrorParts<5>(ctx, "ValueError", {ctx.taskName, ": argument '", key, "' ", why.view()});
            return false;
        }
        ctx.given[k] = true;
        return true;
    }
    StackBuf<256> known;
    argNameList(*ctx.task, known);
    known.add(ctx.task->args.empty() ? "" : ", ").add("identity, exit");
    setErrorParts<7>(ctx, "ValueError",
                     {"task '", ctx.taskName, "' has no argument '", key, "' (known: ", known.view(), ")"});
    return false;
}

// ---- running -----------------------------------------------------------------------------------

bool emitPrint(std::string_view text) noexcept
{
    return Event("print").str("text", text).emit();
}

bool emitPrint(const FixedBuf &line) noexcept
{
    Event e("print");
    e.str("text", line.view());
    if (line.cut())
        e.markTruncated();
    return e.emit();
}

void emitError(const TaskContext &ctx, std::string_view type, std::string_view message) noexcept
{
    Event("error").str("type", type).str("message", message).emit();
    // Like CPython's child, which prints the traceback of an uncaught exception on stderr.
    StackBuf<1024> b;
    b.add("Process ").add(ctx.name).add(":\n").add(type).add(": ").add(message).add("\n");
    writeAll(2, b.view().data(), b.size());
}

void sleepNs(std::int64_t ns) noexcept
{
    if (ns <= 0)
        return;
    timespec req{time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
    timespec rem{};
    while (nanosleep(&req, &rem) != 0 && errno == EINTR)
        req = rem;
}

std::int64_t threadCpuNs() noexcept
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::string_view startMethodName(StartMethod method) noexcept
{
    switch (method) {
    case StartMethod::Fork:
        return "fork";
    case StartMethod::Forkserver:
        return "forkserver";
    case StartMethod::Spawn:
        break;
    }
    return "spawn";
}

bool parseStartMethod(std::string_view text, StartMethod &method) noexcept
{
    if (text == "spawn" || text == "qprocess")
        method = StartMethod::Spawn;
    else if (text == "fork")
        method = StartMethod::Fork;
    else if (text == "forkserver")
        method = StartMethod::Forkserver;
    else
        return false;
    return true;
}

std::string_view identityOf(const TaskContext &ctx) noexcept
{
    if (!ctx.identity.empty())
        return ctx.identity;
    constexpr std::string_view kPrefix = "Process-";
    if (ctx.name.starts_with(kPrefix) && isIdentity(ctx.name.substr(kPrefix.size())))
        return ctx.name.substr(kPrefix.size());
    return "1";
}

namespace {

void addStartFields(EventLine &e, const TaskContext &ctx, std::string_view identity) noexcept
{
    e.str("name", ctx.name)
        .num("ppid", rawsys::getppid())
        .str("task", ctx.taskName)
        .boolean("daemon", ctx.daemon)
        .str("start_method", startMethodName(ctx.startMethod))
        .str("identity", identity);
}

// A `start` line whose strings may escape to more than ShortEvent's room. Out of line, so that
// its 4 KiB buffer is not part of runTaskAndExit's stack frame.
[[gnu::noinline]] void emitLongStart(const TaskContext &ctx, std::string_view identity) noexcept
{
    Event e("start");
    addStartFields(e, ctx, identity);
    e.emit();
}

// sys.exit("TEXT"): the text on stderr, code 1. Out of line for the same reason.
[[gnu::noinline]] int exitWithText(const TaskContext &ctx) noexcept
{
    StackBuf<kMaxStringArgBytes + 2> b;
    b.add(ctx.exitText).add('\n');
    writeAll(2, b.view().data(), b.size());
    return 1;
}

} // namespace

void runTaskAndExit(TaskContext &ctx) noexcept
{
    // A forked child starts here with the main program's stack pages shared copy-on-write: each
    // one it writes costs a fault and a copy, so the usual lines are built in a short buffer.
    constexpr std::size_t kShortStart = 640;
    const std::string_view identity = identityOf(ctx);
    // Six bytes per byte is the longest escape (\u00XX); the fixed part is under 200 bytes.
    // The process's own pid and the clock through plain system calls (rawsyscall.h): libc's
    // wrappers and the vDSO would each be a page fault in a fresh fork() child.
    const pid_t self = rawsys::getpid();
    if ((ctx.name.size() + ctx.taskName.size() + identity.size()) * 6 + 200 <= kShortStart) {
        ShortEvent<kShortStart> e("start", self, rawsys::monotonicNs());
        addStartFields(e, ctx, identity);
        e.emit();
    } else {
        emitLongStart(ctx, identity);
    }
    int code = 1;
    if (ctx.hasError() || !ctx.task)
        emitError(ctx, ctx.errorType, std::string_view(ctx.error, ctx.errorLen));
    else
        code = ctx.task->run(ctx);
    if (code == 0 && ctx.exitGiven) {
        // sys.exit() after the work. multiprocessing's _bootstrap: an int is the exit code (the
        // kernel keeps its low 8 bits: 256 -> 0, -1 -> 255); anything else is written to stderr
        // and the code is 1.
        code = ctx.exitIsText ? exitWithText(ctx) : int(ctx.exitCode & 0xff);
    }
    ShortEvent<128>("exit", self, rawsys::monotonicNs()).num("code", code).emit();
    _exit(code);
}

void writeCatalogJson(int fd) noexcept
{
    static constexpr std::string_view kKinds[] = {"int", "number", "string", "choice"};
    for (auto catalog : {taskCatalog(), queueTaskCatalog()})
        for (const TaskSpec &t : catalog) {
            // Built with Event's escaping, then the event header is dropped: one object per line.
            StackBuf<4096> line;
            line.add("{\"task\":");
            {
                Event e("x", 1);
                e.str("s", t.name);
                const std::string_view full = e.finish();
                const std::size_t at = full.find(",\"s\":") + 5;
                line.add(full.substr(at, full.size() - at - 2));
            }
            line.add(",\"summary\":\"").add(t.summary).add("\",\"args\":[");
            for (std::size_t k = 0; k < t.args.size(); ++k) {
                const ArgSpec &a = t.args[k];
                Event e("x", 1);
                e.str("name", a.name).str("kind", kKinds[int(a.kind)]).str("default", a.defaultValue);
                if (a.kind == ArgKind::Int || a.kind == ArgKind::Number)
                    e.real("min", a.min).real("max", a.max);
                if (a.kind == ArgKind::Choice)
                    e.str("choices", a.choices);
                e.str("help", a.help);
                const std::string_view full = e.finish();
                const std::size_t at = full.find(",\"name\":") + 1;
                line.add(k ? ",{" : "{").add(full.substr(at, full.size() - at - 1));
            }
            // The arguments every task accepts.
            line.add(t.args.empty() ? "" : ",")
                .add("{\"name\":\"identity\",\"kind\":\"identity\",\"default\":\"\",\"common\":true,"
                     "\"help\":\"multiprocessing's _identity, e.g. 2 or 2:1 (set by the run); empty: from a "
                     "name "
                     "Process-N, else 1\"},")
                .add("{\"name\":\"exit\",\"kind\":\"exit\",\"default\":\"\",\"common\":true,\"min\":")
                .addInt(kMinExitCode)
                .add(",\"max\":")
                .addInt(kMaxExitCode)
                .add(",\"help\":\"sys.exit() after the work: N (code N & 0xff) or TEXT / \\\"TEXT\\\" "
                     "(printed on "
                     "stderr, code 1)\"}");
            line.add("]}\n");
            writeAll(fd, line.view().data(), line.size());
        }
}

// ---- the tasks -----------------------------------------------------------------------------------

namespace {

int taskGreeting(TaskContext &ctx)
{
    StackBuf<2048> b;
    b.add("Hola ").add(ctx.strArg("who"));
    emitPrint(b);
    return 0;
}

int taskInfo(TaskContext &ctx)
{
    emitPrint(ctx.strArg("title"));
    // What the child's __name__ is: "__main__" when forked, "__mp_main__" under spawn and
    // forkserver (the main module is imported again there under that name).
    emitPrint(ctx.startMethod == StartMethod::Fork ? "Nombre del proceso: __main__"
                                                   : "Nombre del proceso: __mp_main__");
    StackBuf<64> b;
    b.add("Proceso padre: ").addInt(getppid());
    emitPrint(b);
    b.clear();
    b.add("Proceso actual: ").addInt(getpid());
    emitPrint(b);
    if (!ctx.strArg("who").empty()) {
        StackBuf<2048> hola;
        hola.add("Hola ").add(ctx.strArg("who"));
        emitPrint(hola);
        emitPrint("----------");
    }
    return 0;
}

int series(TaskContext &ctx, std::string_view header, std::string_view label, int power)
{
    emitPrint(header);
    const std::int64_t n = ctx.intArg("n");
    const std::int64_t delayNs = ctx.intArg("delay_ms") * 1'000'000;
    for (std::int64_t k = 0; k < n; ++k) {
        sleepNs(delayNs);
        std::int64_t v = k * k;
        if (power == 3)
            v *= k;
        StackBuf<64> b;
        b.add(label).add(": ").addInt(v);
        emitPrint(b);
    }
    return 0;
}

int taskSquares(TaskContext &ctx)
{
    return series(ctx, "calcula cuadrado de números", "cuadrado", 2);
}
int taskTicker(TaskContext &ctx)
{
    // for k in range(count): print("tick", k) at `rate` lines a second: each line has its own
    // deadline on the monotonic clock, so a late line does not slow down the ones after it.
    const std::int64_t count = ctx.intArg("count");
    const std::int64_t periodNs = 1'000'000'000 / ctx.intArg("rate");
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const std::int64_t t0 = std::int64_t(start.tv_sec) * 1'000'000'000 + start.tv_nsec;
    for (std::int64_t k = 0; k < count; ++k) {
        const std::int64_t due = t0 + k * periodNs;
        const timespec at{time_t(due / 1'000'000'000), long(due % 1'000'000'000)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nullptr) == EINTR) {
        }
        StackBuf<64> b;
        b.add("tick ").addInt(k);
        emitPrint(b.view());
    }
    return 0;
}

int taskCubes(TaskContext &ctx)
{
    return series(ctx, "calcula cubo de números", "cubo", 3);
}

// Python's number semantics for the five expressions: int op int stays int (exact, the
// operands are bounded so 64 bits suffice), anything with a float is float, `/` is true
// division and raises ZeroDivisionError.
struct PyNum
{
    bool isInt;
    std::int64_t i;
    double d;
    double f() const { return isInt ? double(i) : d; }
};

PyNum pyMul(PyNum x, PyNum y)
{
    if (x.isInt && y.isInt)
        return {true, x.i * y.i, 0};
    return {false, 0, x.f() * y.f()};
}

PyNum pyAdd(PyNum x, PyNum y)
{
    if (x.isInt && y.isInt)
        return {true, x.i + y.i, 0};
    return {false, 0, x.f() + y.f()};
}

bool pyDiv(PyNum x, PyNum y, PyNum &out, std::string_view &error)
{
    if (y.f() == 0) {
        // CPython 3.11: int / int says "division by zero", a float operand "float division by zero".
        error = (x.isInt && y.isInt) ? "division by zero" : "float division by zero";
        return false;
    }
    out = {false, 0, x.f() / y.f()};
    return true;
}

void addPyNum(FixedBuf &b, PyNum v)
{
    if (v.isInt)
        b.addInt(v.i);
    else
        b.addPyFloat(v.d);
}

int taskArith(TaskContext &ctx)
{
    auto num = [&](std::string_view n) {
        const Value &v = ctx.arg(n);
        return PyNum{v.isInt, v.i, v.d};
    };
    const PyNum a = num("a"), b = num("b"), c = num("c");
    const std::string_view op = ctx.strArg("op");
    sleepNs(ctx.intArg("delay_ms") * 1'000'000);
    PyNum r{true, 0, 0};
    std::string_view divError;
    bool ok = true;
    StackBuf<128> expr;
    auto operand = [&](PyNum v) { addPyNum(expr, v); };
    if (op == "mul3") {
        operand(a), expr.add('*'), operand(b), expr.add('*'), operand(c);
        r = pyMul(pyMul(a, b), c);
    } else if (op == "sum3") {
        operand(a), expr.add('+'), operand(b), expr.add('+'), operand(c);
        r = pyAdd(pyAdd(a, b), c);
    } else if (op == "sumdiv") {
        expr.add('('), operand(a), expr.add('+'), operand(b), expr.add(")/"), operand(c);
        ok = pyDiv(pyAdd(a, b), c, r, divError);
    } else if (op == "muladd") {
        operand(a), expr.add('*'), operand(b), expr.add('+'), operand(c);
        r = pyAdd(pyMul(a, b), c);
    } else { // muldiv
        expr.add('('), operand(a), expr.add('*'), operand(b), expr.add(")/"), operand(c);
        ok = pyDiv(pyMul(a, b), c, r, divError);
    }
    if (!ok) {
        emitError(ctx, "ZeroDivisionError", divError);
        return 1;
    }
    StackBuf<64> text;
    addPyNum(text, r);
    // Exercises 1 and 2's informa(valor): print("{}: PID {}, PPID {}, valor {}".format(
    //     mp.current_process().name, os.getpid(), os.getppid(), valor))
    StackBuf<1024> line;
    line.add(ctx.name)
        .add(": PID ")
        .addInt(getpid())
        .add(", PPID ")
        .addInt(getppid())
        .add(", valor ")
        .add(text.view());
    emitPrint(line);
    Event e("result");
    if (r.isInt)
        e.num("value", r.i);
    else
        e.floatValue(r.d); // 2.0 stays a float for readers whose JSON numbers cannot tell
    e.str("text", text.view()).str("expr", expr.view()).emit();
    return 0;
}

int taskSleep(TaskContext &ctx)
{
    const bool announce = ctx.intArg("announce") != 0;
    const bool showPid = ctx.intArg("show_pid") != 0;
    auto line = [&](std::string_view verb) {
        StackBuf<1024> b;
        b.add(verb).add(" process ").add(ctx.name);
        if (showPid)
            b.add(", ID ").addInt(getpid());
        b.add("...");
        emitPrint(b);
    };
    if (announce)
        line("Starting");
    sleepNs(ctx.intArg("ms") * 1'000'000);
    if (announce)
        line("Exiting");
    return 0;
}

int taskBurn(TaskContext &ctx)
{
    const std::int64_t budget = ctx.intArg("ms") * 1'000'000;
    const std::int64_t wall0 = monotonicNs();
    const std::int64_t cpu0 = threadCpuNs();
    std::uint64_t x = 0x9E3779B97F4A7C15ull ^ std::uint64_t(getpid());
    std::int64_t cpu = 0;
    while ((cpu = threadCpuNs() - cpu0) < budget) {
        for (int k = 0; k < 20000; ++k) { // xorshift: pure CPU, no memory traffic
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        asm volatile("" : : "r"(x));
    }
    const std::int64_t wall = monotonicNs() - wall0;
    StackBuf<128> b;
    b.add("CPU ");
    addSeconds(b, cpu);
    b.add(", pared ");
    addSeconds(b, wall);
    emitPrint(b);
    Event("result").floatValue(double(cpu) / 1e9).num("cpu_ns", cpu).num("wall_ns", wall).emit();
    return 0;
}

// A child's identity: its parent's plus its place among the parent's children (1 for the first),
// as multiprocessing's BaseProcess.__init__ builds it (the counter restarts at 1 in every child).
void childIdentity(FixedBuf &out, std::string_view parentIdentity, std::int64_t k) noexcept
{
    out.add(parentIdentity).add(':').addInt(k);
}

// The grandchild of the orphan demo (and, with depth=2, its own child). It has no parent-death
// signal (it must outlive its parent to become an orphan), so it bounds its own life instead:
// child_ms at most, and not a moment after the reader of its event channel is gone. Its name is
// CPython's: `Process-` + its identity, e.g. Process-2:1, whatever its parent was called.
[[noreturn]] void grandchild(const TaskContext &ctx, std::string_view identity, pid_t parent,
                             std::int64_t childMs, std::int64_t generationsLeft)
{
    // A write to a closed pipe must be an error we see, not a SIGPIPE that kills silently.
    signal(SIGPIPE, SIG_IGN);
    StackBuf<kMaxIdentityBytes + 16> name;
    name.add("Process-").add(identity);
    bool ok = Event("start")
                  .str("name", name.view())
                  .num("ppid", getppid())
                  .str("task", "child")
                  .boolean("daemon", false)
                  .str("start_method", startMethodName(ctx.startMethod))
                  .str("identity", identity)
                  .emit();
    // The lesson's nieto(): print("Nieto  PID {}: mi padre es {}".format(os.getpid(), os.getppid()))
    // once a second while it lives.
    auto report = [] {
        StackBuf<96> b;
        b.add("Nieto  PID ").addInt(getpid()).add(": mi padre es ").addInt(getppid());
        return emitPrint(b);
    };
    ok = ok && report();
    pid_t own = -1;
    if (ok && generationsLeft > 0) {
        StackBuf<kMaxIdentityBytes + 16> sub;
        childIdentity(sub, identity, 1);
        const pid_t self = getpid();
        own = fork();
        if (own == 0)
            grandchild(ctx, sub.view(), self, childMs, generationsLeft - 1);
    }
    const std::int64_t start = monotonicNs();
    const std::int64_t deadline = start + childMs * 1'000'000;
    std::int64_t nextReport = start + 1'000'000'000;
    pid_t known = parent;
    while (ok) {
        const pid_t now = getppid();
        if (now != known) {
            ok = Event("reparented").num("ppid", now).num("old_ppid", known).emit();
            known = now;
        }
        const std::int64_t t = monotonicNs();
        const std::int64_t left = deadline - t;
        if (left <= 0)
            break;
        if (t >= nextReport) {
            ok = report();
            nextReport += 1'000'000'000;
        }
        pollfd p{eventFd(), 0, 0};
        const int waitMs = int(left / 1'000'000 < 20 ? left / 1'000'000 + 1 : 20);
        if (poll(&p, 1, waitMs) > 0 && (p.revents & (POLLERR | POLLHUP | POLLNVAL)))
            _exit(0); // nobody reads our events any more
    }
    if (ok && own > 0) {
        // Like multiprocessing's exit handler, a process that ends normally joins its children.
        while (waitpid(own, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    if (ok)
        Event("exit").num("code", 0).emit();
    _exit(0);
}

int taskSpawnChild(TaskContext &ctx)
{
    if (ctx.daemon) {
        // CPython's Process.start() asserts this in the daemonic child.
        emitError(ctx, "AssertionError", "daemonic processes are not allowed to have children");
        return 1;
    }
    // The lesson's hijo(): print("Hijo   PID {}: mi padre es {}".format(os.getpid(), os.getppid()))
    StackBuf<96> line;
    line.add("Hijo   PID ").addInt(getpid()).add(": mi padre es ").addInt(getppid());
    emitPrint(line);
    StackBuf<kMaxIdentityBytes + 16> identity;
    childIdentity(identity, identityOf(ctx), 1); // the worker's first (and only) child
    const pid_t self = getpid();
    const pid_t child = fork();
    if (child < 0) {
        emitError(ctx, "OSError", "fork failed");
        return 1;
    }
    if (child == 0)
        grandchild(ctx, identity.view(), self, ctx.intArg("child_ms"), ctx.intArg("depth") - 1);
    sleepNs(ctx.intArg("ms") * 1'000'000);
    // Like multiprocessing's exit handler, a parent that ends normally joins its children.
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return 0;
}

volatile std::uintptr_t g_nullAddress = 0; // opaque to the optimiser: a real invalid access

// The invalid store is the point: the sanitizer build must let it fault (SIGSEGV, -11) rather
// than report it and exit 1.
__attribute__((no_sanitize("address", "undefined"))) int taskCrash(TaskContext &ctx)
{
    // A crash demo must not leave core files around.
    rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    if (ctx.strArg("how") == "segfault") {
        signal(SIGSEGV, SIG_DFL);
        *reinterpret_cast<volatile int *>(g_nullAddress) = 1;
    }
    signal(SIGABRT, SIG_DFL);
    abort();
}

} // namespace

void addSeconds(FixedBuf &b, std::int64_t ns) noexcept
{
    const std::int64_t ms = (ns + 500'000) / 1'000'000;
    b.addInt(ms / 1000).add('.');
    const std::int64_t frac = ms % 1000;
    if (frac < 100)
        b.add('0');
    if (frac < 10)
        b.add('0');
    b.addInt(frac).add(" s");
}

} // namespace conc
