// Unit tests of predict → verdict (src/core/predict.h): each page's question, as its file in
// lessons/predict/ says, judged on hand-made run logs — a right and a wrong answer each, and
// the interleavings the OS may choose; the `predict` object through the run log. No processes.
#include "datapaths.h"
#include "predict.h"
#include "runlog.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

PredictQuestion question(const QString &key)
{
    QString error;
    const auto q = PredictQuestion::load(dataDir() + u"/lessons/predict/"_s + key + u".json"_s, &error);
    if (!q)
        qFatal("%s: %s", qPrintable(key), qPrintable(error));
    return *q;
}

ProcessRecord proc(const QString &name, const QString &kind, qint64 pid, qint64 ppid, std::optional<int> code,
                   const QString &id = {}, qint64 startNs = 0, qint64 endNs = 0)
{
    ProcessRecord r;
    r.name = name;
    r.id = id;
    r.kind = kind;
    r.pid = pid;
    r.ppid = ppid;
    r.exitcode = code;
    if (startNs)
        r.startNs = startNs;
    if (endNs)
        r.endNs = endNs;
    return r;
}

void add(RunLog &log, qint64 t, std::optional<qint64> pid, const QString &ev, const QJsonObject &f = {})
{
    log.addEvent(Event::make(t, pid, ev, f));
}

const qint64 ms = 1'000'000;

/// Page 6 (and 2): one worker `child` that ended with `code`.
RunLog exitLog(const QString &id, std::optional<int> code)
{
    RunLog log;
    log.processes = {proc(u"Process-1"_s, u"worker"_s, 11, 10, code, id, 100 * ms, 1100 * ms),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0, {}, 90 * ms, 1200 * ms)};
    add(log, 100 * ms, 11, u"start"_s, {{u"name"_s, u"Process-1"_s}, {u"ppid"_s, 10}});
    if (code)
        add(log, 1100 * ms, 11, u"join"_s, {{u"name"_s, u"Process-1"_s}});
    return log;
}

/// Page 3: worker `f` whose first reported ppid is `ppid`; a fork server at pid 20.
RunLog ppidLog(qint64 ppid)
{
    RunLog log;
    log.processes = {proc(u"Process-1"_s, u"worker"_s, 11, ppid, 0, u"f"_s, 100 * ms, 200 * ms),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0, {}, 90 * ms, 300 * ms),
                     proc(u"ForkServer"_s, u"forkserver"_s, 20, 10, 0, {}, 95 * ms, 300 * ms)};
    add(log, 101 * ms, 11, u"start"_s, {{u"name"_s, u"Process-1"_s}, {u"ppid"_s, ppid}});
    return log;
}

