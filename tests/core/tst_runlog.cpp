// Unit tests of the run log store and its exporters (docs/run-log.md).
#include "export.h"
#include "pyvalue.h"
#include "runlog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <limits>

#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace concurrente;

namespace {
RunLog sampleLog()
{
    RunLog log;
    log.appVersion = u"0.1.0"_qs;
    log.host = HostInfo::current();
    log.scenario = {{u"format"_qs, u"concurrente-scenario/1"_qs}, {u"file"_qs, u"x.json"_qs}};
    ProcessRecord a;
    a.index = 0;
    a.name = u"Process-1"_qs;
    a.pid = 100;
    a.ppid = 1;
    a.parentPid = 1;
    a.kind = u"worker"_qs;
    a.startMethod = u"spawn"_qs;
    a.startNs = 1000;
    a.endNs = 5000;
    a.exitcode = -15;
    ProcessRecord b;
    b.name = u"=HYPERLINK(\"x\")"_qs;
    b.pid = 101;
    b.ppid = 100;
    b.kind = u"child"_qs;
    b.startMethod = u"fork"_qs;
    b.parentName = u"Process-1"_qs;
    b.startNs = 2000;
    log.processes = {a, b};
    // Arrival order differs from time order, as with several pipes.
    log.addEvent(Event::make(3000, 100, u"print"_qs, {{u"text"_qs, u"a, \"quoted\"\nline"_qs}}));
    log.addEvent(Event::make(1000, std::nullopt, u"start_request"_qs, {{u"name"_qs, u"Process-1"_qs}}));
    log.addEvent(Event::make(2000, 101, u"start"_qs, {{u"name"_qs, b.name}, {u"ppid"_qs, 100}}));
    log.addEvent(Event::make(3000, 100, u"print"_qs, {{u"text"_qs, u"second at same t"_qs}}));
    log.addEvent(Event::make(4500, 101, u"reparented"_qs, {{u"ppid"_qs, 1}, {u"old_ppid"_qs, 100}}));
    log.addEvent(
        Event::make(5000, 100, u"exited"_qs, {{u"name"_qs, u"Process-1"_qs}, {u"exitcode"_qs, -15}}));
    log.finalize(4000);
    return log;
}
} // namespace

class TestRunLog : public QObject
{
    Q_OBJECT
private slots:
    void sortedByTimeStable();
    void jsonHasTheContractFields();
    void jsonRoundTrip();
    void exportsWrittenInPiecesAreTheWholeText();
    void hostCpuCountIgnoresAffinity();
    void pythonFloatRepr_data();
    void pythonFloatRepr();
    void floatsAndBigIntsSurviveExports();
    void rejectsForeignFiles();
    void format1ProcessesLoad();
    void csvCells_data();
    void csvCells();
    void csvRows();
    void csvReadsBackAsTheEvents();
    void eventLimitCountsDropped();
    void atomicWrite();
    void failedExportSaysWhyAndKeepsTheOldFile_data();
    void failedExportSaysWhyAndKeepsTheOldFile();
};

void TestRunLog::sortedByTimeStable()
{
    const QList<Event> s = sampleLog().sortedEvents();
    QCOMPARE(s.size(), 6);
    for (int i = 1; i < s.size(); ++i)
        QVERIFY(s[i - 1].tNs <= s[i].tNs);
    QCOMPARE(s[2].fields.value(u"text"_qs).toString(),
             u"a, \"quoted\"\nline"_qs); // arrival order kept at equal t
    QCOMPARE(s[3].fields.value(u"text"_qs).toString(), u"second at same t"_qs);
}

void TestRunLog::format1ProcessesLoad()
{
    // Format 1 named a launcher per process; it reads as the kind and start method it meant.
    QJsonObject o = sampleLog().toJson();
    o.insert(u"format"_qs, u"concurrente-run/1"_qs);
    QJsonArray procs;
    const QList<QPair<int, QString>> old = {
        {0, u"qprocess"_qs}, {1, u"fork"_qs}, {-1, u"fork"_qs}, {-1, u"child"_qs}};
    for (const auto &[index, launcher] : old)
        procs.append(QJsonObject{{u"name"_qs, u"p"_qs}, {u"index"_qs, index}, {u"launcher"_qs, launcher}});
    o.insert(u"processes"_qs, procs);
    QString error;
    const auto log = RunLog::fromJson(o, &error);
    QVERIFY2(log, qPrintable(error));
    QCOMPARE(log->processes.size(), 4);
    QCOMPARE(log->processes[0].kind, u"worker"_qs);
    QCOMPARE(log->processes[0].startMethod, u"spawn"_qs);
    QCOMPARE(log->processes[1].kind, u"worker"_qs);
    QCOMPARE(log->processes[1].startMethod, u"fork"_qs);
    QCOMPARE(log->processes[2].kind, u"main"_qs);
    QCOMPARE(log->processes[3].kind, u"child"_qs);
}

