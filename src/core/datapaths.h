#pragma once

#include <QString>

namespace concurrente {

/// The folder holding lessons/, resources/ and docs/: $CONCURRENTE_DATA_DIR when set,
/// else the installed share/concurrente beside the executable, else the source tree.
QString dataDir();

/// The folder holding the helper executables (concurrente-worker, concurrente-main):
/// $CONCURRENTE_BIN_DIR when set, else the application's own folder.
QString helperDir();

/// The application version, as CMake's project() says.
QString appVersion();

} // namespace concurrente
