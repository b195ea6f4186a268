// concurrente-main: the run's main program (Python's MainProcess), the parent of every worker.
//
// Single-threaded. Reads TAB-separated commands on stdin and starts one child per `start`, by the
// worker's start method:
//  - spawn: posix_spawn() of concurrente-worker (a fresh program, like CPython's spawn);
//  - fork: fork(), and the child runs the task in-process (no exec);
//  - forkserver: the first such start forks a server process (this same program, reading the
//    commands we pass on through a pipe), which forks the workers; their os.getppid() is the
//    server, their parent_process() this main program, as in CPython.
// Between fork() and the task a child makes only async-signal-safe calls and leaves by _exit() on
// every path. SIGCHLD and SIGTERM arrive through a signalfd, so the command loop never blocks in
// waitpid(); children are reaped with waitpid(-1, WNOHANG) in a loop and reported as `exited`
// events. See docs/protocol.md.

#include "descriptors.h"
#include "eventwriter.h"
#include "mainqueue.h"
#include "pipemsg.h"
#include "pipes.h"
#include "rawsyscall.h"
#include "tasks.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <optional>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

namespace {

constexpr std::size_t kMaxChildren = 1024;
constexpr std::size_t kMaxCommandBytes = 16384;
/// The descriptor a spawned pipe_send / pipe_recv worker finds its pipe end on (`fd=4`).
constexpr int kSpawnPipeFd = 4;
constexpr std::size_t kMaxFields = 4 + conc::kMaxTaskArgs + 6;
/// argv of a spawned worker: the program, its fixed options and the command's fields.
constexpr std::size_t kMaxSpawnArgs = kMaxFields + 16;

struct Child
{
    pid_t pid = 0;
    char name[conc::kMaxNameBytes];
    std::size_t nameLen = 0;
};

// Why the helper's memory is laid out this way: after fork() every private page is shared
// copy-on-write with the child, so each page the helper or a live child writes afterwards costs
// a page fault and a page copy (several µs each on a VM). Per child that used to be ~26 faults
// (~9 in the helper, ~18 in the child), the bulk of the ~200 µs a child cost. So:
//  - state only the helper uses (child table, error copy of the line, signalfd buffer, its own
//    event lines) lives in one mapping marked MADV_DONTFORK: children never inherit it, so the
//    helper writes it without faults;
//  - what the child needs (its TaskContext and the command line its arguments point into)
//    shares one page-aligned block, so a short command dirties one page, not three;
//  - no 4 KiB event buffers on the helper's stack: the frames a child inherits stay small, so
//    helper and child each touch fewer stack pages.
struct ParentOnly
{
    Child children[kMaxChildren];
    char rawCopy[kMaxCommandBytes];
    signalfd_siginfo si[16];
    alignas(conc::Event) unsigned char eventStorage[sizeof(conc::Event)];
    // The helper's own event lines wait here while it works through what one wake-up brought
    // (a batch of start commands, a batch of ended children) and leave in one write() before it
    // sleeps again: 64 `forked` lines cost one system call instead of 64, and the app one
    // wake-up. Never more than PIPE_BUF bytes per write, so the lines of children writing to the
    // same pipe never interleave with ours. Timestamps are taken when an event happens, not when
    // it is written.
    char out[conc::kMaxLineBytes];
    std::size_t outUsed;
    // A spawned worker's argv: NUL-terminated copies of the command's fields.
    char spawnText[kMaxCommandBytes + 1024];
    char *spawnArgv[kMaxSpawnArgs + 1];
};
ParentOnly *g_parent = nullptr;
static_assert(std::is_trivially_destructible_v<conc::Event>);

struct alignas(4096) ChildArena
{
    conc::TaskContext ctx;
    char line[kMaxCommandBytes];
};
ChildArena g_arena;

// The helper's one event under construction (Event is trivially destructible: reusing the
// storage needs no destructor call). Never used in a child.
conc::Event &parentEvent(std::string_view ev, pid_t pid = 0)
{
    return *new (g_parent->eventStorage) conc::Event(ev, pid);
}

pid_t g_self = 0;
int g_devNull = -1; // opened once, so a child only dup2()s it
int g_signalFd = -1;
bool g_subreaper = false;
const char *g_workerPath = nullptr; // concurrente-worker, for spawn
// The run's queue segments (--queue-fd): kept, without close-on-exec, so that every worker,
// forked or spawned, inherits them at the same numbers.
constexpr std::size_t kMaxQueueFds = 64;
int g_queueFds[kMaxQueueFds];
std::size_t g_queueFdCount = 0;
bool g_isServer = false; // this process is the fork server, not the main program
pid_t g_server = 0;      // the fork server, once started (main program only)
int g_serverCmd = -1;    // write end of the server's command pipe

Child *findChild(pid_t pid)
{
    for (Child &c : g_parent->children)
        if (c.pid == pid)
            return &c;
    return nullptr;
}

[[noreturn]] void shutdownAndExit(int signo);

// Writes the helper's pending event lines. False when the app has gone (EPIPE).
bool writePending()
{
    const std::size_t n = std::exchange(g_parent->outUsed, 0);
    return n == 0 || conc::writeAll(conc::eventFd(), g_parent->out, n);
}

void flushEvents()
{
    if (!writePending())
        shutdownAndExit(0);
}

// Every event of the helper goes through here (see ParentOnly::out): when the app has gone
// (EPIPE), there is nobody left to report to and no reason to keep the run's processes.
void emitOrShutdown(conc::Event &e)
{
    const std::string_view line = e.finish();
    if (g_parent->outUsed + line.size() > sizeof g_parent->out)
        flushEvents();
    std::memcpy(g_parent->out + g_parent->outUsed, line.data(), line.size());
    g_parent->outUsed += line.size();
}

void commandError(std::string_view message, std::string_view line)
{
    conc::Event &e = parentEvent("command_error");
    e.str("message", message).str("line", line);
    emitOrShutdown(e);
}

int pythonExitCode(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return -WTERMSIG(status);
    return 0;
}

void reportExit(pid_t pid, int status)
{
    conc::Event &e = parentEvent("exited", pid);
    Child *c = findChild(pid);
    if (c)
        e.str("name", std::string_view(c->name, c->nameLen));
    e.num("exitcode", pythonExitCode(status)).num("status", status).boolean("adopted", c == nullptr);
    if (c)
        c->pid = 0;
    emitOrShutdown(e);
}

/// Reaps every child that has ended. Returns false when the helper has no children left at all
/// (adopted orphans included, which is why this asks the kernel rather than our table).
bool reapAll()
{
    for (;;) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            reportExit(pid, status);
            continue;
        }
        if (pid < 0 && errno == EINTR)
            continue;
        return pid == 0;
    }
}

