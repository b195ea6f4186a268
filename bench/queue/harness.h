// Process harness for the queue benchmark: fork real worker processes, release them together,
// time the transfer, collect what each consumer saw, and never leave a child or a segment behind.
// Plain C++20 + POSIX (the benchmark must not measure Qt start-up).
#pragma once

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

inline std::uint64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::uint64_t(ts.tv_sec) * 1'000'000'000ull + std::uint64_t(ts.tv_nsec);
}

// ---- clean-up registry -------------------------------------------------------------------
// A signal can arrive at any moment (Ctrl-C, run.sh's trap). The handler may only use
// async-signal-safe calls, so children and segment names live in fixed arrays it can walk.
constexpr int kMaxChildren = 64;
constexpr int kMaxSegments = 16;
constexpr int kMaxName = 128;

inline volatile pid_t g_children[kMaxChildren];
inline char g_segments[kMaxSegments][kMaxName];
inline volatile sig_atomic_t g_segmentUsed[kMaxSegments];
inline int g_registryFd = -1; // optional file run.sh reads back to remove leftovers

inline void trackChild(pid_t pid)
{
    for (auto &slot : g_children) {
        if (slot == 0) {
            slot = pid;
            return;
        }
    }
}

inline void untrackChild(pid_t pid)
{
    for (auto &slot : g_children) {
        if (slot == pid)
            slot = 0;
    }
}

/// Remembers a POSIX shared-memory name (as given to shm_open, leading '/') for emergency unlink.
inline void trackSegment(const std::string &name)
{
    for (int i = 0; i < kMaxSegments; ++i) {
        if (!g_segmentUsed[i]) {
            std::snprintf(g_segments[i], kMaxName, "%s", name.c_str());
            g_segmentUsed[i] = 1;
            break;
        }
    }
    if (g_registryFd >= 0) {
        // run.sh removes whatever is listed here and still exists, even if we are SIGKILLed.
        const std::string line = name + "\n";
        [[maybe_unused]] auto n = ::write(g_registryFd, line.data(), line.size());
    }
}

inline void untrackSegment(const std::string &name)
{
    for (int i = 0; i < kMaxSegments; ++i) {
        if (g_segmentUsed[i] && name == g_segments[i])
            g_segmentUsed[i] = 0;
    }
}

inline void emergencyCleanup(int sig)
{
    for (auto &slot : g_children) {
        if (slot > 0)
            ::kill(slot, SIGKILL);
    }
    for (auto &slot : g_children) {
        if (slot > 0) {
            ::waitpid(slot, nullptr, 0);
            slot = 0;
        }
    }
    for (int i = 0; i < kMaxSegments; ++i) {
        if (g_segmentUsed[i])
            ::shm_unlink(g_segments[i]);
    }
    ::_exit(128 + sig);
}

inline void installCleanupHandlers()
{
    if (const char *path = std::getenv("QUEUE_BENCH_SHM_REGISTRY"); path && *path)
        g_registryFd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    struct sigaction sa
    {
    };
    sa.sa_handler = emergencyCleanup;
    sigemptyset(&sa.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP})
        sigaction(s, &sa, nullptr);
    // A consumer that died must not kill the harness through a broken pipe; write() reports it.
    std::signal(SIGPIPE, SIG_IGN);
}

// ---- children ----------------------------------------------------------------------------

/// What a child reports to the parent when it is done (one atomic pipe write).
struct ChildReport
{
    std::uint64_t endNs = 0;    ///< CLOCK_MONOTONIC when the last message was handled
    std::uint64_t count = 0;    ///< messages handled
    std::uint64_t checksum = 0; ///< sum of the sequence numbers seen
    std::uint64_t bad = 0;      ///< wrong length or failed operation
    std::uint64_t producer = 0; ///< 1 when the report comes from a producer
};