void TestRunLog::jsonHasTheContractFields()
{
    const QJsonObject o = sampleLog().toJson();
    QCOMPARE(o.value(u"format"_qs).toString(), u"concurrente-run/2"_qs);
    QVERIFY(o.value(u"app_version"_qs).isString());
    for (const char *k : {"cpu_count", "usable_cpus", "os", "kernel"})
        QVERIFY(o.value(u"host"_qs).toObject().contains(QLatin1String(k)));
    const QJsonObject p = o.value(u"processes"_qs).toArray().at(0).toObject();
    for (const char *k : {"name", "pid", "ppid", "parent_pid", "daemon", "kind", "start_method", "start_ns",
                          "end_ns", "exitcode"})
        QVERIFY2(p.contains(QLatin1String(k)), k);
    QVERIFY(o.value(u"processes"_qs).toArray().at(1).toObject().value(u"exitcode"_qs).isNull());
    const QJsonArray ev = o.value(u"events"_qs).toArray();
    QVERIFY(ev.at(0).toObject().value(u"pid"_qs).isNull());
    qint64 last = 0;
    for (const QJsonValue &v : ev) {
        QVERIFY(v.toObject().value(u"t_ns"_qs).toInteger() >= last);
        last = v.toObject().value(u"t_ns"_qs).toInteger();
    }
    const QJsonObject s = o.value(u"summary"_qs).toObject();
    QCOMPARE(s.value(u"wall_ns"_qs).toInteger(), 4000);
    QCOMPARE(s.value(u"processes"_qs).toInt(), 2);
    QCOMPARE(s.value(u"exit_codes"_qs).toObject().value(u"Process-1"_qs).toInt(), -15);
    QVERIFY(s.value(u"exit_codes"_qs).toObject().value(u"=HYPERLINK(\"x\")"_qs).isNull());
    QCOMPARE(s.value(u"protocol_errors"_qs).toInt(), 0);
}

void TestRunLog::hostCpuCountIgnoresAffinity()
{
    // As under `taskset -c 0`: this process may use one CPU only. os.cpu_count() still counts the
    // machine's CPUs; len(os.sched_getaffinity(0)) counts the usable ones.
    cpu_set_t saved;
    CPU_ZERO(&saved);
    QCOMPARE(sched_getaffinity(0, sizeof saved, &saved), 0);
    int first = 0;
    while (first < CPU_SETSIZE && !CPU_ISSET(first, &saved))
        ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    QCOMPARE(sched_setaffinity(0, sizeof one, &one), 0);
    const HostInfo h = HostInfo::current();
    // What CPython says under the same mask (the child inherits it), else the kernel's count.
    int pyCount = int(sysconf(_SC_NPROCESSORS_ONLN)), pyUsable = 1;
    QProcess py;
    py.start(u"python3"_qs, {u"-c"_qs, u"import os; print(os.cpu_count(), len(os.sched_getaffinity(0)))"_qs});
    if (py.waitForFinished(10000) && py.exitCode() == 0) {
        const QList<QByteArray> words = py.readAllStandardOutput().trimmed().split(' ');
        QCOMPARE(words.size(), 2);
        pyCount = words[0].toInt();
        pyUsable = words[1].toInt();
    }
    sched_setaffinity(0, sizeof saved, &saved);
    QCOMPARE(h.cpuCount, pyCount);
    QCOMPARE(h.usableCpus, pyUsable);
    QCOMPARE(h.usableCpus, 1);
    const QJsonObject host = h.toJson();
    QCOMPARE(host.value(u"cpu_count"_qs).toInt(), pyCount);
    QCOMPARE(host.value(u"usable_cpus"_qs).toInt(), 1);
    QString error;
    const auto back =
        RunLog::fromJson(QJsonObject{{u"format"_qs, u"concurrente-run/1"_qs}, {u"host"_qs, host}}, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->host.cpuCount, pyCount);
    QCOMPARE(back->host.usableCpus, 1);
}

