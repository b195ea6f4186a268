#include "scenarioeditormodels.h"

#include <QBrush>
#include <QColor>

namespace concurrente {

namespace {

const QColor kProblemColor(0xb0, 0x00, 0x20);

} // namespace

// --- workers ---------------------------------------------------------------------------------

ScenarioWorkerModel::ScenarioWorkerModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScenarioWorkerModel::reset(const QList<WorkerSpec> &workers, StartMethod runMethod)
{
    beginResetModel();
    m_workers = workers;
    m_problems = QList<QStringList>(workers.size());
    m_runMethod = runMethod;
    endResetModel();
}

void ScenarioWorkerModel::insertWorker(int row, const WorkerSpec &worker)
{
    beginInsertRows({}, row, row);
    m_workers.insert(row, worker);
    m_problems.insert(row, {});
    endInsertRows();
}

void ScenarioWorkerModel::removeWorker(int row)
{
    beginRemoveRows({}, row, row);
    m_workers.removeAt(row);
    m_problems.removeAt(row);
    endRemoveRows();
}

void ScenarioWorkerModel::update(const QList<WorkerSpec> &workers, const QList<QStringList> &problems)
{
    Q_ASSERT(workers.size() == m_workers.size());
    m_workers = workers;
    m_problems = problems;
    m_problems.resize(m_workers.size());
    if (!m_workers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_workers.size()) - 1, ColumnCount - 1));
}

void ScenarioWorkerModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_workers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_workers.size()) - 1, ColumnCount - 1));
}

int ScenarioWorkerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int ScenarioWorkerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScenarioWorkerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WorkerSpec &w = m_workers.at(index.row());
    const QStringList &problems = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            // An unnamed worker's default name is what several pages ask students to predict.
            return w.named ? w.name : tr("(no name given)");
        case TaskColumn:
            return w.task;
        case DaemonColumn:
            return w.daemon ? tr("yes") : tr("no");
        case StartMethodColumn:
            return w.ownStartMethod ? startMethodName(w.startMethod)
                                    : tr("%1 (the run's)").arg(startMethodName(m_runMethod));
        }
        break;
    case RawRole:
        switch (index.column()) {
        case NameColumn:
            return w.name;
        case TaskColumn:
            return w.task;
        case DaemonColumn:
            return w.daemon;
        case StartMethodColumn:
            return w.ownStartMethod ? startMethodName(w.startMethod) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (!problems.isEmpty())
            return problems.join(u'\n');
        break;
    case Qt::ForegroundRole:
        if (!problems.isEmpty())
            return QBrush(kProblemColor);
        break;
    default:
        break;
    }
    return {};
}

QVariant ScenarioWorkerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TaskColumn:
        return tr("Task");
    case DaemonColumn:
        return tr("Daemon");
    case StartMethodColumn:
        return tr("Start method");
    }
    return {};
}

// --- queues and pipes ------------------------------------------------------------------------

ScenarioChannelModel::ScenarioChannelModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent), m_kind(kind)
{}

void ScenarioChannelModel::reset(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_nameProblems = QList<QString>(rows.size());
    m_secondProblems = QList<QString>(rows.size());
    endResetModel();
}

void ScenarioChannelModel::insertChannel(int row, const Row &channel)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, channel);
    m_nameProblems.insert(row, {});
    m_secondProblems.insert(row, {});
    endInsertRows();
}

void ScenarioChannelModel::removeChannel(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_nameProblems.removeAt(row);
    m_secondProblems.removeAt(row);
    endRemoveRows();
}

void ScenarioChannelModel::setProblems(const QList<QString> &nameProblems,
                                       const QList<QString> &secondProblems)
{
    m_nameProblems = nameProblems;
    m_secondProblems = secondProblems;
    m_nameProblems.resize(m_rows.size());
    m_secondProblems.resize(m_rows.size());
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::ToolTipRole, Qt::ForegroundRole});
}

void ScenarioChannelModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ScenarioChannelModel::setEditable(bool editable)
{
    m_editable = editable;
}

int ScenarioChannelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScenarioChannelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScenarioChannelModel::problemAt(const QModelIndex &index) const
{
    return index.column() == NameColumn ? m_nameProblems.value(index.row())
                                        : m_secondProblems.value(index.row());
}

QVariant ScenarioChannelModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const bool second = index.column() == SecondColumn;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (!second)
            return r.name;
        if (m_kind == Kind::Queues)
            return r.capacity;
        return role == Qt::DisplayRole ? QVariant(r.duplex ? tr("both ways") : tr("one way")) : QVariant();
    case RawRole:
        if (!second)
            return r.name;
        return m_kind == Kind::Queues ? QVariant(r.capacity) : QVariant(r.duplex);
    case Qt::CheckStateRole:
        if (second && m_kind == Kind::Pipes)
            return r.duplex ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (!problemAt(index).isEmpty())
            return problemAt(index);
        break;
    case Qt::ForegroundRole:
        if (!problemAt(index).isEmpty())
            return QBrush(kProblemColor);
        break;
    default:
        break;
    }
    return {};
}

bool ScenarioChannelModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_editable)
        return false;
    Row &r = m_rows[index.row()];
    if (index.column() == NameColumn && role == Qt::EditRole) {
        r.name = value.toString();
    } else if (index.column() == SecondColumn && m_kind == Kind::Queues && role == Qt::EditRole) {
        bool ok = false;
        const int capacity = value.toInt(&ok);
        if (!ok)
            return false;
        r.capacity = capacity;
    } else if (index.column() == SecondColumn && m_kind == Kind::Pipes && role == Qt::CheckStateRole) {
        r.duplex = value.value<Qt::CheckState>() == Qt::Checked;
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited(index.row());
    return true;
}

Qt::ItemFlags ScenarioChannelModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid() || !m_editable)
        return f;
    if (index.column() == SecondColumn && m_kind == Kind::Pipes)
        return f | Qt::ItemIsUserCheckable;
    return f | Qt::ItemIsEditable;
}

QVariant ScenarioChannelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return m_kind == Kind::Queues ? tr("Queue") : tr("Pipe");
    if (section == SecondColumn)
        return m_kind == Kind::Queues ? tr("Capacity") : tr("Duplex");
    return {};
}

} // namespace concurrente
