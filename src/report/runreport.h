#pragma once

#include "runlog.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace concurrente {

/// The run as a report a teacher reads: the homework header, the host, the scenario, the
/// process table, the messages and the events. One self-contained HTML page (no external
/// reference: styles inline, pictures as data) or the same report as an A4 PDF. Needs a
/// QGuiApplication (fonts); no widgets.
class RunReport
{
    Q_DECLARE_TR_FUNCTIONS(RunReport)

public:
    /// Draws `log`'s timeline into `rect` for the times [t0, t1] (CLOCK_MONOTONIC ns).
    using TimelinePainter =
        std::function<void(QPainter &painter, const QRectF &rect, qint64 t0, qint64 t1, const RunLog &log)>;

    struct Options
    {
        QString language = QStringLiteral("en"); ///< for the scenario's own texts ("es", "en")
        /// The picture of the run over time: the lab's timeline painter (src/app/timelinepainter.h),
        /// set by the app. Without it the report has no "Timeline" section.
        TimelinePainter timeline;
        /// At most this many events are listed; the JSON run log has them all.
        int maxEvents = 2000;
    };

    /// Options used by the registered .html and .pdf formats (the app sets its language).
    static Options &defaultOptions();

    static QString toHtml(const RunLog &log, const Options &options = defaultOptions());
    /// The PDF bytes: A4, paginated, page numbers in the footer.
    static QByteArray toPdf(const RunLog &log, const Options &options = defaultOptions());
    static bool writeHtml(const RunLog &log, const QString &path, QString *error = nullptr);
    static bool writePdf(const RunLog &log, const QString &path, QString *error = nullptr);

    /// Adds `.html` and `.pdf` to RunExporter's formats.
    static void registerFormats();
};

} // namespace concurrente