void TestRunLog::pythonFloatRepr_data()
{
    // Expected texts printed by python3 3.11: repr(v) for each value.
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("repr");
    const std::pair<double, const char *> rows[] = {
        {2.0, "2.0"},
        {1e16, "1e+16"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1e-5, "1e-05"},
        {0.0001, "0.0001"},
        {123456789.0, "123456789.0"},
        {1e22, "1e+22"},
        {5e-324, "5e-324"},
        {-0.0, "-0.0"},
        {0.1, "0.1"},
        {1.0 / 3, "0.3333333333333333"},
        {9007199254740992.0, "9007199254740992.0"},
        {1e15, "1000000000000000.0"},
        {9999999999999998.0, "9999999999999998.0"},
        {1.5e-7, "1.5e-07"},
        {-2.5, "-2.5"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {12345678901234567.0, "1.2345678901234568e+16"},
        {std::numeric_limits<double>::infinity(), "inf"},
        {-std::numeric_limits<double>::infinity(), "-inf"},
        {std::numeric_limits<double>::quiet_NaN(), "nan"},
    };
    for (const auto &[v, r] : rows)
        QTest::newRow(r) << v << QString::fromLatin1(r);
}

void TestRunLog::pythonFloatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, repr);
    QCOMPARE(concurrente::pythonFloatRepr(value), repr);
}

void TestRunLog::floatsAndBigIntsSurviveExports()
{
    // A worker that sent the float 2.0 is recorded as 2.0 (value + "float": true, written 2.0),
    // not 2; an integer up to 1e15 and beyond stays exact.
    RunLog log;
    log.appVersion = u"0.1.0"_qs;
    log.scenario = {{u"format"_qs, u"concurrente-scenario/1"_qs}};
    const QList<std::pair<QJsonObject, QString>> values = {
        {{{u"value"_qs, 2.0}, {u"float"_qs, true}}, u"2.0"_qs},
        {{{u"value"_qs, 1e16}, {u"float"_qs, true}}, u"1e+16"_qs},
        {{{u"value"_qs, 0.1 + 0.2}, {u"float"_qs, true}}, u"0.30000000000000004"_qs},
        {{{u"value"_qs, qint64(999999999999999)}}, u"999999999999999"_qs},
        {{{u"value"_qs, qint64(9007199254740993)}}, u"9007199254740993"_qs},
        {{{u"value"_qs, u"hola"_qs}}, u"hola"_qs},
        {{{u"value"_qs, QJsonValue::Null}}, u"None"_qs},
        {{{u"value"_qs, u"inf"_qs}, {u"float"_qs, true}}, u"inf"_qs},
    };
    qint64 t = 1000;
    for (const auto &[fields, str] : values) {
        QJsonObject f = fields;
        f.insert(u"queue"_qs, u"q"_qs);
        log.addEvent(Event::make(t++, 42, u"get"_qs, f));
    }
    log.finalize(10);
    QTemporaryDir dir;
    const QString json = dir.filePath(u"run.json"_qs), csv = dir.filePath(u"run.csv"_qs);
    QString error;
    QVERIFY2(RunExporter::write(log, json, &error), qPrintable(error));
    QVERIFY2(RunExporter::write(log, csv, &error), qPrintable(error));
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QByteArray jsonText = jf.readAll();
    for (const char *expected : {"\"value\": 2.0", "\"value\": 1e+16", "\"value\": 0.30000000000000004",
                                 "\"value\": 999999999999999", "\"value\": 9007199254740993"})
        QVERIFY2(jsonText.contains(expected), expected);
    QVERIFY(QJsonDocument::fromJson(jsonText).isObject()); // still JSON
    QFile cf(csv);
    QVERIFY(cf.open(QIODevice::ReadOnly));
    const QByteArray csvText = cf.readAll();
    for (const char *expected : {"\"\"value\"\":2.0", "\"\"value\"\":1e+16", "\"\"value\"\":999999999999999"})
        QVERIFY2(csvText.contains(expected), expected);
    // Read back, every value prints as Python prints it.
    const auto back = RunLog::load(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->events().size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QJsonObject f = back->events().at(i).fields;
        QCOMPARE(pythonStr(f.value(u"value"_qs), hasFloatValue(f)), values.at(i).second);
    }
}

