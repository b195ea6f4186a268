// The scenario editor, offscreen: editing lesson presets through its widgets, the validator's
// reasons at the fields, adding / duplicating / removing workers with the main program
// re-indexed, queues and pipes, limits, read-only mode and language switches. Its models run
// under QAbstractItemModelTester, and any Qt warning fails the test.

#include "datapaths.h"
#include "scenario.h"
#include "scenarioeditor.h"
#include "scenarioeditormodels.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void recordMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtWarningMsg || type == QtCriticalMsg) &&
        message != QLatin1String("This plugin does not support propagateSizeHints()"))
        g_warnings.append(message);
    if (g_previous)
        g_previous(type, context, message);
}

Scenario preset(const QString &file)
{
    const ScenarioLoadResult r = ScenarioLoader::loadFile(dataDir() + u"/lessons/presets/"_s + file);
    if (!r.ok())
        qFatal("%s: %s", qPrintable(file), qPrintable(r.errorStrings().join(u'\n')));
    return r.scenario;
}

/// Each action as kind and worker index(es), e.g. "start 0", "terminate_random 0,2".
QStringList mainScript(const Scenario &s)
{
    QStringList out;
    for (const Action &a : s.main) {
        QString line = Action::kindName(a.kind);
        if (a.worker >= 0)
            line += u' ' + QString::number(a.worker);
        if (!a.workers.isEmpty()) {
            QStringList ws;
            for (int w : a.workers)
                ws.append(QString::number(w));
            line += u' ' + ws.join(u',');
        }
        out.append(line);
    }
    return out;
}

QStringList names(const Scenario &s)
{
    QStringList out;
    for (const WorkerSpec &w : s.workers)
        out.append(w.name);
    return out;
}

// Prefixes every string of the editor and its models (contexts concurrente::ScenarioEditor,
// concurrente::ScenarioWorkerModel, ...), so a test can see the labels follow the language.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (QByteArrayView(context).startsWith("concurrente::Scenario"))
            return u"ES:"_s + QString::fromUtf8(source);
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestScenarioEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void editArgument();
    void invalidNameAtField();
    void duplicateQueueName();
    void argumentForms_data();
    void argumentForms();
    void optionalArgumentDefault();
    void exitArgument();
    void changeTask();
    void removeWorkerReindexesMain();
    void duplicateWorkerReindexesMain();
    void addWorker();
    void removeQueueInUseIsRefused();
    void renameQueueCarriesWorkers();
    void limits();
    void readOnly();
    void retranslates();
    void roundTrip_data();
    void roundTrip();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *w = m_editor->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }

    std::unique_ptr<ScenarioEditor> m_editor;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestScenarioEditor::initTestCase()
{
    g_previous = qInstallMessageHandler(recordMessages);
    QLoggingCategory::setFilterRules(u"concurrente.scenario.debug=false"_s);
}

void TestScenarioEditor::init()
{
    g_warnings.clear();
    m_editor = std::make_unique<ScenarioEditor>();
    m_editor->resize(700, 800);
    m_editor->show();
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_editor->workersModel()),
                                      static_cast<QAbstractItemModel *>(m_editor->queuesModel()),
                                      static_cast<QAbstractItemModel *>(m_editor->pipesModel())})
        m_testers.append(new QAbstractItemModelTester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_editor.get()));
}

void TestScenarioEditor::cleanup()
{
    m_testers.clear();
    m_editor.reset();
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
}

