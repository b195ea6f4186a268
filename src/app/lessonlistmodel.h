#pragma once

#include "lessoncatalog.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QSet>

namespace concurrente {

/// The pages of one language for the navigator: "N. Title", a tick on visited pages, the
/// current page in bold.
class LessonListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { PageNumberRole = Qt::UserRole + 1, VisitedRole, CurrentRole };

    explicit LessonListModel(QObject *parent = nullptr);

    void setPages(const QList<LessonPage> &pages);
    void setVisited(const QSet<int> &visited);
    void setCurrent(int number);
    /// The row of page `number`, or -1.
    int rowOf(int number) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Re-draws the tick icons in `color` (the palette's highlight, so they follow the theme).
    void setTickColor(const QColor &color);

private:
    QList<LessonPage> m_pages;
    QSet<int> m_visited;
    int m_current = 0;
    QIcon m_tick;
    QIcon m_blank;
};

} // namespace concurrente
