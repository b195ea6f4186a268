#pragma once
// Concurrente shared-memory queue: a bounded multi-producer multi-consumer queue of
// variable-length messages in POSIX shared memory. C++20 + POSIX only (no Qt), so the
// helper executables and the benchmarks can link it without loading Qt.
//
// Promises (details, layout and the recovery algorithm in docs/shmq.md):
//  - FIFO per producer; every message whose put() returned Result::Ok is got exactly once,
//    unless the queue is destroyed first.
//  - A peer killed at any instant (inside put/get, holding a lock, mid-copy) leaves the queue
//    usable: the next process that takes its lock over repairs it from the committed state.
//  - Producers share one lock and consumers another, so a put and a get never wait for each
//    other; they meet only in the slots (each with a commit word) and the two indices.
//  - Everything read from the segment is loaded once, validated, and never used to index
//    outside the segment; damage is detected, counted and reported with the culprit's pid.
//  - Waiters spin briefly (bounded, kSpinNs) and then sleep on a futex: idle waiters use no CPU.
//
// Thread safety: one Queue object may be used by several threads of one process at once.
// All processes using a queue must run under the same uid and in the same PID namespace.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace shmq {

/// Largest message any queue accepts, in bytes (checked by put and by get).
inline constexpr std::size_t kMaxMessageBytes = 64 * 1024;
/// Most slots a queue may have.
inline constexpr std::uint32_t kMaxSlots = 1u << 16;
/// Largest segment we create or accept on attach (slots × slot size + header).
inline constexpr std::size_t kMaxSegmentBytes = std::size_t(256) << 20;
/// Every segment name we create starts with this (in /dev/shm without the leading '/').
inline constexpr std::string_view kNamePrefix = "/concurrente-q-";
/// Longest name hint kept in a segment name (longer hints are cut).
inline constexpr std::size_t kMaxNameHint = 32;
/// A queue reference of this form, "fd:N", names an anonymous segment (createAnonymous) that
/// the process holds on descriptor N; attach() accepts it in place of a name.
inline constexpr std::string_view kFdPrefix = "fd:";
/// createAnonymous() puts its descriptor at this number or above, so that it never collides
/// with the standard descriptors nor with the fixed ones a child is given (3, 4, ...).
inline constexpr int kMinSegmentFd = 10;
/// Seals every anonymous segment carries (and attach() requires): its size can never change.
/// Defined in shmq.cpp (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL).
extern const unsigned kRequiredSeals;
/// Upper bound of the busy-wait before a waiter sleeps on a futex, in nanoseconds.
inline constexpr std::int64_t kSpinNs = 30'000;

/// A timeout for the blocking calls. Negative means "wait forever".
using Duration = std::chrono::nanoseconds;
/// Wait without a time limit.
inline constexpr Duration kForever{-1};

/// Outcome of put/get and their non-blocking variants.
enum class Result : std::uint8_t {
    Ok,      ///< Done.
    Timeout, ///< Nothing to get / no room / lock not free before the deadline (try*: right now).
    Closed,  ///< put: the queue is closed. get: closed and empty (everything was drained).
    TooBig,  ///< put: message longer than maxMessage(). get: caller's buffer is too small (message kept).
    Corrupt, ///< get: the message at the head failed validation; it was dropped and counted.
    Invalid, ///< The Queue handle is not open.
};

/// Short English name of a result ("ok", "timeout", ...), for logs and events: a static string.
/// Deliberately not called toString, which Qt Test would find by ADL and delete[].
const char *describe(Result r) noexcept;

/// Why create/attach failed.
enum class OpenErrorCode : std::uint8_t {
    None,
    BadName,      ///< Name does not carry our prefix, or has characters we do not use.
    BadArgument,  ///< Capacity or message limit out of range.
    NotFound,     ///< No such segment.
    Exists,       ///< create: the random name was taken (practically never).
    ForeignOwner, ///< The segment belongs to another uid or is readable by others.
    BadSize,      ///< The segment's size does not match its header (or is out of range).
    BadMagic,     ///< Not a Concurrente queue.
    BadVersion,   ///< A Concurrente queue of another layout version.
    BadLayout,    ///< Header fields out of bounds or inconsistent.
    SystemError,  ///< shm_open / ftruncate / mmap / getrandom failed (message says which).
    Unsupported,  ///< The kernel lacks something we need (futexes, /dev/shm, memfd).
    NotSealed,    ///< "fd:N": the descriptor is not a segment sealed against shrinking and growing.
    NoSpace,      ///< create: no room for the segment's pages (a full /dev/shm, or memory).
};

