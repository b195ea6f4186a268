// Pipe sender and receiver (the notebook's Pipe(): a connection between two processes).
//
// Each message is one record (pipemsg.h): a 32-byte header and, for a string, its text, written
// with one write() far below PIPE_BUF, so records of several senders never interleave. The main program hands
// its children the ends of a pipe it made before forking (`pipe=NAME`); a QProcess worker gets an inherited
// descriptor number (`fd=N`).

#include "eventwriter.h"
#include "pipemsg.h"
#include "tasks.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace conc {

namespace {

double floatOf(const PipeRecord &r)
{
    double d = 0;
    std::memcpy(&d, &r.value, sizeof d);
    return d;
}

bool checkFd(TaskContext &ctx, int fd, int accessMode)
{
    const int flags = fd >= 0 ? fcntl(fd, F_GETFL) : -1;
    if (flags < 0 || ((flags & O_ACCMODE) != accessMode && (flags & O_ACCMODE) != O_RDWR)) {
        StackBuf<128> b;
        b.add(ctx.taskName)
            .add(": fd=")
            .addInt(fd)
            .add(accessMode == O_WRONLY ? " is not open for writing"
                 : accessMode == O_RDWR ? " is not open for reading and writing (a duplex pipe's end)"
                                        : " is not open for reading");
        emitError(ctx, "OSError", b.view());
        return false;
    }
    return true;
}

} // namespace

PipeRead readPipeMessage(int fd, PipeMessage &m) noexcept
{
    auto readFull = [fd](char *to, std::size_t want) -> std::size_t {
        std::size_t have = 0;
        while (have < want) {
            const ssize_t n = read(fd, to + have, want - have);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            have += std::size_t(n);
        }
        return have;
    };
    const std::size_t got = readFull(reinterpret_cast<char *>(&m.head), sizeof m.head);
    if (got == 0)
        return PipeRead::Eof;
    if (got < sizeof m.head)
        return PipeRead::Truncated;
    // A peer's bytes are untrusted: a bad kind or length is refused, never followed.
    if (m.head.len < 0 || std::size_t(m.head.len) > kMaxPipeText || int(m.head.kind) < 0 ||
        int(m.head.kind) > 3)
        return PipeRead::Bad;
    if (m.head.kind != PipeKind::Str && m.head.len != 0)
        return PipeRead::Bad;
    if (readFull(m.text, std::size_t(m.head.len)) < std::size_t(m.head.len))
        return PipeRead::Truncated;
    return PipeRead::Ok;
}

void addPipeValue(FixedBuf &b, const PipeMessage &m) noexcept
{
    switch (m.head.kind) {
    case PipeKind::Float:
        b.addPyFloat(floatOf(m.head));
        break;
    case PipeKind::Str:
        b.add(m.str());
        break;
    case PipeKind::None:
        b.add("None");
        break;
    case PipeKind::Int:
        b.addInt(m.head.value);
        break;
    }
}

void addPipeValue(EventLine &e, const PipeMessage &m) noexcept
{
    switch (m.head.kind) {
    case PipeKind::Float:
        e.floatValue(floatOf(m.head));
        break;
    case PipeKind::Str:
        e.str("value", m.str());
        break;
    case PipeKind::None:
        e.null("value");
        break;
    case PipeKind::Int:
        e.num("value", m.head.value);
        break;
    }
}

