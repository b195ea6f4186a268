#pragma once

#include "runlog.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace concurrente {

/// What must be the same when a program runs under CPython's multiprocessing and as a scenario
/// in the lab: names, exit codes, who is whose parent (as relations to the main program, never
/// raw pids), what each timed join and each is_alive() saw, and per queue how many messages
/// went through and whether each producer's messages were got in the order they were put.
/// Never pids or times. docs/facts.md describes the JSON form (what an oracle script prints).

/// One process other than the main program and the fork server.
struct ProcessFacts
{
    QString name;
    QString kind =
        QStringLiteral("worker");     ///< "worker" (started by the main program) or "child" (by a worker)
    std::optional<int> exitcode;      ///< empty: never ended (or never started)
    std::optional<bool> ppidIsMain;   ///< os.getppid() == the main program's pid, as the process first saw it
    std::optional<bool> parentIsMain; ///< multiprocessing.parent_process().pid == the main program's pid
    std::optional<QString> parent;    ///< multiprocessing.parent_process().name
    bool reparented = false;          ///< its os.getppid() changed while it ran (an orphan adopted)
};

/// One join(timeout) of the main program, as it returned.
struct JoinFacts
{
    QString name;
    bool timedOut = false;       ///< it returned at its timeout, the process still alive
    bool alive = false;          ///< is_alive() right after it
    std::optional<int> exitcode; ///< exitcode right after it (empty while alive)
};

/// One `print(p.is_alive(), p.exitcode)` of the main program.
struct AliveCheck
{
    QString name;
    bool alive = false;
    std::optional<int> exitcode;
    /// Right after a terminate() of the process, with no join between: CPython prints
    /// `True None` when the child has not handled SIGTERM yet and `False -15` when it has —
    /// usually the first, the second on a busy machine. Either is a correct run.
    bool afterTerminate = false;
};

/// One queue (or pipe) of the run.
struct QueueFacts
{
    int puts = 0;
    int gets = 0;
    /// every consumer got each producer's messages in the order that producer put them
    bool perProducerOrder = true;
};

/// One `random.choice(candidates).terminate()`.
struct RandomTermination
{
    QStringList candidates;
    QString victim; ///< the one chosen (differs from run to run: compared through exit codes only)
};

/// The facts of one run, from either side.
class RunFacts
{
    Q_DECLARE_TR_FUNCTIONS(RunFacts)

public:
    QList<ProcessFacts> processes; ///< in the order first reported
    QList<JoinFacts> joins;        ///< timed joins, in the order the main program made them
    QList<AliveCheck> aliveChecks; ///< in order
    QMap<QString, QueueFacts> queues;
    QList<RandomTermination> randomTerminations;

    const ProcessFacts *process(const QString &name) const;
    ProcessFacts *process(const QString &name);

    /// The facts a run log records. Timed joins are found through the scenario the log embeds.
    static RunFacts fromRunLog(const RunLog &log);

    /// Reads one facts object (docs/facts.md); empty with `error` set when it is not one.
    static std::optional<RunFacts> fromJson(const QJsonObject &object, QString *error = nullptr);
    /// Reads what an oracle script printed: one facts object per line, each possibly partial
    /// (a child reports its relations, the main program its exit code), merged in order:
    /// processes by name (later fields win), joins, checks and random terminations appended,
    /// queue counts added and orders combined. Lines that are not JSON objects are errors.
    static std::optional<RunFacts> fromOracleOutput(QByteArrayView output, QString *error = nullptr);

    QJsonObject toJson() const;
};

/// The differences between what must happen (`expected`, e.g. CPython's run) and what did
/// (`actual`, e.g. the lab's run), one human-readable line each; empty when they match.
/// Processes are matched by name. The exit codes of the candidates of a random termination are
/// compared as the victim's and, sorted, the others'; which one was chosen is chance.
QStringList compareFacts(const RunFacts &expected, const RunFacts &actual);

} // namespace concurrente
