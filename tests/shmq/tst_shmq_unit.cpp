// Unit tests of the shared-memory queue in one process (plus a few forked children where a
// second process is the point: stale-segment removal, a fault hook, a foreign owner).
#include "shmqtestutil.h"

#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>

using namespace std::chrono_literals;
using namespace shmqtest;
using shmq::Queue;
using shmq::Result;

namespace {
std::optional<Queue> makeQueue(std::uint32_t capacity, std::size_t maxMessage = shmq::kMaxMessageBytes)
{
    shmq::OpenError err;
    auto q = Queue::create(testHint(), capacity, maxMessage, &err);
    if (!q)
        qWarning("create failed: %s", err.message.c_str());
    return q;
}

Result getString(Queue &q, std::string &out, shmq::Duration timeout = 0ns)
{
    std::vector<std::byte> buf;
    const Result r = q.get(buf, timeout);
    out.assign(reinterpret_cast<const char *>(buf.data()), buf.size());
    return r;
}

// A segment with our prefix that we write by hand (for the malformed-attach cases).
struct RawSegment
{
    std::string name;
    int fd = -1;
    RawSegment(std::size_t size)
    {
        name = std::string(shmq::kNamePrefix) + std::to_string(getpid()) + "-" + testHint() + "-raw";
        shm_unlink(name.c_str());
        fd = shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 && ftruncate(fd, off_t(size)) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~RawSegment()
    {
        if (fd >= 0)
            ::close(fd);
        shm_unlink(name.c_str());
    }
    bool write(const void *data, std::size_t n, off_t at) { return pwrite(fd, data, n, at) == ssize_t(n); }
};

// Copies a real queue's segment bytes into a raw one (to then damage single fields).
bool cloneInto(const Queue &q, RawSegment &raw, std::size_t size)
{
    const std::string path = "/dev/shm" + q.name();
    const int src = open(path.c_str(), O_RDONLY);
    if (src < 0)
        return false;
    std::vector<char> bytes(size);
    const bool ok = pread(src, bytes.data(), size, 0) == ssize_t(size);
    ::close(src);
    return ok && raw.write(bytes.data(), size, 0);
}
} // namespace

class TestShmqUnit : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void fifoOrder();
    void capacityAndFull();
    void sizes_data();
    void sizes();
    void getBufferTooSmallKeepsMessage();
    void timeouts();
    void closeWakesWaiters();
    void closeDrainsThenReportsClosed();
    void stats();
    void attachByNameSharesState();
    void attachRefuses_data();
    void attachRefuses();
    void attachRefusesForeignOwner();
    void anonymousSegmentIsSealedAndUnnamed();
    void attachByDescriptorRefuses();
    void truncatedUnderAPeer_data();
    void truncatedUnderAPeer();
    void createRejectsBadArguments();
    void staleSegmentsRemoved();
    void staleSegmentOfAReusedPidRemoved();
    void faultHookKillsAndQueueRecovers();
    void smallMessagesShareCacheLines_data();
    void smallMessagesShareCacheLines();
    void garbageLockWordIsRepaired();
    void lockWordNamingAnUnrelatedProcess_data();
    void lockWordNamingAnUnrelatedProcess();
    void faultHookArmedByEnvironment();
    void envFaultChild(); // runs only as the exec'd child of faultHookArmedByEnvironment
};

void TestShmqUnit::cleanup()
{
    SHMQ_VERIFY_NOTHING_LEFT();
}

void TestShmqUnit::fifoOrder()
{
    auto q = makeQueue(16, 64);
    QVERIFY(q);
    for (int i = 0; i < 10; ++i)
        QCOMPARE_RESULT(q->put(std::to_string(i), 0ns), Result::Ok);
    for (int i = 0; i < 10; ++i) {
        std::string s;
        QCOMPARE_RESULT(getString(*q, s), Result::Ok);
        QCOMPARE(s, std::to_string(i));
    }
    std::string s;
    QCOMPARE_RESULT(getString(*q, s), Result::Timeout);
    // Wrap around the ring several times.
    for (int round = 0; round < 50; ++round) {
        QCOMPARE_RESULT(q->put(std::to_string(round)), Result::Ok);
        QCOMPARE_RESULT(q->put(std::to_string(round + 1000)), Result::Ok);
        QCOMPARE_RESULT(getString(*q, s), Result::Ok);
        QCOMPARE(s, std::to_string(round));
        QCOMPARE_RESULT(getString(*q, s), Result::Ok);
        QCOMPARE(s, std::to_string(round + 1000));
    }
}

void TestShmqUnit::capacityAndFull()
{
    auto q = makeQueue(4, 16);
    QVERIFY(q);
    QCOMPARE(q->capacity(), 4u);
    for (int i = 0; i < 4; ++i)
        QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("abcd", 4))), Result::Ok);
    QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("abcd", 4))), Result::Timeout);
    const auto t0 = nowNs();
    QCOMPARE_RESULT(q->put("x", 30ms), Result::Timeout);
    QVERIFY(nowNs() - t0 >= 30'000'000);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("efgh", 4))), Result::Ok);
    QCOMPARE(q->stats().depthMessages, 4u);
}

