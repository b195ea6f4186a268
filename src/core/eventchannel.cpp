#include "eventchannel.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace concurrente {

Q_LOGGING_CATEGORY(lcChannel, "concurrente.run.channel", QtInfoMsg)

namespace {
/// Reads per notifier activation: a flooding worker must not starve the event loop. Each read
/// is up to 64 KiB (some 600 lines); two keep the window's longest pause to a few milliseconds.
constexpr int kReadsPerActivation = 2;
constexpr qsizetype kReadChunk = 64 * 1024;
} // namespace

EventChannel::EventChannel(int readFd, std::optional<qint64> ownerPid, const QString &ownerName,
                           QObject *parent)
    : QObject(parent), m_fd(readFd), m_parser(ownerPid, ownerName)
{
    const int flags = fcntl(m_fd, F_GETFL);
    fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAvailable(kReadsPerActivation); });
}

EventChannel::~EventChannel()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void EventChannel::drain()
{
    readAvailable(std::numeric_limits<int>::max());
}

void EventChannel::readAvailable(int maxReads)
{
    if (m_fd < 0)
        return;
    // One buffer per thread: channels of a run are read one at a time on the run's thread.
    thread_local QByteArray buf(kReadChunk, Qt::Uninitialized);
    for (int i = 0; i < maxReads; ++i) {
        const ssize_t n = ::read(m_fd, buf.data(), size_t(buf.size()));
        if (n > 0) {
            const QList<Event> events = m_parser.feed(QByteArrayView(buf.constData(), n));
            if (!events.isEmpty())
                emit eventsRead(events);
            if (m_fd < 0)
                return; // a receiver closed us
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n < 0)
            qCWarning(lcChannel) << "event pipe read failed:" << strerror(errno);
        close();
        return;
    }
}

void EventChannel::close()
{
    if (m_fd < 0)
        return;
    const QList<Event> tail = m_parser.finish();
    m_notifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    if (!tail.isEmpty())
        emit eventsRead(tail);
    emit closed();
}

} // namespace concurrente
