#pragma once
// For tests that start real processes: whether one is still alive.

#include <QFile>
#include <QString>

/// Alive: the pid exists and is not a zombie (from /proc/PID/stat; the process name may hold
/// spaces and parentheses, so the state follows the last ')').
inline bool isRunning(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < stat.size() ? stat[close + 2] : 'X';
    return state != 'Z' && state != 'X';
}
