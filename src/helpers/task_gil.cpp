// The GIL demo: a model of CPython's global interpreter lock (Python/ceval_gil.c, 3.2+).
//
// N threads run CPU-bound work in small chunks ("bytecodes"); a thread must hold the one lock to
// run a chunk. A thread that wants the lock waits on a condition variable for the switch
// interval; if the holder has not changed meanwhile, it sets the drop request. The holder checks
// the request between chunks (the eval breaker), releases the lock and — FORCE_SWITCHING — waits
// until another thread has actually taken it, so it cannot grab it straight back.
// With one thread this is the per-process baseline the engine compares N processes against.

#include "eventwriter.h"
#include "tasks.h"

#include <atomic>
#include <cerrno>
#include <ctime>
#include <pthread.h>

namespace conc {

namespace {

constexpr int kMaxThreads = 64;
constexpr std::int64_t kChunkIterations = 2000; // about a microsecond: a few bytecodes

struct Gil
{
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t cond;       // signalled when the lock is released
    pthread_cond_t switchCond; // signalled when a new thread took the lock
    bool locked = false;
    int lastHolder = -1;
    std::uint64_t switchNumber = 0;
    std::atomic<bool> dropRequest{false};
    std::int64_t intervalNs = 5'000'000;
};

struct ThreadState
{
    Gil *gil = nullptr;
    int id = 0;
    std::int64_t work = 0;
    std::int64_t cpuNs = 0;
    std::int64_t forcedDrops = 0;
    std::uint64_t sink = 0;
};

timespec deadlineAfter(std::int64_t ns)
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ns += ts.tv_nsec;
    ts.tv_sec += time_t(ns / 1'000'000'000);
    ts.tv_nsec = long(ns % 1'000'000'000);
    return ts;
}

void takeGil(Gil &g, int me)
{
    pthread_mutex_lock(&g.mutex);
    while (g.locked) {
        const std::uint64_t saved = g.switchNumber;
        const timespec until = deadlineAfter(g.intervalNs);
        const int rc = pthread_cond_timedwait(&g.cond, &g.mutex, &until);
        // Waited a whole interval and nobody switched: ask the holder to drop the lock.
        if (rc == ETIMEDOUT && g.locked && g.switchNumber == saved)
            g.dropRequest.store(true, std::memory_order_relaxed);
    }
    g.locked = true;
    if (g.lastHolder != me) {
        g.lastHolder = me;
        ++g.switchNumber;
    }
    pthread_cond_broadcast(&g.switchCond);
    // A pending request was aimed at the previous holder.
    g.dropRequest.store(false, std::memory_order_relaxed);
    pthread_mutex_unlock(&g.mutex);
}

void dropGil(Gil &g, int me, bool forced)
{
    pthread_mutex_lock(&g.mutex);
    g.locked = false;
    pthread_cond_signal(&g.cond);
    if (forced) {
        // FORCE_SWITCHING: do not race the waiter for the lock we were asked to give up.
        while (g.lastHolder == me && !g.locked)
            pthread_cond_wait(&g.switchCond, &g.mutex);
    }
    pthread_mutex_unlock(&g.mutex);
}

void *threadMain(void *arg)
{
    auto *t = static_cast<ThreadState *>(arg);
    Gil &g = *t->gil;
    const std::int64_t cpu0 = threadCpuNs();
    std::uint64_t x = 0x9E3779B97F4A7C15ull + std::uint64_t(t->id);
    takeGil(g, t->id);
    for (std::int64_t left = t->work; left > 0;) {
        const std::int64_t n = left < kChunkIterations ? left : kChunkIterations;
        for (std::int64_t k = 0; k < n; ++k) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        asm volatile("" : : "r"(x));
        left -= n;
        if (left > 0 && g.dropRequest.load(std::memory_order_relaxed)) {
            dropGil(g, t->id, true);
            ++t->forcedDrops;
            takeGil(g, t->id);
        }
    }
    dropGil(g, t->id, false);
    t->sink = x;
    t->cpuNs = threadCpuNs() - cpu0;
    return nullptr;
}

} // namespace

int taskGil(TaskContext &ctx)
{
    const int n = int(ctx.intArg("threads"));
    Gil gil;
    gil.intervalNs = ctx.intArg("switch_us") * 1000;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil.cond, &attr);
    pthread_cond_init(&gil.switchCond, &attr);
    pthread_condattr_destroy(&attr);

    ThreadState states[kMaxThreads];
    pthread_t ids[kMaxThreads];
    const std::int64_t wall0 = monotonicNs();
    int started = 0;
    for (; started < n; ++started) {
        states[started].gil = &gil;
        states[started].id = started;
        states[started].work = ctx.intArg("work");
        if (pthread_create(&ids[started], nullptr, threadMain, &states[started]) != 0)
            break;
    }
    for (int k = 0; k < started; ++k)
        pthread_join(ids[k], nullptr);
    const std::int64_t wall = monotonicNs() - wall0;
    if (started < n) {
        emitError(ctx, "RuntimeError", "can't start new thread");
        return 1;
    }

    std::int64_t cpu[kMaxThreads];
    std::int64_t drops[kMaxThreads];
    std::int64_t cpuTotal = 0;
    for (int k = 0; k < n; ++k) {
        cpu[k] = states[k].cpuNs;
        drops[k] = states[k].forcedDrops;
        cpuTotal += cpu[k];
        StackBuf<128> b;
        b.add("Hilo ").addInt(k + 1).add(": CPU ");
        addSeconds(b, cpu[k]);
        b.add(", cedió el GIL ").addInt(drops[k]).add(" veces");
        emitPrint(b);
    }
    StackBuf<160> b;
    b.addInt(n).add(n == 1 ? " hilo" : " hilos").add(": tiempo de pared ");
    addSeconds(b, wall);
    b.add(", CPU total ");
    addSeconds(b, cpuTotal);
    b.add(", cambios de GIL ").addInt(std::int64_t(gil.switchNumber > 0 ? gil.switchNumber - 1 : 0));
    emitPrint(b);
    Event("result")
        .floatValue(double(wall) / 1e9)
        .num("threads", n)
        .num("switch_us", ctx.intArg("switch_us"))
        .num("wall_ns", wall)
        .num("cpu_ns", cpuTotal)
        .num("gil_switches", std::int64_t(gil.switchNumber > 0 ? gil.switchNumber - 1 : 0))
        .intArray("thread_cpu_ns", cpu, std::size_t(n))
        .intArray("thread_drops", drops, std::size_t(n))
        .emit();
    pthread_cond_destroy(&gil.cond);
    pthread_cond_destroy(&gil.switchCond);
    return 0;
}

} // namespace conc
