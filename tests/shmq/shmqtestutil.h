#pragma once
// Shared helpers of the queue tests: forked children, checksummed test messages, and the
// leftover checks (no segment in /dev/shm, no child process) every test ends with.
//
// Children are plain fork() copies of the test process (no exec, no Qt in the child): they only
// touch the queue, memory shared with the parent, and then _exit(). The test binaries use
// QTEST_APPLESS_MAIN, so the parent has no other threads that could hold a lock at fork time.

#include "shmq.h"

#include <QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <functional>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace shmqtest {

inline std::int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline void sleepUs(long us)
{
    timespec ts{us / 1'000'000, (us % 1'000'000) * 1000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/// Name hint every queue of this test process carries, so leftovers can be found by name
/// even when a child created the segment.
inline std::string testHint()
{
    static const std::string hint = std::string(1, 't').append(std::to_string(getpid()));
    return hint;
}

/// Our segments still present in /dev/shm.
inline std::vector<std::string> leftoverSegments()
{
    std::vector<std::string> found;
    std::string tag(1, '-');
    tag.append(testHint()).push_back('-');
    if (DIR *d = opendir("/dev/shm")) {
        while (dirent *e = readdir(d)) {
            const std::string n = e->d_name;
            if (n.rfind("concurrente-q-", 0) == 0 && n.find(tag) != std::string::npos)
                found.push_back(n);
        }
        closedir(d);
    }
    return found;
}

/// Unlinks our leftover segments (so one failure does not cascade) and returns their names.
inline std::vector<std::string> takeLeftoverSegments()
{
    auto left = leftoverSegments();
    for (const auto &n : left) {
        std::string path(1, '/');
        path.append(n);
        shm_unlink(path.c_str());
    }
    return left;
}

/// A test's cleanup(): no segment of ours and no child of ours left (waitpid gives ECHILD).
#define SHMQ_VERIFY_NOTHING_LEFT()                                                                           \
    do {                                                                                                     \
        const auto left_ = shmqtest::takeLeftoverSegments();                                                 \
        QVERIFY2(left_.empty(), left_.empty() ? "" : ("segment left behind: " + left_.front()).c_str());     \
        QCOMPARE(waitpid(-1, nullptr, WNOHANG), pid_t(-1));                                                  \
    } while (false)

/// Anonymous memory shared with forked children (zero-filled). Lives until the test process ends
/// or until unmapped by the owner.
template <class T> T *sharedArray(std::size_t count)
{
    void *p = mmap(nullptr, sizeof(T) * count, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? nullptr : static_cast<T *>(p);
}
template <class T> void freeShared(T *p, std::size_t count)
{
    if (p)
        munmap(p, sizeof(T) * count);
}

/// The children of the current test; reaped by the test, and killed + reported by checkNoChildren.
class Children
{
public:
    ~Children() { killAll(); }
    pid_t spawn(const std::function<int()> &body)
    {
        const pid_t pid = fork();
        if (pid == 0) {
            int code = 99;
            code = body();
            _exit(code);
        }
        if (pid > 0)
            m_pids.push_back(pid);
        return pid;
    }
    /// Waits for `pid`; returns the raw wait status (or -1).
    int reap(pid_t pid)
    {
        int status = 0;
        pid_t r;
        do {
            r = waitpid(pid, &status, 0);
        } while (r < 0 && errno == EINTR);
        forget(pid);
        return r == pid ? status : -1;
    }
    /// Waits for `pid` at most `ms` milliseconds; true + status if it ended.
    bool reapWithin(pid_t pid, int ms, int *statusOut)
    {
        const std::int64_t end = nowNs() + std::int64_t(ms) * 1'000'000;
        for (;;) {
            int status = 0;
            const pid_t r = waitpid(pid, &status, WNOHANG);
            if (r == pid) {
                forget(pid);
                if (statusOut)
                    *statusOut = status;
                return true;
            }
            if (nowNs() >= end)
                return false;
            sleepUs(200);
        }
    }
    void killAll()
    {
        for (pid_t p : m_pids) {
            kill(p, SIGKILL);
            kill(p, SIGCONT);
            waitpid(p, nullptr, 0);
        }
        m_pids.clear();
    }
    std::size_t alive() const { return m_pids.size(); }
    const std::vector<pid_t> &pids() const { return m_pids; }

private:
    void forget(pid_t pid) { std::erase(m_pids, pid); }
    std::vector<pid_t> m_pids;
};

// ---- comparing results ---------------------------------------------------------------------

/// QCOMPARE on shmq::Result prints only the enum's number; this wrapper prints its name:
/// QCOMPARE_RESULT(q.put(...), Result::Ok) reports "timeout" vs "ok" on failure.
struct ResultValue
{
    shmq::Result value;
    bool operator==(const ResultValue &) const = default;
};
inline char *toString(const ResultValue &r)
{
    return qstrdup(shmq::describe(r.value));
}
#define QCOMPARE_RESULT(actual, expected)                                                                    \
    QCOMPARE((shmqtest::ResultValue{(actual)}), (shmqtest::ResultValue{(expected)}))

// ---- checksummed test messages --------------------------------------------------------------

/// Test message layout: a 24-byte head then `bodyLength` pseudo-random bytes derived from the id.
struct MessageHead
{
    std::uint32_t producer;
    std::uint32_t seq;
    std::uint32_t id; // global message number (index into the per-message tables)
    std::uint32_t bodyLength;
    std::uint64_t sum; // checksum of the head fields and the body
};
static_assert(sizeof(MessageHead) == 24);

inline std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    x ^= x >> 33;
    return x;
}

inline std::uint64_t messageSum(const MessageHead &h, const unsigned char *body)
{
    std::uint64_t s =
        mix((std::uint64_t(h.producer) << 32) ^ h.seq ^ (std::uint64_t(h.id) << 17) ^ h.bodyLength);
    for (std::uint32_t i = 0; i < h.bodyLength; ++i)
        s = mix(s ^ body[i] ^ (std::uint64_t(i) << 8));
    return s;
}

/// Fills `out` (at least sizeof(MessageHead) + bodyLength bytes); returns the message length.
inline std::size_t makeMessage(unsigned char *out, std::uint32_t producer, std::uint32_t seq,
                               std::uint32_t id, std::uint32_t bodyLength)
{
    MessageHead h{producer, seq, id, bodyLength, 0};
    unsigned char *body = out + sizeof h;
    std::uint64_t r = mix(id + 1);
    for (std::uint32_t i = 0; i < bodyLength; ++i) {
        if (i % 8 == 0)
            r = mix(r + i);
        body[i] = static_cast<unsigned char>(r >> (8 * (i % 8)));
    }
    h.sum = messageSum(h, body);
    std::memcpy(out, &h, sizeof h);
    return sizeof h + bodyLength;
}

/// Parses and verifies a message; false if it is torn or malformed.
inline bool parseMessage(const unsigned char *data, std::size_t length, MessageHead *headOut)
{
    if (length < sizeof(MessageHead))
        return false;
    MessageHead h;
    std::memcpy(&h, data, sizeof h);
    if (sizeof h + std::size_t(h.bodyLength) != length)
        return false;
    if (messageSum(h, data + sizeof h) != h.sum)
        return false;
    if (headOut)
        *headOut = h;
    return true;
}

inline std::span<const std::byte> bytesOf(const unsigned char *p, std::size_t n)
{
    return {reinterpret_cast<const std::byte *>(p), n};
}

} // namespace shmqtest