void TestScenarioEditor::editArgument()
{
    QSignalSpy validity(m_editor.get(), &ScenarioEditor::validityChanged);
    QSignalSpy edited(m_editor.get(), &ScenarioEditor::scenarioEdited);
    m_editor->setScenario(preset(u"04-exercise-1.json"_s));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), true);
    QCOMPARE(edited.size(), 0); // loading is no edit
    QVERIFY(m_editor->isValid());
    m_editor->setCurrentWorker(2);
    auto *c = child<QDoubleSpinBox>(u"arg_c"_s);
    QVERIFY(c);
    QCOMPARE(c->value(), 4.0);
    c->setValue(0);
    QCOMPARE(m_editor->scenario().workers.at(2).args.value(u"c"_s).toDouble(), 0.0);
    QCOMPARE(edited.size(), 1);
    // Other workers are untouched, and the result runs.
    QCOMPARE(m_editor->scenario().workers.at(0).args.value(u"c"_s).toDouble(), 4.0);
    const ScenarioLoadResult r = ScenarioLoader::loadObject(m_editor->scenario().toJson(), u"edited"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.workers.at(2).args.value(u"c"_s).toDouble(), 0.0);
}

void TestScenarioEditor::invalidNameAtField()
{
    m_editor->setScenario(preset(u"05-cpu-count-names.json"_s));
    QSignalSpy validity(m_editor.get(), &ScenarioEditor::validityChanged);
    m_editor->setCurrentWorker(1);
    auto *name = child<QLineEdit>(u"nameEdit"_s);
    auto *problem = child<QLabel>(u"nameProblem"_s);
    QVERIFY(name && problem);
    QCOMPARE(name->text(), u"Worker 2"_s);
    QVERIFY(problem->isHidden());
    name->selectAll();
    QTest::keyClicks(name, QString(65, u'n'));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    QVERIFY(!m_editor->isValid());
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"is too long (65 characters, at most 64)"_s);
    QCOMPARE(
        m_editor->problems(),
        QStringList{
            u"worker 2 (nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn), name: is too "
            u"long (65 characters, at most 64)"_s});
    // The table says so too.
    const QModelIndex row = m_editor->workersModel()->index(1, ScenarioWorkerModel::NameColumn);
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"at most 64"_s));
    // Trailing spaces are refused too; clearing the name gives CPython's default back.
    name->setText(u"Worker 2 "_s);
    QCOMPARE(problem->text(), u"must not start or end with spaces"_s);
    name->clear();
    QVERIFY(m_editor->isValid());
    QCOMPARE(validity.size(), 2);
    QCOMPARE(validity.at(1).at(0).toBool(), true);
    QVERIFY(problem->isHidden());
    QCOMPARE(m_editor->scenario().workers.at(1).name, u"Process-2"_s);
    QCOMPARE(m_editor->scenario().workers.at(1).named, false);
    // The placeholder does not tell the default name: pages ask students to predict it.
    QVERIFY(!name->placeholderText().contains(u"Process-"_s));
}

void TestScenarioEditor::duplicateQueueName()
{
    m_editor->setScenario(preset(u"11-queues-pipes.json"_s));
    QVERIFY(m_editor->isValid());
    QSignalSpy validity(m_editor.get(), &ScenarioEditor::validityChanged);
    ScenarioChannelModel *queues = m_editor->queuesModel();
    QVERIFY(queues->rowCount() >= 2);
    const QString first = queues->index(0, 0).data().toString();
    QVERIFY(queues->setData(queues->index(1, ScenarioChannelModel::NameColumn), first));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    const QString reason = u"\"%1\" is already the name of queues[0]"_s.arg(first);
    QCOMPARE(queues->index(1, ScenarioChannelModel::NameColumn).data(Qt::ToolTipRole).toString(), reason);
    QVERIFY(!queues->index(0, ScenarioChannelModel::NameColumn).data(Qt::ToolTipRole).isValid());
    QVERIFY(child<QLabel>(u"channelProblems"_s)->text().contains(reason));
    QVERIFY(m_editor->problems().join(u'\n').contains(u"queue 2, name: "_s + reason));
}