/// Error report of create/attach: a code plus a sentence naming the segment and the cause.
struct OpenError
{
    OpenErrorCode code = OpenErrorCode::None;
    std::string message;
};

/// Counters readable without consuming (a snapshot; fields are read without taking the lock).
struct Stats
{
    std::uint64_t puts = 0;          ///< Messages published since creation (gets may run one ahead).
    std::uint64_t gets = 0;          ///< Messages taken (including dropped corrupt ones).
    std::uint64_t depthMessages = 0; ///< Messages waiting now.
    std::uint64_t depthBytes = 0;    ///< Payload bytes waiting now.
    std::uint64_t highWater = 0;     ///< Most messages ever waiting at once.
    std::uint64_t recoveries = 0;    ///< Repairs after a lock holder died.
    std::uint64_t corruptions = 0;   ///< Damaged state or messages detected.
    pid_t lastCulpritPid = 0;        ///< Pid blamed for the last corruption (0 = unknown).
    pid_t lockHolderPid = 0;         ///< Pid holding a lock now: putLockHolderPid, else getLockHolderPid.
    pid_t putLockHolderPid = 0;      ///< Pid holding the producers' lock now (0 = free).
    pid_t getLockHolderPid = 0;      ///< Pid holding the consumers' lock now (0 = free).
    pid_t creatorPid = 0;            ///< Pid that created the segment.
    std::uint32_t capacity = 0;      ///< Slots (most messages at once).
    std::uint32_t maxMessage = 0;    ///< Longest message this queue accepts.
    bool closed = false;             ///< close() was called.
};

/// Test-only fault hooks: points inside put/get where a process can be made to die
/// (SIGKILL to itself). Inert unless armed, by armFault() or by the environment variable
/// CONCURRENTE_SHMQ_FAULT=<point>[:<n>] (die on the n-th time the point is reached, n ≥ 1).
enum class FaultPoint : std::uint8_t {
    None,
    PutAfterLock,    ///< put: lock taken, nothing written.         env name: put_after_lock
    PutMidCopy,      ///< put: half the payload copied.             env name: put_mid_copy
    PutBeforeCommit, ///< put: payload and length written, no commit word. put_before_commit
    PutAfterCommit,  ///< put: commit word written, tail not moved. env name: put_after_commit
    PutBeforeUnlock, ///< put: published, lock still held.          env name: put_before_unlock
    GetAfterLock,    ///< get: lock taken, nothing read.            env name: get_after_lock
    GetMidCopy,      ///< get: half the payload copied out.         env name: get_mid_copy
    GetBeforeCommit, ///< get: message copied, head not moved.      env name: get_before_commit
    GetBeforeUnlock, ///< get: head moved, lock still held.         env name: get_before_unlock
    RepairMidway,    ///< repair after a dead holder: half done.    env name: repair_midway
    Count
};
/// Env-variable spelling of a fault point ("put_mid_copy", ...).
const char *describe(FaultPoint p) noexcept;
/// Arms a fault point in this process: die the n-th time it is reached (n ≥ 1). None disarms.
void armFault(FaultPoint p, unsigned n = 1) noexcept;
/// True once this process has registered the library's fork handler (the queue caches its pid
/// and a pthread_atfork() child handler refreshes it): from then on a fork() child is correct and
/// a _Fork() child (no handlers run) would lock with its parent's pid.
bool forkHandlerRegistered() noexcept;

/// A handle on one queue segment (move-only; the mapping is released by the destructor).
/// The process that created the segment also closes and unlinks it in its destructor
/// (a forked child's copy never does), unless release() was called.
class Queue
{
public:
    Queue() = default;
    Queue(Queue &&other) noexcept;
    Queue &operator=(Queue &&other) noexcept;
    Queue(const Queue &) = delete;
    Queue &operator=(const Queue &) = delete;
    ~Queue();

