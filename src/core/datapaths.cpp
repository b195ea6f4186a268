#include "datapaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace concurrente {

namespace {
// Both relative to the executable's folder, as CMake computed them from the install layout
// (GNUInstallDirs), so a copy installed under any prefix, or moved, still finds its files.
QString besideApp(const char *relative)
{
    const QString appDir =
        QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QDir::currentPath();
    return QDir::cleanPath(appDir + QLatin1Char('/') + QString::fromUtf8(relative));
}
} // namespace

QString dataDir()
{
    const QString fromEnv = qEnvironmentVariable("CONCURRENTE_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    return besideApp(CONCURRENTE_BIN_TO_DATA_DIR);
}

QString helperDir()
{
    const QString fromEnv = qEnvironmentVariable("CONCURRENTE_BIN_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    const QString installed = besideApp(CONCURRENTE_BIN_TO_HELPER_DIR);
    if (QFileInfo(installed + QStringLiteral("/concurrente-worker")).isExecutable())
        return installed;
    return besideApp(".");
}

QString appVersion()
{
    return QStringLiteral(CONCURRENTE_VERSION);
}

} // namespace concurrente
