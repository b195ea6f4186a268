// Implementation notes live in docs/shmq.md; the comments here say why each step is shaped
// the way it is. The rule that drives most of this file: a peer may die at any instruction and
// may write anything anywhere in the segment at any time, so every value read from the segment
// is loaded once into a local, checked, and only then used, and the geometry (slot count, slot
// size, message limit) is a private copy taken at attach time.
#include "shmq.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <new>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string_view>
#include <sys/mman.h>
#if defined(__x86_64__) && __has_include(<sys/platform/x86.h>)
#if defined(__clang__)
// glibc's header spells C's _Bool, which clang's C++ does not know (g++ accepts it).
#define _Bool bool
#include <sys/platform/x86.h>
#undef _Bool
#else
#include <sys/platform/x86.h>
#endif
#endif
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <utility>

namespace shmq {

namespace {

constexpr std::uint64_t kMagic = 0x3151'4D48'5343'4E43ull; // "CNCSHMQ1" little-endian
constexpr std::uint32_t kVersion = 7; // 7: a 24-byte slot header, two slots to a cache line for
                                      // messages of at most 8 bytes; 6: consumers find messages
                                      // by the commit word, `closed` off the producers' line;
                                      // 5: sleepers bit in the wake-up words; 4: a lock per side;
                                      // 3: position folded into the checksum apart;
                                      // 2: CRC32C; 1: another hash
constexpr std::uint32_t kSlotHeaderBytes = 24;
constexpr std::uint32_t kAlign = 64;
// A slot whose header and largest message fit in this many bytes takes no more: two such slots
// share a cache line (see strideFor).
constexpr std::uint32_t kSmallSlotBytes = kAlign / 2;

// Lock word: holder pid in the low bits, "someone sleeps on this word" in the top bit.
// Linux pids never exceed PID_MAX_LIMIT (2^22), so anything else there is damage.
constexpr std::uint32_t kWaitersBit = 0x8000'0000u;
constexpr std::uint32_t kPidMask = 0x3FFF'FFFFu;
constexpr std::uint32_t kPidLimit = 1u << 22;

// In a wake-up word: "someone sleeps on this word"; the low bits count publications.
constexpr std::uint32_t kSleepersBit = 0x8000'0000u;

// `closed` holds either 0 or this value; anything else was written by a broken peer.
constexpr std::uint32_t kClosedValue = 0xC105'ED00u;

// Lock waits sleep in growing slices and check between slices whether the holder still exists.
constexpr std::int64_t kLockSliceMinNs = 1'000'000;
constexpr std::int64_t kLockSliceMaxNs = 16'000'000;
// After a holder kept the lock this long, check that it maps the segment at all.
constexpr std::int64_t kForeignHolderCheckNs = 1'000'000'000;
// Data/space waits re-check their condition at least this often even without a wake-up, so a
// wake-up lost to a peer that died right after being woken costs at most one slice.
constexpr std::int64_t kWaitSliceNs = 50'000'000;
constexpr int kLockSpins = 256;
constexpr int kLockMaxPauses = 16;
// Spinning waiters look at the clock every kSpinCheckEvery iterations (a PAUSE is ~25 ns here,
// so ~0.2 µs) and start yielding after kYieldAfterNs. Measured round trip of one 8-byte message,
// both processes pinned to one core: yield after 2 µs checked every 64 spins 10.1 µs, after
// 0.5 µs every 64 spins 7.0 µs, after 0.4 µs every 16 spins 4.7 µs (a pipe: 5.8 µs); with a core
// each, 0.44 µs in all three, 1.0 µs yielding after 0.2 µs every 8 spins (the syscall then often
// lands just before the message does). On the busy shared machine (load 10-12 on 2 cores) the
// scheduler keeps the two processes of a ping-pong on one core most of the time, and there the
// round trip was 2.2 µs with 0.4 µs / 16 spins against 1.8 µs with 0.2 µs / 8 spins (1.6 µs
// yielding from the first check), with the same 1-to-1 throughput; 0.2 µs keeps both cases
// under 2 µs.
constexpr unsigned kSpinCheckEvery = 8;
constexpr std::int64_t kYieldAfterNs = 200;

enum CorruptionKind : std::uint32_t {
    CorruptNone = 0,
    CorruptLockWord = 1,
    CorruptIndices = 2,
    CorruptCommitWord = 3,
    CorruptLength = 4,
    CorruptChecksum = 5,
    CorruptClosedFlag = 6,
    CorruptLockStolen = 7,
};

std::int64_t nowNs() noexcept
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::int64_t deadlineFor(Duration t) noexcept
{
    if (t.count() < 0)
        return -1;
    return nowNs() + t.count();
}

inline void cpuRelax() noexcept
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

// Shared (not FUTEX_PRIVATE) operations: the word lives in memory mapped by several processes.
long futexWait(std::atomic<std::uint32_t> *word, std::uint32_t expected, std::int64_t relNs) noexcept
{
    timespec ts{time_t(relNs / 1'000'000'000), long(relNs % 1'000'000'000)};
    return syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(word), FUTEX_WAIT, expected, &ts, nullptr, 0);
}

void futexWake(std::atomic<std::uint32_t> *word, int count) noexcept
{
    syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(word), FUTEX_WAKE, count, nullptr, nullptr, 0);
}

// getpid() is a real system call; the queue needs the pid on every lock, so cache it and
// refresh it in fork children.
std::atomic<pid_t> g_pid{0};
void refreshPid() noexcept
{
    g_pid.store(getpid(), std::memory_order_relaxed);
}
pid_t myPid() noexcept
{
    pid_t p = g_pid.load(std::memory_order_relaxed);
    if (p == 0) [[unlikely]] {
        static const int registered = pthread_atfork(nullptr, nullptr, &refreshPid);
        (void)registered;
        refreshPid();
        p = g_pid.load(std::memory_order_relaxed);
    }
    return p;
}
} // namespace

bool forkHandlerRegistered() noexcept
{
    return g_pid.load(std::memory_order_relaxed) != 0;
}

namespace {

// Is `pid` a running (or stopped) process? A zombie (dead, not yet reaped) counts as dead: it
// holds nothing any more. Careful: a process whose main thread has exited while other threads
// run also shows state Z, so only a zombie with at most one thread counts. Anything we cannot
// tell for sure counts as alive: taking a lock from a live holder would break the queue, while
// waiting for one we misjudge only delays.
/// The start time of `pid` in clock ticks after boot (/proc/PID/stat field 22), 0 if unknown.
/// Field `wanted` (≥ 3) of /proc/PID/stat as a number; nullopt if unknown.
std::optional<std::uint64_t> statField(pid_t pid, int wanted) noexcept
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    char buf[1024];
    const ssize_t n = read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return std::nullopt;
    buf[n] = '\0';
    const char *p = std::strrchr(buf, ')');
    if (!p)
        return std::nullopt;
    ++p; // the space before field 3 (the state); step to the space before field `wanted`
    for (int field = 3; field < wanted; ++field) {
        p = std::strchr(p + 1, ' ');
        if (!p)
            return std::nullopt;
    }
    std::uint64_t value = 0;
    for (++p; *p >= '0' && *p <= '9'; ++p)
        value = value * 10 + std::uint64_t(*p - '0');
    return value;
}

std::uint64_t processStartTicks(pid_t pid) noexcept
{
    return statField(pid, 22).value_or(0);
}

/// Is `pid` a kernel thread (PF_KTHREAD in /proc/PID/stat's flags, field 9)? Such a thread has
/// no address space of its own, so it can never hold a queue's lock: a lock word naming one was
/// written by a broken peer.
bool isKernelThread(pid_t pid) noexcept
{
    constexpr std::uint64_t kPfKthread = 0x0020'0000;
    const std::optional<std::uint64_t> flags = statField(pid, 9);
    return flags && (*flags & kPfKthread) != 0;
}

bool processAlive(pid_t pid) noexcept
{
    if (pid <= 0)
        return false;
    if (kill(pid, 0) != 0 && errno == ESRCH)
        return false;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno != ENOENT;
    char buf[512];
    const ssize_t n = read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return true;
    buf[n] = '\0';
    const char *paren = std::strrchr(buf, ')');
    if (!paren || paren[1] == '\0' || paren[2] == '\0')
        return true;
    const char state = paren[2];
    if (state == 'X' || state == 'x')
        return false;
    if (state != 'Z')
        return true;
    // Field 20, num_threads: the 18th field after the state (field 3).
    const char *p = paren + 2;
    for (int field = 3; field < 20 && *p; ++field) {
        while (*p && *p != ' ')
            ++p;
        while (*p == ' ')
            ++p;
    }
    long threads = 0;
    bool digits = false;
    for (; *p >= '0' && *p <= '9'; ++p, digits = true)
        threads = threads * 10 + (*p - '0');
    return !digits || threads > 1;
}

// What one /proc/.../maps file says about a segment.
enum class MapsLook { Found, NotFound, Empty, Unreadable, Gone };

MapsLook searchMaps(const char *path, std::string_view needle) noexcept
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT || errno == ESRCH ? MapsLook::Gone : MapsLook::Unreadable;
    // Search chunk by chunk, keeping an overlap so a match across two reads is not missed.
    char buf[8192];
    std::size_t kept = 0;
    bool any = false;
    MapsLook look = MapsLook::NotFound;
    for (;;) {
        const ssize_t n = read(fd, buf + kept, sizeof buf - kept);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            look = errno == ESRCH ? MapsLook::Gone : MapsLook::Unreadable;
            break;
        }
        if (n == 0) {
            if (!any)
                look = MapsLook::Empty;
            break;
        }
        any = true;
        const std::size_t have = kept + std::size_t(n);
        if (std::string_view(buf, have).find(needle) != std::string_view::npos) {
            look = MapsLook::Found;
            break;
        }
        kept = std::min(have, needle.size());
        std::memmove(buf, buf + have - kept, kept);
    }
    ::close(fd);
    return look;
}

