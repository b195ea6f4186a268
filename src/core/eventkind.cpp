#include "eventkind.h"

#include <QByteArrayView>

#include <array>
#include <cstring>

namespace concurrente {

namespace {
/// Each kind's text, in the enum's order: the one place the protocol's names are written.
constexpr std::array<const char *, kEventKindCount> kNames = {
    "",
    "start",
    "print",
    "result",
    "error",
    "put",
    "get",
    "reparented",
    "exit",
    "helper_ready",
    "forked",
    "fork_failed",
    "exited",
    "command_error",
    "forkserver_started",
    "put_failed",
    "get_failed",
    "call_done",
    "recv_done",
    "start_request",
    "join_begin",
    "join",
    "join_timeout",
    "terminate",
    "kill",
    "stop",
    "continue",
    "terminate_random",
    "is_alive",
    "call",
    "end_main",
    "protocol_error",
    "launch_failed",
    "action_error",
    "queue_error",
    "stderr",
    "time_limit",
};

const std::array<QString, kEventKindCount> &texts()
{
    static const std::array<QString, kEventKindCount> t = [] {
        std::array<QString, kEventKindCount> a;
        for (int i = 0; i < kEventKindCount; ++i)
            a[size_t(i)] = QString::fromLatin1(kNames[size_t(i)]);
        return a;
    }();
    return t;
}
} // namespace

EventKind eventKindFromText(QByteArrayView text)
{
    // 36 short names: a length check first rejects most of them without touching the bytes.
    const size_t n = size_t(text.size());
    if (n == 0 || n > 20)
        return EventKind::Other;
    for (int i = 1; i < kEventKindCount; ++i) {
        const char *name = kNames[size_t(i)];
        if (std::strlen(name) == n && std::memcmp(name, text.data(), n) == 0)
            return EventKind(i);
    }
    return EventKind::Other;
}

EventKind eventKindFromText(QStringView text)
{
    if (text.isEmpty() || text.size() > 20)
        return EventKind::Other;
    char ascii[20];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == 0 || c > 0x7f)
            return EventKind::Other;
        ascii[i] = char(c);
    }
    return eventKindFromText(QByteArrayView(ascii, text.size()));
}

const QString &eventKindText(EventKind kind)
{
    const int i = int(kind);
    return texts()[size_t(i >= 0 && i < kEventKindCount ? i : 0)];
}

} // namespace concurrente
