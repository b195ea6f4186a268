// concurrente-forkhelper: the run's "main program" for the fork launcher (Python's fork method).
//
// Single-threaded. Reads TAB-separated commands on stdin and fork()s one child per `start`; the
// child runs the task in-process (no exec). Between fork() and the task a child makes only
// async-signal-safe calls and leaves by _exit() on every path. SIGCHLD and SIGTERM arrive through
// a signalfd, so the command loop never blocks in waitpid(); children are reaped with
// waitpid(-1, WNOHANG) in a loop and reported as `exited` events. See docs/protocol.md.

#include "eventwriter.h"
#include "pipes.h"
#include "tasks.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <poll.h>
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
constexpr std::size_t kMaxFields = 4 + conc::kMaxTaskArgs + 2;

struct Child {
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
struct ParentOnly {
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
};
ParentOnly *g_parent = nullptr;
static_assert(std::is_trivially_destructible_v<conc::Event>);

struct alignas(4096) ChildArena {
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
                e.num("exitcode", pythonExitCode(status)).num("status", status).boolean("adopted", c == nullptr);
                e.emit(); // the reader may be gone: nothing to do about it
            } else if (errno != EINTR) {
                break;
            }
        }
    }
    if (signo > 0) {
        // End by the signal that ended us, so the launcher sees exit code -signo.
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
    // main() set SIGTERM, SIGINT, SIGHUP and SIGCHLD to SIG_DFL in the helper already (they only
    // ever arrive through the signalfd there); only the helper's ignored SIGPIPE needs undoing.
    struct sigaction dfl{};
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // Never outlive the helper; the re-check closes the race with a helper dying before prctl.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != g_self)
        _exit(1);
    close(g_signalFd);
    if (dup2(g_devNull, 0) < 0)
        _exit(1);
    close(g_devNull);
    pipes.closeAllExcept(keepFd);
    conc::runTaskAndExit(ctx);
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
    ctx.name = name;
    conc::beginTaskArgs(ctx, fields[2]);
    int keepFd = -1;
    std::string_view pipeName;
    for (std::size_t i = 3; i < n; ++i) {
        if (fields[i] == "daemon=1" || fields[i] == "daemon=0") {
            ctx.daemon = fields[i] == "daemon=1";
        } else if (fields[i].starts_with("pipe=")) {
            // A pipe made by an earlier `pipe` command: the child gets the end its task uses.
            pipeName = fields[i].substr(5);
            const int fd = pipes.endFor(pipeName, ctx.taskName);
            if (fd < 0 && !ctx.hasError()) {
                conc::StackBuf<256> b;
                b.add(ctx.taskName).add(": no pipe named '").add(fields[i].substr(5)).add("' (or the task uses no pipe)");
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
    ctx.launcher = conc::Launcher::Fork;
    Child *slot = findChild(0);
    if (!slot) {
        conc::Event &e = parentEvent("fork_failed");
        e.str("name", name).str("message", "too many live children (1024)");
        emitOrShutdown(e);
        return;
    }
    const pid_t pid = fork();
    if (pid == 0)
        childMain(ctx, pipes, keepFd);
    if (pid < 0) {
        const int err = errno;
        conc::Event &e = parentEvent("fork_failed");
        e.str("name", name).str("message", std::strerror(err));
        emitOrShutdown(e);
        return;
    }
    slot->pid = pid;
    slot->nameLen = name.size();
    std::memcpy(slot->name, name.data(), name.size());
    conc::Event &e = parentEvent("forked", pid);
    e.str("name", name).num("ppid", g_self);
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
    } else if (verb == "pipe" || verb == "pipe_close") {
        if (n != 2 || fields[1].empty()) {
            commandError("expected: pipe|pipe_close <TAB> NAME", line);
            return;
        }
        const char *why = verb == "pipe" ? pipes.create(fields[1]) : pipes.close(fields[1]);
        if (why)
            commandError(why, line);
    } else {
        commandError("unknown command (known: start, pipe, pipe_close)", line);
    }
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--subreaper") {
            g_subreaper = true;
        } else {
            static constexpr std::string_view kUsage =
                "usage: concurrente-forkhelper [--subreaper]\n"
                "Commands on stdin, TAB-separated: start NAME TASK [daemon=0|1] [key=value ...]\n"
                "                                  pipe NAME | pipe_close NAME\n";
            conc::writeAll(2, kUsage.data(), kUsage.size());
            return a == "--help" ? 0 : 2;
        }
    }
    if (!conc::initEventFd()) {
        static constexpr std::string_view kMsg = "concurrente-forkhelper: CONCURRENTE_EVENT_FD is not open\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 2;
    }
    g_self = getpid();
    void *parentOnly = mmap(nullptr, sizeof(ParentOnly), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (parentOnly == MAP_FAILED) {
        static constexpr std::string_view kMsg = "concurrente-forkhelper: cannot map its tables\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 1;
    }
    // Not inherited by children (see ParentOnly). Without it everything still works, only slower.
    madvise(parentOnly, sizeof(ParentOnly), MADV_DONTFORK);
    g_parent = new (parentOnly) ParentOnly{};
    g_devNull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (g_devNull < 0) {
        static constexpr std::string_view kMsg = "concurrente-forkhelper: cannot open /dev/null\n";
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
        static constexpr std::string_view kMsg = "concurrente-forkhelper: signalfd failed\n";
        conc::writeAll(2, kMsg.data(), kMsg.size());
        return 1;
    }

    conc::PipeTable pipes;
    {
        conc::Event &e = parentEvent("helper_ready");
        e.boolean("subreaper", g_subreaper);
        emitOrShutdown(e);
    }

    static char buf[kMaxCommandBytes];
    std::size_t used = 0;
    bool inputOpen = true;
    bool discarding = false; // inside a line that was too long
    for (;;) {
        flushEvents(); // before sleeping, everything this wake-up produced goes out
        pollfd fds[2] = {{g_signalFd, POLLIN, 0}, {0, POLLIN, 0}};
        const int nfds = inputOpen ? 2 : 1;
        if (poll(fds, nfds_t(nfds), -1) < 0) {
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
            const ssize_t got = read(0, buf + used, sizeof buf - used);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                inputOpen = false;
                if (used > 0 && !discarding)
                    handleLine(buf, buf + used, pipes); // a last line without newline
                used = 0;
                pipes.closeAll(); // readers of our pipes must see end-of-file
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
        if (!inputOpen && !reapAll()) {
            flushEvents();
            return 0;
        }
    }
}
