#include "export.h"

#include "pyvalue.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <charconv>
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
        // Said plainly when the folder is the problem (QSaveFile would only say that a
        // temporary file could not be made).
        const QFileInfo folder(QFileInfo(m_path).absolutePath());
        if (!folder.exists() || !folder.isDir()) {
            if (error)
                *error = (folder.exists() ? RunExporter::tr("%1: cannot write: %2 is not a folder")
                                          : RunExporter::tr("%1: cannot write: the folder %2 does not exist"))
                             .arg(m_path, QDir::toNativeSeparators(folder.filePath()));
            return false;
        }
        // Unbuffered: the pieces are already large, and a failed write() leaves its errno.
        if (m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return true;
        m_errno = errno;
        fail(error);
        return false;
    }
    void write(QByteArrayView bytes)
    {
        m_buffer.append(bytes);
        wrote();
    }
    /// The pending bytes, to append to directly; call wrote() after.
    QByteArray &buffer() { return m_buffer; }
    void wrote()
    {
        if (m_buffer.size() >= kFlushBytes)
            flush();
    }
    bool commit(QString *error)
    {
        flush();
        if (m_ok) {
            errno = 0;
            if (m_file.commit())
                return true;
            m_errno = errno;
        }
        fail(error);
        return false; // QSaveFile discards its temporary file: an old file stays as it was
    }

private:
    static constexpr qsizetype kFlushBytes = 1 << 20;
    void flush()
    {
        if (m_ok && !m_buffer.isEmpty() && !writeFully(m_file, m_buffer)) {
            m_ok = false;
            m_errno = errno;
        }
        m_buffer.resize(0); // keeps its capacity for the next piece
    }
    void fail(QString *error)
    {
        if (!error)
            return;
        if (m_errno == ENOSPC || m_errno == EDQUOT)
            *error = RunExporter::tr("%1: cannot write: the disk is full").arg(m_path);
        else if (m_errno == EROFS)
            *error = RunExporter::tr("%1: cannot write: the place is read-only").arg(m_path);
        else if (m_errno == EACCES || m_errno == EPERM)
            *error = RunExporter::tr("%1: cannot write: no permission to write there").arg(m_path);
        else
            *error = RunExporter::tr("%1: cannot write: %2").arg(m_path, m_file.errorString());
    }

    QString m_path;
    QSaveFile m_file;
    QByteArray m_buffer;
    bool m_ok = true;
    int m_errno = 0;
};

/// Appends `e` exactly as toFaithfulJsonAt(e.toJson(), level) writes it, without building that
/// object: its fields are already in key order, and `t_ns`, `pid`, `proc` and `ev` are merged
/// in where Event::toJson() would insert them (replacing fields of the same name).
void appendEventJson(QByteArray &out, const Event &e, int level)
{
    static const QString kEv = QStringLiteral("ev"), kPid = QStringLiteral("pid"),
                         kProc = QStringLiteral("proc"), kTns = QStringLiteral("t_ns"),
                         kValue = QStringLiteral("value");
    const bool pythonFloat = hasFloatValue(e.fields);
    const int inner = level + 1;
    bool first = true;
    const auto key = [&](QStringView k) {
        out += first ? "{\n" : ",\n";
        first = false;
        out.append(inner * 4, ' ');
        appendJsonString(out, k);
        out += ": ";
    };
    const auto appendInteger = [&out](qint64 v) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr - buf);
    };
    // The merged keys in QJsonObject's order ("ev" < "pid" < "proc" < "t_ns"): each one is
    // written before the first field whose key sorts after it.
    int extra = 0;
    const auto writeExtrasBefore = [&](const QString *fieldKey) {
        for (; extra < 4; ++extra) {
            const QString &k = extra == 0 ? kEv : extra == 1 ? kPid : extra == 2 ? kProc : kTns;
            if (fieldKey && QString::compare(k, *fieldKey) > 0)
                return;
            switch (extra) {
            case 0:
                key(kEv);
                appendJsonString(out, e.ev());
                break;
            case 1:
                key(kPid);
                if (e.pid)
                    appendInteger(*e.pid);
                else
                    out += "null";
                break;
            case 2:
                if (e.proc >= 0) {
                    key(kProc);
                    appendInteger(e.proc);
                }
                break;
            case 3:
                key(kTns);
                appendInteger(e.tNs);
                break;
            }
        }
    };
    for (auto it = e.fields.constBegin(); it != e.fields.constEnd(); ++it) {
        const QString k = it.key();
        writeExtrasBefore(&k);
        if (k == kEv || k == kPid || k == kTns || (k == kProc && e.proc >= 0))
            continue; // replaced by the event's own
        key(k);
        appendFaithfulJson(out, it.value(), true, inner, pythonFloat && k == kValue);
    }
    writeExtrasBefore(nullptr);
    out += '\n';
    out.append(level * 4, ' ');
    out += '}';
}

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
    PiecewiseSave out(path);
    if (!out.open(error))
        return false;
    out.write(data);
    return out.commit(error);
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
        QByteArray &buffer = out.buffer();
        buffer += first ? "[\n        " : ",\n        ";
        first = false;
        appendEventJson(buffer, e, 2);
        out.wrote();
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

