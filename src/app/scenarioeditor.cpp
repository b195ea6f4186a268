#include "scenarioeditor.h"

#include "scenarioeditormodels.h"
#include "themecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace concurrente {

using namespace Qt::StringLiterals;

namespace {

// The queue capacity editor: a spin box with the validator's range.
class CapacityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setRange(1, kMaxQueueCapacity);
        return editor;
    }
};

/// Actions that name one worker in Action::worker.
bool namesOneWorker(Action::Kind kind)
{
    switch (kind) {
    case Action::Start:
    case Action::Join:
    case Action::Terminate:
    case Action::Kill:
    case Action::Stop:
    case Action::Continue:
    case Action::IsAlive:
        return true;
    default:
        return false;
    }
}

QString valueText(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? u"True"_s : u"False"_s;
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isString())
        return u'"' + v.toString() + u'"';
    return {};
}

} // namespace

/// One argument of the selected worker's task: its label (a check box "given" for optional
/// arguments), its editor and the note below it (the default, or the validator's reason).
struct ScenarioEditor::ArgRow
{
    TaskArgSpec spec;
    QCheckBox *given = nullptr; ///< optional arguments: unchecked leaves the helper's default
    QLabel *label = nullptr;    ///< required arguments
    QWidget *editor = nullptr;
    QSpinBox *spin = nullptr;
    QDoubleSpinBox *number = nullptr;
    QComboBox *combo = nullptr;
    QCheckBox *check = nullptr;
    QLineEdit *line = nullptr;
    QComboBox *exitMode = nullptr; ///< exit: an exit code or a message
    QLabel *note = nullptr;
};

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QWidget(parent), m_workers(new ScenarioWorkerModel(this)),
      m_queues(new ScenarioChannelModel(ScenarioChannelModel::Kind::Queues, this)),
      m_pipes(new ScenarioChannelModel(ScenarioChannelModel::Kind::Pipes, this))
{
    buildUi();
    m_issues = validateScenario(m_scenario);
    m_valid = m_issues.isEmpty();
    retranslate();
    rebuildWorkerForm();
    updateButtons();
}

ScenarioEditor::~ScenarioEditor()
{
    qDeleteAll(m_argRows);
}

void ScenarioEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // Workers: the table, its buttons, the selected worker's fields and its task's arguments.
    auto *workersPage = new QWidget;
    auto *wl = new QVBoxLayout(workersPage);
    m_workersView = new QTableView;
    m_workersView->setObjectName(u"workersView"_s);
    m_workersView->setModel(m_workers);
    m_workersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_workersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_workersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_workersView->verticalHeader()->hide();
    m_workersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_workersView->horizontalHeader()->setStretchLastSection(true);
    wl->addWidget(m_workersView, 1);
    auto *buttons = new QHBoxLayout;
    m_addButton = new QPushButton;
    m_addButton->setObjectName(u"addWorkerButton"_s);
    m_duplicateButton = new QPushButton;
    m_duplicateButton->setObjectName(u"duplicateWorkerButton"_s);
    m_removeButton = new QPushButton;
    m_removeButton->setObjectName(u"removeWorkerButton"_s);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_duplicateButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    wl->addLayout(buttons);

    m_workerBox = new QGroupBox;
    auto *form = new QFormLayout(m_workerBox);
    m_nameLabel = new QLabel;
    m_nameEdit = new QLineEdit;
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameLabel->setBuddy(m_nameEdit);
    m_nameProblem = new QLabel;
    m_nameProblem->setObjectName(u"nameProblem"_s);
    auto *nameBox = new QVBoxLayout;
    nameBox->addWidget(m_nameEdit);
    nameBox->addWidget(m_nameProblem);
    form->addRow(m_nameLabel, nameBox);
    m_taskLabel = new QLabel;
    m_taskCombo = new QComboBox;
    m_taskCombo->setObjectName(u"taskCombo"_s);
    m_taskLabel->setBuddy(m_taskCombo);
    for (const TaskSpec &t : taskCatalog())
        m_taskCombo->addItem(t.name, t.name);
    m_taskDescription = new QLabel;
    m_taskDescription->setObjectName(u"taskDescription"_s);
    m_taskProblem = new QLabel;
    m_taskProblem->setObjectName(u"taskProblem"_s);
    auto *taskRow = new QHBoxLayout;
    taskRow->addWidget(m_taskCombo);
    taskRow->addWidget(m_taskDescription, 1);
    auto *taskBox = new QVBoxLayout;
    taskBox->addLayout(taskRow);
    taskBox->addWidget(m_taskProblem);
    form->addRow(m_taskLabel, taskBox);
    m_daemonCheck = new QCheckBox;
    m_daemonCheck->setObjectName(u"daemonCheck"_s);
    form->addRow(QString(), m_daemonCheck);
    m_startMethodLabel = new QLabel;
    m_startMethodCombo = new QComboBox;
    m_startMethodCombo->setObjectName(u"startMethodCombo"_s);
    m_startMethodLabel->setBuddy(m_startMethodCombo);
    m_startMethodCombo->addItem(QString(), -1);
    for (StartMethod m : {StartMethod::Spawn, StartMethod::Fork, StartMethod::Forkserver})
        m_startMethodCombo->addItem(startMethodName(m), int(m));
    form->addRow(m_startMethodLabel, m_startMethodCombo);
    wl->addWidget(m_workerBox);

    m_argsBox = new QGroupBox;
    m_argsBox->setObjectName(u"argumentsBox"_s);
    m_argsForm = new QFormLayout(m_argsBox);
    wl->addWidget(m_argsBox);
    m_tabs->addTab(workersPage, QString());

    // Queues and pipes, edited in place.
    auto *channelsPage = new QWidget;
    auto *cl = new QVBoxLayout(channelsPage);
    auto channelTable = [&](QTableView *&view, ScenarioChannelModel *model, QLabel *&label, QPushButton *&add,
                            QPushButton *&remove, const QString &name) {
        label = new QLabel;
        view = new QTableView;
        view->setObjectName(name + u"View"_s);
        view->setModel(model);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        add = new QPushButton;
        add->setObjectName(u"add"_s + name + u"Button"_s);
        remove = new QPushButton;
        remove->setObjectName(u"remove"_s + name + u"Button"_s);
        cl->addWidget(label);
        cl->addWidget(view, 1);
        auto *row = new QHBoxLayout;
        row->addWidget(add);
        row->addWidget(remove);
        row->addStretch();
        cl->addLayout(row);
    };
    channelTable(m_queuesView, m_queues, m_queuesLabel, m_addQueueButton, m_removeQueueButton, u"Queue"_s);
    m_queuesView->setItemDelegateForColumn(ScenarioChannelModel::SecondColumn,
                                           new CapacityDelegate(m_queuesView));
    channelTable(m_pipesView, m_pipes, m_pipesLabel, m_addPipeButton, m_removePipeButton, u"Pipe"_s);
    m_channelProblems = new QLabel;
    m_channelProblems->setObjectName(u"channelProblems"_s);
    m_channelProblems->setWordWrap(true);
    cl->addWidget(m_channelProblems);
    m_tabs->addTab(channelsPage, QString());

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"statusLabel"_s);
    m_statusLabel->setWordWrap(true);
    layout->addWidget(m_statusLabel);
    m_problemsLabel = new QLabel;
    m_problemsLabel->setObjectName(u"problemsLabel"_s);
    m_problemsLabel->setWordWrap(true);
    layout->addWidget(m_problemsLabel);

    // The validator's reasons in the error colour, the defaults' notes greyed.
    for (QLabel *l : {m_nameProblem, m_taskProblem, m_problemsLabel, m_channelProblems}) {
        l->setStyleSheet(u"color: %1;"_s.arg(errorTextColor().name()));
        l->setWordWrap(true);
        l->hide();
    }

    connect(m_workersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { setCurrentWorker(current.isValid() ? current.row() : -1); });
    connect(m_addButton, &QPushButton::clicked, this, [this] { addWorker(); });
    connect(m_duplicateButton, &QPushButton::clicked, this, [this] { duplicateWorker(m_current); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeWorker(m_current); });
    connect(m_addQueueButton, &QPushButton::clicked, this, [this] { addQueue(); });
    connect(m_removeQueueButton, &QPushButton::clicked, this,
            [this] { removeQueue(m_queuesView->currentIndex().row()); });
    connect(m_addPipeButton, &QPushButton::clicked, this, [this] { addPipe(); });
    connect(m_removePipeButton, &QPushButton::clicked, this,
            [this] { removePipe(m_pipesView->currentIndex().row()); });
    connect(m_queuesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ScenarioEditor::updateButtons);
    connect(m_pipesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ScenarioEditor::updateButtons);
    connect(m_queues, &ScenarioChannelModel::edited, this,
            [this](int row) { syncChannelsFromModel(false, row); });
    connect(m_pipes, &ScenarioChannelModel::edited, this,
            [this](int row) { syncChannelsFromModel(true, row); });

    connect(m_nameEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_updating || m_current < 0)
            return;
        WorkerSpec &w = m_scenario.workers[m_current];
        // An empty name is no name: CPython's default, Process-N, applies.
        w.named = !text.isEmpty();
        w.name = text;
        resolveNames();
        edited();
    });
    connect(m_taskCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating || m_current < 0)
            return;
        WorkerSpec &w = m_scenario.workers[m_current];
        const TaskSpec *task = findTask(m_taskCombo->currentData().toString());
        if (!task || task->name == w.task)
            return;
        // Keep the arguments the new task takes with the same meaning; give a required queue
        // or pipe the first one declared.
        QJsonObject args;
        for (const TaskArgSpec &a : task->args) {
            const QJsonValue old = w.args.value(a.key);
            QJsonValue kept;
            if (!old.isUndefined() && taskArgumentProblem(m_scenario, a, old, &kept).isEmpty())
                args.insert(a.key, kept);
            else if (a.required && a.type == ArgType::QueueRef && !m_scenario.queues.isEmpty())
                args.insert(a.key, m_scenario.queues.constFirst().name);
            else if (a.required && a.type == ArgType::PipeRef && !m_scenario.pipes.isEmpty())
                args.insert(a.key, m_scenario.pipes.constFirst().name);
        }
        w.task = task->name;
        w.args = args;
        rebuildWorkerForm();
        edited();
    });
    connect(m_daemonCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating || m_current < 0)
            return;
        m_scenario.workers[m_current].daemon = on;
        edited();
    });
    connect(m_startMethodCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating || m_current < 0)
            return;
        WorkerSpec &w = m_scenario.workers[m_current];
        const int method = m_startMethodCombo->currentData().toInt();
        w.ownStartMethod = method >= 0;
        w.startMethod = method >= 0 ? StartMethod(method) : m_scenario.startMethod;
        resolveNames();
        m_updating = true;
        m_nameEdit->setPlaceholderText(tr("(no name: Python gives it one)"));
        m_updating = false;
        edited();
    });
}

