#include "terminationsignals.h"

#include <QSocketNotifier>

#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace concurrente {

namespace {

int g_pipe[2] = {-1, -1};
constexpr std::array kHandled = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_old[kHandled.size()];
struct sigaction g_oldPipe;

void onSignal(int sig)
{
    // Async-signal-safe: one byte into a non-blocking pipe, errno kept.
    const int saved = errno;
    const char c = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
    errno = saved;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent) : QObject(parent)
{
    if (g_pipe[0] >= 0 || ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < kHandled.size(); ++i)
        ::sigaction(kHandled[i], &sa, &g_old[i]);
    struct sigaction ignore
    {
    };
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &g_oldPipe);
    m_active = true;
    m_notifier = new QSocketNotifier(qintptr(g_pipe[0]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::drain);
}

TerminationSignals::~TerminationSignals()
{
    if (!m_active)
        return;
    delete m_notifier;
    for (std::size_t i = 0; i < kHandled.size(); ++i)
        ::sigaction(kHandled[i], &g_old[i], nullptr);
    ::sigaction(SIGPIPE, &g_oldPipe, nullptr);
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

int TerminationSignals::received()
{
    drain();
    return m_first;
}

void TerminationSignals::drain()
{
    if (!m_active)
        return;
    char c = 0;
    while (::read(g_pipe[0], &c, 1) == 1) {
        const int sig = int(static_cast<unsigned char>(c));
        if (m_first == 0)
            m_first = sig;
        emit signalled(sig);
    }
}

} // namespace concurrente
