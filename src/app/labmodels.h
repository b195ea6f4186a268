#pragma once

#include "runstore.h"

#include <QAbstractItemModel>
#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

class QTimer;

namespace concurrente {

/// The role that carries a cell's raw value (for sorting and charts); DisplayRole has the text.
inline constexpr int RawRole = Qt::UserRole + 1;
/// The store's process row of an item (process table and tree).
inline constexpr int ProcessRowRole = Qt::UserRole + 2;

/// How long a new or dying row stays highlighted.
inline constexpr int FlashMs = 900;

/// The lab's process table: one row per process of the run, in the store's order (rows are only
/// appended, so selection and scroll stay put while the run goes on).
class ProcessTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Pid,
        Ppid,
        State,
        ExitCode,
        Alive,
        Daemon,
        StartMethod,
        Start,
        End,
        Duration,
        CpuUser,
        CpuSys,
        Put,
        Got,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProcessTableModel(RunStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Whether row `row` is highlighted now (it appeared or ended less than FlashMs ago).
    bool isFlashing(int row) const;

    /// Shows the states at time `tNs` (the timeline's cursor) instead of now; empty: now.
    void setCursor(std::optional<qint64> tNs);
    std::optional<qint64> cursor() const { return m_cursor; }

private:
    void onUpdated(const RunStore::Batch &batch);
    void onReset();
    void flash(int row);
    void expireFlashes();

    RunStore *m_store;
    int m_rows = 0;
    QHash<int, qint64> m_flashUntil; ///< row → monotonic ms
    QHash<int, bool> m_ended;        ///< row → whether it had ended at the last update
    QElapsedTimer m_clock;
    QTimer *m_flashTimer;
    std::optional<qint64> m_cursor;
};

/// The process tree: MainProcess at the top, its children below, their children below them;
/// an orphan moves to its adopter (the main program as subreaper) or to the top, marked adopted.
class ProcessTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Pid, Ppid, State, ColumnCount };

    explicit ProcessTreeModel(RunStore *store, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The index of the store's process `row` in column `column`.
    QModelIndex indexOfProcess(int row, int column = 0) const;
    /// The process row shown as the tree parent of `row` (-1: at the top).
    int treeParentOf(int row) const { return m_treeParent.value(row, -1); }
    /// Shows the states at time `tNs` (the timeline's cursor) instead of now; empty: now.
    void setCursor(std::optional<qint64> tNs);

private:
    void onUpdated(const RunStore::Batch &batch);
    void onReset();
    void rebuild();
    /// Puts `pending` rows into the tree, parents first; `notify`: with row insertion signals.
    void place(QList<int> pending, bool notify);
    int wantedParent(int row) const;
    QList<int> &childrenOf(int parent) { return m_children[parent]; }

    RunStore *m_store;
    QHash<int, QList<int>> m_children; ///< process row (-1: the top) → child rows, in order
    QHash<int, int> m_treeParent;      ///< process row → its parent in the tree (-1: the top)
    std::optional<qint64> m_cursor;
};

/// A table of one of the store's lists, whose rows are only ever appended.
class AppendOnlyTableModel : public QAbstractTableModel
{
public:
    AppendOnlyTableModel(int columns, QObject *parent) : QAbstractTableModel(parent), m_columns(columns) {}
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    /// The list has `count` rows now: the new ones are inserted at the end.
    void growTo(int count)
    {
        if (count <= m_rows)
            return;
        beginInsertRows({}, m_rows, count - 1);
        m_rows = count;
        endInsertRows();
    }
    void resetTo(int count)
    {
        beginResetModel();
        m_rows = count;
        endResetModel();
    }
    int m_rows = 0;

private:
    int m_columns;
};

/// Every event of the run, one row each, in arrival order.
class EventLogModel : public AppendOnlyTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Process, Kind, Details, ColumnCount };

    explicit EventLogModel(RunStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RunStore *m_store;
};

/// The event log filtered by process (its row in the store, -1: all) and kind (empty: all).
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterModel(RunStore *store, QObject *parent = nullptr);
    void setProcess(int row);
    void setKind(const QString &kind);
    int process() const { return m_process; }
    QString kind() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    RunStore *m_store;
    int m_process = -1;
    QString m_kind;
};

/// Queue and pipe messages: one row per message, its put and its get paired.
class MessageModel : public AppendOnlyTableModel
{
    Q_OBJECT
public:
    enum Column { Channel, Seq, Sender, Receiver, Value, PutAt, GotAt, Latency, Depth, ColumnCount };

    explicit MessageModel(RunStore *store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onUpdated(const RunStore::Batch &batch);

    RunStore *m_store;
};

/// The lab's console: what the run's processes wrote, one row per line, in arrival order. For
/// all processes each line is prefixed with its writer (`[Process-1] `, `[stderr] ` for the
/// run's shared stderr, which holds the children's exceptions); for one process, its exception
/// is written as CPython reports it. Rows are only appended while a run goes on, one insertion
/// per store batch, and a row is formatted only when a view asks for it: a print flood costs
/// the view the lines on screen, not the lines printed.
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    /// Whether a line is error output (stderr, an exception, a refused action): a bool.
    static constexpr int ErrorRole = Qt::UserRole + 3;
    /// The store's event index of a line.
    static constexpr int EventRole = Qt::UserRole + 4;

    explicit ConsoleModel(RunStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Shows the console of process `row` of the store (-1: all processes).
    void setProcess(int row);
    int process() const { return m_only; }
    /// The colour of error lines (ForegroundRole), readable on the view's base.
    void setErrorColor(const QColor &color);

    /// The text of line `row`.
    QString lineText(int row) const;
    bool isError(int row) const;
    /// The event that wrote line `row`.
    int eventOf(int row) const { return m_lines.at(row).event; }
    /// The last line written by the last event at or before `tNs` (in arrival order); -1: none.
    int lastRowAt(qint64 tNs) const;
    /// Lines [first, last], one per line of the result.
    QString text(int first = 0, int last = -1) const;
    /// The length of the longest line so far, in characters.
    int widestLine() const { return m_widest; }
    /// Formats every line again (the interface language changed).
    void rebuild();

private:
    struct Line
    {
        int event = -1;
        int line = 0; ///< its line in the event's text
    };
    void onUpdated(const RunStore::Batch &batch);
    /// Appends the lines of events [from, the store's count).
    void scan(int from, QList<Line> &out);
    /// What event `index` writes in this console, one line per '\n'; empty: nothing.
    QString eventText(int index) const;
    /// The same without the writer's name in front of each line; `prefix` gets that name
    /// (all processes' console only).
    QString rawText(int index, QString *prefix) const;

    RunStore *m_store;
    int m_only = -1;
    QList<Line> m_lines;
    int m_scanned = 0; ///< events [0, m_scanned) are in m_lines
    int m_widest = 0;
    QColor m_errorColor;
    /// The last multi-line event formatted, split: a traceback's lines are asked for in a row.
    mutable int m_splitEvent = -1;
    mutable QStringList m_split;
};

} // namespace concurrente
