#include "procstat.h"

#include <QFile>
#include <QString>

namespace concurrente {

QList<QByteArray> procStatFields(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.read(1024);
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 > stat.size())
        return {};
    return stat.mid(close + 2).trimmed().split(' ');
}

} // namespace concurrente
