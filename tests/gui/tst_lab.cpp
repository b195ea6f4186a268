// The lab pane with real processes: an edited worker runs, page 6 stepped line by line, a worker
// terminated from the table, page 10's orphan in the tree, a crash's traceback in the console,
// a stable selection while rows change — and every model under QAbstractItemModelTester.
#include "labmodels.h"
#include "labpanel.h"
#include "lessoncatalog.h"
#include "runjournal.h"
#include "scenario.h"
#include "scenarioeditor.h"
#include "themecolors.h"
#include "uitranslations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>

#include <csignal>

using namespace concurrente;

namespace {

QString preset(int page)
{
    return LessonCatalog().page(QStringLiteral("en"), page).presetPath;
}

/// The store row of the process named `name`, or -1.
int rowNamed(const LabPanel &lab, const QString &name)
{
    for (int r = 0; r < lab.store()->processCount(); ++r)
        if (lab.store()->process(r).record.name == name)
            return r;
    return -1;
}

QString cell(const LabPanel &lab, int row, int column)
{
    return lab.processModel()->index(row, column).data().toString();
}

struct Testers
{
    explicit Testers(LabPanel &lab)
        : table(lab.processModel(), QAbstractItemModelTester::FailureReportingMode::QtTest),
          tree(lab.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest),
          events(lab.eventModel(), QAbstractItemModelTester::FailureReportingMode::QtTest),
          messages(lab.messageModel(), QAbstractItemModelTester::FailureReportingMode::QtTest)
    {}
    QAbstractItemModelTester table;
    QAbstractItemModelTester tree;
    QAbstractItemModelTester events;
    QAbstractItemModelTester messages;
};

/// Two workers printing `lines` lines each, `rate` a second, and one dividing by zero.
Scenario floodScenario(int lines, int rate)
{
    const QByteArray ticker = R"({"task":"ticker","args":{"count":)" + QByteArray::number(lines) +
                              R"(,"rate":)" + QByteArray::number(rate) + "}}";
    const QByteArray json =
        R"({"format":"concurrente-scenario/2","title":{"es":"flood","en":"flood"},"workers":[)" + ticker +
        "," + ticker +
        R"(,{"name":"Div","task":"arith","args":{"op":"sumdiv","a":1,"b":2,"c":0}}],"main":[)"
        R"({"action":"start","worker":0},{"action":"start","worker":1},{"action":"start","worker":2},)"
        R"({"action":"join","worker":0},{"action":"join","worker":1},{"action":"join","worker":2}]})";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, QStringLiteral("flood.json"));
    if (!r.ok())
        qWarning("%s", qPrintable(r.errorStrings().join(u'\n')));
    return r.scenario;
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editedArgumentRunsAndCrashShowsTraceback();
    void presetNamesFollowTheLanguage();
    void stepThroughPage6();
    void terminateFromTheTable();
    void treeAfterAdoption();
    void selectionStaysWhileRowsChange();
    void queuesAndPipesInTheMessagesTable();
    void startMethodOfTheRun();
    void discardARunWithStoppedProcesses();
    void journalWhileARunGoesOn();
    void consoleUnderAFlood();

private:
    UiTranslations m_translations;
};

void TestLab::initTestCase()
{
    m_translations.setLanguage(QStringLiteral("en"));
}

