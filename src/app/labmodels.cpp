#include "labmodels.h"

#include "labtext.h"
#include "themecolors.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QTimer>

namespace concurrente {

namespace {

/// Consecutive rows as ranges, for one dataChanged() per range.
QList<std::pair<int, int>> ranges(const QList<int> &sortedRows)
{
    QList<std::pair<int, int>> out;
    for (int r : sortedRows) {
        if (!out.isEmpty() && out.constLast().second + 1 == r)
            out.last().second = r;
        else
            out.append({r, r});
    }
    return out;
}

QString processName(const RunStore *store, int row)
{
    return row >= 0 && row < store->processCount() ? store->process(row).record.name : QString();
}

QVariant optionalNumber(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

} // namespace

// ---------------------------------------------------------------------------------------------

ProcessTableModel::ProcessTableModel(RunStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_flashTimer(new QTimer(this))
{
    m_clock.start();
    m_flashTimer->setSingleShot(true);
    connect(m_flashTimer, &QTimer::timeout, this, &ProcessTableModel::expireFlashes);
    connect(store, &RunStore::updated, this, &ProcessTableModel::onUpdated);
    connect(store, &RunStore::reset, this, &ProcessTableModel::onReset);
    onReset();
}

void ProcessTableModel::onReset()
{
    beginResetModel();
    m_cursor.reset();
    m_rows = m_store->processCount();
    m_flashUntil.clear();
    m_ended.clear();
    for (int r = 0; r < m_rows; ++r)
        m_ended.insert(r, m_store->process(r).hasEnded());
    endResetModel();
}

void ProcessTableModel::onUpdated(const RunStore::Batch &batch)
{
    for (const auto &[first, last] : ranges(batch.changedProcesses)) {
        for (int r = first; r <= last; ++r) {
            const bool ended = m_store->process(r).hasEnded();
            if (ended && !m_ended.value(r))
                flash(r);
            m_ended.insert(r, ended);
        }
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    if (batch.finished && m_rows > 0) // what Python's view hid until a join is now shown
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    const int count = m_store->processCount();
    if (count > m_rows) {
        beginInsertRows({}, m_rows, count - 1);
        const int first = m_rows;
        m_rows = count;
        for (int r = first; r < count; ++r) {
            m_ended.insert(r, m_store->process(r).hasEnded());
            flash(r);
        }
        endInsertRows();
    }
}

void ProcessTableModel::flash(int row)
{
    m_flashUntil.insert(row, m_clock.elapsed() + FlashMs);
    if (!m_flashTimer->isActive())
        m_flashTimer->start(FlashMs);
}

void ProcessTableModel::setCursor(std::optional<qint64> tNs)
{
    if (m_cursor == tNs)
        return;
    m_cursor = tNs;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, State), index(m_rows - 1, Alive));
}

bool ProcessTableModel::isFlashing(int row) const
{
    return m_flashUntil.value(row, 0) > m_clock.elapsed();
}

void ProcessTableModel::expireFlashes()
{
    const qint64 now = m_clock.elapsed();
    qint64 next = 0;
    QList<int> expired;
    for (auto it = m_flashUntil.begin(); it != m_flashUntil.end();) {
        if (it.value() <= now) {
            expired.append(it.key());
            it = m_flashUntil.erase(it);
        } else {
            next = next == 0 ? it.value() : std::min(next, it.value());
            ++it;
        }
    }
    std::sort(expired.begin(), expired.end());
    for (const auto &[first, last] : ranges(expired))
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), {Qt::BackgroundRole});
    if (next > 0)
        m_flashTimer->start(int(std::max<qint64>(next - now, 1)));
}

int ProcessTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ProcessTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunStore::Process &p = m_store->process(index.row());
    const ProcessRecord &r = p.record;
    const qint64 origin = m_store->originNs();
    if (role == ProcessRowRole)
        return index.row();
    if (role == Qt::ForegroundRole) {
        if (p.state == RunStore::State::Failed)
            return QBrush(errorTextColor());
        if (p.hasEnded())
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    if (role == Qt::BackgroundRole)
        return isFlashing(index.row())
                   ? QVariant(QApplication::palette().brush(QPalette::Highlight).color().lighter(170))
                   : QVariant();
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Name:
        case StartMethod:
        case State:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Daemon:
        case Alive:
            return Qt::AlignCenter;
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Name && !r.error.isEmpty())
            return LabText::message(r.error);
        if (index.column() == CpuUser || index.column() == CpuSys)
            return tr("CPU time from /proc/PID/stat (utime, stime), read twice a second while it runs");
        if (index.column() == Ppid && p.adopted)
            return tr("Adopted: its parent ended before it");
        return {};
    }
    // Python's view: p.exitcode is None until the main program joins the process (or sees it
    // dead with is_alive()); a live run shows it so, a finished or saved one as it ended.
    const bool unjoined = p.hasEnded() && r.kind == QLatin1String("worker") && !p.joined && m_store->isLive();
    if (role == Qt::ToolTipRole && unjoined && (index.column() == ExitCode || index.column() == State))
        return tr("It has ended, but the main program has not joined it yet: p.exitcode is still None");
    const bool raw = role == RawRole;
    if (!raw && role != Qt::DisplayRole)
        return {};
    const auto cpu = [&p](bool user) -> QVariant {
        if (p.cpu.isEmpty())
            return {};
        return user ? p.cpu.constLast().userMs : p.cpu.constLast().sysMs;
    };
    switch (index.column()) {
    case Name:
        // Before it starts, an unnamed worker's name is what the page asks students to predict.
        if (p.defaultName && p.state == RunStore::State::Created && !raw)
            return tr("? (default name)");
        return r.name;
    case Pid:
        return raw || r.pid ? optionalNumber(r.pid) : QVariant();
    case Ppid:
        if (raw)
            return optionalNumber(r.ppid);
        return r.ppid ? (p.adopted ? tr("%1 (adopted)").arg(*r.ppid) : QString::number(*r.ppid)) : QVariant();
    case StartMethod:
        return LabText::startMethod(r.startMethod);
    case Daemon:
        if (raw)
            return r.daemon;
        return r.kind == QLatin1String("worker") || r.kind == QLatin1String("child")
                   ? QVariant(r.daemon ? tr("yes") : tr("no"))
                   : QVariant();
    case State: {
        if (m_cursor) {
            // The timeline's cursor: the state at that moment.
            const RunStore::State at = m_store->stateAt(index.row(), *m_cursor);
            return raw ? QVariant(int(at)) : QVariant(LabText::stateName(at));
        }
        if (raw)
            return int(p.state);
        return unjoined ? tr("ended, not joined") : LabText::stateName(p.state);
    }
    case Alive: {
        const bool alive = m_cursor ? m_store->stateAt(index.row(), *m_cursor) == RunStore::State::Running ||
                                          m_store->stateAt(index.row(), *m_cursor) == RunStore::State::Stopped
                                    : p.isAlive();
        if (raw)
            return alive;
        return alive ? QStringLiteral("True") : QStringLiteral("False");
    }
    case ExitCode:
        if (raw)
            return r.exitcode ? QVariant(*r.exitcode) : QVariant();
        if (unjoined || (!p.hasEnded() && r.kind == QLatin1String("worker")))
            return QStringLiteral("None");
        return LabText::exitCode(r.exitcode);
    case Start:
        if (raw)
            return optionalNumber(r.startNs);
        return r.startNs ? QVariant(LabText::relativeMs(*r.startNs, origin)) : QVariant();
    case End:
        if (raw)
            return optionalNumber(r.endNs);
        return r.endNs ? QVariant(LabText::relativeMs(*r.endNs, origin)) : QVariant();
    case Duration: {
        if (!r.startNs || !r.endNs)
            return {};
        const qint64 ns = *r.endNs - *r.startNs;
        return raw ? QVariant(ns) : QVariant(LabText::duration(ns));
    }
    case CpuUser:
        return cpu(true);
    case CpuSys:
        return cpu(false);
    case Put:
        return p.puts;
    case Got:
        return p.gets;
    default:
        return {};
    }
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Ppid:
            return tr("os.getppid(): the process's parent now (PID 1 or a subreaper once it is orphaned)");
        case ExitCode:
            return tr("p.exitcode: 0 on success, 1 after an exception, −N when ended by signal N");
        case Start:
        case End:
            return tr("Milliseconds since the run started");
        case Alive:
            return tr("p.is_alive()");
        case Name:
            return tr("p.name: the name given to Process(), or Process-N by default");
        case Pid:
            return tr("p.pid: the process ID the operating system gave it");
        case StartMethod:
            return tr("How it was created: fork, spawn or forkserver");
        case Daemon:
            return tr("p.daemon: a daemon is terminated when the main program ends");
        case State:
            return tr("What it is doing now, from the events it reported and the signals it got");
        case Duration:
            return tr("End − Start: how long it lived, from the system's monotonic clock");
        case CpuUser:
            return tr("CPU time spent running its own code (utime in /proc/PID/stat), read twice a "
                      "second while it runs");
        case CpuSys:
            return tr("CPU time the kernel spent working for it (stime in /proc/PID/stat), read "
                      "twice a second while it runs");
        case Put:
            return tr("Messages it put into a queue or sent on a pipe");
        case Got:
            return tr("Messages it got from a queue or received on a pipe");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Pid:
        return tr("PID");
    case Ppid:
        return tr("PPID");
    case StartMethod:
        return tr("Method");
    case Daemon:
        return tr("Daemon");
    case State:
        return tr("State");
    case Alive:
        return tr("Alive");
    case ExitCode:
        return tr("Exit code");
    case Start:
        return tr("Start (ms)");
    case End:
        return tr("End (ms)");
    case Duration:
        return tr("Duration");
    case CpuUser:
        return tr("CPU user (ms)");
    case CpuSys:
        return tr("CPU sys (ms)");
    case Put:
        return tr("Put");
    case Got:
        return tr("Got");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------