// Does `pid` have the segment `name` mapped? Reads /proc/<pid>/maps; if that cannot be read
// (no permission, no file descriptor left, ...), answers yes: never steal a lock on a guess.
// A process whose main thread has exited while other threads run has an empty
// /proc/<pid>/maps (the main thread gave up the address space), so then the other threads are
// asked: they all share one address space, so the first of them that shows any mapping decides.
// If none shows any (the process is exiting), we cannot tell: yes. A kernel thread shows none
// either, but never holds our lock: no.
bool processMapsSegment(pid_t pid, const std::string &name) noexcept
{
    if (isKernelThread(pid))
        return false;
    char needle[300];
    int needleLen = 0;
    if (name.starts_with("fd:")) {
        // An anonymous segment shows in maps as its descriptor's target
        // ("/memfd:concurrente-q-<pid>-<hint> (deleted)"). A label shared by another segment only
        // makes us wait, never steal.
        char link[64];
        std::snprintf(link, sizeof link, "/proc/self/fd/%s", name.c_str() + 3);
        const ssize_t n = readlink(link, needle, sizeof needle - 1);
        if (n <= 0 || std::size_t(n) >= sizeof needle - 1)
            return true;
        needleLen = int(n);
    } else {
        needleLen = std::snprintf(needle, sizeof needle, "/dev/shm%s", name.c_str());
    }
    if (needleLen <= 0 || std::size_t(needleLen) >= sizeof needle)
        return true;
    const std::string_view what(needle, std::size_t(needleLen));
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/maps", int(pid));
    const MapsLook main = searchMaps(path, what);
    if (main != MapsLook::Empty)
        return main != MapsLook::NotFound && main != MapsLook::Gone;
    std::snprintf(path, sizeof path, "/proc/%d/task", int(pid));
    DIR *dir = opendir(path);
    if (!dir)
        return errno != ENOENT && errno != ESRCH;
    bool mapped = true;
    while (const dirent *e = readdir(dir)) {
        char *endp = nullptr;
        const long tid = std::strtol(e->d_name, &endp, 10);
        if (tid <= 0 || *endp != '\0' || tid == pid)
            continue;
        std::snprintf(path, sizeof path, "/proc/%d/task/%ld/maps", int(pid), tid);
        const MapsLook look = searchMaps(path, what);
        if (look == MapsLook::Empty || look == MapsLook::Gone)
            continue; // this thread is exiting too; ask the next
        mapped = look != MapsLook::NotFound;
        break;
    }
    closedir(dir);
    return mapped;
}

// Checksum over everything a consumer relies on: position (so a stale slot from an earlier lap
// or a slot copied elsewhere fails), length, producer pid and payload. CRC32C (Castagnoli): it
// detects every error burst up to 32 bits and any odd number of flipped bits, and the SSE4.2
// instruction computes 8 bytes per cycle, where the former multiply-and-shift hash cost 15% of
// a small put+get. The table-driven fallback computes the very same value, so processes on
// different code paths (never the case on one machine, but cheap to guarantee) agree.
constexpr std::uint32_t kCrcPoly = 0x82F6'3B78u; // CRC32C, reflected

struct CrcTable
{
    std::uint32_t t[256];
    constexpr CrcTable() : t{}
    {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ kCrcPoly : c >> 1;
            t[i] = c;
        }
    }
};
constexpr CrcTable kCrcTable;

inline std::uint32_t crc32cSoft64(std::uint32_t crc, std::uint64_t w) noexcept
{
    for (int k = 0; k < 8; ++k) {
        crc = kCrcTable.t[(crc ^ std::uint32_t(w)) & 0xFF] ^ (crc >> 8);
        w >>= 8;
    }
    return crc;
}

// The input is always processed as whole little-endian 64-bit words (the payload's last,
// partial word zero-padded; the length is part of the sum, so padding is unambiguous). STEP is
// one 64-bit CRC32C step; written as a macro body so the hardware variant is compiled entirely
// with SSE4.2 enabled (a helper without that target could not inline the instruction).
#define SHMQ_CRC_BODY(STEP)                                                                                  \
    std::uint32_t c = 0xFFFF'FFFFu;                                                                          \
    c = STEP(c, std::uint64_t(length) << 32 | std::uint32_t(pid));                                           \
    std::size_t i = 0;                                                                                       \
    for (; i + 8 <= length; i += 8) {                                                                        \
        std::uint64_t w;                                                                                     \
        std::memcpy(&w, data + i, 8);                                                                        \
        c = STEP(c, w);                                                                                      \
    }                                                                                                        \
    if (i < length) {                                                                                        \
        std::uint64_t w = 0;                                                                                 \
        std::memcpy(&w, data + i, length - i);                                                               \
        c = STEP(c, w);                                                                                      \
    }                                                                                                        \
    return ~c;

std::uint32_t contentSumSoft(std::uint32_t length, std::int32_t pid, const std::byte *data) noexcept
{
    SHMQ_CRC_BODY(crc32cSoft64)
}

#if defined(__x86_64__) && defined(__GNUC__) && __has_include(<sys/platform/x86.h>)
#define SHMQ_HAVE_HW_CRC 1
#define SHMQ_CRC_HW_STEP(c, w) std::uint32_t(__builtin_ia32_crc32di((c), (w)))
__attribute__((target("sse4.2"))) std::uint32_t contentSumHw(std::uint32_t length, std::int32_t pid,
                                                             const std::byte *data) noexcept
{
    SHMQ_CRC_BODY(SHMQ_CRC_HW_STEP)
}
#undef SHMQ_CRC_HW_STEP
// Asked of glibc, which read CPUID once at process start anyway. Not __builtin_cpu_supports:
// that links libgcc's own start-up CPUID probe into every program using the queue, and on a VM
// each CPUID instruction traps to the hypervisor (6 µs apiece measured here), which every
// helper and worker start would pay.
const bool g_hwCrc = CPU_FEATURE_ACTIVE(SSE4_2);
#endif
#undef SHMQ_CRC_BODY

// The content's part of the checksum (length, pid, payload): computed outside the lock, by the
// producer before it takes the lock and by the consumer after it released it.
std::uint32_t contentSum(std::uint32_t length, std::int32_t pid, const std::byte *data) noexcept
{
#ifdef SHMQ_HAVE_HW_CRC
    if (g_hwCrc) [[likely]]
        return contentSumHw(length, pid, data);
#endif
    return contentSumSoft(length, pid, data);
}

