#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace concurrente {

/// A field of a command to the main program: TAB-separated lines, with \\, \t and \n escaped.
QString escapedCommandField(QString s);

/// The scenario's pipes as the run's main program holds them. A pipe is made by the main
/// program (`pipe` command) before any worker; its ends there are closed once every worker
/// using it was started, so the receiver sees end-of-file after the senders. Each method
/// returns the commands to write to the main program (empty when there are none).
class RunPipes
{
public:
    struct Pipe
    {
        QString name;
        int users = 0;
        int started = 0;
        bool open = false;
        bool mainReads = false;  ///< the main program receives on it (a `recv` action)
        bool mainWrites = false; ///< the main program sends on it (a `send` action)
        bool duplex = false;     ///< a socket pair: the main program's end reads and writes
    };

    explicit RunPipes(const Scenario &scenario);

    qsizetype size() const { return m_pipes.size(); }
    const Pipe &operator[](qsizetype i) const { return m_pipes[i]; }

    /// `pipe` for each pipe some worker uses: the main program makes them before any worker.
    QByteArray makeCommands();
    /// A worker using `pipeName` was started: `pipe_close` once it was the pipe's last user.
    QByteArray workerStarted(const QString &pipeName);
    /// The main program closes the ends it still holds (at the end of the main script); with
    /// `mainGone`, they are only forgotten (the main program has ended, or the run is destroyed).
    QByteArray closeAll(bool mainGone);

private:
    QList<Pipe> m_pipes;
};

/// How the run's processes are started: the main program's command line, and the `start`
/// command that has it start a worker (concurrente-main, docs/protocol.md).
class Launcher
{
public:
    explicit Launcher(const Scenario &scenario, const QString &helperDir);

    void setHelperDir(const QString &dir) { m_helperDir = dir; }
    const QString &helperDir() const { return m_helperDir; }

    QString mainProgram() const;
    /// `queueFds`: the run's queue segments, which the main program inherits at those numbers.
    QStringList mainArguments(const QList<int> &queueFds = {}) const;
    /// The `start` line for worker `index`; `queueNames` are the queues' segment names by
    /// scenario index (workers get the real name, not the scenario's label).
    QByteArray startCommand(int index, const QStringList &queueNames) const;
    /// The worker's task arguments as concurrente-worker reads them.
    QStringList taskArguments(const WorkerSpec &spec, const QStringList &queueNames) const;

private:
    const Scenario &m_scenario;
    QString m_helperDir;
};

} // namespace concurrente