void TestRunLog::jsonRoundTrip()
{
    const RunLog log = sampleLog();
    const QByteArray text = QJsonDocument(log.toJson()).toJson();
    QString error;
    const auto back = RunLog::fromJson(QJsonDocument::fromJson(text).object(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), log.toJson());
    QCOMPARE(back->processes[1].parentName, u"Process-1"_qs);
    QCOMPARE(back->processes[0].exitcode, std::optional<int>(-15));
    QVERIFY(!back->processes[1].exitcode);
}

void TestRunLog::exportsWrittenInPiecesAreTheWholeText()
{
    // The exporters write event by event (the whole text is never in memory): the JSON file
    // must be exactly the document built whole (the CSV one row per event), for a log out of time order, one
    // with a float, one whose scenario holds an "events" key of its own, and an empty one.
    RunLog withFloat;
    withFloat.scenario = {{u"events"_qs, QJsonArray{}}, {u"format"_qs, u"concurrente-scenario/2"_qs}};
    withFloat.addEvent(Event::make(7, 42, u"get"_qs, {{u"value"_qs, 2.0}, {u"float"_qs, true}}));
    withFloat.finalize(10);
    RunLog empty;
    empty.finalize(0);
    // The event writer merges t_ns, pid, proc and ev into the fields itself: keys sorting on
    // each side of them, fields of the same name, strings with control characters, non-BMP and
    // unpaired surrogates, numbers of every kind, nested values.
    RunLog tricky;
    const QString odd =
        u"a\u0001\u001f\"\\\b\f\n\r\t/\u00e9\u20ac"_qs + QChar(0xD83D) + QChar(0xDE00) + u"z\u007f"_qs;
    Event withProc = Event::make(5, 7, u"put"_qs,
                                 {{u"a"_qs, odd},
                                  {u"f"_qs, 1.5},
                                  {u"pa"_qs, true},
                                  {u"pie"_qs, QJsonValue::Null},
                                  {u"pr"_qs, qint64(1'000'000'000'000'000)},
                                  {u"proc"_qs, 99},
                                  {u"q"_qs, QJsonArray{1, 2.5, u"x"_qs}},
                                  {u"t"_qs, QJsonObject{{u"value"_qs, 2.0}, {u"float"_qs, true}}},
                                  {u"t_n"_qs, -3},
                                  {u"u"_qs, 1e300},
                                  {u"\u00e9"_qs, odd},
                                  {odd, 0},
                                  {u"value"_qs, 3.0},
                                  {u"float"_qs, true}});
    withProc.proc = 1;
    tricky.addEvent(withProc);
    tricky.addEvent(
        Event::make(6, std::nullopt, u"x\u00e9"_qs,
                    {{u"ev"_qs, u"shadowed"_qs}, {u"pid"_qs, 3}, {u"proc"_qs, 4}, {u"t_ns"_qs, 1}}));
    tricky.addEvent(Event::make(4, 9, u"get"_qs, {}));
    tricky.finalize(3);
    RunLog unpaired; // an unpaired surrogate: written as QString::toUtf8() writes it
    unpaired.addEvent(Event::make(1, 2, u"print"_qs, {{u"text"_qs, QString(QChar(0xD800)) + u"x"_qs}}));
    unpaired.finalize(1);
    {
        // Not only the same bytes as our own document writer: the same JSON as Qt reads it.
        const QString path = QDir::temp().filePath(u"tst_runlog-tricky-%1.json"_qs.arg(getpid()));
        QString error;
        QVERIFY2(RunExporter::write(tricky, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        f.remove();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), tricky.toJson());
    }
    QTemporaryDir dir;
    int n = 0;
    for (const RunLog &log : {sampleLog(), withFloat, empty, tricky, unpaired}) {
        const QString json = dir.filePath(u"run%1.json"_qs.arg(n)),
                      csv = dir.filePath(u"run%1.csv"_qs.arg(n));
        ++n;
        QString error;
        QVERIFY2(RunExporter::write(log, json, &error), qPrintable(error));
        QVERIFY2(RunExporter::write(log, csv, &error), qPrintable(error));
        QFile jf(json), cf(csv);
        QVERIFY(jf.open(QIODevice::ReadOnly) && cf.open(QIODevice::ReadOnly));
        QCOMPARE(jf.readAll(), toFaithfulJson(log.toJson(), true));
        const QByteArray csvText = cf.readAll();
        QVERIFY(csvText.startsWith("t_ms,pid,ppid,name,event,detail\n"));
        QCOMPARE(csvText.count('\n'), log.events().size() + 1);
    }
}

void TestRunLog::rejectsForeignFiles()
{
    QString error;
    QVERIFY(!RunLog::fromJson({{u"format"_qs, u"other/1"_qs}}, &error));
    QVERIFY(error.contains(u"concurrente-run/2"_qs));
    QJsonObject o = sampleLog().toJson();
    o.insert(u"events"_qs, QJsonArray{QJsonObject{{u"ev"_qs, u"x"_qs}}});
    QVERIFY(!RunLog::fromJson(o, &error));
    QVERIFY(error.contains(u"events[0]"_qs));
    QTemporaryDir dir;
    QVERIFY(!RunLog::load(dir.filePath(u"missing.json"_qs), &error));
}

void TestRunLog::csvCells_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << u"Process-1"_qs << u"Process-1"_qs;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("formula") << u"=1+2"_qs << u"'=1+2"_qs;
    QTest::newRow("plus") << u"+1"_qs << u"'+1"_qs;
    QTest::newRow("minus") << u"-15"_qs << u"'-15"_qs;
    QTest::newRow("at") << u"@SUM(A1)"_qs << u"'@SUM(A1)"_qs;
    QTest::newRow("tab") << u"\tx"_qs << u"'\tx"_qs;
    QTest::newRow("cr") << u"\rx"_qs << u"\"'\rx\""_qs;
    QTest::newRow("comma") << u"a,b"_qs << u"\"a,b\""_qs;
    QTest::newRow("quote") << u"say \"hi\""_qs << u"\"say \"\"hi\"\"\""_qs;
    QTest::newRow("newline") << u"a\nb"_qs << u"\"a\nb\""_qs;
    QTest::newRow("formula with comma") << u"=HYPERLINK(\"x\",1)"_qs << u"\"'=HYPERLINK(\"\"x\"\",1)\""_qs;
    QTest::newRow("inner equals") << u"a=b"_qs << u"a=b"_qs;
}

void TestRunLog::csvCells()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(RunExporter::csvCell(in), out);
}

