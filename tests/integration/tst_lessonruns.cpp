// Runs every lesson preset headless through the real `concurrente` binary and checks, in the
// JSON run log it exports, the fact the lesson page teaches. Black box: the only inputs are the
// preset files (or temporary copies with one thing changed) and the only outputs the exit code,
// stderr and the run log.

#include "datapaths.h"
#include "scenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 120'000;

QString presetPath(const QString &base)
{
    return dataDir() + u"/lessons/presets/"_s + base + u".json"_s;
}

QJsonObject readJsonFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

struct RunResult
{
    bool finished = false; ///< the binary ended within the timeout
    int exitCode = -1;
    QString out;
    QString err;
    qint64 appPid = 0; ///< the concurrente process itself (the parent of QProcess workers)
    QJsonObject log;
    QList<QJsonObject> events;

    QJsonArray processes() const { return log.value(u"processes"_s).toArray(); }
    QJsonObject process(const QString &name) const
    {
        for (const QJsonValue &p : processes()) {
            if (p.toObject().value(u"name"_s).toString() == name)
                return p.toObject();
        }
        return {};
    }
    QJsonValue exitcode(const QString &name) const { return process(name).value(u"exitcode"_s); }
    qint64 pidOf(const QString &name) const { return process(name).value(u"pid"_s).toInteger(); }
    /// Events of kind `ev`, optionally only those about the process called `name` (by the
    /// event's own `name`, or by its pid).
    QList<QJsonObject> eventsOf(const QString &ev, const QString &name = {}) const
    {
        QList<QJsonObject> found;
        const qint64 pid = name.isEmpty() ? 0 : pidOf(name);
        for (const QJsonObject &e : events) {
            if (e.value(u"ev"_s).toString() != ev)
                continue;
            if (!name.isEmpty() && e.value(u"name"_s).toString() != name &&
                !(pid != 0 && e.value(u"pid"_s).toInteger() == pid && !e.contains(u"name"_s)))
                continue;
            found.append(e);
        }
        return found;
    }
    qint64 firstNs(const QString &ev, const QString &name) const
    {
        const auto l = eventsOf(ev, name);
        return l.isEmpty() ? -1 : l.first().value(u"t_ns"_s).toInteger();
    }
};

bool processLingers(qint64 pid)
{
    if (pid <= 1)
        return false;
    if (::kill(pid_t(pid), 0) != 0)
        return errno != ESRCH;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false; // gone between the two checks
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    if (close >= 0 && close + 2 < s.size() && (s.at(close + 2) == 'Z' || s.at(close + 2) == 'X'))
        return false; // a zombie has ended; only its parent's reaping is left
    // A recycled pid belongs to something else: only our own executables count.
    QFile cmd(u"/proc/%1/cmdline"_s.arg(pid));
    if (!cmd.open(QIODevice::ReadOnly))
        return false;
    return cmd.readAll().contains("concurrente");
}

} // namespace

class TestLessonRuns : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void motivation_data();
    void motivation();
    void greeting_data() { launchers(); }
    void greeting();
    void pidPpid_data() { launchers(); }
    void pidPpid();
    void exercise1_data();
    void exercise1();
    void names_data() { launchers(); }
    void names();
    void terminate_data() { launchers(); }
    void terminate();
    void exercise2_data() { launchers(); }
    void exercise2();
    void gil_data() { launchers(); }
    void gil();
    void daemons_data() { launchers(); }
    void daemons();
    void orphans_data();
    void orphans();
    void daemonHasNoChildren_data() { launchers(); }
    void daemonHasNoChildren();
    void queues_data() { launchers(); }
    void queues();
    void exercise3_data() { launchers(); }
    void exercise3();
    void freeLab();
    void badScenario_data();
    void badScenario();
    void sameAsPython_data();
    void sameAsPython();
    void csvExport();

private:
    void launchers();
    /// Runs `scenarioFile` headless, exporting the JSON run log; checks afterwards that no
    /// process named in the log is still alive.
    void run(RunResult *result, const QString &scenarioFile, const QStringList &extraExports = {});
    /// A temporary copy of a preset with every worker's launcher set, and `edit` applied.
    QString variant(const QString &preset, const QString &launcher,
                    const std::function<void(QJsonObject &)> &edit = {});

    QString m_bin;
    QTemporaryDir m_tmp;
    int m_variants = 0;
};

void TestLessonRuns::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_bin = helperDir() + u"/concurrente"_s;
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + u" is not built"_s));
}

void TestLessonRuns::launchers()
{
    QTest::addColumn<QString>("launcher");
    QTest::newRow("spawn") << u"spawn"_s;
    QTest::newRow("fork") << u"fork"_s;
    QTest::newRow("forkserver") << u"forkserver"_s;
}