namespace {

/// Appends one CSV cell of UTF-8 text, as RunExporter::csvCell() makes it (only ASCII bytes
/// matter to it, so UTF-8 can be looked at byte by byte).
void appendCsvCell(QByteArray &out, QByteArrayView text)
{
    if (text.isEmpty())
        return;
    const char c = text.front();
    const bool formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    bool quote = false;
    for (const char ch : text) {
        if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
            quote = true;
            break;
        }
    }
    if (quote)
        out += '"';
    if (formula)
        out += '\'';
    if (!quote) {
        out += text;
        return;
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            out += text.sliced(from, i + 1 - from);
            out += '"';
            from = i + 1;
        }
    }
    out += text.sliced(from);
    out += '"';
}

void appendCsvCell(QByteArray &out, const QString &text)
{
    appendCsvCell(out, QByteArrayView(text.toUtf8()));
}

void appendNumber(QByteArray &out, qint64 v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr - buf);
}

} // namespace

void RunExporter::writeCsvRows(const RunLog &log, const std::function<void(const QByteArray &)> &row)
{
    QHash<qint64, const ProcessRecord *> byPid;
    for (const ProcessRecord &p : log.processes)
        if (p.pid)
            byPid.insert(*p.pid, &p);

    row(QByteArrayLiteral("t_ms,pid,ppid,name,event,detail\n"));
    static const QString kName = QStringLiteral("name"), kPpid = QStringLiteral("ppid"),
                         kValue = QStringLiteral("value");
    std::optional<qint64> t0;
    QByteArray line, detail;
    log.forEachEventInTimeOrder([&](const Event &e) {
        if (!t0)
            t0 = e.tNs;
        const ProcessRecord *p = e.pid ? byPid.value(*e.pid) : nullptr;
        QString name = e.fields.value(kName).toString();
        if (name.isEmpty() && p)
            name = p->name;
        // An event that reports a ppid (start, reparented) shows the one true at that moment.
        const auto ppidOfEvent = jsonInteger(e.fields.value(kPpid));
        const qint64 ppid = ppidOfEvent ? *ppidOfEvent : p && p->ppid ? *p->ppid : -1;
        // The detail: the other fields as compact JSON (as toFaithfulJson() writes them).
        detail.resize(0);
        const bool pythonFloat = hasFloatValue(e.fields);
        for (auto it = e.fields.constBegin(); it != e.fields.constEnd(); ++it) {
            const QString k = it.key();
            if (k == kName || (k == kPpid && ppidOfEvent))
                continue;
            detail += detail.isEmpty() ? "{" : ",";
            appendJsonString(detail, k);
            detail += ':';
            appendFaithfulJson(detail, it.value(), false, 0, pythonFloat && k == kValue);
        }
        if (!detail.isEmpty())
            detail += '}';

        line.resize(0);
        // Milliseconds with three decimals, as QString::number(ms, 'f', 3) writes them.
        line += QByteArray::number(double(e.tNs - *t0) / 1e6, 'f', 3);
        line += ',';
        if (e.pid)
            appendNumber(line, *e.pid);
        line += ',';
        if (ppid >= 0)
            appendNumber(line, ppid);
        line += ',';
        appendCsvCell(line, name);
        line += ',';
        appendCsvCell(line, e.ev());
        line += ',';
        appendCsvCell(line, QByteArrayView(detail));
        line += '\n';
        row(line);
    });
}

} // namespace concurrente
