#include "runstore.h"
#include "procstat.h"

#include "run.h"
#include "workerprocess.h"

#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace concurrente {

namespace {

/// The fields of a record that the lab shows; a row changed when one of them did.
bool sameRecord(const ProcessRecord &a, const ProcessRecord &b)
{
    return a.pid == b.pid && a.ppid == b.ppid && a.parentPid == b.parentPid && a.startNs == b.startNs &&
           a.endNs == b.endNs && a.exitcode == b.exitcode && a.error == b.error && a.name == b.name;
}

/// An orphan: a grandchild whose os.getppid() is no longer the process that created it.
bool isOrphan(const ProcessRecord &r)
{
    return r.kind == QLatin1String("child") && r.ppid && r.parentPid && *r.ppid != *r.parentPid;
}

/// utime and stime of `pid` from /proc/PID/stat, in milliseconds; false when it is gone.
bool readCpuTimes(qint64 pid, qint64 *userMs, qint64 *sysMs)
{
    const QList<QByteArray> fields = procStatFields(pid);
    if (fields.size() < 13)
        return false;
    bool okUser = false;
    bool okSys = false;
    const qint64 user = fields.at(11).toLongLong(&okUser);
    const qint64 sys = fields.at(12).toLongLong(&okSys);
    static const long ticks = std::max(1L, sysconf(_SC_CLK_TCK));
    if (!okUser || !okSys)
        return false;
    *userMs = user * 1000 / ticks;
    *sysMs = sys * 1000 / ticks;
    return true;
}

} // namespace

RunStore::RunStore(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<RunStore::Batch>();
    m_timer = new QTimer(this);
    m_timer->setInterval(limits::StoreNotifyIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RunStore::tick);
}

RunStore::~RunStore() = default;

void RunStore::begin()
{
    m_timer->stop();
    if (m_run)
        m_run->disconnect(this);
    m_run.clear();
    m_own = RunLog();
    m_log = &m_own;
    m_finished = false;
    m_originNs = 0;
    m_processes.clear();
    m_rowByPid.clear();
    m_eventProc.clear();
    m_indexed = 0;
    m_messages.clear();
    m_messageByKey.clear();
    m_depth.clear();
    m_pipeNames.clear();
    m_processesBefore = m_eventsBefore = m_messagesBefore = 0;
    m_changedProcesses.clear();
    m_changedMessages.clear();
    m_lastCpuSampleNs = 0;
}

void RunStore::clear()
{
    begin();
    Q_EMIT reset();
}

void RunStore::watch(Run *run)
{
    begin();
    m_run = run;
    m_log = &run->log();
    m_originNs = run->startNs();
    for (const PipeSpec &p : run->scenario().pipes)
        m_pipeNames.insert(p.name);
    connect(run, &Run::finished, this, [this] {
        tick();
        forget();
    });
    // The rows it has already (the scenario's workers, before any start) are there at once.
    syncProcesses();
    indexNewEvents();
    m_processesBefore = processCount();
    m_eventsBefore = m_indexed;
    m_messagesBefore = messageCount();
    m_changedProcesses.clear();
    m_changedMessages.clear();
    Q_EMIT reset();
    if (run->isFinished()) {
        tick();
        forget();
    } else {
        m_timer->start();
    }
}

void RunStore::forget()
{
    if (!m_run)
        return;
    syncProcesses();
    indexNewEvents();
    // The run's log is final now, or about to go: keep a copy (it shares the event list).
    m_own = m_run->isFinished() ? m_run->log() : m_run->snapshot();
    m_log = &m_own;
    m_run->disconnect(this);
    m_run.clear();
    m_timer->stop();
    m_finished = true;
    flush();
}

void RunStore::load(const RunLog &log)
{
    begin();
    m_own = log;
    m_log = &m_own;
    m_finished = true;
    const QJsonArray pipes = log.scenario.value(QStringLiteral("pipes")).toArray();
    for (const QJsonValue &p : pipes)
        m_pipeNames.insert(p.toObject().value(QStringLiteral("name")).toString());
    for (const ProcessRecord &r : log.processes) {
        if (r.startNs && (m_originNs == 0 || *r.startNs < m_originNs))
            m_originNs = *r.startNs;
    }
    if (!log.events().isEmpty()) {
        const qint64 first = log.events().constFirst().tNs;
        if (m_originNs == 0 || first < m_originNs)
            m_originNs = first;
    }
    syncProcesses();
    indexNewEvents();
    // A saved run: the stop/continue state at its end comes from the events.
    for (int row = 0; row < m_processes.size(); ++row) {
        Process &p = m_processes[row];
        if (!p.hasEnded() && p.stopped)
            p.state = State::Stopped;
    }
    m_processesBefore = processCount();
    m_eventsBefore = m_indexed;
    m_messagesBefore = messageCount();
    m_changedProcesses.clear();
    m_changedMessages.clear();
    Q_EMIT reset();
}

RunStore::State RunStore::endState(std::optional<int> exitcode)
{
    if (!exitcode || *exitcode >= 0)
        return State::Exited;
    return *exitcode == -SIGKILL ? State::Killed : State::Terminated;
}