void TestLab::editedArgumentRunsAndCrashShowsTraceback()
{
    // Page 4: Producto, Suma and División compute with a, b, c. The student sets División's c to
    // 0 and runs: that worker raises ZeroDivisionError, the others are untouched.
    LabPanel lab;
    Testers testers(lab);
    lab.resize(900, 800);
    lab.show();
    QSignalSpy drafts(&lab, &LabPanel::draftChanged);
    lab.showPreset(preset(4), QStringLiteral("en"));
    QVERIFY(lab.message().isEmpty());
    lab.editor()->setCurrentWorker(2);
    auto *c = lab.editor()->findChild<QDoubleSpinBox *>(QStringLiteral("arg_c"));
    QVERIFY(c);
    c->setValue(0);
    QVERIFY(lab.isEdited());
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(lab.scenario().workers.at(2).args.value(QStringLiteral("c")).toDouble(), 0.0);

    QVERIFY(lab.runAction()->isEnabled());
    lab.runAction()->trigger();
    QVERIFY(!lab.editor()->isEnabled() || lab.editor()->isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run() && lab.run()->isFinished(), 20000);
    const int division = rowNamed(lab, QStringLiteral("División"));
    const int product = rowNamed(lab, QStringLiteral("Producto"));
    QVERIFY(division >= 0 && product >= 0);
    QCOMPARE(cell(lab, division, ProcessTableModel::ExitCode), QStringLiteral("1"));
    QCOMPARE(cell(lab, product, ProcessTableModel::ExitCode), QStringLiteral("0"));

    // Its console: CPython's report of an exception in a Process, in the error colour.
    QComboBox *choice = lab.consoleProcess();
    choice->setCurrentIndex(choice->findData(division));
    const QString text = lab.consoleModel()->text();
    QVERIFY2(text.contains(QStringLiteral("Process División:")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Traceback (most recent call last):")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ZeroDivisionError")), qPrintable(text));
    const QModelIndexList at =
        lab.consoleModel()->match(lab.consoleModel()->index(0), Qt::DisplayRole,
                                  QStringLiteral("ZeroDivisionError"), 1, Qt::MatchStartsWith);
    QCOMPARE(at.size(), 1);
    QCOMPARE(at.constFirst().data(Qt::ForegroundRole).value<QColor>(),
             errorTextColor(lab.console()->palette()));
    // All processes: the run's stderr, where the child wrote its report, once.
    choice->setCurrentIndex(choice->findData(-1));
    const QString all = lab.consoleModel()->text();
    QVERIFY2(all.contains(
                 QStringLiteral("[stderr] Process División:\n[stderr] ZeroDivisionError: division by zero")),
             qPrintable(all));
    QCOMPARE(all.count(QStringLiteral("ZeroDivisionError")), 1);
    // The other worker's console has its result and no traceback.
    choice->setCurrentIndex(choice->findData(product));
    QVERIFY(!lab.consoleModel()->text().contains(QStringLiteral("Traceback")));
    QVERIFY(!lab.consoleModel()->text().isEmpty());

    // Back to the page's example.
    QVERIFY(lab.resetAction()->isEnabled());
    lab.resetAction()->trigger();
    QVERIFY(!lab.isEdited());
    QCOMPARE(lab.scenario().workers.at(2).args.value(QStringLiteral("c")).toDouble(), 4.0);
    QCOMPARE(drafts.constLast().at(1).toByteArray(), QByteArray());
}

void TestLab::presetNamesFollowTheLanguage()
{
    // Page 8 names its workers in both languages: before a run they follow the interface; the
    // processes of a run keep the names they ran with.
    LabPanel lab;
    Testers testers(lab);
    lab.resize(900, 800);
    lab.show();
    lab.showPreset(preset(8), QStringLiteral("es"));
    QVERIFY(lab.message().isEmpty());
    QCOMPARE(lab.scenario().workers.at(0).name, QStringLiteral("1 hilo"));
    QCOMPARE(lab.scenario().workers.at(3).name, QStringLiteral("Proceso B"));
    lab.showPreset(preset(8), QStringLiteral("en"));
    QCOMPARE(lab.scenario().workers.at(0).name, QStringLiteral("1 thread"));
    QVERIFY(!lab.isEdited());
    lab.showPreset(preset(8), QStringLiteral("es"));
    QCOMPARE(lab.scenario().workers.at(1).name, QStringLiteral("2 hilos"));

    lab.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(lab, QStringLiteral("1 hilo")) >= 0, 20000);
    lab.showPreset(preset(8), QStringLiteral("en"));
    QCOMPARE(lab.scenario().workers.at(0).name, QStringLiteral("1 hilo"));
    QVERIFY(rowNamed(lab, QStringLiteral("1 hilo")) >= 0);
    QVERIFY(lab.run());
    QPointer<Run> run = lab.run();
    run->abort();
    QTRY_VERIFY_WITH_TIMEOUT(!run || run->isFinished(), 20000);
}

