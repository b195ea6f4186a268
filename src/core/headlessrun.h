#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace concurrente {

/// `concurrente --run SCENARIO [--export FILE]...`: runs the scenario with real processes,
/// prints one progress line per process state change and a final table to `out`, writes
/// each export. Returns the process exit code: 0 completed, 2 bad scenario, 1 otherwise.
int runHeadless(const QString &scenarioFile, const QStringList &exports, QTextStream &out, QTextStream &err);

} // namespace concurrente
