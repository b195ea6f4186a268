#pragma once

#include "runlog.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QMenu;
class QSplitter;

namespace Ui {
class MainWindow;
}

namespace concurrente {

class CourseSession;
class HelpDialog;
class LabPanel;
class LessonNavigator;
class LessonPane;
class UiTranslations;
class WelcomePanel;

/// Composes the navigator, the lesson page and the lab area, and wires the menus to the
/// course session. It holds no state of its own: the session has it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(CourseSession *session, UiTranslations *translations, QWidget *parent = nullptr);
    ~MainWindow() override;

    LessonNavigator *navigator() const;
    LessonPane *lessonPane() const;
    LabPanel *labPanel() const;
    QSplitter *splitter() const;
    /// Runs the lab was recording when the app last ended abnormally: offers to open what was
    /// recorded for review, or to discard it (a message that does not block the window).
    void offerInterruptedRuns();
    /// The text of the Help → About box.
    QString aboutText() const;
    /// The About box's licence and credits.
    QString aboutCredits() const;

    /// Opens a saved run log for review in the lab (next to its lesson page when it came from
    /// one); false with `error` (naming the file and the problem) when it cannot be read.
    bool openRunFile(const QString &path, QString *error = nullptr);
    /// Writes the lab's run (a live one as it is now) to `path` in the format its suffix picks,
    /// with `homework` as its header; false with `error` otherwise.
    bool exportRunTo(const QString &path, const Homework &homework, QString *error = nullptr);
    QAction *openRunAction() const { return m_actOpenRun; }
    QAction *exportRunAction() const { return m_actExportRun; }
    QAction *preferencesAction() const { return m_actPreferences; }
    QMenu *recentRunsMenu() const { return m_menuRecentRuns; }
    /// Help → Help for This Pane (F1): the help page of the pane that has the focus.
    QAction *paneHelpAction() const { return m_actPaneHelp; }
    QAction *nextPaneAction() const { return m_actNextPane; }
    /// The first-run welcome; nullptr once the student dismissed it.
    WelcomePanel *welcomePanel() const { return m_welcome; }
    /// The help window; nullptr until help was first asked for.
    HelpDialog *helpDialog() const { return m_help; }

Q_SIGNALS:
    /// Page `number` is now shown (text and lab summary).
    void pageShown(int number);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpActions();
    void restoreLayout();
    void showCurrentPage();
    void applyLanguage(const QString &language);
    void updateTitle();
    void showAbout();
    void setUpRunActions();
    void retranslateRunActions();
    void updateRunActions();
    void rebuildRecentRuns();
    void openRunDialog();
    void exportRunDialog();
    void showPreferences();
    /// Opens `path`, or says why not in a message box.
    void openRunInteractively(const QString &path);
    void setUpHelp();
    void retranslateHelp();
    /// Shows the help page of the lesson side (`lab` false) or of the lab.
    void showHelp(bool lab);
    void dismissWelcome();
    /// F6 / Shift+F6: the focus to the next / previous pane (page list, lesson, lab).
    void focusPane(int step);

    std::unique_ptr<Ui::MainWindow> m_ui;
    CourseSession *m_session;
    UiTranslations *m_translations;
    bool m_defaultSplit = false;
    QAction *m_actOpenRun = nullptr;
    QAction *m_actExportRun = nullptr;
    QAction *m_actPreferences = nullptr;
    QMenu *m_menuRecentRuns = nullptr;
    QString m_lastRunFolder; ///< where the last run was opened or exported
    QAction *m_actPaneHelp = nullptr;
    QAction *m_actLessonHelp = nullptr;
    QAction *m_actLabHelp = nullptr;
    QAction *m_actNextPane = nullptr;
    QAction *m_actPreviousPane = nullptr;
    QAction *m_actNextTab = nullptr;
    QAction *m_actPreviousTab = nullptr;
    WelcomePanel *m_welcome = nullptr;
    HelpDialog *m_help = nullptr;
};

} // namespace concurrente