ProcessTreeModel::ProcessTreeModel(RunStore *store, QObject *parent)
    : QAbstractItemModel(parent), m_store(store)
{
    connect(store, &RunStore::updated, this, &ProcessTreeModel::onUpdated);
    connect(store, &RunStore::reset, this, &ProcessTreeModel::onReset);
    rebuild();
}

int ProcessTreeModel::wantedParent(int row) const
{
    const RunStore::Process &p = m_store->process(row);
    if (p.adopted) {
        // The adopter: the main program as subreaper, else PID 1 (not a process of the run).
        const int adopter = p.record.ppid ? m_store->rowOfPid(*p.record.ppid) : -1;
        return adopter == row ? -1 : adopter;
    }
    return p.parent;
}

void ProcessTreeModel::rebuild()
{
    m_children.clear();
    m_treeParent.clear();
    QList<int> all;
    for (int r = 0; r < m_store->processCount(); ++r)
        all.append(r);
    place(all, false);
}

void ProcessTreeModel::place(QList<int> pending, bool notify)
{
    // Parents first, whatever order the store has them in; a process whose parent is not in
    // the tree (nor coming) goes at the top.
    while (!pending.isEmpty()) {
        QList<int> later;
        for (int r : std::as_const(pending)) {
            const int parent = wantedParent(r);
            if (parent >= 0 && !m_treeParent.contains(parent) && pending.contains(parent)) {
                later.append(r);
                continue;
            }
            const int at = parent >= 0 && m_treeParent.contains(parent) ? parent : -1;
            const int pos = int(m_children[at].size());
            if (notify)
                beginInsertRows(at >= 0 ? indexOfProcess(at) : QModelIndex(), pos, pos);
            m_children[at].append(r);
            m_treeParent.insert(r, at);
            if (notify)
                endInsertRows();
        }
        if (later.size() == pending.size()) { // a cycle in bad data: never loop forever
            for (int r : std::as_const(later)) {
                const int pos = int(m_children[-1].size());
                if (notify)
                    beginInsertRows({}, pos, pos);
                m_children[-1].append(r);
                m_treeParent.insert(r, -1);
                if (notify)
                    endInsertRows();
            }
            break;
        }
        pending = later;
    }
}

void ProcessTreeModel::setCursor(std::optional<qint64> tNs)
{
    if (m_cursor == tNs)
        return;
    m_cursor = tNs;
    for (int row = 0; row < m_store->processCount(); ++row) {
        const QModelIndex i = indexOfProcess(row, State);
        if (i.isValid())
            Q_EMIT dataChanged(i, i);
    }
}

void ProcessTreeModel::onReset()
{
    beginResetModel();
    m_cursor.reset();
    rebuild();
    endResetModel();
}

