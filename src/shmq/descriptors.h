#pragma once
// Descriptor hygiene for the moment between fork() and exec(): a child gets exactly the
// descriptors it needs, whatever its parent inherited without close-on-exec. Header-only, C++20 +
// POSIX, and async-signal-safe (system calls only, no allocation), so the app's child-process
// modifier and the helpers' forked children may call it.

#include <cerrno>
#include <cstddef>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace shmq::fds {

/// What happens to a descriptor that is not kept.
enum class Mode : unsigned char {
    Close,       ///< closed now
    CloseOnExec, ///< marked close-on-exec (for a caller whose own machinery still needs them
                 ///< until exec, e.g. QProcess's start-up pipe)
};

namespace detail {
inline bool kept(int fd, const int *keep, std::size_t n) noexcept
{
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i] == fd)
            return true;
    return false;
}

inline void drop(int fd, Mode mode) noexcept
{
    if (mode == Mode::Close)
        ::close(fd);
    else if (const int flags = ::fcntl(fd, F_GETFD); flags >= 0 && !(flags & FD_CLOEXEC))
        ::fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

/// Kernels before 5.9 (no close_range) or 5.11 (no CLOSE_RANGE_CLOEXEC): walk /proc/self/fd
/// with getdents64 (opendir would allocate); without /proc, every number below the limit.
inline void dropByListing(const int *keep, std::size_t n, Mode mode) noexcept
{
    const int dir = ::open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        rlimit lim{};
        const rlim_t top =
            ::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 65536 ? lim.rlim_cur : 65536;
        for (int fd = 3; rlim_t(fd) < top; ++fd)
            if (!kept(fd, keep, n))
                drop(fd, mode);
        return;
    }
    alignas(8) char buf[4096];
    for (;;) {
        const long got = ::syscall(SYS_getdents64, dir, buf, sizeof buf);
        if (got <= 0)
            break;
        for (long off = 0; off < got;) {
            // struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, char name[]
            const unsigned short reclen = *reinterpret_cast<const unsigned short *>(buf + off + 16);
            const char *name = buf + off + 19;
            int fd = 0;
            bool number = *name != '\0';
            for (const char *c = name; *c; ++c) {
                if (*c < '0' || *c > '9' || fd > 100'000'000) {
                    number = false;
                    break;
                }
                fd = fd * 10 + (*c - '0');
            }
            if (number && fd > 2 && fd != dir && !kept(fd, keep, n))
                drop(fd, mode);
            off += reclen ? reclen : got;
        }
    }
    ::close(dir);
}
} // namespace detail

/// Closes (or marks close-on-exec) every descriptor above 2 that is not in `keep` (ascending,
/// without duplicates). Standard input, output and error are always kept.
inline void keepOnly(const int *keep, std::size_t n, Mode mode) noexcept
{
    const unsigned flags = mode == Mode::Close ? 0u : unsigned(CLOSE_RANGE_CLOEXEC);
    unsigned first = 3;
    bool ok = true;
    auto range = [&](unsigned from, unsigned to) {
        if (ok && from <= to && ::syscall(SYS_close_range, from, to, flags) != 0)
            ok = false;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (keep[i] < int(first))
            continue;
        range(first, unsigned(keep[i]) - 1);
        first = unsigned(keep[i]) + 1;
    }
    range(first, ~0u);
    if (!ok)
        detail::dropByListing(keep, n, mode);
}

/// Clears close-on-exec on `fd` (a descriptor the child is to inherit at the same number).
inline bool inherit(int fd) noexcept
{
    const int flags = ::fcntl(fd, F_GETFD);
    return flags >= 0 && ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
}

} // namespace shmq::fds