// The position's part, folded in under the lock (the only place the position is known), so a
// slot left from an earlier lap, or copied from another slot, does not match. One multiply by
// an odd 64-bit constant (Fibonacci hashing), keeping the high half: positions that differ by
// any small multiple of the slot count give different values.
constexpr std::uint32_t positionSum(std::uint64_t position) noexcept
{
    return std::uint32_t((position * 0x9E37'79B9'7F4A'7C15ull) >> 32);
}

std::uint32_t checksum(std::uint64_t position, std::uint32_t contentPart) noexcept
{
    return contentPart ^ positionSum(position);
}

constexpr std::uint64_t alignUp(std::uint64_t v, std::uint64_t a)
{
    return (v + a - 1) / a * a;
}

// Index mask for a power-of-two slot count; 0 (meaning "use %") otherwise. A single slot needs
// no mask either: position % 1 is 0, which the % path gives.
constexpr std::uint32_t maskFor(std::uint32_t slots)
{
    return slots > 1 && (slots & (slots - 1)) == 0 ? slots - 1 : 0;
}

// Bytes per slot. A queue of tiny messages (at most 8 bytes: 24 + 8 = 32) puts two slots on each
// cache line, so a consumer that trails its producer fetches one line per two messages and the
// producer claims one line per two puts: at 1 -> 1 with 8-byte messages that was 17 M messages/s
// against 12 M with a line per slot (docs/decisions.md). Anything larger starts every slot on a
// line of its own: slots that straddle lines (a 32-byte grid for 64-byte messages) measured
// slower than whole lines.
std::uint32_t strideFor(std::size_t maxMessage)
{
    if (kSlotHeaderBytes + maxMessage <= kSmallSlotBytes)
        return kSmallSlotBytes;
    return std::uint32_t(alignUp(kSlotHeaderBytes + maxMessage, kAlign));
}

// ---- fault hooks (tests only) ---------------------------------------------------------------

std::atomic<std::uint8_t> g_faultPoint{0};
std::atomic<unsigned> g_faultCountdown{0};

const char *const kFaultNames[] = {"none",
                                   "put_after_lock",
                                   "put_mid_copy",
                                   "put_before_commit",
                                   "put_after_commit",
                                   "put_before_unlock",
                                   "get_after_lock",
                                   "get_mid_copy",
                                   "get_before_commit",
                                   "get_before_unlock",
                                   "repair_midway"};
static_assert(std::size(kFaultNames) == std::size_t(FaultPoint::Count));

void initFaultsFromEnvironment() noexcept
{
    static const bool done = [] {
        const char *spec = std::getenv("CONCURRENTE_SHMQ_FAULT");
        if (!spec || !*spec)
            return true;
        const char *colon = std::strchr(spec, ':');
        const std::size_t nameLen = colon ? std::size_t(colon - spec) : std::strlen(spec);
        unsigned n = 1;
        if (colon) {
            const long v = std::strtol(colon + 1, nullptr, 10);
            n = v >= 1 && v < 1'000'000'000 ? unsigned(v) : 1;
        }
        for (std::size_t i = 1; i < std::size(kFaultNames); ++i) {
            if (std::strlen(kFaultNames[i]) == nameLen && std::strncmp(kFaultNames[i], spec, nameLen) == 0)
                armFault(FaultPoint(i), n);
        }
        return true;
    }();
    (void)done;
}

// True when some fault point is armed: only then are copies split to reach the mid-copy points.
inline bool faultsArmed() noexcept
{
    return g_faultPoint.load(std::memory_order_relaxed) != 0;
}

inline void faultHook(FaultPoint p) noexcept
{
    if (g_faultPoint.load(std::memory_order_relaxed) != std::uint8_t(p)) [[likely]]
        return;
    if (g_faultCountdown.fetch_sub(1, std::memory_order_relaxed) == 1)
        kill(getpid(), SIGKILL);
}

} // namespace

// ---- shared layout --------------------------------------------------------------------------

namespace {
struct SharedHeader
{
    // Written once by the creator before the magic; read once by attach (never trusted again).
    std::uint64_t magic;
    std::uint32_t version;
    std::uint32_t headerBytes;
    std::uint32_t slots;
    std::uint32_t stride;
    std::uint32_t maxMessage;
    std::uint32_t reserved0;
    std::uint64_t totalBytes;
    std::int32_t creatorPid;
    std::uint32_t creatorUid;
    std::uint64_t createdNs;
    // The creator's start time (clock ticks after boot, /proc/PID/stat field 22): with the pid it
    // names one process for good, so a segment whose creator died is recognised even when its
    // pid has been given to another process since. 0: unknown.
    std::uint64_t creatorStart;

    // The consumers' side: their lock and the index it guards. Only consumers write this line;
    // producers read `head` only when their last look says the ring is full (or the high-water
    // mark may have to rise).
    alignas(64) std::atomic<std::uint32_t> getLock;
    std::atomic<std::uint32_t> reserved1;
    std::atomic<std::uint64_t> head; // next position to get  (= gets so far)

    // The producers' side. Only producers write this line, and consumers read `tail` only when
    // the slot at `head` holds no committed message: a steady stream never moves this line.
    alignas(64) std::atomic<std::uint32_t> putLock;
    std::atomic<std::uint32_t> reserved2;
    std::atomic<std::uint64_t> tail; // next position to put  (= puts so far)
    std::atomic<std::uint64_t> highWater;

    // Rarely written: the counters and `closed`, which every put and every waiting get reads (it
    // lived on the producers' line until version 6, and each look of a waiting consumer then
    // pulled that line away from the producer).
    alignas(64) std::atomic<std::uint64_t> recoveries;
    std::atomic<std::uint64_t> corruptions;
    std::atomic<std::int32_t> lastCulprit;
    std::atomic<std::uint32_t> lastCorruptionKind;
    std::atomic<std::uint32_t> closed;

    // Wake-up words, each on its own cache line. A waiter first spins watching the other side's
    // index itself (no registration, no shared write). Before it sleeps it sets kSleepersBit in
    // its side's word and then looks at that index once more (both sequentially consistent); a
    // publisher stores its index, releases its lock with a full barrier (see unlock()) and then
    // reads the word, so either the sleeper sees the new index or the publisher sees the bit,
    // bumps the word, clears the bit and wakes a sleeper. A sleeper killed in its sleep leaves
    // only the bit behind: the next publisher clears it with one needless wake-up, and the queue
    // is as fast as before.
    alignas(64) std::atomic<std::uint32_t> dataSeq;  // getters sleep on it: "tail moved"
    alignas(64) std::atomic<std::uint32_t> spaceSeq; // putters sleep on it: "head moved"
};

struct SharedSlot
{
    std::atomic<std::uint64_t> commit; // position + 1 once the slot's content is complete
    std::atomic<std::uint32_t> length;
    std::atomic<std::uint32_t> checksum;
    std::atomic<std::int32_t> pid; // producer
    std::uint32_t reserved0;
};

constexpr std::uint32_t kHeaderBytes = std::uint32_t(alignUp(sizeof(SharedHeader), kAlign));
static_assert(sizeof(SharedSlot) == kSlotHeaderBytes && alignof(SharedSlot) == 8);
// Every slot starts at a multiple of its stride (32 or a multiple of 64) after a 64-aligned
// header, so its commit word is 8-aligned and never straddles a cache line.
static_assert(kSmallSlotBytes % alignof(SharedSlot) == 0 && kHeaderBytes % kAlign == 0);
static_assert(offsetof(SharedHeader, creatorPid) == 40 && offsetof(SharedHeader, creatorStart) == 56 &&
              offsetof(SharedHeader, getLock) == 64);
// The offsets docs/shmq.md gives (its layout table).
static_assert(offsetof(SharedHeader, head) == 72 && offsetof(SharedHeader, putLock) == 128 &&
              offsetof(SharedHeader, tail) == 136 && offsetof(SharedHeader, highWater) == 144 &&
              offsetof(SharedHeader, recoveries) == 192 && offsetof(SharedHeader, closed) == 216 &&
              offsetof(SharedHeader, dataSeq) == 256 && offsetof(SharedHeader, spaceSeq) == 320 &&
              kHeaderBytes == 384);

/// Did the process that created the segment `name` (whose name says it was `pid`, alive now)
/// die, its pid then given to another process? Read with pread, never mapped: a segment
/// truncated by someone else must not cost us a SIGBUS.
bool creatorPidReused(const std::string &name, pid_t pid) noexcept
{
    const int fd = shm_open(name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
    if (fd < 0)
        return false;
    unsigned char head[offsetof(SharedHeader, getLock)];
    const ssize_t n = pread(fd, head, sizeof head, 0);
    ::close(fd);
    std::uint64_t magic = 0, start = 0;
    std::int32_t creator = 0;
    if (n != ssize_t(sizeof head))
        return false;
    std::memcpy(&magic, head + offsetof(SharedHeader, magic), sizeof magic);
    std::memcpy(&creator, head + offsetof(SharedHeader, creatorPid), sizeof creator);
    std::memcpy(&start, head + offsetof(SharedHeader, creatorStart), sizeof start);
    if (magic != kMagic || creator != pid || start == 0)
        return false; // not enough known to tell: keep it
    const std::uint64_t now = processStartTicks(pid);
    return now != 0 && now != start;
}
} // namespace

struct Queue::Header : SharedHeader
{
};
struct Queue::Slot : SharedSlot
{
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<std::uint32_t>::is_always_lock_free);

// ---- names and strings ----------------------------------------------------------------------

const char *describe(Result r) noexcept
{
    switch (r) {
    case Result::Ok:
        return "ok";
    case Result::Timeout:
        return "timeout";
    case Result::Closed:
        return "closed";
    case Result::TooBig:
        return "too_big";
    case Result::Corrupt:
        return "corrupt";
    case Result::Invalid:
        return "invalid";
    }
    return "unknown";
}

const char *describe(FaultPoint p) noexcept
{
    const auto i = std::size_t(p);
    return i < std::size(kFaultNames) ? kFaultNames[i] : "unknown";
}

void armFault(FaultPoint p, unsigned n) noexcept
{
    g_faultCountdown.store(n == 0 ? 1 : n, std::memory_order_relaxed);
    g_faultPoint.store(std::uint8_t(p), std::memory_order_relaxed);
}

bool Queue::isOurName(std::string_view name) noexcept
{
    if (name.size() <= kNamePrefix.size() || name.size() > 200 || !name.starts_with(kNamePrefix))
        return false;
    for (char c : name.substr(kNamePrefix.size())) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

namespace {
void setError(OpenError *e, OpenErrorCode code, std::string message)
{
    if (e) {
        e->code = code;
        e->message = std::move(message);
    }
}

std::string errnoText(int err)
{
    return std::strerror(err);
}

/// Capacity and message limit in range, and the segment they need within kMaxSegmentBytes.
bool checkGeometry(std::uint32_t capacity, std::size_t maxMessage, std::uint32_t &stride,
                   std::uint64_t &total, OpenError *error)
{
    if (capacity < 1 || capacity > kMaxSlots) {
        setError(error, OpenErrorCode::BadArgument,
                 "queue capacity " + std::to_string(capacity) + " is outside 1.." +
                     std::to_string(kMaxSlots) + " messages");
        return false;
    }
    if (maxMessage > kMaxMessageBytes) {
        setError(error, OpenErrorCode::BadArgument,
                 "message limit " + std::to_string(maxMessage) + " bytes exceeds the maximum of " +
                     std::to_string(kMaxMessageBytes) + " bytes");
        return false;
    }
    stride = strideFor(maxMessage);
    total = kHeaderBytes + std::uint64_t(capacity) * stride;
    if (total > kMaxSegmentBytes) {
        setError(error, OpenErrorCode::BadArgument,
                 "queue of " + std::to_string(capacity) + " messages of up to " + std::to_string(maxMessage) +
                     " bytes needs " + std::to_string(total) + " bytes, more than the limit of " +
                     std::to_string(kMaxSegmentBytes));
        return false;
    }
    return true;
}

/// The name hint as it goes into a segment name: [A-Za-z0-9_], at most kMaxNameHint, never empty.
std::string sanitisedHint(std::string_view nameHint)
{
    std::string hint;
    for (char c : nameHint.substr(0, kMaxNameHint)) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        hint.push_back(ok ? c : '_');
    }
    if (hint.empty())
        hint = "q";
    return hint;
}
} // namespace

const unsigned kRequiredSeals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL;

// ---- lifetime -------------------------------------------------------------------------------

Queue::Queue(Queue &&other) noexcept
{
    *this = std::move(other);
}

Queue &Queue::operator=(Queue &&other) noexcept
{
    if (this != &other) {
        if (m_ownerPid != 0 && m_ownerPid == getpid())
            destroy();
        else
            unmap();
        m_base = std::exchange(other.m_base, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_slots = std::exchange(other.m_slots, 0);
        m_slotMask = std::exchange(other.m_slotMask, 0);
        m_stride = std::exchange(other.m_stride, 0);
        m_maxMessage = std::exchange(other.m_maxMessage, 0);
        m_name = std::move(other.m_name);
        other.m_name.clear();
        m_ownerPid = std::exchange(other.m_ownerPid, 0);
        m_fd = std::exchange(other.m_fd, -1);
        // What the other handle knew of its segment's indices (0 is always a safe guess).
        m_knownHead.store(other.m_knownHead.exchange(0, std::memory_order_relaxed),
                          std::memory_order_relaxed);
    }
    return *this;
}

Queue::~Queue()
{
    // Only the creating process unlinks: a forked child carries a copy of this object and must
    // not remove the queue from under its parent when it returns from main.
    if (m_ownerPid != 0 && m_ownerPid == getpid())
        destroy();
    else
        unmap();
}

void Queue::unmap() noexcept
{
    if (m_base)
        munmap(m_base, m_size);
    if (m_fd >= 0)
        ::close(m_fd); // an anonymous segment ends when the last descriptor and mapping are gone
    m_fd = -1;
    m_base = nullptr;
    m_size = 0;
    m_slots = 0;
    m_slotMask = 0;
    m_stride = 0;
    m_maxMessage = 0;
    m_ownerPid = 0;
}

void Queue::release() noexcept
{
    m_ownerPid = 0;
    unmap();
}

void Queue::destroy() noexcept
{
    if (!m_base)
        return;
    close();
    if (!m_name.empty() && m_fd < 0)
        shm_unlink(m_name.c_str());
    unmap();
}

Queue::Header *Queue::header() const noexcept
{
    return reinterpret_cast<Header *>(m_base);
}

Queue::Slot *Queue::slotAt(std::uint64_t position) const noexcept
{
    // m_slots and m_stride are private and were validated against the mapping size, so this
    // stays inside the segment for every position value, whatever a peer wrote.
    // A division costs tens of cycles on every put and get; power-of-two slot counts (the
    // common case) take the mask computed once at create/attach.
    const std::uint64_t index = m_slotMask != 0 ? (position & m_slotMask) : position % m_slots;
    return reinterpret_cast<Slot *>(m_base + kHeaderBytes + index * m_stride);
}

std::byte *Queue::payloadOf(Slot *slot) const noexcept
{
    return reinterpret_cast<std::byte *>(slot) + kSlotHeaderBytes;
}

std::optional<Queue> Queue::create(std::string_view nameHint, std::uint32_t capacity, std::size_t maxMessage,
                                   OpenError *error)
{
    initFaultsFromEnvironment();
    std::uint32_t stride = 0;
    std::uint64_t total = 0;
    if (!checkGeometry(capacity, maxMessage, stride, total, error))
        return std::nullopt;
    const std::string hint = sanitisedHint(nameHint);

    std::uint64_t random = 0;
    for (std::size_t got = 0; got < sizeof random;) {
        const ssize_t n = getrandom(reinterpret_cast<char *>(&random) + got, sizeof random - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            setError(error, OpenErrorCode::SystemError, "getrandom failed: " + errnoText(errno));
            return std::nullopt;
        }
        got += std::size_t(n);
    }
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%016llx", static_cast<unsigned long long>(random));
    std::string name = std::string(kNamePrefix) + std::to_string(getpid()) + '-' + hint + '-' + suffix;

    const int fd = shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        setError(error, err == EEXIST ? OpenErrorCode::Exists : OpenErrorCode::SystemError,
                 "cannot create shared-memory queue " + name + ": " + errnoText(err));
        return std::nullopt;
    }
    // The umask could have taken bits away; the mode must be exactly owner read/write.
    if (fchmod(fd, 0600) != 0 || ftruncate(fd, off_t(total)) != 0) {
        const int err = errno;
        ::close(fd);
        shm_unlink(name.c_str());
        setError(error, OpenErrorCode::SystemError,
                 "cannot size shared-memory queue " + name + ": " + errnoText(err));
        return std::nullopt;
    }
    // ftruncate reserves nothing: in a /dev/shm too small for the segment, the first write to a
    // page it has no room for would be a SIGBUS (the creator's, while it builds the slots, or a
    // worker's much later). Reserve every page now, so a short /dev/shm is a clear error here.
    // (A file system without fallocate gets the old behaviour.)
    if (const int err = posix_fallocate(fd, 0, off_t(total));
        err != 0 && err != EOPNOTSUPP && err != EINVAL) {
        ::close(fd);
        shm_unlink(name.c_str());
        setError(error, err == ENOSPC ? OpenErrorCode::NoSpace : OpenErrorCode::SystemError,
                 "cannot reserve " + std::to_string(total) + " bytes for shared-memory queue " + name + ": " +
                     errnoText(err));
        return std::nullopt;
    }
    void *base = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int mmapErr = errno;
    ::close(fd);
    if (base == MAP_FAILED) {
        shm_unlink(name.c_str());
        setError(error, OpenErrorCode::SystemError,
                 "cannot map shared-memory queue " + name + ": " + errnoText(mmapErr));
        return std::nullopt;
    }

    initialise(base, total, capacity, stride, maxMessage);
    setError(error, OpenErrorCode::None, {});
    return adopt(base, total, capacity, stride, maxMessage, std::move(name), getpid());
}

void Queue::initialise(void *base, std::uint64_t total, std::uint32_t capacity, std::uint32_t stride,
                       std::size_t maxMessage) noexcept
{
    // ftruncate gave zeroed memory; construct the atomics in place and publish the magic last,
    // so a process attaching too early sees "bad magic" rather than a half-built header.
    auto *h = new (base) Header{};
    h->version = kVersion;
    h->headerBytes = kHeaderBytes;
    h->slots = capacity;
    h->stride = stride;
    h->maxMessage = std::uint32_t(maxMessage);
    h->totalBytes = total;
    h->creatorPid = getpid();
    h->creatorUid = geteuid();
    h->createdNs = std::uint64_t(nowNs());
    h->creatorStart = processStartTicks(getpid());
    for (std::uint32_t i = 0; i < capacity; ++i)
        new (static_cast<std::byte *>(base) + kHeaderBytes + std::uint64_t(i) * stride) Slot{};
    std::atomic_thread_fence(std::memory_order_release);
    std::atomic_ref<std::uint64_t>(h->magic).store(kMagic, std::memory_order_release);
}

std::uint64_t Queue::segmentBytes(std::uint32_t capacity, std::size_t maxMessage) noexcept
{
    std::uint32_t stride = 0;
    std::uint64_t total = 0;
    try {
        return checkGeometry(capacity, maxMessage, stride, total, nullptr) ? total : 0;
    } catch (...) { // the refusal's message is built in a std::string
        return 0;
    }
}

std::optional<Queue> Queue::createAnonymous(std::string_view nameHint, std::uint32_t capacity,
                                            std::size_t maxMessage, OpenError *error)
{
    initFaultsFromEnvironment();
    std::uint32_t stride = 0;
    std::uint64_t total = 0;
    if (!checkGeometry(capacity, maxMessage, stride, total, error))
        return std::nullopt;
    // The memfd's name is only a label (it shows in /proc/PID/fd and /proc/PID/maps, as
    // "/memfd:concurrente-q-<pid>-<hint> (deleted)"): nobody can open it by that name.
    const std::string label =
        std::string(kNamePrefix.substr(1)) + std::to_string(getpid()) + '-' + sanitisedHint(nameHint);
    const int raw = memfd_create(label.c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (raw < 0) {
        const int err = errno;
        setError(error, err == ENOSYS ? OpenErrorCode::Unsupported : OpenErrorCode::SystemError,
                 "cannot create anonymous shared-memory queue " + label + ": " + errnoText(err));
        return std::nullopt;
    }
    // Above the descriptors a child gets at fixed numbers, so a child can keep it at the same
    // number: "fd:N" then means the same segment in every process of the tree.
    const int fd = raw >= kMinSegmentFd ? raw : ::fcntl(raw, F_DUPFD_CLOEXEC, kMinSegmentFd);
    const int dupErr = errno;
    if (fd != raw)
        ::close(raw);
    if (fd < 0) {
        setError(error, OpenErrorCode::SystemError,
                 "cannot move anonymous shared-memory queue " + label + ": " + errnoText(dupErr));
        return std::nullopt;
    }
    auto fail = [&](OpenErrorCode code, const std::string &what, int err) -> std::optional<Queue> {
        ::close(fd);
        setError(error, code, what + " " + label + ": " + errnoText(err));
        return std::nullopt;
    };
    // A memfd starts with mode 0777; the same rule as for named segments (owner only) keeps
    // one validation for both.
    if (fchmod(fd, 0600) != 0 || ftruncate(fd, off_t(total)) != 0)
        return fail(OpenErrorCode::SystemError, "cannot size anonymous shared-memory queue", errno);
    // Reserve every page now: memory that is not there is an error here, not a SIGBUS later.
    if (const int err = posix_fallocate(fd, 0, off_t(total)); err != 0)
        return fail(err == ENOSPC || err == ENOMEM ? OpenErrorCode::NoSpace : OpenErrorCode::SystemError,
                    "cannot reserve " + std::to_string(total) + " bytes for anonymous shared-memory queue",
                    err);
    // From now on nobody — not even a process that reopens /proc/PID/fd/N — can shrink or grow
    // it, and nobody can remove the seals: every mapping stays backed for good.
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0)
        return fail(OpenErrorCode::Unsupported, "cannot seal anonymous shared-memory queue", errno);
    void *base = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED)
        return fail(OpenErrorCode::SystemError, "cannot map anonymous shared-memory queue", errno);
    initialise(base, total, capacity, stride, maxMessage);
    setError(error, OpenErrorCode::None, {});
    Queue q = adopt(base, total, capacity, stride, maxMessage, std::string(kFdPrefix) + std::to_string(fd),
                    getpid());
    q.m_fd = fd;
    return q;
}

std::optional<int> Queue::descriptorOf(std::string_view ref) noexcept
{
    if (!ref.starts_with(kFdPrefix) || ref.size() == kFdPrefix.size() || ref.size() > kFdPrefix.size() + 9)
        return std::nullopt;
    int fd = 0;
    for (char c : ref.substr(kFdPrefix.size())) {
        if (c < '0' || c > '9')
            return std::nullopt;
        fd = fd * 10 + (c - '0');
    }
    return fd;
}

std::optional<Queue> Queue::attach(std::string_view nameView, OpenError *error)
{
    initFaultsFromEnvironment();
    std::string name(nameView);
    if (const std::optional<int> fd = descriptorOf(name)) {
        // An anonymous segment we inherited. Its size must be sealed: otherwise any process
        // that can reach the descriptor could shrink it under our mapping (a SIGBUS).
        const int seals = fcntl(*fd, F_GET_SEALS);
        if (seals < 0) {
            const int err = errno;
            setError(error, err == EBADF ? OpenErrorCode::NotFound : OpenErrorCode::NotSealed,
                     "cannot use shared-memory queue " + name + ": " +
                         (err == EBADF ? std::string("no such open descriptor")
                                       : "not a sealable segment (" + errnoText(err) + ")"));
            return std::nullopt;
        }
        if ((unsigned(seals) & kRequiredSeals) != kRequiredSeals) {
            setError(error, OpenErrorCode::NotSealed,
                     "refusing shared-memory queue " + name + ": its size is not sealed against change");
            return std::nullopt;
        }
        return mapAndValidate(*fd, std::move(name), true, error);
    }
    if (!isOurName(name)) {
        setError(error, OpenErrorCode::BadName,
                 "'" + name + "' is not a Concurrente queue name (expected " + std::string(kNamePrefix) +
                     "...)");
        return std::nullopt;
    }
    const int fd = shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0);
    if (fd < 0) {
        const int err = errno;
        OpenErrorCode code = OpenErrorCode::SystemError;
        if (err == ENOENT)
            code = OpenErrorCode::NotFound;
        else if (err == EACCES || err == EPERM)
            code = OpenErrorCode::ForeignOwner;
        setError(error, code, "cannot open shared-memory queue " + name + ": " + errnoText(err));
        return std::nullopt;
    }
    return mapAndValidate(fd, std::move(name), false, error);
}