void killChildren()
{
    for (Child &c : g_parent->children)
        if (c.pid > 0)
            kill(c.pid, SIGKILL);
    if (!g_subreaper)
        return;
    // Adopted orphans are our children too, but not in the table: ask the kernel for the list.
    char path[64];
    conc::FixedBuf p(path, sizeof path - 1);
    p.add("/proc/self/task/").addInt(g_self).add("/children");
    path[p.size()] = '\0';
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    char buf[8192];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return;
    pid_t v = 0;
    for (ssize_t i = 0; i <= n; ++i) {
        if (i < n && buf[i] >= '0' && buf[i] <= '9') {
            v = v * 10 + (buf[i] - '0');
        } else if (v > 0) {
            kill(v, SIGKILL);
            v = 0;
        }
    }
}

void shutdownAndExit(int signo)
{
    static bool inShutdown = false;
    if (!inShutdown) {
        inShutdown = true;
        writePending(); // the reader may be gone: nothing to do about it
        killChildren();
        for (;;) {
            int status = 0;
            const pid_t pid = waitpid(-1, &status, 0);
            if (pid > 0) {
                conc::Event e("exited", pid);
                Child *c = findChild(pid);
                if (c) {
                    e.str("name", std::string_view(c->name, c->nameLen));
                    c->pid = 0;
                }
                e.num("exitcode", pythonExitCode(status))
                    .num("status", status)
                    .boolean("adopted", c == nullptr);
                e.emit(); // the reader may be gone: nothing to do about it
            } else if (errno != EINTR) {
                break;
            }
        }
    }
    if (signo > 0) {
        // End by the signal that ended us, so the app sees exit code -signo.
        signal(signo, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, signo);
        sigprocmask(SIG_UNBLOCK, &set, nullptr);
        raise(signo);
    }
    _exit(signo > 0 ? 128 + signo : 1);
}

// Undoes the escapes a command field may carry (\t, \n, \\) in place.
std::string_view unescape(char *begin, char *end)
{
    char *out = begin;
    for (char *p = begin; p < end; ++p) {
        if (*p == '\\' && p + 1 < end) {
            ++p;
            *out++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
        } else {
            *out++ = *p;
        }
    }
    return {begin, std::size_t(out - begin)};
}

// ---- in the child, between fork() and the task: async-signal-safe calls only ----------------

[[noreturn]] void childMain(conc::TaskContext &ctx, const conc::PipeTable &pipes, int keepFd)
{
    // System calls without libc's wrappers (see rawsyscall.h: each wrapper would be a page fault
    // here). main() set SIGTERM, SIGINT, SIGHUP and SIGCHLD to SIG_DFL in the helper already
    // (they only ever arrive through the signalfd there); only the helper's ignored SIGPIPE
    // needs undoing.
    namespace sys = conc::rawsys;
    sys::setDefaultAction(SIGPIPE);
    sys::unblockAllSignals();
    // Never outlive the helper; the re-check closes the race with a helper dying before prctl.
    if (sys::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || sys::getppid() != g_self)
        _exit(1);
    sys::close(g_signalFd);
    if (g_serverCmd >= 0)
        sys::close(g_serverCmd); // the server must see end-of-file when the main program closes it
    if (sys::dup2(g_devNull, 0) < 0)
        _exit(1);
    sys::close(g_devNull);
    pipes.closeAllExcept(keepFd);
    conc::runTaskAndExit(ctx);
}

/// fork() for a worker. glibc's fork() makes the child consistent after fork() in a process
/// with other threads (it takes and re-initialises malloc's, stdio's and the loader's locks) and
/// runs the pthread_atfork() child handlers; in the child that means writing to three pages of
/// libc's data, each a copy-on-write fault. While the helper has only ever had one thread no
/// lock can be held by another, and while no handler is registered there is none to run:
/// _Fork() (the same system call, without that) leaves the child exactly as consistent. A `call`
/// starts a thread, and the queue library registers a handler (it caches its pid) once the main
/// program uses a queue: from then on, fork().
bool g_hadThread = false;

pid_t forkWorker()
{
    return g_hadThread || shmq::forkHandlerRegistered() ? fork() : _Fork();
}

// ---- the main program's own queue actions ---------------------------------------------------------
//
// q.put(v) and q.get(timeout=...) in the script itself. They never block the command loop (it
// must keep reaping children and reporting them as they end): an action that cannot complete at
// once waits in a FIFO and is retried each millisecond until its deadline. Actions complete in
// the order they were asked for, as in a script.

constexpr std::size_t kMaxMainQueues = 32;
constexpr std::size_t kMaxPendingOps = 64;
constexpr std::int64_t kMainPutTimeoutNs = 60'000'000'000; // the validator's longest wait

struct MainQueue
{
    char segment[128];
    std::size_t segmentLen = 0;
    std::optional<shmq::Queue> queue;
};

/// put/get: a queue (`queue`); recv: a pipe's `pipeFd`, until None (`untilNone`) or one
/// message; send: a pipe's `pipeFd`, one record in `value` (`sendKind`).
enum class OpKind { Put, Get, Recv, Send };

struct QueueOp
{
    OpKind kind = OpKind::Put;
    conc::PipeKind sendKind = conc::PipeKind::Int;
    int pipeFd = -1;
    bool untilNone = false;
    std::int64_t received = 0;
    MainQueue *queue = nullptr;
    char label[80];
    std::size_t labelLen = 0;
    std::int64_t seq = 0;
    char value[1100]; ///< put: the value's JSON; get: the text print() shows before it
    std::size_t valueLen = 0;
    std::int64_t timeoutMs = 0;
    std::int64_t deadlineNs = 0;
};

