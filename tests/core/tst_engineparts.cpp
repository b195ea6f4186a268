// Parts of the run engine without processes: the main program's own actions (MainActions) —
// the command lines it is sent and how each action completes or fails — and the joins in
// progress (JoinWaits).
#include "joinwaits.h"
#include "mainactions.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace concurrente;

namespace {

Event outcome(EventKind kind, const QJsonObject &fields = {})
{
    return Event::make(1, 100, kind, fields);
}

/// A MainActions whose main program is `alive`, with what it was sent and what failed.
struct Harness
{
    QList<QByteArray> sent;
    QStringList failures; ///< "action: why"
    QStringList done;     ///< the order in which actions completed
    bool alive = true;
    MainActions actions{
        [this](const QByteArray &line) {
            if (alive)
                sent.append(line);
            return alive;
        },
        [this](const QString &a, const QString &why) { failures.append(a + u": "_qs + why); }};
    std::function<void()> mark(const QString &name)
    {
        return [this, name] { done.append(name); };
    }
};

} // namespace

class TestEngineParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandLines();
    void outcomesCompleteInOrder();
    void recvLoopCompletesOnItsEnd();
    void refusedCommandsFail();
    void mainProgramEnded();
    void oneCallAtATime();
    void joinsCompleteOnEndOrTimeout();
    void cancelledJoinsNeverComplete();
};

void TestEngineParts::commandLines()
{
    Harness h;
    h.actions.put(u"fd:5"_qs, u"q"_qs, QJsonValue(2.5), {});
    h.actions.put(u"fd:5"_qs, u"q"_qs, QJsonValue(u"a\tb"_qs), {});
    h.actions.get(u"fd:5"_qs, u"q"_qs, -1, u"Se lee de la cola:"_qs, {});
    h.actions.send(u"p"_qs, QJsonValue(), {});
    h.actions.send(u"p"_qs, QJsonValue(0.1), {});
    h.actions.recv(u"p"_qs, true, 250, {});
    QVERIFY(h.actions.call(u"squares"_qs, {{u"n"_qs, 3}}, {}));
    // Floats as Python prints them (repr: 0.1); sequence numbers count per kind.
    QCOMPARE(h.sent, (QList<QByteArray>{
                         "put\tfd:5\tq\t0\t2.5\n",
                         "put\tfd:5\tq\t1\t\"a\\\\tb\"\n",
                         "get\tfd:5\tq\t60000\tSe lee de la cola:\n",
                         "send\tp\tp\t0\tnone\t\n",
                         "send\tp\tp\t1\tfloat\t0.1\n",
                         "recv\tp\tp\t1\t250\n",
                         "call\tsquares\tn=3\n",
                     }));
}

void TestEngineParts::outcomesCompleteInOrder()
{
    Harness h;
    h.actions.put(u"fd:5"_qs, u"q"_qs, QJsonValue(1), h.mark(u"put"_qs));
    h.actions.get(u"fd:5"_qs, u"q"_qs, 0, {}, h.mark(u"get"_qs));
    QVERIFY(h.actions.isOutcome(outcome(EventKind::Put)));
    QVERIFY(!h.actions.isOutcome(outcome(EventKind::Print)));
    h.actions.complete(outcome(EventKind::Put));
    QCOMPARE(h.done, QStringList{u"put"_qs});
    // q.get(timeout=0) on an empty queue: queue.Empty, as the main program would see it.
    h.actions.complete(outcome(EventKind::GetFailed, {{u"type"_qs, u"Empty"_qs}}));
    QCOMPARE(h.done, (QStringList{u"put"_qs, u"get"_qs}));
    QCOMPARE(h.failures, QStringList{u"get: Empty"_qs});
    // An outcome nobody waits for completes nothing.
    h.actions.complete(outcome(EventKind::Put));
    QCOMPARE(h.done.size(), 2);
}

void TestEngineParts::recvLoopCompletesOnItsEnd()
{
    Harness h;
    h.actions.recv(u"p"_qs, true, -1, h.mark(u"recv"_qs));
    h.actions.complete(outcome(EventKind::Get));
    h.actions.complete(outcome(EventKind::Get));
    QVERIFY(h.done.isEmpty());
    h.actions.complete(outcome(EventKind::RecvDone));
    QCOMPARE(h.done, QStringList{u"recv"_qs});
}

