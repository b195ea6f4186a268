#include "runreport.h"

#include "export.h"
#include "predict.h"
#include "pyvalue.h"
#include "runstore.h"
#include "scenario.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace concurrente {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString ms(std::optional<qint64> tNs, qint64 originNs)
{
    return tNs ? QString::number(double(*tNs - originNs) / 1e6, 'f', 3) : QStringLiteral("–");
}

QString optionalNumber(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("–");
}

/// Where the report puts the timeline picture when it is drawn for the PDF.
const QUrl kTimelineResource(QStringLiteral("concurrente-report:timeline.png"));

QImage timelineImage(const RunLog &log, const RunReport::Options &options, qint64 t0, qint64 t1)
{
    const int rows = std::max<int>(1, int(log.processes.size()));
    QImage image(1600, std::clamp(rows * 36 + 40, 120, 1200), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    options.timeline(painter, QRectF(image.rect()), t0, t1, log);
    return image;
}

class HtmlWriter
{
public:
    HtmlWriter(const RunLog &log, const RunReport::Options &options, bool forPdf)
        : m_log(log), m_options(options), m_forPdf(forPdf)
    {
        m_store.load(log);
        m_origin = m_store.originNs();
        if (m_origin == 0 && !log.events().isEmpty())
            m_origin = log.sortedEvents().front().tNs;
        const ScenarioLoadResult loaded =
            ScenarioLoader::loadObject(log.scenario, log.scenario.value(QStringLiteral("file")).toString());
        if (loaded.ok()) {
            m_scenario = loaded.scenario;
            m_hasScenario = true;
        }
    }

    QString title() const
    {
        const QString name = m_hasScenario ? m_scenario.title.text(m_options.language) : QString();
        return name.isEmpty() ? RunReport::tr("Run report") : RunReport::tr("Run report: %1").arg(name);
    }

    QString html()
    {
        m_out.reserve(64 * 1024);
        m_out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<title>%2</title>\n<style>\n")
                     .arg(esc(m_options.language), esc(title()));
        m_out += QStringLiteral(
            "body { font-family: sans-serif; font-size: 10pt; margin: 1.5em; color: #222; }\n"
            "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; }\n"
            "table { border-collapse: collapse; margin: 0.4em 0; }\n"
            "th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }\n"
            "th { background: #e8e8e8; }\n"
            "td.num { text-align: right; }\n"
            ".homework th { background: #dde8f4; }\n"
            ".predict th { background: #e6f2e0; }\n"
            ".note { color: #555; font-style: italic; }\n"
            "pre { font-family: monospace; white-space: pre-wrap; }\n");
        m_out += QStringLiteral("</style>\n</head>\n<body>\n<h1>%1</h1>\n").arg(esc(title()));
        homework();
        predict();
        host();
        scenario();
        timeline();
        processes();
        messages();
        events();
        m_out += QStringLiteral("<p class=\"note\">%1</p>\n</body>\n</html>\n")
                     .arg(esc(RunReport::tr("Written by Concurrente %1.").arg(m_log.appVersion)));
        return m_out;
    }

private:
    void heading(const QString &text) { m_out += QStringLiteral("<h2>%1</h2>\n").arg(esc(text)); }

    void tableStart(const QStringList &headers, const QString &cssClass = QString())
    {
        // The attributes are for QTextDocument (the PDF), which reads few CSS properties.
        // Data tables take the page's width, so the PDF does not wrap names letter by letter.
        m_out +=
            QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\"%1>\n<tr>")
                .arg(cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cssClass));
        for (const QString &h : headers)
            m_out += QStringLiteral("<th>%1</th>").arg(esc(h));
        m_out += QStringLiteral("</tr>\n");
    }

    void row(const QStringList &cells, const QList<int> &numeric = {})
    {
        m_out += QStringLiteral("<tr>");
        for (int i = 0; i < cells.size(); ++i)
            m_out += numeric.contains(i)
                         ? QStringLiteral("<td class=\"num\" align=\"right\">%1</td>").arg(esc(cells[i]))
                         : QStringLiteral("<td>%1</td>").arg(esc(cells[i]));
        m_out += QStringLiteral("</tr>\n");
    }

    void keyValue(const QString &key, const QString &value)
    {
        m_out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(key), esc(value));
    }

    void homework()
    {
        const Homework &h = m_log.homework;
        heading(RunReport::tr("Homework"));
        m_out +=
            QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" class=\"homework\">\n");
        const QString none = RunReport::tr("(not given)");
        keyValue(RunReport::tr("Student"), h.student.isEmpty() ? none : h.student);
        keyValue(RunReport::tr("Group"), h.group.isEmpty() ? none : h.group);
        keyValue(RunReport::tr("Exercise"), h.exercise.isEmpty() ? none : h.exercise);
        m_out += QStringLiteral("</table>\n");
    }

    /// The student's prediction and the verdict the run gave it; nothing when none was made.
    void predict()
    {
        const PredictRecord &p = m_log.predict;
        if (p.isEmpty())
            return;
        const bool es = m_options.language.startsWith(QLatin1String("es"));
        heading(RunReport::tr("Predict → verdict"));
        m_out +=
            QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" class=\"predict\">\n");
        keyValue(RunReport::tr("Question"), es ? p.textEs : p.textEn);
        const QString answer = es ? p.answerEs : p.answerEn;
        keyValue(RunReport::tr("Answer"), answer.isEmpty() ? p.answer : answer);
        keyValue(RunReport::tr("Verdict"), PredictText::verdict(p.verdict));
        if (p.verdict != QLatin1String("right") && !p.actual.isEmpty())
            keyValue(RunReport::tr("The run showed"),
                     (es ? p.actualEs : p.actualEn).isEmpty() ? p.actual : (es ? p.actualEs : p.actualEn));
        QStringList evidence;
        for (const PredictEvidence &e : p.evidence) {
            QString line = PredictText::evidence(e);
            if (e.tNs)
                line += QStringLiteral(" (%1 ms)").arg(ms(e.tNs, m_origin));
            evidence.append(esc(line));
        }
        if (!evidence.isEmpty())
            m_out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                         .arg(esc(RunReport::tr("Evidence")), evidence.join(QStringLiteral("<br>")));
        m_out += QStringLiteral("</table>\n");
    }

    void host()
    {
        heading(RunReport::tr("Computer"));
        m_out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
        keyValue(RunReport::tr("Operating system"), m_log.host.os);
        keyValue(RunReport::tr("Kernel"), m_log.host.kernel);
        keyValue(RunReport::tr("CPUs"),
                 m_log.host.usableCpus > 0 && m_log.host.usableCpus != m_log.host.cpuCount
                     ? RunReport::tr("%1 (%2 usable)").arg(m_log.host.cpuCount).arg(m_log.host.usableCpus)
                     : QString::number(m_log.host.cpuCount));
        const QJsonObject &s = m_log.summary;
        keyValue(RunReport::tr("Wall time"),
                 RunReport::tr("%1 ms").arg(double(s.value(QStringLiteral("wall_ns")).toInteger()) / 1e6, 0,
                                            'f', 3));
        keyValue(RunReport::tr("Events"), QString::number(m_log.events().size()));
        m_out += QStringLiteral("</table>\n");
    }

    void scenario()
    {
        heading(RunReport::tr("Scenario"));
        const QString file = m_log.scenario.value(QStringLiteral("file")).toString();
        if (!m_hasScenario) {
            m_out += QStringLiteral("<p class=\"note\">%1</p>\n")
                         .arg(esc(RunReport::tr("The run log holds no scenario this version can read.")));
            return;
        }
        m_out += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
        keyValue(RunReport::tr("Title"), m_scenario.title.text(m_options.language));
        if (!file.isEmpty())
            keyValue(RunReport::tr("File"), file);
        keyValue(RunReport::tr("Start method"), startMethodName(m_scenario.startMethod));
        m_out += QStringLiteral("</table>\n");
        const QString description = m_scenario.description.text(m_options.language);
        if (!description.isEmpty())
            m_out += QStringLiteral("<p>%1</p>\n").arg(esc(description));
        if (!m_scenario.main.isEmpty()) {
            m_out += QStringLiteral("<p>%1</p>\n<pre>").arg(esc(RunReport::tr("The main program:")));
            for (int i = 0; i < m_scenario.main.size(); ++i)
                m_out += esc(QStringLiteral("%1. %2").arg(i + 1).arg(m_scenario.actionText(i))) + u'\n';
            m_out += QStringLiteral("</pre>\n");
        }
    }

    void timeline()
    {
        // The picture of the run over time, when the app gave a painter for it.
        if (!m_options.timeline)
            return;
        qint64 t1 = m_origin;
        for (const ProcessRecord &p : m_log.processes)
            if (p.endNs)
                t1 = std::max(t1, *p.endNs);
        heading(RunReport::tr("Timeline"));
        if (m_forPdf) {
            m_out +=
                QStringLiteral("<p><img src=\"%1\" width=\"640\"></p>\n").arg(kTimelineResource.toString());
            return;
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        timelineImage(m_log, m_options, m_origin, t1).save(&buffer, "PNG");
        m_out += QStringLiteral(
                     "<p><img alt=\"%1\" style=\"max-width: 100%\" src=\"data:image/png;base64,%2\"></p>\n")
                     .arg(esc(RunReport::tr("Timeline")), QString::fromLatin1(png.toBase64()));
    }

    QString processName(int row) const
    {
        if (row < 0 || row >= m_store.processCount())
            return QStringLiteral("–");
        const ProcessRecord &r = m_store.process(row).record;
        return r.pid ? QStringLiteral("%1 (%2)").arg(r.name).arg(*r.pid) : r.name;
    }

    void processes()
    {
        heading(RunReport::tr("Processes"));
        tableStart({RunReport::tr("Name"), RunReport::tr("PID"), RunReport::tr("PPID"), RunReport::tr("Kind"),
                    RunReport::tr("Start method"), RunReport::tr("Start (ms)"), RunReport::tr("End (ms)"),
                    RunReport::tr("Exit code"), RunReport::tr("Note")});
        for (int r = 0; r < m_store.processCount(); ++r) {
            const ProcessRecord &p = m_store.process(r).record;
            row({p.name, optionalNumber(p.pid), optionalNumber(p.ppid), p.kind, p.startMethod,
                 ms(p.startNs, m_origin), ms(p.endNs, m_origin),
                 p.exitcode ? QString::number(*p.exitcode) : QStringLiteral("None"), p.error},
                {1, 2, 5, 6, 7});
        }
        m_out += QStringLiteral("</table>\n");
    }

    void messages()
    {
        heading(RunReport::tr("Messages"));
        if (m_store.messageCount() == 0) {
            m_out +=
                QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(RunReport::tr("No message was sent.")));
            return;
        }
        tableStart({RunReport::tr("Queue or pipe"), RunReport::tr("From"), RunReport::tr("To"),
                    RunReport::tr("Value"), RunReport::tr("Put (ms)"), RunReport::tr("Got (ms)")});
        for (int m = 0; m < m_store.messageCount(); ++m) {
            const RunStore::Message &msg = m_store.message(m);
            row({msg.channel, processName(msg.sender), processName(msg.receiver),
                 pythonStr(msg.value, msg.isFloat), ms(msg.putNs, m_origin), ms(msg.getNs, m_origin)},
                {4, 5});
        }
        m_out += QStringLiteral("</table>\n");
    }

    void events()
    {
        heading(RunReport::tr("Events"));
        const QList<Event> all = m_log.sortedEvents();
        const qsizetype shown = std::min<qsizetype>(all.size(), std::max(0, m_options.maxEvents));
        tableStart({RunReport::tr("Time (ms)"), RunReport::tr("Process"), RunReport::tr("Event"),
                    RunReport::tr("Detail")});
        for (qsizetype i = 0; i < shown; ++i) {
            const Event &e = all.at(i);
            QJsonObject detail = e.fields;
            QString name = detail.take(QStringLiteral("name")).toString();
            if (name.isEmpty() && e.pid)
                if (const ProcessRecord *p = m_log.processByPid(*e.pid))
                    name = p->name;
            if (e.pid)
                name = QStringLiteral("%1 (%2)").arg(name).arg(*e.pid);
            QString text = e.kind == EventKind::Print ? detail.value(QStringLiteral("text")).toString()
                           : detail.isEmpty()         ? QString()
                                                      : QString::fromUtf8(toFaithfulJson(detail, false));
            row({ms(e.tNs, m_origin), name, e.ev(), text}, {0});
        }
        m_out += QStringLiteral("</table>\n");
        if (shown < all.size())
            m_out +=
                QStringLiteral("<p class=\"note\">%1</p>\n")
                    .arg(esc(
                        RunReport::tr("%1 more events are in the run log (JSON).").arg(all.size() - shown)));
    }

    const RunLog &m_log;
    const RunReport::Options &m_options;
    const bool m_forPdf;
    RunStore m_store;
    Scenario m_scenario;
    bool m_hasScenario = false;
    qint64 m_origin = 0;
    QString m_out;
};

} // namespace

