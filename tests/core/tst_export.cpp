// The export registry (a format per suffix, the longest one wins), the Chrome trace export and
// the run log's homework header (docs/run-log.md).
#include "export.h"
#include "runlog.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

/// A main program that starts a producer and a consumer; two messages through queue `q`, one
/// of them with a worker's print of `<script>` beside it.
RunLog messageLog(bool joinWait = false)
{
    RunLog log;
    log.appVersion = QStringLiteral("0.1.0");
    log.host = HostInfo::current();
    log.scenario = {{QStringLiteral("format"), QStringLiteral("concurrente-scenario/2")},
                    {QStringLiteral("file"), QStringLiteral("lessons/presets/11-queues-pipes.json")}};
    auto process = [](int index, const QString &name, qint64 pid, qint64 ppid, const QString &kind,
                      qint64 start, qint64 end) {
        ProcessRecord p;
        p.index = index;
        p.name = name;
        p.pid = pid;
        p.ppid = ppid;
        p.kind = kind;
        p.startNs = start;
        p.endNs = end;
        p.exitcode = 0;
        return p;
    };
    log.processes = {
        process(0, QStringLiteral("producer"), 201, 200, QStringLiteral("worker"), 1'000'000, 9'000'000),
        process(1, QStringLiteral("consumer"), 202, 200, QStringLiteral("worker"), 1'100'000, 9'500'000),
        process(-1, QStringLiteral("MainProcess"), 200, 100, QStringLiteral("main"), 500'000, 10'000'000)};
    const auto msg = [](qint64 seq, int value) {
        return QJsonObject{{QStringLiteral("queue"), QStringLiteral("q")},
                           {QStringLiteral("seq"), seq},
                           {QStringLiteral("value"), value},
                           {QStringLiteral("producer"), 201}};
    };
    log.addEvent(Event::make(1'200'000, 201, QStringLiteral("start"),
                             {{QStringLiteral("name"), QStringLiteral("producer")}}));
    log.addEvent(Event::make(1'300'000, 202, QStringLiteral("start"),
                             {{QStringLiteral("name"), QStringLiteral("consumer")}}));
    log.addEvent(Event::make(2'000'000, 201, QStringLiteral("put"), msg(0, 10)));
    log.addEvent(Event::make(2'500'000, 201, QStringLiteral("put"), msg(1, 20)));
    log.addEvent(Event::make(3'000'000, 202, QStringLiteral("get"), msg(0, 10)));
    log.addEvent(Event::make(3'500'000, 202, QStringLiteral("get"), msg(1, 20)));
    log.addEvent(Event::make(4'000'000, 202, QStringLiteral("print"),
                             {{QStringLiteral("text"), QStringLiteral("<script>alert(1)</script>")}}));
    if (joinWait)
        log.addEvent(Event::make(5'000'000, 201, QStringLiteral("join_begin"),
                                 {{QStringLiteral("name"), QStringLiteral("producer")}}));
    log.addEvent(Event::make(9'600'000, 201, QStringLiteral("join"),
                             {{QStringLiteral("name"), QStringLiteral("producer")}}));
    log.finalize(9'500'000);
    return log;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatByLongestSuffix_data();
    void formatByLongestSuffix();
    void unknownFormatIsRefused();
    void registeredFormatIsUsed();
    void traceStructure();
    void traceFileLoadsAsJson();
    void traceFollowsTheEventFormat();
    void traceShowsJoinWaits();
    void homeworkRoundTrips();
    void logWithoutHomeworkLoads();
    void homeworkMustBeAnObject();
};

void TestExport::formatByLongestSuffix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("run log") << QStringLiteral("/tmp/run.json") << QStringLiteral(".json");
    QTest::newRow("saved run") << QStringLiteral("a/b.concurrente-run.json") << QStringLiteral(".json");
    QTest::newRow("trace") << QStringLiteral("run.trace.json") << QStringLiteral(".trace.json");
    QTest::newRow("trace, upper case") << QStringLiteral("RUN.TRACE.JSON") << QStringLiteral(".trace.json");
    QTest::newRow("csv") << QStringLiteral("events.csv") << QStringLiteral(".csv");
    QTest::newRow("json named trace") << QStringLiteral("trace.json") << QStringLiteral(".json");
    QTest::newRow("no name, only a suffix") << QStringLiteral(".trace.json") << QStringLiteral(".json");
}

void TestExport::formatByLongestSuffix()
{
    QFETCH(QString, path);
    QFETCH(QString, suffix);
    const auto format = RunExporter::formatFor(path);
    QVERIFY(format);
    QCOMPARE(format->suffix, suffix);
    QVERIFY(RunExporter::isSupported(path));
}

void TestExport::unknownFormatIsRefused()
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("run.xlsx"));
    QVERIFY(!RunExporter::isSupported(path));
    QVERIFY(!RunExporter::write(messageLog(), path, &error));
    QVERIFY2(error.contains(QStringLiteral("run.xlsx")) && error.contains(QStringLiteral(".trace.json")),
             qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestExport::registeredFormatIsUsed()
{
    // A format added later (as the report library adds .html and .pdf) is chosen by its suffix,
    // and a longer suffix still wins over it.
    int written = 0;
    ExportFormat txt;
    txt.suffix = QStringLiteral(".txt");
    txt.name = "Text";
    txt.write = [&written](const RunLog &, const QString &, QString *) {
        ++written;
        return true;
    };
    RunExporter::registerFormat(txt);
    ExportFormat longer = txt;
    longer.suffix = QStringLiteral(".notes.txt");
    longer.write = [&written](const RunLog &, const QString &, QString *) {
        written += 10;
        return true;
    };
    RunExporter::registerFormat(longer);
    QVERIFY(RunExporter::write(messageLog(), QStringLiteral("/nonexistent/run.txt")));
    QCOMPARE(written, 1);
    QVERIFY(RunExporter::write(messageLog(), QStringLiteral("/nonexistent/run.notes.txt")));
    QCOMPARE(written, 11);
}

void TestExport::traceStructure()
{
    const RunLog log = messageLog();
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(RunExporter::toTrace(log), &perr);
    QCOMPARE(perr.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
    QVERIFY(!events.isEmpty());

    QHash<qint64, QString> trackNames;
    QHash<qint64, QPair<double, double>> lifetimes; // pid → [start, end] in µs
    QHash<qint64, QJsonObject> flowStarts, flowEnds;
    int instants = 0;
    const QSet<QString> phases = {QStringLiteral("M"), QStringLiteral("X"), QStringLiteral("i"),
                                  QStringLiteral("s"), QStringLiteral("f")};
    for (const QJsonValue &v : events) {
        // Every event of the format has ph, name, pid; every timed one a numeric ts.
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QStringLiteral("ph")).toString();
        QVERIFY2(phases.contains(ph), qPrintable(ph));
        QVERIFY(e.value(QStringLiteral("name")).isString());
        QVERIFY(e.value(QStringLiteral("pid")).isDouble());
        const qint64 pid = e.value(QStringLiteral("pid")).toInteger();
        if (ph != QLatin1String("M")) {
            QVERIFY(e.value(QStringLiteral("ts")).isDouble());
            QVERIFY(e.value(QStringLiteral("tid")).isDouble());
            QVERIFY(e.value(QStringLiteral("ts")).toDouble() >= 0);
        }
        if (ph == QLatin1String("M") &&
            e.value(QStringLiteral("name")).toString() == QLatin1String("process_name"))
            trackNames.insert(
                pid, e.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString());
        if (ph == QLatin1String("X")) {
            QVERIFY(e.value(QStringLiteral("dur")).toDouble() > 0);
            const double ts = e.value(QStringLiteral("ts")).toDouble();
            lifetimes.insert(pid, {ts, ts + e.value(QStringLiteral("dur")).toDouble()});
        }
        if (ph == QLatin1String("i")) {
            ++instants;
            QCOMPARE(e.value(QStringLiteral("s")).toString(), QStringLiteral("t"));
        }
        if (ph == QLatin1String("s"))
            flowStarts.insert(e.value(QStringLiteral("id")).toInteger(), e);
        if (ph == QLatin1String("f"))
            flowEnds.insert(e.value(QStringLiteral("id")).toInteger(), e);
    }
    // A track per process, named "name (pid)", each with its lifetime.
    QCOMPARE(trackNames.size(), 3);
    QCOMPARE(trackNames.value(201), QStringLiteral("producer (201)"));
    QCOMPARE(trackNames.value(202), QStringLiteral("consumer (202)"));
    QCOMPARE(trackNames.value(200), QStringLiteral("MainProcess (200)"));
    QCOMPARE(lifetimes.size(), 3);
    // start ×2, print, join.
    QCOMPARE(instants, 4);
    // Every message is a flow whose two ends pair up: from the producer's put to the
    // consumer's get, later, each inside its process's lifetime (flows bind to that slice).
    QCOMPARE(flowStarts.size(), 2);
    QCOMPARE(flowEnds.size(), 2);
    for (auto it = flowStarts.cbegin(); it != flowStarts.cend(); ++it) {
        QVERIFY(flowEnds.contains(it.key()));
        const QJsonObject s = it.value();
        const QJsonObject f = flowEnds.value(it.key());
        QCOMPARE(s.value(QStringLiteral("pid")).toInteger(), 201);
        QCOMPARE(f.value(QStringLiteral("pid")).toInteger(), 202);
        QCOMPARE(s.value(QStringLiteral("cat")), f.value(QStringLiteral("cat")));
        QCOMPARE(f.value(QStringLiteral("bp")).toString(), QStringLiteral("e"));
        const double ts = s.value(QStringLiteral("ts")).toDouble();
        const double tf = f.value(QStringLiteral("ts")).toDouble();
        QVERIFY(ts < tf);
        QVERIFY(ts >= lifetimes.value(201).first && ts <= lifetimes.value(201).second);
        QVERIFY(tf >= lifetimes.value(202).first && tf <= lifetimes.value(202).second);
    }
}

/// A structural check after the Trace Event Format (the JSON object form): the keys each
/// phase must have and their types, no key the format does not define, metadata naming every
/// track an event uses. Returns the first problem found, empty when none.
static QString traceProblem(const QJsonObject &trace)
{
    if (!trace.value(u"traceEvents"_s).isArray())
        return u"traceEvents: not an array"_s;
    const QString unit = trace.value(u"displayTimeUnit"_s).toString();
    if (unit != u"ms"_s && unit != u"ns"_s)
        return u"displayTimeUnit: %1"_s.arg(unit);
    if (trace.contains(u"otherData"_s) && !trace.value(u"otherData"_s).isObject())
        return u"otherData: not an object"_s;
    static const QSet<QString> known = {u"name"_s, u"cat"_s,   u"ph"_s,   u"ts"_s,   u"tts"_s, u"pid"_s,
                                        u"tid"_s,  u"dur"_s,   u"tdur"_s, u"args"_s, u"id"_s,  u"bp"_s,
                                        u"s"_s,    u"cname"_s, u"sf"_s,   u"stack"_s};
    static const QSet<QString> metadataNames = {u"process_name"_s, u"thread_name"_s, u"process_sort_index"_s,
                                                u"thread_sort_index"_s, u"process_labels"_s};
    QSet<qint64> namedProcesses, namedThreads, usedProcesses;
    const QJsonArray events = trace.value(u"traceEvents"_s).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString at = u"traceEvents[%1]"_s.arg(i);
        if (!events.at(i).isObject())
            return at + u": not an object"_s;
        const QJsonObject e = events.at(i).toObject();
        for (auto it = e.begin(); it != e.end(); ++it)
            if (!known.contains(it.key()))
                return u"%1: unknown key %2"_s.arg(at, it.key());
        const QString ph = e.value(u"ph"_s).toString();
        if (ph.size() != 1)
            return at + u": ph"_s;
        if (!e.value(u"name"_s).isString())
            return at + u": name"_s;
        const auto pid = jsonInteger(e.value(u"pid"_s)), tid = jsonInteger(e.value(u"tid"_s));
        if (!pid || !tid)
            return at + u": pid and tid must be integers"_s;
        if (e.contains(u"cat"_s) && !e.value(u"cat"_s).isString())
            return at + u": cat"_s;
        if (e.contains(u"args"_s) && !e.value(u"args"_s).isObject())
            return at + u": args"_s;
        if (ph == u"M"_s) {
            const QString name = e.value(u"name"_s).toString();
            if (!metadataNames.contains(name))
                return u"%1: metadata %2"_s.arg(at, name);
            const QJsonObject args = e.value(u"args"_s).toObject();
            if (name.endsWith(u"_name"_s) && !args.value(u"name"_s).isString())
                return at + u": args.name"_s;
            if (name.endsWith(u"_sort_index"_s) && !jsonInteger(args.value(u"sort_index"_s)))
                return at + u": args.sort_index"_s;
            if (name == u"process_name"_s)
                namedProcesses.insert(*pid);
            if (name == u"thread_name"_s)
                namedThreads.insert(*tid);
            continue;
        }
        if (!e.value(u"ts"_s).isDouble() || e.value(u"ts"_s).toDouble() < 0)
            return at + u": ts"_s;
        usedProcesses.insert(*pid);
        if (ph == u"X"_s) {
            if (!e.value(u"dur"_s).isDouble() || e.value(u"dur"_s).toDouble() < 0)
                return at + u": dur"_s;
        } else if (ph == u"i"_s || ph == u"I"_s) {
            if (e.contains(u"s"_s) &&
                !QSet<QString>{u"g"_s, u"p"_s, u"t"_s}.contains(e.value(u"s"_s).toString()))
                return at + u": s"_s;
        } else if (ph == u"s"_s || ph == u"t"_s || ph == u"f"_s) {
            if (!jsonInteger(e.value(u"id"_s)) && !e.value(u"id"_s).isString())
                return at + u": a flow needs an id"_s;
            if (!e.value(u"cat"_s).isString())
                return at + u": a flow needs a cat"_s;
            if (e.contains(u"bp"_s) && e.value(u"bp"_s).toString() != u"e"_s)
                return at + u": bp"_s;
        } else if (ph != u"B"_s && ph != u"E"_s) {
            return u"%1: phase %2 is not one this export writes"_s.arg(at, ph);
        }
        if (*pid != *tid)
            return at + u": a process's events are on its own thread"_s;
    }
    for (const qint64 pid : std::as_const(usedProcesses))
        if (!namedProcesses.contains(pid) || !namedThreads.contains(pid))
            return u"pid %1: no process_name or thread_name"_s.arg(pid);
    return {};
}

