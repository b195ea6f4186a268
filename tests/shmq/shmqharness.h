#pragma once
// Multi-process harness shared by the integration and stress tests: producer and consumer
// children that record every message in memory shared with the parent, so that after any
// number of SIGKILLs the parent can prove exactly-once delivery of acknowledged messages.
//
// Bookkeeping (all in MAP_SHARED memory that outlives a killed child):
//  - every message has a global id; the producer marks it "attempting" before put() and
//    "acked" after put() returned Ok;
//  - a consumer get()s straight into its own inbox in shared memory, then claims the id with a
//    compare-and-swap on gotBy[id] (a second claim is a duplicate), then clears the inbox;
//  - a consumer killed between the queue's commit (inside get) and its claim leaves the message
//    in its inbox: the parent credits it to that consumer ("got, then died with it").
// The queue's own counters give the cross-check: after draining, stats().gets must equal the
// number of distinct messages got, so a get that was both committed and redelivered is caught.

#include "shmqtestutil.h"

#include <random>

namespace shmqtest {

inline constexpr std::uint32_t kMaxBody = 200;
inline constexpr std::uint32_t kMaxTestMessage = sizeof(MessageHead) + kMaxBody;
inline constexpr std::uint32_t kMaxIds = 4u << 20;   // messages per round
inline constexpr std::uint32_t kMaxConsumers = 8192; // consumer children per round
inline constexpr std::uint32_t kMaxProducers = 8192; // producer children per round

enum ErrorKind : int {
    ErrTorn,          // a message that get() returned Ok for failed its checksum
    ErrDuplicate,     // an id claimed twice
    ErrFifo,          // a producer's messages seen out of order by one consumer
    ErrUnexpected,    // an unexpected Result from put/get
    ErrCorruptResult, // get() returned Corrupt (only allowed in the garbage test)
    ErrCount
};

enum MsgState : std::uint8_t { Unused = 0, Attempting = 1, Acked = 2 };

struct Inbox
{
    std::atomic<std::uint32_t> busy;
    alignas(8) unsigned char data[kMaxTestMessage];
};

struct SharedState
{
    std::atomic<std::uint32_t> nextId;
    std::atomic<std::uint32_t> stop;
    std::atomic<std::uint64_t> gotTotal;
    std::atomic<std::uint64_t> putTotal;
    std::atomic<std::int64_t> progressNs; // first claim after the parent reset it to 0 (consumer's clock)
    std::atomic<std::uint32_t> errors[ErrCount];
    std::atomic<std::uint32_t> firstErrorId;
    std::atomic<std::uint8_t> msgState[kMaxIds];
    std::atomic<std::uint32_t> gotBy[kMaxIds];
    Inbox inbox[kMaxConsumers];
};

inline std::uint32_t bodyLengthFor(std::uint32_t id)
{
    return std::uint32_t(mix(id * 7919ull + 11) % (kMaxBody + 1));
}

/// One round of producers and consumers over one queue.
class Harness
{
public:
    bool allowCorruption = false; // garbage test: Corrupt results and duplicates are expected
    shmq::Duration opTimeout = std::chrono::milliseconds(50);

    explicit Harness(shmq::Queue &queue) : m_queue(queue)
    {
        m_shared = sharedArray<SharedState>(1);
        m_lastSeq.assign(kMaxProducers, UINT32_MAX);
    }
    ~Harness()
    {
        m_kids.killAll();
        freeShared(m_shared, 1);
    }
    Harness(const Harness &) = delete;
    Harness &operator=(const Harness &) = delete;

    bool ok() const { return m_shared != nullptr; }
    SharedState &shared() { return *m_shared; }
    Children &kids() { return m_kids; }

    struct Member
    {
        pid_t pid = 0;
        std::uint32_t id = 0;
        bool producer = false;
    };

    Member spawnProducer(shmq::FaultPoint fault = shmq::FaultPoint::None, unsigned faultAfter = 1)
    {
        const std::uint32_t pid = m_nextProducer++;
        Member m{0, pid, true};
        m.pid = m_kids.spawn([this, pid, fault, faultAfter] {
            if (fault != shmq::FaultPoint::None)
                shmq::armFault(fault, faultAfter);
            return producerBody(pid);
        });
        return m;
    }

    Member spawnConsumer(shmq::FaultPoint fault = shmq::FaultPoint::None, unsigned faultAfter = 1)
    {
        const std::uint32_t cid = m_nextConsumer++;
        Member m{0, cid, false};
        m.pid = m_kids.spawn([this, cid, fault, faultAfter] {
            if (fault != shmq::FaultPoint::None)
                shmq::armFault(fault, faultAfter);
            return consumerBody(cid);
        });
        return m;
    }

    /// Remember a consumer that was killed at a moment that may lie after its get's commit
    /// point (a random SIGKILL): a message left in its inbox is credited to it. Consumers killed
    /// by a fault hook placed before the commit point are not credited: their message must
    /// still reach another consumer.
    void noteKilledConsumer(std::uint32_t cid) { m_killedConsumers.push_back(cid); }
    bool canSpawnMore() const { return m_nextConsumer < kMaxConsumers && m_nextProducer < kMaxProducers; }

