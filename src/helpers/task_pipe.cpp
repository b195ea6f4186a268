// Pipe sender and receiver (the notebook's Pipe(): a connection between two processes).
//
// Each message is one fixed 32-byte record {seq, value, producer pid, kind}, written with one write():
// far below PIPE_BUF, so records of several senders never interleave. The fork helper hands its
// children the ends of a pipe it made before forking (`pipe=NAME`); a QProcess worker gets an
// inherited descriptor number (`fd=N`).

#include "eventwriter.h"
#include "tasks.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace conc {

namespace {

struct Record {
    std::int64_t seq;
    std::int64_t value; ///< an int, or the bits of a double when isFloat
    std::int64_t producer;
    std::int64_t isFloat; ///< 1: a Python float (conn.send(2.0) sends a float, not 2)
};

double floatOf(const Record &r)
{
    double d = 0;
    std::memcpy(&d, &r.value, sizeof d);
    return d;
}

// print(value) / the event's value: an int exactly, a float as repr() with the float marker.
void addValue(FixedBuf &b, const Record &r)
{
    if (r.isFloat)
        b.addPyFloat(floatOf(r));
    else
        b.addInt(r.value);
}

void addValue(Event &e, const Record &r)
{
    if (r.isFloat)
        e.floatValue(floatOf(r));
    else
        e.num("value", r.value);
}

bool checkFd(TaskContext &ctx, int fd, int accessMode)
{
    const int flags = fd >= 0 ? fcntl(fd, F_GETFL) : -1;
    if (flags < 0 || ((flags & O_ACCMODE) != accessMode && (flags & O_ACCMODE) != O_RDWR)) {
        StackBuf<128> b;
        b.add(ctx.taskName).add(": fd=").addInt(fd).add(accessMode == O_WRONLY ? " is not open for writing"
                                                                                 : " is not open for reading");
        emitError(ctx, "OSError", b.view());
        return false;
    }
    return true;
}

} // namespace

int taskPipeSend(TaskContext &ctx)
{
    const int fd = int(ctx.intArg("fd"));
    if (!checkFd(ctx, fd, O_WRONLY))
        return 1;
    const std::int64_t count = ctx.intArg("count");
    const Value &first = ctx.arg("from");
    // Python: from + k is a float when from is one (2.5 + 1), or float(from + k) with floats=1.
    const bool floats = !first.isInt || ctx.intArg("floats") != 0;
    const std::int64_t delayNs = ctx.intArg("delay_ms") * 1'000'000;
    const std::string_view label = ctx.strArg("label");
    for (std::int64_t k = 0; k < count; ++k) {
        sleepNs(delayNs);
        Record r{k, first.i + k, getpid(), floats ? 1 : 0};
        if (floats) {
            const double d = first.asDouble() + double(k);
            std::memcpy(&r.value, &d, sizeof d);
        }
        if (!writeAll(fd, reinterpret_cast<const char *>(&r), sizeof r)) {
            // Python: conn.send() on a pipe whose reader is gone raises BrokenPipeError.
            emitError(ctx, "BrokenPipeError", "[Errno 32] Broken pipe");
            return 1;
        }
        StackBuf<64> b;
        b.add("Se envía: ");
        addValue(b, r);
        emitPrint(b.view());
        Event e("put");
        e.str("queue", label).num("seq", r.seq);
        addValue(e, r);
        e.num("producer", r.producer).emit();
    }
    close(fd);
    return 0;
}

int taskPipeRecv(TaskContext &ctx)
{
    const int fd = int(ctx.intArg("fd"));
    if (!checkFd(ctx, fd, O_RDONLY))
        return 1;
    const std::int64_t count = ctx.intArg("count"); // 0: until every sender has closed
    const std::string_view label = ctx.strArg("label");
    for (std::int64_t got = 0; count == 0 || got < count; ++got) {
        Record r{};
        std::size_t have = 0;
        while (have < sizeof r) {
            const ssize_t n = read(fd, reinterpret_cast<char *>(&r) + have, sizeof r - have);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            have += std::size_t(n);
        }
        if (have == 0 && count == 0)
            break;
        if (have < sizeof r) {
            // Python's conn.recv() raises EOFError when the other end closed.
            emitError(ctx, "EOFError", have == 0 ? "" : "truncated message");
            return 1;
        }
        StackBuf<64> b; // the notebook's print("Recibido:", mensaje)
        b.add("Recibido: ");
        addValue(b, r);
        emitPrint(b.view());
        Event e("get");
        e.str("queue", label).num("seq", r.seq);
        addValue(e, r);
        e.num("producer", r.producer).emit();
    }
    close(fd);
    return 0;
}

} // namespace conc
