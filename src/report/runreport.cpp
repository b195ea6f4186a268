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
#include <QTextLayout>

#include <memory>
#include <vector>

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

QImage timelineImage(const RunLog &log, const RunReport::Options &options, qint64 t0, qint64 t1)
{
    const int rows = std::max<int>(1, int(log.processes.size()));
    // As wide as a report page on a common screen: its text is then the size of the lab's.
    QImage image(1200, std::clamp(rows * 36 + 40, 120, 1200), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    options.timeline(painter, QRectF(image.rect()), t0, t1, log);
    return image;
}

/// One piece of the report, in reading order; written as HTML or painted on PDF pages.
struct Block
{
    enum Kind { Heading, KeyValues, Table, Paragraph, Note, Pre, Timeline };
    Kind kind = Paragraph;
    QString text;                                 ///< Heading, Paragraph, Note
    QString cssClass;                             ///< KeyValues: "homework", "predict" or none
    QStringList lines;                            ///< Pre
    QList<QPair<QString, QStringList>> keyValues; ///< KeyValues: a key and its value's lines
    QStringList headers;                          ///< Table
    QList<QStringList> rows;                      ///< Table
    QList<int> numeric;                           ///< Table: right-aligned columns
};

/// What the report says, built once from the run log: its title and its blocks.
class ReportContent
{
public:
    ReportContent(const RunLog &log, const RunReport::Options &options) : m_log(log), m_options(options)
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
        homework();
        predict();
        host();
        scenario();
        timeline();
        processes();
        messages();
        events();
        note(RunReport::tr("Written by Concurrente %1.").arg(m_log.appVersion));
    }

    QString title() const
    {
        const QString name = m_hasScenario ? m_scenario.title.text(m_options.language) : QString();
        return name.isEmpty() ? RunReport::tr("Run report") : RunReport::tr("Run report: %1").arg(name);
    }
    const QList<Block> &blocks() const { return m_blocks; }
    qint64 timelineStart() const { return m_origin; }
    qint64 timelineEnd() const
    {
        qint64 t1 = m_origin;
        for (const ProcessRecord &p : m_log.processes)
            if (p.endNs)
                t1 = std::max(t1, *p.endNs);
        // A little room after the last end, so the marks drawn there are not cut at the edge.
        return t1 + (t1 - m_origin) / 50;
    }

private:
    Block &add(Block::Kind kind, const QString &text = QString())
    {
        Block b;
        b.kind = kind;
        b.text = text;
        m_blocks.append(b);
        return m_blocks.last();
    }
    void heading(const QString &text) { add(Block::Heading, text); }
    void note(const QString &text) { add(Block::Note, text); }
    Block &keyValues(const QString &cssClass = QString())
    {
        Block &b = add(Block::KeyValues);
        b.cssClass = cssClass;
        return b;
    }
    static void keyValue(Block &b, const QString &key, const QString &value)
    {
        b.keyValues.append({key, {value}});
    }
    Block &table(const QStringList &headers, const QList<int> &numeric)
    {
        Block &b = add(Block::Table);
        b.headers = headers;
        b.numeric = numeric;
        return b;
    }

    void homework()
    {
        const Homework &h = m_log.homework;
        heading(RunReport::tr("Homework"));
        Block &b = keyValues(QStringLiteral("homework"));
        const QString none = RunReport::tr("(not given)");
        keyValue(b, RunReport::tr("Student"), h.student.isEmpty() ? none : h.student);
        keyValue(b, RunReport::tr("Group"), h.group.isEmpty() ? none : h.group);
        keyValue(b, RunReport::tr("Exercise"), h.exercise.isEmpty() ? none : h.exercise);
    }

    /// The student's prediction and the verdict the run gave it; nothing when none was made.
    void predict()
    {
        const PredictRecord &p = m_log.predict;
        if (p.isEmpty())
            return;
        const bool es = m_options.language.startsWith(QLatin1String("es"));
        heading(RunReport::tr("Predict → verdict"));
        Block &b = keyValues(QStringLiteral("predict"));
        keyValue(b, RunReport::tr("Question"), es ? p.textEs : p.textEn);
        const QString answer = es ? p.answerEs : p.answerEn;
        keyValue(b, RunReport::tr("Answer"), answer.isEmpty() ? p.answer : answer);
        keyValue(b, RunReport::tr("Verdict"), PredictText::verdict(p.verdict));
        if (p.verdict != QLatin1String("right") && !p.actual.isEmpty())
            keyValue(b, RunReport::tr("The run showed"),
                     (es ? p.actualEs : p.actualEn).isEmpty() ? p.actual : (es ? p.actualEs : p.actualEn));
        QStringList evidence;
        for (const PredictEvidence &e : p.evidence) {
            QString line = PredictText::evidence(e);
            if (e.tNs)
                line += QStringLiteral(" (%1 ms)").arg(ms(e.tNs, m_origin));
            evidence.append(line);
        }
        if (!evidence.isEmpty())
            b.keyValues.append({RunReport::tr("Evidence"), evidence});
    }

    void host()
    {
        heading(RunReport::tr("Computer"));
        Block &b = keyValues();
        keyValue(b, RunReport::tr("Operating system"), m_log.host.os);
        keyValue(b, RunReport::tr("Kernel"), m_log.host.kernel);
        keyValue(b, RunReport::tr("CPUs"),
                 m_log.host.usableCpus > 0 && m_log.host.usableCpus != m_log.host.cpuCount
                     ? RunReport::tr("%1 (%2 usable)").arg(m_log.host.cpuCount).arg(m_log.host.usableCpus)
                     : QString::number(m_log.host.cpuCount));
        if (!m_log.host.containment.isEmpty()) {
            // How the run's processes were held together and capped (absent in older logs).
            QString text = m_log.host.containment;
            if (m_log.host.pidsMax > 0)
                text = RunReport::tr("%1; at most %2 processes and threads (%3)")
                           .arg(text)
                           .arg(m_log.host.pidsMax)
                           .arg(m_log.host.pidsMaxBy);
            if (m_log.host.memoryMax > 0)
                text = RunReport::tr("%1; memory at most %2 MiB").arg(text).arg(m_log.host.memoryMax >> 20);
            keyValue(b, RunReport::tr("Process containment"), text);
        }
        const QJsonObject &s = m_log.summary;
        keyValue(b, RunReport::tr("Wall time"),
                 RunReport::tr("%1 ms").arg(double(s.value(QStringLiteral("wall_ns")).toInteger()) / 1e6, 0,
                                            'f', 3));
        keyValue(b, RunReport::tr("Events"), QString::number(m_log.events().size()));
    }

    void scenario()
    {
        heading(RunReport::tr("Scenario"));
        const QString file = m_log.scenario.value(QStringLiteral("file")).toString();
        if (!m_hasScenario) {
            note(RunReport::tr("The run log holds no scenario this version can read."));
            return;
        }
        Block &b = keyValues();
        keyValue(b, RunReport::tr("Title"), m_scenario.title.text(m_options.language));
        if (!file.isEmpty())
            keyValue(b, RunReport::tr("File"), file);
        keyValue(b, RunReport::tr("Start method"), startMethodName(m_scenario.startMethod));
        const QString description = m_scenario.description.text(m_options.language);
        if (!description.isEmpty())
            add(Block::Paragraph, description);
        if (!m_scenario.main.isEmpty()) {
            add(Block::Paragraph, RunReport::tr("The main program:"));
            Block &pre = add(Block::Pre);
            for (int i = 0; i < m_scenario.main.size(); ++i)
                pre.lines.append(QStringLiteral("%1. %2").arg(i + 1).arg(m_scenario.actionText(i)));
        }
    }

    void timeline()
    {
        // The picture of the run over time, when the app gave a painter for it.
        if (!m_options.timeline)
            return;
        heading(RunReport::tr("Timeline"));
        add(Block::Timeline);
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
        Block &b = table({RunReport::tr("Name"), RunReport::tr("PID"), RunReport::tr("PPID"),
                          RunReport::tr("Kind"), RunReport::tr("Start method"), RunReport::tr("Start (ms)"),
                          RunReport::tr("End (ms)"), RunReport::tr("Exit code"), RunReport::tr("Note")},
                         {1, 2, 5, 6, 7});
        for (int r = 0; r < m_store.processCount(); ++r) {
            const ProcessRecord &p = m_store.process(r).record;
            b.rows.append({p.name, optionalNumber(p.pid), optionalNumber(p.ppid), p.kind, p.startMethod,
                           ms(p.startNs, m_origin), ms(p.endNs, m_origin),
                           p.exitcode ? QString::number(*p.exitcode) : QStringLiteral("None"), p.error});
        }
    }

    void messages()
    {
        heading(RunReport::tr("Messages"));
        if (m_store.messageCount() == 0) {
            note(RunReport::tr("No message was sent."));
            return;
        }
        Block &b = table({RunReport::tr("Queue or pipe"), RunReport::tr("From"), RunReport::tr("To"),
                          RunReport::tr("Value"), RunReport::tr("Put (ms)"), RunReport::tr("Got (ms)")},
                         {4, 5});
        for (int m = 0; m < m_store.messageCount(); ++m) {
            const RunStore::Message &msg = m_store.message(m);
            b.rows.append({msg.channel, processName(msg.sender), processName(msg.receiver),
                           pythonStr(msg.value, msg.isFloat), ms(msg.putNs, m_origin),
                           ms(msg.getNs, m_origin)});
        }
    }

    void events()
    {
        heading(RunReport::tr("Events"));
        const QList<Event> all = m_log.sortedEvents();
        const qsizetype shown = std::min<qsizetype>(all.size(), std::max(0, m_options.maxEvents));
        Block &b = table({RunReport::tr("Time (ms)"), RunReport::tr("Process"), RunReport::tr("Event"),
                          RunReport::tr("Detail")},
                         {0});
        b.rows.reserve(shown);
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
            b.rows.append({ms(e.tNs, m_origin), name, e.ev(), text});
        }
        if (shown < all.size())
            note(RunReport::tr("%1 more events are in the run log (JSON).").arg(all.size() - shown));
    }

    const RunLog &m_log;
    const RunReport::Options &m_options;
    RunStore m_store;
    Scenario m_scenario;
    bool m_hasScenario = false;
    qint64 m_origin = 0;
    QList<Block> m_blocks;
};

