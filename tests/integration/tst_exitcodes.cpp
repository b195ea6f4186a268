// No exit code is lost: a process's exit is final only after the event pipe has been read up to
// its death, so the `exit {code}` a grandchild reported before dying is its exit code, even when
// its pidfd says "exited" before the pipe has been read. Page 10's preset several times at once
// (CONCURRENTE_EXITCODE_RUNS, default 6; the soak label runs 100), and runs of 256 workers that
// each start a grandchild, forked and spawned.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestExitCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pageTenOrphanKeepsItsExitCode();
    void grandchildrenKeepTheirExitCodes_data();
    void grandchildrenKeepTheirExitCodes();

private:
    /// Runs each scenario with `--export`, `parallel` at a time; returns the exports' paths.
    QStringList runAll(const QStringList &scenarios, int parallel);
    /// "name (pid N)" of every process of the export whose exitcode is null.
    static QStringList nullExitCodes(const QString &exportPath);

    QString m_binary;
    QTemporaryDir m_dir;
    int m_exports = 0;
};

void TestExitCodes::initTestCase()
{
    m_binary = qEnvironmentVariable("CONCURRENTE_BIN_DIR") + u"/concurrente"_s;
    QVERIFY2(QFileInfo(m_binary).isExecutable(), qPrintable(m_binary));
    QVERIFY(m_dir.isValid());
}

QStringList TestExitCodes::runAll(const QStringList &scenarios, int parallel)
{
    QStringList exports;
    for (qsizetype first = 0; first < scenarios.size(); first += parallel) {
        std::vector<std::unique_ptr<QProcess>> batch;
        for (qsizetype i = first; i < std::min(scenarios.size(), first + parallel); ++i) {
            const QString out = m_dir.filePath(u"run-%1.json"_s.arg(++m_exports));
            exports.append(out);
            auto p = std::make_unique<QProcess>();
            p->setStandardOutputFile(QProcess::nullDevice());
            p->start(m_binary, {u"--run"_s, scenarios.at(i), u"--export"_s, out});
            batch.push_back(std::move(p));
        }
        for (auto &p : batch) {
            if (!p->waitForFinished(120'000)) {
                p->kill();
                p->waitForFinished();
            }
            if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
                qWarning() << "run failed:" << p->exitCode() << p->readAllStandardError();
        }
    }
    return exports;
}

QStringList TestExitCodes::nullExitCodes(const QString &exportPath)
{
    QFile f(exportPath);
    if (!f.open(QIODevice::ReadOnly))
        return {u"no export "_s + exportPath};
    const QJsonArray processes =
        QJsonDocument::fromJson(f.readAll()).object().value(u"processes"_s).toArray();
    if (processes.isEmpty())
        return {u"no processes in "_s + exportPath};
    QStringList nulls;
    for (const QJsonValue &v : processes) {
        const QJsonObject p = v.toObject();
        if (p.value(u"exitcode"_s).isNull())
            nulls.append(
                u"%1 (pid %2)"_s.arg(p.value(u"name"_s).toString()).arg(p.value(u"pid"_s).toInteger()));
    }
    return nulls;
}

void TestExitCodes::pageTenOrphanKeepsItsExitCode()
{
    const QString preset =
        qEnvironmentVariable("CONCURRENTE_DATA_DIR") + u"/lessons/presets/10-orphans.json"_s;
    const int runs = qEnvironmentVariableIsSet("CONCURRENTE_EXITCODE_RUNS")
                         ? qEnvironmentVariableIntValue("CONCURRENTE_EXITCODE_RUNS")
                         : 6;
    QStringList scenarios;
    for (int i = 0; i < runs; ++i)
        scenarios.append(preset);
    // Three at a time: a loaded machine is where the pidfd overtakes the pipe.
    const QStringList exports = runAll(scenarios, 3);
    QStringList lost;
    for (const QString &e : exports)
        for (const QString &n : nullExitCodes(e))
            lost.append(QFileInfo(e).fileName() + u": "_s + n);
    QVERIFY2(lost.isEmpty(), qPrintable(u"%1 exit codes lost in %2 runs: "_s.arg(lost.size()).arg(runs) +
                                        lost.join(u", "_s)));
}

void TestExitCodes::grandchildrenKeepTheirExitCodes_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << u"fork"_s;
    QTest::newRow("spawn") << u"spawn"_s;
}

void TestExitCodes::grandchildrenKeepTheirExitCodes()
{
    QFETCH(QString, method);
    // 256 workers, each starting a grandchild that lives 50 ms and is joined by its parent.
    QJsonArray workers, main;
    for (int i = 0; i < 256; ++i) {
        workers.append(QJsonObject{{u"task"_s, u"spawn_child"_s},
                                   {u"args"_s, QJsonObject{{u"ms"_s, 0}, {u"child_ms"_s, 50}}}});
        main.append(QJsonObject{{u"action"_s, u"start"_s}, {u"worker"_s, i}});
    }
    for (int i = 0; i < 256; ++i)
        main.append(QJsonObject{{u"action"_s, u"join"_s}, {u"worker"_s, i}});
    const QJsonObject scenario{{u"format"_s, u"concurrente-scenario/2"_s},
                               {u"start_method"_s, method},
                               {u"title"_s, QJsonObject{{u"es"_s, u"t"_s}, {u"en"_s, u"t"_s}}},
                               {u"workers"_s, workers},
                               {u"main"_s, main}};
    const QString path = m_dir.filePath(u"grandchildren-%1.json"_s.arg(method));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(scenario).toJson());
    f.close();
    const QStringList exports = runAll({path}, 1);
    const QStringList lost = nullExitCodes(exports.first());
    QVERIFY2(lost.isEmpty(),
             qPrintable(u"%1 exit codes lost: "_s.arg(lost.size()) + lost.mid(0, 10).join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestExitCodes)
#include "tst_exitcodes.moc"
