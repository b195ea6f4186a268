#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace concurrente {

/// `concurrente --run SCENARIO [--export FILE]...`: runs the scenario with real processes,
/// prints one progress line per process state change and a final table to `out`, writes
/// each export. Returns the process exit code: 0 completed, 2 bad scenario, 128 + the signal
/// number when SIGINT, SIGTERM or SIGHUP ended it (130, 143, 129), 1 otherwise (a process that
/// could not be started, a queue that could not be created, the time limit reached, an export
/// not written). `timeLimitS` > 0 replaces the scenario's `time_limit_s`; a `language` gives the
/// workers whose names the file gives in both languages the name in it (else the English one).
int runHeadless(const QString &scenarioFile, const QStringList &exports, QTextStream &out, QTextStream &err,
                int timeLimitS = 0, const QString &language = {});

} // namespace concurrente
