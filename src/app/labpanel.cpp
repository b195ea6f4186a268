#include "labpanel.h"

#include "export.h"
#include "labcharts.h"
#include "labmodels.h"
#include "labtext.h"
#include "predictpanel.h"
#include "scenarioeditor.h"
#include "themecolors.h"
#include "timelineview.h"
#include "workerprocess.h"

#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QEventLoop>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace concurrente {

/// The run journal, written on a thread of its own: turning events into JSON lines and writing
/// them must not hold up the window during a flood. It receives copies of the events (their
/// data is shared, not copied), in order.
class LabPanel::JournalWriter : public QObject
{
public:
    void open(const QString &path, const RunLog &header)
    {
        QString why;
        if (!m_journal.openAt(path, header, &why))
            qWarning("run journal: %s", qPrintable(why));
    }
    void append(const QList<Event> &events, const QList<ProcessRecord> &records, bool withRecords)
    {
        m_journal.append(events, withRecords ? &records : nullptr);
    }
    void discard() { m_journal.discard(); }

private:
    RunJournal m_journal;
};

namespace {

/// A file with hundreds of problems still gets a message box that fits on the screen.
constexpr qsizetype kMaxProblemsShown = 15;

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(false);
    return b;
}

QTableView *tableView(QAbstractItemModel *model, QWidget *parent)
{
    auto *v = new QTableView(parent);
    v->setModel(model);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->hide();
    v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
    v->horizontalHeader()->setHighlightSections(false);
    v->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}

} // namespace

LabPanel::LabPanel(QWidget *parent)
    : QWidget(parent), m_store(new RunStore(this)), m_processModel(new ProcessTableModel(m_store, this)),
      m_treeModel(new ProcessTreeModel(m_store, this)), m_eventModel(new EventLogModel(m_store, this)),
      m_eventFilter(new EventFilterModel(m_store, this)), m_messageModel(new MessageModel(m_store, this)),
      m_consoleModel(new ConsoleModel(m_store, this))
{
    m_eventFilter->setSourceModel(m_eventModel);
    buildUi();
    connect(m_store, &RunStore::updated, this, &LabPanel::onStoreUpdated);
    connect(m_store, &RunStore::reset, this, &LabPanel::onStoreReset);
    retranslate();
    showMessage(tr("No page is open."));
}

LabPanel::~LabPanel()
{
    discardJournal();
    if (m_journalThread) {
        // Everything queued for the writer (the discard above) happens before it stops.
        JournalWriter *writer = m_journalWriter;
        QMetaObject::invokeMethod(
            writer, [] {}, Qt::BlockingQueuedConnection);
        m_journalThread->quit();
        m_journalThread->wait();
        delete m_journalWriter;
    }
    // The run's processes must not outlive the lab: the run's destructor kills and reaps them.
    m_store->clear();
    delete m_run.data();
}