void RunStore::tick()
{
    syncProcesses();
    indexNewEvents();
    if (m_run) {
        const qint64 now = monotonicNs();
        if (now - m_lastCpuSampleNs >= qint64(limits::CpuSampleIntervalMs) * 1'000'000) {
            m_lastCpuSampleNs = now;
            sampleCpu();
        }
    }
    flush();
}

void RunStore::syncProcesses()
{
    syncRecords();
    // A parent recorded after its child (the main program comes after the workers) is linked
    // once it is there.
    for (int row = 0; row < m_processes.size(); ++row) {
        Process &p = m_processes[row];
        if (p.parent < 0 && p.record.kind != QLatin1String("main")) {
            p.parent = linkParent(row);
            if (p.parent >= 0)
                markChanged(row);
        }
    }
}

void RunStore::syncRecords()
{
    if (m_run) {
        const QList<WorkerProcess *> processes = m_run->processes();
        for (int row = 0; row < processes.size(); ++row) {
            const WorkerProcess *w = processes.at(row);
            State state = State::Created;
            switch (w->state()) {
            case WorkerProcess::State::Created:
                state = State::Created;
                break;
            case WorkerProcess::State::Starting:
            case WorkerProcess::State::Running:
                state = w->isStopped() ? State::Stopped : State::Running;
                break;
            case WorkerProcess::State::Finished:
                state = !w->record().error.isEmpty() ? State::Failed : endState(w->record().exitcode);
                break;
            }
            refreshRow(row, w->record(), state, w->isStopped());
            const int index = w->record().index;
            m_processes[row].defaultName = w->record().kind == QLatin1String("worker") && index >= 0 &&
                                           index < m_run->scenario().workers.size() &&
                                           !m_run->scenario().workers.at(index).named;
        }
        if (m_originNs == 0)
            m_originNs = m_run->startNs();
        return;
    }
    for (int row = 0; row < m_log->processes.size(); ++row)
        refreshRow(row, m_log->processes.at(row), std::nullopt, false);
}

void RunStore::refreshRow(int row, const ProcessRecord &record, std::optional<State> liveState, bool stopped)
{
    State state;
    if (liveState) {
        state = *liveState;
    } else if (!record.error.isEmpty()) {
        state = State::Failed;
    } else if (record.exitcode || record.endNs) {
        state = endState(record.exitcode);
    } else {
        state = record.pid || record.startNs ? State::Running : State::Created;
    }
    if (row == m_processes.size()) {
        Process p;
        p.record = record;
        p.state = state;
        p.stopped = stopped;
        m_processes.append(p);
        if (record.pid)
            m_rowByPid.insert(*record.pid, row);
        m_processes[row].parent = linkParent(row);
        m_processes[row].adopted = isOrphan(record);
        return;
    }
    Process &p = m_processes[row];
    if (sameRecord(p.record, record) && p.state == state && (!liveState || p.stopped == stopped))
        return;
    if (record.pid && p.record.pid != record.pid)
        m_rowByPid.insert(*record.pid, row);
    p.record = record;
    p.state = state;
    if (liveState)
        p.stopped = stopped;
    p.parent = linkParent(row);
    p.adopted = isOrphan(record);
    markChanged(row);
}

int RunStore::linkParent(int row) const
{
    const ProcessRecord &r = m_processes.at(row).record;
    if (r.kind == QLatin1String("main"))
        return -1;
    if (r.parentPid) {
        const int parent = m_rowByPid.value(*r.parentPid, -1);
        if (parent >= 0 && parent != row)
            return parent;
    }
    if (!r.parentName.isEmpty()) {
        for (int i = 0; i < m_processes.size(); ++i)
            if (i != row && m_processes.at(i).record.name == r.parentName)
                return i;
    }
    // Workers and the fork server belong to the main program even before their pids are known.
    for (int i = 0; i < m_processes.size(); ++i)
        if (m_processes.at(i).record.kind == QLatin1String("main"))
            return i == row ? -1 : i;
    return -1;
}

void RunStore::indexNewEvents()
{
    const int count = int(m_log->events().size());
    m_eventProc.reserve(count);
    while (m_indexed < count)
        indexEvent(m_indexed++);
}