/// Forks workers that each wait for a common start signal, runs them, and collects reports.
class Crew
{
public:
    Crew()
    {
        if (::pipe2(m_ready, O_CLOEXEC) != 0 || ::pipe2(m_go, O_CLOEXEC) != 0 ||
            ::pipe2(m_report, O_CLOEXEC) != 0) {
            std::perror("pipe2");
            std::exit(1);
        }
    }
    Crew(const Crew &) = delete;
    Crew &operator=(const Crew &) = delete;
    ~Crew()
    {
        killAll();
        for (int fd : {m_ready[0], m_ready[1], m_go[0], m_go[1], m_report[0], m_report[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
    }

    /// Starts a worker; `body` runs after the start signal and returns its report.
    /// `reports` says whether the parent waits for this worker's report.
    void spawn(const std::function<ChildReport()> &body, bool reports)
    {
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            std::perror("fork");
            return;
        }
        if (pid == 0) {
            // Die with the harness, whatever kills it: no orphan keeps spinning on a queue.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(1);
            struct sigaction dfl
            {
            };
            dfl.sa_handler = SIG_DFL;
            for (int s : {SIGINT, SIGTERM, SIGHUP})
                sigaction(s, &dfl, nullptr);
            // Our copy of the go pipe's write end would keep the release from ever reading EOF.
            ::close(m_go[1]);
            char c = 1;
            if (::write(m_ready[1], &c, 1) != 1)
                ::_exit(1);
            // Block until the parent closes the go pipe: every worker starts at once.
            while (::read(m_go[0], &c, 1) < 0 && errno == EINTR) {
            }
            ChildReport r = body();
            if (reports) {
                if (r.endNs == 0)
                    r.endNs = nowNs();
                [[maybe_unused]] auto n = ::write(m_report[1], &r, sizeof r);
            }
            ::_exit(0);
        }
        trackChild(pid);
        m_pids.push_back(pid);
        if (reports)
            ++m_expectedReports;
    }

    /// Waits until every worker is set up, then releases them; returns the release time.
    std::uint64_t start()
    {
        for (std::size_t i = 0; i < m_pids.size(); ++i) {
            char c;
            if (!readWithDeadline(m_ready[0], &c, 1, 10'000))
                return 0;
        }
        const std::uint64_t t0 = nowNs();
        ::close(m_go[1]);
        m_go[1] = -1;
        return t0;
    }

    /// Collects the reports, giving up after `timeoutMs` (a stuck queue is reported, not waited on).
    bool collect(std::vector<ChildReport> &out, int timeoutMs)
    {
        out.clear();
        const std::uint64_t deadline = nowNs() + std::uint64_t(timeoutMs) * 1'000'000ull;
        for (int i = 0; i < m_expectedReports; ++i) {
            ChildReport r;
            const std::uint64_t now = nowNs();
            const int left = now >= deadline ? 0 : int((deadline - now) / 1'000'000ull);
            if (!readWithDeadline(m_report[0], &r, sizeof r, left))
                return false;
            out.push_back(r);
        }
        return true;
    }

    /// Reaps every worker; the ones still running after `graceMs` are killed.
    void reap(int graceMs = 5000)
    {
        const std::uint64_t deadline = nowNs() + std::uint64_t(graceMs) * 1'000'000ull;
        for (pid_t pid : m_pids) {
            for (;;) {
                const pid_t r = ::waitpid(pid, nullptr, WNOHANG);
                if (r == pid || (r < 0 && errno != EINTR))
                    break;
                if (nowNs() > deadline) {
                    ::kill(pid, SIGKILL);
                    ::waitpid(pid, nullptr, 0);
                    break;
                }
                ::usleep(1000);
            }
            untrackChild(pid);
        }
        m_pids.clear();
    }

    void killAll()
    {
        for (pid_t pid : m_pids)
            ::kill(pid, SIGKILL);
        reap(0);
    }

private:
    static bool readWithDeadline(int fd, void *buf, std::size_t len, int timeoutMs)
    {
        auto *p = static_cast<char *>(buf);
        std::size_t got = 0;
        const std::uint64_t deadline = nowNs() + std::uint64_t(timeoutMs) * 1'000'000ull;
        while (got < len) {
            const std::uint64_t now = nowNs();
            if (now >= deadline)
                return false;
            pollfd pfd{fd, POLLIN, 0};
            const int pr = ::poll(&pfd, 1, int((deadline - now) / 1'000'000ull) + 1);
            if (pr < 0 && errno == EINTR)
                continue;
            if (pr <= 0)
                return false;
            const ssize_t n = ::read(fd, p + got, len - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            got += std::size_t(n);
        }
        return true;
    }

    int m_ready[2]{-1, -1};
    int m_go[2]{-1, -1};
    int m_report[2]{-1, -1};
    std::vector<pid_t> m_pids;
    int m_expectedReports = 0;
};

// ---- statistics --------------------------------------------------------------------------

inline double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    // Nearest-rank on the sorted samples: p99 of 10,000 samples is the 9,900th.
    const double rank = q * double(v.size() - 1);
    const auto lo = std::size_t(rank);
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - double(lo));
}

inline double median(std::vector<double> v)
{
    return quantile(std::move(v), 0.5);
}

} // namespace bench
