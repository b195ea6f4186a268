// Integration: real processes. 4 producers x 4 consumers over one queue, checksummed messages,
// exactly-once and FIFO per producer; plus producers and consumers that attach by name.
#include "shmqharness.h"

#include <QTest>

using namespace std::chrono_literals;
using namespace shmqtest;
using shmq::Queue;
using shmq::Result;

class TestShmqIntegration : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void fourByFourExactlyOnce_data();
    void fourByFourExactlyOnce();
    void peersAttachByName();
};

void TestShmqIntegration::cleanup()
{
    SHMQ_VERIFY_NOTHING_LEFT();
}

void TestShmqIntegration::fourByFourExactlyOnce_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("messages");
    QTest::newRow("small ring, often full") << 4 << 200000;
    QTest::newRow("roomy ring") << 256 << 200000;
}

void TestShmqIntegration::fourByFourExactlyOnce()
{
    QFETCH(int, capacity);
    QFETCH(int, messages);
    shmq::OpenError err;
    auto q = Queue::create(testHint(), std::uint32_t(capacity), kMaxTestMessage, &err);
    QVERIFY2(q, err.message.c_str());
    Harness h(*q);
    QVERIFY(h.ok());
    std::vector<Harness::Member> members;
    for (int i = 0; i < 4; ++i) {
        members.push_back(h.spawnProducer());
        members.push_back(h.spawnConsumer());
    }
    // Let them run until enough messages went through, then stop producers and drain.
    const auto deadline = nowNs() + 60'000'000'000LL;
    while (h.shared().gotTotal.load() < std::uint64_t(messages) && nowNs() < deadline)
        sleepUs(1000);
    QVERIFY2(h.shared().gotTotal.load() >= std::uint64_t(messages), "no progress within 60 s");
    h.shared().stop.store(1);
    for (const auto &m : members) {
        if (!m.producer)
            continue;
        int status = 0;
        QVERIFY(h.kids().reapWithin(m.pid, 10'000, &status));
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    q->close();
    for (const auto &m : members) {
        if (m.producer)
            continue;
        int status = 0;
        QVERIFY(h.kids().reapWithin(m.pid, 10'000, &status));
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const auto r = h.verify();
    qInfo("%s", r.text().c_str());
    QCOMPARE(r.lostAcked, 0u);
    QCOMPARE(r.phantom, 0u);
    QCOMPARE(r.unackedDelivered, 0u); // nobody died: every attempt was acknowledged
    QCOMPARE(r.takenByDead, 0u);
    for (int e = 0; e < ErrCount; ++e)
        QCOMPARE(r.errors[e], 0u);
    QCOMPARE(r.acked, r.ids);
    QCOMPARE(r.gotDistinct, r.acked);
    QCOMPARE(r.queuePuts, r.acked);
    QCOMPARE(r.queueGets, r.acked);
    const auto st = q->stats();
    QCOMPARE(st.depthMessages, 0u);
    QCOMPARE(st.depthBytes, 0u);
    QCOMPARE(st.recoveries, 0u);
    QCOMPARE(st.corruptions, 0u);
    QVERIFY(st.highWater >= 1 && st.highWater <= std::uint64_t(capacity));
}

void TestShmqIntegration::peersAttachByName()
{
    auto q = Queue::create(testHint(), 8, 64);
    QVERIFY(q);
    const std::string name = q->name();
    Children kids;
    const int count = 2000;
    // The children attach by name (the way helper executables do) instead of inheriting the map.
    const pid_t producer = kids.spawn([&] {
        auto mine = Queue::attach(name);
        if (!mine)
            return 10;
        for (int i = 0; i < count; ++i) {
            const std::uint32_t v = std::uint32_t(i);
            if (mine->put(std::as_bytes(std::span(&v, 1)), 5s) != Result::Ok)
                return 11;
        }
        return 0;
    });
    std::atomic<std::uint32_t> *sum = sharedArray<std::atomic<std::uint32_t>>(2);
    QVERIFY(sum);
    const pid_t consumer = kids.spawn([&] {
        auto mine = Queue::attach(name);
        if (!mine)
            return 20;
        std::uint32_t expect = 0;
        for (int i = 0; i < count; ++i) {
            std::uint32_t v = 0;
            std::size_t n = 0;
            if (mine->get(std::as_writable_bytes(std::span(&v, 1)), n, 5s) != Result::Ok || n != 4)
                return 21;
            if (v != expect++)
                return 22;
            sum[0].fetch_add(v);
        }
        return 0;
    });
    int status = 0;
    QVERIFY(kids.reapWithin(producer, 30'000, &status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(kids.reapWithin(consumer, 30'000, &status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QCOMPARE(sum[0].load(), std::uint32_t(count * (count - 1) / 2));
    freeShared(sum, 2);
    QCOMPARE(q->stats().gets, std::uint64_t(count));
}

QTEST_APPLESS_MAIN(TestShmqIntegration)
#include "tst_shmq_integration.moc"
