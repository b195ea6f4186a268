// An installed copy of the app: `cmake --install --prefix` into a temporary folder, then the
// installed executable runs a preset headless and opens every page, with none of the test
// environment's paths and from another working folder, so it can only find its pages and
// helpers relative to itself. The desktop files it installs are checked with the validators
// desktop users' systems run (skipped where they are not installed).

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestInstalled : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layout_data();
    void layout();
    void nothingOfTheBuildMachineIsCompiledIn_data();
    void nothingOfTheBuildMachineIsCompiledIn();
    void headlessRunOfAnInstalledPreset();
    void everyPageOpens_data();
    void everyPageOpens();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void iconsHaveTheirSizes_data();
    void iconsHaveTheirSizes();
    void runFilesHaveTheirMimeType();

private:
    struct Result
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };
    Result run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
               int timeoutMs = 120'000) const;
    /// The user's environment, minus everything that points the app at the build or source tree.
    QProcessEnvironment cleanEnvironment() const;
    QString installed(const QString &relative) const { return m_prefix.filePath(relative); }

    QTemporaryDir m_prefix;
    QTemporaryDir m_work;
};

TestInstalled::Result TestInstalled::run(const QString &program, const QStringList &args,
                                         const QProcessEnvironment &env, int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_work.path());
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    Result r;
    if (!p.waitForStarted(10'000))
        return r;
    if (!finished.wait(timeoutMs)) {
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

QProcessEnvironment TestInstalled::cleanEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CONCURRENTE_BIN_DIR"));
    env.remove(QStringLiteral("CONCURRENTE_DATA_DIR"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_work.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_work.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

void TestInstalled::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    QVERIFY(m_work.isValid());
    QVERIFY(QDir(m_work.path()).mkpath(QStringLiteral("runtime")));
    QVERIFY(QFile::setPermissions(m_work.filePath(QStringLiteral("runtime")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    // Stripped, as the package is: a debug build's debug information names its source files,
    // and that is not a path the app uses.
    const Result r = run(QStringLiteral(CONCURRENTE_CMAKE_COMMAND),
                         {QStringLiteral("--install"), QStringLiteral(CONCURRENTE_BUILD_DIR),
                          QStringLiteral("--prefix"), m_prefix.path(), QStringLiteral("--strip")},
                         QProcessEnvironment::systemEnvironment());
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 0, qPrintable(r.out + r.err));
    // The MIME type test reads the installed type through Qt's MIME database, which reads the
    // XDG data folders when it is first used.
    qputenv("XDG_DATA_DIRS",
            (m_prefix.filePath(QStringLiteral("share")) + QStringLiteral(":/usr/local/share:/usr/share"))
                .toLocal8Bit());
}

void TestInstalled::layout_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    auto row = [](const char *path, bool executable) {
        QTest::newRow(path) << QString::fromLatin1(path) << executable;
    };
    row("bin/concurrente", true);
    row("libexec/concurrente/concurrente-worker", true);
    row("libexec/concurrente/concurrente-main", true);
    row("share/concurrente/lessons/es/01-motivation.md", false);
    row("share/concurrente/lessons/en/13-free-lab.md", false);
    row("share/concurrente/lessons/presets/13-free-lab.json", false);
    row("share/concurrente/resources/diagrams/queue-en-narrow.svg", false);
    row("share/applications/concurrente.desktop", false);
    row("share/metainfo/io.github.concurrente.metainfo.xml", false);
    row("share/mime/packages/concurrente.xml", false);
    row("share/icons/hicolor/scalable/apps/concurrente.svg", false);
}

void TestInstalled::layout()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo info(installed(path));
    QVERIFY2(info.isFile(), qPrintable(info.filePath()));
    QCOMPARE(info.isExecutable(), executable);
    // The helpers are the app's own programs: not on the PATH.
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("bin/concurrente-worker"))));
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("bin/concurrente-main"))));
    // The developers' documents are not for students.
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("share/concurrente/docs"))));
}

