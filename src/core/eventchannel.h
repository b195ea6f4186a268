#pragma once

#include "protocol.h"

#include <QObject>

class QSocketNotifier;

namespace concurrente {

/// The read end of one event pipe (the main program's fd 3, shared by every process of the run), parsed line
/// by line. The pipe stays open as long as any process holds its write end — an orphaned grandchild keeps
/// reporting after its parent (and the parent's QProcess) is gone — so EOF, not a process exit, closes the
/// channel.
class EventChannel : public QObject
{
    Q_OBJECT

public:
    /// Takes ownership of `readFd` (made non-blocking here).
    EventChannel(int readFd, std::optional<qint64> ownerPid, const QString &ownerName,
                 QObject *parent = nullptr);
    ~EventChannel() override;

    bool isOpen() const { return m_fd >= 0; }
    /// Names the process that protocol errors on this channel are attributed to.
    void setOwner(std::optional<qint64> pid, const QString &name) { m_parser.setOwner(pid, name); }
    /// Reads whatever the pipe holds right now (e.g. when the writer is known to have exited).
    void drain();

signals:
    void eventsRead(const QList<concurrente::Event> &events);
    /// EOF: every writer closed its end; emitted once.
    void closed();

private:
    void readAvailable(int maxReads);
    void close();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    LineParser m_parser;
};

} // namespace concurrente
