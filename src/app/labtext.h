#pragma once

#include "runstore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace concurrente {

/// How the lab writes the run's values: the one place where stored, language-neutral data
/// (states, exit codes, event kinds and their English messages) becomes interface text.
class LabText
{
    Q_DECLARE_TR_FUNCTIONS(LabText)

public:
    static QString stateName(RunStore::State state);
    /// `0`, `1`, `−15 (SIGTERM)`; empty when unknown.
    static QString exitCode(std::optional<int> code);
    /// Milliseconds since the run's origin, e.g. `12.345`.
    static QString relativeMs(qint64 tNs, qint64 originNs);
    /// A duration, e.g. `1.234 s`, `12.3 ms`, `45 µs`.
    static QString duration(qint64 ns);
    static QString startMethod(const QString &method);
    /// A queue or pipe value as Python's print() shows it (`None`, `2.0`, `hola`).
    static QString value(const QJsonValue &value, bool isFloat);
    /// One line saying what the event is, in the interface language.
    static QString eventText(const Event &event);
    /// The event kind as shown in the log (`print`, `join`, ...): the code, kept as is.
    static QString eventKind(const Event &event) { return event.ev(); }
    /// Whether an event is output on the process's stderr (an exception, a refused action).
    static bool isErrorOutput(const Event &event);
    /// Console text of an event (stdout lines, an exception as Python writes it), or empty when
    /// the event writes nothing to the console.
    static QString consoleText(const Event &event, const QString &processName);
    /// An English message of the engine (`the main program has ended`) in the interface language.
    static QString message(const QString &english);
};

} // namespace concurrente
