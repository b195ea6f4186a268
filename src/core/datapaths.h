#pragma once

#include <QString>

namespace concurrente {

/// The folder holding lessons/ and resources/: $CONCURRENTE_DATA_DIR when set, else
/// share/concurrente found relative to the executable (installed, or the build tree's mirror of
/// that layout). Nothing about the machine the app was built on is compiled in.
QString dataDir();

/// The folder holding the helper executables (concurrente-worker, concurrente-main):
/// $CONCURRENTE_BIN_DIR when set, else libexec/concurrente relative to the executable when
/// the helpers are there (an installed copy), else the executable's own folder (the build tree).
QString helperDir();

/// The application version, as CMake's project() says.
QString appVersion();

} // namespace concurrente
