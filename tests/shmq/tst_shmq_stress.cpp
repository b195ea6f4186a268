// Stress and soak: the queue's crash-safety promises under SIGKILL, SIGSTOP and a peer that
// writes garbage over the segment.
//
//   label `stress` (default suite): at least 300 random SIGKILLs of producers and consumers,
//                                   plus a kill at every fault-hook point, blocked and stopped
//                                   peers, and a garbage-writing peer.
//   label `soak`   (scripts/test.sh --soak): the same binary with CONCURRENTE_SHMQ_KILLS=10000.
//
// The number of random kills comes from CONCURRENTE_SHMQ_KILLS (default 300). Kills are done in
// rounds of at most 300; every round ends by draining the queue and proving exactly-once
// delivery (see shmqharness.h for the bookkeeping).
#include "shmqharness.h"

#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

using namespace std::chrono_literals;
using namespace shmqtest;
using shmq::FaultPoint;
using shmq::Queue;
using shmq::Result;

namespace {

constexpr int kKillsPerRound = 300;
constexpr std::int64_t kProgressLimitNs = 200'000'000; // survivors continue within 200 ms

int killTarget()
{
    const char *env = std::getenv("CONCURRENTE_SHMQ_KILLS");
    const long v = env ? std::strtol(env, nullptr, 10) : 0;
    return v > 0 ? int(v) : 300;
}

char procState(pid_t pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    const int fd = open(path, O_RDONLY);
    if (fd < 0)
        return '?';
    char buf[512];
    const ssize_t n = read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return '?';
    buf[n] = 0;
    const char *p = std::strrchr(buf, ')');
    return p && p[1] && p[2] ? p[2] : '?';
}

bool waitForState(pid_t pid, char state, int ms)
{
    const auto end = nowNs() + std::int64_t(ms) * 1'000'000;
    while (nowNs() < end) {
        if (procState(pid) == state)
            return true;
        sleepUs(200);
    }
    return false;
}

bool killedBySigkill(int status)
{
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// Stops `pid` (SIGSTOP, waiting until it is stopped) until `holds()` says it was caught holding a
// lock, at most `attempts` times; before each try `between()` runs, and a try that missed lets
// the process go on. True when caught (the process stays stopped).
bool stopWhileHolding(pid_t pid, int attempts, const std::function<bool()> &holds,
                      const std::function<void()> &between)
{
    for (int k = 0; k < attempts; ++k) {
        between();
        kill(pid, SIGSTOP);
        siginfo_t si{};
        if (waitid(P_PID, pid, &si, WSTOPPED) != 0)
            return false;
        if (holds())
            return true;
        kill(pid, SIGCONT);
    }
    return false;
}

// Starts a peer that takes q's locks all the time (tryPut, tryGet) and stops it while it holds
// one. Returns its pid, or 0 when it could not be caught holding a lock.
pid_t stoppedBusyPeer(Queue &q, Children &kids, unsigned seed)
{
    const pid_t busy = kids.spawn([&] {
        std::byte b[16];
        std::size_t n;
        for (;;) {
            q.tryPut(std::as_bytes(std::span("busy", 4)));
            q.tryGet(b, n);
        }
        return 0;
    });
    std::mt19937 rng(seed);
    const bool caught = stopWhileHolding(
        busy, 20000, [&] { return q.stats().lockHolderPid == busy; }, [&] { sleepUs(long(rng() % 200)); });
    return caught ? busy : 0;
}

const FaultPoint kKillPoints[] = {
    FaultPoint::PutAfterLock,   FaultPoint::PutMidCopy,      FaultPoint::PutBeforeCommit,
    FaultPoint::PutAfterCommit, FaultPoint::PutBeforeUnlock, FaultPoint::GetAfterLock,
    FaultPoint::GetMidCopy,     FaultPoint::GetBeforeCommit, FaultPoint::GetBeforeUnlock};

bool isPutPoint(FaultPoint p)
{
    return p <= FaultPoint::PutBeforeUnlock;
}

} // namespace

class TestShmqStress : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void randomKillsAndEveryFaultPoint();
    void repairInterruptedByDeath();
    void killedBlockedWaiters();
    void stoppedLockHolder();
    void stoppedHolderOfAnAnonymousSegmentKeepsItsLock();
    void closeWhileAPutIsInFlight();
    void closedQueueDeliversADeadProducersMessage();
    void zombieLockHolderIsTakenOver();
    void killedSleeperCostsNothingLater();
    void liveProducerWithExitedMainThreadKeepsItsLock();
    void garbageWritingPeer();
};

