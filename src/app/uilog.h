#pragma once

#include <QLoggingCategory>

namespace concurrente {
/// The desktop interface's logging category ("concurrente.ui").
Q_DECLARE_LOGGING_CATEGORY(lcUi)
} // namespace concurrente
