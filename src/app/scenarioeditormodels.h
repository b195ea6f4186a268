#pragma once

#include "scenario.h"

#include <QAbstractTableModel>

namespace concurrente {

/// The workers of the scenario being edited, one row each: name, task, daemon, start method.
/// Read-only: the editor's form below the table edits the selected worker. A row with problems
/// shows them as its tooltip and in red.
class ScenarioWorkerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TaskColumn, DaemonColumn, StartMethodColumn, ColumnCount };
    /// The raw value behind a cell (the task's code name, bool for daemon, the start method's
    /// name or an empty string for the run's).
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit ScenarioWorkerModel(QObject *parent = nullptr);

    /// Replaces every row.
    void reset(const QList<WorkerSpec> &workers, StartMethod runMethod);
    void insertWorker(int row, const WorkerSpec &worker);
    void removeWorker(int row);
    /// Same rows, new values and problems (one list of reasons per row): one dataChanged.
    void update(const QList<WorkerSpec> &workers, const QList<QStringList> &problems);
    /// Re-announces the translated texts after a language switch.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<WorkerSpec> m_workers;
    QList<QStringList> m_problems;
    StartMethod m_runMethod = StartMethod::Fork;
};

/// The queues (name, capacity) or the pipes (name, duplex) of the scenario being edited,
/// edited in place. Each edit emits edited(row); the editor applies it and sends the
/// validator's reasons back with setProblems().
class ScenarioChannelModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SecondColumn, ColumnCount }; ///< SecondColumn: capacity, or duplex
    enum class Kind { Queues, Pipes };
    static constexpr int RawRole = Qt::UserRole + 1;

    struct Row
    {
        QString name;
        int capacity = 64;   ///< queues
        bool duplex = false; ///< pipes
    };

    explicit ScenarioChannelModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void reset(const QList<Row> &rows);
    void insertChannel(int row, const Row &channel);
    void removeChannel(int row);
    QList<Row> channels() const { return m_rows; }
    /// The reasons of each row's name and second column (empty: fine).
    void setProblems(const QList<QString> &nameProblems, const QList<QString> &secondProblems);
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEditable(bool editable);

Q_SIGNALS:
    void edited(int row);

private:
    QString problemAt(const QModelIndex &index) const;

    Kind m_kind;
    QList<Row> m_rows;
    QList<QString> m_nameProblems;
    QList<QString> m_secondProblems;
    bool m_editable = true;
};

} // namespace concurrente
