#pragma once

#include "lessoncatalog.h"

#include <QWidget>

#include <memory>

class QAction;

namespace Ui {
class LessonPane;
}

namespace concurrente {

class LessonView;

/// The reading area: the lesson page, a bar to go back when a linked document is shown in its
/// place, and previous / next buttons with the page's position in the course.
class LessonPane : public QWidget
{
    Q_OBJECT
public:
    explicit LessonPane(QWidget *parent = nullptr);
    ~LessonPane() override;

    /// Buttons that trigger (and follow the enabled state of) the window's actions.
    void setNavigationActions(QAction *previous, QAction *next);
    /// Shows a lesson page, or a message naming the file when it could not be read.
    void showPage(const LessonPage &page, const LessonText &text, int pageCount);
    /// Shows a Markdown document in place of the page, with a way back.
    void showDocument(const QString &filePath);
    bool isShowingDocument() const;
    LessonView *view() const;
    /// The text of the position label, e.g. "Page 5 of 13".
    QString positionText() const;

public Q_SLOTS:
    void backToLesson();

Q_SIGNALS:
    void pageLinkActivated(int number);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCurrentPage();
    void updatePosition();

    std::unique_ptr<Ui::LessonPane> m_ui;
    LessonPage m_page;
    LessonText m_text;
    int m_pageCount = 0;
    int m_pageScroll = 0;
};

} // namespace concurrente