void ScenarioEditor::retranslate()
{
    m_tabs->setTabText(0, tr("Workers"));
    m_tabs->setTabText(1, tr("Queues and pipes"));
    m_addButton->setText(tr("Add"));
    m_duplicateButton->setText(tr("Duplicate"));
    m_removeButton->setText(tr("Remove"));
    m_workerBox->setTitle(tr("Selected worker"));
    m_nameLabel->setText(tr("Name:"));
    m_taskLabel->setText(tr("Task:"));
    m_daemonCheck->setText(tr("Daemon (ends with the main program)"));
    m_startMethodLabel->setText(tr("Start method:"));
    m_startMethodCombo->setItemText(0, tr("the run's (%1)").arg(startMethodName(m_scenario.startMethod)));
    m_argsBox->setTitle(tr("Task arguments"));
    m_queuesLabel->setText(tr("Queues (multiprocessing.Queue)"));
    m_pipesLabel->setText(tr("Pipes (multiprocessing.Pipe)"));
    m_addQueueButton->setText(tr("Add queue"));
    m_removeQueueButton->setText(tr("Remove queue"));
    m_addPipeButton->setText(tr("Add pipe"));
    m_removePipeButton->setText(tr("Remove pipe"));
    m_nameEdit->setToolTip(tr("Process(name=…): the name the process reports and the tables show"));
    m_taskCombo->setToolTip(tr("Process(target=…): the function the worker runs"));
    m_daemonCheck->setToolTip(tr("Process(daemon=True): terminated when the main program ends"));
    m_startMethodCombo->setToolTip(
        tr("This worker's start method; by default the one the run uses (Start method above)"));
    for (int i = 0; i < m_taskCombo->count(); ++i) {
        const QString task = m_taskCombo->itemData(i).toString();
        m_taskCombo->setItemData(i, taskDescription(task), Qt::ToolTipRole);
    }
    m_workers->retranslate();
    m_queues->retranslate();
    m_pipes->retranslate();
    // Status messages were said in the previous language: drop them rather than mix languages.
    setStatus(QString());
    rebuildWorkerForm();
    revalidate();
}

QString ScenarioEditor::taskDescription(const QString &task)
{
    static const QHash<QString, const char *> descriptions = {
        {u"greeting"_s, QT_TR_NOOP("prints a greeting")},
        {u"info"_s, QT_TR_NOOP("prints its name, its parent's pid and its pid")},
        {u"squares"_s, QT_TR_NOOP("prints the squares of 0 … n−1")},
        {u"cubes"_s, QT_TR_NOOP("prints the cubes of 0 … n−1")},
        {u"arith"_s, QT_TR_NOOP("one arithmetic operation on a, b and c")},
        {u"sleep"_s, QT_TR_NOOP("sleeps, saying when it starts and ends")},
        {u"burn"_s, QT_TR_NOOP("keeps one CPU busy")},
        {u"gil"_s, QT_TR_NOOP("threads that share one interpreter lock")},
        {u"spawn_child"_s, QT_TR_NOOP("starts a child process of its own")},
        {u"crash"_s, QT_TR_NOOP("dies by a signal")},
        {u"ticker"_s, QT_TR_NOOP("prints numbered lines at a steady rate")},
        {u"pipe_send"_s, QT_TR_NOOP("sends numbers through a pipe")},
        {u"pipe_recv"_s, QT_TR_NOOP("receives messages from a pipe")},
        {u"pipe_echo"_s, QT_TR_NOOP("answers each message on a duplex pipe")},
        {u"producer"_s, QT_TR_NOOP("puts numbers in a queue")},
        {u"consumer"_s, QT_TR_NOOP("gets values from a queue")},
        {u"square_put"_s, QT_TR_NOOP("puts num² in a queue")},
        {u"object"_s, QT_TR_NOOP("sends or receives an object through a queue")},
    };
    const char *text = descriptions.value(task);
    return text ? tr(text) : QString();
}

void ScenarioEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ScenarioEditor::setScenario(const Scenario &scenario)
{
    m_scenario = scenario;
    m_updating = true;
    m_workers->reset(m_scenario.workers, m_scenario.startMethod);
    QList<ScenarioChannelModel::Row> queues;
    for (const QueueSpec &q : m_scenario.queues)
        queues.append({q.name, q.capacity, false});
    m_queues->reset(queues);
    QList<ScenarioChannelModel::Row> pipes;
    for (const PipeSpec &p : m_scenario.pipes)
        pipes.append({p.name, 64, p.duplex});
    m_pipes->reset(pipes);
    m_startMethodCombo->setItemText(0, tr("the run's (%1)").arg(startMethodName(m_scenario.startMethod)));
    m_updating = false;
    setStatus(QString());
    m_current = -1;
    setCurrentWorker(m_scenario.workers.isEmpty() ? -1 : 0);
    revalidate();
}

Scenario ScenarioEditor::scenario() const
{
    return m_scenario;
}

QStringList ScenarioEditor::problems() const
{
    QStringList out;
    for (const ScenarioIssue &issue : m_issues)
        out.append(tr("%1: %2").arg(describePath(issue.path), issue.reason));
    return out;
}

void ScenarioEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_queues->setEditable(!readOnly);
    m_pipes->setEditable(!readOnly);
    m_workerBox->setEnabled(!readOnly && m_current >= 0);
    m_argsBox->setEnabled(!readOnly && m_current >= 0);
    updateButtons();
}

void ScenarioEditor::setCurrentWorker(int index)
{
    if (index < -1 || index >= m_scenario.workers.size())
        index = -1;
    if (index != m_current) {
        m_current = index;
        rebuildWorkerForm();
    }
    const QModelIndex mi = m_workers->index(index, 0);
    if (m_workersView->selectionModel()->currentIndex().row() != index)
        m_workersView->selectionModel()->setCurrentIndex(mi, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    updateButtons();
}

QString ScenarioEditor::statusText() const
{
    return m_statusLabel->text();
}

void ScenarioEditor::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}