void TestShmqUnit::sizes_data()
{
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("zero") << qsizetype(0) << true;
    QTest::newRow("one") << qsizetype(1) << true;
    QTest::newRow("eight") << qsizetype(8) << true;
    QTest::newRow("odd 4097") << qsizetype(4097) << true;
    QTest::newRow("max") << qsizetype(shmq::kMaxMessageBytes) << true;
    QTest::newRow("max+1") << qsizetype(shmq::kMaxMessageBytes + 1) << false;
    QTest::newRow("huge 16 MiB") << qsizetype(16 << 20) << false;
}

void TestShmqUnit::sizes()
{
    QFETCH(qsizetype, length);
    QFETCH(bool, accepted);
    auto q = makeQueue(2);
    QVERIFY(q);
    std::vector<std::byte> msg(static_cast<std::size_t>(length));
    for (std::size_t i = 0; i < msg.size(); ++i)
        msg[i] = std::byte(i * 7 + 3);
    QCOMPARE_RESULT(q->put(msg, 0ns), accepted ? Result::Ok : Result::TooBig);
    QCOMPARE_RESULT(q->tryPut(msg), accepted ? Result::Ok : Result::TooBig);
    std::vector<std::byte> got;
    if (accepted) {
        QCOMPARE_RESULT(q->get(got, 0ns), Result::Ok);
        QVERIFY(got == msg);
        QCOMPARE(q->stats().depthBytes, std::uint64_t(length));
    }
    QCOMPARE_RESULT(q->get(got, 0ns), accepted ? Result::Ok : Result::Timeout);
    QCOMPARE(q->stats().depthBytes, 0u);
}

void TestShmqUnit::getBufferTooSmallKeepsMessage()
{
    auto q = makeQueue(2, 100);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("0123456789"), Result::Ok);
    std::byte small[4];
    std::size_t len = 0;
    QCOMPARE_RESULT(q->tryGet(small, len), Result::TooBig);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE(s, std::string("0123456789"));
    // A queue with a smaller limit refuses longer messages on put as well.
    QCOMPARE_RESULT(q->put(std::string(101, 'x')), Result::TooBig);
}

void TestShmqUnit::timeouts()
{
    auto q = makeQueue(1, 8);
    QVERIFY(q);
    std::string s;
    auto t0 = nowNs();
    QCOMPARE_RESULT(getString(*q, s, 50ms), Result::Timeout);
    auto waited = nowNs() - t0;
    QVERIFY2(waited >= 50'000'000 && waited < 500'000'000, std::to_string(waited).c_str());
    QCOMPARE_RESULT(q->put("a"), Result::Ok);
    t0 = nowNs();
    QCOMPARE_RESULT(q->put("b", 40ms), Result::Timeout);
    waited = nowNs() - t0;
    QVERIFY2(waited >= 40'000'000 && waited < 500'000'000, std::to_string(waited).c_str());
    // Zero timeout behaves like the try variants.
    QCOMPARE_RESULT(q->put("b", 0ns), Result::Timeout);
    QCOMPARE_RESULT(getString(*q, s, 0ns), Result::Ok);
    QCOMPARE_RESULT(getString(*q, s, 0ns), Result::Timeout);
}

void TestShmqUnit::closeWakesWaiters()
{
    auto q = makeQueue(1, 8);
    QVERIFY(q);
    std::atomic<int> closedGets{0};
    std::atomic<int> closedPuts{0};
    std::vector<std::thread> waiters;
    for (int i = 0; i < 3; ++i) {
        waiters.emplace_back([&] {
            std::byte b[8];
            std::size_t n;
            if (q->get(b, n, shmq::kForever) == Result::Closed)
                ++closedGets;
        });
    }
    // Put waiters need a full queue; use a second queue so the get waiters stay blocked.
    auto full = makeQueue(1, 8);
    QVERIFY(full);
    QCOMPARE_RESULT(full->put("f"), Result::Ok);
    std::vector<std::thread> putters;
    for (int i = 0; i < 2; ++i)
        putters.emplace_back([&] {
            if (full->put("g", shmq::kForever) == Result::Closed)
                ++closedPuts;
        });
    // Let them get to sleep (their spin phase is bounded by kSpinNs), then close.
    sleepUs(20'000);
    const auto t0 = nowNs();
    q->close();
    full->close();
    for (auto &t : waiters)
        t.join();
    for (auto &t : putters)
        t.join();
    QVERIFY2(nowNs() - t0 < 100'000'000, "close did not wake the waiters promptly");
    QCOMPARE(closedGets.load(), 3);
    QCOMPARE(closedPuts.load(), 2);
    QVERIFY(q->stats().closed);
}

void TestShmqUnit::closeDrainsThenReportsClosed()
{
    auto q = makeQueue(8, 8);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("1"), Result::Ok);
    QCOMPARE_RESULT(q->put("2"), Result::Ok);
    q->close();
    QCOMPARE_RESULT(q->put("3"), Result::Closed);
    QCOMPARE_RESULT(q->tryPut(std::as_bytes(std::span("3", 1))), Result::Closed);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s, 10ms), Result::Ok);
    QCOMPARE(s, std::string("1"));
    QCOMPARE_RESULT(getString(*q, s, 10ms), Result::Ok);
    QCOMPARE(s, std::string("2"));
    QCOMPARE_RESULT(getString(*q, s, shmq::kForever), Result::Closed);
}

