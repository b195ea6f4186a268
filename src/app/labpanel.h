#pragma once

#include "run.h"
#include "runjournal.h"
#include "runstore.h"
#include "scenario.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QScrollArea;
class QSplitter;
class QDoubleSpinBox;
class QFrame;
class QTabWidget;
class QTableView;
class QToolButton;
class QThread;
class QTreeView;

namespace concurrente {

class ConsoleModel;
class EventFilterModel;
class LabCharts;
class EventLogModel;
class MessageModel;
class PredictPanel;
struct PredictEvidence;
class ProcessTableModel;
class ProcessTreeModel;
class ScenarioEditor;
class TimelinePane;
class TimelineView;

/// The lab beside the lesson page: the page's example (its workers and its main program), the
/// controls that run it with real processes — the whole main program, one line at a time, or
/// process by process — and what the run does, live: processes table, tree, consoles, event log
/// and messages. A thin layer over a Run and its RunStore.
class LabPanel : public QWidget
{
    Q_OBJECT
public:
    enum Tab { SetupTab, ProcessesTab, TreeTab, ConsoleTab, EventsTab, MessagesTab, TimelineTab, ChartsTab };

    explicit LabPanel(QWidget *parent = nullptr);
    ~LabPanel() override;

    /// Loads and validates `presetPath` (texts in `language`) and makes it the lab's scenario;
    /// a run in progress is ended first.
    void showPreset(const QString &presetPath, const QString &language, const QByteArray &draft = {});
    /// Makes `scenario` the lab's scenario (an edited or opened one).
    void setScenario(const Scenario &scenario);
    const Scenario &scenario() const { return m_scenario; }

    QString title() const;
    /// The message shown instead of the lab; empty when the preset loaded.
    QString message() const;
    QStringList actionTexts() const;
    QString statusText() const;

    ScenarioEditor *editor() const { return m_editor; }
    /// Whether the lab shows the student's edited version of the page's example.
    bool isEdited() const { return m_edited; }
    RunStore *store() const { return m_store; }
    ProcessTableModel *processModel() const { return m_processModel; }
    ProcessTreeModel *treeModel() const { return m_treeModel; }
    MessageModel *messageModel() const { return m_messageModel; }
    EventFilterModel *eventModel() const { return m_eventFilter; }
    QTableView *processView() const { return m_processView; }
    QTreeView *treeView() const { return m_treeView; }
    /// The console: one row per line printed (ConsoleModel), following the newest line while
    /// it is scrolled to the bottom.
    QTableView *console() const { return m_console; }
    ConsoleModel *consoleModel() const { return m_consoleModel; }
    QComboBox *consoleProcess() const { return m_consoleProcess; }
    /// multiprocessing.set_start_method() for the run: workers without their own method follow it.
    QComboBox *startMethodBox() const { return m_method; }
    QTabWidget *tabs() const { return m_tabs; }
    /// The Timeline tab's view.
    TimelineView *timelineView() const;
    LabCharts *charts() const { return m_charts; }
    /// The page's Predict question, above the tabs.
    PredictPanel *predictPanel() const { return m_predict; }
    /// The run shown (live or ended); nullptr before the first one of this scenario.
    Run *run() const { return m_run; }
    QList<QAction *> runActions() const;

    QAction *runAction() const { return m_actRun; }
    QAction *stepAction() const { return m_actStep; }
    QAction *pauseAction() const { return m_actPause; }
    QAction *endAction() const { return m_actEnd; }
    QAction *startAction() const { return m_actStart; }
    QAction *joinAction() const { return m_actJoin; }
    QAction *joinTimeoutAction() const { return m_actJoinTimeout; }
    QAction *terminateAction() const { return m_actTerminate; }
    QAction *killAction() const { return m_actKill; }
    QAction *stopAction() const { return m_actStop; }
    QAction *continueAction() const { return m_actContinue; }
    QAction *resetAction() const { return m_actReset; }
    QAction *openScenarioAction() const { return m_actOpen; }
    QAction *saveScenarioAction() const { return m_actSave; }
    /// Reads a scenario file into the lab (File → Open scenario…); false with a message shown
    /// when it cannot be used.
    bool openScenarioFile(const QString &path);
    /// Writes the lab's scenario (File → Save scenario…); false with `error` when it cannot.
    bool saveScenarioFile(const QString &path, QString *error = nullptr);
    QDoubleSpinBox *joinTimeoutBox() const { return m_joinTimeout; }