void ScenarioEditor::resolveNames()
{
    for (int i = 0; i < m_scenario.workers.size(); ++i) {
        WorkerSpec &w = m_scenario.workers[i];
        if (!w.ownStartMethod)
            w.startMethod = m_scenario.startMethod;
        if (!w.named)
            w.name = WorkerSpec::defaultName(i, w.ownStartMethod, w.startMethod);
    }
}

void ScenarioEditor::edited()
{
    revalidate();
    updateButtons();
    Q_EMIT scenarioEdited();
}

// --- the selected worker's form ----------------------------------------------------------------

void ScenarioEditor::rebuildWorkerForm()
{
    m_updating = true;
    const bool has = m_current >= 0 && m_current < m_scenario.workers.size();
    m_workerBox->setEnabled(has && !m_readOnly);
    m_argsBox->setEnabled(has && !m_readOnly);
    if (has) {
        const WorkerSpec &w = m_scenario.workers.at(m_current);
        m_nameEdit->setText(w.named ? w.name : QString());
        m_nameEdit->setPlaceholderText(tr("(no name: Python gives it one)"));
        m_taskCombo->setCurrentIndex(m_taskCombo->findData(w.task));
        m_taskDescription->setText(taskDescription(w.task));
        m_daemonCheck->setChecked(w.daemon);
        m_startMethodCombo->setCurrentIndex(w.ownStartMethod ? 1 + int(w.startMethod) : 0);
    } else {
        m_nameEdit->clear();
        m_nameEdit->setPlaceholderText(QString());
        m_taskCombo->setCurrentIndex(-1);
        m_taskDescription->clear();
        m_daemonCheck->setChecked(false);
        m_startMethodCombo->setCurrentIndex(0);
    }
    m_updating = false;
    rebuildArgsForm();
}

void ScenarioEditor::rebuildArgsForm()
{
    while (m_argsForm->rowCount() > 0)
        m_argsForm->removeRow(0);
    qDeleteAll(m_argRows);
    m_argRows.clear();
    if (m_current < 0 || m_current >= m_scenario.workers.size())
        return;
    const TaskSpec *task = findTask(m_scenario.workers.at(m_current).task);
    if (!task)
        return;
    for (const TaskArgSpec &spec : task->args) {
        auto *row = new ArgRow;
        row->spec = spec;
        QWidget *label = nullptr;
        if (spec.required) {
            row->label = new QLabel(spec.key + u':');
            label = row->label;
        } else {
            // Unchecked: the argument is left out and the helper uses its default.
            row->given = new QCheckBox(spec.key);
            row->given->setObjectName(u"given_"_s + spec.key);
            label = row->given;
            connect(row->given, &QCheckBox::toggled, this, [this, row] {
                if (m_updating)
                    return;
                applyArg(row);
            });
        }
        auto *box = new QWidget;
        auto *vl = new QVBoxLayout(box);
        vl->setContentsMargins(0, 0, 0, 0);
        row->editor = createArgEditor(row);
        row->note = new QLabel;
        row->note->setObjectName(u"argProblem_"_s + spec.key);
        row->note->setWordWrap(true);
        vl->addWidget(row->editor);
        vl->addWidget(row->note);
        m_argsForm->addRow(label, box);
        m_argRows.append(row);
    }
    refreshArgsForm();
}

QWidget *ScenarioEditor::createArgEditor(ArgRow *row)
{
    const TaskArgSpec &spec = row->spec;
    const QString name = u"arg_"_s + spec.key;
    auto apply = [this, row] {
        if (!m_updating)
            applyArg(row);
    };
    switch (spec.type) {
    case ArgType::Integer:
        row->spin = new QSpinBox;
        row->spin->setRange(int(spec.min), int(spec.max));
        row->spin->setObjectName(name);
        connect(row->spin, &QSpinBox::valueChanged, this, apply);
        return row->spin;
    case ArgType::Number:
        row->number = new QDoubleSpinBox;
        row->number->setDecimals(3);
        row->number->setRange(spec.min, spec.max);
        row->number->setObjectName(name);
        connect(row->number, &QDoubleSpinBox::valueChanged, this, apply);
        return row->number;
    case ArgType::Choice:
    case ArgType::QueueRef:
    case ArgType::PipeRef:
        row->combo = new QComboBox;
        row->combo->setObjectName(name);
        connect(row->combo, &QComboBox::currentIndexChanged, this, apply);
        return row->combo;
    case ArgType::Boolean:
        row->check = new QCheckBox;
        row->check->setObjectName(name);
        connect(row->check, &QCheckBox::toggled, this, apply);
        return row->check;
    case ArgType::String:
        row->line = new QLineEdit;
        row->line->setMaxLength(int(spec.max));
        row->line->setObjectName(name);
        connect(row->line, &QLineEdit::textChanged, this, apply);
        return row->line;
    case ArgType::Exit: {
        // sys.exit(N) or sys.exit("text"): the kind first, then the code or the message.
        auto *w = new QWidget;
        w->setObjectName(name);
        auto *hl = new QHBoxLayout(w);
        hl->setContentsMargins(0, 0, 0, 0);
        row->exitMode = new QComboBox;
        row->exitMode->setObjectName(name + u"_kind"_s);
        row->exitMode->addItem(QString());
        row->exitMode->addItem(QString());
        row->spin = new QSpinBox;
        row->spin->setObjectName(name + u"_code"_s);
        row->spin->setRange(int(spec.min), int(spec.max));
        row->line = new QLineEdit;
        row->line->setObjectName(name + u"_message"_s);
        row->line->setMaxLength(kMaxStringArgLength);
        hl->addWidget(row->exitMode);
        hl->addWidget(row->spin, 1);
        hl->addWidget(row->line, 1);
        connect(row->exitMode, &QComboBox::currentIndexChanged, this, [this, row, apply] {
            row->spin->setVisible(row->exitMode->currentIndex() == 0);
            row->line->setVisible(row->exitMode->currentIndex() == 1);
            apply();
        });
        connect(row->spin, &QSpinBox::valueChanged, this, apply);
        connect(row->line, &QLineEdit::textChanged, this, apply);
        return w;
    }
    }
    return new QWidget;
}