Queue Queue::adopt(void *base, std::size_t size, std::uint32_t slots, std::uint32_t stride,
                   std::size_t maxMessage, std::string name, pid_t ownerPid) noexcept
{
    Queue q;
    q.m_base = static_cast<std::byte *>(base);
    q.m_size = size;
    q.m_slots = slots;
    q.m_slotMask = maskFor(slots);
    q.m_stride = stride;
    q.m_maxMessage = maxMessage;
    q.m_name = std::move(name);
    q.m_ownerPid = ownerPid;
    return q;
}

std::optional<Queue> Queue::mapAndValidate(int fd, std::string name, bool keepFd, OpenError *error)
{
    auto closeFd = [fd, keepFd] {
        if (!keepFd)
            ::close(fd);
    };
    struct stat st
    {
    };
    if (fstat(fd, &st) != 0) {
        const int err = errno;
        closeFd();
        setError(error, OpenErrorCode::SystemError, "cannot stat " + name + ": " + errnoText(err));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) != 0) {
        closeFd();
        setError(error, OpenErrorCode::ForeignOwner,
                 "refusing shared-memory queue " + name + ": owned by uid " + std::to_string(st.st_uid) +
                     " with mode " + std::to_string(st.st_mode & 0777) + " (must be ours, " +
                     std::to_string(geteuid()) + ", and not accessible to others)");
        return std::nullopt;
    }
    if (st.st_size < off_t(kHeaderBytes) || std::uint64_t(st.st_size) > kMaxSegmentBytes) {
        closeFd();
        setError(error, OpenErrorCode::BadSize,
                 "refusing shared-memory queue " + name + ": size " + std::to_string(st.st_size) +
                     " bytes is out of range");
        return std::nullopt;
    }
    const std::size_t size = std::size_t(st.st_size);
    void *base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int mmapErr = errno;
    closeFd();
    if (base == MAP_FAILED) {
        setError(error, OpenErrorCode::SystemError, "cannot map " + name + ": " + errnoText(mmapErr));
        return std::nullopt;
    }
    auto fail = [&](OpenErrorCode code, const std::string &why) -> std::optional<Queue> {
        munmap(base, size);
        setError(error, code, "refusing shared-memory queue " + name + ": " + why);
        return std::nullopt;
    };

    // Each header field is read exactly once into a local, then checked as a whole.
    auto *h = static_cast<Header *>(base);
    const std::uint64_t magic = std::atomic_ref<std::uint64_t>(h->magic).load(std::memory_order_acquire);
    const std::uint32_t version = std::atomic_ref<std::uint32_t>(h->version).load(std::memory_order_relaxed);
    const std::uint32_t headerBytes =
        std::atomic_ref<std::uint32_t>(h->headerBytes).load(std::memory_order_relaxed);
    const std::uint32_t slots = std::atomic_ref<std::uint32_t>(h->slots).load(std::memory_order_relaxed);
    const std::uint32_t stride = std::atomic_ref<std::uint32_t>(h->stride).load(std::memory_order_relaxed);
    const std::uint32_t maxMessage =
        std::atomic_ref<std::uint32_t>(h->maxMessage).load(std::memory_order_relaxed);
    const std::uint64_t totalBytes =
        std::atomic_ref<std::uint64_t>(h->totalBytes).load(std::memory_order_relaxed);

    if (magic != kMagic)
        return fail(OpenErrorCode::BadMagic, "not a Concurrente queue (wrong magic number)");
    if (version != kVersion)
        return fail(OpenErrorCode::BadVersion, "layout version " + std::to_string(version) +
                                                   ", this program understands " + std::to_string(kVersion));
    if (headerBytes != kHeaderBytes || slots < 1 || slots > kMaxSlots || maxMessage > kMaxMessageBytes ||
        stride != strideFor(maxMessage))
        return fail(OpenErrorCode::BadLayout, "header fields out of bounds (slots " + std::to_string(slots) +
                                                  ", slot size " + std::to_string(stride) +
                                                  ", message limit " + std::to_string(maxMessage) + ")");
    const std::uint64_t expected = std::uint64_t(kHeaderBytes) + std::uint64_t(slots) * stride;
    if (totalBytes != expected || expected != size)
        return fail(OpenErrorCode::BadSize, "size " + std::to_string(size) +
                                                " bytes does not match its layout (" +
                                                std::to_string(expected) + " bytes)");

    setError(error, OpenErrorCode::None, {});
    return adopt(base, size, slots, stride, maxMessage, std::move(name), 0);
}

