#include "headlessrun.h"

#include <QTextStream>

namespace concurrente {

// Placeholder until the run engine lands: says so plainly instead of pretending to run.
int runHeadless(const QString &scenarioFile, const QStringList &, QTextStream &, QTextStream &err)
{
    err << QStringLiteral("concurrente: %1: headless runs are not available in this build\n").arg(scenarioFile);
    return 1;
}

} // namespace concurrente