void ScenarioEditor::showArgValue(ArgRow *row)
{
    const TaskArgSpec &spec = row->spec;
    const QJsonValue given = m_scenario.workers.at(m_current).args.value(spec.key);
    const QJsonValue shown = given.isUndefined() ? spec.defaultValue : given;
    if (row->given)
        row->given->setChecked(!given.isUndefined());
    row->editor->setEnabled(spec.required || !given.isUndefined());
    switch (spec.type) {
    case ArgType::Integer:
        row->spin->setValue(shown.toInt());
        break;
    case ArgType::Number:
        row->number->setValue(shown.toDouble());
        break;
    case ArgType::Choice:
        if (row->combo->count() == 0)
            row->combo->addItems(spec.choices);
        row->combo->setCurrentIndex(row->combo->findText(shown.toString()));
        break;
    case ArgType::QueueRef:
    case ArgType::PipeRef: {
        row->combo->clear();
        if (spec.type == ArgType::QueueRef) {
            for (const QueueSpec &q : m_scenario.queues)
                row->combo->addItem(q.name);
        } else {
            for (const PipeSpec &p : m_scenario.pipes)
                row->combo->addItem(p.name);
        }
        row->combo->setCurrentIndex(row->combo->findText(shown.toString()));
        break;
    }
    case ArgType::Boolean:
        row->check->setChecked(shown.toBool());
        break;
    case ArgType::String:
        row->line->setText(shown.toString());
        break;
    case ArgType::Exit:
        row->exitMode->setItemText(0, tr("exit code"));
        row->exitMode->setItemText(1, tr("message"));
        row->exitMode->setCurrentIndex(shown.isString() ? 1 : 0);
        row->spin->setVisible(!shown.isString());
        row->line->setVisible(shown.isString());
        row->spin->setValue(shown.isDouble() ? shown.toInt() : 0);
        row->line->setText(shown.isString() ? shown.toString() : QString());
        break;
    }
}

void ScenarioEditor::refreshArgsForm()
{
    if (m_current < 0)
        return;
    m_updating = true;
    const QString base = u"workers["_s + QString::number(m_current) + u"].args."_s;
    for (ArgRow *row : std::as_const(m_argRows)) {
        showArgValue(row);
        const QString problem = issueAt(base + row->spec.key);
        const bool given = m_scenario.workers.at(m_current).args.contains(row->spec.key);
        QString note;
        if (!problem.isEmpty()) {
            note = problem;
            row->note->setStyleSheet(u"color: %1;"_s.arg(errorTextColor().name()));
        } else if (!given && !row->spec.required) {
            note = row->spec.type == ArgType::Exit ? tr("default: the task's own exit code")
                                                   : tr("default: %1").arg(valueText(row->spec.defaultValue));
            row->note->setStyleSheet(u"color: palette(mid);"_s);
        }
        row->note->setText(note);
        row->note->setVisible(!note.isEmpty());
        const QString tip = row->spec.type == ArgType::Integer || row->spec.type == ArgType::Number
                                ? tr("%1 to %2").arg(row->spec.min, 0, 'g', 15).arg(row->spec.max, 0, 'g', 15)
                                : QString();
        row->editor->setToolTip(tip.isEmpty() ? tr("The task's argument %1").arg(row->spec.key) : tip);
        // The argument's key is the field's label: a screen reader says it too.
        row->editor->setAccessibleName(row->spec.key);
        if (row->given)
            row->given->setToolTip(
                tr("Checked: %1 is passed to the task; unchecked: the task's default").arg(row->spec.key));
        if (row->exitMode) {
            row->exitMode->setToolTip(tr("sys.exit(code) or sys.exit(\"message\")"));
            row->exitMode->setAccessibleName(tr("%1: how the task exits").arg(row->spec.key));
            row->spin->setToolTip(tr("The exit code: 0 is success"));
            row->spin->setAccessibleName(tr("%1: exit code").arg(row->spec.key));
            row->line->setToolTip(tr("The message sys.exit() prints; the exit code is then 1"));
            row->line->setAccessibleName(tr("%1: message").arg(row->spec.key));
        }
    }
    m_updating = false;
}

void ScenarioEditor::applyArg(ArgRow *row)
{
    if (m_current < 0)
        return;
    QJsonObject &args = m_scenario.workers[m_current].args;
    const TaskArgSpec &spec = row->spec;
    if (row->given && !row->given->isChecked()) {
        args.remove(spec.key);
    } else {
        QJsonValue v;
        switch (spec.type) {
        case ArgType::Integer:
            v = row->spin->value();
            break;
        case ArgType::Number:
            v = row->number->value();
            break;
        case ArgType::Choice:
        case ArgType::QueueRef:
        case ArgType::PipeRef:
            if (row->combo->currentIndex() >= 0)
                v = row->combo->currentText();
            break;
        case ArgType::Boolean:
            v = row->check->isChecked();
            break;
        case ArgType::String:
            v = row->line->text();
            break;
        case ArgType::Exit:
            v = row->exitMode->currentIndex() == 1 ? QJsonValue(row->line->text())
                                                   : QJsonValue(row->spin->value());
            break;
        }
        if (v.isUndefined())
            args.remove(spec.key);
        else
            args.insert(spec.key, v);
    }
    edited();
}