// ---- the lock -------------------------------------------------------------------------------

namespace {
std::atomic<std::uint32_t> &lockWord(SharedHeader *h, int side) noexcept
{
    return side == 1 ? h->putLock : h->getLock;
}
} // namespace

Queue::LockResult Queue::lock(Side side, std::int64_t deadlineNs, bool tryOnly) noexcept
{
    std::atomic<std::uint32_t> &word = lockWord(header(), side);
    const std::uint32_t me = std::uint32_t(myPid());
    std::uint32_t expected = 0;
    if (word.compare_exchange_strong(expected, me, std::memory_order_acquire, std::memory_order_relaxed))
        return LockResult::Acquired;
    // Exponential back-off between looks: a waiter that re-reads the lock word at once keeps
    // pulling its cache line away from the holder, which then pays a transfer for every store.
    for (int i = 0, pauses = 1; i < kLockSpins; i += pauses, pauses = std::min(pauses * 2, kLockMaxPauses)) {
        for (int k = 0; k < pauses; ++k)
            cpuRelax();
        expected = 0;
        if (word.load(std::memory_order_relaxed) == 0 &&
            word.compare_exchange_strong(expected, me, std::memory_order_acquire,
                                         std::memory_order_relaxed)) {
            m_seenHolder[side].store(0, std::memory_order_relaxed); // the holder we saw let go
            return LockResult::Acquired;
        }
    }

    std::int64_t slice = kLockSliceMinNs;
    // How long has this holder kept the lock, as far as this process has seen? A new holder
    // restarts the count; the same one keeps it across calls (see m_seenHolder).
    auto heldSince = [this, side](std::uint32_t holder, std::int64_t now) {
        if (m_seenHolder[side].exchange(holder, std::memory_order_relaxed) != holder)
            m_seenHolderSinceNs[side].store(now, std::memory_order_relaxed);
        return m_seenHolderSinceNs[side].load(std::memory_order_relaxed);
    };
    // A holder that keeps the lock for a long time is checked for actually mapping this queue:
    // a pid scribbled into the lock word by a broken peer, or the pid of a dead holder already
    // reused by an unrelated process, would otherwise look like a live holder forever.
    auto foreignHolder = [&](std::uint32_t holder, std::int64_t now) {
        if (now - heldSince(holder, now) < kForeignHolderCheckNs)
            return false;
        m_seenHolderSinceNs[side].store(now, std::memory_order_relaxed);
        if (processMapsSegment(pid_t(holder), m_name))
            return false;
        noteCorruption(CorruptLockWord, 0);
        return true;
    };
    for (;;) {
        std::uint32_t v = word.load(std::memory_order_relaxed);
        if (v == 0) {
            // Take it with the waiters bit set: we cannot know whether others still sleep.
            if (word.compare_exchange_strong(v, me | kWaitersBit, std::memory_order_acquire,
                                             std::memory_order_relaxed)) {
                // "Held since" measures one continuous hold: the holder we saw let go.
                m_seenHolder[side].store(0, std::memory_order_relaxed);
                return LockResult::Acquired;
            }
            continue;
        }
        const std::uint32_t owner = v & kPidMask;
        if ((v & ~(kPidMask | kWaitersBit)) != 0 || owner == 0 || owner >= kPidLimit) {
            // Not a lock word we could have written: a peer scribbled over it.
            if (word.compare_exchange_strong(v, me | kWaitersBit, std::memory_order_acquire,
                                             std::memory_order_relaxed)) {
                noteCorruption(CorruptLockWord, 0);
                return LockResult::OwnerDied;
            }
            continue;
        }
        // Out of time (or a try): before giving up, one check that the holder still exists (a
        // zombie does not), so callers that never wait can still recover a lock left by a dead
        // process.
        if (tryOnly || (deadlineNs >= 0 && nowNs() >= deadlineNs)) {
            const bool gone = owner != me && (!processAlive(pid_t(owner)) || foreignHolder(owner, nowNs()));
            if (gone && word.compare_exchange_strong(v, me | kWaitersBit, std::memory_order_acquire,
                                                     std::memory_order_relaxed))
                return LockResult::OwnerDied;
            return LockResult::Timeout;
        }
        if (!(v & kWaitersBit)) {
            if (!word.compare_exchange_strong(v, v | kWaitersBit, std::memory_order_relaxed))
                continue;
            v |= kWaitersBit;
        }
        std::int64_t wait = slice;
        if (deadlineNs >= 0) {
            const std::int64_t left = deadlineNs - nowNs();
            if (left <= 0)
                return LockResult::Timeout;
            wait = std::min(wait, left);
        }
        const long r = futexWait(&word, v, wait);
        if (r != 0 && errno == ETIMEDOUT) {
            // The holder kept the lock for a whole slice: either it is slow, stopped, or dead.
            // Only a holder that no longer exists may be replaced (a stopped one keeps the lock,
            // and the waiters time out on their own deadlines while stats() names it).
            std::uint32_t cur = word.load(std::memory_order_relaxed);
            const std::int64_t now = nowNs();
            if ((cur & kPidMask) != owner) {
                heldSince(cur & kPidMask, now);
            } else if (owner != me) {
                const bool gone = !processAlive(pid_t(owner)) || foreignHolder(owner, now);
                if (gone && word.compare_exchange_strong(cur, me | kWaitersBit, std::memory_order_acquire,
                                                         std::memory_order_relaxed))
                    return LockResult::OwnerDied;
            }
            slice = std::min(slice * 2, kLockSliceMaxNs);
        }
    }
}