void TestRunLog::csvRows()
{
    const QString csv = QString::fromUtf8(RunExporter::toCsv(sampleLog()));
    QVERIFY(csv.startsWith(u"t_ms,pid,ppid,name,event,detail\n"_qs));
    QVERIFY(csv.contains(u"\n0.000,,,Process-1,start_request,\n"_qs));
    // The start event shows the ppid it reported; the name of an escaped process is escaped.
    QVERIFY2(csv.contains(u"\n0.001,101,100,\"'=HYPERLINK(\"\"x\"\")\",start,\n"_qs), qPrintable(csv));
    QVERIFY2(csv.contains(u"\n0.004,100,1,Process-1,exited,\"{\"\"exitcode\"\":-15}\"\n"_qs),
             qPrintable(csv));
    QVERIFY(csv.contains(u"\"{\"\"text\"\":\"\"a, \\\"\"quoted\\\"\"\\nline\"\"}\""_qs));
    // 6 events + header, each row ends with a newline (embedded newlines are JSON-escaped).
    QCOMPARE(csv.count(u'\n'), 7);
}

/// A small RFC 4180 reader: records of fields separated by commas, a field in double quotes
/// may hold commas, line breaks and doubled quotes; records end with LF or CRLF.
static QList<QStringList> readCsv(const QString &text, QString *error)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (!field.isEmpty() || wasQuoted) {
                *error = u"a quote inside an unquoted field at %1"_qs.arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\n' || (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')) {
            if (c == u'\r')
                ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else {
            if (wasQuoted) {
                *error = u"text after a closing quote at %1"_qs.arg(i);
                return {};
            }
            field += c;
        }
    }
    if (quoted)
        *error = u"an unclosed quote"_qs;
    else if (!field.isEmpty() || !record.isEmpty())
        *error = u"the last record has no line end"_qs;
    return records;
}