void TestLab::stepThroughPage6()
{
    // Page 6 asks what p.exitcode is after terminate() and join(). Stepped line by line, the lab
    // shows None until the main program has joined the child (or seen it dead), then −15.
    LabPanel lab;
    Testers testers(lab);
    lab.show();
    lab.showPreset(preset(6), QStringLiteral("en"));
    QVERIFY(!lab.actionTexts().isEmpty());
    QSignalSpy phases(&lab, &LabPanel::runStateChanged);
    lab.stepAction()->trigger(); // 1. p1.start()
    QVERIFY(lab.run());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->nextMainAction() == 1 && !lab.run()->isMainActionInProgress(), 10000);
    const int child = 0;
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, child, ProcessTableModel::State), QStringLiteral("running"), 10000);
    QCOMPARE(cell(lab, child, ProcessTableModel::ExitCode), QStringLiteral("None"));
    QVERIFY(lab.statusText().contains(QStringLiteral("Paused before line 2")));
    QVERIFY(lab.stepAction()->isEnabled());
    QVERIFY(!lab.endAction()->isEnabled() == false);

    lab.stepAction()->trigger(); // 2. time.sleep(1)
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->nextMainAction() == 2 && !lab.run()->isMainActionInProgress(), 10000);
    lab.stepAction()->trigger(); // 3. p1.terminate()
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->nextMainAction() == 3 && !lab.run()->isMainActionInProgress(), 10000);
    // The child is dead, but nobody joined it: Python's p.exitcode is still None.
    QTRY_VERIFY_WITH_TIMEOUT(lab.store()->process(child).hasEnded(), 10000);
    lab.store()->flush();
    QCOMPARE(cell(lab, child, ProcessTableModel::State), QStringLiteral("ended, not joined"));
    QCOMPARE(cell(lab, child, ProcessTableModel::ExitCode), QStringLiteral("None"));
    QVERIFY(!lab.processModel()->index(child, ProcessTableModel::ExitCode).data().toString().contains(u'1'));

    lab.stepAction()->trigger(); // 4. print(p1.is_alive(), p1.exitcode)
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->nextMainAction() == 4 && !lab.run()->isMainActionInProgress(), 10000);
    lab.stepAction()->trigger(); // 5. p1.join()
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->nextMainAction() == 5 && !lab.run()->isMainActionInProgress(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, child, ProcessTableModel::ExitCode),
                              QStringLiteral("\u221215 (SIGTERM)"), 5000);
    QCOMPARE(cell(lab, child, ProcessTableModel::State), QStringLiteral("terminated"));

    // Run goes on to the end.
    QVERIFY(lab.runAction()->isEnabled());
    lab.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 10000);
    QVERIFY(lab.statusText().startsWith(QStringLiteral("Finished in")));
    QVERIFY(!lab.endAction()->isEnabled());
    QVERIFY(!phases.isEmpty());
}

void TestLab::terminateFromTheTable()
{
    // Process by process, as the page says: select the worker, Start, Terminate, Join.
    LabPanel lab;
    Testers testers(lab);
    lab.show();
    lab.showPreset(preset(6), QStringLiteral("en"));
    lab.tabs()->setCurrentIndex(LabPanel::ProcessesTab);
    QVERIFY(!lab.startAction()->isEnabled()); // nothing selected
    lab.selectProcess(0);
    QVERIFY(lab.startAction()->isEnabled());
    QVERIFY(!lab.terminateAction()->isEnabled());
    lab.startAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::State), QStringLiteral("running"), 10000);
    QTRY_VERIFY(lab.terminateAction()->isEnabled());
    QVERIFY(!lab.startAction()->isEnabled());
    QVERIFY(lab.stopAction()->isEnabled());
    QVERIFY(!lab.continueAction()->isEnabled());
    QVERIFY(lab.statusText().contains(QStringLiteral("you give the main program's orders")));

    lab.stopAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::State), QStringLiteral("stopped"), 5000);
    QTRY_VERIFY(lab.continueAction()->isEnabled());
    lab.continueAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::State), QStringLiteral("running"), 5000);

    lab.terminateAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.store()->process(0).hasEnded(), 5000);
    QTRY_VERIFY(lab.joinAction()->isEnabled());
    lab.joinAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::ExitCode), QStringLiteral("\u221215 (SIGTERM)"),
                              5000);
    QCOMPARE(lab.store()->process(0).record.exitcode, std::optional<int>(-SIGTERM));

    // End run: nothing of the run survives, and the status says how it ended.
    QVERIFY(lab.endAction()->isEnabled());
    lab.endAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 10000);
    QVERIFY2(lab.statusText().startsWith(QStringLiteral("Run ended.")), qPrintable(lab.statusText()));
}

