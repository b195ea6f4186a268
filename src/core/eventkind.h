#pragma once

#include <QString>
#include <QStringView>

namespace concurrente {

/// The kind of an event (docs/protocol.md), read once from its text where a line or a run log is
/// parsed; the rest of the program compares the enum. The text of each kind is written in one
/// place (eventkind.cpp). A kind this build does not know (a newer log, or a kind a log names
/// that the protocol does not) is `Other`, and the event keeps its text, so it round-trips.
enum class EventKind : quint8 {
    Other = 0,
    // Written by the helpers (a worker about itself; the main program and its fork server).
    Start,
    Print,
    Result,
    Error,
    Put,
    Get,
    Reparented,
    Exit,
    HelperReady,
    Forked,
    ForkFailed,
    Exited,
    CommandError,
    ForkserverStarted,
    PutFailed,
    GetFailed,
    CallDone,
    RecvDone,
    // Added by the engine, never written by helpers.
    StartRequest,
    JoinBegin,
    Join,
    JoinTimeout,
    Terminate,
    Kill,
    Stop,
    Continue,
    TerminateRandom,
    IsAlive,
    Call,
    EndMain,
    ProtocolError,
    LaunchFailed,
    ActionError,
    QueueError,
    Stderr,
    TimeLimit,
};

/// The number of kinds, `Other` included.
inline constexpr int kEventKindCount = int(EventKind::TimeLimit) + 1;

/// The kind named `text`; Other when it names none.
EventKind eventKindFromText(QStringView text);
/// The same for ASCII bytes as they come off the event pipe.
EventKind eventKindFromText(QByteArrayView text);
/// The kind's text ("put", "start_request"), one shared string per kind; empty for Other.
const QString &eventKindText(EventKind kind);
/// Whether a helper may write this kind (docs/protocol.md); anything else on the pipe is a
/// protocol error.
constexpr bool isHelperEventKind(EventKind kind)
{
    return kind >= EventKind::Start && kind <= EventKind::RecvDone;
}

} // namespace concurrente
