#include "uilog.h"

namespace concurrente {
Q_LOGGING_CATEGORY(lcUi, "concurrente.ui", QtInfoMsg)
} // namespace concurrente