void ProcessTreeModel::onUpdated(const RunStore::Batch &batch)
{
    // New processes, parents first.
    QList<int> pending;
    for (int r = batch.processesBefore; r < m_store->processCount(); ++r)
        if (!m_treeParent.contains(r))
            pending.append(r);
    place(pending, true);
    // Changed processes: an orphan moves to its adopter; the others only change their data.
    for (int r : batch.changedProcesses) {
        if (!m_treeParent.contains(r))
            continue;
        const int from = m_treeParent.value(r);
        int to = wantedParent(r);
        if (to >= 0 && !m_treeParent.contains(to))
            to = -1;
        // Never under itself or one of its own descendants.
        for (int a = to; a >= 0; a = m_treeParent.value(a, -1))
            if (a == r)
                to = from;
        if (to != from) {
            const int pos = int(m_children[from].indexOf(r));
            const QModelIndex fromIndex = from >= 0 ? indexOfProcess(from) : QModelIndex();
            const QModelIndex toIndex = to >= 0 ? indexOfProcess(to) : QModelIndex();
            const int dest = int(m_children[to].size());
            if (beginMoveRows(fromIndex, pos, pos, toIndex, dest)) {
                m_children[from].removeAt(pos);
                m_children[to].append(r);
                m_treeParent.insert(r, to);
                endMoveRows();
            }
        }
        Q_EMIT dataChanged(indexOfProcess(r, 0), indexOfProcess(r, ColumnCount - 1));
    }
}

QModelIndex ProcessTreeModel::indexOfProcess(int row, int column) const
{
    const auto it = m_treeParent.constFind(row);
    if (it == m_treeParent.constEnd())
        return {};
    const int pos = int(m_children.value(it.value()).indexOf(row));
    return createIndex(pos, column, quintptr(row + 1));
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentRow = parent.isValid() ? int(parent.internalId()) - 1 : -1;
    const QList<int> children = m_children.value(parentRow);
    return createIndex(row, column, quintptr(children.at(row) + 1));
}

QModelIndex ProcessTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentRow = m_treeParent.value(int(child.internalId()) - 1, -1);
    return parentRow >= 0 ? indexOfProcess(parentRow) : QModelIndex();
}

int ProcessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int parentRow = parent.isValid() ? int(parent.internalId()) - 1 : -1;
    return int(m_children.value(parentRow).size());
}

int ProcessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = int(index.internalId()) - 1;
    const RunStore::Process &p = m_store->process(row);
    if (role == ProcessRowRole)
        return row;
    if (role == Qt::ForegroundRole && p.hasEnded())
        return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ToolTipRole && p.adopted)
        return tr("An orphan: %1 ended before it, and PID %2 adopted it")
            .arg(p.record.parentName.isEmpty() ? processName(m_store, p.parent) : p.record.parentName)
            .arg(p.record.ppid.value_or(0));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        if (p.defaultName && p.state == RunStore::State::Created)
            return tr("? (default name)");
        if (p.adopted)
            return tr("%1 — adopted by PID %2").arg(p.record.name).arg(p.record.ppid.value_or(0));
        return p.record.name;
    case Pid:
        return optionalNumber(p.record.pid);
    case Ppid:
        return optionalNumber(p.record.ppid);
    case State:
        return LabText::stateName(m_cursor ? m_store->stateAt(row, *m_cursor) : p.state);
    default:
        return {};
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Process");
    case Pid:
        return tr("PID");
    case Ppid:
        return tr("PPID");
    case State:
        return tr("State");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------

EventLogModel::EventLogModel(RunStore *store, QObject *parent)
    : AppendOnlyTableModel(ColumnCount, parent), m_store(store)
{
    connect(store, &RunStore::updated, this, [this] { growTo(m_store->eventCount()); });
    connect(store, &RunStore::reset, this, [this] { resetTo(m_store->eventCount()); });
    m_rows = store->eventCount();
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_store->event(index.row());
    if (role == ProcessRowRole)
        return m_store->eventProcess(index.row());
    if (role == RawRole)
        return index.column() == Time ? QVariant(e.tNs) : QVariant(e.ev());
    if (role == Qt::ForegroundRole && LabText::isErrorOutput(e))
        return QBrush(errorTextColor());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time:
        return LabText::relativeMs(e.tNs, m_store->originNs());
    case Process: {
        const QString name = processName(m_store, m_store->eventProcess(index.row()));
        return name.isEmpty() ? e.fields.value(QStringLiteral("name")).toString() : name;
    }
    case Kind:
        return LabText::eventKind(e);
    case Details:
        return LabText::eventText(e);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Time)
        return tr("Milliseconds since the run started, from the system's monotonic clock");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("t (ms)");
    case Process:
        return tr("Process");
    case Kind:
        return tr("Event");
    case Details:
        return tr("What happened");
    default:
        return {};
    }
}

