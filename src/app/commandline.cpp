#include "commandline.h"

#include "lessoncatalog.h"
#include "scenario.h"

#include <QRegularExpression>

namespace concurrente {

AppCommandLine::AppCommandLine()
    : m_lesson(QStringLiteral("lesson"),
               tr("Open the lesson at page <N> (1–%1).").arg(LessonCatalog::PageCount), QStringLiteral("N")),
      m_language(QStringLiteral("language"), tr("Interface and lesson language: es or en."),
                 QStringLiteral("LANG")),
      m_run(QStringLiteral("run"),
            tr("Run the scenario in <FILE> with real processes, without a window; print progress and a final "
               "table."),
            QStringLiteral("FILE")),
      m_export(QStringLiteral("export"),
               tr("With --run: write the run to <OUT>; the format follows the extension (.json run log, .csv "
                  "one row per event, .trace.json Perfetto trace, .html or .pdf report). May be given more "
                  "than once."),
               QStringLiteral("OUT")),
      m_timeLimit(QStringLiteral("time-limit"),
                  tr("With --run: end the run after <SECONDS> (1–%1; default: the scenario's time_limit_s, "
                     "else %2).")
                      .arg(kMaxTimeLimitS)
                      .arg(kDefaultTimeLimitS),
                  QStringLiteral("SECONDS")),
      m_windowSize(QStringLiteral("window-size"), tr("Open the window at <WxH> pixels, e.g. 1024x640."),
                   QStringLiteral("WxH")),
      m_labTab(QStringLiteral("lab-tab"),
               tr("Show the lab's tab <NAME> first: %1.").arg(labTabNames().join(QStringLiteral(", "))),
               QStringLiteral("NAME")),
      m_quitWhenShown(
          QStringLiteral("quit-when-shown"),
          tr("Open the window, show the first page, then close normally (for tests and scripts).")),
      m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
             QCoreApplication::translate("AppCommandLine", "Show this help and exit.")),
      m_version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                QCoreApplication::translate("AppCommandLine", "Show the version and exit."))
{
    m_parser.setApplicationDescription(QCoreApplication::translate(
        "AppCommandLine",
        "Concurrente: a course companion for Cómputo Concurrente — Multiprocessing. Read each lesson and run "
        "its example with real operating-system processes."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addPositionalArgument(QStringLiteral("RUN"),
                                   tr("A saved run (.concurrente-run.json) to open for review."),
                                   QStringLiteral("[RUN]"));
    for (const auto &o : {m_lesson, m_language, m_run, m_export, m_timeLimit, m_windowSize, m_labTab,
                          m_quitWhenShown, m_help, m_version})
        m_parser.addOption(o);
}

CommandLineRequest AppCommandLine::parse(const QStringList &arguments)
{
    CommandLineRequest r;
    auto fail = [&r](const QString &error) {
        r.mode = CommandLineRequest::Error;
        r.error = error;
        return r;
    };
    if (!m_parser.parse(arguments))
        return fail(m_parser.errorText());
    if (m_parser.isSet(m_help)) {
        r.mode = CommandLineRequest::Help;
        return r;
    }
    if (m_parser.isSet(m_version)) {
        r.mode = CommandLineRequest::Version;
        return r;
    }
    // One file to open: a saved run (`concurrente run.concurrente-run.json`, as a file manager
    // passes it). Whether it really is one is for the window to say, naming the file.
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > 1)
        return fail(tr("Unexpected argument: %1").arg(positional.at(1)));
    if (!positional.isEmpty() && m_parser.isSet(m_run))
        return fail(tr("Unexpected argument: %1").arg(positional.constFirst()));
    if (!positional.isEmpty())
        r.savedRun = positional.constFirst();

    if (m_parser.isSet(m_run)) {
        r.mode = CommandLineRequest::Headless;
        r.runFile = m_parser.value(m_run);
        r.exports = m_parser.values(m_export);
        if (m_parser.isSet(m_timeLimit)) {
            bool ok = false;
            r.timeLimitS = m_parser.value(m_timeLimit).toInt(&ok);
            if (!ok || r.timeLimitS < 1 || r.timeLimitS > kMaxTimeLimitS)
                return fail(tr("--time-limit must be a number of seconds from 1 to %1, not \"%2\".")
                                .arg(kMaxTimeLimitS)
                                .arg(m_parser.value(m_timeLimit)));
        }
        if (m_parser.isSet(m_lesson) || m_parser.isSet(m_windowSize) || m_parser.isSet(m_quitWhenShown) ||
            m_parser.isSet(m_labTab))
            return fail(tr("--run does not open a window: --lesson, --window-size, --lab-tab and "
                           "--quit-when-shown do not apply."));
        return r;
    }
    if (m_parser.isSet(m_export))
        return fail(tr("--export needs --run."));
    if (m_parser.isSet(m_timeLimit))
        return fail(tr("--time-limit needs --run."));

    if (m_parser.isSet(m_lesson)) {
        bool ok = false;
        const int n = m_parser.value(m_lesson).toInt(&ok);
        if (!ok || n < 1 || n > LessonCatalog::PageCount)
            return fail(tr("--lesson must be a page number from 1 to %1, not \"%2\".")
                            .arg(LessonCatalog::PageCount)
                            .arg(m_parser.value(m_lesson)));
        r.lesson = n;
    }
    if (m_parser.isSet(m_language)) {
        r.language = m_parser.value(m_language).toLower();
        if (!LessonCatalog::languages().contains(r.language))
            return fail(tr("--language must be one of: %1.")
                            .arg(LessonCatalog::languages().join(QStringLiteral(", "))));
    }
    if (m_parser.isSet(m_windowSize)) {
        // Only the form here: the smallest size the window can take depends on its fonts and
        // style, so main() checks that against the window itself (windowTooSmall()).
        static const QRegularExpression re(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
        const auto m = re.match(m_parser.value(m_windowSize));
        if (!m.hasMatch())
            return fail(
                tr("--window-size must be a width and a height in pixels, such as 1024x640, not \"%1\".")
                    .arg(m_parser.value(m_windowSize)));
        r.windowSize = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    if (m_parser.isSet(m_labTab)) {
        r.labTab = int(labTabNames().indexOf(m_parser.value(m_labTab).toLower()));
        if (r.labTab < 0)
            return fail(tr("--lab-tab must be one of: %1; not \"%2\".")
                            .arg(labTabNames().join(QStringLiteral(", ")), m_parser.value(m_labTab)));
    }
    r.quitWhenShown = m_parser.isSet(m_quitWhenShown);
    return r;
}

QStringList AppCommandLine::labTabNames()
{
    // LabPanel::Tab's order.
    return {QStringLiteral("workers"),  QStringLiteral("processes"), QStringLiteral("tree"),
            QStringLiteral("console"),  QStringLiteral("events"),    QStringLiteral("messages"),
            QStringLiteral("timeline"), QStringLiteral("charts")};
}

QString AppCommandLine::windowTooSmall(QSize asked, QSize smallest)
{
    return tr("--window-size %1x%2 is smaller than the window can be: it needs at least %3x%4 pixels.")
        .arg(asked.width())
        .arg(asked.height())
        .arg(smallest.width())
        .arg(smallest.height());
}

} // namespace concurrente