MainQueue g_mainQueues[kMaxMainQueues];
QueueOp g_ops[kMaxPendingOps];
std::size_t g_opsHead = 0;
std::size_t g_opsCount = 0;
alignas(16) std::byte g_getBuffer[shmq::kMaxMessageBytes];

MainQueue *mainQueue(std::string_view segment, std::string_view line)
{
    for (MainQueue &q : g_mainQueues)
        if (q.queue && std::string_view(q.segment, q.segmentLen) == segment)
            return &q;
    if (segment.size() >= sizeof g_mainQueues[0].segment) {
        commandError("queue name too long", line);
        return nullptr;
    }
    for (MainQueue &q : g_mainQueues) {
        if (q.queue)
            continue;
        shmq::OpenError err;
        q.queue = shmq::Queue::attach(segment, &err);
        if (!q.queue) {
            conc::StackBuf<512> b;
            b.add("cannot open the queue: ").add(err.message);
            commandError(b.view(), line);
            return nullptr;
        }
        std::memcpy(q.segment, segment.data(), segment.size());
        q.segmentLen = segment.size();
        return &q;
    }
    commandError("too many queues", line);
    return nullptr;
}

/// The main program's end of a pipe: print("Recibido:", conn.recv()), or the page's loop
/// `while (m := conn.recv()) is not None`. True when the action completed.
bool tryRecv(QueueOp &op)
{
    const std::string_view label(op.label, op.labelLen);
    for (;;) {
        pollfd pfd{op.pipeFd, POLLIN, 0};
        if (poll(&pfd, 1, 0) <= 0 || !(pfd.revents & (POLLIN | POLLHUP | POLLERR))) {
            if (conc::monotonicNs() < op.deadlineNs)
                return false;
            conc::Event &e = parentEvent("get_failed");
            e.str("queue", label)
                .str("type", "TimeoutError")
                .str("message", "")
                .num("timeout_ms", op.timeoutMs);
            emitOrShutdown(e);
            return true;
        }
        // A sender writes a record with one write(): once any of it is readable, all of it is.
        conc::PipeMessage m{};
        const conc::PipeRead r = conc::readPipeMessage(op.pipeFd, m);
        if (r != conc::PipeRead::Ok) {
            // Python's conn.recv() raises EOFError once every sender has closed its end.
            conc::Event &e = parentEvent("get_failed");
            e.str("queue", label)
                .str("type", r == conc::PipeRead::Bad ? "OSError" : "EOFError")
                .str("message", r == conc::PipeRead::Bad ? "bad message" : "")
                .num("timeout_ms", op.timeoutMs);
            emitOrShutdown(e);
            return true;
        }
        ++op.received;
        conc::Event &e = parentEvent("get");
        e.str("queue", label).num("seq", m.head.seq).num("producer", m.head.producer);
        conc::addPipeValue(e, m);
        emitOrShutdown(e);
        const bool none = m.head.kind == conc::PipeKind::None;
        if (!none) {
            conc::StackBuf<300> b;
            b.add("Recibido: ");
            conc::addPipeValue(b, m);
            conc::Event &p = parentEvent("print");
            p.str("text", b.view());
            if (b.cut())
                p.markTruncated();
            emitOrShutdown(p);
        }
        if (none || !op.untilNone) {
            conc::Event &d = parentEvent("recv_done");
            d.str("queue", label).num("count", op.received);
            emitOrShutdown(d);
            return true;
        }
    }
}

/// The main program's conn.send(value) on its end of a pipe. True when the action completed.
bool trySend(QueueOp &op)
{
    const std::string_view label(op.label, op.labelLen);
    // POLLOUT on a pipe means a free buffer page: a record (at most 288 bytes) then never blocks.
    pollfd pfd{op.pipeFd, POLLOUT, 0};
    if (poll(&pfd, 1, 0) <= 0 || !(pfd.revents & (POLLOUT | POLLERR | POLLHUP))) {
        if (conc::monotonicNs() < op.deadlineNs)
            return false;
        conc::Event &e = parentEvent("put_failed");
        e.str("queue", label).str("type", "TimeoutError").str("message", "the pipe stayed full");
        emitOrShutdown(e);
        return true;
    }
    conc::PipeMessage m{};
    m.head.seq = op.seq;
    m.head.producer = g_self;
    m.head.kind = op.sendKind;
    const std::string text(op.value, op.valueLen);
    if (op.sendKind == conc::PipeKind::Str) {
        m.head.len = std::int32_t(std::min(text.size(), conc::kMaxPipeText));
        std::memcpy(m.text, text.data(), std::size_t(m.head.len));
    } else if (op.sendKind == conc::PipeKind::Float) {
        const double d = std::strtod(text.c_str(), nullptr);
        std::memcpy(&m.head.value, &d, sizeof d);
    } else if (op.sendKind == conc::PipeKind::Int) {
        m.head.value = std::strtoll(text.c_str(), nullptr, 10);
    }
    if (!conc::writeAll(op.pipeFd, reinterpret_cast<const char *>(&m),
                        sizeof m.head + std::size_t(m.head.len))) {
        // Python: conn.send() on a pipe whose reader is gone raises BrokenPipeError.
        conc::Event &e = parentEvent("put_failed");
        e.str("queue", label).str("type", "BrokenPipeError").str("message", "[Errno 32] Broken pipe");
        emitOrShutdown(e);
        return true;
    }
    conc::Event &e = parentEvent("put");
    e.str("queue", label).num("seq", m.head.seq).num("producer", m.head.producer);
    conc::addPipeValue(e, m);
    emitOrShutdown(e);
    return true;
}

