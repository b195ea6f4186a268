#include "scriptrunner.h"

#include "run.h"

#include <QTimer>

#include <memory>

namespace concurrente {

ScriptRunner::ScriptRunner(Run *run) : QObject(run), m_run(run) {}

void ScriptRunner::begin(bool waitForHelper)
{
    if (!waitForHelper) {
        schedule();
        return;
    }
    m_waitingForHelper = true;
    QTimer::singleShot(limits::HelperReadyWaitMs, this, [this] {
        if (m_waitingForHelper)
            qCWarning(lcRun) << "the main program did not report ready in" << limits::HelperReadyWaitMs
                             << "ms";
        helperReady();
    });
}

void ScriptRunner::helperReady()
{
    if (!std::exchange(m_waitingForHelper, false))
        return;
    schedule();
}

void ScriptRunner::schedule()
{
    QMetaObject::invokeMethod(this, &ScriptRunner::runNext, Qt::QueuedConnection);
}

void ScriptRunner::runNext()
{
    // Actions that complete at once (start, terminate, ...) run back to back without an event
    // loop turn in between, so `start` × 64 costs 64 launches and nothing more; one that
    // completes later (join, sleep) resumes the script from its callback.
    const QList<Action> &script = m_run->scenario().main;
    while (!m_run->isMainOver() && !m_actionInFlight && !m_waitingForHelper) {
        if (m_paused) {
            if (m_stepBudget <= 0)
                return;
            --m_stepBudget;
        }
        if (m_pc >= script.size()) {
            // The end of the main script is an implicit end_main, as in CPython.
            const int end = int(script.size());
            m_actionInFlight = true;
            emit actionStarted(end);
            m_run->endMain([this, end] {
                m_actionInFlight = false;
                emit actionFinished(end);
            });
            return;
        }
        const int i = m_pc++;
        m_actionInFlight = true;
        emit actionStarted(i);
        struct Step
        {
            bool inPerform = true;
            bool completedInPerform = false;
        };
        auto step = std::make_shared<Step>();
        perform(script[i], [this, step, i] {
            m_actionInFlight = false;
            emit actionFinished(i);
            if (step->inPerform)
                step->completedInPerform = true;
            else
                schedule();
        });
        step->inPerform = false;
        if (!step->completedInPerform)
            return;
    }
}

void ScriptRunner::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_stepBudget = 0;
    emit pausedChanged(paused);
    if (!paused && m_scripted)
        schedule();
}

void ScriptRunner::step()
{
    if (!m_paused) {
        m_paused = true;
        emit pausedChanged(true);
    }
    // One step at a time: a step asked for while an action is in progress waits for it.
    m_stepBudget = 1;
    if (m_scripted)
        schedule();
}

void ScriptRunner::perform(const Action &a, std::function<void()> done)
{
    Run &run = *m_run;
    switch (a.kind) {
    case Action::Start:
        return run.startWorker(a.worker, std::move(done));
    case Action::Join:
        return run.join(a.worker, a.timeoutMs, std::move(done));
    case Action::Terminate:
        return run.terminate(a.worker, std::move(done));
    case Action::Kill:
        return run.kill(a.worker, std::move(done));
    case Action::Stop:
        return run.stop(a.worker, std::move(done));
    case Action::Continue:
        return run.resume(a.worker, std::move(done));
    case Action::Put:
        return run.put(a.queue, a.value, std::move(done));
    case Action::Get:
        return run.get(a.queue, a.timeoutMs, std::move(done), a.printText);
    case Action::Recv:
        return run.recv(a.queue, a.untilNone, a.timeoutMs, std::move(done));
    case Action::Send:
        return run.send(a.queue, a.value, std::move(done));
    case Action::IsAlive:
        return run.isAlive(a.worker, std::move(done));
    case Action::Call:
        return run.call(a.task, a.args, std::move(done));
    case Action::SleepMs:
        return run.sleepMs(a.ms, std::move(done));
    case Action::TerminateRandom:
        return run.terminateRandom(a.workers, std::move(done));
    case Action::EndMain:
        return run.endMain(std::move(done));
    }
    if (done)
        done();
}

} // namespace concurrente
