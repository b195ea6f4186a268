#pragma once

#include <QMainWindow>

#include <memory>

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
    /// The text of the Help → About box.
    QString aboutText() const;

Q_SIGNALS:
    /// Page `number` is now shown (text and lab summary).
    void pageShown(int number);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpActions();
    void restoreLayout();
    void showCurrentPage();
    void applyLanguage(const QString &language);
    void updateTitle();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    CourseSession *m_session;
    UiTranslations *m_translations;
    bool m_defaultSplit = false;
};

} // namespace concurrente