void TestInstalled::nothingOfTheBuildMachineIsCompiledIn_data()
{
    QTest::addColumn<QString>("path");
    for (const char *p : {"bin/concurrente", "libexec/concurrente/concurrente-worker",
                          "libexec/concurrente/concurrente-main"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestInstalled::nothingOfTheBuildMachineIsCompiledIn()
{
    QFETCH(QString, path);
    QFile f(installed(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const char *dir : {CONCURRENTE_SOURCE_DIR, CONCURRENTE_BUILD_DIR})
        QVERIFY2(!bytes.contains(QByteArray(dir)), dir);
}

void TestInstalled::headlessRunOfAnInstalledPreset()
{
    const QString exported = m_work.filePath(QStringLiteral("homework.concurrente-run.json"));
    const Result r =
        run(installed(QStringLiteral("bin/concurrente")),
            {QStringLiteral("--run"),
             installed(QStringLiteral("share/concurrente/lessons/presets/06-join-terminate.json")),
             QStringLiteral("--export"), exported},
            cleanEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("MainProcess")), qPrintable(r.out));
    QFile log(exported);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("\"concurrente-run/"));
}

void TestInstalled::everyPageOpens_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("language");
    for (int n = 1; n <= 13; ++n) {
        const QString language = n % 2 ? QStringLiteral("es") : QStringLiteral("en");
        QTest::addRow("%s page %d", qPrintable(language), n) << n << language;
    }
}

void TestInstalled::everyPageOpens()
{
    QFETCH(int, page);
    QFETCH(QString, language);
    const Result r = run(installed(QStringLiteral("bin/concurrente")),
                         {QStringLiteral("--lesson"), QString::number(page), QStringLiteral("--language"),
                          language, QStringLiteral("--quit-when-shown")},
                         cleanEnvironment());
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // A page or diagram that is not found is reported on stderr: nothing may be.
    QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    lines.removeAll(QStringLiteral("This plugin does not support propagateSizeHints()"));
    QVERIFY2(lines.isEmpty(), qPrintable(r.err));
}

void TestInstalled::desktopEntryIsValid()
{
    const QString desktop = installed(QStringLiteral("share/applications/concurrente.desktop"));
    QFile f(desktop);
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("\nExec=concurrente %f\n")));
    QVERIFY(text.contains(QStringLiteral("\nMimeType=application/x-concurrente-run;\n")));
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty())
        QSKIP("desktop-file-validate is not installed (scripts/deps.sh installs desktop-file-utils)");
    const Result r = run(validator, {desktop}, QProcessEnvironment::systemEnvironment());
    QCOMPARE(r.exitCode, 0);
    // Hints too (e.g. two main categories) count: the output must be empty.
    QVERIFY2(r.out.trimmed().isEmpty() && r.err.trimmed().isEmpty(), qPrintable(r.out + r.err));
}

void TestInstalled::metainfoIsValid()
{
    const QString appstream = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (appstream.isEmpty())
        QSKIP("appstreamcli is not installed (scripts/deps.sh installs appstream)");
    const Result r = run(appstream,
                         {QStringLiteral("validate"), QStringLiteral("--no-net"),
                          installed(QStringLiteral("share/metainfo/io.github.concurrente.metainfo.xml"))},
                         QProcessEnvironment::systemEnvironment());
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void TestInstalled::iconsHaveTheirSizes_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("%dx%d", size, size) << size;
}

void TestInstalled::iconsHaveTheirSizes()
{
    QFETCH(int, size);
    const QImage icon(installed(QStringLiteral("share/icons/hicolor/%1x%1/apps/concurrente.png").arg(size)));
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.size(), QSize(size, size));
    QVERIFY(icon.hasAlphaChannel());
    // Drawn, not blank: the tile's centre is opaque.
    QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255);
}

void TestInstalled::runFilesHaveTheirMimeType()
{
    const QString packages = installed(QStringLiteral("share/mime/packages/concurrente.xml"));
    if (const QString update = QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
        !update.isEmpty()) {
        // The database tool accepts the file, as the package's trigger will run it.
        QTemporaryDir mime;
        QVERIFY(QDir(mime.path()).mkpath(QStringLiteral("packages")));
        QVERIFY(QFile::copy(packages, mime.filePath(QStringLiteral("packages/concurrente.xml"))));
        const Result r = run(update, {mime.path()}, QProcessEnvironment::systemEnvironment());
        // (It also notes that the temporary folder is not a data folder of this session: fine.)
        QVERIFY2(r.exitCode == 0 && !r.err.contains(QStringLiteral("error"), Qt::CaseInsensitive) &&
                     !r.err.contains(QStringLiteral("warning"), Qt::CaseInsensitive),
                 qPrintable(r.err));
    }
    const QMimeDatabase db;
    const QMimeType run =
        db.mimeTypeForFile(QStringLiteral("homework.concurrente-run.json"), QMimeDatabase::MatchExtension);
    QCOMPARE(run.name(), QStringLiteral("application/x-concurrente-run"));
    QVERIFY(run.inherits(QStringLiteral("application/json")));
    QCOMPARE(db.mimeTypeForFile(QStringLiteral("scenario.json"), QMimeDatabase::MatchExtension).name(),
             QStringLiteral("application/json"));
}

QTEST_GUILESS_MAIN(TestInstalled)
#include "tst_installed.moc"