void LabPanel::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    // Everything above the tabs, in a scroll area: in a window too short for it and the tabs,
    // it scrolls instead of having its wrapped lines cut (LabPanel::fitSplit).
    auto *top = new QWidget(this);
    auto *layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setFrameShape(QFrame::StyledPanel);
    m_messageLabel->setMargin(8);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_messageLabel);

    const auto makeAction = [this](const QKeySequence &key,
                                   QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto *a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        addAction(a);
        return a;
    };
    m_actRun = makeAction(QKeySequence(Qt::CTRL | Qt::Key_R), QStyle::SP_MediaPlay);
    m_actStep = makeAction(QKeySequence(Qt::Key_F10), QStyle::SP_MediaSeekForward);
    m_actPause = makeAction(QKeySequence(Qt::Key_F8), QStyle::SP_MediaPause);
    m_actPause->setCheckable(true);
    m_actEnd = makeAction(QKeySequence(Qt::SHIFT | Qt::Key_F5), QStyle::SP_MediaStop);
    m_actStart = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_actJoin = makeAction(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_actJoinTimeout = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_actTerminate = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_actKill = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_actStop = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_actContinue = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_actReset = makeAction(QKeySequence(), QStyle::SP_DialogResetButton);
    m_actOpen = new QAction(this);
    m_actSave = new QAction(this);
    connect(m_actReset, &QAction::triggered, this, &LabPanel::onReset);
    connect(m_actOpen, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                          tr("Scenarios (*.json);;All files (*)"));
        if (!path.isEmpty())
            openScenarioFile(path);
    });
    connect(m_actSave, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), QString(),
                                                          tr("Scenarios (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !saveScenarioFile(path, &error))
            QMessageBox::warning(this, tr("Save scenario"), error);
    });
    connect(m_actRun, &QAction::triggered, this, &LabPanel::onRun);
    connect(m_actStep, &QAction::triggered, this, &LabPanel::onStep);
    connect(m_actPause, &QAction::triggered, this, &LabPanel::onPause);
    connect(m_actEnd, &QAction::triggered, this, &LabPanel::onEnd);
    for (QAction *a :
         {m_actStart, m_actJoin, m_actJoinTimeout, m_actTerminate, m_actKill, m_actStop, m_actContinue})
        connect(a, &QAction::triggered, this, [this, a] { onProcessAction(a); });

    // The main program's controls.
    auto *runRow = new QHBoxLayout;
    runRow->setSpacing(4);
    for (QAction *a : {m_actRun, m_actStep, m_actPause, m_actEnd})
        runRow->addWidget(toolButton(a, this));
    runRow->addStretch(1);
    m_methodLabel = new QLabel(this);
    m_method = new QComboBox(this);
    for (StartMethod m : {StartMethod::Fork, StartMethod::Spawn, StartMethod::Forkserver})
        m_method->addItem(startMethodName(m), int(m));
    m_methodLabel->setBuddy(m_method);
    connect(m_method, &QComboBox::activated, this, &LabPanel::onStartMethodChosen);
    layout->addLayout(runRow);

    m_scriptLabel = new QLabel(this);
    auto *scriptRow = new QHBoxLayout;
    scriptRow->addWidget(m_scriptLabel);
    scriptRow->addStretch(1);
    scriptRow->addWidget(m_methodLabel);
    scriptRow->addWidget(m_method);
    layout->addLayout(scriptRow);
    m_script = new QListWidget(this);
    m_script->setSelectionMode(QAbstractItemView::NoSelection);
    m_script->setFocusPolicy(Qt::NoFocus);
    m_script->setTextElideMode(Qt::ElideRight);
    m_script->setMaximumHeight(m_script->fontMetrics().height() * 7 + 12);
    m_scriptLabel->setBuddy(m_script);
    layout->addWidget(m_script);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    // The selected processes' controls.
    auto *procRow1 = new QHBoxLayout;
    procRow1->setSpacing(4);
    procRow1->addWidget(toolButton(m_actStart, this));
    procRow1->addWidget(toolButton(m_actJoin, this));
    procRow1->addWidget(toolButton(m_actJoinTimeout, this));
    m_joinTimeout = new QDoubleSpinBox(this);
    m_joinTimeout->setRange(0, kMaxDelayMs / 1000.0);
    m_joinTimeout->setDecimals(1);
    m_joinTimeout->setSingleStep(0.5);
    m_joinTimeout->setValue(1.0);
    procRow1->addWidget(m_joinTimeout);
    procRow1->addStretch(1);
    auto *procRow2 = new QHBoxLayout;
    procRow2->setSpacing(4);
    for (QAction *a : {m_actTerminate, m_actKill, m_actStop, m_actContinue})
        procRow2->addWidget(toolButton(a, this));
    procRow2->addStretch(1);
    layout->addLayout(procRow1);
    layout->addLayout(procRow2);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    // The arrow keys already move between tabs (and scroll the bar): Tab goes from the tab bar
    // straight into the tab, not through the bar's scroll buttons.
    for (QToolButton *b : m_tabs->tabBar()->findChildren<QToolButton *>())
        b->setFocusPolicy(Qt::NoFocus);
    auto *setupPage = new QWidget(m_tabs);
    auto *setupLayout = new QVBoxLayout(setupPage);
    setupLayout->setContentsMargins(0, 4, 0, 0);
    auto *setupRow = new QHBoxLayout;
    m_editNote = new QLabel(setupPage);
    m_editNote->setWordWrap(true);
    setupRow->addWidget(m_editNote, 1);
    setupRow->addWidget(toolButton(m_actReset, setupPage));
    setupLayout->addLayout(setupRow);
    // The editor scrolls, so a small window still shows the whole lab.
    auto *editorScroll = new QScrollArea(setupPage);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    m_editor = new ScenarioEditor(editorScroll);
    editorScroll->setWidget(m_editor);
    setupLayout->addWidget(editorScroll, 1);
    m_tabs->addTab(setupPage, QString());
    connect(m_editor, &ScenarioEditor::scenarioEdited, this, &LabPanel::onEdited);

    m_processView = tableView(m_processModel, m_tabs);
    m_processView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tabs->addTab(m_processView, QString());

    m_treeView = new QTreeView(m_tabs);
    m_treeView->setModel(m_treeModel);
    m_treeView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAllColumnsShowFocus(true);
    m_tabs->addTab(m_treeView, QString());

    auto *consolePage = new QWidget(m_tabs);
    auto *consoleLayout = new QVBoxLayout(consolePage);
    consoleLayout->setContentsMargins(0, 4, 0, 0);
    m_consoleProcess = new QComboBox(consolePage);
    m_consoleProcess->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_consoleProcess->setMinimumContentsLength(16);
    consoleLayout->addWidget(m_consoleProcess);
    // A table of one column rather than a text document or a list view: inserting a batch of
    // rows costs it the rows on screen, whatever the number of lines above them (a document
    // lays out every line it gets, a list view lays out all its rows again at each insertion).
    m_console = new QTableView(consolePage);
    m_console->setObjectName(QStringLiteral("console"));
    m_console->setModel(m_consoleModel);
    m_console->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_console->horizontalHeader()->hide();
    m_console->verticalHeader()->hide();
    m_console->setShowGrid(false);
    m_console->setWordWrap(false);
    m_console->setTextElideMode(Qt::ElideNone);
    m_console->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_console->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_console->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_console->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_console->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_console->verticalHeader()->setMinimumSectionSize(1);
    m_console->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_console->font()).lineSpacing() + 2);
    m_console->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_consoleModel->setErrorColor(errorTextColor(m_console->palette()));
    m_console->viewport()->installEventFilter(this); // its width changes with the scroll bars
    m_consoleCopy = new QAction(m_console);
    m_consoleCopy->setShortcut(QKeySequence::Copy);
    m_consoleCopy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_consoleCopy, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_console->selectionModel()->selectedRows())
            rows.append(i.row());
        std::sort(rows.begin(), rows.end());
        QStringList lines;
        for (int r : std::as_const(rows))
            lines.append(m_consoleModel->lineText(r));
        if (!lines.isEmpty())
            QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    });
    m_consoleSelectAll = new QAction(m_console);
    m_consoleSelectAll->setShortcut(QKeySequence::SelectAll);
    m_consoleSelectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_consoleSelectAll, &QAction::triggered, m_console, &QTableView::selectAll);
    m_console->addActions({m_consoleCopy, m_consoleSelectAll});
    m_console->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Following: at the bottom, each batch of lines scrolls the console to its new bottom;
    // scrolled up, the lines the student reads stay where they are (rows are only appended).
    QScrollBar *consoleBar = m_console->verticalScrollBar();
    connect(consoleBar, &QScrollBar::valueChanged, this,
            [this, consoleBar](int value) { m_consoleFollows = value >= consoleBar->maximum(); });
    connect(consoleBar, &QScrollBar::rangeChanged, this, [this, consoleBar](int, int max) {
        if (m_consoleFollows)
            consoleBar->setValue(max);
    });
    connect(m_consoleModel, &QAbstractItemModel::rowsInserted, this, &LabPanel::fitConsoleColumn);
    connect(m_consoleModel, &QAbstractItemModel::modelReset, this, [this] {
        m_consoleFollows = true;
        fitConsoleColumn();
    });
    consoleLayout->addWidget(m_console, 1);
    m_tabs->addTab(consolePage, QString());
    connect(m_consoleProcess, &QComboBox::currentIndexChanged, this, &LabPanel::onConsoleProcessChosen);

    auto *eventsPage = new QWidget(m_tabs);
    auto *eventsLayout = new QVBoxLayout(eventsPage);
    eventsLayout->setContentsMargins(0, 4, 0, 0);
    auto *filters = new QHBoxLayout;
    m_eventProcess = new QComboBox(eventsPage);
    m_eventProcess->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_eventProcess->setMinimumContentsLength(10);
    m_eventKind = new QComboBox(eventsPage);
    m_eventKind->setObjectName(QStringLiteral("eventKindFilter"));
    m_eventKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_eventKind->setMinimumContentsLength(10);
    filters->addWidget(m_eventProcess, 1);
    filters->addWidget(m_eventKind, 1);
    eventsLayout->addLayout(filters);
    m_eventView = tableView(m_eventFilter, eventsPage);
    eventsLayout->addWidget(m_eventView, 1);
    m_tabs->addTab(eventsPage, QString());
    connect(m_eventProcess, &QComboBox::currentIndexChanged, this,
            [this] { m_eventFilter->setProcess(m_eventProcess->currentData().toInt()); });
    connect(m_eventKind, &QComboBox::currentIndexChanged, this,
            [this] { m_eventFilter->setKind(m_eventKind->currentData().toString()); });

    m_messageView = tableView(m_messageModel, m_tabs);
    m_tabs->addTab(m_messageView, QString());
    m_timeline = new TimelinePane(m_store, m_tabs);
    m_tabs->addTab(m_timeline, QString());
    m_charts = new LabCharts(m_store, m_tabs);
    m_tabs->addTab(m_charts, QString());
    wireTimeline();
    m_predict = new PredictPanel(this);
    layout->addWidget(m_predict);
    connect(m_predict, &PredictPanel::evidenceActivated, this, &LabPanel::showPredictEvidence);
    connect(this, &LabPanel::runStateChanged, this, &LabPanel::updatePredict);
    m_topScroll = new QScrollArea(this);
    m_topScroll->setFrameShape(QFrame::NoFrame);
    m_topScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_topScroll->setWidgetResizable(true);
    m_topScroll->setWidget(top);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_topScroll);
    m_split->addWidget(m_tabs);
    m_split->setStretchFactor(0, 0); // a taller window gives its height to the tabs
    m_split->setStretchFactor(1, 1);
    // Until the student drags the handle, the split follows the window and the contents.
    connect(m_split, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    top->installEventFilter(this);
    m_tabs->setMinimumHeight(m_tabs->fontMetrics().height() * 8);
    m_topScroll->setMinimumHeight(m_topScroll->fontMetrics().height() * 8);
    outer->addWidget(m_split);

    for (QAbstractItemView *v :
         {static_cast<QAbstractItemView *>(m_processView), static_cast<QAbstractItemView *>(m_treeView)})
        connect(v->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LabPanel::updateActions);
    // Keep the newest lines in view while the run goes on, unless the student scrolled up.
    for (QTableView *v : {m_eventView, m_messageView}) {
        connect(v->model(), &QAbstractItemModel::rowsInserted, v, [v] {
            QScrollBar *bar = v->verticalScrollBar();
            if (bar->value() >= bar->maximum() - 2 * v->verticalHeader()->defaultSectionSize())
                QTimer::singleShot(0, v, &QTableView::scrollToBottom);
        });
    }
    // Every branch open, and the names whole however deep they sit (Process-1:1 under its parent).
    const auto showWholeTree = [this] {
        m_treeView->expandAll();
        m_treeView->resizeColumnToContents(0);
    };
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, m_treeView, showWholeTree);
    connect(m_treeModel, &QAbstractItemModel::rowsMoved, m_treeView, showWholeTree);
    connect(m_treeModel, &QAbstractItemModel::modelReset, m_treeView, showWholeTree);

    m_labWidgets = {m_scriptLabel, m_script,      m_status,      m_progress,
                    m_tabs,        m_joinTimeout, m_methodLabel, m_method};
}

