#include "joinwaits.h"

#include <QTimer>

#include <algorithm>

namespace concurrente {

JoinWaits::JoinWaits(Report report, QObject *parent) : QObject(parent), m_report(std::move(report)) {}

void JoinWaits::wait(WorkerProcess *process, int timeoutMs, bool implicit, std::function<void()> done)
{
    Pending j{m_nextId++, process, nullptr, std::move(done), implicit, timeoutMs};
    if (timeoutMs >= 0) {
        j.timer = new QTimer(this);
        j.timer->setSingleShot(true);
        j.timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
        const int id = j.id;
        connect(j.timer, &QTimer::timeout, this, [this, id] { complete(id, true); });
        j.timer->start(timeoutMs);
    }
    m_joins.append(std::move(j));
}

void JoinWaits::processEnded(WorkerProcess *process)
{
    // Ids first: completing a join can start more actions, and more joins.
    QList<int> ids;
    for (const Pending &j : std::as_const(m_joins))
        if (j.process == process)
            ids.append(j.id);
    for (int id : std::as_const(ids))
        complete(id, false);
}

void JoinWaits::cancelAll()
{
    for (const Pending &j : std::as_const(m_joins))
        delete j.timer;
    m_joins.clear();
}

void JoinWaits::complete(int id, bool timedOut)
{
    const auto it =
        std::find_if(m_joins.begin(), m_joins.end(), [id](const Pending &j) { return j.id == id; });
    if (it == m_joins.end())
        return;
    Pending j = std::move(*it);
    m_joins.erase(it);
    if (j.timer)
        j.timer->deleteLater();
    m_report(j.process, timedOut, j.timeoutMs, j.implicit);
    if (j.done)
        j.done();
}

} // namespace concurrente
