#pragma once

#include "lessoncatalog.h"

#include <QSet>
#include <QWidget>

#include <memory>

class QListView;

namespace Ui {
class LessonNavigator;
}

namespace concurrente {

class LessonListModel;

/// The list of lesson pages with the student's progress ("5 / 13 visited" and a bar).
class LessonNavigator : public QWidget
{
    Q_OBJECT
public:
    explicit LessonNavigator(QWidget *parent = nullptr);
    ~LessonNavigator() override;

    void setPages(const QList<LessonPage> &pages);
    void setVisited(const QSet<int> &visited);
    void setCurrent(int number);

    QListView *listView() const;
    LessonListModel *model() const { return m_model; }
    /// The progress text, e.g. "5 / 13 visited".
    QString progressText() const;

Q_SIGNALS:
    /// The student chose page `number` in the list (click, Enter).
    void pageActivated(int number);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateProgress();

    std::unique_ptr<Ui::LessonNavigator> m_ui;
    LessonListModel *m_model = nullptr;
    int m_pageCount = 0;
    int m_visitedCount = 0;
};

} // namespace concurrente
