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
class LabPanel;
class LessonNavigator;
class LessonPane;
class UiTranslations;

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

    std::unique_ptr<Ui::MainWindow> m_ui;
    CourseSession *m_session;
    UiTranslations *m_translations;
    bool m_defaultSplit = false;
    QAction *m_actOpenRun = nullptr;
    QAction *m_actExportRun = nullptr;
    QAction *m_actPreferences = nullptr;
    QMenu *m_menuRecentRuns = nullptr;
    QString m_lastRunFolder; ///< where the last run was opened or exported
};

} // namespace concurrente