void TestScenarioEditor::argumentForms_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("widget");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::newRow("integer") << u"sleep"_s << u"ms"_s << u"QSpinBox"_s << 0.0 << 60000.0;
    QTest::newRow("large integer") << u"gil"_s << u"work"_s << u"QSpinBox"_s << 1.0 << 1e9;
    QTest::newRow("number") << u"arith"_s << u"a"_s << u"QDoubleSpinBox"_s << -1e6 << 1e6;
    QTest::newRow("choice") << u"arith"_s << u"op"_s << u"QComboBox"_s << 5.0 << 0.0;
    QTest::newRow("boolean") << u"sleep"_s << u"announce"_s << u"QCheckBox"_s << 0.0 << 0.0;
    QTest::newRow("string") << u"greeting"_s << u"who"_s << u"QLineEdit"_s << 0.0 << 256.0;
    QTest::newRow("queue") << u"consumer"_s << u"queue"_s << u"QComboBox"_s << 3.0 << 0.0;
    QTest::newRow("pipe") << u"pipe_recv"_s << u"pipe"_s << u"QComboBox"_s << 1.0 << 0.0;
}

void TestScenarioEditor::argumentForms()
{
    QFETCH(QString, task);
    QFETCH(QString, arg);
    QFETCH(QString, widget);
    QFETCH(double, min);
    QFETCH(double, max);
    m_editor->setScenario(preset(u"11-queues-pipes.json"_s));
    auto *combo = child<QComboBox>(u"taskCombo"_s);
    combo->setCurrentIndex(combo->findData(task));
    QCOMPARE(m_editor->scenario().workers.at(0).task, task);
    QWidget *editor = child<QWidget>(u"arg_"_s + arg);
    QVERIFY(editor);
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), widget);
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        QCOMPARE(spin->minimum(), int(min));
        QCOMPARE(spin->maximum(), int(max));
    } else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor)) {
        QCOMPARE(number->minimum(), min);
        QCOMPARE(number->maximum(), max);
    } else if (auto *choices = qobject_cast<QComboBox *>(editor)) {
        // Choices, or the scenario's queues (3) and pipes (1).
        QCOMPARE(choices->count(), int(min));
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        QCOMPARE(line->maxLength(), int(max));
    }
    QVERIFY(m_editor->isValid());
}

void TestScenarioEditor::optionalArgumentDefault()
{
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    m_editor->setCurrentWorker(0);
    auto *given = child<QCheckBox>(u"given_ms"_s);
    auto *ms = child<QSpinBox>(u"arg_ms"_s);
    auto *note = child<QLabel>(u"argProblem_ms"_s);
    QVERIFY(given && ms && note);
    QVERIFY(given->isChecked());
    QVERIFY(ms->isEnabled());
    QCOMPARE(ms->value(), 4000);
    given->setChecked(false);
    QVERIFY(!m_editor->scenario().workers.at(0).args.contains(u"ms"_s));
    QVERIFY(!ms->isEnabled());
    QCOMPARE(ms->value(), 2000); // the helper's default, shown as such
    QCOMPARE(note->text(), u"default: 2000"_s);
    given->setChecked(true);
    QCOMPARE(m_editor->scenario().workers.at(0).args.value(u"ms"_s).toInt(), 2000);
    ms->setValue(1500);
    QCOMPARE(m_editor->scenario().workers.at(0).args.value(u"ms"_s).toInt(), 1500);
    QVERIFY(note->text().isEmpty());
}

