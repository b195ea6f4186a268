// The floor under any fork launcher on this machine, for bench/spawn: a small static program
// (no Qt) forks N children that each write two short lines to a shared pipe (as a worker
// reports `start` and `exit`) and _exit; the parent drains the pipe and reaps them all.
// Prints one rate per run (children per second), one per line. Usage: fork_floor [N] [RUNS]
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
long long nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
}

void drain(int fd)
{
    char buf[65536];
    while (read(fd, buf, sizeof buf) > 0) {
    }
}
} // namespace

int main(int argc, char **argv)
{
    const int n = argc > 1 ? std::atoi(argv[1]) : 64;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 9;
    if (n < 1 || n > 4096 || runs < 1 || runs > 1000) {
        std::fprintf(stderr, "usage: fork_floor [N 1..4096] [RUNS 1..1000]\n");
        return 2;
    }
    for (int r = 0; r < runs; ++r) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
            return 1;
        const long long t0 = nowNs();
        int started = 0;
        for (int i = 0; i < n; ++i) {
            const pid_t pid = fork();
            if (pid == 0) {
                static const char start[] = "{\"ev\":\"start\"}\n";
                static const char exitLine[] = "{\"ev\":\"exit\",\"code\":0}\n";
                (void)!write(fds[1], start, sizeof start - 1);
                (void)!write(fds[1], exitLine, sizeof exitLine - 1);
                _exit(0);
            }
            if (pid > 0)
                ++started;
            drain(fds[0]);
        }
        close(fds[1]);
        int reaped = 0;
        while (reaped < started) {
            if (waitpid(-1, nullptr, 0) > 0)
                ++reaped;
            else if (errno != EINTR)
                break;
        }
        drain(fds[0]);
        close(fds[0]);
        std::printf("%.1f\n", double(reaped) / (double(nowNs() - t0) / 1e9));
    }
    return 0;
}