void TestLab::treeAfterAdoption()
{
    // Page 10: the child starts a grandchild and is terminated; the grandchild is orphaned and
    // re-parented. In the tree it leaves its parent, marked as adopted.
    LabPanel lab;
    Testers testers(lab);
    lab.show();
    lab.showPreset(preset(10), QStringLiteral("en"));
    lab.tabs()->setCurrentIndex(LabPanel::TreeTab);
    lab.runAction()->trigger();
    int grandchild = -1;
    QTRY_VERIFY_WITH_TIMEOUT((grandchild = rowNamed(lab, QStringLiteral("Process-1:1"))) >= 0, 10000);
    const int child = rowNamed(lab, QStringLiteral("Hijo"));
    const int mainRow = rowNamed(lab, QStringLiteral("MainProcess"));
    QVERIFY(child >= 0 && mainRow >= 0);
    // First under its parent, which is under the main program.
    QTRY_COMPARE_WITH_TIMEOUT(lab.treeModel()->treeParentOf(grandchild), child, 5000);
    QCOMPARE(lab.treeModel()->treeParentOf(child), mainRow);
    QCOMPARE(lab.treeModel()->treeParentOf(mainRow), -1);
    // Then adopted: not under its dead parent any more.
    QTRY_VERIFY_WITH_TIMEOUT(lab.store()->process(grandchild).adopted, 10000);
    QTRY_VERIFY(lab.treeModel()->treeParentOf(grandchild) != child);
    const QModelIndex at = lab.treeModel()->indexOfProcess(grandchild);
    QVERIFY(at.isValid());
    QVERIFY2(at.data().toString().contains(QStringLiteral("adopted by PID")),
             qPrintable(at.data().toString()));
    QCOMPARE(at.parent(), lab.treeModel()->indexOfProcess(lab.treeModel()->treeParentOf(grandchild)));
    // Its whole name and the adoption show, not "Process-1:…".
    lab.tabs()->setCurrentWidget(lab.treeView());
    QTreeView *tree = lab.treeView();
    const auto needed = [&] {
        const QModelIndex shown = lab.treeModel()->indexOfProcess(grandchild);
        return tree->visualRect(shown).left() - tree->columnViewportPosition(0) +
               tree->fontMetrics().horizontalAdvance(shown.data().toString());
    };
    QTRY_VERIFY2(tree->columnWidth(0) >= needed(),
                 qPrintable(QStringLiteral("%1 < %2").arg(tree->columnWidth(0)).arg(needed())));
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 20000);
    QCOMPARE(lab.store()->process(grandchild).record.exitcode, std::optional<int>(0));
}

void TestLab::selectionStaysWhileRowsChange()
{
    // A student selects a worker before the run; as processes appear, change state and end,
    // the same worker stays selected and the view does not jump.
    LabPanel lab;
    Testers testers(lab);
    lab.resize(900, 700);
    lab.show();
    lab.showPreset(preset(4), QStringLiteral("en"));
    lab.tabs()->setCurrentIndex(LabPanel::ProcessesTab);
    lab.selectProcess(1);
    QTableView *view = lab.processView();
    const int scroll = view->verticalScrollBar()->value();
    lab.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 20000);
    QVERIFY(lab.store()->processCount() > 3); // the main program's row came after
    const QModelIndexList selected = view->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), QStringLiteral("Suma"));
    QCOMPARE(view->verticalScrollBar()->value(), scroll);
}

void TestLab::queuesAndPipesInTheMessagesTable()
{
    // Page 11: every message of the queues and the pipe, its put paired with its get.
    LabPanel lab;
    Testers testers(lab);
    lab.show();
    lab.showPreset(preset(11), QStringLiteral("en"));
    lab.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 30000);
    MessageModel *messages = lab.messageModel();
    QVERIFY(messages->rowCount() >= 10);
    int pipe = 0;
    for (int r = 0; r < messages->rowCount(); ++r) {
        const QString sender = messages->index(r, MessageModel::Sender).data().toString();
        const QString receiver = messages->index(r, MessageModel::Receiver).data().toString();
        QVERIFY2(!sender.isEmpty() && !receiver.isEmpty(), qPrintable(QString::number(r)));
        QVERIFY(!messages->index(r, MessageModel::Latency).data().toString().isEmpty());
        if (messages->index(r, MessageModel::Channel).data().toString().endsWith(QStringLiteral("(pipe)")))
            ++pipe;
    }
    QCOMPARE(pipe, 5); // hola, desde, el, hijo, None
    // The event log's kind filter offers each kind the run recorded once, sorted, after "All".
    auto *kinds = lab.findChild<QComboBox *>(QStringLiteral("eventKindFilter"));
    QVERIFY(kinds);
    QStringList offered;
    for (int i = 1; i < kinds->count(); ++i)
        offered << kinds->itemData(i).toString();
    QCOMPARE(kinds->itemData(0).toString(), QString());
    QStringList sorted = offered;
    sorted.removeDuplicates();
    sorted.sort();
    QCOMPARE(offered, sorted);
    for (const char *k : {"start_request", "start", "put", "get", "recv_done", "join", "exited", "end_main"})
        QVERIFY2(offered.contains(QLatin1String(k)), k);
}

