#include "eventwriter.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace conc {

namespace {
int g_eventFd = 1;

// Event lines are short: a byte loop copies them as fast as memcpy() does, and keeps a forked
// child's first event out of libc's memcpy, which lives in a text window of its own (one page
// fault more per child; see rawsyscall.h). The file is built with
// -fno-tree-loop-distribute-patterns, so the compiler does not turn this back into a call.
inline void copyBytes(char *to, const char *from, std::size_t n) noexcept
{
    for (std::size_t i = 0; i < n; ++i)
        to[i] = from[i];
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid too).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) noexcept
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80)
        return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    return len;
}
} // namespace

std::int64_t monotonicNs() noexcept
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool initEventFd() noexcept
{
    const char *env = std::getenv("CONCURRENTE_EVENT_FD");
    if (!env || !*env)
        return true;
    int fd = 0;
    const char *end = env + std::strlen(env);
    auto [ptr, ec] = std::from_chars(env, end, fd);
    if (ec != std::errc() || ptr != end || fd < 0 || fcntl(fd, F_GETFD) < 0)
        return false;
    g_eventFd = fd;
    return true;
}

int eventFd() noexcept
{
    return g_eventFd;
}
void setEventFd(int fd) noexcept
{
    g_eventFd = fd;
}

bool writeAll(int fd, const char *buf, std::size_t len) noexcept
{
    while (len > 0) {
        const ssize_t n = ::write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        buf += n;
        len -= std::size_t(n);
    }
    return true;
}

// ---- FixedBuf --------------------------------------------------------------------------------

FixedBuf &FixedBuf::add(std::string_view s) noexcept
{
    std::size_t n = s.size();
    if (n > m_cap - m_len) {
        n = m_cap - m_len;
        m_cut = true;
    }
    copyBytes(m_data + m_len, s.data(), n);
    m_len += n;
    return *this;
}

FixedBuf &FixedBuf::add(char c) noexcept
{
    return add(std::string_view(&c, 1));
}

FixedBuf &FixedBuf::addInt(std::int64_t v) noexcept
{
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    return add(std::string_view(tmp, std::size_t(r.ptr - tmp)));
}

FixedBuf &FixedBuf::addPyFloat(double v) noexcept
{
    if (std::isnan(v))
        return add("nan");
    if (std::isinf(v))
        return add(v < 0 ? "-inf" : "inf");
    // to_chars without precision gives the shortest round-trip digits, like Python's repr.
    char tmp[40];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::scientific);
    std::string_view sci(tmp, std::size_t(r.ptr - tmp));
    bool negative = false;
    if (!sci.empty() && sci.front() == '-') {
        negative = true;
        sci.remove_prefix(1);
    }
    const std::size_t e = sci.find('e');
    char digits[24];
    std::size_t nd = 0;
    for (std::size_t i = 0; i < e && nd < sizeof digits; ++i)
        if (sci[i] != '.')
            digits[nd++] = sci[i];
    int exp10 = 0;
    {
        const char *p = sci.data() + e + 1;
        if (*p == '+')
            ++p;
        std::from_chars(p, sci.data() + sci.size(), exp10);
    }
    const int decpt = exp10 + 1; // digits[0..decpt) are the integer part
    if (negative)
        add('-');
    // Python's float_repr_style 'short': fixed notation for -4 < decpt <= 16.
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            add("0.");
            for (int i = 0; i < -decpt; ++i)
                add('0');
            add(std::string_view(digits, nd));
        } else if (std::size_t(decpt) >= nd) {
            add(std::string_view(digits, nd));
            for (std::size_t i = nd; i < std::size_t(decpt); ++i)
                add('0');
            add(".0");
        } else {
            add(std::string_view(digits, std::size_t(decpt)));
            add('.');
            add(std::string_view(digits + decpt, nd - std::size_t(decpt)));
        }
    } else {
        add(digits[0]);
        if (nd > 1) {
            add('.');
            add(std::string_view(digits + 1, nd - 1));
        }
        add('e');
        add(exp10 < 0 ? '-' : '+');
        const int ae = exp10 < 0 ? -exp10 : exp10;
        if (ae < 10)
            add('0');
        addInt(ae);
    }
    return *this;
}

// ---- Event -----------------------------------------------------------------------------------

void EventLine::begin(std::string_view ev, pid_t pid) noexcept
{
    const std::int64_t t = monotonicNs();
    begin(ev, pid ? pid : getpid(), t);
}

void EventLine::begin(std::string_view ev, pid_t pid, std::int64_t tNs) noexcept
{
    FixedBuf b(m_buf, m_cap - kReserve);
    b.add("{\"ev\":\"").add(ev).add("\",\"t_ns\":").addInt(tNs).add(",\"pid\":").addInt(pid);
    m_len = b.size();
}

