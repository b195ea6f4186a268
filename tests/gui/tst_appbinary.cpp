// The real `concurrente` executable: it starts, shows the first page and quits cleanly; its
// command line answers --version, --help and a bad --lesson without needing a display.

#include "export.h"
#include "runlog.h"
#include "scenario.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestAppBinary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsShowsPageAndQuits_data();
    void startsShowsPageAndQuits();
    void opensAtLastPageRead();
    void versionAndHelpNeedNoDisplay();
    void badArguments_data();
    void badArguments();
    void headlessRunNeedsNoDisplay();
    void windowSizeNamesTheRealLimit();
    void opensASavedRun();
    void badSavedRunIsNamed();
    void headlessExportsEveryFormat();
    void terminationSignalClosesTheWindow_data();
    void terminationSignalClosesTheWindow();

private:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };
    Result run(const QStringList &args, const QProcessEnvironment &env);
    QProcessEnvironment guiEnvironment() const;
    QProcessEnvironment noDisplayEnvironment() const;

    QString m_binary;
    QTemporaryDir m_config;
    QTemporaryDir m_runtime;
};

void TestAppBinary::initTestCase()
{
    m_binary = qEnvironmentVariable("CONCURRENTE_BIN_DIR") + QStringLiteral("/concurrente");
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    QVERIFY(m_config.isValid());
    QVERIFY(m_runtime.isValid());
    QVERIFY(QFile::setPermissions(m_runtime.path(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QProcessEnvironment TestAppBinary::guiEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The settings of this test only: never the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    return env;
}

QProcessEnvironment TestAppBinary::noDisplayEnvironment() const
{
    QProcessEnvironment env = guiEnvironment();
    // If the binary created a QApplication here it would abort: xcb with no X server.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

TestAppBinary::Result TestAppBinary::run(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(m_binary, args);
    Result r;
    if (!p.waitForStarted(10'000))
        return r;
    if (!finished.wait(60'000)) {
        p.kill();
        p.waitForFinished(5'000);
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

void TestAppBinary::startsShowsPageAndQuits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("lesson");
    QTest::newRow("es page 1") << QStringLiteral("es") << 1;
    QTest::newRow("en page 8") << QStringLiteral("en") << 8;
    QTest::newRow("es page 11") << QStringLiteral("es") << 11;
}

void TestAppBinary::startsShowsPageAndQuits()
{
    QFETCH(QString, language);
    QFETCH(int, lesson);
    const Result r = run({QStringLiteral("--lesson"), QString::number(lesson), QStringLiteral("--language"),
                          language, QStringLiteral("--quit-when-shown")},
                         guiEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // A clean run prints nothing: no Qt warnings, no "destroyed while running", no leaks reported.
    // (The offscreen platform plugin's notice about size hints is the test platform's own.)
    QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    lines.removeAll(QStringLiteral("This plugin does not support propagateSizeHints()"));
    QVERIFY2(lines.isEmpty(), qPrintable(r.err));

    QSettings settings(m_config.path() + QStringLiteral("/Concurrente/Concurrente.conf"),
                       QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("lesson/last")).toInt(), lesson);
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), language);
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
}

void TestAppBinary::opensAtLastPageRead()
{
    QVERIFY(run({QStringLiteral("--lesson"), QStringLiteral("4"), QStringLiteral("--quit-when-shown")},
                guiEnvironment())
                .exitCode == 0);
    const Result r = run({QStringLiteral("--quit-when-shown")}, guiEnvironment());
    QCOMPARE(r.exitCode, 0);
    QSettings settings(m_config.path() + QStringLiteral("/Concurrente/Concurrente.conf"),
                       QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("lesson/last")).toInt(), 4);
    const QStringList visited = settings.value(QStringLiteral("lesson/visited")).toString().split(u',');
    QVERIFY(visited.contains(QStringLiteral("4")));
}

void TestAppBinary::versionAndHelpNeedNoDisplay()
{
    Result r = run({QStringLiteral("--version")}, noDisplayEnvironment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("concurrente ")), qPrintable(r.out));
    QVERIFY(r.out.trimmed().split(u' ').constLast().contains(u'.'));

    r = run({QStringLiteral("--help")}, noDisplayEnvironment());
    QCOMPARE(r.exitCode, 0);
    for (const char *option :
         {"--lesson", "--run", "--export", "--version", "--help", "--quit-when-shown", "--lab-tab"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
}

void TestAppBinary::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("lesson 0") << QStringList{QStringLiteral("--lesson"), QStringLiteral("0")}
                              << QStringLiteral("--lesson");
    QTest::newRow("lesson 14") << QStringList{QStringLiteral("--lesson"), QStringLiteral("14")}
                               << QStringLiteral("--lesson");
    QTest::newRow("lesson abc") << QStringList{QStringLiteral("--lesson"), QStringLiteral("abc")}
                                << QStringLiteral("abc");
    QTest::newRow("lesson missing value")
        << QStringList{QStringLiteral("--lesson")} << QStringLiteral("lesson");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("frobnicate");
    QTest::newRow("export without run")
        << QStringList{QStringLiteral("--export"), QStringLiteral("x.json")} << QStringLiteral("--run");
    QTest::newRow("time limit without run")
        << QStringList{QStringLiteral("--time-limit"), QStringLiteral("5")} << QStringLiteral("--run");
    QTest::newRow("time limit zero") << QStringList{QStringLiteral("--run"), QStringLiteral("x.json"),
                                                    QStringLiteral("--time-limit"), QStringLiteral("0")}
                                     << QStringLiteral("--time-limit");
    QTest::newRow("time limit not a number")
        << QStringList{QStringLiteral("--run"), QStringLiteral("x.json"), QStringLiteral("--time-limit"),
                       QStringLiteral("10m")}
        << QStringLiteral("10m");
    QTest::newRow("bad language") << QStringList{QStringLiteral("--language"), QStringLiteral("fr")}
                                  << QStringLiteral("--language");
    QTest::newRow("bad lab tab") << QStringList{QStringLiteral("--lab-tab"), QStringLiteral("gantt")}
                                 << QStringLiteral("timeline");
    QTest::newRow("lab tab with run") << QStringList{QStringLiteral("--run"), QStringLiteral("x.json"),
                                                     QStringLiteral("--lab-tab"), QStringLiteral("charts")}
                                      << QStringLiteral("--lab-tab");
}

void TestAppBinary::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = run(args, noDisplayEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void TestAppBinary::headlessRunNeedsNoDisplay()
{
    // A scenario file that does not exist is a bad scenario: exit code 2 and the file named,
    // decided by the run engine under a QCoreApplication (no display).
    const QString missing = m_config.filePath(QStringLiteral("no-such-scenario.json"));
    const Result r = run({QStringLiteral("--run"), missing}, noDisplayEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 2, qPrintable(QStringLiteral("exit code %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.contains(QStringLiteral("no-such-scenario.json")), qPrintable(r.err));
}

void TestAppBinary::windowSizeNamesTheRealLimit()
{
    // Not a size at all: the message says what one looks like.
    Result r = run({QStringLiteral("--window-size"), QStringLiteral("10")}, noDisplayEnvironment());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("width and a height")), qPrintable(r.err));

    // A size the window cannot take: the message names the smallest it can, measured on the
    // window itself...
    r = run({QStringLiteral("--window-size"), QStringLiteral("10x10"), QStringLiteral("--quit-when-shown"),
             QStringLiteral("--language"), QStringLiteral("en")},
            guiEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 2);
    static const QRegularExpression least(QStringLiteral("at least (\\d+)x(\\d+)"));
    const QRegularExpressionMatch m = least.match(r.err);
    QVERIFY2(m.hasMatch(), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("must look like")), qPrintable(r.err));
    const int width = m.captured(1).toInt();
    const int height = m.captured(2).toInt();
    QVERIFY(width > 10 && height > 10);

    // ...and it is the real limit: that size opens, one pixel less does not.
    r = run({QStringLiteral("--window-size"), QStringLiteral("%1x%2").arg(width).arg(height),
             QStringLiteral("--quit-when-shown"), QStringLiteral("--language"), QStringLiteral("en")},
            guiEnvironment());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({QStringLiteral("--window-size"), QStringLiteral("%1x%2").arg(width - 1).arg(height),
             QStringLiteral("--quit-when-shown"), QStringLiteral("--language"), QStringLiteral("en")},
            guiEnvironment());
    QCOMPARE(r.exitCode, 2);
}

namespace {
QStringList significantLines(const QString &err)
{
    QStringList lines = err.split(u'\n', Qt::SkipEmptyParts);
    lines.removeAll(QStringLiteral("This plugin does not support propagateSizeHints()"));
    return lines;
}
} // namespace

void TestAppBinary::opensASavedRun()
{
    // `concurrente RUN.concurrente-run.json`, as a shell or a file manager (%f) gives it.
    const QString preset = qEnvironmentVariable("CONCURRENTE_DATA_DIR") +
                           QStringLiteral("/lessons/presets/11-queues-pipes.json");
    const concurrente::ScenarioLoadResult loaded = concurrente::ScenarioLoader::loadFile(preset);
    QVERIFY(loaded.ok());
    concurrente::RunLog log;
    log.appVersion = QStringLiteral("0.1.0");
    log.scenario = loaded.scenario.toJson();
    concurrente::ProcessRecord main;
    main.name = QStringLiteral("MainProcess");
    main.kind = QStringLiteral("main");
    main.pid = 4000;
    main.startNs = 1000;
    main.endNs = 5000;
    main.exitcode = 0;
    log.processes = {main};
    log.homework = {QStringLiteral("Ana"), QStringLiteral("3CM1"), QStringLiteral("Tarea 4")};
    log.finalize(4000);
    const QString path = m_config.filePath(QStringLiteral("saved.concurrente-run.json"));
    QVERIFY(concurrente::RunExporter::write(log, path));

    const Result r =
        run({QStringLiteral("--language"), QStringLiteral("en"), path, QStringLiteral("--quit-when-shown")},
            guiEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(significantLines(r.err).isEmpty(), qPrintable(r.err));
    // It was opened: it is the most recent run, and the page its example comes from was shown.
    QSettings settings(m_config.path() + QStringLiteral("/Concurrente/Concurrente.conf"),
                       QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("runs/recent")).toStringList().value(0), path);
    QCOMPARE(settings.value(QStringLiteral("lesson/last")).toInt(), 11);
}

void TestAppBinary::badSavedRunIsNamed()
{
    const QString path = m_config.filePath(QStringLiteral("truncated.concurrente-run.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "concurrente-run/2", "processes": [)");
    f.close();
    const Result r = run({path, QStringLiteral("--quit-when-shown")}, guiEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(path), qPrintable(r.err));
}

void TestAppBinary::headlessExportsEveryFormat()
{
    // Several --export at once, the report formats among them, with no display at all: the
    // offscreen platform is used for the reports only.
    const QString preset = qEnvironmentVariable("CONCURRENTE_DATA_DIR") +
                           QStringLiteral("/lessons/presets/11-queues-pipes.json");
    QTemporaryDir out;
    QStringList args{QStringLiteral("--run"), preset};
    const QStringList names{QStringLiteral("run.concurrente-run.json"), QStringLiteral("run.csv"),
                            QStringLiteral("run.trace.json"), QStringLiteral("run.html"),
                            QStringLiteral("run.pdf")};
    for (const QString &name : names)
        args << QStringLiteral("--export") << out.filePath(name);
    const Result r = run(args, noDisplayEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const auto head = [&out](const QString &name) {
        QFile f(out.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.read(64) : QByteArray();
    };
    QVERIFY(head(names[1]).startsWith("t_ms,pid,ppid,name,event,detail"));
    QVERIFY(head(names[2]).startsWith("{\"displayTimeUnit\""));
    QVERIFY(head(names[3]).startsWith("<!DOCTYPE html>"));
    QVERIFY(head(names[4]).startsWith("%PDF-"));
    QString error;
    const auto log = concurrente::RunLog::load(out.filePath(names[0]), &error);
    QVERIFY2(log, qPrintable(error));
    QVERIFY(!log->processes.isEmpty());
}

void TestAppBinary::terminationSignalClosesTheWindow_data()
{
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGHUP") << SIGHUP;
}

void TestAppBinary::terminationSignalClosesTheWindow()
{
    // The window closes the ordinary way (closeEvent ends a live run and saves the layout) and
    // the status says the signal: 128 + its number, not a death by the signal.
    QFETCH(int, sig);
    QProcess p;
    p.setProcessEnvironment(guiEnvironment());
    p.start(m_binary, {QStringLiteral("--lesson"), QStringLiteral("11")});
    QVERIFY(p.waitForStarted(10'000));
    // Handled once the app has installed its handler: the signal's bit in SigCgt.
    auto handled = [&p, sig] {
        QFile status(QStringLiteral("/proc/%1/status").arg(p.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return false;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("SigCgt:"))
                return ((line.mid(7).trimmed().toULongLong(nullptr, 16) >> (sig - 1)) & 1) != 0;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(handled(), 15'000);
    QCOMPARE(::kill(pid_t(p.processId()), sig), 0);
    QVERIFY(p.waitForFinished(15'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + sig);
    QSettings settings(m_config.path() + QStringLiteral("/Concurrente/Concurrente.conf"),
                       QSettings::IniFormat);
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestAppBinary)
#include "tst_appbinary.moc"