/// Page 5: two named workers and an unnamed one called `third`.
RunLog namesLog(const QString &third)
{
    RunLog log;
    log.processes = {proc(u"Worker 1"_s, u"worker"_s, 11, 10, 0, u"p1"_s, 100 * ms, 200 * ms),
                     proc(u"Worker 2"_s, u"worker"_s, 12, 10, 0, u"p2"_s, 100 * ms, 200 * ms),
                     proc(third, u"worker"_s, 13, 10, 0, u"p3"_s, 100 * ms, 200 * ms),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    return log;
}

/// Page 7: funP1..3 with these exit codes.
RunLog threeLog(int a, int b, int c)
{
    RunLog log;
    log.processes = {proc(u"funP1"_s, u"worker"_s, 11, 10, a, u"f1"_s, 1, 2),
                     proc(u"funP2"_s, u"worker"_s, 12, 10, b, u"f2"_s, 1, 2),
                     proc(u"funP3"_s, u"worker"_s, 13, 10, c, u"f3"_s, 1, 2),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    return log;
}

/// Page 1: the main program's two calls take `seqMs`, the two workers `parMs`.
RunLog speedLog(qint64 seqMs, qint64 parMs)
{
    RunLog log;
    log.processes = {proc(u"Process-1"_s, u"worker"_s, 11, 10, 0, u"sq_par"_s),
                     proc(u"Process-2"_s, u"worker"_s, 12, 10, 0, u"cu_par"_s),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    add(log, 0, 10, u"call"_s, {{u"task"_s, u"squares"_s}});
    add(log, seqMs / 2 * ms, 10, u"call_done"_s, {{u"task"_s, u"squares"_s}});
    add(log, seqMs / 2 * ms, 10, u"call"_s, {{u"task"_s, u"cubes"_s}});
    add(log, seqMs * ms, 10, u"call_done"_s, {{u"task"_s, u"cubes"_s}});
    const qint64 t0 = seqMs * ms + ms;
    add(log, t0, std::nullopt, u"start_request"_s, {{u"name"_s, u"Process-1"_s}});
    add(log, t0, std::nullopt, u"start_request"_s, {{u"name"_s, u"Process-2"_s}});
    add(log, t0 + parMs * ms, 11, u"join"_s, {{u"name"_s, u"Process-1"_s}});
    add(log, t0 + parMs * ms, 12, u"join"_s, {{u"name"_s, u"Process-2"_s}});
    return log;
}

/// Page 8: "1 thread" took `oneMs`, "2 threads" `twoMs`.
RunLog gilLog(qint64 oneMs, qint64 twoMs)
{
    RunLog log;
    log.processes = {
        proc(u"1 thread"_s, u"worker"_s, 11, 10, 0, u"thread1"_s, ms, (1 + oneMs) * ms),
        proc(u"2 threads"_s, u"worker"_s, 12, 10, 0, u"threads"_s, 5000 * ms, (5000 + twoMs) * ms),
        proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    return log;
}

/// Page 9: the daemon Worker 1, terminated at the main program's end or printing "Exiting".
RunLog daemonLog(bool printed)
{
    RunLog log;
    log.processes = {proc(u"Worker 1"_s, u"worker"_s, 11, 10, printed ? 0 : -15, u"p1"_s, ms, 3000 * ms),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    add(log, 2 * ms, 11, u"print"_s, {{u"text"_s, u"Starting process Worker 1"_s}});
    if (printed)
        add(log, 2900 * ms, 11, u"print"_s, {{u"text"_s, u"Exiting process Worker 1"_s}});
    else
        add(log, 2900 * ms, 11, u"terminate"_s, {{u"name"_s, u"Worker 1"_s}, {u"by"_s, u"end_main"_s}});
    return log;
}

/// Page 10: Hijo (12) terminated; its child (13) moves to `adopter`.
RunLog orphanLog(qint64 adopter)
{
    RunLog log;
    ProcessRecord grandchild = proc(u"Process-1:1"_s, u"child"_s, 13, adopter, 0, {}, 200 * ms, 4000 * ms);
    grandchild.parentPid = 12;
    grandchild.parentName = u"Hijo"_s;
    log.processes = {proc(u"Hijo"_s, u"worker"_s, 12, 10, -15, u"child"_s, 100 * ms, 1500 * ms),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0), grandchild};
    add(log, 200 * ms, 13, u"start"_s, {{u"name"_s, u"Process-1:1"_s}, {u"ppid"_s, 12}});
    if (adopter != 12)
        add(log, 1600 * ms, 13, u"reparented"_s, {{u"ppid"_s, adopter}, {u"old_ppid"_s, 12}});
    return log;
}

QJsonObject msg(const QString &queue, qint64 seq, int value, qint64 producer)
{
    return {{u"queue"_s, queue}, {u"seq"_s, seq}, {u"value"_s, value}, {u"producer"_s, producer}};
}

/// Page 11: Productor (11) puts 0..4 on "jobs"; Consumidor (12) gets them in `order`.
RunLog orderLog(const QList<int> &order)
{
    RunLog log;
    log.processes = {proc(u"Productor"_s, u"worker"_s, 11, 10, 0, u"prod"_s, 1, 2),
                     proc(u"Consumidor"_s, u"worker"_s, 12, 10, 0, u"cons"_s, 1, 2),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    for (int i = 0; i < 5; ++i)
        add(log, (10 + i) * ms, 11, u"put"_s, msg(u"jobs"_s, i, i, 11));
    for (int i = 0; i < order.size(); ++i)
        add(log, (20 + i) * ms, 12, u"get"_s, msg(u"jobs"_s, order[i], order[i], 11));
    return log;
}

/// Page 12: the main program (10) puts 1..6 then two Nones; gets as `who` says (values 1..6,
/// the reader's pid each; a value may be got twice or never).
RunLog onceLog(const QList<std::pair<int, qint64>> &gets)
{
    RunLog log;
    log.processes = {proc(u"Lector 1"_s, u"worker"_s, 11, 10, 0, u"c1"_s, 1, 2),
                     proc(u"Lector 2"_s, u"worker"_s, 12, 10, 0, u"c2"_s, 1, 2),
                     proc(u"MainProcess"_s, u"main"_s, 10, 9, 0)};
    for (int v = 1; v <= 6; ++v)
        add(log, v * ms, 10, u"put"_s, msg(u"q"_s, v - 1, v, 10));
    QJsonObject none = msg(u"q"_s, 6, 0, 10);
    none.insert(u"value"_s, QJsonValue());
    add(log, 7 * ms, 10, u"put"_s, none);
    qint64 t = 10;
    for (const auto &[value, pid] : gets)
        add(log, ++t * ms, pid, u"get"_s, msg(u"q"_s, value - 1, value, 10));
    return log;
}

} // namespace

Q_DECLARE_METATYPE(RunLog)

class TestPredict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyQuestionFileLoads();
    void verdicts_data();
    void verdicts();
    void evidenceNamesTheDecidingFacts();
    void undecidedWhenTheRunStoppedEarly();
    void recordRoundTripsThroughTheRunLog();
    void olderLogsLoadWithoutPredict();
    void badPredictObjectIsRefused();
    void questionFileErrors_data();
    void questionFileErrors();
};

void TestPredict::everyQuestionFileLoads()
{
    const QDir dir(dataDir() + u"/lessons/predict"_s);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files) {
        QString error;
        const auto q = PredictQuestion::load(dir.filePath(f), &error);
        QVERIFY2(q, qPrintable(f + u": "_s + error));
        // Each names a preset that exists, and is found from it.
        const QString presetPath = dataDir() + u"/lessons/presets/"_s + f;
        QVERIFY2(QFile::exists(presetPath), qPrintable(f));
        QCOMPARE(PredictQuestion::forPreset(presetPath)->id, q->id);
    }
    QVERIFY(!PredictQuestion::forPreset(dataDir() + u"/lessons/presets/13-free-lab.json"_s));
}

void TestPredict::verdicts_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<RunLog>("log");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("verdict");

    const auto row = [](const char *name, const char *key, const RunLog &log, const char *answer,
                        const char *verdict) {
        QTest::newRow(name) << QString::fromLatin1(key) << log << QString::fromUtf8(answer)
                            << QString::fromLatin1(verdict);
    };
    row("p1 half: right", "01-motivation", speedLog(4000, 2100), "2.0", "right");
    row("p1 within tolerance", "01-motivation", speedLog(4000, 2400), "2.0", "right");
    row("p1 same as sequential: not quite", "01-motivation", speedLog(4000, 2100), "4.0", "not_quite");
    row("p2 exit 0: right", "02-creating-processes", exitLog(u"p"_s, 0), "0", "right");
    row("p2 exit 1: not quite", "02-creating-processes", exitLog(u"p"_s, 0), "1", "not_quite");
    row("p3 main: right", "03-pid-ppid", ppidLog(10), "main", "right");
    row("p3 self: not quite", "03-pid-ppid", ppidLog(10), "self", "not_quite");
    row("p3 forkserver run: forkserver right", "03-pid-ppid", ppidLog(20), "forkserver", "right");
    row("p3 forkserver run: main not quite", "03-pid-ppid", ppidLog(20), "main", "not_quite");
    row("p5 Process-3: right", "05-cpu-count-names", namesLog(u"Process-3"_s), "Process-3", "right");
    row("p5 Process-1: not quite", "05-cpu-count-names", namesLog(u"Process-3"_s), "Process-1", "not_quite");
    row("p6 -15: right", "06-join-terminate", exitLog(u"child"_s, -15), "-15", "right");
    row("p6 0: not quite", "06-join-terminate", exitLog(u"child"_s, -15), "0", "not_quite");
    // Which one is terminated is chance: any of the three is the same answer.
    row("p7 one, the first", "07-exercise-2", threeLog(-15, 0, 0), "1", "right");
    row("p7 one, the last", "07-exercise-2", threeLog(0, 0, -15), "1", "right");
    row("p7 three: not quite", "07-exercise-2", threeLog(0, -15, 0), "3", "not_quite");
    row("p8 no: right", "08-gil", gilLog(3000, 3100), "no", "right");
    row("p8 yes: not quite", "08-gil", gilLog(3000, 3100), "yes", "not_quite");
    row("p8 yes on a run without a lock", "08-gil", gilLog(3000, 1500), "yes", "right");
    row("p9 no: right", "09-daemons", daemonLog(false), "no", "right");
    row("p9 yes: not quite", "09-daemons", daemonLog(false), "yes", "not_quite");
    row("p9 main keeps running: yes right", "09-daemons", daemonLog(true), "yes", "right");
    row("p10 init: right", "10-orphans", orphanLog(1), "init", "right");
    row("p10 a subreaper: init right", "10-orphans", orphanLog(777), "init", "right");
    row("p10 creator: not quite", "10-orphans", orphanLog(1), "creator", "not_quite");
    row("p10 subreaper main: main right", "10-orphans", orphanLog(10), "main", "right");
    row("p11 put order: right", "11-queues-pipes", orderLog({0, 1, 2, 3, 4}), "put_order", "right");
    row("p11 any order: not quite", "11-queues-pipes", orderLog({0, 1, 2, 3, 4}), "other", "not_quite");
    row("p11 a broken queue: put order not quite", "11-queues-pipes", orderLog({0, 2, 1, 3, 4}), "put_order",
        "not_quite");
    // Any split between the two readers is a legal interleaving.
    row("p12 once, split", "12-exercise-3", onceLog({{1, 11}, {2, 12}, {3, 12}, {4, 11}, {5, 11}, {6, 12}}),
        "once", "right");
    row("p12 once, all to one", "12-exercise-3",
        onceLog({{1, 11}, {2, 11}, {3, 11}, {4, 11}, {5, 11}, {6, 11}}), "once", "right");
    row("p12 taking turns: not quite even when they did", "12-exercise-3",
        onceLog({{1, 11}, {2, 12}, {3, 11}, {4, 12}, {5, 11}, {6, 12}}), "alternating", "not_quite");
    row("p12 twice: not quite", "12-exercise-3",
        onceLog({{1, 11}, {2, 12}, {3, 12}, {4, 11}, {5, 11}, {6, 12}}), "twice", "not_quite");
    row("p12 a value lost: once not quite", "12-exercise-3",
        onceLog({{1, 11}, {2, 12}, {3, 12}, {4, 11}, {5, 11}, {5, 12}}), "once", "not_quite");
}

void TestPredict::verdicts()
{
    QFETCH(QString, key);
    QFETCH(RunLog, log);
    QFETCH(QString, answer);
    QFETCH(QString, verdict);
    const PredictQuestion q = question(key);
    const PredictRecord r = checkPrediction(q, answer, log);
    QCOMPARE(r.question, key);
    QCOMPARE(r.answer, answer);
    QCOMPARE(r.verdict, verdict);
    QVERIFY(!r.evidence.isEmpty());
    QVERIFY(!r.textEn.isEmpty() && !r.textEs.isEmpty());
}

void TestPredict::evidenceNamesTheDecidingFacts()
{
    const PredictRecord six =
        checkPrediction(question(u"06-join-terminate"_s), u"-15"_s, exitLog(u"child"_s, -15));
    QCOMPARE(six.evidence.size(), 1);
    QCOMPARE(six.evidence[0].what, u"exitcode"_s);
    QCOMPARE(six.evidence[0].process, u"Process-1"_s);
    QCOMPARE(six.evidence[0].value, u"-15"_s);
    QCOMPARE(six.evidence[0].tNs, std::optional<qint64>(1100 * ms));
    QCOMPARE(six.actualEn, u"-15"_s);

    const PredictRecord ten = checkPrediction(question(u"10-orphans"_s), u"creator"_s, orphanLog(1));
    QCOMPARE(ten.actual, u"init"_s);
    QCOMPARE(ten.actualEn, u"PID 1 (init) or the nearest subreaper"_s);
    bool moved = false;
    for (const PredictEvidence &e : ten.evidence)
        moved = moved || (e.what == u"new_ppid"_s && e.value == u"1"_s && e.tNs == 1600 * ms);
    QVERIFY(moved);
    QVERIFY(PredictText::evidence(ten.evidence.last()).contains(u"MainProcess"_s));

    const PredictRecord twelve =
        checkPrediction(question(u"12-exercise-3"_s), u"once"_s,
                        onceLog({{1, 11}, {2, 12}, {3, 11}, {4, 11}, {5, 12}, {6, 12}}));
    QCOMPARE(twelve.evidence.size(), 2);
    QCOMPARE(twelve.evidence[0].process, u"Lector 1"_s);
    QCOMPARE(twelve.evidence[0].value, u"1, 3, 4"_s);
    QCOMPARE(twelve.evidence[1].value, u"2, 5, 6"_s);
}

void TestPredict::undecidedWhenTheRunStoppedEarly()
{
    // The child never ended (the run was ended first): nothing to judge on.
    const PredictRecord r =
        checkPrediction(question(u"06-join-terminate"_s), u"-15"_s, exitLog(u"child"_s, std::nullopt));
    QCOMPARE(r.verdict, u"undecided"_s);
    QVERIFY(r.evidence.isEmpty());
    const PredictRecord none =
        checkPrediction(question(u"11-queues-pipes"_s), u"put_order"_s, orderLog({0, 1}));
    QCOMPARE(none.verdict, u"undecided"_s);
}

void TestPredict::recordRoundTripsThroughTheRunLog()
{
    RunLog log = exitLog(u"child"_s, -15);
    log.predict = checkPrediction(question(u"06-join-terminate"_s), u"-15"_s, log);
    const QJsonObject json = log.toJson();
    QVERIFY(json.contains(u"predict"_s));
    QCOMPARE(json.value(u"predict"_s).toObject().value(u"verdict"_s).toString(), u"right"_s);
    QString error;
    const auto back = RunLog::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->predict, log.predict);
    QCOMPARE(back->predict.evidence.first().tNs, std::optional<qint64>(1100 * ms));
}

