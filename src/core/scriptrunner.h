#pragma once

#include "scenario.h"

#include <QObject>

#include <functional>

namespace concurrente {

class Run;

/// A run's main script, action by action: which action comes next, pausing and stepping, and
/// waiting for the main program to be ready before the first one. It performs each action
/// through the run's public actions, the same ones the lab's buttons call. It is its run's
/// child: its timers and queued calls name it as their context, so none outlives it.
class ScriptRunner : public QObject
{
    Q_OBJECT

public:
    explicit ScriptRunner(Run *run);

    /// Whether the run follows its main script (Run::start()), as opposed to actions the caller
    /// performs one by one. Set once, before the run starts.
    bool isScripted() const { return m_scripted; }
    void setScripted() { m_scripted = true; }
    /// Begins the script: now, or once helperReady() says the main program is ready when
    /// `waitForHelper` (at the latest limits::HelperReadyWaitMs later).
    void begin(bool waitForHelper);
    /// The main program is ready, or gone: a script waiting for it goes on.
    void helperReady();

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Pauses, and lets exactly one more action run (once the one in progress completed).
    void step();
    /// The index of the next action (the script's size: its implicit end).
    int nextAction() const { return m_pc; }
    bool isActionInProgress() const { return m_actionInFlight; }

signals:
    void actionStarted(int index);
    void actionFinished(int index);
    void pausedChanged(bool paused);

private:
    /// Runs actions until one does not complete at once, the script is paused, or it is over.
    void runNext();
    /// runNext() from the event loop.
    void schedule();
    void perform(const Action &action, std::function<void()> done);

    Run *m_run;
    bool m_scripted = false;
    bool m_paused = false;
    int m_stepBudget = 0;            ///< paused: actions the user asked for with step()
    bool m_actionInFlight = false;   ///< an action of the script is in progress
    bool m_waitingForHelper = false; ///< the script waits for the main program to be ready
    int m_pc = 0;                    ///< the next action
};

} // namespace concurrente
