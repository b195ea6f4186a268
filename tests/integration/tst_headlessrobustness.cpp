// `concurrente --run` under the signals a terminal and a shell send: a reader of its standard
// output that goes away (SIGPIPE), a closed terminal (SIGHUP), Ctrl+C (SIGINT) and SIGTERM,
// during the run and while the exports are written. Every time: the run is ended the proper way
// (nothing of it left alive, no shared-memory segment left), each export is whole or absent,
// and the exit status says what happened. Also: what an app killed with SIGKILL leaves is
// removed at the next start; a run whose queue cannot be created fails; a scenario that is not
// a regular file is refused at once.

#include "runlog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace concurrente;

class TestHeadlessRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void closedStdoutDoesNotKillTheRun();
    void signalDuringTheRun_data();
    void signalDuringTheRun();
    void signalDuringTheExports();
    void segmentsOfAKilledAppRemovedAtNextStart();
    void queueThatCannotBeCreatedFailsTheRun_data();
    void queueThatCannotBeCreatedFailsTheRun();
    void scenarioThatIsNotARegularFileRefused();

private:
    QString writeScenario(const QString &text);
    QStringList segmentsOf(qint64 pid) const;
    static bool ourProcessLingers(qint64 pid);

    QString m_binary;
    QTemporaryDir m_dir;
};

void TestHeadlessRobustness::initTestCase()
{
    m_binary = qEnvironmentVariable("CONCURRENTE_BIN_DIR") + u"/concurrente"_s;
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
}