void TestScenarioEditor::exitArgument()
{
    m_editor->setScenario(preset(u"02-creating-processes.json"_s));
    auto *given = child<QCheckBox>(u"given_exit"_s);
    auto *kind = child<QComboBox>(u"arg_exit_kind"_s);
    auto *code = child<QSpinBox>(u"arg_exit_code"_s);
    auto *message = child<QLineEdit>(u"arg_exit_message"_s);
    QVERIFY(given && kind && code && message);
    QVERIFY(!given->isChecked());
    given->setChecked(true);
    code->setValue(3);
    QCOMPARE(m_editor->scenario().workers.at(0).args.value(u"exit"_s), QJsonValue(3));
    kind->setCurrentIndex(1);
    message->setText(u"adiós"_s);
    QCOMPARE(m_editor->scenario().workers.at(0).args.value(u"exit"_s), QJsonValue(u"adiós"_s));
    // A control character is the validator's business: the reason shows under the field.
    message->setText(u"a\tb"_s);
    QVERIFY(!m_editor->isValid());
    QCOMPARE(child<QLabel>(u"argProblem_exit"_s)->text(),
             u"must not contain control characters (tabs, newlines, ...)"_s);
}

void TestScenarioEditor::changeTask()
{
    // A task that needs a queue gets the first one; arguments the new task does not take go.
    m_editor->setScenario(preset(u"02-creating-processes.json"_s));
    QVERIFY(m_editor->addQueue());
    QVERIFY(m_editor->addQueue());
    auto *combo = child<QComboBox>(u"taskCombo"_s);
    combo->setCurrentIndex(combo->findData(u"producer"_s));
    const WorkerSpec w = m_editor->scenario().workers.at(0);
    QCOMPARE(w.task, u"producer"_s);
    QCOMPARE(w.queueName(), u"q"_s);
    QVERIFY(!w.args.contains(u"who"_s));
    QVERIFY(m_editor->isValid());
    auto *queue = child<QComboBox>(u"arg_queue"_s);
    QCOMPARE(queue->count(), 2);
    queue->setCurrentIndex(1);
    QCOMPARE(m_editor->scenario().workers.at(0).queueName(), u"q2"_s);
    QCOMPARE(child<QLabel>(u"taskDescription"_s)->text(), u"puts numbers in a queue"_s);
    // Arguments both tasks take are kept.
    combo->setCurrentIndex(combo->findData(u"consumer"_s));
    QCOMPARE(m_editor->scenario().workers.at(0).queueName(), u"q2"_s);
    // A pipe task in a scenario without pipes: the reason shows at the field.
    m_editor->setScenario(preset(u"02-creating-processes.json"_s));
    combo->setCurrentIndex(combo->findData(u"pipe_recv"_s));
    QVERIFY(!m_editor->isValid());
    QCOMPARE(child<QLabel>(u"argProblem_pipe"_s)->text(), u"missing (task \"pipe_recv\" needs it)"_s);
}

void TestScenarioEditor::removeWorkerReindexesMain()
{
    // 09: start 0, sleep, start 1, join 0 (timeout), join 1, end_main.
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    QCOMPARE(mainScript(m_editor->scenario()), (QStringList{u"start 0"_s, u"sleep_ms"_s, u"start 1"_s,
                                                            u"join 0"_s, u"join 1"_s, u"end_main"_s}));
    QSignalSpy edited(m_editor.get(), &ScenarioEditor::scenarioEdited);
    m_editor->setCurrentWorker(0);
    child<QPushButton>(u"removeWorkerButton"_s)->click();
    QCOMPARE(edited.size(), 1);
    const Scenario s = m_editor->scenario();
    QCOMPARE(names(s), QStringList{u"Worker 2"_s});
    QCOMPARE(mainScript(s), (QStringList{u"sleep_ms"_s, u"start 0"_s, u"join 0"_s, u"end_main"_s}));
    QVERIFY(m_editor->statusText().contains(u"Worker 1.start()"_s));
    QVERIFY(m_editor->statusText().contains(u"Worker 1.join(timeout=1)"_s));
    QVERIFY(m_editor->isValid());
    QVERIFY(ScenarioLoader::loadObject(s.toJson(), u"edited"_s).ok());
    // The last worker stays: a run needs one.
    auto *remove = child<QPushButton>(u"removeWorkerButton"_s);
    QVERIFY(!remove->isEnabled());
    QCOMPARE(remove->toolTip(), u"A run needs at least one worker."_s);
    QVERIFY(!m_editor->removeWorker(0));

    // terminate_random loses the removed candidate; later workers move up.
    m_editor->setScenario(preset(u"07-exercise-2.json"_s));
    const QStringList before = mainScript(m_editor->scenario());
    QVERIFY2(before.contains(u"terminate_random 0,1,2"_s), qPrintable(before.join(u", "_s)));
    QVERIFY(m_editor->removeWorker(1));
    const QStringList after = mainScript(m_editor->scenario());
    QVERIFY2(after.contains(u"terminate_random 0,1"_s), qPrintable(after.join(u", "_s)));
    QVERIFY(!after.contains(u"start 2"_s));
    QVERIFY2(m_editor->isValid(), qPrintable(m_editor->problems().join(u'\n')));
}

