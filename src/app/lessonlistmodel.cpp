#include "lessonlistmodel.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace concurrente {

namespace {
QIcon drawIcon(const QColor &color, bool tick)
{
    QIcon icon;
    // Drawn at 1x and 2x so the tick stays sharp on high-density screens.
    for (int scale : {1, 2}) {
        QPixmap pm(16 * scale, 16 * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        if (tick) {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            QPen pen(color, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            p.setPen(pen);
            QPainterPath path;
            path.moveTo(3.5, 8.5);
            path.lineTo(6.8, 11.8);
            path.lineTo(12.8, 4.5);
            p.drawPath(path);
        }
        icon.addPixmap(pm);
    }
    return icon;
}
} // namespace

LessonListModel::LessonListModel(QObject *parent) : QAbstractListModel(parent)
{
    setTickColor(QColor(0x2e, 0x8b, 0x57));
}

void LessonListModel::setTickColor(const QColor &color)
{
    m_tick = drawIcon(color, true);
    m_blank = drawIcon(color, false);
    if (!m_pages.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

void LessonListModel::setPages(const QList<LessonPage> &pages)
{
    // Same count, same pages: update in place so the view keeps its selection and scroll.
    if (pages.size() == m_pages.size() && !pages.isEmpty()) {
        m_pages = pages;
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
        return;
    }
    beginResetModel();
    m_pages = pages;
    endResetModel();
}

void LessonListModel::setVisited(const QSet<int> &visited)
{
    if (visited == m_visited)
        return;
    m_visited = visited;
    if (!m_pages.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {Qt::DecorationRole, Qt::ToolTipRole, VisitedRole});
}

void LessonListModel::setCurrent(int number)
{
    if (number == m_current)
        return;
    const int oldRow = rowOf(m_current);
    m_current = number;
    const QList<int> roles{Qt::FontRole, CurrentRole};
    if (oldRow >= 0)
        Q_EMIT dataChanged(index(oldRow), index(oldRow), roles);
    if (const int row = rowOf(number); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

int LessonListModel::rowOf(int number) const
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i].number == number)
            return i;
    }
    return -1;
}

int LessonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pages.size());
}

QVariant LessonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LessonPage &page = m_pages.at(index.row());
    const bool visited = m_visited.contains(page.number);
    switch (role) {
    case Qt::DisplayRole:
        return page.numberedTitle();
    case Qt::ToolTipRole:
        return visited ? tr("%1 — visited").arg(page.title) : tr("%1 — not visited yet").arg(page.title);
    case Qt::AccessibleDescriptionRole:
        return visited ? tr("visited") : tr("not visited yet");
    case Qt::DecorationRole:
        return visited ? m_tick : m_blank;
    case Qt::FontRole:
        if (page.number == m_current) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case PageNumberRole:
        return page.number;
    case VisitedRole:
        return visited;
    case CurrentRole:
        return page.number == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> LessonListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(PageNumberRole, "pageNumber");
    names.insert(VisitedRole, "visited");
    names.insert(CurrentRole, "current");
    return names;
}

} // namespace concurrente