void TestLessonRuns::run(RunResult *result, const QString &scenarioFile, const QStringList &extraExports)
{
    RunResult &r = *result;
    const QString logPath = m_tmp.filePath(u"run-%1.json"_s.arg(++m_variants));
    QStringList args{u"--run"_s, scenarioFile, u"--export"_s, logPath};
    for (const QString &e : extraExports)
        args << u"--export"_s << e;
    QProcess p;
    QSignalSpy started(&p, &QProcess::started);
    QSignalSpy done(&p, &QProcess::finished);
    p.start(m_bin, args);
    QVERIFY2(!started.isEmpty() || started.wait(10'000), qPrintable(p.errorString()));
    r.appPid = p.processId();
    r.finished = done.wait(kRunTimeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    r.log = readJsonFile(logPath);
    QFile::remove(logPath);
    for (const QJsonValue &e : r.log.value(u"events"_s).toArray())
        r.events.append(e.toObject());

    // No process of the run may outlive it: every pid the log knows must be gone (or a zombie
    // awaiting its reaper). The kernel needs a moment to finish a SIGKILLed process's exit.
    QSet<qint64> pids;
    for (const QJsonValue &pv : r.processes())
        pids.insert(pv.toObject().value(u"pid"_s).toInteger());
    for (const QJsonObject &e : std::as_const(r.events)) {
        if (e.value(u"pid"_s).isDouble())
            pids.insert(e.value(u"pid"_s).toInteger());
    }
    pids.remove(r.appPid);
    for (qint64 pid : std::as_const(pids))
        QTRY_VERIFY2_WITH_TIMEOUT(!processLingers(pid), qPrintable(u"pid %1 outlived the run"_s.arg(pid)),
                                  5000);
    // Nor may its shared-memory queues: their names carry the creating process's pid
    // (src/shmq), so other tests running meanwhile cannot confuse this check.
    const QStringList leftovers =
        QDir(u"/dev/shm"_s).entryList({u"concurrente-q-%1-*"_s.arg(r.appPid)}, QDir::Files | QDir::System);
    QVERIFY2(leftovers.isEmpty(), qPrintable(u"left in /dev/shm: "_s + leftovers.join(u", "_s)));
}

// Runs a scenario into a new RunResult `r`; stops the test when running it already failed.
#define RUN(r, ...)                                                                                          \
    RunResult r;                                                                                             \
    run(&r, __VA_ARGS__);                                                                                    \
    if (QTest::currentTestFailed())                                                                          \
    return

QString TestLessonRuns::variant(const QString &preset, const QString &launcher,
                                const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject o = readJsonFile(presetPath(preset));
    // The run's start method (set_start_method), for a preset of either format.
    QJsonArray workers = o.value(u"workers"_s).toArray();
    for (auto &&w : workers) {
        QJsonObject wo = w.toObject();
        wo.remove(u"launcher"_s);
        wo.remove(u"start_method"_s);
        w = wo;
    }
    o.insert(u"workers"_s, workers);
    o.insert(u"format"_s, u"concurrente-scenario/2"_s);
    o.insert(u"start_method"_s, launcher);
    if (edit)
        edit(o);
    const QString path = m_tmp.filePath(u"%1-%2-%3.json"_s.arg(preset, launcher).arg(++m_variants));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(o).toJson());
    return path;
}

#define CHECK_RUN(r)                                                                                         \
    do {                                                                                                     \
        QVERIFY2((r).finished, "the run did not end in time");                                               \
        QVERIFY2((r).exitCode == 0, qPrintable(u"exit code %1\n"_s.arg((r).exitCode) + (r).err));            \
        QCOMPARE((r).log.value(u"format"_s).toString(), u"concurrente-run/2"_s);                             \
    } while (false)

void TestLessonRuns::motivation_data()
{
    launchers();
}

void TestLessonRuns::motivation()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"01-motivation"_s, launcher));
    CHECK_RUN(r);
    // First the main program calls both functions itself (no child process), then two children.
    for (const QString &n : {u"Process-1"_s, u"Process-2"_s})
        QCOMPARE(r.exitcode(n).toInt(-99), 0);
    QCOMPARE(r.eventsOf(u"print"_s, u"Process-1"_s).last().value(u"text"_s).toString(), u"cuadrado: 81"_s);
    QCOMPARE(r.eventsOf(u"print"_s, u"Process-2"_s).last().value(u"text"_s).toString(), u"cubo: 729"_s);
    const qint64 main = r.pidOf(u"MainProcess"_s);
    QStringList mainPrints;
    for (const QJsonObject &e : r.eventsOf(u"print"_s))
        if (e.value(u"pid"_s).toInteger() == main)
            mainPrints.append(e.value(u"text"_s).toString());
    QCOMPARE(mainPrints.size(), 22); // two headers, ten squares, ten cubes
    QCOMPARE(mainPrints.value(10), u"cuadrado: 81"_s);
    QCOMPARE(mainPrints.last(), u"cubo: 729"_s);
    const auto calls = r.eventsOf(u"call"_s);
    const auto returns = r.eventsOf(u"call_done"_s);
    QCOMPARE(calls.size(), 2);
    QCOMPARE(returns.size(), 2);
    // Sequential: from the first call to the second's return; parallel: from asking for the
    // first child to the end of the later one. Sleeps dominate, so this holds even on a loaded
    // machine.
    const qint64 seq = returns[1].value(u"t_ns"_s).toInteger() - calls[0].value(u"t_ns"_s).toInteger();
    const qint64 par =
        std::max(r.firstNs(u"exited"_s, u"Process-1"_s), r.firstNs(u"exited"_s, u"Process-2"_s)) -
        r.firstNs(u"start_request"_s, u"Process-1"_s);
    QVERIFY2(seq > 3'900'000'000LL, qPrintable(u"sequential took %1 ns"_s.arg(seq)));
    QVERIFY2(par > 1'900'000'000LL, qPrintable(u"parallel took %1 ns"_s.arg(par)));
    QVERIFY2(double(par) < 0.75 * double(seq),
             qPrintable(u"parallel %1 ns vs sequential %2 ns"_s.arg(par).arg(seq)));
}

void TestLessonRuns::greeting()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"02-creating-processes"_s, launcher));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Process-1"_s).toInt(-99), 0);
    const auto prints = r.eventsOf(u"print"_s, u"Process-1"_s);
    QVERIFY(!prints.isEmpty());
    QCOMPARE(prints.first().value(u"text"_s).toString(), u"Hola Saul"_s);
    QCOMPARE(r.process(u"Process-1"_s).value(u"start_method"_s).toString(), launcher);
    // The run log embeds the scenario as it ran; it loads again (a saved run can be re-run).
    const ScenarioLoadResult again =
        ScenarioLoader::loadObject(r.log.value(u"scenario"_s).toObject(), u"log"_s);
    QVERIFY2(again.ok(), qPrintable(again.errorStrings().join(u'\n')));
    QCOMPARE(again.scenario.workers.size(), 1);
    QCOMPARE(startMethodName(again.scenario.workers.first().startMethod), launcher);
}