void TestExport::traceFollowsTheEventFormat()
{
    RunLog log = messageLog();
    // A name with characters JSON must escape, and a float message value.
    log.processes[0].name = u"pro\"du\ncer\u0001 😀"_s;
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(RunExporter::toTrace(log), &perr);
    QCOMPARE(perr.error, QJsonParseError::NoError);
    const QString problem = traceProblem(doc.object());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The checker itself catches what it is for.
    QJsonObject bad = doc.object();
    QJsonArray events = bad.value(u"traceEvents"_s).toArray();
    QJsonObject first = events.at(events.size() - 1).toObject();
    first.remove(u"id"_s);
    events.append(first);
    bad.insert(u"traceEvents"_s, events);
    QVERIFY(!traceProblem(bad).isEmpty());
}

void TestExport::traceShowsJoinWaits()
{
    // The main program's wait in join() is a span on its own track, from join_begin to the join.
    const QJsonDocument doc = QJsonDocument::fromJson(RunExporter::toTrace(messageLog(true)));
    QVERIFY(doc.isObject());
    QCOMPARE(traceProblem(doc.object()), QString());
    QList<QJsonObject> waits;
    double mainStart = -1, mainEnd = -1;
    for (const QJsonValue &v : doc.object().value(u"traceEvents"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(u"ph"_s).toString() != u"X"_s)
            continue;
        if (e.value(u"cat"_s).toString() == u"join"_s)
            waits.append(e);
        else if (e.value(u"pid"_s).toInteger() == 200) {
            mainStart = e.value(u"ts"_s).toDouble();
            mainEnd = mainStart + e.value(u"dur"_s).toDouble();
        }
    }
    QCOMPARE(waits.size(), 1);
    const QJsonObject w = waits.first();
    QCOMPARE(w.value(u"name"_s).toString(), u"join(producer)"_s);
    QCOMPARE(w.value(u"pid"_s).toInteger(), 200);
    QCOMPARE(w.value(u"dur"_s).toDouble(), 4600.0); // 5.0 ms → 9.6 ms
    QCOMPARE(w.value(u"args"_s).toObject().value(u"returned"_s).toString(), u"ended"_s);
    QVERIFY(w.value(u"ts"_s).toDouble() >= mainStart);
    QVERIFY(w.value(u"ts"_s).toDouble() + w.value(u"dur"_s).toDouble() <= mainEnd);
    // Without a join_begin (an older log) there is no span to draw.
    const QJsonDocument older = QJsonDocument::fromJson(RunExporter::toTrace(messageLog()));
    for (const QJsonValue &v : older.object().value(u"traceEvents"_s).toArray())
        QVERIFY(v.toObject().value(u"ph"_s).toString() != u"X"_s ||
                v.toObject().value(u"cat"_s).toString() != u"join"_s);
}