    /// Shows a saved run for review: a live run is ended first, the log fills the store, its
    /// scenario shows read-only, the run controls are off and a banner names the file and the
    /// homework header, until leaveSavedRun() (its "Back to the page's example").
    void showSavedRun(const RunLog &log, const QString &path);
    /// Back from a saved run to the scenario shown before it.
    void leaveSavedRun();
    bool isSavedRun() const { return m_savedRun; }
    QString savedRunPath() const { return m_savedPath; }
    QFrame *savedRunBanner() const { return m_savedBanner; }

    /// Where live runs are journaled (RunJournal); empty: not at all.
    void setJournalDir(const QString &dir) { m_journalDir = dir; }
    QString journalDir() const { return m_journalDir; }
    /// The journal of the run going on (empty when none).
    QString journalPath() const { return m_journalPath; }

    /// Selects process `row` of the store in the table (and the tree).
    void selectProcess(int row);
    /// Ends a live run and waits for it (the app is closing).
    void shutdown();

Q_SIGNALS:
    /// A run began, or the one shown ended.
    void runStateChanged();
    /// The student edited the page's example (`json` is the scenario) or reset it (`json` empty).
    void draftChanged(const QString &presetPath, const QByteArray &json);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleFitSplit();
    void fitSplit();
    void buildUi();
    void retranslate();
    void showMessage(const QString &message);
    /// A fresh, not started run of the scenario, shown in the store; the previous one, if any
    /// is live, is ended and deleted once it has.
    Run *freshRun();
    void discardRun();
    Run *runForAction();
    void onRun();
    void onStep();
    void onPause();
    void onEnd();
    void onProcessAction(QAction *action);
    void onStoreUpdated(const RunStore::Batch &batch);
    void onStoreReset();
    void updateActions();
    void updateStatus();
    void updateScriptHighlight();
    QList<int> selectedProcesses() const;
    void onConsoleProcessChosen();
    /// Widens the console's column to its longest line (its rows are never wrapped or cut).
    void fitConsoleColumn();
    void refreshConsoleChoices();
    void refreshEventKinds();

    /// The timeline and what its time cursor moves: table and tree states, the console's line.
    void wireTimeline();
    void showMomentInConsole(std::optional<qint64> tNs);
    /// Leaves saved-run mode without restoring anything (another scenario is being shown).
    void endSavedRun();
    void updateSavedRun();

    /// Locks the prediction when a run starts, judges it when the run ends.
    void updatePredict();
    void showPredictEvidence(const PredictEvidence &evidence);

    void onEdited();
    void onStartMethodChosen();
    /// A run was started and has not ended yet.
    bool isRunLive() const;
    /// The tab to watch a run starting: the processes, unless one showing the run is shown.
    void showRunTab();
    /// Tells who keeps the student's version of the page's example (draftChanged).
    void keepDraft(const Scenario &scenario);
    /// Makes `scenario` the one that runs (the editor already shows it).
    void applyScenario(const Scenario &scenario);
    void onReset();
    void updateEditor();

    void journal(bool processesChanged);

    void discardJournal();

