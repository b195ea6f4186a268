#pragma once

#include "runlog.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace concurrente {

/// Writers for a finished run. Every file is written atomically (QSaveFile): a reader never
/// sees half a file, and a failed write leaves the previous file untouched. The text is written
/// in pieces, event by event, so an export needs little memory beyond the run log itself.
class RunExporter
{
    Q_DECLARE_TR_FUNCTIONS(RunExporter)

public:
    /// Picks the format from the extension (`.json`, `.csv`); false with `error` set otherwise.
    static bool write(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writeJson(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writeCsv(const RunLog &log, const QString &path, QString *error = nullptr);

    /// The CSV text: header `t_ms,pid,ppid,name,event,detail`, one row per event in time order.
    static QByteArray toCsv(const RunLog &log);
    /// The same text, one row at a time (the header first), for writing without holding it all.
    static void writeCsvRows(const RunLog &log, const std::function<void(const QByteArray &)> &row);
    /// One CSV cell: a leading `= + - @`, TAB or CR gets a `'` so spreadsheets never run it as
    /// a formula; quoted when it holds a comma, quote or line break.
    static QString csvCell(const QString &text);
    /// Whether `path`'s extension is one write() knows.
    static bool isSupported(const QString &path);
};

} // namespace concurrente