void TestLessonRuns::pidPpid()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"03-pid-ppid"_s, launcher));
    CHECK_RUN(r);
    const auto starts = r.eventsOf(u"start"_s, u"Process-1"_s);
    QCOMPARE(starts.size(), 1);
    // The child's parent_process() is the one main program, whatever the start method; its
    // os.getppid() too, except under forkserver (the server the main program forked).
    const qint64 main = r.pidOf(u"MainProcess"_s);
    QVERIFY(main > 0 && main != r.appPid);
    QCOMPARE(r.process(u"MainProcess"_s).value(u"kind"_s).toString(), u"main"_s);
    QCOMPARE(r.process(u"MainProcess"_s).value(u"ppid"_s).toInteger(), r.appPid);
    const qint64 parent = launcher == u"forkserver"_s ? r.pidOf(u"ForkServer"_s) : main;
    QVERIFY(parent > 0);
    QCOMPARE(starts.first().value(u"ppid"_s).toInteger(), parent);
    QCOMPARE(r.process(u"Process-1"_s).value(u"ppid"_s).toInteger(), parent);
    QCOMPARE(r.process(u"Process-1"_s).value(u"parent_pid"_s).toInteger(), main);
    QCOMPARE(starts.first().value(u"pid"_s).toInteger(), r.pidOf(u"Process-1"_s));
}

void TestLessonRuns::exercise1_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<double>("c");
    for (const QString &l : {u"spawn"_s, u"fork"_s, u"forkserver"_s}) {
        QTest::addRow("%s c=4", qPrintable(l)) << l << 4.0;
        QTest::addRow("%s c=0", qPrintable(l)) << l << 0.0;
    }
}