/// The report as one self-contained web page.
QString toHtmlPage(const ReportContent &content, const RunLog &log, const RunReport::Options &options)
{
    QString out;
    out.reserve(64 * 1024);
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%2</title>\n<style>\n")
               .arg(esc(options.language), esc(content.title()));
    out +=
        QStringLiteral("body { font-family: sans-serif; font-size: 10pt; margin: 1.5em; color: #222; }\n"
                       "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; }\n"
                       "table { border-collapse: collapse; margin: 0.4em 0; }\n"
                       "th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: "
                       "top; }\n"
                       "th { background: #e8e8e8; }\n"
                       "td.num { text-align: right; }\n"
                       ".homework th { background: #dde8f4; }\n"
                       ".predict th { background: #e6f2e0; }\n"
                       ".note { color: #555; font-style: italic; }\n"
                       "pre { font-family: monospace; white-space: pre-wrap; }\n");
    out += QStringLiteral("</style>\n</head>\n<body>\n<h1>%1</h1>\n").arg(esc(content.title()));
    for (const Block &b : content.blocks()) {
        switch (b.kind) {
        case Block::Heading:
            out += QStringLiteral("<h2>%1</h2>\n").arg(esc(b.text));
            break;
        case Block::Paragraph:
            out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
            break;
        case Block::Note:
            out += QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(b.text));
            break;
        case Block::Pre:
            out += QStringLiteral("<pre>");
            for (const QString &line : b.lines)
                out += esc(line) + u'\n';
            out += QStringLiteral("</pre>\n");
            break;
        case Block::KeyValues:
            out +=
                QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"%1>\n")
                    .arg(b.cssClass.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(b.cssClass));
            for (const auto &[key, lines] : b.keyValues) {
                QStringList escaped;
                for (const QString &line : lines)
                    escaped.append(esc(line));
                out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
                           .arg(esc(key), escaped.join(QStringLiteral("<br>")));
            }
            out += QStringLiteral("</table>\n");
            break;
        case Block::Table:
            out += QStringLiteral(
                "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
            for (const QString &h : b.headers)
                out += QStringLiteral("<th>%1</th>").arg(esc(h));
            out += QStringLiteral("</tr>\n");
            for (const QStringList &cells : b.rows) {
                out += QStringLiteral("<tr>");
                for (int i = 0; i < cells.size(); ++i)
                    out +=
                        b.numeric.contains(i)
                            ? QStringLiteral("<td class=\"num\" align=\"right\">%1</td>").arg(esc(cells[i]))
                            : QStringLiteral("<td>%1</td>").arg(esc(cells[i]));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</table>\n");
            break;
        case Block::Timeline: {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            timelineImage(log, options, content.timelineStart(), content.timelineEnd()).save(&buffer, "PNG");
            out += QStringLiteral(
                       "<p><img alt=\"%1\" style=\"max-width: 100%\" src=\"data:image/png;base64,%2\"></p>\n")
                       .arg(esc(RunReport::tr("Timeline")), QString::fromLatin1(png.toBase64()));
            break;
        }
        }
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out;
}

/// The report painted on A4 pages: text laid out line by line, tables cell by cell (their
/// header row again on each page they continue on), the timeline drawn by its painter straight
/// onto the page, so it stays vector. QTextDocument::print() of the same tables took seconds
/// for a long run: most of it laying out and paginating the table as a whole.
class PdfPainter
{
public:
    PdfPainter(QPdfWriter &writer, const RunLog &log, const RunReport::Options &options)
        : m_writer(writer), m_log(log), m_options(options), m_painter(&writer)
    {
        m_width = writer.width();
        m_bottom = writer.height();
        m_base.setFamily(QStringLiteral("DejaVu Sans"));
        m_base.setStyleHint(QFont::SansSerif);
        m_base.setPointSizeF(8.5);
        m_bold = m_base;
        m_bold.setBold(true);
        m_italic = m_base;
        m_italic.setItalic(true);
        m_h1 = m_bold;
        m_h1.setPointSizeF(15);
        m_h2 = m_bold;
        m_h2.setPointSizeF(11.5);
        m_mono.setFamily(QStringLiteral("DejaVu Sans Mono"));
        m_mono.setStyleHint(QFont::Monospace);
        m_mono.setPointSizeF(8);
        m_pad = pt(2.5);
        m_footer = QFontMetricsF(m_base, &m_writer).height() * 2;
        m_bottom -= m_footer;
    }

    void paint(const ReportContent &content)
    {
        text(content.title(), m_h1, Qt::AlignLeft, QColor(0x22, 0x22, 0x22));
        m_y += pt(4);
        for (const Block &b : content.blocks()) {
            switch (b.kind) {
            case Block::Heading:
                // A heading is not left alone at the foot of a page.
                if (m_y + pt(60) > m_bottom)
                    newPage();
                m_y += pt(8);
                text(b.text, m_h2, Qt::AlignLeft, QColor(0x22, 0x22, 0x22));
                m_y += pt(3);
                break;
            case Block::Paragraph:
                text(b.text, m_base, Qt::AlignLeft, QColor(0x22, 0x22, 0x22));
                m_y += pt(4);
                break;
            case Block::Note:
                text(b.text, m_italic, Qt::AlignLeft, QColor(0x55, 0x55, 0x55));
                m_y += pt(4);
                break;
            case Block::Pre:
                for (const QString &line : b.lines)
                    text(line, m_mono, Qt::AlignLeft, QColor(0x22, 0x22, 0x22));
                m_y += pt(4);
                break;
            case Block::KeyValues:
                keyValues(b);
                break;
            case Block::Table:
                table(b);
                break;
            case Block::Timeline:
                timeline(content);
                break;
            }
        }
        footer();
        m_painter.end();
    }

private:
    /// Points to device units.
    qreal pt(qreal points) const { return points * m_writer.resolution() / 72.0; }

    void newPage()
    {
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
    }

    void footer()
    {
        m_painter.setFont(m_base);
        m_painter.setPen(QColor(0x55, 0x55, 0x55));
        m_painter.drawText(QRectF(0, m_bottom, m_width, m_footer), Qt::AlignHCenter | Qt::AlignBottom,
                           QString::number(m_page));
    }

    /// A laid-out piece of text `width` wide; its height is the sum of its lines'.
    struct Laid
    {
        std::unique_ptr<QTextLayout> layout;
        qreal height = 0;
    };
    Laid lay(const QString &s, const QFont &font, qreal width, Qt::Alignment align)
    {
        Laid laid;
        QString shown = s;
        shown.replace(u'\n', QChar::LineSeparator);
        laid.layout = std::make_unique<QTextLayout>(shown, font, &m_writer);
        QTextOption option(align);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        laid.layout->setTextOption(option);
        laid.layout->setCacheEnabled(true);
        laid.layout->beginLayout();
        while (true) {
            QTextLine line = laid.layout->createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            line.setPosition(QPointF(0, laid.height));
            laid.height += line.height();
        }
        laid.layout->endLayout();
        return laid;
    }

    /// Text across the page's width, broken over pages between its lines.
    void text(const QString &s, const QFont &font, Qt::Alignment align, const QColor &color)
    {
        const Laid laid = lay(s, font, m_width, align);
        m_painter.setPen(color);
        for (int i = 0; i < laid.layout->lineCount(); ++i) {
            const QTextLine line = laid.layout->lineAt(i);
            if (m_y + line.height() > m_bottom)
                newPage();
            line.draw(&m_painter, QPointF(0, m_y - line.y()));
            m_y += line.height();
        }
    }

    qreal naturalWidth(const QString &s, const QFontMetricsF &fm) const
    {
        if (!s.contains(u'\n'))
            return fm.horizontalAdvance(s);
        qreal w = 0;
        for (const QString &part : s.split(u'\n'))
            w = std::max(w, fm.horizontalAdvance(part));
        return w;
    }

    /// Column widths that fill the page: each column as wide as its widest cell when they fit,
    /// else the narrow ones keep theirs and the wide ones share what is left.
    QList<qreal> columnWidths(const QList<qreal> &natural, bool fill, const QList<int> &numeric = {}) const
    {
        const qsizetype n = natural.size();
        QList<qreal> widths = natural;
        qreal total = 0;
        for (qreal w : natural)
            total += w;
        if (total <= m_width) {
            qsizetype grow = n - 1; // the space left goes to the last column of text
            while (grow > 0 && numeric.contains(int(grow)))
                --grow;
            if (fill && n > 0)
                widths[grow] += m_width - total;
            return widths;
        }
        QList<bool> fixed(n, false);
        qreal left = m_width;
        qsizetype open = n;
        bool changed = true;
        while (changed && open > 0) {
            changed = false;
            const qreal share = left / open;
            for (qsizetype i = 0; i < n; ++i) {
                if (!fixed[i] && natural[i] <= share) {
                    fixed[i] = true;
                    left -= natural[i];
                    --open;
                    changed = true;
                }
            }
        }
        qreal wide = 0;
        for (qsizetype i = 0; i < n; ++i)
            if (!fixed[i])
                wide += natural[i];
        for (qsizetype i = 0; i < n; ++i)
            if (!fixed[i])
                widths[i] = std::max(pt(24), left * natural[i] / wide);
        return widths;
    }

    /// One row of cells at m_y: laid out, then drawn with their borders (and a background for
    /// header cells); a new page first when it does not fit.
    void row(const QStringList &cells, const QList<qreal> &widths, const QList<bool> &header,
             const QList<int> &numeric, const QColor &headerBackground,
             const std::function<void()> &onNewPage = {})
    {
        std::vector<Laid> laid;
        laid.reserve(size_t(cells.size()));
        qreal height = 0;
        for (int i = 0; i < cells.size(); ++i) {
            const bool isHeader = header.value(i);
            // A cell is cut at a page's worth of text: the JSON run log has it whole.
            QString s = cells[i].size() > 3000 ? cells[i].left(3000) + u'…' : cells[i];
            laid.push_back(lay(s, isHeader ? m_bold : m_base, widths[i] - 2 * m_pad,
                               numeric.contains(i) ? Qt::AlignRight : Qt::AlignLeft));
            height = std::max(height, laid.back().height);
        }
        height += 2 * m_pad;
        if (m_y + height > m_bottom && m_y > 0) {
            newPage();
            if (onNewPage)
                onNewPage();
        }
        qreal x = 0;
        for (int i = 0; i < cells.size(); ++i) {
            const QRectF cell(x, m_y, widths[i], height);
            if (header.value(i))
                m_painter.fillRect(cell, headerBackground);
            m_painter.setPen(QPen(QColor(0x99, 0x99, 0x99), pt(0.5)));
            m_painter.drawRect(cell);
            m_painter.setPen(QColor(0x22, 0x22, 0x22));
            laid[size_t(i)].layout->draw(&m_painter, QPointF(x + m_pad, m_y + m_pad));
            x += widths[i];
        }
        m_y += height;
    }

    void keyValues(const Block &b)
    {
        const QFontMetricsF bold(m_bold, &m_writer), base(m_base, &m_writer);
        qreal keyWidth = 0, valueWidth = 0;
        for (const auto &[key, lines] : b.keyValues) {
            keyWidth = std::max(keyWidth, naturalWidth(key, bold));
            for (const QString &line : lines)
                valueWidth = std::max(valueWidth, naturalWidth(line, base));
        }
        const QList<qreal> widths =
            columnWidths({keyWidth + 2 * m_pad + pt(1), valueWidth + 2 * m_pad + pt(1)}, false);
        const QColor background = b.cssClass == QLatin1String("homework")  ? QColor(0xdd, 0xe8, 0xf4)
                                  : b.cssClass == QLatin1String("predict") ? QColor(0xe6, 0xf2, 0xe0)
                                                                           : QColor(0xe8, 0xe8, 0xe8);
        for (const auto &[key, lines] : b.keyValues)
            row({key, lines.join(u'\n')}, widths, {true, false}, {}, background);
        m_y += pt(4);
    }

    void table(const Block &b)
    {
        const QFontMetricsF bold(m_bold, &m_writer), base(m_base, &m_writer);
        QList<qreal> natural;
        for (const QString &h : b.headers)
            natural.append(naturalWidth(h, bold));
        for (const QStringList &cells : b.rows)
            for (int i = 0; i < cells.size() && i < natural.size(); ++i)
                if (cells[i].size() * base.maxWidth() > natural[i]) // cannot be the widest otherwise
                    natural[i] = std::max(natural[i], naturalWidth(cells[i].left(400), base));
        for (qreal &w : natural)
            w += 2 * m_pad + pt(1);
        const QList<qreal> widths = columnWidths(natural, true, b.numeric);
        const QList<bool> allHeader(b.headers.size(), true);
        const QColor background(0xe8, 0xe8, 0xe8);
        const auto headerRow = [&] { row(b.headers, widths, allHeader, {}, background); };
        headerRow();
        for (const QStringList &cells : b.rows)
            row(cells, widths, {}, b.numeric, background, headerRow);
        m_y += pt(4);
    }

    void timeline(const ReportContent &content)
    {
        // Drawn 900 units wide, scaled to the page: the text as big as the tables', the rows as
        // tall as in the lab, every line and letter a vector.
        const int rows = std::max<int>(1, int(m_log.processes.size()));
        const QRectF logical(0, 0, 900, std::clamp(rows * 36 + 40, 120, 1200));
        const qreal scale = m_width / logical.width();
        const qreal height = logical.height() * scale;
        if (m_y + height > m_bottom && m_y > 0)
            newPage();
        m_painter.save();
        m_painter.translate(0, m_y);
        m_painter.scale(scale, scale);
        m_painter.setClipRect(logical);
        m_painter.fillRect(logical, Qt::white);
        // The timeline measures its text with the screen's font (QFontMetricsF of QFont()): it
        // draws with that font at the same size in pixels, which the scale then maps to the page
        // (a size in points would be the PDF's 300 dpi, three times too big for its layout).
        QFont font;
        font.setPixelSize(QFontInfo(QFont()).pixelSize());
        m_painter.setFont(font);
        m_options.timeline(m_painter, logical, content.timelineStart(), content.timelineEnd(), m_log);
        m_painter.restore();
        m_y += height + pt(6);
    }

    QPdfWriter &m_writer;
    const RunLog &m_log;
    const RunReport::Options &m_options;
    QPainter m_painter;
    QFont m_base, m_bold, m_italic, m_h1, m_h2, m_mono;
    qreal m_width = 0;
    qreal m_bottom = 0;
    qreal m_footer = 0;
    qreal m_pad = 0;
    qreal m_y = 0;
    int m_page = 1;
};

} // namespace

RunReport::Options &RunReport::defaultOptions()
{
    static Options options;
    return options;
}

QString RunReport::toHtml(const RunLog &log, const Options &options)
{
    return toHtmlPage(ReportContent(log, options), log, options);
}

QByteArray RunReport::toPdf(const RunLog &log, const Options &options)
{
    const ReportContent content(log, options);
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdfWriter(&buffer);
        pdfWriter.setPageSize(QPageSize(QPageSize::A4));
        pdfWriter.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdfWriter.setResolution(300);
        pdfWriter.setTitle(content.title());
        pdfWriter.setCreator(QStringLiteral("Concurrente %1").arg(log.appVersion));
        PdfPainter(pdfWriter, log, options).paint(content);
    }
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