/// Tries the oldest pending action once. True when it completed (done or failed).
bool tryOp(QueueOp &op)
{
    if (op.kind == OpKind::Recv)
        return tryRecv(op);
    if (op.kind == OpKind::Send)
        return trySend(op);
    const std::string_view label(op.label, op.labelLen);
    shmq::Queue &q = *op.queue->queue;
    if (op.kind == OpKind::Put) {
        const std::string_view value(op.value, op.valueLen);
        const shmq::Result r = conc::tryPutMessage(q, op.seq, value);
        if (r == shmq::Result::Timeout && conc::monotonicNs() < op.deadlineNs)
            return false; // full, or its lock is busy: try again
        if (r == shmq::Result::Ok) {
            char buf[1200];
            const std::size_t n = conc::formatMessageFor(buf, sizeof buf, op.seq, value);
            conc::Event &e = parentEvent("put");
            e.str("queue", label);
            conc::addMessageFields(e, std::string_view(buf, n));
            emitOrShutdown(e);
        } else {
            // What Python's put raises: queue.Full after its timeout, ValueError once closed.
            conc::Event &e = parentEvent("put_failed");
            e.str("queue", label)
                .str("type", r == shmq::Result::Timeout  ? "Full"
                             : r == shmq::Result::Closed ? "ValueError"
                                                         : "OSError");
            e.str("message", r == shmq::Result::Closed ? "Queue is closed" : shmq::describe(r));
            emitOrShutdown(e);
        }
        return true;
    }
    std::size_t length = 0;
    for (;;) {
        const shmq::Result r = q.tryGet(std::span(g_getBuffer), length);
        if (r == shmq::Result::Corrupt)
            continue; // the queue dropped and counted a damaged message; the others are intact
        if (r == shmq::Result::Timeout && conc::monotonicNs() < op.deadlineNs)
            return false; // empty for now
        if (r == shmq::Result::Ok) {
            const std::string_view payload(reinterpret_cast<const char *>(g_getBuffer), length);
            conc::Event &e = parentEvent("get");
            e.str("queue", label);
            conc::addMessageFields(e, payload);
            emitOrShutdown(e);
            if (op.valueLen > 0) {
                // print("Se lee de la cola:", q.get()): the text, one space, str() of the value.
                conc::StackBuf<1400> line;
                line.add(std::string_view(op.value, op.valueLen)).add(' ');
                conc::addMessageStr(line, payload);
                conc::Event &p = parentEvent("print");
                p.str("text", line.view());
                if (line.cut())
                    p.markTruncated();
                emitOrShutdown(p);
            }
        } else {
            // queue.Empty when the timeout passed with nothing to get.
            conc::Event &e = parentEvent("get_failed");
            e.str("queue", label)
                .str("type", r == shmq::Result::Timeout ? "Empty" : "OSError")
                .str("message", r == shmq::Result::Timeout ? "" : shmq::describe(r))
                .num("timeout_ms", op.timeoutMs);
            emitOrShutdown(e);
        }
        return true;
    }
}

/// Works through the pending queue actions in order; stops at the first that must wait.
void servePendingOps()
{
    while (g_opsCount > 0) {
        if (!tryOp(g_ops[g_opsHead]))
            return;
        g_opsHead = (g_opsHead + 1) % kMaxPendingOps;
        --g_opsCount;
    }
}

// put <TAB> SEGMENT <TAB> LABEL <TAB> SEQ <TAB> VALUE_JSON
// get <TAB> SEGMENT <TAB> LABEL <TAB> TIMEOUT_MS [<TAB> PRINT_TEXT]
/// A non-negative decimal number of a command; false (after a command_error) otherwise.
bool parseCount(std::string_view text, std::int64_t &out, std::string_view line)
{
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || out > 1'000'000'000'000) {
            commandError("expected a non-negative number", line);
            return false;
        }
        out = out * 10 + (c - '0');
    }
    if (text.empty())
        commandError("expected a non-negative number", line);
    return !text.empty();
}

/// The next free slot of the FIFO, reset and labelled; nullptr (after a command_error) if full.
/// It becomes pending with submitOp().
QueueOp *newOp(OpKind kind, std::string_view label, std::string_view line)
{
    if (g_opsCount == kMaxPendingOps) {
        commandError("too many queue actions waiting", line);
        return nullptr;
    }
    QueueOp &op = g_ops[(g_opsHead + g_opsCount) % kMaxPendingOps];
    op = QueueOp{};
    op.kind = kind;
    op.labelLen = label.size();
    std::memcpy(op.label, label.data(), label.size());
    return &op;
}

/// The slot newOp() filled becomes pending, and is tried at once.
void submitOp()
{
    ++g_opsCount;
    servePendingOps();
}

// recv <TAB> PIPENAME <TAB> LABEL <TAB> UNTIL_NONE(0|1) <TAB> TIMEOUT_MS
void recvCommand(std::string_view *fields, std::size_t n, std::string_view line, conc::PipeTable &pipes)
{
    if (n != 5 || fields[2].size() >= sizeof g_ops[0].label || (fields[3] != "0" && fields[3] != "1")) {
        commandError("expected: recv PIPENAME LABEL UNTIL_NONE TIMEOUT_MS", line);
        return;
    }
    std::int64_t timeout = 0;
    if (!parseCount(fields[4], timeout, line))
        return;
    const int fd = pipes.mainEnd(fields[1], false);
    if (fd < 0) {
        commandError("no pipe of that name, or its read end is closed", line);
        return;
    }
    QueueOp *slot = newOp(OpKind::Recv, fields[2], line);
    if (!slot)
        return;
    QueueOp &op = *slot;
    op.pipeFd = fd;
    op.untilNone = fields[3] == "1";
    op.timeoutMs = timeout;
    op.deadlineNs = conc::monotonicNs() + timeout * 1'000'000;
    submitOp();
}

// send <TAB> PIPENAME <TAB> LABEL <TAB> SEQ <TAB> int|float|str|none <TAB> VALUE
void sendCommand(std::string_view *fields, std::size_t n, std::string_view line, conc::PipeTable &pipes)
{
    static constexpr std::string_view kKinds[] = {"int", "float", "str", "none"};
    const auto kind =
        std::find(std::begin(kKinds), std::end(kKinds), n == 6 ? fields[4] : std::string_view());
    if (n != 6 || kind == std::end(kKinds) || fields[5].size() >= sizeof g_ops[0].value) {
        commandError("expected: send PIPENAME LABEL SEQ int|float|str|none VALUE", line);
        return;
    }
    std::int64_t seq = 0;
    if (!parseCount(fields[3], seq, line))
        return;
    const int fd = pipes.mainEnd(fields[1], true);
    if (fd < 0) {
        commandError("no pipe of that name, or its write end is closed", line);
        return;
    }
    QueueOp *slot = newOp(OpKind::Send, fields[2], line);
    if (!slot)
        return;
    QueueOp &op = *slot;
    op.pipeFd = fd;
    op.seq = seq;
    op.sendKind = conc::PipeKind(kind - std::begin(kKinds));
    op.valueLen = fields[5].size();
    std::memcpy(op.value, fields[5].data(), fields[5].size());
    op.deadlineNs = conc::monotonicNs() + kMainPutTimeoutNs;
    submitOp();
}