void TestExport::traceFileLoadsAsJson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.trace.json"));
    QString error;
    QVERIFY2(RunExporter::write(messageLog(), path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    // A trace, not a run log: the longer suffix won.
    QVERIFY(o.contains(QStringLiteral("traceEvents")));
    QVERIFY(!o.contains(QStringLiteral("format")));
}

void TestExport::homeworkRoundTrips()
{
    RunLog log = messageLog();
    log.homework = {QStringLiteral("Ana Pérez"), QStringLiteral("3CM1"), QStringLiteral("Tarea 4")};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.concurrente-run.json"));
    QVERIFY(RunExporter::write(log, path));
    QString error;
    const auto back = RunLog::load(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->homework, log.homework);
    QCOMPARE(back->toJson()
                 .value(QStringLiteral("homework"))
                 .toObject()
                 .value(QStringLiteral("student"))
                 .toString(),
             QStringLiteral("Ana Pérez"));
    // Written again, the same content.
    QCOMPARE(back->toJson(), log.toJson());
}

void TestExport::logWithoutHomeworkLoads()
{
    QJsonObject o = messageLog().toJson();
    QVERIFY(!o.contains(QStringLiteral("homework"))); // not written when empty
    const auto log = RunLog::fromJson(o);
    QVERIFY(log);
    QVERIFY(log->homework.isEmpty());
    QCOMPARE(log->processes.size(), 3);
}

void TestExport::homeworkMustBeAnObject()
{
    QJsonObject o = messageLog().toJson();
    o.insert(QStringLiteral("homework"), QStringLiteral("Ana"));
    QString error;
    QVERIFY(!RunLog::fromJson(o, &error));
    QVERIFY2(error.contains(QStringLiteral("homework")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