void TestShmqStress::cleanup()
{
    SHMQ_VERIFY_NOTHING_LEFT();
}

void TestShmqStress::randomKillsAndEveryFaultPoint()
{
    const int target = killTarget();
    std::mt19937_64 rng{static_cast<std::uint64_t>(nowNs())};
    int killsDone = 0;
    int faultKills = 0;
    int round = 0;
    std::int64_t worstProgressNs = 0;
    std::uint64_t totalGot = 0, totalRecoveries = 0, totalTakenByDead = 0, totalUnacked = 0;
    while (killsDone < target) {
        ++round;
        shmq::OpenError err;
        auto q = Queue::create(testHint(), round % 2 ? 16 : 3, kMaxTestMessage, &err);
        QVERIFY2(q, err.message.c_str());
        Harness h(*q);
        QVERIFY(h.ok());
        std::vector<Harness::Member> members;
        for (int i = 0; i < 4; ++i) {
            members.push_back(h.spawnProducer());
            members.push_back(h.spawnConsumer());
        }
        int producerKills = 0, consumerKills = 0;
        const int roundKills = std::min(kKillsPerRound, target - killsDone);
        std::size_t nextPoint = 0;
        for (int k = 0; k < roundKills; ++k) {
            // A random moment: between 0 and 1.5 ms after the previous kill's recovery.
            sleepUs(long(rng() % 1500));
            const std::size_t victim = rng() % members.size();
            Harness::Member m = members[victim];
            QCOMPARE(kill(m.pid, SIGKILL), 0);
            // The time to progress is stamped by the consumer that makes it, so the parent's own
            // scheduling delays (the machine may be busy) do not count against the queue.
            const std::int64_t tKill = nowNs();
            h.shared().progressNs.store(0);
            QVERIFY(killedBySigkill(h.kids().reap(m.pid)));
            if (m.producer) {
                ++producerKills;
                members[victim] = h.spawnProducer();
            } else {
                ++consumerKills;
                h.noteKilledConsumer(m.id);
                members[victim] = h.spawnConsumer();
            }
            // Survivors (and the replacement) must make progress within 200 ms.
            if (h.shared().nextId.load() < kMaxIds - 1000) {
                const auto waitEnd = nowNs() + 5'000'000'000LL;
                while (h.shared().progressNs.load() == 0 && nowNs() < waitEnd)
                    sleepUs(50);
                const std::int64_t progress = h.shared().progressNs.load();
                QVERIFY2(progress != 0,
                         ("no progress at all after killing pid " + std::to_string(m.pid)).c_str());
                const std::int64_t took = std::max<std::int64_t>(0, progress - tKill);
                worstProgressNs = std::max(worstProgressNs, took);
                QVERIFY2(took <= kProgressLimitNs,
                         ("progress took " + std::to_string(took / 1000) + " us after killing pid " +
                          std::to_string(m.pid) + (m.producer ? " (producer)" : " (consumer)"))
                             .c_str());
            }
            // Every 30 random kills, one death at a fault-hook point (all of them each round).
            if (k % 30 == 29 && nextPoint < std::size(kKillPoints)) {
                const FaultPoint p = kKillPoints[nextPoint++];
                const unsigned after = 1 + unsigned(rng() % 20);
                const Harness::Member armed =
                    isPutPoint(p) ? h.spawnProducer(p, after) : h.spawnConsumer(p, after);
                int status = 0;
                QVERIFY2(h.kids().reapWithin(armed.pid, 20'000, &status),
                         (std::string("child armed at ") + shmq::describe(p) + " did not die").c_str());
                QVERIFY2(killedBySigkill(status), shmq::describe(p));
                if (!armed.producer && p == FaultPoint::GetBeforeUnlock)
                    h.noteKilledConsumer(armed.id); // died after its get committed
                isPutPoint(p) ? ++producerKills : ++consumerKills;
                ++faultKills;
            }
        }
        // Catch up on fault points a short round did not reach.
        for (; nextPoint < std::size(kKillPoints); ++nextPoint) {
            const FaultPoint p = kKillPoints[nextPoint];
            const Harness::Member armed = isPutPoint(p) ? h.spawnProducer(p, 1) : h.spawnConsumer(p, 1);
            int status = 0;
            QVERIFY(h.kids().reapWithin(armed.pid, 20'000, &status));
            QVERIFY2(killedBySigkill(status), shmq::describe(p));
            if (!armed.producer && p == FaultPoint::GetBeforeUnlock)
                h.noteKilledConsumer(armed.id);
            isPutPoint(p) ? ++producerKills : ++consumerKills;
            ++faultKills;
        }
        killsDone += roundKills;

        // Drain: stop the producers, close, let the consumers empty the queue.
        h.shared().stop.store(1);
        for (const auto &m : members) {
            if (!m.producer)
                continue;
            int status = 0;
            QVERIFY(h.kids().reapWithin(m.pid, 20'000, &status));
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "producer failed");
        }
        q->close();
        for (const auto &m : members) {
            if (m.producer)
                continue;
            int status = 0;
            QVERIFY(h.kids().reapWithin(m.pid, 20'000, &status));
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "consumer failed");
        }
        const auto r = h.verify();
        const auto st = q->stats();
        if (round == 1 || killsDone >= target)
            qInfo("round %d: %s; recoveries %llu", round, r.text().c_str(),
                  static_cast<unsigned long long>(st.recoveries));
        QCOMPARE(r.lostAcked, 0u);
        QCOMPARE(r.phantom, 0u);
        for (int e = 0; e < ErrCount; ++e)
            QVERIFY2(r.errors[e] == 0, r.text().c_str());
        QVERIFY2(r.unackedDelivered <= std::uint64_t(producerKills), r.text().c_str());
        QVERIFY2(r.takenByDead <= std::uint64_t(consumerKills), r.text().c_str());
        // The queue's own counters agree: every committed message was taken exactly once.
        QCOMPARE(r.queueGets, r.gotDistinct);
        QCOMPARE(r.queuePuts, r.gotDistinct);
        QCOMPARE(st.depthMessages, 0u);
        QCOMPARE(st.depthBytes, 0u);
        QCOMPARE(st.corruptions, 0u);
        QVERIFY(st.recoveries >= 1);
        totalGot += r.gotDistinct;
        totalRecoveries += st.recoveries;
        totalTakenByDead += r.takenByDead;
        totalUnacked += r.unackedDelivered;
        q->destroy();
    }
    qInfo("%d random kills + %d fault-point kills in %d rounds; %llu messages got exactly once; "
          "%llu repairs; %llu taken by consumers killed after their get committed; %llu committed by "
          "producers killed before their put returned; worst time to progress after a kill %.1f ms",
          killsDone, faultKills, round, static_cast<unsigned long long>(totalGot),
          static_cast<unsigned long long>(totalRecoveries), static_cast<unsigned long long>(totalTakenByDead),
          static_cast<unsigned long long>(totalUnacked), double(worstProgressNs) / 1e6);
    QVERIFY(killsDone >= 300);
}

void TestShmqStress::repairInterruptedByDeath()
{
    // A producer dies holding the lock; the process that takes over dies in the middle of its
    // repair; a third one must still repair and find exactly the committed messages.
    auto q = Queue::create(testHint(), 8, 64);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("one"), Result::Ok);
    QCOMPARE_RESULT(q->put("two"), Result::Ok);
    Children kids;
    const pid_t dyingProducer = kids.spawn([&] {
        shmq::armFault(FaultPoint::PutAfterCommit, 1);
        q->put("three");
        return 0;
    });
    QVERIFY(killedBySigkill(kids.reap(dyingProducer)));
    const pid_t dyingRepairer = kids.spawn([&] {
        shmq::armFault(FaultPoint::RepairMidway, 1);
        q->put("four");
        return 0;
    });
    QVERIFY(killedBySigkill(kids.reap(dyingRepairer)));
    QCOMPARE(q->stats().lockHolderPid, dyingRepairer);
    std::vector<std::string> got;
    for (;;) {
        std::vector<std::byte> b;
        const Result r = q->get(b, 500ms);
        if (r != Result::Ok)
            break;
        got.emplace_back(reinterpret_cast<const char *>(b.data()), b.size());
    }
    QCOMPARE(got, (std::vector<std::string>{"one", "two", "three"}));
    const auto st = q->stats();
    QCOMPARE(st.recoveries, 2u);
    QCOMPARE(st.corruptions, 0u);
    QCOMPARE(st.puts, 3u);
    QCOMPARE(st.gets, 3u);
}

void TestShmqStress::killedBlockedWaiters()
{
    auto q = Queue::create(testHint(), 2, 16);
    QVERIFY(q);
    auto *got = sharedArray<std::atomic<std::int64_t>>(4);
    QVERIFY(got);
    Children kids;
    auto consumer = [&](int slot) {
        return kids.spawn([&, slot] {
            std::byte b[16];
            std::size_t n = 0;
            if (q->get(b, n, shmq::kForever) != Result::Ok)
                return 1;
            got[slot].store(nowNs());
            return 0;
        });
    };
    const pid_t a = consumer(0);
    const pid_t b = consumer(1);
    // Both must be asleep in the kernel (past their bounded spin), not burning CPU.
    QVERIFY(waitForState(a, 'S', 2000));
    QVERIFY(waitForState(b, 'S', 2000));
    QCOMPARE(kill(a, SIGKILL), 0);
    QVERIFY(killedBySigkill(kids.reap(a)));
    const auto t0 = nowNs();
    QCOMPARE_RESULT(q->put("wake"), Result::Ok);
    int status = 0;
    QVERIFY(kids.reapWithin(b, 2000, &status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(got[1].load() - t0 < kProgressLimitNs, "surviving waiter was not woken in time");

    // The same for a producer blocked on a full queue.
    QCOMPARE_RESULT(q->put("x"), Result::Ok);
    QCOMPARE_RESULT(q->put("y"), Result::Ok);
    auto producer = [&](int slot) {
        return kids.spawn([&, slot] {
            if (q->put("z", shmq::kForever) != Result::Ok)
                return 1;
            got[slot].store(nowNs());
            return 0;
        });
    };
    const pid_t c = producer(2);
    const pid_t d = producer(3);
    QVERIFY(waitForState(c, 'S', 2000));
    QVERIFY(waitForState(d, 'S', 2000));
    QCOMPARE(kill(c, SIGKILL), 0);
    QVERIFY(killedBySigkill(kids.reap(c)));
    const auto t1 = nowNs();
    std::vector<std::byte> buf;
    QCOMPARE_RESULT(q->get(buf, 0ns), Result::Ok);
    QVERIFY(kids.reapWithin(d, 2000, &status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY2(got[3].load() - t1 < kProgressLimitNs, "surviving producer was not woken in time");
    QCOMPARE_RESULT(q->get(buf, 0ns), Result::Ok);
    QCOMPARE_RESULT(q->get(buf, 0ns), Result::Ok);
    QCOMPARE_RESULT(q->get(buf, 0ns), Result::Timeout);
    freeShared(got, 4);
}

void TestShmqStress::stoppedLockHolder()
{
    auto q = Queue::create(testHint(), 4, 16);
    QVERIFY(q);
    Children kids;
    // A busy peer that takes the lock all the time, stopped while it holds it.
    const pid_t busy = stoppedBusyPeer(*q, kids, 42);
    QVERIFY2(busy, "could not stop the peer while it held the lock");

    // Producers and consumers have a lock each. The side whose lock the stopped peer holds
    // times out on schedule, and stats() names the holder; the other side is not held up: it
    // goes on until the queue is full (putters) or empty (getters), and then times out too.
    const auto held = q->stats();
    const bool holdsPutLock = held.putLockHolderPid == busy;
    QVERIFY(holdsPutLock || held.getLockHolderPid == busy);
    auto blockedOp = [&](std::chrono::milliseconds timeout) {
        std::vector<std::byte> b;
        return holdsPutLock ? q->put("mine", timeout) : q->get(b, timeout);
    };
    auto otherOp = [&](std::chrono::milliseconds timeout) {
        std::vector<std::byte> b;
        return holdsPutLock ? q->get(b, timeout) : q->put("free", timeout);
    };
    for (const auto timeout : {30ms, 120ms}) {
        const auto t0 = nowNs();
        QCOMPARE_RESULT(blockedOp(timeout), Result::Timeout);
        const auto waited = nowNs() - t0;
        const auto want = std::chrono::nanoseconds(timeout).count();
        QVERIFY2(waited >= want && waited < want + 200'000'000, std::to_string(waited).c_str());
        if (holdsPutLock)
            QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("t", 1))), Result::Timeout);
        else {
            std::byte b[16];
            std::size_t n = 0;
            QCOMPARE_RESULT(q->tryGet(b, n), Result::Timeout);
        }
    }
    // The other side: at most `capacity` operations succeed (the queue ends full or empty),
    // each at once, then it times out on schedule as well.
    int done = 0;
    for (;;) {
        const auto t0 = nowNs();
        const Result r = otherOp(30ms);
        if (r == Result::Timeout) {
            QVERIFY2(nowNs() - t0 >= 30'000'000, "the free side gave up early");
            break;
        }
        QCOMPARE_RESULT(r, Result::Ok);
        QVERIFY2(nowNs() - t0 < 30'000'000, "the free side waited for the stopped holder");
        QVERIFY(++done <= 4);
    }
    const auto st = q->stats();
    QCOMPARE(st.lockHolderPid, busy);
    QCOMPARE(holdsPutLock ? st.putLockHolderPid : st.getLockHolderPid, busy);
    QCOMPARE(st.recoveries, 0u); // a stopped holder is alive: nobody steals its lock

    // Resumed, it releases the lock and goes on (its own counters move); killed later, at any
    // instant, the queue stays usable and nothing put afterwards is lost. The busy peer is killed
    // before "after" is put, so it cannot be the one that takes it.
    const auto getsBefore = q->stats().gets;
    kill(busy, SIGCONT);
    QTRY_VERIFY_WITH_TIMEOUT(q->stats().gets > getsBefore, 5000);
    kill(busy, SIGKILL);
    QVERIFY(killedBySigkill(kids.reap(busy)));
    // Drain what is left (the queue may be full: the free side filled it above), taking over a
    // lock the peer died holding on the way.
    std::vector<std::byte> b;
    while (q->get(b, 100ms) == Result::Ok) {
    }
    QCOMPARE_RESULT(q->put("after", 1s), Result::Ok);
    int afterSeen = 0;
    while (q->get(b, 100ms) == Result::Ok)
        afterSeen += std::string_view(reinterpret_cast<const char *>(b.data()), b.size()) == "after";
    QCOMPARE(afterSeen, 1);
    QCOMPARE(q->stats().corruptions, 0u);
}

void TestShmqStress::stoppedHolderOfAnAnonymousSegmentKeepsItsLock()
{
    // A run's queues are anonymous segments. A holder that keeps the lock past the foreign-holder
    // check (1 s) is asked whether it maps the segment: a stopped worker does, so its lock must
    // never be taken from it, however long it stays stopped.
    auto q = Queue::createAnonymous(testHint(), 4, 16);
    QVERIFY(q);
    Children kids;
    const pid_t busy = stoppedBusyPeer(*q, kids, 7);
    QVERIFY2(busy, "could not stop the peer while it held the lock");
    const bool holdsPutLock = q->stats().putLockHolderPid == busy;
    std::vector<std::byte> b;
    const Result r = holdsPutLock ? q->put("mine", 1500ms) : q->get(b, 1500ms);
    QCOMPARE_RESULT(r, Result::Timeout);
    const auto st = q->stats();
    QCOMPARE(st.corruptions, 0u);
    QCOMPARE(st.recoveries, 0u);
    QCOMPARE(holdsPutLock ? st.putLockHolderPid : st.getLockHolderPid, busy);
    kill(busy, SIGKILL);
    QVERIFY(killedBySigkill(kids.reap(busy)));
}

void TestShmqStress::closeWhileAPutIsInFlight()
{
    // close() lands while a producer is inside put (stopped holding the producers' lock, past its
    // closed check). "Closed" from get must still mean "drained": every put that returns Ok is
    // got, including the one in flight.
    int trials = 0;
    for (int attempt = 0; attempt < 40 && trials < 3; ++attempt) {
        auto q = Queue::create(testHint(), 64, 4096);
        QVERIFY(q);
        auto *acked = sharedArray<std::atomic<long>>(1);
        QVERIFY(acked);
        Children kids;
        const pid_t producer = kids.spawn([&] {
            std::vector<std::byte> msg(4096, std::byte{7});
            for (;;) {
                const Result r = q->put(msg, 5s);
                if (r == Result::Ok)
                    acked->fetch_add(1);
                else if (r == Result::Closed)
                    return 0;
            }
        });
        long got = 0;
        std::vector<std::byte> b;
        const bool inLock = stopWhileHolding(
            producer, 2000, [&] { return q->stats().putLockHolderPid == producer; },
            [&] {
                for (int j = 0; j < 3; ++j)
                    got += q->get(b, 20ms) == Result::Ok;
            });
        if (!inLock) {
            kids.killAll();
            freeShared(acked, 1);
            continue;
        }
        ++trials;
        q->close();
        // While the producer is stopped inside put, get cannot know the queue is drained.
        Result r;
        while ((r = q->get(b, 50ms)) == Result::Ok)
            ++got;
        QCOMPARE_RESULT(r, Result::Timeout);
        kill(producer, SIGCONT);
        int status = 0;
        QVERIFY(kids.reapWithin(producer, 5000, &status));
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        while ((r = q->get(b, 1s)) == Result::Ok)
            ++got;
        QCOMPARE_RESULT(r, Result::Closed);
        QCOMPARE(got, acked->load());
        freeShared(acked, 1);
    }
    QVERIFY2(trials >= 1, "could not stop the producer inside put");
}

void TestShmqStress::closedQueueDeliversADeadProducersMessage()
{
    // A producer dies after its commit word, then the queue is closed: the committed message is
    // still got (the repair publishes it), then Closed.
    auto q = Queue::create(testHint(), 8, 64);
    QVERIFY(q);
    Children kids;
    const pid_t producer = kids.spawn([&] {
        shmq::armFault(FaultPoint::PutAfterCommit, 1);
        q->put("committed");
        return 0;
    });
    QVERIFY(killedBySigkill(kids.reap(producer)));
    q->close();
    std::vector<std::byte> b;
    QCOMPARE_RESULT(q->get(b, 1s), Result::Ok);
    QCOMPARE(std::string_view(reinterpret_cast<const char *>(b.data()), b.size()), "committed");
    QCOMPARE_RESULT(q->get(b, 1s), Result::Closed);
    QCOMPARE(q->stats().recoveries, 1u);
}

void TestShmqStress::zombieLockHolderIsTakenOver()
{
    // The producer dies holding its lock after its commit word, and nobody has reaped it yet (a
    // zombie: kill(pid, 0) still succeeds). A waiting get and a tryGet loop both find the
    // message at once; a zombie is not mistaken for a foreign holder (no corruption counted).
    for (const bool tryOnly : {false, true}) {
        auto q = Queue::create(testHint(), 8, 64);
        QVERIFY(q);
        const pid_t producer = fork();
        if (producer == 0) {
            shmq::armFault(FaultPoint::PutAfterCommit, 1);
            q->put("from a zombie");
            _exit(0);
        }
        QVERIFY(producer > 0);
        siginfo_t si{};
        QCOMPARE(waitid(P_PID, producer, &si, WEXITED | WNOWAIT), 0); // dead, not reaped
        QCOMPARE(q->stats().putLockHolderPid, producer);
        const auto t0 = nowNs();
        std::vector<std::byte> b;
        Result r = Result::Timeout;
        if (tryOnly) {
            std::byte buf[64];
            std::size_t n = 0;
            while (r == Result::Timeout && nowNs() - t0 < 2'000'000'000)
                r = q->tryGet(buf, n);
        } else {
            r = q->get(b, 2s);
        }
        QCOMPARE_RESULT(r, Result::Ok);
        QVERIFY2(nowNs() - t0 < 200'000'000, std::to_string(nowNs() - t0).c_str());
        QCOMPARE(q->stats().corruptions, 0u);
        QCOMPARE(waitpid(producer, nullptr, 0), producer);
    }
}

void TestShmqStress::killedSleeperCostsNothingLater()
{
    // A getter killed while asleep in the kernel leaves at most its "someone sleeps" mark,
    // which the next put clears: afterwards puts and gets make no system calls again. Measured
    // here as: a stream of put+get pairs after the kill wakes nobody (the word stops changing).
    auto q = Queue::create(testHint(), 4, 16);
    QVERIFY(q);
    Children kids;
    const pid_t sleeper = kids.spawn([&] {
        std::byte b[16];
        std::size_t n = 0;
        return q->get(b, n, shmq::kForever) == Result::Ok ? 0 : 1;
    });
    QVERIFY(waitForState(sleeper, 'S', 2000));
    sleepUs(60'000); // past its spin: asleep on the futex
    QCOMPARE(kill(sleeper, SIGKILL), 0);
    QVERIFY(killedBySigkill(kids.reap(sleeper)));
    std::vector<std::byte> b;
    QCOMPARE_RESULT(q->put("one"), Result::Ok); // clears the mark (one needless wake-up)
    QCOMPARE_RESULT(q->get(b, 0ns), Result::Ok);
    // The data word lives at offset 256 of the segment (docs/shmq.md, Layout).
    const int fd = shm_open(q->name().c_str(), O_RDONLY, 0);
    QVERIFY(fd >= 0);
    auto readWord = [&] {
        std::uint32_t w = 0;
        if (pread(fd, &w, 4, 256) != 4)
            return ~0u;
        return w;
    };
    const std::uint32_t before = readWord();
    QCOMPARE(before & 0x8000'0000u, 0u);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE_RESULT(q->put("x"), Result::Ok);
        QCOMPARE_RESULT(q->get(b, 0ns), Result::Ok);
    }
    QCOMPARE(readWord(), before); // nobody was woken: no bump, no system call
    ::close(fd);
}

void TestShmqStress::liveProducerWithExitedMainThreadKeepsItsLock()
{
    // A producer whose main thread has exited while another thread keeps putting shows state Z in
    // /proc/<pid>/stat, like a zombie. It is alive: nobody may take its lock (two producers would
    // then write at once). Caught (SIGSTOP) while its thread holds the producers' lock, a tryPut
    // and a waiting get must leave the lock alone. So must a get and a put that wait past the
    // one second after which a long holder is checked for mapping the queue: such a process's
    // /proc/<pid>/maps is empty (its main thread took the address space along when it exited),
    // yet its other thread maps the queue.
    // Long messages keep the lock held long enough (the copy) to catch the holder with SIGSTOP.
    auto q = Queue::create(testHint(), 16, 65536);
    QVERIFY(q);
    Children kids;
    auto *shared = sharedArray<std::atomic<long>>(2); // [0] puts acknowledged, [1] stop flag
    QVERIFY(shared);
    const pid_t a = kids.spawn([&] {
        // The worker thread must not use anything on this thread's stack, which goes away when
        // this thread ends: it gets a handle of its own on the heap.
        auto *own = new Queue(std::move(*Queue::attach(q->name())));
        pthread_t t;
        pthread_create(
            &t, nullptr,
            [](void *arg) -> void * {
                auto *ctx = static_cast<std::pair<Queue *, std::atomic<long> *> *>(arg);
                static char m[65536];
                long i = 0;
                while (ctx->second[1].load() == 0) {
                    std::snprintf(m, 32, "A%ld", i);
                    if (ctx->first->put(std::string_view(m, sizeof m), 100ms) == Result::Ok)
                        ctx->second[0].store(++i);
                }
                _exit(0);
            },
            new std::pair<Queue *, std::atomic<long> *>(own, shared));
        // End only this thread, without unwinding through the test framework's frames (which
        // pthread_exit would do): the thread-group leader becomes a zombie, the process lives.
        syscall(SYS_exit, 0);
        return 0;
    });
    auto leaderState = [a] {
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/stat", int(a));
        char buf[512] = {};
        const int fd = open(path, O_RDONLY);
        const ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
        if (fd >= 0)
            ::close(fd);
        const char *paren = n > 0 ? std::strrchr(buf, ')') : nullptr;
        return paren && paren[1] && paren[2] ? paren[2] : '?';
    };
    QTRY_COMPARE_WITH_TIMEOUT(leaderState(), 'Z', 5000);

    long last = -1;
    long gaps = 0;
    std::vector<std::byte> v;
    auto take = [&](std::chrono::milliseconds timeout) {
        const Result r = q->get(v, timeout);
        if (r == Result::Ok) {
            const long n = std::atol(reinterpret_cast<const char *>(v.data()) + 1);
            gaps += n != last + 1;
            last = n;
        }
        return r;
    };
    int tries = 0;
    const bool caught = stopWhileHolding(
        a, 5000, [&] { return q->stats().putLockHolderPid == a; },
        [&] {
            // Keep the queue from filling up, so the producer is putting, not waiting for room.
            while (take(0ms) == Result::Ok) {
            }
            // A pause of varying length: a producer that fills all 16 slots within a fixed
            // pause would always be caught waiting for room, never inside put.
            sleepUs(10 + (tries++ % 20) * 10);
        });
    QVERIFY2(caught, "could not stop the producer while it held its lock");
    QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("t", 1))), Result::Timeout);
    while (take(30ms) == Result::Ok) {
    }
    // Well past the mapping check (docs/shmq.md, Limits): the empty queue makes the getter judge
    // the producers' holder after every slice, the putter judges it while waiting for the lock.
    QCOMPARE_RESULT(take(1500ms), Result::Timeout);
    QCOMPARE(q->stats().putLockHolderPid, a);
    QCOMPARE(q->stats().recoveries, 0u);
    QCOMPARE_RESULT(q->put(std::as_bytes(std::span("t", 1)), 1500ms), Result::Timeout);
    QCOMPARE(q->stats().recoveries, 0u); // nobody took the lock of the live producer
    QCOMPARE(q->stats().corruptions, 0u);
    QCOMPARE(q->stats().putLockHolderPid, a);
    kill(a, SIGCONT);
    shared[1].store(1);
    int status = 0;
    QVERIFY(kids.reapWithin(a, 5000, &status));
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    while (take(0ms) == Result::Ok) {
    }
    const auto st = q->stats();
    QCOMPARE(st.recoveries, 0u);
    QCOMPARE(st.corruptions, 0u);
    QCOMPARE(gaps, 0);
    QCOMPARE(last + 1, shared[0].load());
    freeShared(shared, 2);
}

void TestShmqStress::garbageWritingPeer()
{
    shmq::OpenError err;
    auto q = Queue::create(testHint(), 16, kMaxTestMessage, &err);
    QVERIFY2(q, err.message.c_str());
    Harness h(*q);
    QVERIFY(h.ok());
    h.allowCorruption = true;
    h.opTimeout = 20ms;
    std::vector<Harness::Member> members;
    for (int i = 0; i < 2; ++i) {
        members.push_back(h.spawnProducer());
        members.push_back(h.spawnConsumer());
    }
    // The scribbler maps the segment itself and writes random bytes anywhere: header and slots.
    const std::string name = q->name();
    const pid_t scribbler = h.kids().spawn([&] {
        const int fd = shm_open(name.c_str(), O_RDWR, 0);
        if (fd < 0)
            return 30;
        struct stat st
        {
        };
        fstat(fd, &st);
        auto *mem = static_cast<unsigned char *>(
            mmap(nullptr, std::size_t(st.st_size), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
        if (mem == MAP_FAILED)
            return 31;
        std::mt19937_64 r{static_cast<std::uint64_t>(getpid())};
        const auto end = nowNs() + 1'500'000'000;
        while (nowNs() < end) {
            const bool header = r() % 2;
            const std::size_t span = header ? 256 : std::size_t(st.st_size);
            const std::size_t len = 1 + r() % 16;
            const std::size_t at = r() % (span - len);
            for (std::size_t i = 0; i < len; ++i)
                mem[at + i] = static_cast<unsigned char>(r());
            sleepUs(long(r() % 200));
        }
        return 0;
    });
    // Meanwhile the parent keeps reading stats (it must not crash either).
    std::uint64_t maxCorruptions = 0;
    int status = 0;
    while (!h.kids().reapWithin(scribbler, 10, &status))
        maxCorruptions = std::max(maxCorruptions, q->stats().corruptions);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    h.shared().stop.store(1);
    for (const auto &m : members) {
        QVERIFY2(h.kids().reapWithin(m.pid, 20'000, &status), "a peer hung after the garbage");
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                 ("a peer crashed or failed: status " + std::to_string(status)).c_str());
    }
    const auto st = q->stats();
    const auto r = h.verify();
    qInfo("garbage peer: %llu corruptions detected (last culprit pid %d), %u corrupt gets reported, "
          "%llu repairs, %llu messages got; %s",
          static_cast<unsigned long long>(st.corruptions), int(st.lastCulpritPid), r.errors[ErrCorruptResult],
          static_cast<unsigned long long>(st.recoveries),
          static_cast<unsigned long long>(h.shared().gotTotal.load()), r.text().c_str());
    QVERIFY(st.corruptions > 0);
    QVERIFY(r.errors[ErrCorruptResult] > 0); // consumers were told
    QCOMPARE(r.errors[ErrTorn], 0u);         // and never handed a damaged message as Ok
    QCOMPARE(r.errors[ErrUnexpected], 0u);

    // After the garbage stops the queue still works for a fresh peer (once repaired). The
    // garbage may leave it full of slots that only a get clears (as corrupt), or a scribbled
    // live pid in the lock word that is taken over after ~1 s (kForeignHolderCheckNs), so the
    // fresh peer gets whenever its put times out, as a real consumer-producer would.
    std::vector<std::byte> b;
    Result pr = Result::Timeout;
    Result gr = Result::Timeout;
    const auto freshEnd = nowNs() + 10'000'000'000LL;
    while (pr != Result::Ok && nowNs() < freshEnd) {
        pr = q->put("still alive", 100ms);
        if (pr != Result::Ok)
            gr = q->get(b, 100ms);
    }
    const auto after = q->stats();
    const std::string state = "put " + std::string(shmq::describe(pr)) + ", last get " + shmq::describe(gr) +
                              "; puts " + std::to_string(after.puts) + ", gets " +
                              std::to_string(after.gets) + ", depth " + std::to_string(after.depthMessages) +
                              ", put lock " + std::to_string(after.putLockHolderPid) + ", get lock " +
                              std::to_string(after.getLockHolderPid) + ", closed " +
                              std::to_string(after.closed) + ", this pid " + std::to_string(getpid());
    QVERIFY2(pr == Result::Ok, state.c_str());
}

QTEST_APPLESS_MAIN(TestShmqStress)
#include "tst_shmq_stress.moc"
