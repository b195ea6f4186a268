// Oracle tests: each lesson page's listing runs under CPython (tests/integration/oracle/*.py,
// reporting its facts) and the page's preset runs in the app (`concurrente --run PRESET
// --export LOG.json`); the facts that must match — names, exit codes, parents as relations,
// timed joins, message counts and per-producer order, never pids or times — are compared with
// the core's compareFacts (src/core/factcheck.h, docs/facts.md).

#include "datapaths.h"
#include "factcheck.h"
#include "runlog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 60'000;

using NameMap = QMap<QString, QString>;

/// The facts with processes renamed (simultaneously) as `map` says; a name mapped to an empty
/// string is dropped. Parent names, joins, checks and random terminations follow.
RunFacts renamed(const RunFacts &facts, const NameMap &map)
{
    auto name = [&map](const QString &n) { return map.value(n, n); };
    RunFacts r = facts;
    r.processes.clear();
    for (ProcessFacts p : facts.processes) {
        if (map.contains(p.name) && map.value(p.name).isEmpty())
            continue;
        p.name = name(p.name);
        if (p.parent)
            p.parent = name(*p.parent);
        r.processes.append(p);
    }
    for (JoinFacts &j : r.joins)
        j.name = name(j.name);
    for (AliveCheck &c : r.aliveChecks)
        c.name = name(c.name);
    for (RandomTermination &t : r.randomTerminations) {
        for (QString &c : t.candidates)
            c = name(c);
        t.victim = name(t.victim);
    }
    return r;
}

bool processLingers(qint64 pid)
{
    if (pid <= 1)
        return false;
    if (::kill(pid_t(pid), 0) != 0)
        return errno != ESRCH;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    if (close >= 0 && close + 2 < s.size() && (s.at(close + 2) == 'Z' || s.at(close + 2) == 'X'))
        return false; // a zombie awaiting its reaper
    QFile cmd(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmd.open(QIODevice::ReadOnly))
        return false;
    return cmd.readAll().contains("concurrente"); // a recycled pid is someone else's
}

} // namespace

class TestOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pages_data();
    void pages();

private:
    QString m_bin;
    QString m_python;
    QTemporaryDir m_tmp;
};

void TestOracle::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_bin = helperDir() + u"/concurrente"_s;
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + u" is not built"_s));
    m_python = QStandardPaths::findExecutable(u"python3"_s);
}

void TestOracle::pages_data()
{
    QTest::addColumn<QString>("page");
    // Where the preset deliberately differs from its listing: preset name -> the listing's
    // name ("" = a process the listing does not have), and why. The test checks that each
    // difference is still there (an expected failure), then compares everything else.
    QTest::addColumn<NameMap>("presetToListing");
    QTest::addColumn<QString>("why");

    QTest::newRow("01-motivation") << u"01-motivation"_s << NameMap{} << QString();
    QTest::newRow("02-creating-processes") << u"02-creating-processes"_s << NameMap{} << QString();
    QTest::newRow("03-pid-ppid") << u"03-pid-ppid"_s << NameMap{} << QString();
    QTest::newRow("04-exercise-1") << u"04-exercise-1"_s << NameMap{} << QString();
    QTest::newRow("05-cpu-count-names") << u"05-cpu-count-names"_s << NameMap{} << QString();
    QTest::newRow("06-join-terminate") << u"06-join-terminate"_s << NameMap{} << QString();
    QTest::newRow("07-exercise-2") << u"07-exercise-2"_s << NameMap{} << QString();
    QTest::newRow("08-gil")
        << u"08-gil"_s
        << NameMap{{u"1 thread"_s, QString()},
                   {u"2 threads"_s, QString()},
                   {u"Process A"_s, u"Process-1"_s},
                   {u"Process B"_s, u"Process-2"_s}}
        << u"the preset runs the listing's threads as worker processes (1 thread, 2 threads) "
           u"and names its two processes Process A and Process B, where the listing's are "
           u"Process-1 and Process-2"_s;
    QTest::newRow("09-daemons") << u"09-daemons"_s << NameMap{} << QString();
    QTest::newRow("10-orphans") << u"10-orphans"_s << NameMap{{u"Hijo"_s, u"Process-1"_s}}
                                << u"the preset names the child Hijo; the listing's Process(target=hijo) is "
                                   u"Process-1"_s;
    QTest::newRow("11-queues-pipes") << u"11-queues-pipes"_s << NameMap{} << QString();
    QTest::newRow("12-exercise-3") << u"12-exercise-3"_s << NameMap{} << QString();
}

