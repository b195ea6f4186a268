#pragma once
// The records a Pipe() carries (task_pipe.cpp), shared by the pipe tasks and the main program's
// own `recv` action: a 32-byte header {seq, value, producer, kind, len} and, for a string, its
// UTF-8 bytes — written with one write() of at most 32 + 256 bytes, far below PIPE_BUF, so the
// records of several senders never interleave.

#include <cstdint>
#include <string_view>

namespace conc {

class Event;
class FixedBuf;

enum class PipeKind : std::int32_t { Int = 0, Float = 1, Str = 2, None = 3 };
inline constexpr std::size_t kMaxPipeText = 256;

struct PipeRecord
{
    std::int64_t seq = 0;
    std::int64_t value = 0; ///< an int, or the bits of a double for a float
    std::int64_t producer = 0;
    PipeKind kind = PipeKind::Int;
    std::int32_t len = 0; ///< bytes of text that follow (strings)
};
static_assert(sizeof(PipeRecord) == 32);

struct PipeMessage
{
    PipeRecord head;
    char text[kMaxPipeText];
    std::string_view str() const noexcept { return {text, std::size_t(head.len)}; }
};

enum class PipeRead { Ok, Eof, Truncated, Bad };
/// Reads one whole record (blocking). Eof: the other end closed before one began.
PipeRead readPipeMessage(int fd, PipeMessage &m) noexcept;
/// print(value): str() of the value ("hola", 2.0, None).
void addPipeValue(FixedBuf &b, const PipeMessage &m) noexcept;
/// The event's `value` (with the float marker for a float, null for None).
void addPipeValue(EventLine &e, const PipeMessage &m) noexcept;

} // namespace conc