void TestRunLog::csvReadsBackAsTheEvents()
{
    // Read with an RFC 4180 reader, the CSV gives back every event in time order: its time,
    // pid, ppid, name and kind, and its other fields as JSON, with formula-like cells escaped.
    RunLog log = sampleLog();
    log.addEvent(Event::make(6000, 100, u"print"_qs,
                             {{u"text"_qs, u"=cmd|' /C calc'!A0, \"q\"\r\nnext \u00e9\U0001F600"_qs}}));
    log.addEvent(
        Event::make(6001, 101, u"get"_qs,
                    {{u"value"_qs, 2.0}, {u"float"_qs, true}, {u"queue"_qs, u"-q"_qs}, {u"seq"_qs, 3}}));
    log.addEvent(Event::make(6002, std::nullopt, u"@odd"_qs, {{u"name"_qs, u"+x"_qs}}));
    QString error;
    const QString text = QString::fromUtf8(RunExporter::toCsv(log));
    const QList<QStringList> records = readCsv(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), log.events().size() + 1);
    QCOMPARE(records.first(),
             (QStringList{u"t_ms"_qs, u"pid"_qs, u"ppid"_qs, u"name"_qs, u"event"_qs, u"detail"_qs}));
    const auto unescaped = [](QString cell) {
        // A cell that would start a formula got a leading quote mark; take it off again.
        if (cell.size() > 1 && cell.front() == u'\'' && QStringLiteral("=+-@\t\r").contains(cell.at(1)))
            cell.remove(0, 1);
        return cell;
    };
    const QList<Event> events = log.sortedEvents();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &e = events.at(i);
        const QStringList &r = records.at(i + 1);
        QCOMPARE(r.size(), 6);
        QCOMPARE(r[0], QString::number(double(e.tNs - events.first().tNs) / 1e6, 'f', 3));
        QCOMPARE(r[1], e.pid ? QString::number(*e.pid) : QString());
        QJsonObject detail = e.fields;
        QString name = detail.take(u"name"_qs).toString();
        if (name.isEmpty() && e.pid)
            name = log.processByPid(*e.pid)->name;
        QCOMPARE(unescaped(r[3]), name);
        QCOMPARE(unescaped(r[4]), e.ev());
        if (const auto ppid = jsonInteger(detail.value(u"ppid"_qs))) {
            QCOMPARE(r[2], QString::number(*ppid));
            detail.remove(u"ppid"_qs);
        } else if (e.pid) {
            QCOMPARE(r[2], QString::number(log.processByPid(*e.pid)->ppid.value_or(-1)));
        }
        const QString detailText = unescaped(r[5]);
        if (detail.isEmpty()) {
            QVERIFY(detailText.isEmpty());
            continue;
        }
        QCOMPARE(detailText.toUtf8(), toFaithfulJson(detail, false));
        QJsonParseError perr{};
        QCOMPARE(QJsonDocument::fromJson(detailText.toUtf8(), &perr).object(), detail);
        QCOMPARE(perr.error, QJsonParseError::NoError);
    }
    // Formula-like cells were escaped.
    QVERIFY(text.contains(u"'@odd"_qs));
    QVERIFY(text.contains(u",'+x,"_qs));
    QVERIFY(text.contains(u"'=HYPERLINK"_qs));
}

void TestRunLog::eventLimitCountsDropped()
{
    RunLog log;
    for (qsizetype i = 0; i < limits::MaxEventsPerRun + 5; ++i)
        log.addEvent(Event::make(i, 1, u"print"_qs));
    QCOMPARE(log.events().size(), limits::MaxEventsPerRun);
    QCOMPARE(log.droppedEvents(), 5);
    log.finalize(1);
    QCOMPARE(log.summary.value(u"dropped_events"_qs).toInteger(), 5);
    QVERIFY(log.summary.value(u"note"_qs).toString().contains(QString::number(limits::MaxEventsPerRun)));
}