void TestEngineParts::refusedCommandsFail()
{
    Harness h;
    h.actions.send(u"p"_qs, QJsonValue(1), h.mark(u"send"_qs));
    const Event refused = outcome(EventKind::CommandError,
                                  {{u"line"_qs, u"send\tp\tp\t0\tint\t1"_qs}, {u"message"_qs, u"closed"_qs}});
    QVERIFY(h.actions.isOutcome(refused));
    h.actions.complete(refused);
    QCOMPARE(h.done, QStringList{u"send"_qs});
    QCOMPARE(h.failures, QStringList{u"send: closed"_qs});
    // A refused start is not one of these actions.
    QVERIFY(!h.actions.isOutcome(outcome(EventKind::CommandError, {{u"line"_qs, u"start\tx"_qs}})));
    // Nor a refused put when none is waiting.
    QVERIFY(!h.actions.isOutcome(outcome(EventKind::CommandError, {{u"line"_qs, u"put\tq"_qs}})));
}

void TestEngineParts::mainProgramEnded()
{
    Harness h;
    h.actions.put(u"fd:5"_qs, u"q"_qs, QJsonValue(1), h.mark(u"put"_qs));
    QVERIFY(h.actions.call(u"squares"_qs, {}, h.mark(u"call"_qs)));
    h.actions.mainEnded();
    QCOMPARE(h.done, (QStringList{u"put"_qs, u"call"_qs}));
    QCOMPARE(h.failures.size(), 2);
    QVERIFY(h.failures.at(0).startsWith(u"put: the main program ended before doing it"_qs));
    QVERIFY(h.failures.at(1).startsWith(u"call: the main program ended before finishing it"_qs));
    // Once it has ended, an action fails at once and nothing waits.
    h.alive = false;
    h.actions.get(u"fd:5"_qs, u"q"_qs, -1, {}, h.mark(u"get"_qs));
    QCOMPARE(h.done.last(), u"get"_qs);
    QCOMPARE(h.failures.last(), u"get: the main program has ended"_qs);
    h.actions.complete(outcome(EventKind::Get));
    QCOMPARE(h.done.size(), 3);
}

void TestEngineParts::oneCallAtATime()
{
    Harness h;
    QVERIFY(h.actions.call(u"squares"_qs, {}, h.mark(u"first"_qs)));
    QVERIFY(h.actions.isCallInProgress());
    QVERIFY(!h.actions.call(u"squares"_qs, {}, h.mark(u"second"_qs)));
    QCOMPARE(h.sent.size(), 1);
    h.actions.complete(outcome(EventKind::CallDone));
    QCOMPARE(h.done, QStringList{u"first"_qs});
    QVERIFY(!h.actions.isCallInProgress());
}

void TestEngineParts::joinsCompleteOnEndOrTimeout()
{
    QObject owner;
    QStringList reports;
    JoinWaits joins(
        [&](WorkerProcess *p, bool timedOut, int timeoutMs, bool implicit) {
            reports.append(QStringLiteral("%1 %2 %3 %4")
                               .arg(p ? u"p"_qs : u"-"_qs)
                               .arg(timedOut ? u"timeout"_qs : u"join"_qs)
                               .arg(timeoutMs)
                               .arg(implicit));
        },
        &owner);
    auto *a = reinterpret_cast<WorkerProcess *>(quintptr(0x10)); // only compared, never used
    auto *b = reinterpret_cast<WorkerProcess *>(quintptr(0x20));
    int doneA = 0, doneB = 0, doneTimed = 0;
    joins.wait(a, -1, false, [&] { ++doneA; });
    joins.wait(a, -1, true, [&] { ++doneA; });
    joins.wait(b, 30, false, [&] { ++doneTimed; });
    joins.wait(b, -1, false, [&] { ++doneB; });
    joins.processEnded(a);
    QCOMPARE(doneA, 2);
    QCOMPARE(reports, (QStringList{u"p join -1 0"_qs, u"p join -1 1"_qs}));
    // p.join(0.03) on a process that goes on: it times out, the other join of it waits on.
    QTRY_COMPARE(doneTimed, 1);
    QCOMPARE(reports.last(), u"p timeout 30 0"_qs);
    QCOMPARE(doneB, 0);
    joins.processEnded(b);
    QCOMPARE(doneB, 1);
    QVERIFY(joins.isEmpty());
}

void TestEngineParts::cancelledJoinsNeverComplete()
{
    QObject owner;
    int reports = 0, done = 0;
    JoinWaits joins([&](WorkerProcess *, bool, int, bool) { ++reports; }, &owner);
    auto *a = reinterpret_cast<WorkerProcess *>(quintptr(0x10));
    joins.wait(a, 1, false, [&] { ++done; });
    joins.wait(a, -1, false, [&] { ++done; });
    joins.cancelAll();
    QVERIFY(joins.isEmpty());
    // Its timer went with it: nothing fires later.
    QTimer settle;
    settle.setSingleShot(true);
    QSignalSpy spy(&settle, &QTimer::timeout);
    settle.start(50);
    QVERIFY(spy.wait(2000));
    joins.processEnded(a);
    QCOMPARE(reports, 0);
    QCOMPARE(done, 0);
}

QTEST_GUILESS_MAIN(TestEngineParts)
#include "tst_engineparts.moc"
