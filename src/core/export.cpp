#include "export.h"

#include "pyvalue.h"

#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

namespace concurrente {

namespace {

QList<ExportFormat> builtInFormats()
{
    ExportFormat json;
    json.suffix = QStringLiteral(".json");
    json.name = QT_TRANSLATE_NOOP("RunExporter", "Run log, to open again (JSON)");
    json.write = &RunExporter::writeJson;
    ExportFormat csv;
    csv.suffix = QStringLiteral(".csv");
    csv.name = QT_TRANSLATE_NOOP("RunExporter", "Events as a table (CSV)");
    csv.write = &RunExporter::writeCsv;
    ExportFormat trace;
    trace.suffix = QStringLiteral(".trace.json");
    trace.name = QT_TRANSLATE_NOOP("RunExporter", "Perfetto / Chrome trace");
    trace.write = &RunExporter::writeTrace;
    return {json, csv, trace};
}

QList<ExportFormat> &registry()
{
    static QList<ExportFormat> formats = builtInFormats();
    return formats;
}

} // namespace

QString ExportFormat::displayName() const
{
    return QStringLiteral("%1 (*%2)").arg(RunExporter::tr(name), suffix);
}

void RunExporter::registerFormat(const ExportFormat &format)
{
    QList<ExportFormat> &formats = registry();
    for (ExportFormat &f : formats) {
        if (f.suffix.compare(format.suffix, Qt::CaseInsensitive) == 0) {
            f = format;
            return;
        }
    }
    formats.append(format);
}

QList<ExportFormat> RunExporter::formats()
{
    return registry();
}

std::optional<ExportFormat> RunExporter::formatFor(const QString &path)
{
    std::optional<ExportFormat> best;
    for (const ExportFormat &f : std::as_const(registry())) {
        // A bare suffix (".json") is not a file name: there must be something before it.
        if (path.size() > f.suffix.size() && path.endsWith(f.suffix, Qt::CaseInsensitive) &&
            (!best || f.suffix.size() > best->suffix.size()))
            best = f;
    }
    return best;
}

QString RunExporter::suffixList()
{
    QStringList suffixes;
    for (const ExportFormat &f : std::as_const(registry()))
        suffixes.append(f.suffix);
    return suffixes.join(QStringLiteral(", "));
}

bool RunExporter::saveAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    if (f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false; // QSaveFile discards its temporary file
    }
    return true;
}

bool RunExporter::isSupported(const QString &path)
{
    return formatFor(path).has_value();
}

bool RunExporter::write(const RunLog &log, const QString &path, QString *error)
{
    const std::optional<ExportFormat> format = formatFor(path);
    if (!format) {
        if (error)
            *error = tr("%1: unknown export format (use one of: %2)").arg(path, suffixList());
        return false;
    }
    return format->write(log, path, error);
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

bool RunExporter::writeTrace(const RunLog &log, const QString &path, QString *error)
{
    return saveAtomically(path, toTrace(log), error);
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