EventFilterModel::EventFilterModel(RunStore *store, QObject *parent)
    : QSortFilterProxyModel(parent), m_store(store)
{}

void EventFilterModel::setProcess(int row)
{
    if (m_process == row)
        return;
    m_process = row;
    invalidateRowsFilter();
}

void EventFilterModel::setKind(const QString &kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_process >= 0 && m_store->eventProcess(sourceRow) != m_process)
        return false;
    return m_kind.isEmpty() || m_store->event(sourceRow).ev() == m_kind;
}

// ---------------------------------------------------------------------------------------------

MessageModel::MessageModel(RunStore *store, QObject *parent)
    : AppendOnlyTableModel(ColumnCount, parent), m_store(store)
{
    connect(store, &RunStore::updated, this, &MessageModel::onUpdated);
    connect(store, &RunStore::reset, this, [this] { resetTo(m_store->messageCount()); });
    m_rows = store->messageCount();
}

void MessageModel::onUpdated(const RunStore::Batch &batch)
{
    for (const auto &[first, last] : ranges(batch.changedMessages))
        if (first < m_rows)
            Q_EMIT dataChanged(index(first, 0), index(std::min(last, m_rows - 1), ColumnCount - 1));
    growTo(m_store->messageCount());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunStore::Message &m = m_store->message(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Channel || index.column() == Sender || index.column() == Receiver ||
                       index.column() == Value
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool raw = role == RawRole;
    if (!raw && role != Qt::DisplayRole)
        return {};
    const qint64 origin = m_store->originNs();
    switch (index.column()) {
    case Channel:
        return m.pipe ? tr("%1 (pipe)").arg(m.channel) : m.channel;
    case Seq:
        return m.seq;
    case Sender:
        return m.sender >= 0 ? processName(m_store, m.sender) : QString::number(m.producer);
    case Receiver:
        return processName(m_store, m.receiver);
    case Value:
        return raw ? m.value.toVariant() : QVariant(LabText::value(m.value, m.isFloat));
    case PutAt:
        return raw ? optionalNumber(m.putNs)
                   : (m.putNs ? QVariant(LabText::relativeMs(*m.putNs, origin)) : QVariant());
    case GotAt:
        return raw ? optionalNumber(m.getNs)
                   : (m.getNs ? QVariant(LabText::relativeMs(*m.getNs, origin)) : QVariant());
    case Latency: {
        const auto l = m.latencyNs();
        return raw ? optionalNumber(l) : (l ? QVariant(LabText::duration(*l)) : QVariant());
    }
    case Depth:
        return m.depthAfterPut >= 0 ? QVariant(m.depthAfterPut) : QVariant();
    default:
        return {};
    }
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Depth)
        return tr("Messages waiting in the queue right after this put");
    if (role == Qt::ToolTipRole && section == Latency)
        return tr("Time from the put to the get");
    if (role == Qt::ToolTipRole && (section == PutAt || section == GotAt))
        return tr("Milliseconds since the run started");
    if (role == Qt::ToolTipRole && section == Seq)
        return tr("The sender's sequence number for this message: with the sender, it tells one message from "
                  "another");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Channel:
        return tr("Queue / pipe");
    case Seq:
        return tr("Seq");
    case Sender:
        return tr("Sender");
    case Receiver:
        return tr("Receiver");
    case Value:
        return tr("Value");
    case PutAt:
        return tr("Put (ms)");
    case GotAt:
        return tr("Got (ms)");
    case Latency:
        return tr("Latency");
    case Depth:
        return tr("Depth after");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------

ConsoleModel::ConsoleModel(RunStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store), m_errorColor(errorTextColor())
{
    connect(store, &RunStore::updated, this, &ConsoleModel::onUpdated);
    connect(store, &RunStore::reset, this, &ConsoleModel::rebuild);
    rebuild();
}

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QString ConsoleModel::rawText(int index, QString *prefix) const
{
    const int row = m_store->eventProcess(index);
    if (m_only >= 0 && row != m_only)
        return {};
    const Event &e = m_store->event(index);
    // All processes: what they wrote to stderr (the run's shared stderr) stands for their
    // exceptions, which it already holds; one process: its exception as CPython reports it.
    if (m_only < 0 && e.kind == EventKind::Error)
        return {};
    if (e.kind != EventKind::Print && !LabText::isErrorOutput(e))
        return {}; // nothing else writes to the console: no text to make
    const QString name =
        row >= 0 ? m_store->process(row).record.name : e.fields.value(QStringLiteral("name")).toString();
    if (m_only < 0 && prefix)
        *prefix =
            e.kind == EventKind::Stderr ? QStringLiteral("[stderr] ") : u'[' + name + QStringLiteral("] ");
    return LabText::consoleText(e, name);
}

QString ConsoleModel::eventText(int index) const
{
    QString prefix;
    QString text = rawText(index, &prefix);
    if (!prefix.isEmpty() && !text.isEmpty())
        text = prefix + text.replace(QLatin1Char('\n'), QLatin1Char('\n') + prefix);
    return text;
}

void ConsoleModel::scan(int from, QList<Line> &out)
{
    // Lines are counted and measured here, not made: a flood's lines are formatted only if
    // they are ever on screen.
    const int count = m_store->eventCount();
    QString prefix;
    for (int i = from; i < count; ++i) {
        const QString text = rawText(i, &prefix);
        if (text.isEmpty())
            continue;
        int line = 0;
        qsizetype begin = 0;
        while (true) {
            const qsizetype end = text.indexOf(QLatin1Char('\n'), begin);
            m_widest = std::max(m_widest, int(prefix.size() + (end < 0 ? text.size() : end) - begin));
            out.append(Line{i, line++});
            if (end < 0)
                break;
            begin = end + 1;
        }
    }
}

void ConsoleModel::onUpdated(const RunStore::Batch &batch)
{
    Q_UNUSED(batch);
    QList<Line> fresh;
    scan(m_scanned, fresh);
    m_scanned = m_store->eventCount();
    if (fresh.isEmpty())
        return;
    // One insertion per batch, however many lines it brings.
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size() + fresh.size()) - 1);
    m_lines.append(fresh);
    endInsertRows();
}