QString TestHeadlessRobustness::writeScenario(const QString &text)
{
    static int n = 0;
    const QString path = m_dir.filePath(u"scenario-%1.json"_s.arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

QStringList TestHeadlessRobustness::segmentsOf(qint64 pid) const
{
    return QDir(u"/dev/shm"_s).entryList({u"concurrente-q-%1-*"_s.arg(pid)}, QDir::Files | QDir::System);
}

bool TestHeadlessRobustness::ourProcessLingers(qint64 pid)
{
    if (pid <= 1 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    if (close >= 0 && close + 2 < s.size() && (s.at(close + 2) == 'Z' || s.at(close + 2) == 'X'))
        return false;
    QFile cmd(u"/proc/%1/cmdline"_s.arg(pid));
    return cmd.open(QIODevice::ReadOnly) && cmd.readAll().contains("concurrente");
}

void TestHeadlessRobustness::closedStdoutDoesNotKillTheRun()
{
    // `concurrente --run page-11 --export x.json | head -1`: head exits after the first line,
    // every later write to standard output fails. The run must go on to its end regardless.
    // (Qt itself ignores SIGPIPE once a QProcess has started, which covers these writes;
    // tst_run's terminationSignalsIgnoreSigpipe checks the app's own ignore, for the writes
    // before that.)
    const QString preset =
        qEnvironmentVariable("CONCURRENTE_DATA_DIR") + u"/lessons/presets/11-queues-pipes.json"_s;
    const QString exportPath = m_dir.filePath(u"piped.json"_s);
    QProcess sh;
    sh.setProgram(u"/bin/bash"_s);
    sh.setArguments({u"-c"_s,
                     u"\"$0\" --run \"$1\" --export \"$2\" 2>/dev/null | head -1 >/dev/null; "
                     "echo \"status ${PIPESTATUS[0]}\""_s,
                     m_binary, preset, exportPath});
    sh.start();
    QVERIFY(sh.waitForFinished(60'000));
    const QString out = QString::fromLocal8Bit(sh.readAllStandardOutput());
    QVERIFY2(out.contains(u"status 0"_s), qPrintable(out));
    const auto log = RunLog::load(exportPath);
    QVERIFY2(log, "the export was not written");
    QVERIFY(!log->processes.isEmpty());
    for (const ProcessRecord &p : log->processes) {
        QVERIFY2(p.endNs, qPrintable(p.name));
        QVERIFY2(p.exitcode == std::optional<int>(0), qPrintable(p.name));
    }
    // Which pid the app had is not known here: no segment of any process that is gone.
    for (const QString &name :
         QDir(u"/dev/shm"_s).entryList({u"concurrente-q-*"_s}, QDir::Files | QDir::System)) {
        const qint64 pid = name.section(u'-', 2, 2).toLongLong();
        QVERIFY2(::kill(pid_t(pid), 0) == 0, qPrintable(name));
    }
}

void TestHeadlessRobustness::signalDuringTheRun_data()
{
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGINT (Ctrl+C)") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGHUP (terminal closed)") << SIGHUP;
}

void TestHeadlessRobustness::signalDuringTheRun()
{
    QFETCH(int, sig);
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "queues":[{"name":"q","capacity":4}],
        "workers":[{"task":"sleep","args":{"ms":30000}},{"task":"spawn_child","args":{"ms":30000,"child_ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0}]})"_s);
    QVERIFY(!scenario.isEmpty());
    const QString exportPath = m_dir.filePath(u"run-%1.json"_s.arg(sig));
    QProcess app;
    app.start(m_binary, {u"--run"_s, scenario, u"--export"_s, exportPath});
    QVERIFY(app.waitForStarted(10'000));
    const qint64 appPid = app.processId();
    // Wait until the grandchild runs: three "started" lines (two workers and the grandchild) plus
    // the main program's.
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (out.count("started") < 4 && t.elapsed() < 20'000) {
        app.waitForReadyRead(200);
        out += app.readAllStandardOutput();
    }
    QVERIFY2(out.count("started") >= 4, out.constData());
    QVERIFY2(!segmentsOf(appPid).isEmpty(), "the run has no queue segment to remove");
    t.restart();
    QCOMPARE(::kill(pid_t(appPid), sig), 0);
    QVERIFY(app.waitForFinished(15'000));
    QVERIFY2(t.elapsed() < 10'000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 128 + sig);
    QVERIFY(QString::fromLocal8Bit(app.readAllStandardError()).contains(u"interrupted"_s));
    QVERIFY2(segmentsOf(appPid).isEmpty(), qPrintable(segmentsOf(appPid).join(u' ')));
    const auto log = RunLog::load(exportPath);
    QVERIFY2(log, "the export was not written");
    QVERIFY(log->processes.size() >= 4);
    for (const ProcessRecord &p : log->processes) {
        QVERIFY2(p.endNs, qPrintable(p.name));
        QVERIFY2(p.pid && !ourProcessLingers(*p.pid), qPrintable(p.name));
    }
}

void TestHeadlessRobustness::signalDuringTheExports()
{
    // Exports of a run with 200,000 events (about a second each): SIGTERM sent as soon as the
    // final table is out (it is printed before the exports) arrives while they are written.
    // Each export is whole (atomic), no temporary file is left, and the status says SIGTERM.
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "queues":[{"name":"q","capacity":64}],
        "workers":[{"task":"producer","args":{"queue":"q","count":50000}},{"task":"consumer","args":{"queue":"q","count":50000}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},{"action":"join","worker":1}]})"_s);
    QVERIFY(!scenario.isEmpty());
    QDir exports(m_dir.filePath(u"exports"_s));
    QVERIFY(exports.mkpath(u"."_s));
    QStringList args{u"--run"_s, scenario};
    for (int i = 0; i < 4; ++i)
        args << u"--export"_s << exports.filePath(u"run-%1.%2"_s.arg(i).arg(i % 2 ? u"csv"_s : u"json"_s));
    QProcess app;
    app.start(m_binary, args);
    QVERIFY(app.waitForStarted(10'000));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (!out.contains("protocol errors") && t.elapsed() < 60'000) {
        app.waitForReadyRead(50);
        out += app.readAllStandardOutput();
    }
    QVERIFY2(out.contains("protocol errors"), out.constData());
    QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    // Four exports of 200,000 events: about 4 s alone, over 30 s on a loaded 2-core machine.
    QVERIFY(app.waitForFinished(120'000));
    out += app.readAllStandardOutput();
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 128 + SIGTERM);
    // The exports go on to their end (a signal never leaves half a file); before, a signal in
    // this phase was swallowed and the app exited 0.
    QCOMPARE(int(out.count("wrote ")), 4);
    QCOMPARE(exports.entryList(QDir::Files).size(), 4);
    for (const QString &name : exports.entryList(QDir::Files)) {
        QVERIFY2(name.endsWith(u".json"_s) || name.endsWith(u".csv"_s), qPrintable(name)); // no temp file
        if (name.endsWith(u".json"_s))
            QVERIFY2(RunLog::load(exports.filePath(name)), qPrintable(name));
    }
}

void TestHeadlessRobustness::segmentsOfAKilledAppRemovedAtNextStart()
{
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "queues":[{"name":"a","capacity":2},{"name":"b","capacity":2}],
        "workers":[{"task":"sleep","args":{"ms":30000}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}]})"_s);
    QProcess app;
    app.start(m_binary, {u"--run"_s, scenario});
    QVERIFY(app.waitForStarted(10'000));
    const qint64 appPid = app.processId();
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (out.count("started") < 2 && t.elapsed() < 20'000) {
        app.waitForReadyRead(200);
        out += app.readAllStandardOutput();
    }
    QCOMPARE(segmentsOf(appPid).size(), 2);
    app.kill(); // SIGKILL: nothing of the app runs to clean up
    QVERIFY(app.waitForFinished(10'000));
    QCOMPARE(segmentsOf(appPid).size(), 2);
    // The next start removes them, even one that runs no scenario (a bad file: exit 2).
    QProcess next;
    next.start(m_binary, {u"--run"_s, m_dir.filePath(u"no-such-file.json"_s)});
    QVERIFY(next.waitForFinished(30'000));
    QCOMPARE(next.exitCode(), 2);
    QVERIFY2(segmentsOf(appPid).isEmpty(), qPrintable(segmentsOf(appPid).join(u' ')));
}

void TestHeadlessRobustness::queueThatCannotBeCreatedFailsTheRun_data()
{
    QTest::addColumn<QString>("mountOptions");
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QString>("reason");
    QTest::newRow("read-only /dev/shm") << u"ro,size=1m"_s << 2 << u"Read-only file system"_s;
    // 64 slots of 64 KiB in 128 KiB: without the space reserved up front the app would die of
    // SIGBUS while it builds the slots.
    QTest::newRow("/dev/shm too small") << u"size=128k"_s << 64 << u"No space left on device"_s;
}

void TestHeadlessRobustness::queueThatCannotBeCreatedFailsTheRun()
{
    QFETCH(QString, mountOptions);
    QFETCH(int, capacity);
    QFETCH(QString, reason);
    // A /dev/shm of its own, in a mount namespace (needs CAP_SYS_ADMIN: root in CI).
    QProcess probe;
    probe.start(u"unshare"_s, {u"-m"_s, u"--propagation"_s, u"private"_s, u"true"_s});
    if (!probe.waitForFinished(10'000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("no mount namespace here (unshare -m needs CAP_SYS_ADMIN)");
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "queues":[{"name":"q","capacity":%1}],
        "workers":[{"task":"sleep","args":{"ms":10}}],
        "main":[{"action":"start","worker":0},{"action":"join","worker":0}]})"_s.arg(capacity));
    QProcess app;
    app.start(u"unshare"_s, {u"-m"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
                             u"mount -t tmpfs -o \"$2\" tmpfs /dev/shm && exec \"$0\" --run \"$1\""_s,
                             m_binary, scenario, mountOptions});
    QVERIFY(app.waitForFinished(60'000));
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 1, qPrintable(err));
    QVERIFY2(err.contains(u"queue_error q"_s) && err.contains(reason), qPrintable(err));
}

void TestHeadlessRobustness::scenarioThatIsNotARegularFileRefused()
{
    // A FIFO nobody writes to would block the open for ever: refused at once, exit 2.
    const QString fifo = m_dir.filePath(u"fifo.json"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &path : {fifo, m_dir.path(), u"/dev/null"_s}) {
        QProcess app;
        QElapsedTimer t;
        t.start();
        app.start(m_binary, {u"--run"_s, path});
        const bool done = app.waitForFinished(10'000);
        if (!done) {
            app.kill();
            app.waitForFinished();
        }
        QVERIFY2(done, qPrintable(path));
        const QString err = QString::fromLocal8Bit(app.readAllStandardError());
        QCOMPARE(app.exitCode(), 2);
        QVERIFY2(err.contains(QFileInfo(path).fileName()) && err.contains(u"not a regular file"_s),
                 qPrintable(err));
    }
}

QTEST_GUILESS_MAIN(TestHeadlessRobustness)
#include "tst_headlessrobustness.moc"