QList<QAction *> LabPanel::runActions() const
{
    return {m_actRun,         m_actStep,      m_actPause, m_actEnd,  m_actStart,   m_actJoin,
            m_actJoinTimeout, m_actTerminate, m_actKill,  m_actStop, m_actContinue};
}

void LabPanel::retranslate()
{
    m_actRun->setText(tr("&Run"));
    m_actRun->setToolTip(tr("Run the main program from its first line (%1)")
                             .arg(m_actRun->shortcut().toString(QKeySequence::NativeText)));
    m_actStep->setText(tr("&Step"));
    m_actStep->setToolTip(tr("Run the next line of the main program, then wait (%1)")
                              .arg(m_actStep->shortcut().toString(QKeySequence::NativeText)));
    m_actPause->setText(tr("&Pause"));
    m_actPause->setToolTip(tr("Stop the main program between two lines; the processes go on (%1)")
                               .arg(m_actPause->shortcut().toString(QKeySequence::NativeText)));
    m_actEnd->setText(tr("&End run"));
    m_actEnd->setToolTip(tr("End the run now: every process of it still alive is killed (%1)")
                             .arg(m_actEnd->shortcut().toString(QKeySequence::NativeText)));
    m_actStart->setText(tr("St&art"));
    m_actStart->setToolTip(tr("p.start() on the selected workers (%1)")
                               .arg(m_actStart->shortcut().toString(QKeySequence::NativeText)));
    m_actJoin->setText(tr("&Join"));
    m_actJoin->setToolTip(tr("p.join(): the main program waits until the selected workers end (%1)")
                              .arg(m_actJoin->shortcut().toString(QKeySequence::NativeText)));
    m_actJoinTimeout->setText(tr("Jo&in ≤"));
    m_actJoinTimeout->setToolTip(tr("p.join(timeout): waits at most the seconds beside it (%1)")
                                     .arg(m_actJoinTimeout->shortcut().toString(QKeySequence::NativeText)));
    m_joinTimeout->setSuffix(tr(" s"));
    m_joinTimeout->setToolTip(tr("The timeout of join(timeout), in seconds"));
    m_actTerminate->setText(tr("&Terminate"));
    m_actTerminate->setToolTip(tr("p.terminate(): sends SIGTERM (%1)")
                                   .arg(m_actTerminate->shortcut().toString(QKeySequence::NativeText)));
    m_actKill->setText(tr("&Kill"));
    m_actKill->setToolTip(tr("p.kill(): sends SIGKILL, which cannot be caught (%1)")
                              .arg(m_actKill->shortcut().toString(QKeySequence::NativeText)));
    m_actStop->setText(tr("St&op"));
    m_actStop->setToolTip(tr("Sends SIGSTOP: the process freezes until it is continued (%1)")
                              .arg(m_actStop->shortcut().toString(QKeySequence::NativeText)));
    m_actContinue->setText(tr("&Continue"));
    m_actContinue->setToolTip(tr("Sends SIGCONT: a stopped process goes on (%1)")
                                  .arg(m_actContinue->shortcut().toString(QKeySequence::NativeText)));
    m_scriptLabel->setText(tr("Main program:"));
    m_methodLabel->setText(tr("Start &method:"));
    m_method->setToolTip(
        tr("multiprocessing.set_start_method(): how the main program creates the workers that "
           "have no start method of their own"));
    m_tabs->setTabText(SetupTab, tr("Workers"));
    m_tabs->setTabToolTip(SetupTab,
                          tr("Edit the example: its workers, their tasks and arguments, queues and pipes"));
    m_actReset->setText(tr("&Back to the page's example"));
    m_actReset->setToolTip(tr("Forget your changes and use this page's example again"));
    m_actOpen->setText(tr("&Open Scenario…"));
    m_actSave->setText(tr("Save Scenario &As…"));
    m_tabs->setTabText(ProcessesTab, tr("Processes"));
    m_tabs->setTabText(TreeTab, tr("Tree"));
    m_tabs->setTabText(ConsoleTab, tr("Console"));
    m_tabs->setTabText(EventsTab, tr("Events"));
    m_tabs->setTabText(MessagesTab, tr("Messages"));
    m_tabs->setTabToolTip(ProcessesTab, tr("Every process of the run, live"));
    m_tabs->setTabToolTip(TreeTab, tr("Who created whom; an orphan moves to the process that adopted it"));
    m_tabs->setTabToolTip(ConsoleTab, tr("What each process printed; exceptions in red"));
    m_tabs->setTabToolTip(EventsTab, tr("Everything that happened, in order"));
    m_tabs->setTabToolTip(MessagesTab, tr("Each message of a queue or pipe: who put it, who got it, when"));
    m_tabs->setTabText(TimelineTab, tr("Timeline"));
    m_tabs->setTabToolTip(TimelineTab, tr("Each process over time, what happened to it, and every message"));
    m_tabs->setTabText(ChartsTab, tr("Charts"));
    m_tabs->setTabToolTip(ChartsTab, tr("CPU per process and queue depth over time"));
    // What a screen reader says for each control, and for those without one, a tooltip.
    m_tabs->setAccessibleName(tr("Lab views"));
    m_tabs->tabBar()->setAccessibleName(tr("Lab views"));
    m_method->setAccessibleName(tr("Start method"));
    m_joinTimeout->setAccessibleName(tr("Join timeout"));
    m_script->setAccessibleName(tr("Main program"));
    m_script->setToolTip(tr("The example's main program; the line that runs next is highlighted"));
    m_processView->setAccessibleName(tr("Processes"));
    m_processView->setAccessibleDescription(
        tr("Select workers here (Shift or Ctrl for several), then Start, Join, "
           "Terminate… Times in ms since the run started"));
    m_treeView->setAccessibleName(tr("Process tree"));
    m_consoleProcess->setAccessibleName(tr("Console of"));
    m_consoleProcess->setToolTip(tr("Whose output the console shows"));
    m_console->setAccessibleName(tr("Console"));
    m_consoleCopy->setText(tr("&Copy"));
    m_consoleSelectAll->setText(tr("Select &All"));
    m_eventProcess->setAccessibleName(tr("Events of process"));
    m_eventProcess->setToolTip(tr("Show the events of one process only"));
    m_eventKind->setAccessibleName(tr("Kind of event"));
    m_eventKind->setToolTip(tr("Show one kind of event only"));
    m_eventView->setAccessibleName(tr("Events"));
    m_messageView->setAccessibleName(tr("Messages"));
    m_progress->setAccessibleName(tr("Progress of the main program"));
    if (m_hasScenario) {
        m_title->setText(m_scenario.title.text(m_language));
        const QString description = m_scenario.description.text(m_language);
        m_description->setText(description);
        m_description->setVisible(!description.isEmpty());
        const int current = m_currentAction;
        m_script->clear();
        for (int i = 0; i < m_scenario.main.size(); ++i)
            m_script->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(m_scenario.actionText(i)));
        if (m_scenario.main.isEmpty() || m_scenario.main.constLast().kind != Action::EndMain)
            m_script->addItem(
                tr("(end of the main program: daemons are terminated, the other children joined)"));
        for (int i = 0; i < m_script->count(); ++i)
            m_script->item(i)->setToolTip(m_script->item(i)->text());
        m_currentAction = current;
        updateScriptHighlight();
    }
    refreshConsoleChoices();
    refreshEventKinds();
    updateActions();
    updateStatus();
    updateSavedRun();
}

void LabPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_consoleModel->rebuild(); // a line's text may change with the language
    } else if (event->type() == QEvent::PaletteChange) {
        m_consoleModel->setErrorColor(errorTextColor(m_console->palette()));
    }
}

bool LabPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_console->viewport() && event->type() == QEvent::Resize)
        fitConsoleColumn();
    // The upper part's contents changed height (a verdict appeared, another page's text).
    if (m_topScroll && watched == m_topScroll->widget() && event->type() == QEvent::LayoutRequest)
        scheduleFitSplit();
    return QWidget::eventFilter(watched, event);
}

void LabPanel::showMessage(const QString &message)
{
    m_message = message;
    m_hasScenario = false;
    m_edited = false;
    m_title->clear();
    m_description->clear();
    m_description->hide();
    endSavedRun();
    m_messageLabel->setText(message);
    m_messageLabel->show();
    for (QWidget *w : std::as_const(m_labWidgets))
        w->hide();
    discardRun();
    m_store->clear();
    updateActions();
}

void LabPanel::showPreset(const QString &presetPath, const QString &language, const QByteArray &draft)
{
    const bool samePreset = presetPath == m_presetPath && m_hasScenario;
    m_presetPath = presetPath;
    m_language = language;
    m_predict->setQuestion(PredictQuestion::forPreset(presetPath), language);
    // The free lab measures the speed-up of 1…cpu_count workers (Charts tab).
    m_charts->setSweepAvailable(QFileInfo(presetPath).completeBaseName() == QLatin1String("13-free-lab"));
    if (samePreset) {
        // The language changed: the run shown stays. Before any run, the names the example gives
        // in both languages ("1 hilo" / "1 thread") follow the interface.
        Scenario localized = m_scenario;
        if (localized.localize(language) && !m_savedRun && m_run && !m_run->isStarted()) {
            const bool edited = m_edited;
            m_preset.localize(language);
            setScenario(localized);
            m_edited = edited;
            updateEditor();
        }
        retranslate();
        return;
    }
    const QString shown = QDir::toNativeSeparators(presetPath);
    if (!QFileInfo::exists(presetPath)) {
        showMessage(tr("This page has no lab example yet: %1 does not exist.").arg(shown));
        return;
    }
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(presetPath);
    if (!loaded.ok()) {
        showMessage(tr("The lab example %1 cannot be used:\n%2")
                        .arg(shown, loaded.errorStrings(kMaxProblemsShown).join(QLatin1Char('\n'))));
        return;
    }
    m_preset = loaded.scenario;
    m_preset.localize(language);
    Scenario use = m_preset;
    m_edited = false;
    if (!draft.isEmpty()) {
        // The student's own version of this page's example, kept from an earlier visit. One that
        // no longer passes the checks (a newer version of the app) is set aside.
        const ScenarioLoadResult mine = ScenarioLoader::loadData(draft, QFileInfo(presetPath).fileName());
        if (mine.ok()) {
            use = mine.scenario;
            use.localize(language);
            use.file = presetPath;
            m_edited = true;
        }
    }
    const bool edited = m_edited;
    setScenario(use);
    m_edited = edited;
    updateEditor();
}

void LabPanel::setScenario(const Scenario &scenario)
{
    m_editor->setScenario(scenario);
    applyScenario(scenario);
}

void LabPanel::applyScenario(const Scenario &scenario)
{
    endSavedRun();
    m_scenario = scenario;
    m_hasScenario = true;
    m_message.clear();
    m_messageLabel->hide();
    for (QWidget *w : std::as_const(m_labWidgets))
        w->show();
    m_scenarioValid = true;
    m_currentAction = -1;
    m_lastNote.clear();
    freshRun();
    m_tabs->setCurrentIndex(ProcessesTab);
    retranslate();
}

void LabPanel::onEdited()
{
    const bool valid = m_editor->isValid();
    m_scenarioValid = valid;
    if (valid) {
        Scenario edited = m_editor->scenario();
        edited.file = m_scenario.file;
        const bool live = isRunLive();
        if (!live) {
            const int tab = m_tabs->currentIndex();
            applyScenario(edited);
            m_tabs->setCurrentIndex(tab);
        }
        m_edited = true;
        keepDraft(edited);
    }
    updateEditor();
    updateActions();
    updateStatus();
}

void LabPanel::showRunTab()
{
    // From the scenario's tab to the processes; a tab that shows the run (the timeline, the
    // charts, the console…) stays.
    if (m_tabs->currentIndex() == SetupTab)
        m_tabs->setCurrentIndex(ProcessesTab);
}

bool LabPanel::isRunLive() const
{
    return m_run && m_run->isStarted() && !m_run->isFinished();
}

void LabPanel::keepDraft(const Scenario &scenario)
{
    Q_EMIT draftChanged(m_presetPath, QJsonDocument(scenario.toJson()).toJson(QJsonDocument::Compact));
}

void LabPanel::onStartMethodChosen()
{
    if (!m_hasScenario || isRunLive())
        return;
    const auto method = StartMethod(m_method->currentData().toInt());
    if (method == m_scenario.startMethod)
        return;
    Scenario s = m_scenario;
    s.startMethod = method;
    for (WorkerSpec &w : s.workers)
        if (!w.ownStartMethod)
            w.startMethod = method;
    const int tab = m_tabs->currentIndex();
    setScenario(s);
    m_tabs->setCurrentIndex(tab);
    m_edited = true;
    keepDraft(s);
    updateEditor();
}