void Queue::unlock(Side side) noexcept
{
    std::atomic<std::uint32_t> &word = lockWord(header(), side);
    const std::uint32_t old = word.exchange(0, std::memory_order_seq_cst);
    // This exchange is also the full barrier between a put's store of tail (a get's of head) and
    // its read of the wake-up word that follows the unlock, the store-then-load order the
    // sleepers' handshake needs (see SharedHeader): a locked instruction on x86-64, which no
    // load passes and which drains every earlier store. Elsewhere an explicit fence says so.
    // (Were that order ever missing, a sleeper would only wake at the end of its slice.)
#if !defined(__x86_64__) && !defined(__i386__)
    std::atomic_thread_fence(std::memory_order_seq_cst);
#endif
    if ((old & kPidMask) != std::uint32_t(myPid()))
        noteCorruption(CorruptLockStolen, 0);
    if (old & kWaitersBit)
        futexWake(&word, 1);
}

namespace {
// After publishing an index and a full barrier (the unlock, see unlock()): if someone sleeps on
// `seq`, bump it, clear the sleepers bit in the same step, and wake one sleeper. The woken one
// sets the bit again at once (others may still sleep), and whoever then finds more work than it
// takes passes the wake on: one wake-up per message, not a herd. With nobody asleep this is one load of a
// line nobody writes.
void wakeSleepers(std::atomic<std::uint32_t> &seq) noexcept
{
    std::uint32_t v = seq.load(std::memory_order_seq_cst);
    while (v & kSleepersBit) {
        if (seq.compare_exchange_weak(v, (v + 1) & ~kSleepersBit, std::memory_order_seq_cst)) {
            futexWake(&seq, 1);
            return;
        }
    }
}

// wakeSleepers, but only if `more()` says there is work for one more: a look at the sleepers bit
// first, so the question (which may read the other side's line) is asked only of a sleeper.
template <class More> void passWakeOn(std::atomic<std::uint32_t> &seq, More more) noexcept
{
    if ((seq.load(std::memory_order_seq_cst) & kSleepersBit) && more())
        wakeSleepers(seq);
}

// Bump unconditionally and wake everybody (close, repairs).
void wakeAll(std::atomic<std::uint32_t> &seq) noexcept
{
    std::uint32_t v = seq.load(std::memory_order_relaxed);
    while (!seq.compare_exchange_weak(v, (v + 1) & ~kSleepersBit, std::memory_order_seq_cst)) {
    }
    futexWake(&seq, INT_MAX);
}
} // namespace

Queue::WaitEnd Queue::unlockAndWait(Side side, std::uint64_t seenIndex, std::uint64_t headSeen,
                                    std::int64_t deadlineNs, unsigned flags) noexcept
{
    Header *h = header();
    const bool getter = side == GetSide;
    std::atomic<std::uint32_t> &seq = getter ? h->dataSeq : h->spaceSeq;
    // The other side's index: a getter waits for tail to move, a putter for head.
    std::atomic<std::uint64_t> &other = getter ? h->tail : h->head;
    // A getter watches the commit word of the slot at head: the producer writes that line
    // anyway, while watching tail would pull the producers' line (their lock and index) away
    // from the producer on every look.
    const Slot *next = getter ? slotAt(headSeen) : nullptr;
    unlock(side);
    auto closedNow = [&] { return h->closed.load(std::memory_order_seq_cst) == kClosedValue; };
    auto spinNews = [&] {
        if (getter)
            return next->commit.load(std::memory_order_acquire) == headSeen + 1 || closedNow();
        return other.load(std::memory_order_acquire) != seenIndex || closedNow();
    };
    // The look before sleeping includes the index itself, sequentially consistent: it pairs with
    // the publisher's store of that index and read of the wake-up word (see SharedHeader).
    auto news = [&] { return other.load(std::memory_order_seq_cst) != seenIndex || spinNews(); };
    // Spin, watching the slot (getter) or the index (putter).
    const std::int64_t spinStart = nowNs();
    for (unsigned i = 0; !(flags & WaitSkipSpin); ++i) {
        if (spinNews())
            return WaitEnd::Changed;
        cpuRelax();
        if ((i & (kSpinCheckEvery - 1)) == kSpinCheckEvery - 1) {
            const std::int64_t now = nowNs();
            if (deadlineNs >= 0 && now >= deadlineNs)
                return (flags & WaitSpinOnly ? spinNews() : news()) ? WaitEnd::Changed : WaitEnd::Timeout;
            if (now - spinStart >= kSpinNs)
                break;
            // Past the first fraction of a microsecond, give the CPU to whoever is runnable (on
            // a busy machine that is likely the very peer we wait for); with idle cores this
            // returns at once and the wait stays a spin.
            if (now - spinStart >= kYieldAfterNs)
                sched_yield();
        }
    }
    if (flags & WaitSpinOnly)
        return WaitEnd::Slept;
    if (news())
        return WaitEnd::Changed;
    // Out of time already (a caller that skipped the spin): Timeout, as a spin would have said.
    if (deadlineNs >= 0 && nowNs() >= deadlineNs)
        return WaitEnd::Timeout;
    // The caller wants a look at the producers' lock before the first sleep (a producer that
    // died holding it may sit on a committed message): only when that lock is held at all.
    if ((flags & WaitLookBeforeSleep) && h->putLock.load(std::memory_order_relaxed) != 0)
        return WaitEnd::Slept;
    // Sleep, one slice at a time.
    std::int64_t wait = kWaitSliceNs;
    if (deadlineNs >= 0) {
        const std::int64_t left = deadlineNs - nowNs();
        if (left <= 0)
            return news() ? WaitEnd::Changed : WaitEnd::Timeout;
        wait = std::min(wait, left);
    }
    const std::uint32_t v = seq.fetch_or(kSleepersBit, std::memory_order_seq_cst) | kSleepersBit;
    if (news()) // the last look, after announcing the sleeper (see SharedHeader)
        return WaitEnd::Changed;
    futexWait(&seq, v, wait);
    if (seq.load(std::memory_order_seq_cst) != v) {
        // Woken (or the word moved): others may still sleep on it, so the mark goes back up;
        // the next publisher, or whoever finds more than it takes, wakes the next one.
        seq.fetch_or(kSleepersBit, std::memory_order_seq_cst);
        return WaitEnd::Changed;
    }
    if (news())
        return WaitEnd::Changed;
    // Slice over without news: the caller looks at the queue again (and whether a producer
    // died holding its lock).
    if (deadlineNs < 0 || nowNs() < deadlineNs)
        return WaitEnd::Slept;
    return WaitEnd::Timeout;
}

void Queue::noteCorruption(std::uint32_t kind, pid_t culprit) noexcept
{
    Header *h = header();
    h->corruptions.fetch_add(1, std::memory_order_relaxed);
    h->lastCulprit.store(culprit, std::memory_order_relaxed);
    h->lastCorruptionKind.store(kind, std::memory_order_relaxed);
}

// Called with the producers' lock held after its previous holder died. A producer that died
// after writing the commit word but before moving the tail did commit the message: roll it
// forward, so "committed" has exactly one meaning. See docs/shmq.md.
void Queue::repairPut() noexcept
{
    Header *h = header();
    h->recoveries.fetch_add(1, std::memory_order_relaxed);
    const std::uint64_t tail = h->tail.load(std::memory_order_relaxed);
    const std::uint64_t head = h->head.load(std::memory_order_acquire);
    faultHook(FaultPoint::RepairMidway);
    // head may already be tail + 1: a consumer took the committed message before its producer
    // died without publishing it. The put happened all the same; tail catches up.
    if (tail + 1 - head <= m_slots && slotAt(tail)->commit.load(std::memory_order_acquire) == tail + 1) {
        h->tail.store(tail + 1, std::memory_order_seq_cst);
        wakeSleepers(h->dataSeq);
    }
    const std::uint32_t closed = h->closed.load(std::memory_order_relaxed);
    if (closed != 0 && closed != kClosedValue)
        resetDamagedClosed(closed);
}

