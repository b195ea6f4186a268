// `concurrente --run` under the signals a terminal and a shell send: a reader of its standard
// output that goes away (SIGPIPE), a closed terminal (SIGHUP), Ctrl+C (SIGINT) and SIGTERM,
// during the run and while the exports are written. Every time: the run is ended the proper way
// (nothing of it left alive, no shared-memory segment left), each export is whole or absent,
// and the exit status says what happened. Also: an app killed with SIGKILL leaves
// nothing (its queues are anonymous segments, freed with the last process); a run's queues do
// not depend on /dev/shm; a scenario that is not a regular file is refused at once.

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

namespace {
/// What a headless run printed until `n` "started" lines (or 20 s); the caller checks the count.
QByteArray readUntilStarted(QProcess &app, int n)
{
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (out.count("started") < n && t.elapsed() < 20'000) {
        app.waitForReadyRead(50);
        out += app.readAllStandardOutput();
    }
    return out;
}
} // namespace

class TestHeadlessRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void closedStdoutDoesNotKillTheRun();
    void signalDuringTheRun_data();
    void signalDuringTheRun();
    void signalDuringTheExports();
    void killedAppLeavesNoSegmentAndNoProcess();
    void queuesDoNotDependOnDevShm_data();
    void queuesDoNotDependOnDevShm();
    void scenarioThatIsNotARegularFileRefused();
    void exportToAFullDiskSaysDiskFull();
    void timeLimitEndsTheRun();

private:
    QString writeScenario(const QString &text);
    QStringList segmentsOf(qint64 pid) const;
    static bool ourProcessLingers(qint64 pid);
    static QList<qint64> holdersOfSegmentsOf(qint64 pid);

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
    // Named segments in /dev/shm (there should be none), and the run's anonymous ones, found
    // through every process that still holds one (their label carries the app's pid).
    QStringList found =
        QDir(u"/dev/shm"_s).entryList({u"concurrente-q-%1-*"_s.arg(pid)}, QDir::Files | QDir::System);
    const QString label = u"/memfd:concurrente-q-%1-"_s.arg(pid);
    for (const QString &proc : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (proc.toLongLong() <= 0)
            continue;
        const QString dir = u"/proc/"_s + proc + u"/fd"_s;
        for (const QString &fd :
             QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
            const QString target = QFile::symLinkTarget(dir + u'/' + fd);
            if (target.contains(label) && !found.contains(target.mid(target.indexOf(label))))
                found.append(target.mid(target.indexOf(label)));
        }
    }
    return found;
}

