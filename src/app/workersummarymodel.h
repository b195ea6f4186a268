#pragma once

#include "scenario.h"

#include <QAbstractTableModel>

namespace concurrente {

/// The workers of a lab preset, one row each: name, task, arguments, daemon, start method.
class WorkerSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TaskColumn, ArgumentsColumn, DaemonColumn, StartMethodColumn, ColumnCount };
    /// The raw value behind a cell (bool for daemon, the start method's name, ...).
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit WorkerSummaryModel(QObject *parent = nullptr);

    void setWorkers(const QList<WorkerSpec> &workers);
    void clear();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Re-announces the translated texts after a language switch.
    void retranslate();

private:
    QList<WorkerSpec> m_workers;
};

} // namespace concurrente
