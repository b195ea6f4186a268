#pragma once

#include "protocol.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

namespace concurrente {

/// The actions the main program does itself and then reports (docs/protocol.md, "Main
/// program"): q.put() and q.get(), conn.send() and conn.recv() on its pipe ends, and a call of a
/// task in its own process. Each is one command line to it; its outcome comes back as an event
/// of the main program, in the order the commands were sent. This class formats the commands,
/// keeps the ones not yet reported, and completes each when its outcome arrives.
class MainActions
{
public:
    /// `write` sends one command line to the main program; false when it has ended (the action
    /// then fails at once). `fail(action, why)` records why an action failed (`action_error`).
    MainActions(std::function<bool(const QByteArray &line)> write,
                std::function<void(const QString &action, const QString &why)> fail);

    /// q.put(value) on the segment `segment` (the queue called `label` in the scenario).
    void put(const QString &segment, const QString &label, const QJsonValue &value,
             std::function<void()> done);
    /// q.get(timeout) (`timeoutMs` < 0: no timeout), printing `printText` with the value when given.
    void get(const QString &segment, const QString &label, int timeoutMs, const QString &printText,
             std::function<void()> done);
    /// conn.recv() on pipe `pipe`: one message, or until None with `untilNone`.
    void recv(const QString &pipe, bool untilNone, int timeoutMs, std::function<void()> done);
    /// conn.send(value) on pipe `pipe`.
    void send(const QString &pipe, const QJsonValue &value, std::function<void()> done);
    /// The main program calls `task(args)` itself. False (nothing sent) while a call is in
    /// progress: the main program does one at a time.
    bool call(const QString &task, const QJsonObject &args, std::function<void()> done);
    bool isCallInProgress() const { return bool(m_callDone); }

    /// Whether `event`, from the main program about itself, is the outcome of one of these
    /// actions (the caller records it, then calls complete()).
    bool isOutcome(const Event &event) const;
    /// Completes the action `event` reports (one message of a recv loop completes nothing).
    void complete(const Event &event);
    /// The main program has ended: every action not yet reported fails.
    void mainEnded();

    /// Records why `action` could not be done, then lets the script go on.
    void failNow(const QString &action, const QString &why, const std::function<void()> &done);

private:
    void sendCommand(const QString &action, const QByteArray &line, std::function<void()> done);

    struct Pending
    {
        QString action;
        std::function<void()> done;
    };
    std::function<bool(const QByteArray &)> m_write;
    std::function<void(const QString &, const QString &)> m_fail;
    QList<Pending> m_pending;         ///< queue and pipe actions sent, in order, not yet reported
    std::function<void()> m_callDone; ///< the call in progress
    qint64 m_putSeq = 0;
    qint64 m_sendSeq = 0;
};

} // namespace concurrente