// --- validation ------------------------------------------------------------------------------

QString ScenarioEditor::issueAt(const QString &path) const
{
    for (const ScenarioIssue &issue : m_issues) {
        if (issue.path == path)
            return issue.reason;
    }
    return {};
}

QString ScenarioEditor::describePath(const QString &path) const
{
    static const QRegularExpression re(u"^(workers|queues|pipes|main)\\[(\\d+)\\](?:\\.(.+))?$"_s);
    const QRegularExpressionMatch m = re.match(path);
    if (!m.hasMatch())
        return path;
    const int i = m.captured(2).toInt();
    const QString field = m.captured(3);
    QString where;
    if (m.captured(1) == u"workers"_s) {
        const QString name = i < m_scenario.workers.size() ? m_scenario.workers.at(i).name : QString();
        where = tr("worker %1 (%2)").arg(i + 1).arg(name);
    } else if (m.captured(1) == u"queues"_s) {
        where = tr("queue %1").arg(i + 1);
    } else if (m.captured(1) == u"pipes"_s) {
        where = tr("pipe %1").arg(i + 1);
    } else {
        where = tr("main program, action %1 (%2)").arg(i + 1).arg(m_scenario.actionText(i));
    }
    if (field.isEmpty())
        return where;
    QString what = field;
    if (field == u"name"_s)
        what = tr("name");
    else if (field == u"task"_s)
        what = tr("task");
    else if (field == u"capacity"_s)
        what = tr("capacity");
    else if (field.startsWith(u"args."_s))
        what = tr("argument %1").arg(field.mid(5));
    return tr("%1, %2").arg(where, what);
}