void TestLab::startMethodOfTheRun()
{
    // set_start_method('spawn') for page 2: the worker is spawned, its name stays Process-1.
    LabPanel lab;
    Testers testers(lab);
    lab.show();
    QSignalSpy drafts(&lab, &LabPanel::draftChanged);
    lab.showPreset(preset(2), QStringLiteral("en"));
    QComboBox *method = lab.startMethodBox();
    QCOMPARE(method->currentText(), QStringLiteral("fork"));
    method->setCurrentIndex(method->findText(QStringLiteral("spawn")));
    Q_EMIT method->activated(method->currentIndex());
    QCOMPARE(lab.scenario().startMethod, StartMethod::Spawn);
    QCOMPARE(drafts.size(), 1);
    QVERIFY(lab.isEdited());
    lab.runAction()->trigger();
    QVERIFY(!method->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 10000);
    QCOMPARE(cell(lab, 0, ProcessTableModel::StartMethod), QStringLiteral("spawn"));
    QCOMPARE(cell(lab, 0, ProcessTableModel::Name), QStringLiteral("Process-1"));
    QCOMPARE(cell(lab, 0, ProcessTableModel::ExitCode), QStringLiteral("0"));
    QVERIFY(method->isEnabled());
}

void TestLab::discardARunWithStoppedProcesses()
{
    // A student stops a worker and goes to another page: the run is ended in the background
    // (SIGKILL reaches a stopped process too) and nothing of it is left.
    LabPanel lab;
    lab.show();
    lab.showPreset(preset(6), QStringLiteral("en"));
    lab.selectProcess(0);
    lab.startAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::State), QStringLiteral("running"), 10000);
    lab.stopAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(lab, 0, ProcessTableModel::State), QStringLiteral("stopped"), 5000);
    QList<qint64> pids;
    for (int r = 0; r < lab.store()->processCount(); ++r)
        if (lab.store()->process(r).record.pid)
            pids.append(*lab.store()->process(r).record.pid);
    QCOMPARE(pids.size(), 2); // the worker and the main program
    QPointer<Run> old = lab.run();
    QElapsedTimer t;
    t.start();
    lab.showPreset(preset(2), QStringLiteral("en"));
    QVERIFY2(t.elapsed() < 500, "discarding a run must not block the window");
    QVERIFY(lab.run() != old.data());
    QCOMPARE(lab.store()->process(0).state, RunStore::State::Created); // the new page's run
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), 10000); // deleted once everything of it was reaped
    for (qint64 pid : std::as_const(pids))
        QVERIFY2(::kill(pid_t(pid), 0) != 0, qPrintable(QString::number(pid)));
}

void TestLab::journalWhileARunGoesOn()
{
    // While a run goes on, what it records is also in its journal (a crash loses nothing);
    // a run that ends normally leaves no journal behind.
    QTemporaryDir dir;
    LabPanel lab;
    lab.setJournalDir(dir.path());
    lab.show();
    lab.showPreset(preset(6), QStringLiteral("en"));
    QVERIFY(lab.journalPath().isEmpty());
    lab.stepAction()->trigger(); // p1.start(), then paused
    QTRY_VERIFY_WITH_TIMEOUT(!lab.journalPath().isEmpty(), 10000);
    const QString path = lab.journalPath();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto j = RunJournal::read(path);
            return j && std::any_of(j->events().cbegin(), j->events().cend(), [](const Event &e) {
                       return e.kind == EventKind::Start &&
                              e.fields.value(QStringLiteral("name")).toString() == QLatin1String("Process-1");
                   });
        }(),
        10000);
    const auto recorded = RunJournal::read(path);
    QVERIFY(recorded);
    QVERIFY(!recorded->processes.isEmpty());
    QCOMPARE(RunJournal::leftIn(dir.path()), QStringList()); // ours, of a live run
    lab.runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 10000);
    QTRY_VERIFY(!QFile::exists(path));
    QTRY_VERIFY(QDir(dir.path()).isEmpty());
}