void TestLessonRuns::exercise1()
{
    QFETCH(QString, launcher);
    QFETCH(double, c);
    RUN(r, variant(u"04-exercise-1"_s, launcher, [c](QJsonObject &o) {
            QJsonArray ws = o.value(u"workers"_s).toArray();
            for (auto &&w : ws) {
                QJsonObject wo = w.toObject();
                QJsonObject args = wo.value(u"args"_s).toObject();
                args.insert(u"c"_s, c);
                wo.insert(u"args"_s, args);
                w = wo;
            }
            o.insert(u"workers"_s, ws);
        }));
    CHECK_RUN(r);
    auto result = [&](const QString &n) {
        const auto l = r.eventsOf(u"result"_s, n);
        return l.isEmpty() ? QJsonValue() : l.first().value(u"value"_s);
    };
    // a·b·c and a+b+c never divide; (a+b)/c does.
    QCOMPARE(r.exitcode(u"Producto"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"Suma"_s).toInt(-99), 0);
    QCOMPARE(result(u"Producto"_s).toDouble(), 2 * 3 * c);
    QCOMPARE(result(u"Suma"_s).toDouble(), 2 + 3 + c);
    if (c == 0) {
        QCOMPARE(r.exitcode(u"División"_s).toInt(-99), 1);
        const auto errors = r.eventsOf(u"error"_s, u"División"_s);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().value(u"type"_s).toString(), u"ZeroDivisionError"_s);
        QCOMPARE(errors.first().value(u"message"_s).toString(), u"division by zero"_s);
    } else {
        QCOMPARE(r.exitcode(u"División"_s).toInt(-99), 0);
        QCOMPARE(result(u"División"_s).toDouble(), 1.25);
    }
    // All three children share one parent.
    const qint64 ppid = r.process(u"Producto"_s).value(u"ppid"_s).toInteger();
    QVERIFY(ppid > 0);
    QCOMPARE(r.process(u"Suma"_s).value(u"ppid"_s).toInteger(), ppid);
    QCOMPARE(r.process(u"División"_s).value(u"ppid"_s).toInteger(), ppid);
}

void TestLessonRuns::names()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"05-cpu-count-names"_s, launcher));
    CHECK_RUN(r);
    QStringList workerNames;
    for (const QJsonValue &p : r.processes()) {
        if (p.toObject().value(u"kind"_s).toString() == u"worker"_s)
            workerNames.append(p.toObject().value(u"name"_s).toString());
    }
    QCOMPARE(workerNames, (QStringList{u"Worker 1"_s, u"Worker 2"_s, u"Process-3"_s}));
    // The worker itself reports the name it was given.
    const auto starts = r.eventsOf(u"start"_s, u"Process-3"_s);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.first().value(u"name"_s).toString(), u"Process-3"_s);
    for (const QString &n : workerNames)
        QCOMPARE(r.exitcode(n).toInt(-99), 0);
}

void TestLessonRuns::terminate()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"06-join-terminate"_s, launcher));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Process-1"_s).toInt(-99), -15);
    QCOMPARE(r.eventsOf(u"terminate"_s, u"Process-1"_s).size(), 1);
    QVERIFY(r.eventsOf(u"exit"_s, u"Process-1"_s).isEmpty()); // it never returned normally
    // It was ended after one second, not after its 20 s sleep.
    const qint64 lived =
        r.firstNs(u"exited"_s, u"Process-1"_s) - r.firstNs(u"start_request"_s, u"Process-1"_s);
    QVERIFY2(lived < 15'000'000'000LL, qPrintable(u"lived %1 ns"_s.arg(lived)));
}

void TestLessonRuns::exercise2()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"07-exercise-2"_s, launcher));
    CHECK_RUN(r);
    const QStringList names{u"funP1"_s, u"funP2"_s, u"funP3"_s};
    const auto chosen = r.eventsOf(u"terminate_random"_s);
    QCOMPARE(chosen.size(), 1);
    const QString victim = chosen.first().value(u"name"_s).toString();
    QVERIFY2(names.contains(victim), qPrintable(victim));
    int terminated = 0;
    for (const QString &n : names) {
        const int code = r.exitcode(n).toInt(-99);
        if (n == victim) {
            QCOMPARE(code, -15);
            ++terminated;
        } else {
            QCOMPARE(code, 0);
        }
    }
    QCOMPARE(terminated, 1);
    // The survivors computed the notebook's values: a·b+c = 10, a·b·c = 24, (a·b)/c = 1.5.
    const QHash<QString, double> expected{{u"funP1"_s, 10}, {u"funP2"_s, 24}, {u"funP3"_s, 1.5}};
    for (const QString &n : names) {
        if (n == victim)
            continue;
        const auto res = r.eventsOf(u"result"_s, n);
        QCOMPARE(res.size(), 1);
        QCOMPARE(res.first().value(u"value"_s).toDouble(), expected.value(n));
    }
}

