#include "workersummarymodel.h"

namespace concurrente {

WorkerSummaryModel::WorkerSummaryModel(QObject *parent) : QAbstractTableModel(parent) {}

void WorkerSummaryModel::setWorkers(const QList<WorkerSpec> &workers)
{
    beginResetModel();
    m_workers = workers;
    endResetModel();
}

void WorkerSummaryModel::clear()
{
    setWorkers({});
}

int WorkerSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int WorkerSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkerSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WorkerSpec &w = m_workers.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            // An unnamed worker's default name is what several pages ask students to predict:
            // it is shown once the run has it (the Processes tab), not here.
            if (w.named)
                return w.name;
            return role == Qt::DisplayRole
                       ? tr("p%1 (no name given)").arg(index.row() + 1)
                       : tr("Python gives it a default name when it is created: run the example to see it");
        case TaskColumn:
            return w.task;
        case ArgumentsColumn:
            return w.taskArguments().join(QStringLiteral(", "));
        case DaemonColumn:
            return w.daemon ? tr("yes") : tr("no");
        case StartMethodColumn:
            if (role == Qt::ToolTipRole) {
                switch (w.startMethod) {
                case StartMethod::Fork:
                    return tr("fork: the main program copies itself with fork()");
                case StartMethod::Forkserver:
                    return tr("forkserver: a server process, forked by the main program, forks it");
                case StartMethod::Spawn:
                    break;
                }
                return tr("spawn: the main program starts a fresh program");
            }
            return startMethodName(w.startMethod);
        default:
            return {};
        }
    }
    if (role == RawRole) {
        switch (index.column()) {
        case NameColumn:
            return w.name;
        case TaskColumn:
            return w.task;
        case ArgumentsColumn:
            return w.taskArguments();
        case DaemonColumn:
            return w.daemon;
        case StartMethodColumn:
            return startMethodName(w.startMethod);
        default:
            return {};
        }
    }
    return {};
}

QVariant WorkerSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TaskColumn:
        return tr("Task");
    case ArgumentsColumn:
        return tr("Arguments");
    case DaemonColumn:
        return tr("Daemon");
    case StartMethodColumn:
        return tr("Start method");
    default:
        return {};
    }
}

void WorkerSummaryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_workers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace concurrente