bool EventLine::beginField(std::string_view key, std::size_t minValueBytes) noexcept
{
    // ,"key": plus the smallest useful value must fit before the reserve.
    if (m_finished || m_len + key.size() + 4 + minValueBytes > m_cap - kReserve) {
        m_truncated = true;
        return false;
    }
    m_buf[m_len++] = ',';
    m_buf[m_len++] = '"';
    copyBytes(m_buf + m_len, key.data(), key.size());
    m_len += key.size();
    m_buf[m_len++] = '"';
    m_buf[m_len++] = ':';
    return true;
}

void EventLine::appendEscaped(std::string_view s) noexcept
{
    // The closing quote needs one byte; everything else is cut at a character boundary.
    const std::size_t limit = m_cap - kReserve - 1;
    static constexpr char kHex[] = "0123456789abcdef";
    m_buf[m_len++] = '"';
    std::size_t i = 0;
    while (i < s.size()) {
        char esc[8];
        std::size_t escLen = 0;
        std::size_t consumed = 1;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = char(c);
            escLen = 2;
        } else if (c < 0x20 || c == 0x7F) {
            esc[0] = '\\';
            switch (c) {
            case '\n':
                esc[1] = 'n';
                escLen = 2;
                break;
            case '\t':
                esc[1] = 't';
                escLen = 2;
                break;
            case '\r':
                esc[1] = 'r';
                escLen = 2;
                break;
            case '\b':
                esc[1] = 'b';
                escLen = 2;
                break;
            case '\f':
                esc[1] = 'f';
                escLen = 2;
                break;
            default:
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = kHex[c >> 4];
                esc[5] = kHex[c & 0xF];
                escLen = 6;
            }
        } else if (c < 0x80) {
            esc[0] = char(c);
            escLen = 1;
        } else {
            const std::size_t len = utf8SequenceLength(s, i);
            if (len == 0) {
                // U+FFFD REPLACEMENT CHARACTER for a byte that is not valid UTF-8.
                esc[0] = char(0xEF);
                esc[1] = char(0xBF);
                esc[2] = char(0xBD);
                escLen = 3;
            } else {
                copyBytes(esc, s.data() + i, len);
                escLen = len;
                consumed = len;
            }
        }
        if (m_len + escLen > limit) {
            m_truncated = true;
            break;
        }
        copyBytes(m_buf + m_len, esc, escLen);
        m_len += escLen;
        i += consumed;
    }
    m_buf[m_len++] = '"';
}

EventLine &EventLine::str(std::string_view key, std::string_view value) noexcept
{
    if (beginField(key, 2))
        appendEscaped(value);
    return *this;
}

EventLine &EventLine::num(std::string_view key, std::int64_t value) noexcept
{
    if (beginField(key, 20)) {
        FixedBuf b(m_buf + m_len, 24);
        b.addInt(value);
        m_len += b.size();
    }
    return *this;
}

EventLine &EventLine::real(std::string_view key, double value) noexcept
{
    if (!std::isfinite(value)) {
        // JSON has no inf/nan: send Python's spelling as a string.
        StackBuf<8> t;
        t.addPyFloat(value);
        return str(key, t.view());
    }
    if (beginField(key, 32)) {
        FixedBuf b(m_buf + m_len, 32);
        b.addPyFloat(value);
        m_len += b.size();
    }
    return *this;
}

EventLine &EventLine::floatValue(double value) noexcept
{
    return real("value", value).boolean("float", true);
}

EventLine &EventLine::boolean(std::string_view key, bool value) noexcept
{
    if (beginField(key, 5)) {
        const std::string_view v = value ? "true" : "false";
        copyBytes(m_buf + m_len, v.data(), v.size());
        m_len += v.size();
    }
    return *this;
}

EventLine &EventLine::null(std::string_view key) noexcept
{
    if (beginField(key, 4)) {
        copyBytes(m_buf + m_len, "null", 4);
        m_len += 4;
    }
    return *this;
}

EventLine &EventLine::intArray(std::string_view key, const std::int64_t *values, std::size_t n) noexcept
{
    if (!beginField(key, 2 + n * 21))
        return *this;
    FixedBuf b(m_buf + m_len, m_cap - kReserve - m_len);
    b.add('[');
    for (std::size_t i = 0; i < n; ++i) {
        if (i)
            b.add(',');
        b.addInt(values[i]);
    }
    b.add(']');
    m_len += b.size();
    return *this;
}

std::string_view EventLine::finish() noexcept
{
    if (!m_finished) {
        FixedBuf b(m_buf + m_len, m_cap - m_len);
        if (m_truncated)
            b.add(",\"truncated\":true");
        b.add("}\n");
        m_len += b.size();
        m_finished = true;
    }
    return {m_buf, m_len};
}

bool EventLine::emit() noexcept
{
    const std::string_view line = finish();
    // One write() per line: pipes make writes of at most PIPE_BUF bytes atomic, so lines of
    // sibling processes sharing the pipe never interleave.
    return writeAll(g_eventFd, line.data(), line.size());
}

} // namespace conc