void ScenarioEditor::revalidate()
{
    m_issues = validateScenario(m_scenario);

    // Per worker, for the table; per queue and pipe cell, for theirs.
    static const QRegularExpression part(u"^(workers|queues|pipes)\\[(\\d+)\\](?:\\.(.+))?$"_s);
    QList<QStringList> workerProblems(m_scenario.workers.size());
    QList<QString> queueNames(m_scenario.queues.size()), queueCapacities(m_scenario.queues.size());
    QList<QString> pipeNames(m_scenario.pipes.size()), pipeSecond(m_scenario.pipes.size());
    QStringList channelProblems;
    for (const ScenarioIssue &issue : std::as_const(m_issues)) {
        const QRegularExpressionMatch m = part.match(issue.path);
        if (!m.hasMatch()) {
            if (issue.path == u"queues"_s || issue.path == u"pipes"_s)
                channelProblems.append(issue.reason);
            continue;
        }
        const int i = m.captured(2).toInt();
        const QString field = m.captured(3);
        if (m.captured(1) == u"workers"_s) {
            if (i < workerProblems.size())
                workerProblems[i].append(tr("%1: %2").arg(field, issue.reason));
        } else {
            const bool pipes = m.captured(1) == u"pipes"_s;
            QList<QString> &names = pipes ? pipeNames : queueNames;
            QList<QString> &second = pipes ? pipeSecond : queueCapacities;
            if (i < names.size())
                (field == u"name"_s ? names : second)[i] = issue.reason;
            channelProblems.append(tr("%1: %2").arg(describePath(issue.path), issue.reason));
        }
    }
    m_workers->update(m_scenario.workers, workerProblems);
    m_queues->setProblems(queueNames, queueCapacities);
    m_pipes->setProblems(pipeNames, pipeSecond);
    m_channelProblems->setText(channelProblems.join(u'\n'));
    m_channelProblems->setVisible(!channelProblems.isEmpty());

    if (m_current >= 0) {
        const QString base = u"workers["_s + QString::number(m_current) + u"]."_s;
        const QString nameProblem = issueAt(base + u"name"_s);
        m_nameProblem->setText(nameProblem);
        m_nameProblem->setVisible(!nameProblem.isEmpty());
        const QString taskProblem = issueAt(base + u"task"_s);
        m_taskProblem->setText(taskProblem);
        m_taskProblem->setVisible(!taskProblem.isEmpty());
        m_taskDescription->setText(taskDescription(m_scenario.workers.at(m_current).task));
        refreshArgsForm();
    } else {
        m_nameProblem->hide();
        m_taskProblem->hide();
    }

    const QStringList all = problems();
    m_problemsLabel->setText(all.isEmpty() ? QString()
                                           : tr("This scenario cannot run yet:") + u'\n' + all.join(u'\n'));
    m_problemsLabel->setVisible(!all.isEmpty());

    const bool valid = m_issues.isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void ScenarioEditor::updateButtons()
{
    const qsizetype workers = m_scenario.workers.size();
    const QString busy = tr("Not while a run is going on.");
    auto set = [this, &busy](QPushButton *b, bool possible, const QString &why, const QString &what) {
        b->setEnabled(!m_readOnly && possible);
        b->setToolTip(m_readOnly ? busy : possible ? what : why);
    };
    const bool full = workers >= kMaxWorkers;
    const QString fullWhy = tr("A run has at most %1 workers.").arg(kMaxWorkers);
    set(m_addButton, !full, fullWhy,
        tr("Add a worker; the main program starts it and waits for it (join) before it ends."));
    set(m_duplicateButton, !full && m_current >= 0, full ? fullWhy : tr("Select a worker first."),
        tr("Add a copy of the selected worker, which the main program treats as the original."));
    set(m_removeButton, m_current >= 0 && workers > 1,
        m_current < 0 ? tr("Select a worker first.") : tr("A run needs at least one worker."),
        tr("Remove the selected worker and the main program's actions on it."));

    const int queue = m_queuesView->currentIndex().row();
    set(m_addQueueButton, m_scenario.queues.size() < kMaxQueues,
        tr("A run has at most %1 queues.").arg(kMaxQueues), tr("Add a queue."));
    const QString queueUse = queue >= 0 ? queueInUse(queue) : tr("Select a queue first.");
    set(m_removeQueueButton, queueUse.isEmpty(), queueUse, tr("Remove the selected queue."));
    const int pipe = m_pipesView->currentIndex().row();
    set(m_addPipeButton, m_scenario.pipes.size() < kMaxPipes,
        tr("A run has at most %1 pipes.").arg(kMaxPipes), tr("Add a pipe."));
    const QString pipeUse = pipe >= 0 ? pipeInUse(pipe) : tr("Select a pipe first.");
    set(m_removePipeButton, pipeUse.isEmpty(), pipeUse, tr("Remove the selected pipe."));
}

// --- workers -----------------------------------------------------------------------------------

bool ScenarioEditor::addWorker()
{
    if (m_readOnly)
        return false;
    if (m_scenario.workers.size() >= kMaxWorkers) {
        setStatus(tr("A run has at most %1 workers.").arg(kMaxWorkers));
        return false;
    }
    WorkerSpec w;
    w.task = u"greeting"_s;
    const int index = int(m_scenario.workers.size());
    m_scenario.workers.append(w);
    resolveNames();
    m_workers->insertWorker(index, m_scenario.workers.at(index));
    // A worker nobody starts would do nothing: start it and join it before the script ends.
    Action start;
    start.kind = Action::Start;
    start.worker = index;
    Action join;
    join.kind = Action::Join;
    join.worker = index;
    qsizetype at = m_scenario.main.size();
    for (qsizetype k = 0; k < m_scenario.main.size(); ++k) {
        if (m_scenario.main.at(k).kind == Action::EndMain) {
            at = k;
            break;
        }
    }
    m_scenario.main.insert(at, join);
    m_scenario.main.insert(at, start);
    setCurrentWorker(index);
    setStatus(tr("Added %1: the main program starts it and waits for it (join) before it ends.")
                  .arg(m_scenario.workers.at(index).name));
    edited();
    return true;
}

bool ScenarioEditor::removeWorker(int index)
{
    if (m_readOnly || index < 0 || index >= m_scenario.workers.size())
        return false;
    if (m_scenario.workers.size() <= 1) {
        setStatus(tr("A run needs at least one worker."));
        return false;
    }
    const QString name = m_scenario.workers.at(index).name;
    // Drop the actions on it; the later workers move up one place.
    QStringList removed;
    QList<Action> kept;
    for (qsizetype k = 0; k < m_scenario.main.size(); ++k) {
        Action a = m_scenario.main.at(k);
        if (namesOneWorker(a.kind)) {
            if (a.worker == index) {
                removed.append(m_scenario.actionText(int(k)));
                continue;
            }
            if (a.worker > index)
                --a.worker;
        } else if (a.kind == Action::TerminateRandom && a.workers.contains(index)) {
            a.workers.removeAll(index);
            if (a.workers.isEmpty()) {
                removed.append(m_scenario.actionText(int(k)));
                continue;
            }
        }
        for (int &w : a.workers) {
            if (w > index)
                --w;
        }
        kept.append(a);
    }
    m_scenario.main = kept;
    m_scenario.workers.removeAt(index);
    m_workers->removeWorker(index);
    resolveNames();
    m_current = -1;
    setCurrentWorker(qMin(index, int(m_scenario.workers.size()) - 1));
    setStatus(
        removed.isEmpty()
            ? tr("Removed %1.").arg(name)
            : tr("Removed %1 and the main program's actions on it: %2").arg(name, removed.join(u"; "_s)));
    edited();
    return true;
}

bool ScenarioEditor::duplicateWorker(int index)
{
    if (m_readOnly || index < 0 || index >= m_scenario.workers.size())
        return false;
    if (m_scenario.workers.size() >= kMaxWorkers) {
        setStatus(tr("A run has at most %1 workers.").arg(kMaxWorkers));
        return false;
    }
    const int copyAt = index + 1;
    WorkerSpec copy = m_scenario.workers.at(index);
    copy.id.clear(); // ids are unique
    m_scenario.workers.insert(copyAt, copy);
    // The copy goes right after the original: later workers move down one place, and every
    // action on the original is done on the copy too, right after.
    QList<Action> main;
    for (Action a : std::as_const(m_scenario.main)) {
        if (namesOneWorker(a.kind) && a.worker >= copyAt)
            ++a.worker;
        for (int &w : a.workers) {
            if (w >= copyAt)
                ++w;
        }
        main.append(a);
        if (namesOneWorker(a.kind) && a.worker == index) {
            a.worker = copyAt;
            main.append(a);
        }
    }
    m_scenario.main = main;
    resolveNames();
    m_workers->insertWorker(copyAt, m_scenario.workers.at(copyAt));
    setCurrentWorker(copyAt);
    setStatus(tr("Duplicated %1 as %2: the main program does with the copy what it does with the original.")
                  .arg(m_scenario.workers.at(index).name, m_scenario.workers.at(copyAt).name));
    edited();
    return true;
}

// --- queues and pipes ------------------------------------------------------------------------

QString ScenarioEditor::queueInUse(int index) const
{
    if (index < 0 || index >= m_scenario.queues.size())
        return {};
    const QString name = m_scenario.queues.at(index).name;
    QStringList users;
    for (const WorkerSpec &w : m_scenario.workers) {
        if (m_scenario.queueIndexByName(w.queueName()) == index && !w.queueName().isEmpty())
            users.append(w.name);
    }
    for (int k = 0; k < m_scenario.main.size(); ++k) {
        const Action &a = m_scenario.main.at(k);
        if ((a.kind == Action::Put || a.kind == Action::Get) && a.queue == index)
            users.append(m_scenario.actionText(k));
    }
    if (users.isEmpty())
        return {};
    return tr("Queue %1 is in use (%2): change those first.").arg(name, users.join(u"; "_s));
}

QString ScenarioEditor::pipeInUse(int index) const
{
    if (index < 0 || index >= m_scenario.pipes.size())
        return {};
    const QString name = m_scenario.pipes.at(index).name;
    QStringList users;
    for (const WorkerSpec &w : m_scenario.workers) {
        if (w.pipeName().isEmpty())
            continue;
        for (int k = 0; k < m_scenario.pipes.size(); ++k) {
            if (m_scenario.pipes.at(k).name == w.pipeName()) {
                if (k == index)
                    users.append(w.name);
                break;
            }
        }
    }
    for (int k = 0; k < m_scenario.main.size(); ++k) {
        const Action &a = m_scenario.main.at(k);
        if ((a.kind == Action::Recv || a.kind == Action::Send) && a.queue == index)
            users.append(m_scenario.actionText(k));
    }
    if (users.isEmpty())
        return {};
    return tr("Pipe %1 is in use (%2): change those first.").arg(name, users.join(u"; "_s));
}

bool ScenarioEditor::addQueue()
{
    if (m_readOnly || m_scenario.queues.size() >= kMaxQueues)
        return false;
    QString name = u"q"_s;
    for (int n = 2; m_scenario.queueIndexByName(name) >= 0; ++n)
        name = u"q"_s + QString::number(n);
    m_scenario.queues.append({name, 64});
    m_queues->insertChannel(int(m_scenario.queues.size()) - 1, {name, 64, false});
    rebuildArgsForm();
    setStatus(tr("Added queue %1.").arg(name));
    edited();
    return true;
}

bool ScenarioEditor::removeQueue(int index)
{
    if (m_readOnly || index < 0 || index >= m_scenario.queues.size())
        return false;
    if (const QString why = queueInUse(index); !why.isEmpty()) {
        setStatus(why);
        return false;
    }
    const QString name = m_scenario.queues.at(index).name;
    m_scenario.queues.removeAt(index);
    for (Action &a : m_scenario.main) {
        if ((a.kind == Action::Put || a.kind == Action::Get) && a.queue > index)
            --a.queue;
    }
    m_queues->removeChannel(index);
    rebuildArgsForm();
    setStatus(tr("Removed queue %1.").arg(name));
    edited();
    return true;
}

bool ScenarioEditor::addPipe()
{
    if (m_readOnly || m_scenario.pipes.size() >= kMaxPipes)
        return false;
    auto taken = [this](const QString &n) {
        for (const PipeSpec &p : std::as_const(m_scenario.pipes)) {
            if (p.name == n)
                return true;
        }
        return false;
    };
    QString name = u"p"_s;
    for (int n = 2; taken(name); ++n)
        name = u"p"_s + QString::number(n);
    m_scenario.pipes.append({name, false});
    m_pipes->insertChannel(int(m_scenario.pipes.size()) - 1, {name, 64, false});
    rebuildArgsForm();
    setStatus(tr("Added pipe %1.").arg(name));
    edited();
    return true;
}

bool ScenarioEditor::removePipe(int index)
{
    if (m_readOnly || index < 0 || index >= m_scenario.pipes.size())
        return false;
    if (const QString why = pipeInUse(index); !why.isEmpty()) {
        setStatus(why);
        return false;
    }
    const QString name = m_scenario.pipes.at(index).name;
    m_scenario.pipes.removeAt(index);
    for (Action &a : m_scenario.main) {
        if ((a.kind == Action::Recv || a.kind == Action::Send) && a.queue > index)
            --a.queue;
    }
    m_pipes->removeChannel(index);
    rebuildArgsForm();
    setStatus(tr("Removed pipe %1.").arg(name));
    edited();
    return true;
}

void ScenarioEditor::syncChannelsFromModel(bool pipes, int row)
{
    const QList<ScenarioChannelModel::Row> rows = (pipes ? m_pipes : m_queues)->channels();
    if (row < 0 || row >= rows.size())
        return;
    const ScenarioChannelModel::Row &r = rows.at(row);
    const QString oldName = pipes ? m_scenario.pipes.at(row).name : m_scenario.queues.at(row).name;
    if (oldName != r.name) {
        // A rename carries the workers that use it along, unless another queue (pipe) had the
        // same name: then it is not clear which one they meant.
        bool shared = false;
        for (int k = 0; k < rows.size(); ++k)
            shared = shared || (k != row && rows.at(k).name == oldName);
        if (!shared) {
            const ArgType type = pipes ? ArgType::PipeRef : ArgType::QueueRef;
            for (WorkerSpec &w : m_scenario.workers) {
                const TaskSpec *task = findTask(w.task);
                if (!task)
                    continue;
                for (const TaskArgSpec &a : task->args) {
                    if (a.type == type && w.args.value(a.key).toString() == oldName)
                        w.args.insert(a.key, r.name);
                }
            }
        }
    }
    if (pipes) {
        m_scenario.pipes[row].name = r.name;
        m_scenario.pipes[row].duplex = r.duplex;
    } else {
        m_scenario.queues[row].name = r.name;
        m_scenario.queues[row].capacity = r.capacity;
    }
    rebuildArgsForm();
    edited();
}

} // namespace concurrente
