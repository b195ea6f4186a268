#include "export.h"

#include "pyvalue.h"

#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

#include <optional>

namespace concurrente {

namespace {

/// Writes all of `bytes` to `file`, opened Unbuffered. QSaveFile::commit() (Qt 6.4) does not see a
/// failure of the write-back of its own buffer: a full disk or a file-size limit would leave a cut
/// file in place of the old one and report success. Unbuffered, every failure shows here, and a
/// short write is followed by another so that the error names its cause ("No space left on
/// device", "File too large") rather than "Unknown error".
bool writeFully(QFileDevice &file, QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qint64 n = file.write(bytes.data(), bytes.size());
        if (n <= 0)
            return false;
        bytes = bytes.sliced(n);
    }
    return true;
}

/// A file written through QSaveFile in pieces: the whole text never exists in memory at once
/// (a run log of a million events is hundreds of megabytes as JSON), and the file appears only
/// when complete (atomic rename), or not at all.
class PiecewiseSave
{
public:
    explicit PiecewiseSave(const QString &path) : m_path(path), m_file(path) {}

    bool open(QString *error)
    {
        if (m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return true;
        fail(error);
        return false;
    }
    void write(QByteArrayView bytes)
    {
        m_buffer.append(bytes);
        if (m_buffer.size() >= kFlushBytes)
            flush();
    }
    bool commit(QString *error)
    {
        flush();
        if (m_ok && m_file.commit())
            return true;
        fail(error);
        return false; // QSaveFile discards its temporary file
    }

private:
    static constexpr qsizetype kFlushBytes = 1 << 20;
    void flush()
    {
        if (m_ok && !m_buffer.isEmpty() && !writeFully(m_file, m_buffer))
            m_ok = false;
        m_buffer.clear();
    }
    void fail(QString *error)
    {
        if (error)
            *error = RunExporter::tr("%1: cannot write: %2").arg(m_path, m_file.errorString());
    }

    QString m_path;
    QSaveFile m_file;
    QByteArray m_buffer;
    bool m_ok = true;
};

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
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = tr("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    if (!writeFully(f, data) || !f.commit()) {
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
    // The same bytes as toFaithfulJson(log.toJson(), true), written event by event: everything
    // but the events first, then each event spliced in where the empty array stands (the
    // top-level members are indented by 4 spaces, so the marker cannot match anything nested).
    PiecewiseSave out(path);
    if (!out.open(error))
        return false;
    const QByteArray frame = toFaithfulJson(log.toJsonWithoutEvents(), true);
    static const QByteArray marker = QByteArrayLiteral("\n    \"events\": []");
    const qsizetype at = frame.indexOf(marker);
    Q_ASSERT(at >= 0);
    const qsizetype arrayAt = at + marker.size() - 2; // where "[]" starts
    out.write(QByteArrayView(frame).first(arrayAt));
    bool first = true;
    log.forEachEventInTimeOrder([&](const Event &e) {
        out.write(first ? QByteArrayView("[\n        ") : QByteArrayView(",\n        "));
        first = false;
        out.write(toFaithfulJsonAt(e.toJson(), 2));
    });
    out.write(first ? QByteArrayView("[]") : QByteArrayView("\n    ]"));
    out.write(QByteArrayView(frame).sliced(arrayAt + 2));
    return out.commit(error);
}

bool RunExporter::writeCsv(const RunLog &log, const QString &path, QString *error)
{
    PiecewiseSave out(path);
    if (!out.open(error))
        return false;
    writeCsvRows(log, [&out](const QByteArray &row) { out.write(row); });
    return out.commit(error);
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
    QByteArray out;
    writeCsvRows(log, [&out](const QByteArray &row) { out += row; });
    return out;
}

void RunExporter::writeCsvRows(const RunLog &log, const std::function<void(const QByteArray &)> &row)
{
    QHash<qint64, const ProcessRecord *> byPid;
    for (const ProcessRecord &p : log.processes)
        if (p.pid)
            byPid.insert(*p.pid, &p);

    row(QByteArrayLiteral("t_ms,pid,ppid,name,event,detail\n"));
    std::optional<qint64> t0;
    log.forEachEventInTimeOrder([&](const Event &e) {
        if (!t0)
            t0 = e.tNs;
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
        row((QString::number(double(e.tNs - *t0) / 1e6, 'f', 3) + u',' +
             (e.pid ? QString::number(*e.pid) : QString()) + u',' + ppid + u',' + csvCell(name) + u',' +
             csvCell(e.ev) + u',' + csvCell(detailText) + u'\n')
                .toUtf8());
    });
}

} // namespace concurrente