// `closed` held `seen`, neither 0 nor the closed value: a broken peer wrote it. Counted, and set
// back to 0 only if it still holds `seen`, so a close() that lands meanwhile is never undone.
void Queue::resetDamagedClosed(std::uint32_t seen) noexcept
{
    noteCorruption(CorruptClosedFlag, 0);
    header()->closed.compare_exchange_strong(seen, 0, std::memory_order_relaxed);
}

// Called with the consumers' lock held after its previous holder died. A consumer dies either
// before its commit point (the head store: the message stays) or after it (taken): there is
// nothing to roll back, and get() checks the indices on every call.
void Queue::repairGet() noexcept
{
    header()->recoveries.fetch_add(1, std::memory_order_relaxed);
    faultHook(FaultPoint::RepairMidway);
}

// Indices that cannot be (tail - head > slots) were written by a broken peer. Takes both
// locks, producers' first (the one order everybody uses, and nobody holds one of them while
// calling this), and keeps the newest window of positions; get() validates each slot again.
bool Queue::repairIndices(std::int64_t deadlineNs) noexcept
{
    Header *h = header();
    const LockResult p = lock(PutSide, deadlineNs, false);
    if (p == LockResult::Timeout)
        return false;
    if (p == LockResult::OwnerDied)
        repairPut();
    const LockResult g = lock(GetSide, deadlineNs, false);
    if (g == LockResult::Timeout) {
        unlock(PutSide);
        return false;
    }
    if (g == LockResult::OwnerDied)
        repairGet();
    std::uint64_t head = h->head.load(std::memory_order_relaxed);
    const std::uint64_t tail = h->tail.load(std::memory_order_relaxed);
    if (tail - head > m_slots) {
        noteCorruption(CorruptIndices, 0);
        h->recoveries.fetch_add(1, std::memory_order_relaxed);
        // head beyond tail: nothing can be waiting (never move head back over messages already
        // taken); tail too far ahead: keep the newest window.
        head = head > tail ? tail : tail - m_slots;
        h->head.store(head, std::memory_order_seq_cst);
        wakeAll(h->dataSeq);
        wakeAll(h->spaceSeq);
    }
    m_knownHead.store(head, std::memory_order_relaxed);
    unlock(GetSide);
    unlock(PutSide);
    return true;
}

bool Queue::rescueDeadProducer() noexcept
{
    const std::uint32_t v = header()->putLock.load(std::memory_order_relaxed);
    if (v == 0 || (v & kPidMask) == std::uint32_t(myPid()))
        return false;
    // A try-lock makes the whole judgement (dead, zombie, foreign, or a word no process could
    // have written) and takes the lock over if so; a live producer's lock is simply busy.
    const LockResult r = lock(PutSide, nowNs(), true);
    if (r == LockResult::Timeout)
        return false;
    if (r == LockResult::OwnerDied)
        repairPut();
    unlock(PutSide);
    return r == LockResult::OwnerDied;
}

// ---- put / get ------------------------------------------------------------------------------

Result Queue::putImpl(std::span<const std::byte> message, std::int64_t deadlineNs, bool tryOnly) noexcept
{
    if (!m_base)
        return Result::Invalid;
    if (message.size() > m_maxMessage)
        return Result::TooBig;
    Header *h = header();
    const auto length = std::uint32_t(message.size());
    const std::int32_t me = myPid();
    // The content's share of the checksum is computed before the lock: the critical section only
    // folds in the position.
    const std::uint32_t content = contentSum(length, me, message.data());
    for (;;) {
        const LockResult lr = lock(PutSide, deadlineNs, tryOnly);
        if (lr == LockResult::Timeout)
            return Result::Timeout;
        if (lr == LockResult::OwnerDied)
            repairPut();
        faultHook(FaultPoint::PutAfterLock);
        const std::uint32_t closed = h->closed.load(std::memory_order_relaxed);
        if (closed == kClosedValue) {
            unlock(PutSide);
            return Result::Closed;
        }
        const std::uint64_t tail = h->tail.load(std::memory_order_relaxed);
        // Room by this process's last look at head; only when that says full is head read again.
        std::uint64_t head = m_knownHead.load(std::memory_order_relaxed);
        if (tail - head >= m_slots) {
            head = h->head.load(std::memory_order_acquire);
            m_knownHead.store(head, std::memory_order_relaxed);
        }
        const std::uint64_t used = tail - head;
        if (used > m_slots || closed != 0) {
            unlock(PutSide);
            if (closed != 0)
                resetDamagedClosed(closed);
            else if (!repairIndices(tryOnly ? nowNs() : deadlineNs))
                return Result::Timeout;
            continue;
        }
        if (used == m_slots) {
            if (tryOnly) {
                unlock(PutSide);
                return Result::Timeout;
            }
            if (unlockAndWait(PutSide, head, 0, deadlineNs) == WaitEnd::Timeout)
                return Result::Timeout;
            continue;
        }
        Slot *s = slotAt(tail);
        s->length.store(length, std::memory_order_relaxed);
        s->pid.store(me, std::memory_order_relaxed);
        s->checksum.store(checksum(tail, content), std::memory_order_relaxed);
        std::byte *dst = payloadOf(s);
        if (faultsArmed()) [[unlikely]] {
            // Two halves, so a test can kill the producer with half the payload written.
            const std::size_t half = length / 2;
            if (half)
                std::memcpy(dst, message.data(), half);
            faultHook(FaultPoint::PutMidCopy);
            if (length > half)
                std::memcpy(dst + half, message.data() + half, length - half);
        } else if (length) {
            std::memcpy(dst, message.data(), length);
        }
        faultHook(FaultPoint::PutBeforeCommit);
        s->commit.store(tail + 1, std::memory_order_release); // the commit word, written last
        faultHook(FaultPoint::PutAfterCommit);
        // A release store: the unlock below is the full barrier that orders it before the read of
        // dataSeq (see unlock()). Until version 7 this store was a barrier of its own, a second
        // one per put, where a profile of a stream found 84 % of put's own samples (it waited
        // for the slot's line).
        h->tail.store(tail + 1, std::memory_order_release);
        if (used + 1 > h->highWater.load(std::memory_order_relaxed)) {
            // `used` may count messages already taken (head as last seen): look again, and keep
            // that look, so the next puts do not all read the consumers' line for the same
            // question (until version 6 they did, pulling that line from the consumer on nearly
            // every put of a stream that kept the ring short).
            const std::uint64_t seen = h->head.load(std::memory_order_acquire);
            m_knownHead.store(seen, std::memory_order_relaxed);
            // A consumer may already have taken this very message (head = tail + 1): depth 0.
            const std::uint64_t now = tail + 1 - seen;
            if (now <= m_slots && now > h->highWater.load(std::memory_order_relaxed))
                h->highWater.store(now, std::memory_order_relaxed);
        }
        faultHook(FaultPoint::PutBeforeUnlock);
        unlock(PutSide);
        wakeSleepers(h->dataSeq);
        if (used + 1 < m_slots) // room left: pass the wake on to another putter, if one sleeps
            wakeSleepers(h->spaceSeq);
        return Result::Ok;
    }
}

