// concurrente-worker: runs one task in this process (started by the app's QProcess launcher).
//
//   concurrente-worker --name NAME --task TASK [--daemon] [--launcher qprocess|fork] [key=value ...]
//   concurrente-worker --list-tasks
//
// Exit codes: the task's (0, or 1 after an `error` event: bad task arguments and unknown tasks
// are raised as ValueError inside the task, as CPython would); 2 for a command line that names
// no process or task (an `error` UsageError event, no `start`).

#include "eventwriter.h"
#include "tasks.h"

#include <unistd.h>

namespace {

[[noreturn]] void usageError(std::string_view message)
{
    conc::Event("error").str("type", "UsageError").str("message", message).emit();
    conc::StackBuf<1024> b;
    b.add("concurrente-worker: ").add(message).add(
        "\nusage: concurrente-worker --name NAME --task TASK [--daemon] [--launcher qprocess|fork] "
        "[key=value ...]\n       concurrente-worker --list-tasks\n");
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
        } else if (a == "--launcher") {
            const std::string_view l = value();
            if (l == "fork")
                ctx.launcher = conc::Launcher::Fork;
            else if (l != "qprocess")
                usageError("--launcher must be qprocess or fork");
        } else if (a == "--list-tasks") {
            conc::writeCatalogJson(1);
            return 0;
        } else if (a == "--help" || a == "-h") {
            static constexpr std::string_view kHelp =
                "usage: concurrente-worker --name NAME --task TASK [--daemon] [--launcher qprocess|fork] "
                "[key=value ...]\n       concurrente-worker --list-tasks\nEvents: JSON lines on "
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