    class JournalWriter;
    JournalWriter *m_journalWriter = nullptr; ///< writes the journal on its own thread
    QThread *m_journalThread = nullptr;
    QString m_journalPath; ///< the journal of the run going on, empty when none
    QString m_journalDir = RunJournal::defaultDir();
    qsizetype m_journaled = 0;     ///< events of the run already in its journal
    qint64 m_journaledProcsNs = 0; ///< when the process records were last written
    Scenario m_scenario;
    Scenario m_preset; ///< the page's own example
    bool m_hasScenario = false;
    bool m_edited = false;       ///< m_scenario is the student's version
    bool m_scenarioValid = true; ///< the editor's scenario passes the checks
    QString m_presetPath;
    QString m_language;
    QString m_message;
    QPointer<Run> m_run;
    RunStore *m_store;
    int m_currentAction = -1;
    QString m_lastNote; ///< the outcome of the user's last command, shown in the status

    ScenarioEditor *m_editor = nullptr;
    ProcessTableModel *m_processModel;
    ProcessTreeModel *m_treeModel;
    EventLogModel *m_eventModel;
    EventFilterModel *m_eventFilter;
    MessageModel *m_messageModel;

    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_scriptLabel = nullptr;
    QListWidget *m_script = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTabWidget *m_tabs = nullptr;
    QScrollArea *m_topScroll = nullptr; ///< everything above the tabs
    QSplitter *m_split = nullptr;       ///< between that and the tabs
    bool m_userSplit = false;           ///< the student moved the handle: the split is theirs
    bool m_fitSplitQueued = false;
    QLabel *m_editNote = nullptr;
    QLabel *m_methodLabel = nullptr;
    QComboBox *m_method = nullptr; ///< the run's start method (set_start_method)
    QTableView *m_processView = nullptr;
    QTreeView *m_treeView = nullptr;
    QComboBox *m_consoleProcess = nullptr;
    ConsoleModel *m_consoleModel;
    QTableView *m_console = nullptr;
    QAction *m_consoleCopy = nullptr;
    QAction *m_consoleSelectAll = nullptr;
    bool m_consoleFollows = true; ///< the console is at its bottom: new lines scroll it
    QComboBox *m_eventProcess = nullptr;
    QComboBox *m_eventKind = nullptr;
    QTableView *m_eventView = nullptr;
    QTableView *m_messageView = nullptr;
    QLabel *m_joinLabel = nullptr;
    QDoubleSpinBox *m_joinTimeout = nullptr;
    QList<QWidget *> m_labWidgets; ///< hidden when there is no usable scenario
    QSet<QString> m_kinds;         ///< event kinds seen so far (the event filter's choices)
    int m_kindsSeen = 0;
    quint64 m_knownKindsSeen = 0; ///< a bit per EventKind in m_kinds: most events add nothing new
    TimelinePane *m_timeline = nullptr;
    LabCharts *m_charts = nullptr;
    PredictPanel *m_predict = nullptr;
    QPointer<Run> m_predictRun; ///< the run the prediction was locked for

    QAction *m_actRun = nullptr;
    QAction *m_actStep = nullptr;
    QAction *m_actPause = nullptr;
    QAction *m_actEnd = nullptr;
    QAction *m_actStart = nullptr;
    QAction *m_actJoin = nullptr;
    QAction *m_actJoinTimeout = nullptr;
    QAction *m_actTerminate = nullptr;
    QAction *m_actKill = nullptr;
    QAction *m_actStop = nullptr;
    QAction *m_actContinue = nullptr;
    QAction *m_actReset = nullptr;
    QAction *m_actOpen = nullptr;
    QAction *m_actSave = nullptr;

    // A saved run under review (showSavedRun()).
    bool m_savedRun = false;
    QString m_savedPath;
    Homework m_savedHomework;
    Scenario m_beforeSaved; ///< what the lab showed before, for leaveSavedRun()
    bool m_beforeSavedShown = false;
    bool m_beforeSavedEdited = false;
    QFrame *m_savedBanner = nullptr;
    QLabel *m_savedLabel = nullptr;
    QToolButton *m_savedBack = nullptr;
};

} // namespace concurrente