Result Queue::getImpl(std::span<std::byte> buffer, std::size_t &lengthOut, std::int64_t deadlineNs,
                      bool tryOnly, std::vector<std::byte> *sized) noexcept
{
    lengthOut = 0;
    if (!m_base)
        return Result::Invalid;
    Header *h = header();
    bool lookedForDeadProducer = false; // once per call, when the first spin ends without news
    // The position this call last spun for without reading tail (0: none; positions + 1).
    std::uint64_t spunFor = 0;
    for (;;) {
        const LockResult lr = lock(GetSide, deadlineNs, tryOnly);
        if (lr == LockResult::Timeout)
            return Result::Timeout;
        if (lr == LockResult::OwnerDied)
            repairGet();
        faultHook(FaultPoint::GetAfterLock);
        const std::uint64_t head = h->head.load(std::memory_order_relaxed);
        // The slot at head says itself whether it holds the next message: its commit word is
        // head + 1 exactly when a producer committed position head. The consumer reads that
        // line anyway, so a steady stream never reads tail (the producers' line). A message may
        // be taken before its producer has published tail (head then runs one ahead of tail
        // for a moment): it was put at its commit word, and a producer that dies before
        // publishing has its tail rolled forward by the repair (see docs/shmq.md).
        Slot *s = slotAt(head);
        std::uint64_t commit = s->commit.load(std::memory_order_acquire);
        if (commit != head + 1 && !tryOnly && spunFor != head + 1 &&
            h->closed.load(std::memory_order_relaxed) != kClosedValue) {
            // Most likely empty: the producer is about to write this very slot. Wait for its
            // commit word first and read tail (the producers' line) only if the spin ends
            // without it, so a consumer that keeps up does not pull the producers' line on
            // every get. (Damage — tail ahead, commit word wrong — is then found one spin
            // later, by the full look below.)
            // Whatever ends the spin (news, its time, or the deadline), the next look decides;
            // after a deadline that is the full look, with its check for a dead producer.
            spunFor = head + 1;
            unlockAndWait(GetSide, 0, head, deadlineNs, WaitSpinOnly);
            continue;
        }
        if (commit != head + 1) {
            const std::uint64_t tail = h->tail.load(std::memory_order_acquire);
            const std::uint64_t used = tail - head;
            if (used > m_slots && head != tail + 1) {
                unlock(GetSide);
                if (!repairIndices(tryOnly ? nowNs() : deadlineNs))
                    return Result::Timeout;
                continue;
            }
            if (used != 0 && head != tail + 1) {
                // tail says a message is there: look again (tail's acquire made a commit
                // stored before it visible); still not head + 1 is damage (below).
                commit = s->commit.load(std::memory_order_acquire);
            } else {
                // Empty (or our last message's producer is still publishing tail).
                const std::uint32_t closed = h->closed.load(std::memory_order_seq_cst);
                if (closed == kClosedValue) {
                    unlock(GetSide);
                    // "Closed" must mean drained: a put that passed its closed check before
                    // close() may still be publishing, and a producer that died holding its lock
                    // may hide a committed message. Passing through the producers' lock settles
                    // both: after it, no put can be in flight, and a dead holder's message has
                    // been rolled forward.
                    const LockResult p = lock(PutSide, tryOnly ? nowNs() : deadlineNs, tryOnly);
                    if (p == LockResult::Timeout)
                        return Result::Timeout;
                    if (p == LockResult::OwnerDied)
                        repairPut();
                    const std::uint64_t nowTail = h->tail.load(std::memory_order_acquire);
                    unlock(PutSide);
                    if (nowTail != tail)
                        continue;
                    return Result::Closed;
                }
                if (tryOnly) {
                    unlock(GetSide);
                    // A producer that died holding its lock may hide a committed message.
                    if (rescueDeadProducer())
                        continue;
                    return Result::Timeout;
                }
                if (closed != 0)
                    noteCorruption(CorruptClosedFlag, 0);
                // A producer that died holding its lock may sit on a committed message: look once
                // when the spin ends without news (before sleeping), then after every slice.
                // This head was spun for already (above): straight to the sleep.
                unsigned flags = spunFor == head + 1 ? unsigned(WaitSkipSpin) : 0u;
                if (!lookedForDeadProducer)
                    flags |= WaitLookBeforeSleep;
                const WaitEnd end = unlockAndWait(GetSide, tail, head, deadlineNs, flags);
                if (end != WaitEnd::Changed) {
                    lookedForDeadProducer = true;
                    if (rescueDeadProducer())
                        continue;
                }
                if (end == WaitEnd::Timeout)
                    return Result::Timeout;
                continue;
            }
        }
        const std::uint32_t length = s->length.load(std::memory_order_relaxed);
        const std::int32_t pid = s->pid.load(std::memory_order_relaxed);
        const std::uint32_t sum = s->checksum.load(std::memory_order_relaxed);
        const pid_t culprit = pid > 0 && std::uint32_t(pid) < kPidLimit ? pid : 0;
        std::uint32_t damage = CorruptNone;
        if (commit != head + 1)
            damage = CorruptCommitWord;
        else if (length > m_maxMessage)
            damage = CorruptLength;
        if (damage == CorruptNone && sized) {
            // The vector was given capacity maxMessage() before the lock was taken, so this
            // resize never allocates; it only zero-fills `length` bytes that we overwrite next.
            sized->resize(length);
            buffer = std::span(sized->data(), length);
        }
        if (damage == CorruptNone && length > buffer.size()) {
            unlock(GetSide);
            return Result::TooBig;
        }
        if (damage == CorruptNone) {
            const std::byte *src = payloadOf(s);
            if (faultsArmed()) [[unlikely]] {
                const std::size_t half = length / 2;
                if (half)
                    std::memcpy(buffer.data(), src, half);
                faultHook(FaultPoint::GetMidCopy);
                if (length > half)
                    std::memcpy(buffer.data() + half, src + half, length - half);
            } else if (length) {
                std::memcpy(buffer.data(), src, length);
            }
        }
        if (damage == CorruptNone)
            faultHook(FaultPoint::GetBeforeCommit);
        // The get's commit point. A release store: the unlock below orders it before the read of
        // spaceSeq (see unlock()), as for tail in put.
        h->head.store(head + 1, std::memory_order_release);
        if (damage != CorruptNone)
            noteCorruption(damage, culprit);
        else
            faultHook(FaultPoint::GetBeforeUnlock);
        unlock(GetSide);
        // Verify the private copy, outside the lock: what was checked is exactly what the caller
        // receives. The message is taken either way (a damaged one is counted, never delivered).
        if (damage == CorruptNone && checksum(head, contentSum(length, pid, buffer.data())) != sum) {
            damage = CorruptChecksum;
            noteCorruption(damage, culprit);
        }
        wakeSleepers(h->spaceSeq);
        // More waiting: pass the wake on to another getter, if one sleeps (tail is read only then).
        passWakeOn(h->dataSeq, [&] {
            const std::uint64_t more = h->tail.load(std::memory_order_acquire) - (head + 1);
            return more != 0 && more <= m_slots;
        });
        if (damage != CorruptNone)
            return Result::Corrupt;
        lengthOut = length;
        return Result::Ok;
    }
}

Result Queue::put(std::span<const std::byte> message, Duration timeout) noexcept
{
    return putImpl(message, deadlineFor(timeout), false);
}

Result Queue::tryPut(std::span<const std::byte> message) noexcept
{
    return putImpl(message, nowNs(), true);
}

Result Queue::put(std::string_view text, Duration timeout) noexcept
{
    return put(std::as_bytes(std::span(text.data(), text.size())), timeout);
}

Result Queue::get(std::span<std::byte> buffer, std::size_t &length, Duration timeout) noexcept
{
    return getImpl(buffer, length, deadlineFor(timeout), false);
}

Result Queue::tryGet(std::span<std::byte> buffer, std::size_t &length) noexcept
{
    return getImpl(buffer, length, nowNs(), true);
}

Result Queue::get(std::vector<std::byte> &out, Duration timeout)
{
    // Never more than the queue's own (validated, private) message limit. Reserving instead of
    // resizing to the limit avoids zero-filling up to 64 KiB on every call.
    out.clear();
    out.reserve(m_maxMessage);
    std::size_t length = 0;
    const Result r = getImpl({}, length, deadlineFor(timeout), false, &out);
    out.resize(r == Result::Ok ? length : 0);
    return r;
}

void Queue::close() noexcept
{
    if (!m_base)
        return;
    Header *h = header();
    h->closed.store(kClosedValue, std::memory_order_seq_cst);
    wakeAll(h->dataSeq);
    wakeAll(h->spaceSeq);
}

Stats Queue::stats() const noexcept
{
    Stats s;
    if (!m_base)
        return s;
    const Header *h = header();
    const std::uint64_t head = h->head.load(std::memory_order_acquire);
    const std::uint64_t tail = h->tail.load(std::memory_order_acquire);
    s.puts = tail;
    s.gets = head;
    // The two loads race with puts and gets: cap what they cannot mean (head beyond tail is damage).
    s.depthMessages = tail - head <= m_slots ? tail - head : (head - tail <= m_slots ? 0 : m_slots);
    // Summed from the waiting slots (at most `slots` of them), each length capped by the limit:
    // keeping a running total would make producers and consumers write one shared word.
    for (std::uint64_t p = head; p != head + s.depthMessages; ++p) {
        const std::uint32_t len = slotAt(p)->length.load(std::memory_order_relaxed);
        s.depthBytes += len <= m_maxMessage ? len : 0;
    }
    s.highWater = std::min<std::uint64_t>(h->highWater.load(std::memory_order_relaxed), m_slots);
    s.recoveries = h->recoveries.load(std::memory_order_relaxed);
    s.corruptions = h->corruptions.load(std::memory_order_relaxed);
    const std::int32_t culprit = h->lastCulprit.load(std::memory_order_relaxed);
    s.lastCulpritPid = culprit > 0 && std::uint32_t(culprit) < kPidLimit ? culprit : 0;
    auto holder = [](std::uint32_t word) {
        const std::uint32_t pid = word & kPidMask;
        return pid < kPidLimit ? pid_t(pid) : pid_t(0);
    };
    s.putLockHolderPid = holder(h->putLock.load(std::memory_order_relaxed));
    s.getLockHolderPid = holder(h->getLock.load(std::memory_order_relaxed));
    s.lockHolderPid = s.putLockHolderPid ? s.putLockHolderPid : s.getLockHolderPid;
    const std::int32_t creator =
        std::atomic_ref<const std::int32_t>(h->creatorPid).load(std::memory_order_relaxed);
    s.creatorPid = creator > 0 && std::uint32_t(creator) < kPidLimit ? creator : 0;
    s.capacity = m_slots;
    s.maxMessage = std::uint32_t(m_maxMessage);
    s.closed = h->closed.load(std::memory_order_relaxed) == kClosedValue;
    return s;
}

int Queue::removeStaleSegments(std::vector<std::string> *removed)
{
    DIR *dir = opendir("/dev/shm");
    if (!dir)
        return 0;
    const std::string_view prefix = kNamePrefix.substr(1);
    int count = 0;
    while (dirent *e = readdir(dir)) {
        const std::string_view entry(e->d_name);
        if (!entry.starts_with(prefix))
            continue;
        std::string name(1, '/');
        name.append(entry);
        if (!isOurName(name))
            continue;
        // The creator's pid is the first field after the prefix.
        const std::string_view rest = entry.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == std::string_view::npos || dash == 0 || dash > 7)
            continue;
        long pid = 0;
        for (char c : rest.substr(0, dash)) {
            if (c < '0' || c > '9') {
                pid = -1;
                break;
            }
            pid = pid * 10 + (c - '0');
        }
        if (pid <= 0 || pid >= long(kPidLimit))
            continue;
        struct stat st
        {
        };
        if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            st.st_uid != geteuid())
            continue;
        if (processAlive(pid_t(pid)) && !creatorPidReused(name, pid_t(pid)))
            continue;
        if (shm_unlink(name.c_str()) == 0) {
            ++count;
            if (removed)
                removed->push_back(name);
        }
    }
    closedir(dir);
    return count;
}

} // namespace shmq