namespace {
/// The `put` or `get` event of one pipe message.
void emitMessageEvent(std::string_view ev, std::string_view label, const PipeMessage &m) noexcept
{
    Event e(ev);
    e.str("queue", label).num("seq", m.head.seq).num("producer", m.head.producer); // before a long value
    addPipeValue(e, m);
    e.emit();
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
    // words=hola,desde,el,hijo: conn.send() of each string instead of numbers; end_none=1: a
    // final conn.send(None), the end marker the page's receiver loops until.
    const std::string_view words = ctx.strArg("words");
    const bool endNone = ctx.intArg("end_none") != 0;
    std::size_t wordAt = 0;
    const std::int64_t total =
        words.empty() ? count : std::int64_t(1 + std::count(words.begin(), words.end(), ','));
    for (std::int64_t k = 0; k < total + (endNone ? 1 : 0); ++k) {
        sleepNs(delayNs);
        PipeMessage m{};
        m.head.seq = k;
        m.head.producer = getpid();
        if (k == total) {
            m.head.kind = PipeKind::None;
        } else if (!words.empty()) {
            std::size_t end = words.find(',', wordAt);
            if (end == std::string_view::npos)
                end = words.size();
            const std::string_view word = words.substr(wordAt, std::min(end - wordAt, kMaxPipeText));
            wordAt = end + 1;
            m.head.kind = PipeKind::Str;
            m.head.len = std::int32_t(word.size());
            std::memcpy(m.text, word.data(), word.size());
        } else if (floats) {
            m.head.kind = PipeKind::Float;
            const double d = first.asDouble() + double(k);
            std::memcpy(&m.head.value, &d, sizeof d);
        } else {
            m.head.value = first.i + k;
        }
        if (!writeAll(fd, reinterpret_cast<const char *>(&m), sizeof m.head + std::size_t(m.head.len))) {
            // Python: conn.send() on a pipe whose reader is gone raises BrokenPipeError.
            emitError(ctx, "BrokenPipeError", "[Errno 32] Broken pipe");
            return 1;
        }
        if (m.head.kind != PipeKind::None) {
            StackBuf<300> b;
            b.add("Se envía: ");
            addPipeValue(b, m);
            emitPrint(b);
        }
        emitMessageEvent("put", label, m);
    }
    close(fd);
    return 0;
}

int taskPipeEcho(TaskContext &ctx)
{
    // The other side of a duplex Pipe(): while (m := conn.recv()) is not None: conn.send(m),
    // then conn.send(None) — every value goes back where it came from.
    const int fd = int(ctx.intArg("fd"));
    if (!checkFd(ctx, fd, O_RDWR))
        return 1;
    const std::string_view label = ctx.strArg("label");
    for (std::int64_t seq = 0;; ++seq) {
        PipeMessage m{};
        const PipeRead r = readPipeMessage(fd, m);
        if (r != PipeRead::Ok) {
            emitError(ctx, r == PipeRead::Bad ? "OSError" : "EOFError",
                      r == PipeRead::Bad ? "bad message" : "");
            return 1;
        }
        emitMessageEvent("get", label, m);
        if (m.head.kind != PipeKind::None) {
            StackBuf<300> b;
            b.add("Recibido: ");
            addPipeValue(b, m);
            emitPrint(b);
        }
        m.head.seq = seq;
        m.head.producer = getpid();
        if (!writeAll(fd, reinterpret_cast<const char *>(&m), sizeof m.head + std::size_t(m.head.len))) {
            emitError(ctx, "BrokenPipeError", "[Errno 32] Broken pipe");
            return 1;
        }
        emitMessageEvent("put", label, m);
        if (m.head.kind == PipeKind::None)
            break;
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
        PipeMessage m{};
        const PipeRead r = readPipeMessage(fd, m);
        if (r == PipeRead::Eof && count == 0)
            break;
        if (r != PipeRead::Ok) {
            // Python's conn.recv() raises EOFError when the other end closed.
            emitError(ctx, r == PipeRead::Bad ? "OSError" : "EOFError",
                      r == PipeRead::Eof   ? ""
                      : r == PipeRead::Bad ? "bad message"
                                           : "truncated message");
            return 1;
        }
        emitMessageEvent("get", label, m);
        if (m.head.kind == PipeKind::None)
            break;       // while (m := conn.recv()) is not None
        StackBuf<300> b; // the notebook's print("Recibido:", mensaje)
        b.add("Recibido: ");
        addPipeValue(b, m);
        emitPrint(b);
    }
    close(fd);
    return 0;
}

} // namespace conc
