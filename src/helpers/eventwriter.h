#pragma once
// JSON-lines event writer for the helper executables (see docs/protocol.md).
//
// Everything here is heap-free and async-signal-safe (only clock_gettime, getpid, write), so a
// child forked by the main program may emit events right after fork() without touching malloc or stdio.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <sys/types.h>

namespace conc {

/// A protocol line is shorter than this, newline included (POSIX PIPE_BUF: atomic writes; the
/// app rejects lines longer than 4096 bytes, so staying below leaves no boundary case).
inline constexpr std::size_t kMaxLineBytes = 4096;

/// CLOCK_MONOTONIC in nanoseconds: one clock for every process of the machine.
std::int64_t monotonicNs() noexcept;

/// Reads $CONCURRENTE_EVENT_FD once (call from main, before any fork). Returns false and keeps
/// fd 1 when the variable is set but not a usable descriptor number.
bool initEventFd() noexcept;
int eventFd() noexcept;
void setEventFd(int fd) noexcept;

/// Appends bytes to a fixed buffer; never overflows, remembers whether something was cut.
class FixedBuf
{
public:
    FixedBuf(char *data, std::size_t capacity) noexcept : m_data(data), m_cap(capacity) {}
    FixedBuf &add(std::string_view s) noexcept;
    FixedBuf &add(char c) noexcept;
    FixedBuf &addInt(std::int64_t v) noexcept;
    /// The shortest text that reads back as the same double, formatted like Python's repr():
    /// 3.5, 24.0, 1e+16, 1e-05, inf, nan.
    FixedBuf &addPyFloat(double v) noexcept;
    std::string_view view() const noexcept { return {m_data, m_len}; }
    std::size_t size() const noexcept { return m_len; }
    bool cut() const noexcept { return m_cut; }
    /// Says the text is cut although it fitted here: what was added was itself a cut value.
    void markCut() noexcept { m_cut = true; }
    void clear() noexcept
    {
        m_len = 0;
        m_cut = false;
    }

private:
    char *m_data;
    std::size_t m_cap;
    std::size_t m_len = 0;
    bool m_cut = false;
};

/// A FixedBuf with its own storage.
template <std::size_t N> class StackBuf : public FixedBuf
{
public:
    StackBuf() noexcept : FixedBuf(m_storage, N) {}
    StackBuf(const StackBuf &) = delete;
    StackBuf &operator=(const StackBuf &) = delete;

private:
    char m_storage[N];
};

/// Builds one event line: {"ev":..,"t_ns":..,"pid":.., fields..}. Strings are escaped for JSON
/// (quotes, backslash, every control character) and invalid UTF-8 becomes U+FFFD. A field that
/// does not fit is cut (strings at a character boundary) and the line gets "truncated":true, so
/// a line never exceeds its storage (at most kMaxLineBytes). The storage is the derived class's:
/// Event has room for any protocol line; ShortEvent<N> is for lines known to be short, so that a
/// forked child builds its `start` and `exit` in a few hundred bytes of stack instead of 4 KiB
/// (every stack page a child writes is a page fault and a page copy).
class EventLine
{
public:
    EventLine(const EventLine &) = delete;
    EventLine &operator=(const EventLine &) = delete;

    EventLine &str(std::string_view key, std::string_view value) noexcept;
    EventLine &num(std::string_view key, std::int64_t value) noexcept;
    EventLine &real(std::string_view key, double value) noexcept;
    /// A Python float as the event's `value`: written like repr() (`2.0`, `1e+16`; `"inf"`/`"nan"`
    /// as strings) plus `"float":true`, so readers whose JSON numbers have no int/float
    /// distinction (QJsonValue reads 2.0 as 2) still know it was a float.
    EventLine &floatValue(double value) noexcept;
    EventLine &boolean(std::string_view key, bool value) noexcept;
    EventLine &null(std::string_view key) noexcept;
    EventLine &intArray(std::string_view key, const std::int64_t *values, std::size_t n) noexcept;
    /// Says `"truncated":true` at the end of the line: a field's text was cut before it got here
    /// (a print built in a fixed buffer), not only when the line itself is too long.
    EventLine &markTruncated() noexcept
    {
        m_truncated = true;
        return *this;
    }

    /// Writes the line with one write() (retrying on EINTR). False if the reader is gone.
    bool emit() noexcept;
    /// The line as it would be written (for tests and --dry output).
    std::string_view finish() noexcept;

protected:
    EventLine(char *storage, std::size_t capacity) noexcept : m_buf(storage), m_cap(capacity) {}
    /// Writes the header, timestamped now; `pid` 0 means "this process".
    void begin(std::string_view ev, pid_t pid) noexcept;
    /// The same with the time (CLOCK_MONOTONIC, ns) and the pid given.
    void begin(std::string_view ev, pid_t pid, std::int64_t tNs) noexcept;

private:
    bool beginField(std::string_view key, std::size_t minValueBytes) noexcept;
    void appendEscaped(std::string_view s) noexcept;

    // Room kept free for `,"truncated":true}` + newline.
    static constexpr std::size_t kReserve = 20;
    // The members come before the storage, so the bytes a short line touches are contiguous.
    char *m_buf;
    std::size_t m_cap;
    std::size_t m_len = 0;
    bool m_truncated = false;
    bool m_finished = false;
};

/// An event line with room for any protocol line.
class Event : public EventLine
{
public:
    /// pid 0 means "this process".
    explicit Event(std::string_view ev, pid_t pid = 0) noexcept : EventLine(m_storage, sizeof m_storage)
    {
        begin(ev, pid);
    }

private:
    char m_storage[kMaxLineBytes - 1];
};

/// An event line of at most N bytes (newline included); longer content is cut and marked
/// truncated, as in Event. For lines whose size is known to be small.
template <std::size_t N> class ShortEvent : public EventLine
{
    static_assert(N >= 128 && N < kMaxLineBytes);

public:
    explicit ShortEvent(std::string_view ev, pid_t pid = 0) noexcept : EventLine(m_storage, N)
    {
        begin(ev, pid);
    }
    /// An event of process `pid` (not 0) at `tNs` (CLOCK_MONOTONIC): for a caller that has both
    /// at hand, so building the line makes no call at all.
    ShortEvent(std::string_view ev, pid_t pid, std::int64_t tNs) noexcept : EventLine(m_storage, N)
    {
        begin(ev, pid, tNs);
    }

private:
    char m_storage[N];
};

/// Writes all of buf to fd, retrying on EINTR and short writes. False on any other error.
bool writeAll(int fd, const char *buf, std::size_t len) noexcept;

} // namespace conc
