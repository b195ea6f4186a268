#pragma once
// Process file descriptors (Linux ≥ 5.3): a signal sent through one can never reach another
// process that reused the pid. glibc 2.36's <sys/pidfd.h> lacks extern "C" for C++, and the
// system calls are simple enough to make directly.

#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

namespace concurrente {

inline int pidfdOpen(pid_t pid)
{
    return int(::syscall(SYS_pidfd_open, pid, 0));
}

inline int pidfdSendSignal(int pidfd, int sig)
{
    return int(::syscall(SYS_pidfd_send_signal, pidfd, sig, nullptr, 0));
}

} // namespace concurrente