QList<qint64> TestHeadlessRobustness::holdersOfSegmentsOf(qint64 pid)
{
    // Every process of a run holds its queue segments (the main program keeps them for the
    // workers it starts, and every worker inherits them), so this finds what is left of a run.
    QList<qint64> holders;
    const QString label = u"/memfd:concurrente-q-%1-"_s.arg(pid);
    for (const QString &proc : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = u"/proc/"_s + proc + u"/fd"_s;
        for (const QString &fd : QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
            if (QFile::symLinkTarget(dir + u'/' + fd).contains(label) && !holders.contains(proc.toLongLong()))
                holders.append(proc.toLongLong());
    }
    return holders;
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
    const QByteArray out = readUntilStarted(app, 4);
    QVERIFY2(out.count("started") >= 4, out.constData());
    QElapsedTimer t;
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

void TestHeadlessRobustness::killedAppLeavesNoSegmentAndNoProcess()
{
    // Page 11's run (two queues, a pipe, spawned workers), the app SIGKILLed in the middle:
    // nothing of the app runs to clean up, yet no process of the run and no segment survive it.
    // The segments are anonymous: the kernel frees them with the last process that held one.
    const QString preset =
        qEnvironmentVariable("CONCURRENTE_DATA_DIR") + u"/lessons/presets/11-queues-pipes.json"_s;
    QProcess app;
    app.start(m_binary, {u"--run"_s, preset});
    QVERIFY(app.waitForStarted(10'000));
    const qint64 appPid = app.processId();
    const QByteArray out = readUntilStarted(app, 2);
    QVERIFY2(out.count("started") >= 2, out.constData());
    const QStringList during = segmentsOf(appPid);
    QVERIFY2(!during.isEmpty(), "the run holds no queue segment");
    for (const QString &s : during)
        QVERIFY2(s.startsWith(u"/memfd:"_s), qPrintable(s)); // nothing named in /dev/shm
    const QList<qint64> processes = holdersOfSegmentsOf(appPid);
    QVERIFY(!processes.isEmpty());
    app.kill(); // SIGKILL
    QVERIFY(app.waitForFinished(10'000));
    // Each process dies of its parent-death signal, a moment after its parent.
    QTRY_VERIFY_WITH_TIMEOUT(holdersOfSegmentsOf(appPid).isEmpty(), 10'000);
    QVERIFY2(segmentsOf(appPid).isEmpty(), qPrintable(segmentsOf(appPid).join(u' ')));
    for (qint64 pid : processes)
        QTRY_VERIFY_WITH_TIMEOUT(!ourProcessLingers(pid), 10'000);
}

void TestHeadlessRobustness::queuesDoNotDependOnDevShm_data()
{
    QTest::addColumn<QString>("mountOptions");
    QTest::addColumn<int>("capacity");
    QTest::newRow("read-only /dev/shm") << u"ro,size=1m"_s << 2;
    // 64 slots of 64 KiB in 128 KiB: a named segment there was refused (or, without its space
    // reserved, a SIGBUS); an anonymous one does not live in /dev/shm.
    QTest::newRow("/dev/shm too small") << u"size=128k"_s << 64;
}

void TestHeadlessRobustness::queuesDoNotDependOnDevShm()
{
    QFETCH(QString, mountOptions);
    QFETCH(int, capacity);
    // A /dev/shm of its own, in a mount namespace (needs CAP_SYS_ADMIN: root in CI).
    QProcess probe;
    probe.start(u"unshare"_s, {u"-m"_s, u"--propagation"_s, u"private"_s, u"true"_s});
    if (!probe.waitForFinished(10'000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("no mount namespace here (unshare -m needs CAP_SYS_ADMIN)");
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "queues":[{"name":"q","capacity":%1}],
        "workers":[{"task":"producer","args":{"queue":"q","count":3}},{"task":"consumer","args":{"queue":"q","count":3}}],
        "main":[{"action":"start","worker":0},{"action":"start","worker":1},{"action":"join","worker":0},{"action":"join","worker":1}]})"_s
                                               .arg(capacity));
    QProcess app;
    app.start(u"unshare"_s, {u"-m"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
                             u"mount -t tmpfs -o \"$2\" tmpfs /dev/shm && exec \"$0\" --run \"$1\""_s,
                             m_binary, scenario, mountOptions});
    QVERIFY(app.waitForFinished(60'000));
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, qPrintable(err));
    QVERIFY2(!err.contains(u"queue_error"_s), qPrintable(err));
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

void TestHeadlessRobustness::exportToAFullDiskSaysDiskFull()
{
    // Exports into a file system of 16 KiB (a tmpfs of its own, in a mount namespace): the
    // message names the cause, where it used to say "Unknown error", nothing half-written or
    // temporary is left, and the status is 1.
    QProcess probe;
    probe.start(u"unshare"_s, {u"-m"_s, u"--propagation"_s, u"private"_s, u"true"_s});
    if (!probe.waitForFinished(10'000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("no mount namespace here (unshare -m needs CAP_SYS_ADMIN)");
    const QString preset =
        qEnvironmentVariable("CONCURRENTE_DATA_DIR") + u"/lessons/presets/11-queues-pipes.json"_s;
    const QString dir = m_dir.filePath(u"full"_s);
    QVERIFY(QDir().mkpath(dir));
    QProcess app;
    app.start(u"unshare"_s,
              {u"-m"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
               u"mount -t tmpfs -o size=16k tmpfs \"$2\" && \"$0\" --run \"$1\" --export \"$2/r.json\" "
               "--export \"$2/r.html\"; s=$?; ls -A \"$2\"; exit $s"_s,
               m_binary, preset, dir});
    QVERIFY(app.waitForFinished(60'000));
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    const QString out = QString::fromLocal8Bit(app.readAllStandardOutput());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 1, qPrintable(err));
    QVERIFY2(err.contains(u"r.json: cannot write: the disk is full"_s), qPrintable(err));
    QVERIFY2(err.contains(u"r.html: cannot write: the disk is full"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"Unknown error"_s), qPrintable(err));
    // `ls -A` of the full file system printed nothing: no export, no temporary file.
    QVERIFY2(!out.contains(u"r.json"_s) && !out.contains(u"r.html"_s), qPrintable(out));
}

void TestHeadlessRobustness::timeLimitEndsTheRun()
{
    // A valid scenario that would take an hour (60 workers sleeping 60 s one after the other),
    // cut short by --time-limit: the run is ended, the export written, and the status is 1.
    QByteArray workers, main;
    for (int i = 0; i < 60; ++i) {
        workers += QByteArray(i ? "," : "") + R"({"task":"sleep","args":{"ms":60000}})";
        main += QByteArray(i ? "," : "") + R"({"action":"start","worker":)" + QByteArray::number(i) +
                R"(},{"action":"join","worker":)" + QByteArray::number(i) + "}";
    }
    const QString scenario = writeScenario(uR"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},
        "workers":[%1],"main":[%2]})"_s.arg(QString::fromUtf8(workers), QString::fromUtf8(main)));
    const QString exportPath = m_dir.filePath(u"limited.json"_s);
    QProcess app;
    QElapsedTimer t;
    t.start();
    app.start(m_binary, {u"--run"_s, scenario, u"--time-limit"_s, u"2"_s, u"--export"_s, exportPath});
    QVERIFY(app.waitForFinished(60'000));
    const QString err = QString::fromLocal8Bit(app.readAllStandardError());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 1, qPrintable(err));
    QVERIFY2(err.contains(u"time limit of 2 s"_s), qPrintable(err));
    const auto log = RunLog::load(exportPath);
    QVERIFY2(log, "the export was not written");
    int limits = 0;
    for (const Event &e : log->events())
        limits += e.kind == EventKind::TimeLimit;
    QCOMPARE(limits, 1);
    int started = 0;
    for (const ProcessRecord &p : log->processes) {
        started += p.pid.has_value();
        QVERIFY2(!p.pid || !ourProcessLingers(*p.pid), qPrintable(p.name));
    }
    QVERIFY(started >= 2 && started < 61); // the main program and the first worker, not all 60
}

QTEST_GUILESS_MAIN(TestHeadlessRobustness)
#include "tst_headlessrobustness.moc"