void TestShmqUnit::stats()
{
    auto q = makeQueue(8, 32);
    QVERIFY(q);
    auto st = q->stats();
    QCOMPARE(st.puts, 0u);
    QCOMPARE(st.capacity, 8u);
    QCOMPARE(st.maxMessage, 32u);
    QCOMPARE(st.creatorPid, getpid());
    QCOMPARE(st.lockHolderPid, 0);
    QCOMPARE_RESULT(q->put("hello"), Result::Ok);
    QCOMPARE_RESULT(q->put("world!"), Result::Ok);
    QCOMPARE_RESULT(q->put("x"), Result::Ok);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    st = q->stats();
    QCOMPARE(st.puts, 3u);
    QCOMPARE(st.gets, 1u);
    QCOMPARE(st.depthMessages, 2u);
    QCOMPARE(st.depthBytes, 7u);
    QCOMPARE(st.highWater, 3u);
    QCOMPARE(st.recoveries, 0u);
    QCOMPARE(st.corruptions, 0u);
    QCOMPARE(st.closed, false);
    // Reading stats consumes nothing.
    QCOMPARE(q->stats().depthMessages, 2u);
}

void TestShmqUnit::attachByNameSharesState()
{
    auto q = makeQueue(4, 16);
    QVERIFY(q);
    QVERIFY(Queue::isOurName(q->name()));
    shmq::OpenError err;
    auto other = Queue::attach(q->name(), &err);
    QVERIFY2(other, err.message.c_str());
    QCOMPARE(other->capacity(), 4u);
    QCOMPARE(other->maxMessage(), std::size_t(16));
    QCOMPARE_RESULT(q->put("via creator"), Result::Ok);
    std::string s;
    QCOMPARE_RESULT(getString(*other, s), Result::Ok);
    QCOMPARE(s, std::string("via creator"));
    // Dropping the attached handle does not remove the segment; the creator's destroy does.
    other.reset();
    QVERIFY(Queue::attach(q->name()));
    const std::string name = q->name();
    q->destroy();
    err = {};
    QVERIFY(!Queue::attach(name, &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::NotFound);
}

void TestShmqUnit::attachRefuses_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("expected");
    QTest::newRow("missing") << QStringLiteral("missing") << int(shmq::OpenErrorCode::NotFound);
    QTest::newRow("not our name") << QStringLiteral("name") << int(shmq::OpenErrorCode::BadName);
    QTest::newRow("path tricks") << QStringLiteral("path") << int(shmq::OpenErrorCode::BadName);
    QTest::newRow("wrong magic") << QStringLiteral("magic") << int(shmq::OpenErrorCode::BadMagic);
    QTest::newRow("wrong version") << QStringLiteral("version") << int(shmq::OpenErrorCode::BadVersion);
    QTest::newRow("zero slots") << QStringLiteral("slots0") << int(shmq::OpenErrorCode::BadLayout);
    QTest::newRow("huge message limit") << QStringLiteral("maxmsg") << int(shmq::OpenErrorCode::BadLayout);
    QTest::newRow("slots beyond the file") << QStringLiteral("slotsbig") << int(shmq::OpenErrorCode::BadSize);
    QTest::newRow("file longer than layout") << QStringLiteral("longer") << int(shmq::OpenErrorCode::BadSize);
    QTest::newRow("file too short") << QStringLiteral("short") << int(shmq::OpenErrorCode::BadSize);
    QTest::newRow("readable by others") << QStringLiteral("mode") << int(shmq::OpenErrorCode::ForeignOwner);
}

