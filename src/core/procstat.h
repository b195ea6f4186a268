#pragma once

#include <QByteArray>
#include <QList>

namespace concurrente {

/// The fields of /proc/PID/stat after the command name, from `state` on (so field 3 of
/// proc(5) is index 0: state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt,
/// majflt, cmajflt, utime, stime, ...). The command name may hold spaces and parentheses, so
/// they start after its last ')'. Empty when the process is gone.
QList<QByteArray> procStatFields(qint64 pid);

} // namespace concurrente