RunReport::Options &RunReport::defaultOptions()
{
    static Options options;
    return options;
}

QString RunReport::toHtml(const RunLog &log, const Options &options)
{
    return HtmlWriter(log, options, false).html();
}

QByteArray RunReport::toPdf(const RunLog &log, const Options &options)
{
    HtmlWriter writer(log, options, true);
    QTextDocument doc;
    QFont font = doc.defaultFont();
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    if (options.timeline) {
        qint64 t0 = std::numeric_limits<qint64>::max(), t1 = 0;
        for (const ProcessRecord &p : log.processes) {
            if (p.startNs)
                t0 = std::min(t0, *p.startNs);
            if (p.endNs)
                t1 = std::max(t1, *p.endNs);
        }
        doc.addResource(QTextDocument::ImageResource, kTimelineResource,
                        timelineImage(log, options, t0 == std::numeric_limits<qint64>::max() ? 0 : t0, t1));
    }
    doc.setHtml(writer.html());
    doc.setMetaInformation(QTextDocument::DocumentTitle, writer.title());

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdfWriter(&buffer);
    pdfWriter.setPageSize(QPageSize(QPageSize::A4));
    pdfWriter.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdfWriter.setTitle(writer.title());
    pdfWriter.setCreator(QStringLiteral("Concurrente %1").arg(log.appVersion));
    doc.print(&pdfWriter);
    buffer.close();
    return pdf;
}

bool RunReport::writeHtml(const RunLog &log, const QString &path, QString *error)
{
    return RunExporter::saveAtomically(path, toHtml(log).toUtf8(), error);
}

bool RunReport::writePdf(const RunLog &log, const QString &path, QString *error)
{
    return RunExporter::saveAtomically(path, toPdf(log), error);
}

void RunReport::registerFormats()
{
    ExportFormat html;
    html.suffix = QStringLiteral(".html");
    html.name = QT_TRANSLATE_NOOP("RunExporter", "Report, one web page (HTML)");
    html.needsGui = true;
    html.write = &RunReport::writeHtml;
    RunExporter::registerFormat(html);
    ExportFormat pdf;
    pdf.suffix = QStringLiteral(".pdf");
    pdf.name = QT_TRANSLATE_NOOP("RunExporter", "Report to print (PDF, A4)");
    pdf.needsGui = true;
    pdf.write = &RunReport::writePdf;
    RunExporter::registerFormat(pdf);
}

} // namespace concurrente