void TestScenarioEditor::duplicateWorkerReindexesMain()
{
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    m_editor->setCurrentWorker(0);
    child<QPushButton>(u"duplicateWorkerButton"_s)->click();
    const Scenario s = m_editor->scenario();
    QCOMPARE(names(s), (QStringList{u"Worker 1"_s, u"Worker 1"_s, u"Worker 2"_s}));
    QCOMPARE(s.workers.at(1).daemon, true);
    QVERIFY(s.workers.at(1).id.isEmpty() || s.workers.at(1).id != s.workers.at(0).id);
    QCOMPARE(mainScript(s), (QStringList{u"start 0"_s, u"start 1"_s, u"sleep_ms"_s, u"start 2"_s, u"join 0"_s,
                                         u"join 1"_s, u"join 2"_s, u"end_main"_s}));
    QCOMPARE(s.main.at(5).timeoutMs, s.main.at(4).timeoutMs);
    QCOMPARE(m_editor->currentWorker(), 1);
    QVERIFY(m_editor->isValid());
    QVERIFY(ScenarioLoader::loadObject(s.toJson(), u"edited"_s).ok());

    // An unnamed worker's copy is named by its own place, as CPython numbers Process objects;
    // the unnamed workers after it move along.
    m_editor->setScenario(preset(u"05-cpu-count-names.json"_s));
    QCOMPARE(names(m_editor->scenario()), (QStringList{u"Worker 1"_s, u"Worker 2"_s, u"Process-3"_s}));
    QVERIFY(m_editor->duplicateWorker(2));
    QVERIFY(m_editor->duplicateWorker(0));
    QCOMPARE(names(m_editor->scenario()),
             (QStringList{u"Worker 1"_s, u"Worker 1"_s, u"Worker 2"_s, u"Process-4"_s, u"Process-5"_s}));
}

void TestScenarioEditor::addWorker()
{
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    child<QPushButton>(u"addWorkerButton"_s)->click();
    const Scenario s = m_editor->scenario();
    QCOMPARE(names(s), (QStringList{u"Worker 1"_s, u"Worker 2"_s, u"Process-3"_s}));
    QCOMPARE(s.workers.at(2).task, u"greeting"_s);
    // Started and joined before the script ends.
    QCOMPARE(mainScript(s), (QStringList{u"start 0"_s, u"sleep_ms"_s, u"start 1"_s, u"join 0"_s, u"join 1"_s,
                                         u"start 2"_s, u"join 2"_s, u"end_main"_s}));
    QCOMPARE(m_editor->currentWorker(), 2);
    QVERIFY(m_editor->statusText().contains(u"Process-3"_s));
    // Its start method decides its default name.
    auto *method = child<QComboBox>(u"startMethodCombo"_s);
    method->setCurrentIndex(method->findData(int(StartMethod::Spawn)));
    QCOMPARE(m_editor->scenario().workers.at(2).name, u"SpawnProcess-3"_s);
    QCOMPARE(m_editor->workersModel()->index(2, ScenarioWorkerModel::NameColumn).data().toString(),
             u"(no name given)"_s);
    QVERIFY(m_editor->isValid());
    const ScenarioLoadResult r = ScenarioLoader::loadObject(m_editor->scenario().toJson(), u"edited"_s);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    QCOMPARE(r.scenario.workers.at(2).startMethod, StartMethod::Spawn);
}