void RunStore::indexEvent(int index)
{
    const Event &e = m_log->events().at(index);
    int row = e.proc >= 0 && e.proc < m_processes.size() ? e.proc : -1;
    if (row < 0 && e.pid)
        row = m_rowByPid.value(*e.pid, -1);
    if (row < 0 && !e.pid) {
        // Format-1 logs: a start request names its process.
        const QString name = e.fields.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            for (int i = 0; i < m_processes.size() && row < 0; ++i)
                if (m_processes.at(i).record.name == name)
                    row = i;
    }
    m_eventProc.append(row);
    if (row >= 0) {
        Process &p = m_processes[row];
        p.events.append(index);
        if ((e.kind == EventKind::Join ||
             (e.kind == EventKind::IsAlive && !e.fields.value(QStringLiteral("alive")).toBool())) &&
            !p.joined) {
            p.joined = true;
            markChanged(row);
        }
        if (e.kind == EventKind::Stop)
            p.stopped = true;
        else if (e.kind == EventKind::Continue)
            p.stopped = false;
    }
    const bool put = e.kind == EventKind::Put;
    const bool get = e.kind == EventKind::Get;
    if (!put && !get)
        return;
    const QString channel = e.fields.value(QStringLiteral("queue")).toString();
    const auto producer = jsonInteger(e.fields.value(QStringLiteral("producer")));
    const auto seq = jsonInteger(e.fields.value(QStringLiteral("seq")));
    if (row >= 0) {
        (put ? m_processes[row].puts : m_processes[row].gets)++;
        markChanged(row);
    }
    if (!producer || !seq)
        return;
    const MessageKey key{channel, *producer, *seq};
    int m = m_messageByKey.value(key, -1);
    if (m < 0) {
        Message msg;
        msg.channel = channel;
        msg.pipe = m_pipeNames.contains(channel);
        msg.producer = *producer;
        msg.seq = *seq;
        msg.value = e.fields.value(QStringLiteral("value"));
        msg.isFloat = e.fields.value(QStringLiteral("float")).toBool();
        m = int(m_messages.size());
        m_messages.append(msg);
        m_messageByKey.insert(key, m);
    } else if (m < m_messagesBefore) {
        m_changedMessages.insert(m);
    }
    Message &msg = m_messages[m];
    int &depth = m_depth[channel];
    if (put) {
        msg.putNs = e.tNs;
        msg.sender = row >= 0 ? row : m_rowByPid.value(*producer, -1);
        depth = std::max(depth + 1, 1);
        msg.depthAfterPut = depth;
    } else {
        msg.getNs = e.tNs;
        msg.receiver = row;
        if (msg.sender < 0)
            msg.sender = m_rowByPid.value(*producer, -1);
        depth = std::max(depth - 1, 0);
    }
}

void RunStore::sampleCpu()
{
    const qint64 now = monotonicNs();
    for (int row = 0; row < m_processes.size(); ++row) {
        Process &p = m_processes[row];
        if (!p.isAlive() || !p.record.pid)
            continue;
        CpuSample s;
        s.tNs = now;
        if (!readCpuTimes(*p.record.pid, &s.userMs, &s.sysMs))
            continue;
        if (!p.cpu.isEmpty() && p.cpu.constLast().userMs == s.userMs && p.cpu.constLast().sysMs == s.sysMs &&
            p.cpu.size() > 1 && p.cpu.at(p.cpu.size() - 2).userMs == s.userMs &&
            p.cpu.at(p.cpu.size() - 2).sysMs == s.sysMs) {
            // An idle process: move the last sample instead of adding equal ones.
            p.cpu.last().tNs = now;
            continue;
        }
        if (p.cpu.size() >= limits::MaxCpuSamplesPerProcess)
            p.cpu.removeFirst();
        p.cpu.append(s);
        markChanged(row);
    }
}

void RunStore::markChanged(int row)
{
    if (row < m_processesBefore)
        m_changedProcesses.insert(row);
}

void RunStore::flush()
{
    Batch b;
    b.processesBefore = m_processesBefore;
    b.eventsBefore = m_eventsBefore;
    b.messagesBefore = m_messagesBefore;
    b.finished = m_finished && !m_run;
    if (b.processesBefore == processCount() && m_changedProcesses.isEmpty() && b.eventsBefore == m_indexed &&
        b.messagesBefore == messageCount() && m_changedMessages.isEmpty() && !b.finished)
        return;
    b.changedProcesses = m_changedProcesses.values();
    std::sort(b.changedProcesses.begin(), b.changedProcesses.end());
    b.changedMessages = m_changedMessages.values();
    std::sort(b.changedMessages.begin(), b.changedMessages.end());
    m_changedProcesses.clear();
    m_changedMessages.clear();
    m_processesBefore = processCount();
    m_eventsBefore = m_indexed;
    m_messagesBefore = messageCount();
    Q_EMIT updated(b);
}

RunStore::State RunStore::stateAt(int row, qint64 tNs) const
{
    const Process &p = m_processes.at(row);
    const ProcessRecord &r = p.record;
    if (!r.error.isEmpty()) {
        const bool known = r.endNs.has_value();
        return known && *r.endNs > tNs ? State::Created : State::Failed;
    }
    if (!r.startNs || *r.startNs > tNs)
        return State::Created;
    if (p.hasEnded() && r.endNs && *r.endNs <= tNs)
        return p.state;
    bool stopped = false;
    for (int index : p.events) {
        const Event &e = event(index);
        if (e.tNs > tNs)
            continue;
        if (e.kind == EventKind::Stop)
            stopped = true;
        else if (e.kind == EventKind::Continue)
            stopped = false;
    }
    return stopped ? State::Stopped : State::Running;
}

int RunStore::lastEventAt(int row, qint64 tNs) const
{
    int best = -1;
    qint64 bestT = 0;
    for (int index : m_processes.at(row).events) {
        const qint64 t = event(index).tNs;
        if (t <= tNs && (best < 0 || t >= bestT)) {
            best = index;
            bestT = t;
        }
    }
    return best;
}

} // namespace concurrente
