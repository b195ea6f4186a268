// The run's launchers without processes: the main program's command line, the `start` command of
// each worker, and the pipe commands (made before any worker, closed after the last user started).
#include "datapaths.h"
#include "launcher.h"

#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

class TestLauncher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mainCommandLine();
    void startCommandNamesTheSegment();
    void pipesMadeThenClosedAfterTheLastUser();
    void closeAllForgetsWhenTheMainProgramIsGone();
    void escapedFields();

private:
    Scenario m_scenario; ///< page 11: queues q and objs, pipe p (sent by a worker, received by main)
};

void TestLauncher::initTestCase()
{
    const ScenarioLoadResult r =
        ScenarioLoader::loadFile(dataDir() + u"/lessons/presets/11-queues-pipes.json"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    m_scenario = r.scenario;
    QCOMPARE(m_scenario.pipes.size(), 1);
}

void TestLauncher::mainCommandLine()
{
    Launcher launcher(m_scenario, u"/h"_s);
    QCOMPARE(launcher.mainProgram(), u"/h/concurrente-main"_s);
    QCOMPARE(launcher.mainArguments().mid(0, 2), (QStringList{u"--worker"_s, u"/h/concurrente-worker"_s}));
    QCOMPARE(launcher.mainArguments().contains(u"--subreaper"_s), m_scenario.subreaper);
    Scenario reaper = m_scenario;
    reaper.subreaper = true;
    QVERIFY(Launcher(reaper, u"/h"_s).mainArguments().contains(u"--subreaper"_s));
}

void TestLauncher::startCommandNamesTheSegment()
{
    Launcher launcher(m_scenario, u"/h"_s);
    int index = -1;
    for (int i = 0; i < m_scenario.workers.size(); ++i)
        if (!m_scenario.workers[i].queueName().isEmpty())
            index = i;
    QVERIFY(index >= 0);
    const WorkerSpec &spec = m_scenario.workers[index];
    QStringList segments(m_scenario.queues.size());
    const int qi = m_scenario.queueIndexByName(spec.queueName());
    segments[qi] = u"concurrente-q-1-x"_s;
    const QList<QByteArray> fields = launcher.startCommand(index, segments).chopped(1).split('\t');
    QCOMPARE(fields.at(0), "start");
    QCOMPARE(QString::fromUtf8(fields.at(1)), spec.name);
    QCOMPARE(QString::fromUtf8(fields.at(2)), spec.task);
    QVERIFY(fields.contains("queue=concurrente-q-1-x"));            // the segment's real name
    QVERIFY(fields.contains("label=" + spec.queueName().toUtf8())); // events name the scenario's
    QVERIFY(launcher.startCommand(index, segments).endsWith('\n'));
    // Without a segment name (a queue that could not be made) the scenario's name stays.
    QVERIFY(launcher.startCommand(index, {}).contains("queue=" + spec.queueName().toUtf8()));
}

void TestLauncher::pipesMadeThenClosedAfterTheLastUser()
{
    RunPipes pipes(m_scenario);
    QCOMPARE(pipes.size(), 1);
    const RunPipes::Pipe &p = pipes[0];
    QCOMPARE(p.name, u"p"_s);
    QVERIFY(p.users >= 1);
    QVERIFY(p.mainReads); // the main program receives on it
    QCOMPARE(pipes.makeCommands(), QByteArray("pipe\tp\n"));
    QVERIFY(p.open);
    QCOMPARE(pipes.workerStarted(u"other"_s), QByteArray());
    QCOMPARE(pipes.workerStarted(QString()), QByteArray());
    for (int i = 1; i < p.users; ++i)
        QCOMPARE(pipes.workerStarted(u"p"_s), QByteArray());
    // The last user started: the main program closes its write end and keeps its read end.
    QCOMPARE(pipes.workerStarted(u"p"_s), QByteArray("pipe_close\tp\tkeep=read\n"));
    QVERIFY(p.open);
    QCOMPARE(pipes.workerStarted(u"p"_s), QByteArray());
    // At the end of the main script it closes what it kept.
    QCOMPARE(pipes.closeAll(false), QByteArray("pipe_close\tp\n"));
    QVERIFY(!p.open);
    QCOMPARE(pipes.closeAll(false), QByteArray());
}

void TestLauncher::closeAllForgetsWhenTheMainProgramIsGone()
{
    RunPipes pipes(m_scenario);
    pipes.makeCommands();
    QCOMPARE(pipes.closeAll(true), QByteArray());
    QVERIFY(!pipes[0].open);
}

void TestLauncher::escapedFields()
{
    QCOMPARE(escapedCommandField(u"a\tb\nc\\d\re"_s), u"a\\tb\\nc\\\\d e"_s);
}

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