    /// Creates a new segment named kNamePrefix + "<pid>-<hint>-<random>" (O_CREAT|O_EXCL, 0600).
    /// `capacity` = slots (1..kMaxSlots); `maxMessage` = longest payload (0..kMaxMessageBytes).
    static std::optional<Queue> create(std::string_view nameHint, std::uint32_t capacity,
                                       std::size_t maxMessage = kMaxMessageBytes, OpenError *error = nullptr);
    /// Creates an anonymous segment (memfd_create): no name in /dev/shm that anyone could open,
    /// squat or truncate; every page reserved (no room: NoSpace, never a SIGBUS later); sealed
    /// so its size can never change; freed by the kernel when the last descriptor and mapping
    /// are gone. name() is "fd:N" with N = fd() (≥ kMinSegmentFd, close-on-exec): the creator
    /// passes N on to the processes that are to use it (clearing close-on-exec in the child).
    static std::optional<Queue> createAnonymous(std::string_view nameHint, std::uint32_t capacity,
                                                std::size_t maxMessage = kMaxMessageBytes,
                                                OpenError *error = nullptr);
    /// The bytes a segment of `capacity` slots of `maxMessage` bytes takes (what createAnonymous
    /// reserves); 0 for a geometry that create refuses.
    static std::uint64_t segmentBytes(std::uint32_t capacity,
                                      std::size_t maxMessage = kMaxMessageBytes) noexcept;
    /// Opens an existing segment by the name create() gave, or by "fd:N" (an anonymous segment
    /// on descriptor N, which stays open and stays the caller's). Refuses foreign or malformed
    /// segments, and descriptors that are not sealed against resizing.
    static std::optional<Queue> attach(std::string_view name, OpenError *error = nullptr);
    /// The N of an "fd:N" reference; nullopt if `ref` is not one.
    static std::optional<int> descriptorOf(std::string_view ref) noexcept;

    /// True while the handle maps a segment.
    bool isOpen() const noexcept { return m_base != nullptr; }
    /// The segment name (with the leading '/'), or "fd:N" for an anonymous one: what to pass to
    /// other processes.
    const std::string &name() const noexcept { return m_name; }
    /// The descriptor of an anonymous segment this handle created (and closes); -1 otherwise.
    int fd() const noexcept { return m_fd; }
    /// Slots (validated geometry, private copy).
    std::uint32_t capacity() const noexcept { return m_slots; }
    /// Longest message this queue accepts.
    std::size_t maxMessage() const noexcept { return m_maxMessage; }

    /// Appends a message, waiting up to `timeout` for room. Ok means it will be got exactly once.
    Result put(std::span<const std::byte> message, Duration timeout = kForever) noexcept;
    /// put() that never waits: Timeout if the queue is full or the lock is busy.
    Result tryPut(std::span<const std::byte> message) noexcept;
    /// Takes the oldest message into `buffer`, waiting up to `timeout`; `length` gets its size.
    /// `buffer` should hold maxMessage() bytes: a longer message is left in place (TooBig).
    Result get(std::span<std::byte> buffer, std::size_t &length, Duration timeout = kForever) noexcept;
    /// get() that never waits: Timeout if the queue is empty or the lock is busy.
    Result tryGet(std::span<std::byte> buffer, std::size_t &length) noexcept;
    /// Convenience: get into a vector (resized to the message; capacity up to maxMessage()).
    Result get(std::vector<std::byte> &out, Duration timeout = kForever);

    /// Convenience overloads for text.
    Result put(std::string_view text, Duration timeout = kForever) noexcept;

    /// Marks the queue closed and wakes every waiter: gets drain what is left, then report Closed;
    /// puts fail with Closed.
    void close() noexcept;
    /// close() + unlink the name + unmap. Processes still attached keep their mapping.
    void destroy() noexcept;
    /// Unmaps without unlinking even if this process created the segment.
    void release() noexcept;

    /// Snapshot of the counters, without consuming anything. depthBytes is summed from the
    /// waiting slots, so a call reads one slot header per waiting message (at most capacity()).
    Stats stats() const noexcept;

    /// Unlinks our segments in /dev/shm whose creator pid no longer exists (and that belong to
    /// our uid). Returns how many were removed; `removed` gets their names if given.
    static int removeStaleSegments(std::vector<std::string> *removed = nullptr);
    /// True if `name` has the shape of a segment name create() makes.
    static bool isOurName(std::string_view name) noexcept;

private:
    struct Header;
    struct Slot;
    enum class LockResult : std::uint8_t { Acquired, OwnerDied, Timeout };
    /// Which of the two locks: the consumers' (guards head) or the producers' (guards tail).
    enum Side : std::uint8_t { GetSide = 0, PutSide = 1 };
    /// How a wait for a change of a wake-up word ended.
    enum class WaitEnd : std::uint8_t { Changed, Slept, Timeout };

