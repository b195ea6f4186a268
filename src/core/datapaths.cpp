#include "datapaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace concurrente {

namespace {
bool hasLessons(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/lessons")).isDir();
}
} // namespace

QString dataDir()
{
    const QString fromEnv = qEnvironmentVariable("CONCURRENTE_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../") +
                            QStringLiteral(CONCURRENTE_INSTALL_DATA_DIR));
        if (hasLessons(installed))
            return installed;
    }
    return QDir::cleanPath(QStringLiteral(CONCURRENTE_SOURCE_DATA_DIR));
}

QString helperDir()
{
    const QString fromEnv = qEnvironmentVariable("CONCURRENTE_BIN_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QDir::currentPath();
}

QString appVersion()
{
    return QStringLiteral(CONCURRENTE_VERSION);
}

} // namespace concurrente
