#include "export.h"

#include "pyvalue.h"

#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

namespace concurrente {

namespace {
bool saveAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = RunExporter::tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    if (f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = RunExporter::tr("%1: cannot write: %2").arg(path, f.errorString());
        return false; // QSaveFile discards its temporary file
    }
    return true;
}
} // namespace

bool RunExporter::isSupported(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}

bool RunExporter::write(const RunLog &log, const QString &path, QString *error)
{
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return writeCsv(log, path, error);
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return writeJson(log, path, error);
    if (error)
        *error = tr("%1: unknown export format (use .json or .csv)").arg(path);
    return false;
}

bool RunExporter::writeJson(const RunLog &log, const QString &path, QString *error)
{
    // Not QJsonDocument: it would write a float 2.0 as 2 (docs/run-log.md, "Numbers").
    return saveAtomically(path, toFaithfulJson(log.toJson(), true), error);
}

bool RunExporter::writeCsv(const RunLog &log, const QString &path, QString *error)
{
    return saveAtomically(path, toCsv(log), error);
}

QString RunExporter::csvCell(const QString &text)
{
    QString cell = text;
    if (!cell.isEmpty()) {
        const QChar c = cell.front();
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            cell.prepend(u'\'');
    }
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r')) {
        cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        cell = u'"' + cell + u'"';
    }
    return cell;
}

QByteArray RunExporter::toCsv(const RunLog &log)
{
    QHash<qint64, const ProcessRecord *> byPid;
    for (const ProcessRecord &p : log.processes)
        if (p.pid)
            byPid.insert(*p.pid, &p);

    const QList<Event> events = log.sortedEvents();
    const qint64 t0 = events.isEmpty() ? 0 : events.front().tNs;
    QString out = QStringLiteral("t_ms,pid,ppid,name,event,detail\n");
    for (const Event &e : events) {
        const ProcessRecord *p = e.pid ? byPid.value(*e.pid) : nullptr;
        QJsonObject detail = e.fields;
        QString name = detail.take(QStringLiteral("name")).toString();
        if (name.isEmpty() && p)
            name = p->name;
        // An event that reports a ppid (start, reparented) shows the one true at that moment.
        QString ppid;
        if (const auto fromEvent = jsonInteger(detail.value(QStringLiteral("ppid")))) {
            ppid = QString::number(*fromEvent);
            detail.remove(QStringLiteral("ppid"));
        } else if (p && p->ppid) {
            ppid = QString::number(*p->ppid);
        }
        const QString detailText =
            detail.isEmpty() ? QString() : QString::fromUtf8(toFaithfulJson(detail, false));
        out += QString::number(double(e.tNs - t0) / 1e6, 'f', 3) + u',' +
               (e.pid ? QString::number(*e.pid) : QString()) + u',' + ppid + u',' + csvCell(name) + u',' +
               csvCell(e.ev) + u',' + csvCell(detailText) + u'\n';
    }
    return out.toUtf8();
}

} // namespace concurrente