void TestShmqUnit::attachRefuses()
{
    QFETCH(QString, damage);
    QFETCH(int, expected);
    auto q = makeQueue(4, 64);
    QVERIFY(q);
    struct stat st
    {
    };
    QCOMPARE(stat(("/dev/shm" + q->name()).c_str(), &st), 0);
    const std::size_t size = std::size_t(st.st_size);
    std::string name;
    std::optional<RawSegment> raw;
    const auto patch32 = [&](off_t at, std::uint32_t v) { return raw->write(&v, 4, at); };
    if (damage == u"missing") {
        name = std::string(shmq::kNamePrefix) + "1-" + testHint() + "-doesnotexist";
    } else if (damage == u"name") {
        name = "/some-other-app";
    } else if (damage == u"path") {
        name = std::string(shmq::kNamePrefix) + "../../etc/passwd";
    } else {
        raw.emplace(damage == u"longer" ? size + 64 : damage == u"short" ? 16 : size);
        QVERIFY(raw->fd >= 0);
        name = raw->name;
        if (damage != u"short")
            QVERIFY(cloneInto(*q, *raw, size));
        // Header offsets: magic 0, version 8, headerBytes 12, slots 16, stride 20, maxMessage 24.
        if (damage == u"magic")
            QVERIFY(patch32(0, 0xDEADBEEF));
        else if (damage == u"version")
            QVERIFY(patch32(8, 99));
        else if (damage == u"slots0")
            QVERIFY(patch32(16, 0));
        else if (damage == u"maxmsg")
            QVERIFY(patch32(24, 1u << 30));
        else if (damage == u"slotsbig")
            QVERIFY(patch32(16, 5000));
        else if (damage == u"mode")
            QCOMPARE(fchmod(raw->fd, 0644), 0);
    }
    shmq::OpenError err;
    auto attached = Queue::attach(name, &err);
    QVERIFY(!attached);
    QCOMPARE(int(err.code), expected);
    QVERIFY(!err.message.empty());
}