    /// A handle on a mapping whose geometry has been validated (or was just written by us).
    static Queue adopt(void *base, std::size_t size, std::uint32_t slots, std::uint32_t stride,
                       std::size_t maxMessage, std::string name, pid_t ownerPid) noexcept;
    /// Maps and validates the segment on `fd`; closes `fd` unless `keepFd`.
    static std::optional<Queue> mapAndValidate(int fd, std::string name, bool keepFd, OpenError *error);
    /// Writes a fresh header and empty slots into a new mapping, magic last.
    static void initialise(void *base, std::uint64_t total, std::uint32_t capacity, std::uint32_t stride,
                           std::size_t maxMessage) noexcept;
    void unmap() noexcept;
    Header *header() const noexcept;
    Slot *slotAt(std::uint64_t position) const noexcept;
    std::byte *payloadOf(Slot *slot) const noexcept;
    LockResult lock(Side side, std::int64_t deadlineNs, bool tryOnly) noexcept;
    void unlock(Side side) noexcept;
    /// After taking the producers' lock from a dead holder: roll a committed message forward.
    void repairPut() noexcept;
    /// After taking the consumers' lock from a dead holder.
    void repairGet() noexcept;
    /// Damaged indices: takes both locks (producers' first) and rebuilds head and tail. False
    /// when the locks were not free before the deadline.
    bool repairIndices(std::int64_t deadlineNs) noexcept;
    /// A consumer found the queue empty while a producer held its lock: if that producer is
    /// dead, take its lock over and publish what it committed. True if something was repaired.
    bool rescueDeadProducer() noexcept;
    void noteCorruption(std::uint32_t kind, pid_t culprit) noexcept;
    void resetDamagedClosed(std::uint32_t seen) noexcept;
    Result putImpl(std::span<const std::byte> message, std::int64_t deadlineNs, bool tryOnly) noexcept;
    Result getImpl(std::span<std::byte> buffer, std::size_t &length, std::int64_t deadlineNs, bool tryOnly,
                   std::vector<std::byte> *sized = nullptr) noexcept;
    /// unlockAndWait flags. SpinOnly: return Slept when the spin ends (a getter then has not
    /// read tail at all; `seenIndex` is unused). SkipSpin: this caller spun already, sleep at
    /// once. LookBeforeSleep: return Slept where it would start sleeping if the producers' lock
    /// is held (the caller checks for a dead producer).
    enum WaitFlag : unsigned { WaitSpinOnly = 1, WaitSkipSpin = 2, WaitLookBeforeSleep = 4 };
    /// Releases `side`'s lock and waits for the other side's index to leave `seenIndex` (a
    /// getter also for a commit word in the slot of `headSeen`), spinning, then sleeping.
    WaitEnd unlockAndWait(Side side, std::uint64_t seenIndex, std::uint64_t headSeen, std::int64_t deadlineNs,
                          unsigned flags = 0) noexcept;

    // Geometry is validated once at create/attach and kept here: the segment's own copy of
    // these fields is never trusted again (a peer may overwrite it at any time).
    std::byte *m_base = nullptr;
    std::size_t m_size = 0;
    std::uint32_t m_slots = 0;
    std::uint32_t m_slotMask = 0; // m_slots - 1 when m_slots is a power of two, else 0
    std::uint32_t m_stride = 0;
    std::size_t m_maxMessage = 0;
    std::string m_name;
    pid_t m_ownerPid = 0; // pid that created the segment through this handle; 0 = attached
    int m_fd = -1;        // an anonymous segment's descriptor, owned by the handle that created it
    // The lock holder this process has seen keep the lock, and since when, kept across lock()
    // calls: callers with short timeouts must still add up to the foreign-holder check.
    // Atomics (relaxed) because one Queue may be used by several threads at once.
    std::atomic<std::uint32_t> m_seenHolder[2]{};
    std::atomic<std::int64_t> m_seenHolderSinceNs[2]{};
    // This process's last look at head, for producers: head only grows, so a stale copy errs on
    // the safe side (less room) and the real index is read only when the copy says full.
    // (Consumers need no such copy: the slot at head says whether it holds a message.)
    std::atomic<std::uint64_t> m_knownHead{0};
};

} // namespace shmq