void TestScenarioEditor::removeQueueInUseIsRefused()
{
    m_editor->setScenario(preset(u"11-queues-pipes.json"_s));
    const Scenario before = m_editor->scenario();
    auto *view = child<QAbstractItemView>(u"QueueView"_s);
    auto *remove = child<QPushButton>(u"removeQueueButton"_s);
    view->setCurrentIndex(m_editor->queuesModel()->index(0, 0));
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(before.queues.at(0).name), qPrintable(remove->toolTip()));
    QVERIFY(!m_editor->removeQueue(0));
    QCOMPARE(m_editor->scenario().queues.size(), before.queues.size());
    QCOMPARE(m_editor->statusText(), m_editor->queueInUse(0));
    // A new, unused queue goes.
    child<QPushButton>(u"addQueueButton"_s)->click();
    const int added = int(before.queues.size());
    view->setCurrentIndex(m_editor->queuesModel()->index(added, 0));
    QVERIFY(remove->isEnabled());
    remove->click();
    QCOMPARE(m_editor->scenario().queues.size(), before.queues.size());
    QVERIFY(m_editor->isValid());
    // Pipes: the same care.
    QVERIFY(!m_editor->pipeInUse(0).isEmpty());
    QVERIFY(!m_editor->removePipe(0));
}

void TestScenarioEditor::renameQueueCarriesWorkers()
{
    m_editor->setScenario(preset(u"11-queues-pipes.json"_s));
    const QString old = m_editor->scenario().queues.at(0).name;
    QStringList users;
    for (const WorkerSpec &w : m_editor->scenario().workers) {
        if (w.queueName() == old)
            users.append(w.name);
    }
    QVERIFY(!users.isEmpty());
    QVERIFY(m_editor->queuesModel()->setData(m_editor->queuesModel()->index(0, 0), u"renamed"_s));
    QVERIFY2(m_editor->isValid(), qPrintable(m_editor->problems().join(u'\n')));
    for (const WorkerSpec &w : m_editor->scenario().workers)
        QVERIFY(w.queueName() != old);
    // Capacity is checked with the validator's range.
    QVERIFY(m_editor->queuesModel()->setData(m_editor->queuesModel()->index(0, 1), 0));
    QCOMPARE(m_editor->queuesModel()->index(0, 1).data(Qt::ToolTipRole).toString(),
             u"must be between 1 and %1"_s.arg(kMaxQueueCapacity));
    QVERIFY(!m_editor->isValid());
}

void TestScenarioEditor::limits()
{
    Scenario s = preset(u"02-creating-processes.json"_s);
    while (s.workers.size() < kMaxWorkers) {
        WorkerSpec w = s.workers.constFirst();
        w.id.clear();
        w.named = false;
        w.name = WorkerSpec::defaultName(int(s.workers.size()), false, s.startMethod);
        s.workers.append(w);
    }
    m_editor->setScenario(s);
    QVERIFY(m_editor->isValid());
    auto *add = child<QPushButton>(u"addWorkerButton"_s);
    auto *duplicate = child<QPushButton>(u"duplicateWorkerButton"_s);
    QVERIFY(!add->isEnabled());
    QVERIFY(!duplicate->isEnabled());
    QCOMPARE(add->toolTip(), u"A run has at most 256 workers."_s);
    QCOMPARE(duplicate->toolTip(), u"A run has at most 256 workers."_s);
    QVERIFY(!m_editor->addWorker());
    QVERIFY(!m_editor->duplicateWorker(0));
    QCOMPARE(m_editor->scenario().workers.size(), kMaxWorkers);
    QVERIFY(m_editor->removeWorker(5));
    QVERIFY(add->isEnabled());

    for (int i = 0; i < kMaxQueues; ++i)
        QVERIFY(m_editor->addQueue());
    auto *addQueue = child<QPushButton>(u"addQueueButton"_s);
    QVERIFY(!addQueue->isEnabled());
    QCOMPARE(addQueue->toolTip(), u"A run has at most 16 queues."_s);
    QVERIFY(!m_editor->addQueue());
    QVERIFY(m_editor->isValid());
}