void TestLessonRuns::gil()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"08-gil"_s, launcher));
    CHECK_RUN(r);
    for (const QString &n : {u"1 thread"_s, u"2 threads"_s, u"Process A"_s, u"Process B"_s})
        QCOMPARE(r.exitcode(n).toInt(-99), 0);
    // The page's fact, in a form no machine load can bend: two threads under one interpreter
    // lock never run at the same time, so together they use no more CPU than wall time, and the
    // lock changed hands; a process has its own lock and never hands it over.
    const auto threads = r.eventsOf(u"result"_s, u"2 threads"_s);
    QCOMPARE(threads.size(), 1);
    const QJsonObject t = threads.first();
    QCOMPARE(t.value(u"thread_cpu_ns"_s).toArray().size(), 2);
    QVERIFY2(t.value(u"gil_switches"_s).toInteger() > 0, "the lock never changed hands");
    const qint64 cpu = t.value(u"cpu_ns"_s).toInteger(), wall = t.value(u"wall_ns"_s).toInteger();
    QVERIFY(cpu > 0);
    QVERIFY2(double(cpu) <= 1.05 * double(wall) + 20e6,
             qPrintable(u"cpu %1 ns > wall %2 ns"_s.arg(cpu).arg(wall)));
    // The one-thread baseline ("will 2 threads be faster than 1?") and each process hold their
    // own lock alone.
    for (const QString &n : {u"1 thread"_s, u"Process A"_s, u"Process B"_s}) {
        const auto res = r.eventsOf(u"result"_s, n);
        QCOMPARE(res.size(), 1);
        QCOMPARE(res.first().value(u"gil_switches"_s).toInteger(), 0);
    }
}

void TestLessonRuns::daemons()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"09-daemons"_s, launcher));
    CHECK_RUN(r);
    QCOMPARE(r.process(u"Worker 1"_s).value(u"daemon"_s).toBool(), true);
    QCOMPARE(r.exitcode(u"Worker 2"_s).toInt(-99), 0);
    // join(1) returned at its timeout with the daemon alive...
    const auto timeouts = r.eventsOf(u"join_timeout"_s, u"Worker 1"_s);
    QCOMPARE(timeouts.size(), 1);
    QCOMPARE(timeouts.first().value(u"timeout_ms"_s).toInt(), 1000);
    QCOMPARE(timeouts.first().value(u"is_alive"_s).toBool(), true);
    // ...and end_main terminated it: −15, after end_main, and it never printed "Exiting".
    QCOMPARE(r.exitcode(u"Worker 1"_s).toInt(-99), -15);
    const qint64 endMain = r.firstNs(u"end_main"_s, {});
    QVERIFY(endMain > 0);
    QVERIFY(r.firstNs(u"exited"_s, u"Worker 1"_s) >= endMain);
    QVERIFY(timeouts.first().value(u"t_ns"_s).toInteger() < endMain);
    for (const QJsonObject &p : r.eventsOf(u"print"_s, u"Worker 1"_s))
        QVERIFY2(!p.value(u"text"_s).toString().startsWith(u"Exiting"_s),
                 qPrintable(p.value(u"text"_s).toString()));
    QVERIFY(!r.eventsOf(u"print"_s, u"Worker 2"_s).isEmpty());
    QCOMPARE(r.eventsOf(u"print"_s, u"Worker 2"_s).last().value(u"text"_s).toString(),
             u"Exiting process Worker 2..."_s);
}

void TestLessonRuns::orphans_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<bool>("subreaper");
    QTest::newRow("fork (the preset)") << u"fork"_s << false;
    QTest::newRow("fork with subreaper") << u"fork"_s << true;
}

void TestLessonRuns::orphans()
{
    QFETCH(QString, launcher);
    QFETCH(bool, subreaper);
    RUN(r, variant(u"10-orphans"_s, launcher,
                   [subreaper](QJsonObject &o) { o.insert(u"subreaper"_s, subreaper); }));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Hijo"_s).toInt(-99), -15);
    const qint64 child = r.pidOf(u"Hijo"_s);
    QVERIFY(child > 0);
    const auto moved = r.eventsOf(u"reparented"_s);
    QVERIFY2(!moved.isEmpty(), "the grandchild never reported a new parent");
    const QJsonObject e = moved.first();
    QVERIFY(e.value(u"pid"_s).toInteger() != child);
    QCOMPARE(e.value(u"old_ppid"_s).toInteger(), child);
    QVERIFY(e.value(u"ppid"_s).toInteger() > 0);
    QVERIFY(e.value(u"ppid"_s).toInteger() != e.value(u"old_ppid"_s).toInteger());
    if (subreaper) // the run's main program adopted its own grandchild
        QCOMPARE(e.value(u"ppid"_s).toInteger(), r.pidOf(u"MainProcess"_s));
    // The adopted grandchild is a process of the run too, and finishes its own 4 s: nobody
    // kills it, and its exit code is known.
    QJsonObject grandchild;
    for (const QJsonValue &p : r.processes())
        if (p.toObject().value(u"pid"_s).toInteger() == e.value(u"pid"_s).toInteger())
            grandchild = p.toObject();
    QVERIFY(!grandchild.isEmpty());
    QCOMPARE(grandchild.value(u"exitcode"_s).toInt(-99), 0);
    QVERIFY(r.eventsOf(u"kill"_s, grandchild.value(u"name"_s).toString()).isEmpty());
}