void queueCommand(std::string_view *fields, std::size_t n, std::string_view line)
{
    const bool isGet = fields[0] == "get";
    if ((isGet ? (n != 4 && n != 5) : n != 5) || fields[2].size() >= sizeof g_ops[0].label ||
        (n == 5 && fields[4].size() >= sizeof g_ops[0].value)) {
        commandError(
            isGet ? "expected: get SEGMENT LABEL TIMEOUT_MS" : "expected: put SEGMENT LABEL SEQ VALUE", line);
        return;
    }
    std::int64_t number = 0;
    if (!parseCount(fields[3], number, line))
        return;
    MainQueue *q = mainQueue(fields[1], line);
    if (!q)
        return;
    QueueOp *slot = newOp(isGet ? OpKind::Get : OpKind::Put, fields[2], line);
    if (!slot)
        return;
    QueueOp &op = *slot;
    op.queue = q;
    if (isGet) {
        op.timeoutMs = number;
        op.deadlineNs = conc::monotonicNs() + number * 1'000'000;
        if (n == 5) {
            op.valueLen = fields[4].size();
            std::memcpy(op.value, fields[4].data(), fields[4].size());
        }
    } else {
        op.seq = number;
        op.valueLen = fields[4].size();
        std::memcpy(op.value, fields[4].data(), fields[4].size());
        op.deadlineNs = conc::monotonicNs() + kMainPutTimeoutNs;
    }
    submitOp();
}

// ---- work done by the main program itself ---------------------------------------------------------
//
// `call TASK [key=value ...]`: the script calls the task's function itself (page 1's sequential
// run), not in a new process. It runs on a thread of the main program, so the command loop keeps
// reaping children and reporting them while it works; the script waits for `call_done`. One call
// at a time, as in a script.

std::atomic<bool> g_callRunning{false};
char g_callLine[kMaxCommandBytes];
conc::TaskContext g_callCtx;

void *callThread(void *)
{
    conc::TaskContext &ctx = g_callCtx;
    int code = 1;
    if (ctx.hasError() || !ctx.task)
        conc::emitError(ctx, ctx.errorType, std::string_view(ctx.error, ctx.errorLen));
    else
        code = ctx.task->run(ctx);
    // The line is built (the task's name copied) before the next call may reuse g_callLine, and
    // the next call may come as soon as the app reads call_done: free the slot first.
    conc::Event done("call_done");
    done.str("task", ctx.taskName).num("code", code);
    g_callRunning = false;
    done.emit();
    return nullptr;
}

// call <TAB> TASK [<TAB> key=value ...]
void callCommand(std::string_view raw, std::string_view line)
{
    if (g_callRunning) {
        commandError("a call is still running", line);
        return;
    }
    // The task's arguments point into the line: keep our own copy for as long as it runs.
    std::memcpy(g_callLine, raw.data(), raw.size());
    std::string_view fields[kMaxFields];
    std::size_t n = 0;
    char *begin = g_callLine;
    char *end = g_callLine + raw.size();
    char *fieldStart = begin;
    for (char *p = begin; p <= end; ++p) {
        if (p == end || *p == '\t') {
            if (n == kMaxFields) {
                commandError("too many fields", line);
                return;
            }
            fields[n++] = unescape(fieldStart, p);
            fieldStart = p + 1;
        }
    }
    if (n < 2) {
        commandError("expected: call TASK [key=value ...]", line);
        return;
    }
    g_callCtx = conc::TaskContext{};
    g_callCtx.name = "MainProcess";
    g_callCtx.startMethod = conc::StartMethod::Fork; // __name__ == "__main__" in the main program
    conc::beginTaskArgs(g_callCtx, fields[1]);
    for (std::size_t i = 2; i < n; ++i)
        conc::parseTaskArg(g_callCtx, fields[i]);
    g_callRunning = true;
    g_hadThread = true;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    const int err = pthread_create(&thread, &attr, callThread, nullptr);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        g_callRunning = false;
        commandError("cannot start the call's thread", line);
    }
}

/// Why a fork or a spawn failed. EAGAIN is the cap on processes: the run's (pids.max of its
/// cgroup, docs/decisions.md) or the user's (RLIMIT_NPROC), so say so.
const char *forkErrorText(int err)
{
    if (err == EAGAIN)
        return "Resource temporarily unavailable: too many processes (the run's process cap or the "
               "user's limit was reached)";
    return std::strerror(err);
}

void failedStart(std::string_view name, std::string_view message)
{
    conc::Event &e = parentEvent("fork_failed");
    e.str("name", name).str("message", message);
    emitOrShutdown(e);
}

void rememberChild(Child *slot, pid_t pid, std::string_view name)
{
    slot->pid = pid;
    slot->nameLen = std::min(name.size(), sizeof slot->name);
    std::memcpy(slot->name, name.data(), slot->nameLen);
}

