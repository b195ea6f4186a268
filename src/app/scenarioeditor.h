#pragma once

#include "scenario.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace concurrente {

class ScenarioChannelModel;
class ScenarioWorkerModel;

/// Edits a lab scenario's workers (name, task and its arguments, daemon, start method), queues
/// and pipes. Every field is checked with the scenario validator's own rules (validateWorker(),
/// taskArgumentProblem(), ...): the reason shows at the field, and problems() lists them all.
/// Removing a worker also removes the main program's actions on it; a queue or pipe that a
/// worker or an action uses cannot be removed.
class ScenarioEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget *parent = nullptr);
    ~ScenarioEditor() override;

    void setScenario(const Scenario &scenario); ///< replaces everything shown
    Scenario scenario() const;                  ///< the edited scenario (use only when isValid())
    bool isValid() const { return m_issues.isEmpty(); }
    QStringList problems() const;    ///< each names the field and the reason
    void setReadOnly(bool readOnly); ///< while a run is going on
    bool isReadOnly() const { return m_readOnly; }

    /// The worker whose fields the form shows; -1 when none.
    int currentWorker() const { return m_current; }
    void setCurrentWorker(int index);
    /// The last status message (what an add / remove / duplicate did, or why it was refused).
    QString statusText() const;

    // The editing operations behind the buttons; each returns false (and says why in the
    // status line) when it is refused.
    bool addWorker();
    bool removeWorker(int index);
    bool duplicateWorker(int index);
    bool addQueue();
    bool removeQueue(int index);
    bool addPipe();
    bool removePipe(int index);
    /// Why queue / pipe `index` cannot be removed (the workers and actions that use it); empty
    /// when it can.
    QString queueInUse(int index) const;
    QString pipeInUse(int index) const;

    /// A task's short description, translated (the task names stay the code's).
    static QString taskDescription(const QString &task);

    ScenarioWorkerModel *workersModel() const { return m_workers; }
    ScenarioChannelModel *queuesModel() const { return m_queues; }
    ScenarioChannelModel *pipesModel() const { return m_pipes; }

Q_SIGNALS:
    void scenarioEdited(); ///< after any user edit
    void validityChanged(bool valid);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ArgRow;

    void buildUi();
    void retranslate();
    void resolveNames();
    void rebuildWorkerForm();
    void rebuildArgsForm();
    void refreshArgsForm();
    void fillTaskCombo();
    void fillStartMethodCombo();
    void revalidate();
    void updateButtons();
    void edited();
    void setStatus(const QString &text);
    void syncChannelsFromModel(bool pipes, int row);
    QString issueAt(const QString &path) const;
    QString describePath(const QString &path) const;
    void applyArg(ArgRow *row);
    QWidget *createArgEditor(ArgRow *row);
    void showArgValue(ArgRow *row);

    Scenario m_scenario;
    QList<ScenarioIssue> m_issues;
    int m_current = -1;
    bool m_readOnly = false;
    bool m_valid = false;
    bool m_updating = false; ///< the form is being filled from m_scenario: not a user edit
    QList<ArgRow *> m_argRows;

    ScenarioWorkerModel *m_workers = nullptr;
    ScenarioChannelModel *m_queues = nullptr;
    ScenarioChannelModel *m_pipes = nullptr;

    QTabWidget *m_tabs = nullptr;
    QTableView *m_workersView = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QGroupBox *m_workerBox = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameProblem = nullptr;
    QLabel *m_taskLabel = nullptr;
    QComboBox *m_taskCombo = nullptr;
    QLabel *m_taskDescription = nullptr;
    QLabel *m_taskProblem = nullptr;
    QCheckBox *m_daemonCheck = nullptr;
    QLabel *m_startMethodLabel = nullptr;
    QComboBox *m_startMethodCombo = nullptr;
    QGroupBox *m_argsBox = nullptr;
    QFormLayout *m_argsForm = nullptr;
    QLabel *m_queuesLabel = nullptr;
    QTableView *m_queuesView = nullptr;
    QPushButton *m_addQueueButton = nullptr;
    QPushButton *m_removeQueueButton = nullptr;
    QLabel *m_pipesLabel = nullptr;
    QTableView *m_pipesView = nullptr;
    QPushButton *m_addPipeButton = nullptr;
    QPushButton *m_removePipeButton = nullptr;
    QLabel *m_channelProblems = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
};

} // namespace concurrente