void LabPanel::onReset()
{
    if (!m_hasScenario || isRunLive())
        return;
    Scenario preset = m_preset;
    setScenario(preset);
    m_edited = false;
    m_tabs->setCurrentIndex(SetupTab);
    Q_EMIT draftChanged(m_presetPath, {});
    updateEditor();
}

void LabPanel::updateEditor()
{
    const bool live = isRunLive();
    m_editor->setReadOnly(live);
    m_method->setEnabled(m_hasScenario && !live);
    if (m_hasScenario)
        m_method->setCurrentIndex(m_method->findData(int(m_scenario.startMethod)));
    m_actReset->setEnabled(m_hasScenario && m_edited && !live);
    m_actSave->setEnabled(m_hasScenario && m_scenarioValid);
    if (!m_hasScenario)
        m_editNote->clear();
    else if (live)
        m_editNote->setText(tr("A run is going on: the example can be edited once it has ended."));
    else if (!m_scenarioValid)
        m_editNote->setText(tr("Fix what is marked below to run the example."));
    else if (m_edited)
        m_editNote->setText(tr("Your own version of this page's example."));
    else
        m_editNote->setText(tr("This page's example. Change it as you like: your version is kept."));
    if (m_savedRun) {
        m_editor->setReadOnly(true);
        m_actReset->setEnabled(false);
        m_editNote->setText(tr("The scenario of a saved run, as it ran: it cannot be changed here."));
    }
}

bool LabPanel::openScenarioFile(const QString &path)
{
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(path);
    if (!loaded.ok()) {
        QMessageBox::warning(this, tr("Open scenario"),
                             tr("%1 cannot be used:\n%2")
                                 .arg(QDir::toNativeSeparators(path),
                                      loaded.errorStrings(kMaxProblemsShown).join(QLatin1Char('\n'))));
        return false;
    }
    if (!m_hasScenario)
        return false;
    Scenario s = loaded.scenario;
    s.file = m_scenario.file;
    setScenario(s);
    m_edited = true;
    keepDraft(s);
    updateEditor();
    return true;
}

bool LabPanel::saveScenarioFile(const QString &path, QString *error)
{
    QJsonObject json = m_scenario.toJson();
    json.remove(QStringLiteral("file"));
    // As exports are written: a failure anywhere (a full disk too) leaves the old file in place.
    return RunExporter::saveAtomically(path, QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}

QString LabPanel::title() const
{
    return m_hasScenario ? m_scenario.title.text(m_language) : QString();
}

QString LabPanel::message() const
{
    return m_message;
}

QStringList LabPanel::actionTexts() const
{
    QStringList out;
    if (!m_hasScenario)
        return out;
    for (int i = 0; i < m_scenario.main.size(); ++i)
        out.append(QStringLiteral("%1. %2").arg(i + 1).arg(m_scenario.actionText(i)));
    return out;
}

QString LabPanel::statusText() const
{
    return m_status->text();
}

// ---------------------------------------------------------------------------------------------
// A saved run, for review

void LabPanel::showSavedRun(const RunLog &log, const QString &path)
{
    if (!m_savedRun) {
        m_beforeSaved = m_scenario;
        m_beforeSavedShown = m_hasScenario;
        m_beforeSavedEdited = m_edited;
    }
    discardRun();
    const QString fileName = QFileInfo(path).fileName();
    const ScenarioLoadResult loaded =
        ScenarioLoader::loadObject(log.scenario, log.scenario.value(QStringLiteral("file")).toString());
    Scenario scenario;
    if (loaded.ok()) {
        scenario = loaded.scenario;
    } else {
        // A log from another version whose scenario this one cannot read: its processes, events
        // and messages are still worth seeing.
        scenario.title.en = scenario.title.es = fileName;
    }
    m_scenario = scenario;
    m_hasScenario = true;
    m_scenarioValid = true;
    m_message.clear();
    m_messageLabel->hide();
    for (QWidget *w : std::as_const(m_labWidgets))
        w->show();
    m_editor->setScenario(scenario);

    m_savedRun = true;
    m_savedPath = path;
    m_savedHomework = log.homework;
    if (!m_savedBanner) {
        m_savedBanner = new QFrame(this);
        m_savedBanner->setObjectName(QStringLiteral("savedRunBanner"));
        m_savedBanner->setFrameShape(QFrame::StyledPanel);
        m_savedBanner->setAutoFillBackground(true);
        QPalette pal = m_savedBanner->palette();
        pal.setColor(QPalette::Window, pal.color(QPalette::Highlight).lighter(185));
        pal.setColor(QPalette::WindowText, QColor(Qt::black));
        m_savedBanner->setPalette(pal);
        auto *row = new QHBoxLayout(m_savedBanner);
        row->setContentsMargins(8, 6, 8, 6);
        m_savedLabel = new QLabel(m_savedBanner);
        m_savedLabel->setWordWrap(true);
        m_savedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(m_savedLabel, 1);
        m_savedBack = new QToolButton(m_savedBanner);
        m_savedBack->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
        m_savedBack->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        row->addWidget(m_savedBack);
        connect(m_savedBack, &QToolButton::clicked, this, &LabPanel::leaveSavedRun);
        static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_savedBanner);
    }
    m_savedBanner->show();

    m_store->load(log);
    m_currentAction = int(m_scenario.main.size()) + 1;
    m_lastNote.clear();
    m_tabs->setCurrentIndex(ProcessesTab);
    retranslate();
    updateEditor();
    Q_EMIT runStateChanged();
}

void LabPanel::endSavedRun()
{
    if (!m_savedRun)
        return;
    m_savedRun = false;
    m_savedPath.clear();
    m_savedHomework = {};
    m_savedBanner->hide();
}

void LabPanel::leaveSavedRun()
{
    if (!m_savedRun)
        return;
    endSavedRun();
    if (m_beforeSavedShown) {
        const bool edited = m_beforeSavedEdited;
        setScenario(m_beforeSaved);
        m_edited = edited;
        updateEditor();
    } else {
        showMessage(tr("No page is open."));
    }
    Q_EMIT runStateChanged();
}

void LabPanel::updateSavedRun()
{
    if (!m_savedRun || !m_savedLabel)
        return;
    QStringList who;
    for (const QString &part : {m_savedHomework.student, m_savedHomework.group, m_savedHomework.exercise})
        if (!part.isEmpty())
            who.append(part.toHtmlEscaped());
    QString text = tr("<b>Saved run</b> %1, for review: it cannot be run again from here.")
                       .arg(QFileInfo(m_savedPath).fileName().toHtmlEscaped());
    if (!who.isEmpty())
        text += QStringLiteral("<br>") + tr("Homework: %1").arg(who.join(QStringLiteral(" · ")));
    m_savedLabel->setText(text);
    m_savedLabel->setToolTip(QDir::toNativeSeparators(m_savedPath));
    m_savedBack->setText(tr("Back to the page's example"));
}

// ---------------------------------------------------------------------------------------------
// The run

