#pragma once
// Shared by the libFuzzer targets: Qt's messages are dropped (a fuzzer prints millions of
// them), except a fatal one, which must still stop the run as a crash.

#include <QtGlobal>

#include <cstdlib>

namespace concurrente::fuzz {

inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &) {
        if (type == QtFatalMsg)
            std::abort();
    });
}

} // namespace concurrente::fuzz