void TestScenarioEditor::readOnly()
{
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    QVERIFY(m_editor->addQueue());
    QSignalSpy edited(m_editor.get(), &ScenarioEditor::scenarioEdited);
    m_editor->setReadOnly(true);
    QVERIFY(!child<QLineEdit>(u"nameEdit"_s)->isEnabled());
    QVERIFY(!child<QSpinBox>(u"arg_ms"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(u"addWorkerButton"_s)->isEnabled());
    QCOMPARE(child<QPushButton>(u"addWorkerButton"_s)->toolTip(), u"Not while a run is going on."_s);
    QVERIFY(!m_editor->removeWorker(0));
    QVERIFY(!m_editor->queuesModel()->setData(m_editor->queuesModel()->index(0, 0), u"x"_s));
    QVERIFY(!(m_editor->queuesModel()->flags(m_editor->queuesModel()->index(0, 0)) & Qt::ItemIsEditable));
    QCOMPARE(edited.size(), 0);
    // Browsing still works.
    m_editor->setCurrentWorker(1);
    QCOMPARE(child<QLineEdit>(u"nameEdit"_s)->text(), u"Worker 2"_s);
    m_editor->setReadOnly(false);
    QVERIFY(child<QLineEdit>(u"nameEdit"_s)->isEnabled());
    QVERIFY(child<QPushButton>(u"addWorkerButton"_s)->isEnabled());
}

void TestScenarioEditor::retranslates()
{
    m_editor->setScenario(preset(u"09-daemons.json"_s));
    auto *add = child<QPushButton>(u"addWorkerButton"_s);
    QCOMPARE(add->text(), u"Add"_s);
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    // Installing a translator posts LanguageChange to every widget.
    QTRY_COMPARE(add->text(), u"ES:Add"_s);
    QCOMPARE(child<QCheckBox>(u"daemonCheck"_s)->text(), u"ES:Daemon (ends with the main program)"_s);
    QCOMPARE(m_editor->workersModel()->headerData(0, Qt::Horizontal).toString(), u"ES:Name"_s);
    QCOMPARE(child<QLabel>(u"taskDescription"_s)->text(), u"ES:sleeps, saying when it starts and ends"_s);
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(add->text(), u"Add"_s);
}

void TestScenarioEditor::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(dataDir() + u"/lessons/presets"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 13);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TestScenarioEditor::roundTrip()
{
    QFETCH(QString, file);
    const Scenario s = preset(file);
    m_editor->setScenario(s);
    QVERIFY2(m_editor->isValid(), qPrintable(m_editor->problems().join(u'\n')));
    QVERIFY(m_editor->problems().isEmpty());
    // Showing every worker changes nothing.
    for (int i = 0; i < s.workers.size(); ++i)
        m_editor->setCurrentWorker(i);
    QCOMPARE(m_editor->scenario().toJson(), s.toJson());
    const ScenarioLoadResult r = ScenarioLoader::loadObject(m_editor->scenario().toJson(), file);
    QVERIFY2(r.ok(), qPrintable(r.errorStrings().join(u'\n')));
    Scenario unnamedFile = s;
    unnamedFile.file.clear(); // `file` is informational: loading ignores it
    QCOMPARE(r.scenario.toJson(), unnamedFile.toJson());
}

QTEST_MAIN(TestScenarioEditor)
#include "tst_scenarioeditor.moc"