QTEST_MAIN(TestLab)
void TestLab::consoleUnderAFlood()
{
    // The console is a view over the store's output lines: at its bottom it follows the newest
    // line; scrolled up, what the student reads stays where it is while lines keep coming.
    LabPanel lab;
    lab.resize(700, 600);
    lab.show();
    const Scenario scenario = floodScenario(1500, 500);
    QVERIFY(!scenario.workers.isEmpty());
    lab.setScenario(scenario);
    lab.tabs()->setCurrentIndex(LabPanel::ConsoleTab);
    QAbstractItemModelTester tester(lab.consoleModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QScrollBar *bar = lab.console()->verticalScrollBar();
    QSignalSpy rows(lab.consoleModel(), &QAbstractItemModel::rowsInserted);
    lab.runAction()->trigger();
    // Following: more lines than the console shows, and it is at its bottom.
    QTRY_VERIFY_WITH_TIMEOUT(lab.consoleModel()->rowCount() > 300, 20000);
    QVERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Scrolled up: later batches add lines below, the first line shown stays the same.
    bar->setValue(bar->maximum() / 2);
    const int value = bar->value();
    const QModelIndex top = lab.console()->indexAt(QPoint(2, 2));
    QVERIFY(top.isValid());
    const QString topText = top.data().toString();
    const int before = lab.consoleModel()->rowCount();
    rows.clear();
    QVERIFY(rows.wait(10000));
    QTRY_VERIFY(lab.consoleModel()->rowCount() > before);
    QCOMPARE(bar->value(), value);
    QCOMPARE(lab.console()->indexAt(QPoint(2, 2)).row(), top.row());
    QCOMPARE(lab.console()->indexAt(QPoint(2, 2)).data().toString(), topText);
    // Back at the bottom, it follows again.
    bar->setValue(bar->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run() && lab.run()->isFinished(), 30000);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(lab.console()->indexAt(QPoint(2, lab.console()->viewport()->height() - 4)).row(),
             lab.consoleModel()->rowCount() - 1);

    // All processes: every print, prefixed; the child's traceback on the run's stderr, whole
    // and in the error colour, printed lines not.
    ConsoleModel *console = lab.consoleModel();
    int prints = 0;
    int firstStderr = -1;
    int lastStderr = -1;
    for (int row = 0; row < console->rowCount(); ++row) {
        const QModelIndex i = console->index(row);
        const QString text = i.data().toString();
        const bool error = i.data(ConsoleModel::ErrorRole).toBool();
        if (text.startsWith(u"[stderr] ")) {
            QVERIFY2(error, qPrintable(text));
            QCOMPARE(i.data(Qt::ForegroundRole).value<QColor>(), errorTextColor(lab.console()->palette()));
            if (firstStderr < 0)
                firstStderr = row;
            lastStderr = row;
        } else {
            QVERIFY2(!error, qPrintable(text));
            QVERIFY(!i.data(Qt::ForegroundRole).isValid());
            QVERIFY2(text.startsWith(u"[Process-"), qPrintable(text));
            ++prints;
        }
    }
    QCOMPARE(prints, 2 * 1500);
    QVERIFY(firstStderr >= 0);
    const QString traceback = console->text(firstStderr, lastStderr);
    QVERIFY2(traceback.startsWith(u"[stderr] Process Div:\n"), qPrintable(traceback));
    QVERIFY2(traceback.endsWith(u"ZeroDivisionError: division by zero"), qPrintable(traceback));
    QCOMPARE(console->text().count(u"ZeroDivisionError"), 1);

    // One process: its lines only, without a prefix, each from one of its events.
    const int first = rowNamed(lab, QStringLiteral("Process-1"));
    QVERIFY(first >= 0);
    lab.consoleProcess()->setCurrentIndex(lab.consoleProcess()->findData(first));
    QCOMPARE(console->process(), first);
    QCOMPARE(console->rowCount(), 1500);
    for (int row = 0; row < console->rowCount(); row += 97) {
        QCOMPARE(lab.store()->eventProcess(console->eventOf(row)), first);
        QVERIFY(!console->index(row).data().toString().startsWith(u'['));
    }
    // The dividing worker: its exception as CPython reports it, in the error colour.
    lab.consoleProcess()->setCurrentIndex(
        lab.consoleProcess()->findData(rowNamed(lab, QStringLiteral("Div"))));
    QVERIFY2(console->text().startsWith(u"Process Div:\nTraceback (most recent call last):"),
             qPrintable(console->text()));
    QVERIFY(console->index(console->rowCount() - 1).data(ConsoleModel::ErrorRole).toBool());
    // All again.
    lab.consoleProcess()->setCurrentIndex(lab.consoleProcess()->findData(-1));
    QCOMPARE(console->rowCount(), prints + lastStderr - firstStderr + 1);
}

#include "tst_lab.moc"
