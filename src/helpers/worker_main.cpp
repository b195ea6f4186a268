// concurrente-worker: runs one task in this process (what the main program starts for Python's
// *spawn* start method).
//
//   concurrente-worker --name NAME --task TASK [--daemon] [--start-method spawn|fork|forkserver]
//                      [--parent-pid PID] [key=value ...]
//   concurrente-worker --list-tasks
//
// Exit codes: the task's (0, or 1 after an `error` event: bad task arguments and unknown tasks
// are raised as ValueError inside the task, as CPython would); 2 for a command line that names
// no process or task (an `error` UsageError event, no `start`).

#include "eventwriter.h"
#include "tasks.h"

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

[[noreturn]] void usageError(std::string_view message)
{
    conc::Event("error").str("type", "UsageError").str("message", message).emit();
    conc::StackBuf<1024> b;
    b.add("concurrente-worker: ")
        .add(message)
        .add("\nusage: concurrente-worker --name NAME --task TASK [--daemon] [--start-method "
             "spawn|fork|forkserver] "
             "[--parent-pid PID] [key=value ...]\n       concurrente-worker --list-tasks\n");
    conc::writeAll(2, b.view().data(), b.size());
    _exit(2);
}

} // namespace

int main(int argc, char **argv)
{
    const bool fdOk = conc::initEventFd();
    conc::TaskContext ctx;
    std::string_view name, task;
    bool haveName = false, haveTask = false;
    int firstArg = argc;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) {
                conc::StackBuf<128> b;
                b.add("option ").add(a).add(" needs a value");
                usageError(b.view());
            }
            return argv[++i];
        };
        if (a == "--name") {
            name = value();
            haveName = true;
        } else if (a == "--task") {
            task = value();
            haveTask = true;
        } else if (a == "--daemon") {
            ctx.daemon = true;
        } else if (a == "--start-method" || a == "--launcher") {
            // --launcher qprocess|fork is the option's former name.
            if (!conc::parseStartMethod(value(), ctx.startMethod))
                usageError("--start-method must be spawn, fork or forkserver");
        } else if (a == "--parent-pid") {
            // Die with the main program that started us, as its forked children do: nothing
            // of a run outlives it. The re-check closes the race with a parent that died first.
            const std::string_view v = value();
            long long ppid = 0;
            for (char c : v) {
                if (c < '0' || c > '9' || ppid > 1'000'000'000)
                    usageError("--parent-pid needs a process id");
                ppid = ppid * 10 + (c - '0');
            }
            if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != pid_t(ppid))
                _exit(1);
        } else if (a == "--list-tasks") {
            conc::writeCatalogJson(1);
            return 0;
        } else if (a == "--help" || a == "-h") {
            static constexpr std::string_view kHelp =
                "usage: concurrente-worker --name NAME --task TASK [--daemon] "
                "[--start-method spawn|fork|forkserver] [--parent-pid PID] [key=value ...]\n       "
                "concurrente-worker --list-tasks\nEvents: JSON lines on "
                "$CONCURRENTE_EVENT_FD (default 1), see docs/protocol.md.\n";
            conc::writeAll(1, kHelp.data(), kHelp.size());
            return 0;
        } else if (a.starts_with("--")) {
            conc::StackBuf<128> b;
            b.add("unknown option ").add(a);
            usageError(b.view());
        } else {
            firstArg = i;
            break;
        }
    }
    if (!fdOk)
        usageError("CONCURRENTE_EVENT_FD is not an open file descriptor");
    if (!haveName || name.empty())
        usageError("--name NAME is required");
    if (!haveTask)
        usageError("--task TASK is required");
    if (name.size() > conc::kMaxNameBytes) {
        conc::StackBuf<64> b;
        b.add("--name is longer than ").addInt(conc::kMaxNameBytes).add(" bytes");
        usageError(b.view());
    }
    ctx.name = name;
    conc::beginTaskArgs(ctx, task);
    for (int i = firstArg; i < argc; ++i)
        conc::parseTaskArg(ctx, argv[i]);
    conc::runTaskAndExit(ctx);
}
