#pragma once

#include "eventkind.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace concurrente {

/// Limits of the worker event protocol (docs/protocol.md).
namespace limits {
/// A protocol line, newline included, is at most this long: helpers write each line with one
/// write() of at most PIPE_BUF bytes so lines of siblings sharing a pipe never interleave.
inline constexpr qsizetype MaxLineBytes = 4096;
/// How much of a bad line a protocol_error keeps, so a hostile worker cannot bloat the log.
inline constexpr qsizetype MaxQuotedLineChars = 120;
} // namespace limits

/// A message the engine stores in an event (`action_error`, `launch_failed`, ...): English, as
/// written, so run data stays language-neutral; the interface translates it when it shows it
/// (context "EngineMessage"). Call it as engineText(QT_TRANSLATE_NOOP("EngineMessage", "...")).
inline QString engineText(const char *english)
{
    return QString::fromUtf8(english);
}

/// CLOCK_MONOTONIC in nanoseconds: the one clock shared by the app and every helper.
qint64 monotonicNs();

/// One entry of a run's event stream: a worker's protocol line or an engine event.
struct Event
{
    qint64 tNs = 0;
    std::optional<qint64> pid; ///< empty for events before a pid exists (start_request)
    /// The process the event is about: its index in the run's processes (run log `proc`); -1
    /// for events about no process (a queue error) or read from a log that did not say.
    int proc = -1;
    EventKind kind = EventKind::Other;
    QString otherKind;  ///< the kind's text when `kind` is Other (a kind this build does not know)
    QJsonObject fields; ///< everything but t_ns, pid, proc and ev

    /// The kind as the protocol and the run log write it (`ev`).
    const QString &ev() const { return kind == EventKind::Other ? otherKind : eventKindText(kind); }
    /// Sets the kind from its text: a known kind becomes its enum, anything else is kept as text.
    void setKind(const QString &text);

    /// The event as written in the run log: {t_ns, pid, ev, ...fields}.
    QJsonObject toJson() const;
    /// Reads an event back from a run log; empty when t_ns or ev is missing.
    static std::optional<Event> fromJson(const QJsonObject &object);

    static Event make(qint64 tNs, std::optional<qint64> pid, EventKind kind, const QJsonObject &fields = {});
    /// The same with the kind as text (setKind()).
    static Event make(qint64 tNs, std::optional<qint64> pid, const QString &ev,
                      const QJsonObject &fields = {});
};

} // namespace concurrente

// QString, QJsonObject and integers: a list of events grows by moving memory, not by copying.
Q_DECLARE_TYPEINFO(concurrente::Event, Q_RELOCATABLE_TYPE);

namespace concurrente {

/// The events a helper may write (docs/protocol.md); anything else is a protocol error.
bool isWorkerEventKind(const QString &ev);

/// Strict UTF-8 check: shortest forms only, no surrogates, no cut sequences.
bool isValidUtf8(QByteArrayView bytes);

/// Reads `1234` or `1234.0` as an integer; empty for anything else (strings, 1.5, null).
std::optional<qint64> jsonInteger(const QJsonValue &value);

/// Turns the bytes of one event channel into events. Keeps the partial last line across
/// reads; every malformed line becomes one `protocol_error` event and parsing goes on.
/// An over-long line is reported once and then skipped up to its newline without buffering it.
class LineParser
{
    Q_DECLARE_TR_FUNCTIONS(LineParser)

public:
    /// `ownerPid` is the pid that protocol errors are attributed to (the channel's process);
    /// `ownerName` goes into their `name` field.
    explicit LineParser(std::optional<qint64> ownerPid = {}, const QString &ownerName = {});

    void setOwner(std::optional<qint64> pid, const QString &name);

    /// Parses every complete line in `chunk` (plus what earlier chunks left over).
    QList<Event> feed(QByteArrayView chunk);
    /// End of stream: a final line without a newline is parsed as a line.
    QList<Event> finish();

    /// Number of protocol errors reported so far.
    qsizetype errorCount() const { return m_errors; }

private:
    void parseLine(QByteArrayView line, QList<Event> &out);
    /// The fast path for lines as the helpers write them; false (nothing added) for any other.
    bool parseHelperLine(QByteArrayView line, QList<Event> &out);
    void error(const QString &message, QByteArrayView line, QList<Event> &out);

    QByteArray m_partial;
    QByteArray m_scratch;      ///< a line's fields as their own JSON object, reused from line to line
    bool m_discarding = false; ///< inside an over-long line, dropping bytes until its newline
    std::optional<qint64> m_ownerPid;
    QString m_ownerName;
    qsizetype m_errors = 0;
};

} // namespace concurrente
