#pragma once

#include <QObject>

class QSocketNotifier;

namespace concurrente {

/// SIGINT, SIGTERM and SIGHUP turned into a Qt signal (a self-pipe read by a QSocketNotifier),
/// and SIGPIPE ignored, for as long as the object lives. A write to a closed pipe (the reader of
/// our standard output went away, as with `| head -1`) then fails with EPIPE instead of killing
/// the app half-way through a run; a termination signal ends the run the proper way instead of
/// leaving its processes to the parent-death signal and its queues in /dev/shm.
/// One object at a time per process; the previous dispositions come back when it is destroyed.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    /// The first termination signal received so far (also one still waiting in the pipe), or 0.
    int received();
    /// The exit status a program ended by `sig` reports, as a shell does: 128 + signal number.
    static int exitStatusFor(int sig) { return 128 + sig; }

signals:
    /// Emitted once per signal delivered, from the event loop.
    void signalled(int sig);

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
    int m_first = 0;
    bool m_active = false;
};

} // namespace concurrente