void TestOracle::pages()
{
    QFETCH(QString, page);
    QFETCH(NameMap, presetToListing);
    QFETCH(QString, why);
    if (m_python.isEmpty())
        QSKIP("python3 is not installed: the oracle runs each page's listing with CPython");

    const QString preset = dataDir() + u"/lessons/presets/"_s + page + u".json"_s;
    const QString script = QStringLiteral(CONCURRENTE_ORACLE_DIR "/") + page + u".py"_s;
    QVERIFY2(QFileInfo::exists(script), qPrintable(script));
    QFile presetFile(preset);
    QVERIFY2(presetFile.open(QIODevice::ReadOnly), qPrintable(preset));
    const QString startMethod =
        QJsonDocument::fromJson(presetFile.readAll()).object().value(u"start_method"_s).toString(u"fork"_s);

    // Both at once: the page's listing under CPython and the preset in the app.
    QElapsedTimer clock;
    clock.start();
    QProcess py;
    py.setWorkingDirectory(QFileInfo(script).absolutePath());
    py.start(m_python, {script, startMethod});
    const QString logPath = m_tmp.filePath(page + u"-run.json"_s);
    QProcess app;
    app.start(m_bin, {u"--run"_s, preset, u"--export"_s, logPath});
    QVERIFY2(app.waitForStarted(10'000), qPrintable(app.errorString()));
    const qint64 appPid = app.processId();
    const bool appDone = app.waitForFinished(kRunTimeoutMs);
    const qint64 appMs = clock.elapsed();
    const bool pyDone = py.waitForFinished(kRunTimeoutMs);
    const qint64 bothMs = clock.elapsed();
    for (QProcess *p : {&app, &py}) {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished();
        }
    }
    const QByteArray appErr = app.readAllStandardError();
    const QByteArray pyErr = py.readAllStandardError();
    qInfo("%s: app %lld ms, both %lld ms", qPrintable(page), appMs, bothMs);

    if (appErr.contains("headless runs are not available"))
        QSKIP(qPrintable(u"the run engine is not available in this build: "_s +
                         QString::fromLocal8Bit(appErr)));
    QVERIFY2(pyDone && py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
             qPrintable(u"python3 %1 failed:\n"_s.arg(script) + QString::fromLocal8Bit(pyErr)));
    QVERIFY2(appDone && app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
             qPrintable(u"concurrente --run %1 failed:\n"_s.arg(preset) + QString::fromLocal8Bit(appErr)));

    QString error;
    const auto expected = RunFacts::fromOracleOutput(py.readAllStandardOutput(), &error);
    QVERIFY2(expected, qPrintable(u"the oracle's output: "_s + error));
    const auto log = RunLog::load(logPath, &error);
    QVERIFY2(log, qPrintable(u"the run log: "_s + error));

    // Nothing of the run outlives it: no process, no shared-memory queue.
    QSet<qint64> pids;
    for (const ProcessRecord &p : log->processes) {
        if (p.pid)
            pids.insert(*p.pid);
    }
    for (qint64 pid : std::as_const(pids))
        QTRY_VERIFY2_WITH_TIMEOUT(!processLingers(pid), qPrintable(u"pid %1 outlived the run"_s.arg(pid)),
                                  5000);
    const QStringList leftovers =
        QDir(u"/dev/shm"_s).entryList({u"concurrente-q-%1-*"_s.arg(appPid)}, QDir::Files | QDir::System);
    QVERIFY2(leftovers.isEmpty(), qPrintable(u"left in /dev/shm: "_s + leftovers.join(u", "_s)));

    RunFacts actual = RunFacts::fromRunLog(*log);
    for (auto it = presetToListing.cbegin(); it != presetToListing.cend(); ++it) {
        const QString difference = it->isEmpty()
                                       ? u"the preset has %1, the listing no such process"_s.arg(it.key())
                                       : u"the preset's %1 is the listing's %2"_s.arg(it.key(), *it);
        QEXPECT_FAIL("", qPrintable(difference + u": "_s + why), Continue);
        QVERIFY2(!actual.process(it.key()), qPrintable(u"no longer so: update this test's row"_s));
    }
    actual = renamed(actual, presetToListing);

    const QStringList differences = compareFacts(*expected, actual);
    if (!differences.isEmpty() || qEnvironmentVariableIsSet("CONCURRENTE_SHOW_FACTS")) {
        qWarning("CPython's facts: %s",
                 QJsonDocument(expected->toJson()).toJson(QJsonDocument::Compact).constData());
        qWarning("the lab's facts: %s",
                 QJsonDocument(actual.toJson()).toJson(QJsonDocument::Compact).constData());
    }
    QVERIFY2(differences.isEmpty(), qPrintable(u"\n  "_s + differences.join(u"\n  "_s)));
    QVERIFY2(!expected->processes.isEmpty(), "the oracle reported no process");
}

QTEST_GUILESS_MAIN(TestOracle)
#include "tst_oracle.moc"