    /// Result of verify(): zero everywhere means exactly-once held.
    struct Report
    {
        std::uint64_t ids = 0, acked = 0, gotDistinct = 0, takenByDead = 0, unackedDelivered = 0;
        std::uint64_t lostAcked = 0, phantom = 0;
        std::uint32_t errors[ErrCount] = {};
        std::uint64_t queuePuts = 0, queueGets = 0;
        std::string text() const
        {
            std::string s = "ids " + std::to_string(ids) + ", acked " + std::to_string(acked) + ", got " +
                            std::to_string(gotDistinct) + " (" + std::to_string(takenByDead) +
                            " taken by killed consumers, " + std::to_string(unackedDelivered) +
                            " unacked but committed), lost acked " + std::to_string(lostAcked) +
                            ", phantom " + std::to_string(phantom) + ", queue puts/gets " +
                            std::to_string(queuePuts) + "/" + std::to_string(queueGets) + ", errors torn " +
                            std::to_string(errors[ErrTorn]) + " dup " + std::to_string(errors[ErrDuplicate]) +
                            " fifo " + std::to_string(errors[ErrFifo]) + " unexpected " +
                            std::to_string(errors[ErrUnexpected]) + " corrupt " +
                            std::to_string(errors[ErrCorruptResult]);
            return s;
        }
    };

    /// Call after every producer and consumer has ended and the queue is drained.
    Report verify()
    {
        Report r;
        SharedState &s = *m_shared;
        for (std::uint32_t cid : m_killedConsumers) {
            Inbox &in = s.inbox[cid];
            MessageHead h;
            if (in.busy.load() &&
                parseMessage(in.data, sizeof(MessageHead) + std::min(kMaxBody, headBody(in.data)), &h) &&
                h.id < kMaxIds) {
                std::uint32_t expected = 0;
                if (s.gotBy[h.id].compare_exchange_strong(expected, cid + 1))
                    ++r.takenByDead;
            }
        }
        r.ids = std::min(s.nextId.load(), kMaxIds);
        for (std::uint32_t id = 0; id < r.ids; ++id) {
            const auto st = s.msgState[id].load();
            const bool got = s.gotBy[id].load() != 0;
            r.gotDistinct += got;
            if (st == Acked) {
                ++r.acked;
                r.lostAcked += !got;
            } else if (st == Attempting) {
                r.unackedDelivered += got;
            } else {
                r.phantom += got;
            }
        }
        for (int e = 0; e < ErrCount; ++e)
            r.errors[e] = s.errors[e].load();
        const auto st = m_queue.stats();
        r.queuePuts = st.puts;
        r.queueGets = st.gets;
        return r;
    }

    // ---- child bodies (run in forked children; no allocation, no Qt) ------------------------

    int producerBody(std::uint32_t producer)
    {
        SharedState &s = *m_shared;
        unsigned char buf[kMaxTestMessage];
        std::uint32_t seq = 0;
        while (!s.stop.load(std::memory_order_relaxed)) {
            const std::uint32_t id = s.nextId.fetch_add(1);
            if (id >= kMaxIds) {
                sleepUs(1000);
                continue;
            }
            const std::size_t len = makeMessage(buf, producer, seq, id, bodyLengthFor(id));
            s.msgState[id].store(Attempting);
            for (;;) {
                const shmq::Result res = m_queue.put(bytesOf(buf, len), opTimeout);
                if (res == shmq::Result::Ok)
                    break;
                if (res == shmq::Result::Closed)
                    return allowCorruption ? 0 : 3;
                if (res != shmq::Result::Timeout)
                    error(ErrUnexpected, id);
                if (allowCorruption && s.stop.load())
                    return 0;
            }
            s.msgState[id].store(Acked);
            s.putTotal.fetch_add(1, std::memory_order_relaxed);
            ++seq;
        }
        return 0;
    }

    int consumerBody(std::uint32_t cid)
    {
        SharedState &s = *m_shared;
        Inbox &in = s.inbox[cid];
        for (;;) {
            std::size_t len = 0;
            in.busy.store(1);
            const shmq::Result res = m_queue.get(std::as_writable_bytes(std::span(in.data)), len, opTimeout);
            if (res == shmq::Result::Closed)
                return 0;
            if (res == shmq::Result::Timeout) {
                if (allowCorruption && s.stop.load())
                    return 0;
                continue;
            }
            if (res == shmq::Result::Corrupt) {
                error(ErrCorruptResult, 0);
                continue;
            }
            if (res != shmq::Result::Ok) {
                error(ErrUnexpected, 0);
                continue;
            }
            MessageHead h;
            if (!parseMessage(in.data, len, &h) || h.id >= kMaxIds || h.producer >= kMaxProducers) {
                error(ErrTorn, 0);
                continue;
            }
            if (m_lastSeq[h.producer] != UINT32_MAX && h.seq <= m_lastSeq[h.producer] && !allowCorruption)
                error(ErrFifo, h.id);
            m_lastSeq[h.producer] = h.seq;
            std::uint32_t expected = 0;
            if (!s.gotBy[h.id].compare_exchange_strong(expected, cid + 1) && !allowCorruption)
                error(ErrDuplicate, h.id);
            std::memset(in.data, 0, sizeof(MessageHead));
            in.busy.store(0);
            s.gotTotal.fetch_add(1, std::memory_order_relaxed);
            if (s.progressNs.load(std::memory_order_relaxed) == 0) {
                std::int64_t zero = 0;
                s.progressNs.compare_exchange_strong(zero, nowNs());
            }
        }
    }

private:
    static std::uint32_t headBody(const unsigned char *data)
    {
        MessageHead h;
        std::memcpy(&h, data, sizeof h);
        return h.bodyLength;
    }
    void error(ErrorKind k, std::uint32_t id)
    {
        if (m_shared->errors[k].fetch_add(1) == 0)
            m_shared->firstErrorId.store(id);
    }

    shmq::Queue &m_queue;
    SharedState *m_shared = nullptr;
    Children m_kids;
    std::vector<std::uint32_t> m_lastSeq; // per consumer child (each child mutates its own copy)
    std::vector<std::uint32_t> m_killedConsumers;
    std::uint32_t m_nextProducer = 0;
    std::uint32_t m_nextConsumer = 0;
};

} // namespace shmqtest