void TestRunLog::atomicWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"run.json"_qs);
    const RunLog log = sampleLog();
    QVERIFY(RunExporter::write(log, path));
    QVERIFY(RunExporter::write(log, dir.filePath(u"run.csv"_qs)));
    QVERIFY(RunLog::load(path));
    // A write that fails half-way leaves the old file intact and no temporary file behind. The
    // failure is a file-size limit (EFBIG), which holds for root too, unlike permissions.
    QString error;
    bool wrote = true;
    {
        rlimit old{};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // else the write kills the test
        rlimit tiny = old;
        tiny.rlim_cur = 16;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
        wrote = RunExporter::write(RunLog{}, path, &error);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
    }
    QVERIFY(!wrote);
    // The message names the file and the real cause, not "Unknown error".
    QVERIFY2(error.contains(path) && error.contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
             qPrintable(error));
    const auto kept = RunLog::load(path);
    QVERIFY(kept);
    QCOMPARE(kept->processes.size(), 2);
    QVERIFY(!RunExporter::write(log, dir.filePath(u"no/such/dir/run.json"_qs), &error));
    QVERIFY(!RunExporter::write(log, dir.filePath(u"run.xls"_qs), &error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
}

/// A tmpfs of `size` mounted on a temporary folder for one test (root only: mount(2) needs
/// CAP_SYS_ADMIN), unmounted again when it goes.
class SmallTmpfs
{
public:
    explicit SmallTmpfs(const char *size)
    {
        const QByteArray options = QByteArray("size=") + size;
        m_mounted = m_dir.isValid() && ::geteuid() == 0 &&
                    ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0,
                            options.constData()) == 0;
    }
    ~SmallTmpfs()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    bool isMounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    bool makeReadOnly()
    {
        return ::mount(nullptr, QFile::encodeName(m_dir.path()).constData(), nullptr, MS_REMOUNT | MS_RDONLY,
                       nullptr) == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

void TestRunLog::failedExportSaysWhyAndKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("suffix");
    for (const char *suffix : {".json", ".csv", ".trace.json"})
        for (const char *place : {"missing folder", "folder is a file", "read-only", "disk full"})
            QTest::newRow(qPrintable(u"%1 %2"_qs.arg(QLatin1String(place), QLatin1String(suffix))))
                << QString::fromLatin1(place) << QString::fromLatin1(suffix);
}

void TestRunLog::failedExportSaysWhyAndKeepsTheOldFile()
{
    // An export that cannot be written names the file and the reason ("disk full" for a full
    // disk), and an older file of that name stays exactly as it was, with nothing left beside it.
    QFETCH(QString, place);
    QFETCH(QString, suffix);
    RunLog log = sampleLog();
    for (int i = 0; i < 3000; ++i) // about half a megabyte in every format
        log.addEvent(
            Event::make(10'000 + i, 100, u"print"_qs, {{u"text"_qs, u"line %1 of a long run"_qs.arg(i)}}));
    QTemporaryDir tmp;
    SmallTmpfs tmpfs(place == u"disk full"_qs ? "64k" : "1m");
    QString folder, expected;
    if (place == u"missing folder"_qs) {
        folder = tmp.filePath(u"no/such/folder"_qs);
        expected = u"does not exist"_qs;
    } else if (place == u"folder is a file"_qs) {
        folder = tmp.filePath(u"plain-file"_qs);
        QFile file(folder);
        QVERIFY(file.open(QIODevice::WriteOnly));
        expected = u"is not a folder"_qs;
    } else if (place == u"read-only"_qs) {
        if (!tmpfs.isMounted() && ::geteuid() == 0)
            QSKIP("as root, a read-only place needs a tmpfs mounted read-only, and mount(2) was refused");
        folder = tmpfs.isMounted() ? tmpfs.path() : tmp.path();
        expected = tmpfs.isMounted() ? u"the place is read-only"_qs : u"no permission to write there"_qs;
    } else {
        if (!tmpfs.isMounted())
            QSKIP("a full disk needs a small tmpfs mounted for the test (root only)");
        folder = tmpfs.path();
        expected = u"the disk is full"_qs;
    }
    const QString path = folder + u"/run"_qs + suffix;
    const QByteArray old = "an older export, to be kept\n";
    const bool hasOld = QFileInfo(folder).isDir();
    if (hasOld) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(old), old.size());
    }
    if (place == u"read-only"_qs) {
        if (tmpfs.isMounted())
            QVERIFY(tmpfs.makeReadOnly());
        else
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    }
    QString error;
    const bool wrote = RunExporter::write(log, path, &error);
    if (place == u"read-only"_qs && !tmpfs.isMounted())
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!wrote);
    QVERIFY2(error.contains(path) && error.contains(expected), qPrintable(error));
    if (hasOld) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), old);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QFileInfo(path).fileName()});
    } else {
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_GUILESS_MAIN(TestRunLog)
#include "tst_runlog.moc"