void TestLessonRuns::daemonHasNoChildren()
{
    // multiprocessing refuses children to a daemonic process; so does the lab.
    QFETCH(QString, launcher);
    RUN(r, variant(u"10-orphans"_s, launcher, [](QJsonObject &o) {
            QJsonArray ws = o.value(u"workers"_s).toArray();
            QJsonObject w = ws.first().toObject();
            w.insert(u"daemon"_s, true);
            ws[0] = w;
            o.insert(u"workers"_s, ws);
        }));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Hijo"_s).toInt(-99), 1);
    const auto errors = r.eventsOf(u"error"_s, u"Hijo"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().value(u"type"_s).toString(), u"AssertionError"_s);
    QCOMPARE(errors.first().value(u"message"_s).toString(),
             u"daemonic processes are not allowed to have children"_s);
    QVERIFY(r.eventsOf(u"reparented"_s).isEmpty());
}

void TestLessonRuns::queues()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"11-queues-pipes"_s, launcher));
    CHECK_RUN(r);
    for (const QJsonValue &p : r.processes())
        QCOMPARE(p.toObject().value(u"exitcode"_s).toInt(-99), 0);
    // worker(5, q) put 25, and the main program got it and printed it, as the listing does.
    const qint64 main = r.pidOf(u"MainProcess"_s);
    auto mainEvents = [&](const QString &ev) {
        QList<QJsonObject> out;
        for (const QJsonObject &e : r.eventsOf(ev))
            if (e.value(u"pid"_s).toInteger() == main)
                out.append(e);
        return out;
    };
    const auto puts = r.eventsOf(u"put"_s, u"Process-2"_s);
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts.first().value(u"value"_s).toInt(), 25);
    const auto got = mainEvents(u"get"_s);
    QVERIFY(!got.isEmpty());
    QCOMPARE(got.first().value(u"value"_s).toInt(), 25);
    QStringList mainPrints;
    for (const QJsonObject &e : mainEvents(u"print"_s))
        mainPrints.append(e.value(u"text"_s).toString());
    // One producer, one consumer: FIFO.
    QList<int> values;
    for (const QJsonObject &g : r.eventsOf(u"get"_s, u"Consumidor"_s))
        values.append(g.value(u"value"_s).toInt());
    QCOMPARE(values, (QList<int>{0, 1, 2, 3, 4}));
    // MyWorker(5) went through the queue and was processed by the getter, which, as the page's
    // child, is the first Process created: it prints the page's line.
    bool processed = false;
    for (const QJsonObject &pr : r.eventsOf(u"print"_s, u"Process-1"_s))
        processed =
            processed || pr.value(u"text"_s).toString() == u"Starting process Process-1 for number 5..."_s;
    QVERIFY(processed);
    // The pipe carried the page's words and its None end marker to the main program, which
    // printed every word until the None (the page's output, exactly).
    QCOMPARE(mainPrints, (QStringList{u"Se lee de la cola: 25"_s, u"Recibido: hola"_s, u"Recibido: desde"_s,
                                      u"Recibido: el"_s, u"Recibido: hijo"_s}));
    QVERIFY(got.last().value(u"value"_s).isNull());
    QCOMPARE(got.last().value(u"producer"_s).toInteger(), r.pidOf(u"Emisor"_s));
    QCOMPARE(r.eventsOf(u"recv_done"_s).size(), 1);
}

void TestLessonRuns::exercise3()
{
    QFETCH(QString, launcher);
    RUN(r, variant(u"12-exercise-3"_s, launcher));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Lector 1"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"Lector 2"_s).toInt(-99), 0);
    // Each reader stops at its own None end marker, put by the main program after the values.
    QList<int> values;
    const qint64 main = r.pidOf(u"MainProcess"_s);
    for (const QString &n : {u"Lector 1"_s, u"Lector 2"_s}) {
        const auto got = r.eventsOf(u"get"_s, n);
        QVERIFY(!got.isEmpty());
        QVERIFY2(got.last().value(u"value"_s).isNull(), "the last value a reader gets is its None");
        for (qsizetype k = 0; k + 1 < got.size(); ++k)
            values.append(got[k].value(u"value"_s).toInt());
        for (const QJsonObject &g : got)
            QCOMPARE(g.value(u"producer"_s).toInteger(), main);
    }
    std::sort(values.begin(), values.end());
    QCOMPARE(values, (QList<int>{1, 2, 3, 4, 5, 6})); // each value exactly once
}

