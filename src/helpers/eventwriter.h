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
/// a line never exceeds kMaxLineBytes.
class Event
{
public:
    /// pid 0 means "this process".
    explicit Event(std::string_view ev, pid_t pid = 0) noexcept;
    Event(const Event &) = delete;
    Event &operator=(const Event &) = delete;

    Event &str(std::string_view key, std::string_view value) noexcept;
    Event &num(std::string_view key, std::int64_t value) noexcept;
    Event &real(std::string_view key, double value) noexcept;
    /// A Python float as the event's `value`: written like repr() (`2.0`, `1e+16`; `"inf"`/`"nan"`
    /// as strings) plus `"float":true`, so readers whose JSON numbers have no int/float
    /// distinction (QJsonValue reads 2.0 as 2) still know it was a float.
    Event &floatValue(double value) noexcept;
    Event &boolean(std::string_view key, bool value) noexcept;
    Event &null(std::string_view key) noexcept;
    Event &intArray(std::string_view key, const std::int64_t *values, std::size_t n) noexcept;
    /// Says `"truncated":true` at the end of the line: a field's text was cut before it got here
    /// (a print built in a fixed buffer), not only when the line itself is too long.
    Event &markTruncated() noexcept
    {
        m_truncated = true;
        return *this;
    }

    /// Writes the line with one write() (retrying on EINTR). False if the reader is gone.
    bool emit() noexcept;
    /// The line as it would be written (for tests and --dry output).
    std::string_view finish() noexcept;

private:
    bool beginField(std::string_view key, std::size_t minValueBytes) noexcept;
    void appendEscaped(std::string_view s) noexcept;

    // Room kept free for `,"truncated":true}` + newline.
    static constexpr std::size_t kReserve = 20;
    char m_buf[kMaxLineBytes - 1];
    std::size_t m_len = 0;
    bool m_truncated = false;
    bool m_finished = false;
};

/// Writes all of buf to fd, retrying on EINTR and short writes. False on any other error.
bool writeAll(int fd, const char *buf, std::size_t len) noexcept;

} // namespace conc