void TestPredict::olderLogsLoadWithoutPredict()
{
    RunLog log = exitLog(u"child"_s, -15);
    const QJsonObject json = log.toJson();
    QVERIFY(!json.contains(u"predict"_s));
    const auto back = RunLog::fromJson(json);
    QVERIFY(back);
    QVERIFY(back->predict.isEmpty());
}

void TestPredict::badPredictObjectIsRefused()
{
    QJsonObject json = exitLog(u"child"_s, 0).toJson();
    json.insert(u"predict"_s, u"right"_s);
    QString error;
    QVERIFY(!RunLog::fromJson(json, &error));
    QVERIFY(error.contains(u"predict"_s));
    json.insert(u"predict"_s,
                QJsonObject{{u"question"_s, u"06-join-terminate"_s}, {u"verdict"_s, u"maybe"_s}});
    QVERIFY(!RunLog::fromJson(json, &error));
    QVERIFY(error.contains(u"predict"_s));
}

void TestPredict::questionFileErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no text") << QByteArray(R"({"input": "number", "rule": "exitcode"})") << u"question"_s;
    QTest::newRow("unknown rule") << QByteArray(R"({"question": "q", "input": "number", "rule": "guess"})")
                                  << u"rule"_s;
    QTest::newRow("one option")
        << QByteArray(
               R"({"question": "q", "input": "choice", "rule": "name", "options": [{"value": "a", "text": "A"}]})")
        << u"options"_s;
    QTest::newRow("bad input") << QByteArray(R"({"question": "q", "input": "slider", "rule": "name"})")
                               << u"input"_s;
}

void TestPredict::questionFileErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!PredictQuestion::fromJson(QJsonDocument::fromJson(json).object(), u"x"_s, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPredict)
#include "tst_predict.moc"