void TestLessonRuns::freeLab()
{
    RUN(r, presetPath(u"13-free-lab"_s));
    CHECK_RUN(r);
    QCOMPARE(r.exitcode(u"Process-1"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"Process-2"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"CPU"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"Sleeper"_s).toInt(-99), -9);
    QCOMPARE(r.exitcode(u"Crash"_s).toInt(-99), -6);
    QCOMPARE(r.exitcode(u"Forked"_s).toInt(-99), 0);
    QCOMPARE(r.exitcode(u"Daemon"_s).toInt(-99), -15);
    QCOMPARE(r.process(u"Forked"_s).value(u"start_method"_s).toString(), u"fork"_s);
    QCOMPARE(r.process(u"Forked"_s).value(u"ppid"_s).toInteger(), r.pidOf(u"MainProcess"_s));
    QCOMPARE(r.eventsOf(u"stop"_s, u"Sleeper"_s).size(), 1);
    QCOMPARE(r.eventsOf(u"continue"_s, u"Sleeper"_s).size(), 1);
}

void TestLessonRuns::badScenario_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a number")
        << QByteArray(R"({"format": "concurrente-scenario/1", "title": {"es": "a", "en": "b"},
        "workers": [{"task": "info"}, {"task": "info"}, {"task": "arith", "args": {"op": "sum3", "a": 1, "b": 2, "c": "x"}}], "main": []})")
        << u"workers[2].args.c"_s << u"must be a number"_s;
    QTest::newRow("join before start")
        << QByteArray(R"({"format": "concurrente-scenario/1", "title": {"es": "a", "en": "b"},
        "workers": [{"task": "info"}], "main": [{"action": "join", "worker": 0}]})")
        << u"main[0].worker"_s << u"can only join a started process"_s;
    QTest::newRow("syntax") << QByteArray("{\"format\": ") << QString() << u"invalid JSON at line 1"_s;
}

