#pragma once

#include "runlog.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace concurrente {

/// One export format: the file-name suffix that selects it and the function that writes it.
struct ExportFormat
{
    using Writer = std::function<bool(const RunLog &log, const QString &path, QString *error)>;

    QString suffix;             ///< with its dot, lower case: ".json", ".trace.json"
    const char *name = nullptr; ///< what the export dialog lists, translated in context "RunExporter"
    /// Needs a QGuiApplication (fonts, painting): the HTML and PDF reports. A headless run
    /// creates one on the offscreen platform only when such an export is asked for.
    bool needsGui = false;
    Writer write;

    /// The translated name with the suffix, e.g. "Perfetto / Chrome trace (*.trace.json)".
    QString displayName() const;
};

/// Writers for a run, one per format, chosen by the longest suffix of the file name that a
/// registered format has (so `run.trace.json` is a trace, `run.json` a run log). The run log,
/// CSV and trace formats are built in; the report library adds HTML and PDF
/// (RunReport::registerFormats()). Every file is written atomically (QSaveFile): a reader never
/// sees half a file, and a failed write leaves the previous file untouched. The run log and CSV
/// are written in pieces, event by event, so an export needs little memory beyond the run log.
class RunExporter
{
    Q_DECLARE_TR_FUNCTIONS(RunExporter)

public:
    /// Adds `format`, or replaces the one with the same suffix.
    static void registerFormat(const ExportFormat &format);
    /// Every format, in registration order (the built-in ones first).
    static QList<ExportFormat> formats();
    /// The format whose suffix is the longest one `path` ends with (case-insensitive).
    static std::optional<ExportFormat> formatFor(const QString &path);
    /// The known suffixes, for messages: ".json, .csv, .trace.json, …".
    static QString suffixList();

    /// Writes `log` in the format formatFor(path) picks; false with `error` set otherwise.
    static bool write(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writeJson(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writeCsv(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writeTrace(const RunLog &log, const QString &path, QString *error = nullptr);
    /// Writes `data` to `path` through QSaveFile; false with `error` naming the file otherwise.
    static bool saveAtomically(const QString &path, const QByteArray &data, QString *error = nullptr);

    /// The CSV text: header `t_ms,pid,ppid,name,event,detail`, one row per event in time order.
    static QByteArray toCsv(const RunLog &log);
    /// The same text, one row at a time (the header first), for writing without holding it all.
    static void writeCsvRows(const RunLog &log, const std::function<void(const QByteArray &)> &row);
    /// One CSV cell: a leading `= + - @`, TAB or CR gets a `'` so spreadsheets never run it as
    /// a formula; quoted when it holds a comma, quote or line break.
    static QString csvCell(const QString &text);
    /// The Chrome trace event format (docs/run-log.md, "Trace export"): a track per process,
    /// a span for its lifetime, instants for what happened to it, a flow per message.
    static QByteArray toTrace(const RunLog &log);
    /// Whether some format knows `path`'s suffix.
    static bool isSupported(const QString &path);
};

} // namespace concurrente