/// spawn: a fresh concurrente-worker, our child, told which main program to die with.
void spawnCommand(std::string_view *fields, std::size_t n, std::string_view line, conc::PipeTable &pipes)
{
    const std::string_view name = fields[1];
    const std::string_view task = fields[2];
    if (!g_workerPath) {
        commandError("spawn needs the worker program (--worker PATH)", line);
        return;
    }
    Child *slot = findChild(0);
    if (!slot) {
        failedStart(name, "too many live children (1024)");
        return;
    }
    char *text = g_parent->spawnText;
    std::size_t used = 0;
    std::size_t argc = 0;
    bool fits = true;
    auto arg = [&](std::string_view a) {
        if (!fits || argc == kMaxSpawnArgs || used + a.size() + 1 > sizeof g_parent->spawnText) {
            fits = false;
            return;
        }
        std::memcpy(text + used, a.data(), a.size());
        text[used + a.size()] = '\0';
        g_parent->spawnArgv[argc++] = text + used;
        used += a.size() + 1;
    };
    conc::StackBuf<24> self;
    self.addInt(g_self);
    arg(g_workerPath);
    arg("--name");
    arg(name);
    arg("--task");
    arg(task);
    arg("--start-method");
    arg("spawn");
    arg("--parent-pid");
    arg(self.view());
    int pipeFd = -1;
    for (std::size_t i = 3; i < n; ++i) {
        if (fields[i] == "daemon=1") {
            arg("--daemon");
        } else if (fields[i] == "daemon=0" || fields[i].starts_with("method=")) {
            // daemon=0 is the default; the method is ours
        } else if (fields[i].starts_with("pipe=")) {
            pipeFd = pipes.endFor(fields[i].substr(5), task);
            if (pipeFd < 0) {
                conc::StackBuf<256> b;
                b.add(task)
                    .add(": no pipe named '")
                    .add(fields[i].substr(5))
                    .add("' (or the task uses no pipe)");
                failedStart(name, b.view());
                return;
            }
            conc::StackBuf<16> fd;
            fd.add("fd=").addInt(kSpawnPipeFd);
            arg(fd.view());
        } else {
            arg(fields[i]);
        }
    }
    if (!fits) {
        commandError("command too long for spawn", line);
        return;
    }
    g_parent->spawnArgv[argc] = nullptr;

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
    // Standard input is /dev/null; a pipe worker finds its end on kSpawnPipeFd. Everything else
    // of ours is close-on-exec; the event descriptor is inherited on purpose.
    posix_spawn_file_actions_adddup2(&actions, g_devNull, 0);
    int pipeCopy = -1;
    if (pipeFd >= 0) {
        // dup2() onto itself would leave close-on-exec set: go through a copy elsewhere.
        pipeCopy = fcntl(pipeFd, F_DUPFD_CLOEXEC, 10);
        posix_spawn_file_actions_adddup2(&actions, pipeCopy >= 0 ? pipeCopy : pipeFd, kSpawnPipeFd);
    }
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int err = posix_spawn(&pid, g_workerPath, &actions, &attr, g_parent->spawnArgv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (pipeCopy >= 0)
        close(pipeCopy);
    if (err != 0) {
        failedStart(name, forkErrorText(err));
        return;
    }
    rememberChild(slot, pid, name);
    conc::Event &e = parentEvent("forked", pid);
    e.str("name", name).num("ppid", g_self).str("start_method", "spawn");
    emitOrShutdown(e);
}

int commandLoop(int inFd, conc::PipeTable &pipes);

/// In the fork server, right after fork(): it becomes a main-program-like loop of its own that
/// only forks, reading the commands the main program passes on.
[[noreturn]] void serverMain(int cmdFd, conc::PipeTable &pipes)
{
    const pid_t mainPid = g_self;
    g_isServer = true;
    g_self = getpid();
    g_server = 0;
    g_serverCmd = -1;
    g_opsCount = 0; // the main program's pending queue actions are its own, never done twice
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != mainPid)
        _exit(1);
    // The main program's private tables are not inherited (MADV_DONTFORK): make our own.
    void *mem = mmap(nullptr, sizeof(ParentOnly), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        _exit(1);
    madvise(mem, sizeof(ParentOnly), MADV_DONTFORK);
    g_parent = new (mem) ParentOnly{};
    close(g_signalFd);
    sigset_t mask;
    sigemptyset(&mask);
    for (int sig : {SIGCHLD, SIGTERM, SIGINT, SIGHUP})
        sigaddset(&mask, sig);
    g_signalFd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    if (g_signalFd < 0 || dup2(g_devNull, 0) < 0)
        _exit(1);
    _exit(commandLoop(cmdFd, pipes));
}

/// Starts the fork server if it is not running. False (with a fork_failed for `name`) if it
/// cannot be.
bool ensureServer(std::string_view name, conc::PipeTable &pipes)
{
    if (g_server > 0)
        return true;
    Child *slot = findChild(0);
    if (!slot) {
        failedStart(name, "too many live children (1024)");
        return false;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        failedStart(name, "cannot create the fork server's pipe");
        return false;
    }
    flushEvents(); // nothing pending may be written twice
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[1]);
        serverMain(fds[0], pipes);
    }
    close(fds[0]);
    if (pid < 0) {
        const int err = errno;
        close(fds[1]);
        failedStart(name, forkErrorText(err));
        return false;
    }
    g_server = pid;
    g_serverCmd = fds[1];
    rememberChild(slot, pid, "ForkServer");
    conc::Event &e = parentEvent("forkserver_started", pid);
    e.str("name", "ForkServer").num("ppid", g_self);
    emitOrShutdown(e);
    return true;
}

/// forkserver: the server forks the worker; we pass the command on unchanged.
void forwardToServer(std::string_view name, std::string_view line, conc::PipeTable &pipes)
{
    if (!ensureServer(name, pipes))
        return;
    if (!conc::writeAll(g_serverCmd, line.data(), line.size()) || !conc::writeAll(g_serverCmd, "\n", 1))
        failedStart(name, "the fork server has ended");
}