void TestLessonRuns::badScenario()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const QString file = m_tmp.filePath(u"broken-scenario.json"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(json);
    f.close();
    RUN(r, file);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"broken-scenario.json"_s), qPrintable(r.err));
    if (!path.isEmpty())
        QVERIFY2(r.err.contains(u"broken-scenario.json: "_s + path + u": "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY(r.processes().isEmpty()); // nothing ran
}

void TestLessonRuns::sameAsPython_data()
{
    launchers();
}

void TestLessonRuns::sameAsPython()
{
    // The same program in CPython's multiprocessing and in a scenario, with the same start
    // method: names, exit codes (Process-N numbering, 1 after an exception, −15 terminate, −9
    // kill, −15 for a daemon at the end of main) and who is whose parent must agree — as
    // relations, never raw pids.
    QFETCH(QString, launcher);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed: the comparison with CPython needs it");
    const QByteArray script = R"PY(
import json, multiprocessing as mp, os, sys, time
def nap(s): time.sleep(s)
def div(a, b, c): return (a + b) / c
def run(f, main, ready, *args):
    me = mp.current_process()
    # One write per line: siblings share the pipe.
    os.write(1, (json.dumps({'name': me.name, 'ppid_is_main': os.getppid() == main,
                             'parent_is_main': mp.parent_process().pid == main}) + '\n').encode())
    ready.release()
    f(*args)
if __name__ == '__main__':
    mp.set_start_method(sys.argv[1])
    me = os.getpid()
    ready = mp.Semaphore(0)
    ps = [mp.Process(target=run, args=(nap, me, ready, 0.2), name='Worker 1'),
          mp.Process(target=run, args=(nap, me, ready, 0.4)),
          mp.Process(target=run, args=(div, me, ready, 2, 3, 0)),
          mp.Process(target=run, args=(nap, me, ready, 20)),
          mp.Process(target=run, args=(nap, me, ready, 20), name='Killed'),
          mp.Process(target=run, args=(nap, me, ready, 20), daemon=True)]
    for p in ps: p.start()
    for p in ps: ready.acquire(timeout=30)  # every child has reported (slow starts under load)
    ps[3].terminate(); ps[4].kill()
    for p in ps[:5]: p.join()
    codes = {p.name: p.exitcode for p in ps[:5]}
    d = ps[5]
    d.terminate(); d.join()  # what the end of main does to a live daemon
    codes[d.name] = d.exitcode
    print(json.dumps({'codes': codes}))
)PY";
    const QString scriptFile = m_tmp.filePath(u"same-as-python.py"_s);
    {
        QFile f(scriptFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(script);
    }
    QProcess py;
    py.start(python, {scriptFile, launcher});
    QVERIFY(py.waitForFinished(60'000));
    QJsonObject pyCodes;
    QMap<QString, QJsonObject> pyParents;
    const QByteArray pyOut = py.readAllStandardOutput();
    for (const QByteArray &line : pyOut.trimmed().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(u"codes"_s))
            pyCodes = o.value(u"codes"_s).toObject();
        else if (o.contains(u"name"_s))
            pyParents.insert(o.value(u"name"_s).toString(), o);
    }
    QVERIFY2(!pyCodes.isEmpty(), py.readAllStandardError().constData());
    QVERIFY2(pyParents.size() == 6, pyOut.constData());

    const QByteArray scenario =
        R"({"format": "concurrente-scenario/2", "title": {"es": "Python", "en": "Python"},
      "workers": [{"name": "Worker 1", "task": "sleep", "args": {"ms": 200}},
                  {"task": "sleep", "args": {"ms": 400}},
                  {"task": "arith", "args": {"op": "sumdiv", "a": 2, "b": 3, "c": 0}},
                  {"task": "sleep", "args": {"ms": 20000}},
                  {"name": "Killed", "task": "sleep", "args": {"ms": 20000}},
                  {"task": "sleep", "args": {"ms": 20000}, "daemon": true}],
      "main": [{"action": "start", "worker": 0}, {"action": "start", "worker": 1}, {"action": "start", "worker": 2},
               {"action": "start", "worker": 3}, {"action": "start", "worker": 4}, {"action": "start", "worker": 5},
               {"action": "sleep_ms", "ms": 1000}, {"action": "terminate", "worker": 3}, {"action": "kill", "worker": 4},
               {"action": "join", "worker": 0}, {"action": "join", "worker": 1}, {"action": "join", "worker": 2},
               {"action": "join", "worker": 3}, {"action": "join", "worker": 4}, {"action": "end_main"}]})";
    QJsonObject o = QJsonDocument::fromJson(scenario).object();
    o.insert(u"start_method"_s, launcher);
    const QString file = m_tmp.filePath(u"python-%1.json"_s.arg(launcher));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(o).toJson());
    f.close();
    RUN(r, file);
    CHECK_RUN(r);
    const qint64 main = r.pidOf(u"MainProcess"_s);
    QJsonObject ours;
    for (const QJsonValue &p : r.processes()) {
        const QJsonObject po = p.toObject();
        if (po.value(u"kind"_s).toString() != u"worker"_s)
            continue;
        const QString name = po.value(u"name"_s).toString();
        ours.insert(name, po.value(u"exitcode"_s));
        QVERIFY2(pyParents.contains(name), qPrintable(name));
        QCOMPARE(po.value(u"ppid"_s).toInteger() == main, pyParents[name].value(u"ppid_is_main"_s).toBool());
        QCOMPARE(po.value(u"parent_pid"_s).toInteger() == main,
                 pyParents[name].value(u"parent_is_main"_s).toBool());
    }
    QCOMPARE(ours, pyCodes);
}

void TestLessonRuns::csvExport()
{
    // A name a spreadsheet would run as a formula must arrive as text.
    const QString file = variant(u"02-creating-processes"_s, u"spawn"_s, [](QJsonObject &o) {
        QJsonArray ws = o.value(u"workers"_s).toArray();
        QJsonObject w = ws.first().toObject();
        w.insert(u"name"_s, u"=HYPERLINK(1)"_s);
        ws[0] = w;
        o.insert(u"workers"_s, ws);
    });
    const QString csv = m_tmp.filePath(u"run.csv"_s);
    RUN(r, file, {csv});
    CHECK_RUN(r);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    const QList<QByteArray> lines = text.trimmed().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("t_ms,pid,ppid,name,event,detail"));
    QCOMPARE(lines.size() - 1, r.events.size()); // one row per event
    QVERIFY2(text.contains("'=HYPERLINK(1)"), text.constData());
    for (const QByteArray &line : lines)
        QVERIFY2(!line.startsWith('=') && !line.contains(",=") && !line.contains(",\"="), line.constData());
    f.remove();
}

QTEST_GUILESS_MAIN(TestLessonRuns)
#include "tst_lessonruns.moc"
