#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace concurrente {

class WorkerProcess;

/// The main program's joins in progress: `p.join()` waits until the process has ended,
/// `p.join(timeout)` at most `timeout` ms. Nothing blocks: a join completes from the event loop
/// when the run says the process ended (processEnded()) or when its timer fires. Its run's child,
/// so no timer outlives the run.
class JoinWaits : public QObject
{
    Q_OBJECT

public:
    /// How a join ended: `timedOut` when its timer fired first (`timeoutMs` as asked), `implicit`
    /// for the joins of the main program's end (CPython's atexit handler).
    using Report = std::function<void(WorkerProcess *process, bool timedOut, int timeoutMs, bool implicit)>;

    JoinWaits(Report report, QObject *parent);

    /// Waits for `process` (still alive): `timeoutMs` < 0 without a limit. The join is reported,
    /// then `done` runs.
    void wait(WorkerProcess *process, int timeoutMs, bool implicit, std::function<void()> done);
    /// `process` has ended: every join waiting for it completes.
    void processEnded(WorkerProcess *process);
    /// Forgets every join without completing it (the run is being aborted or destroyed).
    void cancelAll();
    bool isEmpty() const { return m_joins.isEmpty(); }

private:
    struct Pending
    {
        int id;
        WorkerProcess *process;
        QTimer *timer;
        std::function<void()> done;
        bool implicit;
        int timeoutMs;
    };
    void complete(int id, bool timedOut);

    Report m_report;
    QList<Pending> m_joins;
    int m_nextId = 1;
};

} // namespace concurrente