void startCommand(std::string_view *fields, std::size_t n, std::string_view line, conc::PipeTable &pipes)
{
    if (n < 3) {
        commandError("start needs NAME and TASK", line);
        return;
    }
    conc::TaskContext &ctx = g_arena.ctx; // next to the command line (see ChildArena)
    ctx = conc::TaskContext{};
    const std::string_view name = fields[1];
    if (name.empty() || name.size() > conc::kMaxNameBytes) {
        commandError("NAME must be 1 to 256 bytes", line);
        return;
    }
    conc::StartMethod method = conc::StartMethod::Fork;
    for (std::size_t i = 3; i < n; ++i) {
        if (fields[i].starts_with("method=") && !conc::parseStartMethod(fields[i].substr(7), method)) {
            commandError("method must be spawn, fork or forkserver", line);
            return;
        }
    }
    if (method == conc::StartMethod::Forkserver && !g_isServer) {
        forwardToServer(name, line, pipes);
        return;
    }
    if (method == conc::StartMethod::Spawn) {
        spawnCommand(fields, n, line, pipes);
        return;
    }
    ctx.name = name;
    conc::beginTaskArgs(ctx, fields[2]);
    int keepFd = -1;
    std::string_view pipeName;
    for (std::size_t i = 3; i < n; ++i) {
        if (fields[i] == "daemon=1" || fields[i] == "daemon=0") {
            ctx.daemon = fields[i] == "daemon=1";
        } else if (fields[i].starts_with("method=")) {
            // read above
        } else if (fields[i].starts_with("pipe=")) {
            // A pipe made by an earlier `pipe` command: the child gets the end its task uses.
            pipeName = fields[i].substr(5);
            const int fd = pipes.endFor(pipeName, ctx.taskName);
            if (fd < 0 && !ctx.hasError()) {
                conc::StackBuf<256> b;
                b.add(ctx.taskName)
                    .add(": no pipe named '")
                    .add(fields[i].substr(5))
                    .add("' (or the task uses no pipe)");
                ctx.setError("ValueError", b.view());
            }
            if (fd >= 0 && !ctx.hasError()) {
                conc::StackBuf<32> kv;
                kv.add("fd=").addInt(fd);
                // The parsed value keeps only the number, so the temporary text may go.
                conc::parseTaskArg(ctx, kv.view());
                keepFd = fd;
            }
        } else {
            conc::parseTaskArg(ctx, fields[i]);
        }
    }
    // Events name the pipe as the scenario does, unless label= said otherwise. The text lives in
    // the command buffer, which the child keeps as its own copy.
    if (!pipeName.empty())
        ctx.setIfNotGiven("label", pipeName);
    // Set here, not in the child: a write there would copy the page.
    ctx.startMethod = method;
    Child *slot = findChild(0);
    if (!slot) {
        conc::Event &e = parentEvent("fork_failed");
        e.str("name", name).str("message", "too many live children (1024)");
        emitOrShutdown(e);
        return;
    }
    const pid_t pid = forkWorker();
    if (pid == 0)
        childMain(ctx, pipes, keepFd);
    if (pid < 0) {
        const int err = errno;
        conc::Event &e = parentEvent("fork_failed");
        e.str("name", name).str("message", forkErrorText(err));
        emitOrShutdown(e);
        return;
    }
    rememberChild(slot, pid, name);
    conc::Event &e = parentEvent("forked", pid);
    e.str("name", name).num("ppid", g_self).str("start_method", conc::startMethodName(method));
    emitOrShutdown(e);
}

void handleLine(char *begin, char *end, conc::PipeTable &pipes)
{
    const std::string_view raw(begin, std::size_t(end - begin));
    if (raw.empty())
        return;
    // Keep a copy of the raw line for error messages: unescaping rewrites the buffer.
    std::memcpy(g_parent->rawCopy, begin, raw.size());
    const std::string_view line(g_parent->rawCopy, raw.size());
    // Parse a copy in the child arena: a child's arguments point into it (see ChildArena).
    std::memcpy(g_arena.line, begin, raw.size());
    end = g_arena.line + (end - begin);
    begin = g_arena.line;
    std::string_view fields[kMaxFields];
    std::size_t n = 0;
    char *fieldStart = begin;
    for (char *p = begin; p <= end; ++p) {
        if (p == end || *p == '\t') {
            if (n == kMaxFields) {
                commandError("too many fields", line);
                return;
            }
            fields[n++] = unescape(fieldStart, p);
            fieldStart = p + 1;
        }
    }
    const std::string_view verb = fields[0];
    if (verb == "start") {
        startCommand(fields, n, line, pipes);
    } else if ((verb == "put" || verb == "get") && !g_isServer) {
        queueCommand(fields, n, line);
    } else if (verb == "recv" && !g_isServer) {
        recvCommand(fields, n, line, pipes);
    } else if (verb == "send" && !g_isServer) {
        sendCommand(fields, n, line, pipes);
    } else if (verb == "call" && !g_isServer) {
        callCommand(raw, line);
    } else if (verb == "pipe" || verb == "pipe_close") {
        // pipe_close NAME keep=read|keep=write: the main program keeps the end it uses itself.
        const bool keepRead = verb == "pipe_close" && n == 3 && fields[2] == "keep=read";
        const bool keepWrite = verb == "pipe_close" && n == 3 && fields[2] == "keep=write";
        const bool duplex = verb == "pipe" && n == 3 && fields[2] == "duplex=1";
        if ((n != 2 && !keepRead && !keepWrite && !duplex) || fields[1].empty()) {
            commandError("expected: pipe NAME [duplex=1] | pipe_close NAME [keep=read|keep=write]", line);
            return;
        }
        const char *why = verb == "pipe" ? pipes.create(fields[1], duplex)
                          : keepRead     ? pipes.closeWriteEnd(fields[1])
                          : keepWrite    ? pipes.closeReadEnd(fields[1])
                                         : pipes.close(fields[1]);
        if (why)
            commandError(why, line);
        // The fork server holds copies of the pipes made before it was forked and must close its
        // own, or a receiver never sees end-of-file. A pipe made later is not the server's: its
        // workers could not use it (the engine makes every pipe first).
        if (g_server > 0 && g_serverCmd >= 0) {
            if (verb == "pipe")
                commandError("pipe made after the fork server started: its workers cannot use it", line);
            else
                conc::writeAll(g_serverCmd, line.data(), line.size()) && conc::writeAll(g_serverCmd, "\n", 1);
        }
    } else {
        commandError("unknown command (known: start, pipe, pipe_close, put, get, recv, send, call)", line);
    }
}