void TestShmqUnit::attachRefusesForeignOwner()
{
    auto q = makeQueue(2, 8);
    QVERIFY(q);
    const std::string path = "/dev/shm" + q->name();
    // Only root can give a file away; elsewhere the mode check above covers foreign segments.
    if (chown(path.c_str(), 65534, 65534) != 0)
        QSKIP("cannot chown a segment to another uid here (not root)");
    shmq::OpenError err;
    QVERIFY(!Queue::attach(q->name(), &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::ForeignOwner);
    QVERIFY(err.message.find("65534") != std::string::npos);
}

namespace {
/// How many descriptors of this process point to an anonymous segment labelled for us.
int ourMemfds()
{
    int n = 0;
    const std::string label = "/memfd:concurrente-q-" + std::to_string(getpid()) + "-" + testHint();
    if (DIR *d = opendir("/proc/self/fd")) {
        while (dirent *e = readdir(d)) {
            char target[256] = {};
            const std::string path = std::string("/proc/self/fd/") + e->d_name;
            if (readlink(path.c_str(), target, sizeof target - 1) > 0 &&
                std::string(target).starts_with(label))
                ++n;
        }
        closedir(d);
    }
    return n;
}
} // namespace

void TestShmqUnit::anonymousSegmentIsSealedAndUnnamed()
{
    shmq::OpenError err;
    auto q = Queue::createAnonymous(testHint(), 8, 64, &err);
    QVERIFY2(q, err.message.c_str());
    const int fd = q->fd();
    QVERIFY(fd >= shmq::kMinSegmentFd);
    QCOMPARE(q->name(), "fd:" + std::to_string(fd));
    QCOMPARE(Queue::descriptorOf(q->name()), std::optional<int>(fd));
    QVERIFY(fcntl(fd, F_GETFD) & FD_CLOEXEC); // passed on only on purpose
    QVERIFY(leftoverSegments().empty());      // no name anywhere
    QCOMPARE(unsigned(fcntl(fd, F_GET_SEALS)) & shmq::kRequiredSeals, shmq::kRequiredSeals);
    struct stat st
    {
    };
    QCOMPARE(fstat(fd, &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    const off_t size = st.st_size;
    // Neither this descriptor nor one reopened through /proc (what another process of ours
    // could do) can shrink, grow or unseal it.
    const int other = ::open(("/proc/self/fd/" + std::to_string(fd)).c_str(), O_RDWR | O_CLOEXEC);
    QVERIFY(other >= 0);
    for (int f : {fd, other}) {
        errno = 0;
        QCOMPARE(ftruncate(f, 0), -1);
        QCOMPARE(errno, EPERM);
        QCOMPARE(ftruncate(f, size + 4096), -1);
        QCOMPARE(errno, EPERM);
        QCOMPARE(posix_fallocate(f, size, 4096), EPERM);
        QCOMPARE(fcntl(f, F_ADD_SEALS, F_SEAL_WRITE), -1);
        QCOMPARE(errno, EPERM);
    }
    ::close(other);
    // Every page is there already (reserved, not merely sized).
    QCOMPARE(fstat(fd, &st), 0);
    QVERIFY(std::uint64_t(st.st_blocks) * 512 >= std::uint64_t(size));

    auto peer = Queue::attach(q->name(), &err);
    QVERIFY2(peer, err.message.c_str());
    QCOMPARE(peer->fd(), -1); // the descriptor stays the creator's
    QCOMPARE_RESULT(q->put("by descriptor"), Result::Ok);
    std::string s;
    QCOMPARE_RESULT(getString(*peer, s), Result::Ok);
    QCOMPARE(s, std::string("by descriptor"));
    QCOMPARE(ourMemfds(), 1);
    // The creator's destroy closes its descriptor; the peer's mapping keeps working, and the
    // memory is the kernel's to free once that is gone too.
    q->destroy();
    QCOMPARE(fcntl(fd, F_GETFD), -1);
    QCOMPARE(ourMemfds(), 0);
    QCOMPARE_RESULT(peer->put("still mapped"), Result::Closed);
    QVERIFY(peer->stats().closed);
}

void TestShmqUnit::attachByDescriptorRefuses()
{
    shmq::OpenError err;
    // Standard input: not a segment at all.
    QVERIFY(!Queue::attach("fd:0", &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::NotSealed);
    // A descriptor that is not open.
    QVERIFY(!Queue::attach("fd:999999", &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::NotFound);
    // Not a descriptor reference, nor one of our names.
    QVERIFY(!Queue::attach("fd:1x", &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::BadName);
    QVERIFY(!Queue::descriptorOf("fd:"));
    QVERIFY(!Queue::descriptorOf("fd:-1"));
    // A well-formed queue whose size is not sealed: someone could shrink it under us.
    auto q = Queue::createAnonymous(testHint(), 4, 64, &err);
    QVERIFY2(q, err.message.c_str());
    const int unsealed = memfd_create("concurrente-q-unsealed", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    QVERIFY(unsealed >= 0);
    struct stat st
    {
    };
    QCOMPARE(fstat(q->fd(), &st), 0);
    QCOMPARE(ftruncate(unsealed, st.st_size), 0);
    QCOMPARE(fchmod(unsealed, 0600), 0);
    std::vector<char> bytes(std::size_t(st.st_size));
    QCOMPARE(pread(q->fd(), bytes.data(), bytes.size(), 0), ssize_t(bytes.size()));
    QCOMPARE(pwrite(unsealed, bytes.data(), bytes.size(), 0), ssize_t(bytes.size()));
    QVERIFY(!Queue::attach("fd:" + std::to_string(unsealed), &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::NotSealed);
    // Sealed only against shrinking: still refused (growing would not hurt, but we ask for all).
    QCOMPARE(fcntl(unsealed, F_ADD_SEALS, F_SEAL_SHRINK), 0);
    QVERIFY(!Queue::attach("fd:" + std::to_string(unsealed), &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::NotSealed);
    // With the seals it is a valid queue (the checks that follow are those of a named segment).
    QCOMPARE(fcntl(unsealed, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SEAL), 0);
    QVERIFY2(Queue::attach("fd:" + std::to_string(unsealed), &err), err.message.c_str());
    ::close(unsealed);
}

void TestShmqUnit::truncatedUnderAPeer_data()
{
    QTest::addColumn<bool>("anonymous");
    QTest::newRow("named segment: the peer dies of SIGBUS") << false;
    QTest::newRow("anonymous sealed segment: the truncation is refused") << true;
}

void TestShmqUnit::truncatedUnderAPeer()
{
    // Any process of the same user truncates a live segment while a worker uses it. A named
    // segment cannot prevent it: the worker's next touch of the segment is a SIGBUS (why the
    // run's queues are anonymous now). A sealed anonymous one refuses it, and the worker goes on.
    QFETCH(bool, anonymous);
    shmq::OpenError err;
    auto q = anonymous ? Queue::createAnonymous(testHint(), 16, 256, &err)
                       : Queue::create(testHint(), 16, 256, &err);
    QVERIFY2(q, err.message.c_str());
    auto *flags = sharedArray<std::atomic<int>>(2); // [0] child attached, [1] stop
    QVERIFY(flags);
    Children children;
    const std::string ref = q->name();
    const pid_t child = children.spawn([&] {
        signal(SIGBUS, SIG_DFL); // die of it plainly, without the test library's crash report
        auto mine = Queue::attach(ref);
        if (!mine)
            return 3;
        flags[0].store(1);
        std::vector<std::byte> buf;
        while (flags[1].load() == 0) {
            if (mine->put("x", 100ms) != Result::Ok || mine->get(buf, 100ms) != Result::Ok)
                return 4;
        }
        return 0;
    });
    QVERIFY(child > 0);
    QTRY_VERIFY_WITH_TIMEOUT(flags[0].load() == 1, 10000);
    int truncated = 0;
    int why = 0;
    if (anonymous) {
        // What another process can reach: the worker's descriptor, reopened through /proc.
        const int fd = ::open(("/proc/" + std::to_string(child) + "/fd/" + std::to_string(q->fd())).c_str(),
                              O_RDWR | O_CLOEXEC);
        QVERIFY(fd >= 0);
        truncated = ftruncate(fd, 0);
        why = errno;
        ::close(fd);
    } else {
        const int fd = shm_open(ref.c_str(), O_RDWR | O_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        truncated = ftruncate(fd, 0);
        ::close(fd);
    }
    int status = 0;
    if (anonymous) {
        QCOMPARE(truncated, -1);
        QCOMPARE(why, EPERM);
        sleepUs(20'000); // the worker keeps going meanwhile
        flags[1].store(1);
        status = children.reap(child);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, std::to_string(status).c_str());
        QCOMPARE_RESULT(q->put("after"), Result::Ok);
    } else {
        QCOMPARE(truncated, 0);
        QVERIFY(children.reapWithin(child, 10000, &status));
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS, std::to_string(status).c_str());
        q->release(); // our own mapping is as dead as the child's: do not touch it
        shm_unlink(ref.c_str());
    }
    freeShared(flags, 2);
}

void TestShmqUnit::createRejectsBadArguments()
{
    shmq::OpenError err;
    QVERIFY(!Queue::create(testHint(), 0, 8, &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::BadArgument);
    QVERIFY(!Queue::create(testHint(), shmq::kMaxSlots + 1, 8, &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::BadArgument);
    QVERIFY(!Queue::create(testHint(), 4, shmq::kMaxMessageBytes + 1, &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::BadArgument);
    QVERIFY(!Queue::create(testHint(), shmq::kMaxSlots, shmq::kMaxMessageBytes, &err));
    QCOMPARE(err.code, shmq::OpenErrorCode::BadArgument);
    // Odd hints are sanitised, names are unguessable and distinct.
    auto a = Queue::create(testHint() + "/../x y", 1, 8, &err);
    auto b = Queue::create(testHint() + "/../x y", 1, 8, &err);
    QVERIFY(a && b);
    QVERIFY(a->name() != b->name());
    QVERIFY(Queue::isOurName(a->name()));
    struct stat st
    {
    };
    QCOMPARE(stat(("/dev/shm" + a->name()).c_str(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
}

void TestShmqUnit::staleSegmentsRemoved()
{
    auto live = makeQueue(1, 8);
    QVERIFY(live);
    // A child creates a queue and dies without cleaning up.
    int *nameLen = sharedArray<int>(1);
    char *nameBuf = sharedArray<char>(256);
    Children kids;
    const pid_t pid = kids.spawn([&] {
        auto q = Queue::create(testHint(), 1, 8);
        if (!q)
            return 1;
        std::memcpy(nameBuf, q->name().c_str(), q->name().size());
        *nameLen = int(q->name().size());
        q->release(); // keep the segment: we die without destroying it
        return 0;
    });
    const int status = kids.reap(pid);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const std::string staleName(nameBuf, std::size_t(*nameLen));
    freeShared(nameLen, 1);
    freeShared(nameBuf, 256);
    QVERIFY(Queue::attach(staleName));

    std::vector<std::string> removed;
    const int n = Queue::removeStaleSegments(&removed);
    QVERIFY(n >= 1);
    QVERIFY(std::find(removed.begin(), removed.end(), staleName) != removed.end());
    QVERIFY(std::find(removed.begin(), removed.end(), live->name()) == removed.end());
    QVERIFY(Queue::attach(live->name()));
    QVERIFY(!Queue::attach(staleName));
}

void TestShmqUnit::staleSegmentOfAReusedPidRemoved()
{
    // A segment whose creator died and whose pid now belongs to another live process: the pid
    // alone says "alive", the start time in the header (offset 56, docs/shmq.md) says otherwise.
    // Made here by giving a segment of ours a start time that is not ours.
    auto kept = makeQueue(1, 8);
    auto reused = makeQueue(1, 8);
    QVERIFY(kept && reused);
    const std::string path = "/dev/shm" + reused->name();
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    std::uint64_t start = 0;
    QCOMPARE(::pread(fd, &start, sizeof start, 56), ssize_t(sizeof start));
    QVERIFY2(start != 0, "the creator's start time is not in the header");
    const std::uint64_t other = start + 1;
    QCOMPARE(::pwrite(fd, &other, sizeof other, 56), ssize_t(sizeof other));
    ::close(fd);

    std::vector<std::string> removed;
    Queue::removeStaleSegments(&removed);
    QVERIFY(std::find(removed.begin(), removed.end(), reused->name()) != removed.end());
    QVERIFY(std::find(removed.begin(), removed.end(), kept->name()) == removed.end());
    QVERIFY(Queue::attach(kept->name()));
    QVERIFY(!Queue::attach(reused->name()));
}

void TestShmqUnit::faultHookKillsAndQueueRecovers()
{
    auto q = makeQueue(4, 64);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("before"), Result::Ok);
    Children kids;
    const pid_t pid = kids.spawn([&] {
        shmq::armFault(shmq::FaultPoint::PutMidCopy, 1);
        q->put("this one is torn by the death of its producer");
        return 0; // not reached
    });
    const int status = kids.reap(pid);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    // The dead child still holds the lock; the next operation repairs and goes on.
    QCOMPARE(q->stats().lockHolderPid, pid);
    const auto t0 = nowNs();
    QCOMPARE_RESULT(q->put("after", 1s), Result::Ok);
    QVERIFY(nowNs() - t0 < 200'000'000);
    auto st = q->stats();
    QCOMPARE(st.recoveries, 1u);
    QCOMPARE(st.puts, 2u);
    QCOMPARE(st.lockHolderPid, 0);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE(s, std::string("before"));
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE(s, std::string("after"));
    QCOMPARE_RESULT(getString(*q, s), Result::Timeout);

    // A producer that dies after its commit word but before publishing: the message counts.
    const pid_t pid2 = kids.spawn([&] {
        shmq::armFault(shmq::FaultPoint::PutAfterCommit, 1);
        q->put("committed");
        return 0;
    });
    QVERIFY(WIFSIGNALED(kids.reap(pid2)));
    // The consumer finds it by its commit word, before anyone repaired the producers' side:
    // head runs one ahead of the tail the dead producer never published.
    QCOMPARE_RESULT(getString(*q, s, 1s), Result::Ok);
    QCOMPARE(s, std::string("committed"));
    st = q->stats();
    QCOMPARE(st.gets, 3u);
    QCOMPARE(st.puts, 2u);
    QCOMPARE(st.depthMessages, 0u);
    QCOMPARE(st.lockHolderPid, pid2);
    // The next producer takes the lock over and rolls tail forward past the message already
    // got, so its own message lands in the next position and is got exactly once.
    QCOMPARE_RESULT(q->put("later", 1s), Result::Ok);
    st = q->stats();
    QCOMPARE(st.recoveries, 2u);
    QCOMPARE(st.puts, 4u);
    QCOMPARE(st.depthMessages, 1u);
    QCOMPARE_RESULT(getString(*q, s, 1s), Result::Ok);
    QCOMPARE(s, std::string("later"));
    QCOMPARE_RESULT(getString(*q, s), Result::Timeout);
    QCOMPARE(q->stats().corruptions, 0u);
}

void TestShmqUnit::smallMessagesShareCacheLines_data()
{
    QTest::addColumn<std::uint32_t>("capacity");
    QTest::newRow("power of two") << 8u;
    QTest::newRow("odd capacity") << 5u;
}

// A queue whose messages are at most 8 bytes long puts two slots on a cache line (32 bytes each,
// layout 7); anything longer keeps a line per slot. Neighbours on one line must stay apart:
// every length from 0 to the limit, many laps, and a producer killed half-way through the slot
// that shares its line with a waiting message.
void TestShmqUnit::smallMessagesShareCacheLines()
{
    QFETCH(std::uint32_t, capacity);
    // The slot size, seen from outside: how much the segment grows per added slot.
    auto segmentBytes = [](std::uint32_t slotCount, std::size_t maxMessage) -> qint64 {
        auto q = makeQueue(slotCount, maxMessage);
        struct stat st
        {
        };
        if (!q || ::stat(("/dev/shm" + q->name()).c_str(), &st) != 0)
            return -1;
        return qint64(st.st_size);
    };
    QCOMPARE(segmentBytes(8, 8) - segmentBytes(4, 8), 4 * 32);
    QCOMPARE(segmentBytes(8, 0) - segmentBytes(4, 0), 4 * 32);
    QCOMPARE(segmentBytes(8, 9) - segmentBytes(4, 9), 4 * 64);
    QCOMPARE(segmentBytes(8, 40) - segmentBytes(4, 40), 4 * 64);
    QCOMPARE(segmentBytes(8, 41) - segmentBytes(4, 41), 4 * 128);

    auto q = makeQueue(capacity, 8);
    QVERIFY(q);
    QCOMPARE(q->maxMessage(), 8u);
    QCOMPARE_RESULT(q->put("123456789", 0ns), Result::TooBig);
    // Lengths 0..8 with contents that name their position, three puts ahead of the gets so that
    // puts and gets meet on shared lines, for many laps of the ring.
    auto message = [](std::uint32_t i) {
        std::string m(i % 9, '\0');
        for (std::size_t k = 0; k < m.size(); ++k)
            m[k] = char('a' + (i * 7 + k) % 26);
        return m;
    };
    std::uint32_t put = 0, got = 0;
    std::string s;
    while (got < 40 * capacity) {
        while (put < got + std::min(3u, capacity))
            QCOMPARE_RESULT(q->put(message(put++), 0ns), Result::Ok);
        QCOMPARE_RESULT(getString(*q, s), Result::Ok);
        QCOMPARE(s, message(got++));
    }
    while (got < put) {
        QCOMPARE_RESULT(getString(*q, s), Result::Ok);
        QCOMPARE(s, message(got++));
    }
    QCOMPARE_RESULT(getString(*q, s), Result::Timeout);

    // A message waits in one half of a line while a producer dies half-way through writing the
    // other half: the waiting message arrives intact, nothing torn is delivered, and the next
    // put goes on from the repaired state.
    QCOMPARE_RESULT(q->put("waiting1", 0ns), Result::Ok);
    Children kids;
    const pid_t pid = kids.spawn([&] {
        shmq::armFault(shmq::FaultPoint::PutMidCopy, 1);
        q->put("torn-msg");
        return 0; // not reached
    });
    const int status = kids.reap(pid);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    QCOMPARE_RESULT(q->put("after", 1s), Result::Ok);
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE(s, std::string("waiting1"));
    QCOMPARE_RESULT(getString(*q, s), Result::Ok);
    QCOMPARE(s, std::string("after"));
    QCOMPARE_RESULT(getString(*q, s), Result::Timeout);
    const auto st = q->stats();
    QCOMPARE(st.recoveries, 1u);
    QCOMPARE(st.corruptions, 0u);
    QCOMPARE(st.puts, st.gets);
}

void TestShmqUnit::garbageLockWordIsRepaired()
{
    auto q = makeQueue(4, 16);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("kept"), Result::Ok);
    // Scribble over the lock word (offset 64, first field of the second cache line).
    const int fd = shm_open(q->name().c_str(), O_RDWR, 0);
    QVERIFY(fd >= 0);
    const std::uint32_t junk = 0x7FFF'FFF1u;
    QCOMPARE(pwrite(fd, &junk, 4, 64), ssize_t(4));
    ::close(fd);
    std::string s;
    QCOMPARE_RESULT(getString(*q, s, 1s), Result::Ok);
    QCOMPARE(s, std::string("kept"));
    const auto st = q->stats();
    QVERIFY(st.corruptions >= 1);
    QVERIFY(st.recoveries >= 1);
}

void TestShmqUnit::lockWordNamingAnUnrelatedProcess_data()
{
    QTest::addColumn<int>("callMs");
    QTest::newRow("one long call") << 5000;
    // Short calls must add up: each one alone is far below the foreign-holder check.
    QTest::newRow("many 100 ms calls") << 100;
}

void TestShmqUnit::lockWordNamingAnUnrelatedProcess()
{
    QFETCH(int, callMs);
    // A live process that does not map the queue (think: a pid scribbled into the lock word, or
    // a dead holder's pid already reused) must not hold the lock forever.
    auto q = makeQueue(2, 16);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("kept"), Result::Ok);
    Children kids;
    int *ready = sharedArray<int>(1);
    const pid_t stranger = kids.spawn([&] {
        q->release(); // unmap our inherited copy
        __atomic_store_n(ready, 1, __ATOMIC_SEQ_CST);
        for (;;)
            pause();
        return 0;
    });
    while (!__atomic_load_n(ready, __ATOMIC_SEQ_CST))
        sleepUs(100);
    freeShared(ready, 1);
    const int fd = shm_open(q->name().c_str(), O_RDWR, 0);
    QVERIFY(fd >= 0);
    const std::uint32_t word = std::uint32_t(stranger);
    QCOMPARE(pwrite(fd, &word, 4, 64), ssize_t(4));
    ::close(fd);
    QCOMPARE(q->stats().lockHolderPid, stranger);
    const auto t0 = nowNs();
    std::string s;
    Result r = Result::Timeout;
    while (r == Result::Timeout && nowNs() - t0 < 5'000'000'000)
        r = getString(*q, s, std::chrono::milliseconds(callMs));
    QCOMPARE_RESULT(r, Result::Ok);
    const auto took = nowNs() - t0;
    QVERIFY2(took >= 900'000'000 && took < 3'000'000'000, std::to_string(took).c_str());
    QCOMPARE(s, std::string("kept"));
    QVERIFY(q->stats().corruptions >= 1);
    QCOMPARE(q->stats().recoveries, 1u);
    kids.killAll();
}

void TestShmqUnit::faultHookArmedByEnvironment()
{
    auto q = makeQueue(4, 16);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("first"), Result::Ok);
    // The environment variable is read once per process, so the child is a fresh exec of this
    // test binary running only envFaultChild().
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("CONCURRENTE_SHMQ_FAULT", "put_before_commit:2", 1);
        setenv("SHMQ_TEST_QUEUE", q->name().c_str(), 1);
        execl("/proc/self/exe", "tst_shmq_unit", "envFaultChild", static_cast<char *>(nullptr));
        _exit(127);
    }
    QVERIFY(pid > 0);
    int status = 0;
    QCOMPARE(waitpid(pid, &status, 0), pid);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, std::to_string(status).c_str());
    // The child's first put went through; the second died before its commit word.
    std::string s;
    QCOMPARE_RESULT(getString(*q, s, 1s), Result::Ok);
    QCOMPARE(s, std::string("first"));
    QCOMPARE_RESULT(getString(*q, s, 1s), Result::Ok);
    QCOMPARE(s, std::string("child 1"));
    QCOMPARE_RESULT(getString(*q, s, 0ns), Result::Timeout);
    QCOMPARE(q->stats().recoveries, 1u);
}

void TestShmqUnit::envFaultChild()
{
    const char *name = std::getenv("SHMQ_TEST_QUEUE");
    if (!name)
        QSKIP("helper for faultHookArmedByEnvironment, not a test on its own");
    auto q = Queue::attach(name);
    QVERIFY(q);
    QCOMPARE_RESULT(q->put("child 1"), Result::Ok);
    q->put("child 2"); // the armed hook kills this process here
    QFAIL("the fault hook armed by CONCURRENTE_SHMQ_FAULT did not fire");
}

QTEST_APPLESS_MAIN(TestShmqUnit)
#include "tst_shmq_unit.moc"