void ConsoleModel::rebuild()
{
    beginResetModel();
    m_lines.clear();
    m_widest = 0;
    m_splitEvent = -1;
    m_split.clear();
    scan(0, m_lines);
    m_scanned = m_store->eventCount();
    endResetModel();
}

void ConsoleModel::setProcess(int row)
{
    if (row == m_only)
        return;
    m_only = row;
    rebuild();
}

void ConsoleModel::setErrorColor(const QColor &color)
{
    if (color == m_errorColor)
        return;
    m_errorColor = color;
    if (!m_lines.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), {Qt::ForegroundRole});
}

QString ConsoleModel::lineText(int row) const
{
    const Line &l = m_lines.at(row);
    if (l.line == 0 && (row + 1 >= m_lines.size() || m_lines.at(row + 1).event != l.event))
        return eventText(l.event); // a line by itself: most of them
    if (m_splitEvent != l.event) {
        m_split = eventText(l.event).split(QLatin1Char('\n'));
        m_splitEvent = l.event;
    }
    return m_split.value(l.line);
}

bool ConsoleModel::isError(int row) const
{
    return LabText::isErrorOutput(m_store->event(m_lines.at(row).event));
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return lineText(index.row());
    case Qt::ForegroundRole:
        return isError(index.row()) ? QVariant(m_errorColor) : QVariant();
    case ErrorRole:
        return isError(index.row());
    case EventRole:
        return m_lines.at(index.row()).event;
    default:
        return {};
    }
}

int ConsoleModel::lastRowAt(qint64 tNs) const
{
    int target = -1;
    for (int row = 0; row < m_lines.size(); ++row)
        if (m_store->event(m_lines.at(row).event).tNs <= tNs)
            target = row;
    return target;
}

QString ConsoleModel::text(int first, int last) const
{
    if (last < 0 || last >= m_lines.size())
        last = int(m_lines.size()) - 1;
    QStringList out;
    for (int row = std::max(first, 0); row <= last; ++row)
        out.append(lineText(row));
    return out.join(QLatin1Char('\n'));
}

} // namespace concurrente
