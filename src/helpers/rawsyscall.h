#pragma once
// Linux system calls without libc's wrappers, for the first microseconds of a forked child.
//
// Why: a fork() child shares the main program's memory, and the kernel does not copy the page
// table entries of the program's text and read-only data to it (they are file pages with no
// private copy): the first instruction the child runs in each 64 KiB window of the program is a
// page fault, which maps that window. libc's wrappers (sigaction, sigprocmask, prctl, close, ...)
// live all over libc's text, so a child that calls five of them takes five faults more than one
// that makes the same calls from its own code. These are inline: they add no window.
//
// Each returns what the kernel returned: the result, or -errno. They set no errno.

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <ctime>
#include <sys/syscall.h>
#include <unistd.h>

namespace conc::rawsys {

#if defined(__x86_64__)
inline long call(long n, long a = 0, long b = 0, long c = 0, long d = 0) noexcept
{
    long ret;
    register long r10 asm("r10") = d;
    asm volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
    return ret;
}
#elif defined(__aarch64__)
inline long call(long n, long a = 0, long b = 0, long c = 0, long d = 0) noexcept
{
    register long x8 asm("x8") = n;
    register long x0 asm("x0") = a;
    register long x1 asm("x1") = b;
    register long x2 asm("x2") = c;
    register long x3 asm("x3") = d;
    asm volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
    return x0;
}
#else
// Elsewhere libc's generic syscall(): one function, so at most one window.
inline long call(long n, long a = 0, long b = 0, long c = 0, long d = 0) noexcept
{
    const long r = ::syscall(n, a, b, c, d);
    return r == -1 ? -long(errno) : r;
}
#endif

/// The kernel's struct sigaction for rt_sigaction (not libc's): handler, flags, restorer, mask.
struct KernelSigaction
{
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)();
    std::uint64_t mask;
};

inline long setDefaultAction(int signo) noexcept
{
    KernelSigaction sa{SIG_DFL, 0, nullptr, 0};
    return call(SYS_rt_sigaction, signo, long(&sa), 0, sizeof sa.mask);
}

inline long unblockAllSignals() noexcept
{
    const std::uint64_t none = 0;
    return call(SYS_rt_sigprocmask, SIG_SETMASK, long(&none), 0, sizeof none);
}

inline long close(int fd) noexcept
{
    return call(SYS_close, fd);
}

inline long dup2(int from, int to) noexcept
{
    // dup3 exists on every architecture (dup2 is not on aarch64); they differ only when
    // from == to, which callers here never pass.
    return call(SYS_dup3, from, to, 0);
}

inline long prctl(int option, unsigned long arg) noexcept
{
    return call(SYS_prctl, option, long(arg));
}

inline pid_t getppid() noexcept
{
    return pid_t(call(SYS_getppid));
}

inline pid_t getpid() noexcept
{
    return pid_t(call(SYS_getpid));
}

/// CLOCK_MONOTONIC in nanoseconds through the system call: the same clock as libc's
/// clock_gettime(), which reads it in the vDSO instead, whose page a fresh child has not mapped.
inline std::int64_t monotonicNs() noexcept
{
    timespec ts{};
    call(SYS_clock_gettime, CLOCK_MONOTONIC, long(&ts));
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace conc::rawsys