/// Reads commands from `inFd` until it closes, then waits for the remaining children (the
/// engine ended the daemons already), adopted orphans included. Returns the exit code.
int commandLoop(int inFd, conc::PipeTable &pipes)
{
    static char buf[kMaxCommandBytes];
    std::size_t used = 0;
    bool inputOpen = true;
    bool discarding = false; // inside a line that was too long
    for (;;) {
        flushEvents(); // before sleeping, everything this wake-up produced goes out
        pollfd fds[2] = {{g_signalFd, POLLIN, 0}, {inFd, POLLIN, 0}};
        const int nfds = inputOpen ? 2 : 1;
        // A queue action waiting for room or for a message is retried every millisecond.
        if (poll(fds, nfds_t(nfds), g_opsCount > 0 ? 1 : -1) < 0) {
            if (errno == EINTR)
                continue;
            shutdownAndExit(0);
        }
        if (fds[0].revents & POLLIN) {
            signalfd_siginfo *si = g_parent->si;
            const ssize_t got = read(g_signalFd, si, sizeof g_parent->si);
            bool child = false;
            for (ssize_t k = 0; k < got / ssize_t(sizeof si[0]); ++k) {
                if (si[k].ssi_signo == SIGCHLD)
                    child = true;
                else
                    shutdownAndExit(int(si[k].ssi_signo));
            }
            if (child)
                reapAll();
        }
        if (inputOpen && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t got = read(inFd, buf + used, sizeof buf - used);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                inputOpen = false;
                if (used > 0 && !discarding)
                    handleLine(buf, buf + used, pipes); // a last line without newline
                used = 0;
                pipes.closeAll(); // readers of our pipes must see end-of-file
                if (g_serverCmd >= 0) {
                    close(g_serverCmd); // the server leaves once its children have ended
                    g_serverCmd = -1;
                }
            } else {
                used += std::size_t(got);
                std::size_t start = 0;
                for (std::size_t i = 0; i < used; ++i) {
                    if (buf[i] != '\n')
                        continue;
                    if (!discarding)
                        handleLine(buf + start, buf + i, pipes);
                    discarding = false;
                    start = i + 1;
                }
                std::memmove(buf, buf + start, used - start);
                used -= start;
                if (used == sizeof buf) {
                    commandError("command longer than 16384 bytes", std::string_view(buf, 64));
                    discarding = true;
                    used = 0;
                }
            }
        }
        // End of input: wait for the remaining children (the engine ended the daemons already),
        // adopted orphans included, then leave.
        servePendingOps();
        if (!inputOpen && g_opsCount == 0 && !reapAll()) {
            flushEvents();
            return 0;
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--subreaper") {
            g_subreaper = true;
        } else if (a == "--worker" && i + 1 < argc) {
            g_workerPath = argv[++i];
        } else if (a == "--cgroup-fd" && i + 1 < argc) {
            // The run's cgroup (its cgroup.procs, open for writing): enter it before anything
            // else, so every process we start is born inside it (docs/decisions.md).
            const int fd = std::atoi(argv[++i]);
            if (fd > 2 && write(fd, "0", 1) != 1) {
                static constexpr std::string_view kMsg = "concurrente-main: cannot enter the run's cgroup: ";
                conc::writeAll(2, kMsg.data(), kMsg.size());
                const char *why = std::strerror(errno);
                conc::writeAll(2, why, std::strlen(why));
                conc::writeAll(2, "\n", 1);
            }
            if (fd > 2)
                close(fd);
        } else if (a == "--queue-fd" && i + 1 < argc && g_queueFdCount < kMaxQueueFds &&
                   shmq::Queue::descriptorOf(std::string("fd:") + argv[i + 1])) {
            g_queueFds[g_queueFdCount++] = *shmq::Queue::descriptorOf(std::string("fd:") + argv[++i]);
        } else {
            static constexpr std::string_view kUsage =
                "usage: concurrente-main [--subreaper] [--worker PATH] [--queue-fd N]... [--cgroup-fd N]...\n"
                "Commands on stdin, TAB-separated:\n"
                "  start NAME TASK [method=spawn|fork|forkserver] [daemon=0|1] [key=value ...]\n"
                "  pipe NAME | pipe_close NAME\n"
                "spawn needs --worker (the concurrente-worker program).\n";
            conc::writeAll(2, kUsage.data(), kUsage.size());
            return a == "--help" ? 0 : 2;
        }
    }
    if (!conc::initEventFd()) {
        static constexpr std::string_view kMsg = "concurrente-main: CONCURRENTE_EVENT_FD is not open\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 2;
    }
    // Exactly the descriptors the run needs, whatever whoever started us left open: 0–2, the
    // event pipe and the queue segments. Everything we open from here on is close-on-exec.
    {
        int keep[kMaxQueueFds + 1];
        std::size_t n = 0;
        if (conc::eventFd() > 2)
            keep[n++] = conc::eventFd();
        for (std::size_t i = 0; i < g_queueFdCount; ++i) {
            if (!shmq::fds::inherit(g_queueFds[i])) {
                static constexpr std::string_view kMsg = "concurrente-main: a --queue-fd is not open\n";
                conc::writeAll(2, kMsg.data(), kMsg.size());
                return 2;
            }
            keep[n++] = g_queueFds[i];
        }
        std::sort(keep, keep + n);
        n = std::size_t(std::unique(keep, keep + n) - keep);
        shmq::fds::keepOnly(keep, n, shmq::fds::Mode::Close);
    }
    g_self = getpid();
    void *parentOnly =
        mmap(nullptr, sizeof(ParentOnly), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (parentOnly == MAP_FAILED) {
        static constexpr std::string_view kMsg = "concurrente-main: cannot map its tables\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 1;
    }
    // Not inherited by children (see ParentOnly). Without it everything still works, only slower.
    madvise(parentOnly, sizeof(ParentOnly), MADV_DONTFORK);
    g_parent = new (parentOnly) ParentOnly{};
    g_devNull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (g_devNull < 0) {
        static constexpr std::string_view kMsg = "concurrente-main: cannot open /dev/null\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 1;
    }
    // A vanished reader must show up as EPIPE from write(), which shuts the helper down cleanly.
    signal(SIGPIPE, SIG_IGN);
    // These four only ever reach us through the signalfd, but a child must start with their
    // default dispositions; an ignored one inherited through exec would also be wrong here
    // (an ignored SIGCHLD makes the kernel reap children before we can report them).
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        signal(sig, SIG_DFL);
    if (g_subreaper && prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
        g_subreaper = false;

    sigset_t mask;
    sigemptyset(&mask);
    for (int sig : {SIGCHLD, SIGTERM, SIGINT, SIGHUP})
        sigaddset(&mask, sig);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    g_signalFd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    if (g_signalFd < 0) {
        static constexpr std::string_view kMsg = "concurrente-main: signalfd failed\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 1;
    }

    conc::PipeTable pipes;
    {
        conc::Event &e = parentEvent("helper_ready");
        e.boolean("subreaper", g_subreaper);
        emitOrShutdown(e);
    }
    return commandLoop(0, pipes);
}