Run *LabPanel::freshRun()
{
    discardRun();
    auto *run = new Run(m_scenario, this);
    m_run = run;
    m_currentAction = -1;
    connect(run, &Run::mainActionStarted, this, [this](int i) {
        m_currentAction = i;
        updateScriptHighlight();
        updateStatus();
    });
    connect(run, &Run::mainActionFinished, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(run, &Run::pausedChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(run, &Run::phaseChanged, this, [this](Run::Phase phase) {
        if (phase == Run::Phase::Finished) {
            discardJournal();
            m_currentAction = int(m_scenario.main.size()) + 1;
            updateScriptHighlight();
        }
        updateActions();
        updateStatus();
        updateEditor();
        Q_EMIT runStateChanged();
    });
    m_store->watch(run);
    updateEditor();
    return run;
}

void LabPanel::discardRun()
{
    discardJournal();
    Run *old = m_run.data();
    m_run.clear();
    if (!old)
        return;
    old->disconnect(this);
    if (!old->isStarted() || old->isFinished()) {
        old->deleteLater();
        return;
    }
    // Asynchronous: everything of it is killed now, and it is deleted once reaped.
    connect(old, &Run::finished, old, &QObject::deleteLater);
    old->abort();
}

void LabPanel::shutdown()
{
    if (!m_run || !m_run->isStarted() || m_run->isFinished())
        return;
    QEventLoop loop;
    connect(m_run.data(), &Run::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(limits::RunEndGraceMs + 2000, &loop, &QEventLoop::quit);
    m_run->abort();
    if (!m_run->isFinished())
        loop.exec();
}

Run *LabPanel::runForAction()
{
    if (!m_hasScenario)
        return nullptr;
    if (!m_run || m_run->isFinished() || m_run->phase() == Run::Phase::Ending)
        freshRun();
    return m_run;
}

void LabPanel::onRun()
{
    if (!m_hasScenario)
        return;
    m_lastNote.clear();
    if (m_run && m_run->isScripted() && m_run->phase() == Run::Phase::Running) {
        // Paused or stepping: go on to the end.
        m_run->setPaused(false);
        return;
    }
    Run *run = m_run && !m_run->isStarted() ? m_run.data() : freshRun();
    showRunTab();
    run->start();
    updateActions();
    updateStatus();
    Q_EMIT runStateChanged();
}

void LabPanel::onStep()
{
    if (!m_hasScenario)
        return;
    m_lastNote.clear();
    Run *run =
        m_run && (!m_run->isStarted() || (m_run->isScripted() && m_run->phase() == Run::Phase::Running))
            ? m_run.data()
            : freshRun();
    showRunTab();
    run->step();
    updateActions();
    updateStatus();
    Q_EMIT runStateChanged();
}

void LabPanel::onPause()
{
    if (m_run && m_run->isScripted() && m_run->phase() == Run::Phase::Running)
        m_run->setPaused(m_actPause->isChecked());
    updateActions();
}

void LabPanel::onEnd()
{
    if (!m_run || !m_run->isStarted() || m_run->isFinished())
        return;
    int alive = 0;
    for (const WorkerProcess *p : m_run->processes())
        if (p->isAlive() && p->record().kind != QLatin1String("main") &&
            p->record().kind != QLatin1String("forkserver"))
            ++alive;
    m_lastNote = alive == 0 ? tr("Run ended.")
                            : tr("Run ended: %n process(es) still alive were killed.", nullptr, alive);
    m_run->abort();
    updateStatus();
}

QList<int> LabPanel::selectedProcesses() const
{
    QList<int> rows;
    const QAbstractItemView *view = m_tabs->currentIndex() == TreeTab
                                        ? static_cast<QAbstractItemView *>(m_treeView)
                                        : static_cast<QAbstractItemView *>(m_processView);
    for (const QModelIndex &i : view->selectionModel()->selectedRows())
        rows.append(i.data(ProcessRowRole).toInt());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void LabPanel::selectProcess(int row)
{
    if (row < 0 || row >= m_processModel->rowCount())
        return;
    m_processView->selectionModel()->select(m_processModel->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_processView->setCurrentIndex(m_processModel->index(row, 0));
    const QModelIndex inTree = m_treeModel->indexOfProcess(row);
    if (inTree.isValid())
        m_treeView->selectionModel()->select(inTree,
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateActions();
}

void LabPanel::onProcessAction(QAction *action)
{
    const QList<int> rows = selectedProcesses();
    QList<int> workers;
    for (int r : rows) {
        const int index = m_store->process(r).record.index;
        if (index >= 0)
            workers.append(index);
    }
    if (workers.isEmpty())
        return;
    m_lastNote.clear();
    Run *run = action == m_actStart ? runForAction() : m_run.data();
    if (!run)
        return;
    const bool wasNew = !run->isStarted();
    for (int w : std::as_const(workers)) {
        if (action == m_actStart)
            run->startWorker(w);
        else if (action == m_actJoin)
            run->join(w);
        else if (action == m_actJoinTimeout)
            run->join(w, int(m_joinTimeout->value() * 1000));
        else if (action == m_actTerminate)
            run->terminate(w);
        else if (action == m_actKill)
            run->kill(w);
        else if (action == m_actStop)
            run->stop(w);
        else if (action == m_actContinue)
            run->resume(w);
    }
    if (wasNew)
        Q_EMIT runStateChanged();
    m_store->flush();
    updateActions();
    updateStatus();
}

void LabPanel::updateActions()
{
    const bool have = m_hasScenario;
    const bool live = isRunLive();
    const bool scriptRunning = live && m_run->isScripted() && m_run->phase() == Run::Phase::Running;
    const bool paused = scriptRunning && m_run->isPaused();
    const bool runnable = have && m_scenarioValid;
    m_actRun->setEnabled(runnable && (!live || paused));
    m_actStep->setEnabled(runnable && (!live || paused));
    m_actPause->setEnabled(scriptRunning);
    m_actPause->setChecked(paused);
    m_actEnd->setEnabled(live);

    bool canStart = false, canJoin = false, canSignal = false, canStop = false, canContinue = false;
    const bool mainGoing = !m_run || !m_run->isStarted() || m_run->phase() == Run::Phase::Running;
    for (int r : selectedProcesses()) {
        if (r >= m_store->processCount())
            continue;
        const RunStore::Process &p = m_store->process(r);
        if (p.record.index < 0)
            continue;
        canStart |= p.state == RunStore::State::Created || (m_run && m_run->isFinished());
        canJoin |= mainGoing && live && p.state != RunStore::State::Created;
        canSignal |= live && p.isAlive();
        canStop |= live && p.state == RunStore::State::Running;
        canContinue |= live && p.state == RunStore::State::Stopped;
    }
    m_actStart->setEnabled(have && m_scenarioValid && canStart);
    m_actJoin->setEnabled(canJoin);
    m_actJoinTimeout->setEnabled(canJoin);
    m_joinTimeout->setEnabled(canJoin);
    m_actTerminate->setEnabled(canSignal);
    m_actKill->setEnabled(canSignal);
    m_actStop->setEnabled(canStop);
    m_actContinue->setEnabled(canContinue);
    if (m_savedRun) {
        // A saved run is for review: nothing of it can be run again from here.
        for (QAction *a : runActions())
            a->setEnabled(false);
        m_actPause->setChecked(false);
        m_joinTimeout->setEnabled(false);
    }
}

void LabPanel::updateStatus()
{
    if (m_savedRun) {
        int processes = 0;
        for (int r = 0; r < m_store->processCount(); ++r) {
            const QString &kind = m_store->process(r).record.kind;
            processes += kind != QLatin1String("main") && kind != QLatin1String("forkserver") ? 1 : 0;
        }
        const qint64 wall = m_store->log().summary.value(QStringLiteral("wall_ns")).toInteger();
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_status->setText(
            tr("A saved run: it took %1, with MainProcess and %n other process(es).", nullptr, processes)
                .arg(LabText::duration(wall)));
        return;
    }
    if (!m_hasScenario) {
        m_status->clear();
        return;
    }
    const int total = int(m_scenario.main.size()) + 1;
    m_progress->setRange(0, total);
    QString text;
    if (!m_run || !m_run->isStarted()) {
        m_progress->setValue(0);
        text = tr("Ready. Run (%1) runs the main program; Step (%2) runs it one line at a time; or select a "
                  "worker in Processes and press Start.")
                   .arg(m_actRun->shortcut().toString(QKeySequence::NativeText),
                        m_actStep->shortcut().toString(QKeySequence::NativeText));
    } else {
        const int next = m_run->nextMainAction();
        m_progress->setValue(m_run->isFinished() ? total : std::min(next, total));
        int alive = 0;
        int processes = 0;
        for (int r = 0; r < m_store->processCount(); ++r) {
            const RunStore::Process &p = m_store->process(r);
            if (p.record.kind == QLatin1String("main") || p.record.kind == QLatin1String("forkserver"))
                continue;
            ++processes;
            alive += p.isAlive() ? 1 : 0;
        }
        switch (m_run->phase()) {
        case Run::Phase::NotStarted:
        case Run::Phase::Running:
            if (!m_run->isScripted())
                text = tr("Running: you give the main program's orders. Besides it, %n process(es) alive.",
                          nullptr, alive);
            else if (m_run->isPaused() && m_run->isMainActionInProgress())
                text = tr("Line %1 is in progress (it waits); paused after it.").arg(m_currentAction + 1);
            else if (m_run->isPaused())
                text = next < m_scenario.main.size()
                           ? tr("Paused before line %1: Step runs it, Run goes on to the end.").arg(next + 1)
                           : tr("Paused before the end of the main program: Step ends it.");
            else if (m_currentAction >= 0 && m_currentAction < m_scenario.main.size())
                text = tr("Running line %1 of %2. Besides MainProcess, %n process(es) alive.", nullptr, alive)
                           .arg(m_currentAction + 1)
                           .arg(m_scenario.main.size());
            else
                text = tr("The main program is ending: it waits for its children. Besides it, %n process(es) "
                          "alive.",
                          nullptr, alive);
            break;
        case Run::Phase::Ending:
            text = tr("The main program has ended; %n process(es) of the run still alive (orphans go on by "
                      "themselves). End run kills them.",
                      nullptr, alive);
            break;
        case Run::Phase::Finished: {
            const qint64 wall = m_store->log().summary.value(QStringLiteral("wall_ns")).toInteger();
            text = tr("Finished in %1: MainProcess and %n other process(es).", nullptr, processes)
                       .arg(LabText::duration(wall));
            break;
        }
        }
    }
    if (!m_scenarioValid)
        text = tr("The edited example has %n problem(s) (see Workers): it cannot run until they are fixed.",
                  nullptr, int(m_editor->problems().size()));
    if (!m_lastNote.isEmpty())
        text = m_lastNote + QLatin1Char(' ') + text;
    m_status->setText(text);
}

void LabPanel::updateScriptHighlight()
{
    for (int i = 0; i < m_script->count(); ++i) {
        QListWidgetItem *item = m_script->item(i);
        QFont f = item->font();
        const bool current = i == m_currentAction;
        f.setBold(current);
        item->setFont(f);
        item->setData(Qt::BackgroundRole,
                      current ? QVariant(palette().color(QPalette::Highlight).lighter(175)) : QVariant());
        if (current)
            m_script->scrollToItem(item);
    }
}

// ---------------------------------------------------------------------------------------------
// Views that follow the store

void LabPanel::onStoreReset()
{
    refreshConsoleChoices();
    refreshEventKinds();
    for (QTableView *v : {m_processView, m_eventView, m_messageView})
        v->resizeColumnsToContents();
    updateActions();
    updateStatus();
}

void LabPanel::discardJournal()
{
    m_journaled = 0;
    if (m_journalPath.isEmpty())
        return;
    m_journalPath.clear();
    JournalWriter *writer = m_journalWriter;
    QMetaObject::invokeMethod(
        writer, [writer] { writer->discard(); }, Qt::QueuedConnection);
}

void LabPanel::journal(bool processesChanged)
{
    if (m_journalDir.isEmpty() || !m_run || !m_run->isStarted())
        return;
    if (m_run->isFinished()) {
        discardJournal(); // it ended normally: what it recorded is in memory
        return;
    }
    if (!m_journalThread) {
        m_journalThread = new QThread(this);
        m_journalThread->setObjectName(QStringLiteral("run journal"));
        m_journalWriter = new JournalWriter;
        m_journalWriter->moveToThread(m_journalThread);
        m_journalThread->start(QThread::LowPriority);
    }
    JournalWriter *writer = m_journalWriter;
    if (m_journalPath.isEmpty()) {
        m_journalPath = RunJournal::newPath(m_journalDir);
        RunLog header;
        header.appVersion = m_run->log().appVersion;
        header.host = m_run->log().host;
        header.scenario = m_run->log().scenario;
        header.homework = m_run->log().homework;
        QMetaObject::invokeMethod(
            writer, [writer, path = m_journalPath, header] { writer->open(path, header); },
            Qt::QueuedConnection);
        m_journaled = 0;
        m_journaledProcsNs = 0;
        processesChanged = true;
    }
    const qint64 now = monotonicNs();
    QList<ProcessRecord> records;
    const bool withRecords = processesChanged && now - m_journaledProcsNs > 500'000'000;
    if (withRecords) {
        for (const WorkerProcess *p : m_run->processes())
            records.append(p->record());
        m_journaledProcsNs = now;
    }
    const QList<Event> &events = m_run->log().events();
    QList<Event> fresh = events.mid(std::min(m_journaled, events.size()));
    m_journaled = events.size();
    if (fresh.isEmpty() && !withRecords)
        return;
    QMetaObject::invokeMethod(
        writer,
        [writer, fresh = std::move(fresh), records = std::move(records), withRecords] {
            writer->append(fresh, records, withRecords);
        },
        Qt::QueuedConnection);
}

void LabPanel::onStoreUpdated(const RunStore::Batch &batch)
{
    journal(m_store->processCount() > batch.processesBefore || !batch.changedProcesses.isEmpty());
    if (m_store->processCount() > batch.processesBefore)
        refreshConsoleChoices();
    if (m_store->processCount() > batch.processesBefore || batch.finished ||
        (!batch.changedProcesses.isEmpty() && m_store->processCount() <= 64))
        m_processView->resizeColumnsToContents();
    if (m_store->eventCount() > batch.eventsBefore) {
        refreshEventKinds();
        if (batch.eventsBefore == 0)
            m_eventView->resizeColumnsToContents();
    }
    if (m_store->messageCount() > 0 && batch.messagesBefore == 0)
        m_messageView->resizeColumnsToContents();
    updateActions();
    updateStatus();
}

void LabPanel::refreshConsoleChoices()
{
    const auto fill = [this](QComboBox *box, const QString &all) {
        const int current = box->currentData().isValid() ? box->currentData().toInt() : -1;
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, -1);
        for (int r = 0; r < m_store->processCount(); ++r) {
            const RunStore::Process &p = m_store->process(r);
            if (p.defaultName && p.state == RunStore::State::Created)
                continue;
            box->addItem(p.record.pid ? QStringLiteral("%1 (%2)").arg(p.record.name).arg(*p.record.pid)
                                      : p.record.name,
                         r);
        }
        const int at = box->findData(current);
        box->setCurrentIndex(at >= 0 ? at : 0);
    };
    fill(m_consoleProcess, tr("All processes"));
    fill(m_eventProcess, tr("All processes"));
    onConsoleProcessChosen(); // the process shown may be gone (a new run)
}

void LabPanel::refreshEventKinds()
{
    // Only the events not seen yet: a long run must not rescan its whole log at every batch.
    if (m_kindsSeen > m_store->eventCount()) {
        m_kinds.clear();
        m_kindsSeen = 0;
        m_knownKindsSeen = 0;
    }
    static_assert(kEventKindCount <= 64);
    const qsizetype before = m_kinds.size();
    for (int i = m_kindsSeen; i < m_store->eventCount(); ++i) {
        const Event &e = m_store->event(i);
        const quint64 bit = quint64(1) << int(e.kind);
        if (e.kind == EventKind::Other)
            m_kinds.insert(e.otherKind);
        else if (!(m_knownKindsSeen & bit)) {
            m_knownKindsSeen |= bit;
            m_kinds.insert(e.ev());
        }
    }
    m_kindsSeen = m_store->eventCount();
    if (m_kinds.size() == before && m_eventKind->count() == before + 1)
        return;
    QStringList sorted(m_kinds.cbegin(), m_kinds.cend());
    sorted.sort();
    const QString current = m_eventKind->currentData().toString();
    const QSignalBlocker block(m_eventKind);
    m_eventKind->clear();
    m_eventKind->addItem(tr("All events"), QString());
    for (const QString &k : std::as_const(sorted))
        m_eventKind->addItem(k, k);
    const int at = m_eventKind->findData(current);
    m_eventKind->setCurrentIndex(at >= 0 ? at : 0);
}

void LabPanel::onConsoleProcessChosen()
{
    const QVariant only = m_consoleProcess->currentData();
    m_consoleModel->setProcess(only.isValid() ? only.toInt() : -1);
}

void LabPanel::fitConsoleColumn()
{
    // As wide as the longest line (a horizontal scroll bar shows it whole), at least the view.
    const int chars = m_consoleModel->widestLine();
    const int width = QFontMetrics(m_console->font()).horizontalAdvance(QLatin1Char('M')) * chars + 16;
    const int want = std::max(width, m_console->viewport()->width());
    if (m_console->columnWidth(0) != want)
        m_console->setColumnWidth(0, want);
}

// ---------------------------------------------------------------------------------------------
// The timeline and its time cursor

TimelineView *LabPanel::timelineView() const
{
    return m_timeline->view();
}

void LabPanel::wireTimeline()
{
    const auto moment = [this](std::optional<qint64> tNs) {
        m_processModel->setCursor(tNs);
        m_treeModel->setCursor(tNs);
        showMomentInConsole(tNs);
    };
    connect(m_timeline->view(), &TimelineView::cursorMoved, this, [moment](qint64 tNs) { moment(tNs); });
    connect(m_timeline->view(), &TimelineView::cursorCleared, this, [moment] { moment(std::nullopt); });
}

void LabPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleFitSplit();
}

void LabPanel::scheduleFitSplit()
{
    if (!m_userSplit && !std::exchange(m_fitSplitQueued, true))
        QTimer::singleShot(0, this, &LabPanel::fitSplit);
}

void LabPanel::fitSplit()
{
    m_fitSplitQueued = false;
    if (m_userSplit)
        return;
    // The upper part as tall as its contents need at this width, if the tabs keep their minimum;
    // otherwise what is left, and it scrolls. From then on the student may drag the handle.
    QWidget *top = m_topScroll->widget();
    const int bar = m_topScroll->verticalScrollBar()->sizeHint().width();
    // Never narrower than its contents (it does not scroll sideways).
    m_topScroll->setMinimumWidth(top->minimumSizeHint().width() + bar);
    const int width = m_topScroll->width() - bar;
    const int needed = top->hasHeightForWidth() ? top->heightForWidth(width) : top->sizeHint().height();
    const int total = m_split->height() - m_split->handleWidth();
    const int upper = std::clamp(needed, m_topScroll->minimumHeight(),
                                 std::max(m_topScroll->minimumHeight(), total - m_tabs->minimumHeight()));
    m_split->setSizes({upper, total - upper});
}

void LabPanel::updatePredict()
{
    if (m_savedRun) {
        m_predict->showRecord(m_store->log().predict);
        return;
    }
    if (m_predict->isReadOnly())
        m_predict->setQuestion(PredictQuestion::forPreset(m_presetPath), m_language);
    if (!m_run || !m_run->isStarted())
        return;
    if (m_predictRun != m_run) {
        m_predictRun = m_run;
        m_predict->lock();
    }
    if (m_run->isFinished() && m_predict->isLocked()) {
        m_predict->judge(m_store->log());
        // In a short window the verdict may sit below the scrolled part: bring it into view once
        // the panel has its new height.
        QTimer::singleShot(0, this, [this] {
            QScrollBar *bar = m_topScroll->verticalScrollBar();
            if (m_predict->isVisible())
                bar->setValue(std::max(bar->value(), m_predict->geometry().bottom() + 1 -
                                                         m_topScroll->viewport()->height()));
        });
    }
}

void LabPanel::showPredictEvidence(const PredictEvidence &evidence)
{
    for (int row = 0; row < m_store->processCount(); ++row) {
        if (m_store->process(row).record.name == evidence.process) {
            selectProcess(row);
            break;
        }
    }
    if (evidence.tNs) {
        m_tabs->setCurrentIndex(TimelineTab);
        timelineView()->setCursorTime(*evidence.tNs);
    } else {
        m_tabs->setCurrentIndex(ProcessesTab);
    }
}

void LabPanel::showMomentInConsole(std::optional<qint64> tNs)
{
    if (!tNs) {
        m_console->clearSelection();
        return;
    }
    // The last line written at or before the moment, selected in the middle of the console.
    const int row = m_consoleModel->lastRowAt(*tNs);
    if (row < 0) {
        m_console->clearSelection();
        m_console->scrollToTop();
        return;
    }
    const QModelIndex at = m_consoleModel->index(row);
    m_console->setCurrentIndex(at);
    m_console->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_console->scrollTo(at, QAbstractItemView::PositionAtCenter);
}

} // namespace concurrente
