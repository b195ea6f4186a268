#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSize>
#include <QStringList>

namespace concurrente {

/// What the command line asks for. Parsed before any QCoreApplication exists, so main() can
/// pick QCoreApplication (headless runs, --help, --version: no display needed) or QApplication.
struct CommandLineRequest
{
    enum Mode { Gui, Headless, Help, Version, Error };
    Mode mode = Gui;
    int lesson = 0;      ///< 1…13, or 0: the last page read
    QString language;    ///< "es", "en" or empty (stored / system language)
    QString runFile;     ///< --run
    QStringList exports; ///< --export, in order
    int timeLimitS = 0;  ///< --time-limit; 0: the scenario's
    QString savedRun;    ///< a saved run log to open for review (the one positional argument)
    QSize windowSize;    ///< --window-size; invalid when not given
    int labTab = -1;     ///< --lab-tab: the lab tab to show (LabPanel::Tab), -1 when not given
    bool quitWhenShown = false;
    QString error; ///< Mode::Error: what is wrong, translated
};

class AppCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(AppCommandLine)
public:
    AppCommandLine();

    CommandLineRequest parse(const QStringList &arguments);
    /// The --help text (needs a QCoreApplication, as QCommandLineParser does).
    QString helpText() const { return m_parser.helpText(); }
    /// The error for a --window-size below `smallest`, the least the window can be.
    static QString windowTooSmall(QSize asked, QSize smallest);
    /// The names --lab-tab takes, in the lab's tab order.
    static QStringList labTabNames();

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_lesson;
    QCommandLineOption m_language;
    QCommandLineOption m_run;
    QCommandLineOption m_export;
    QCommandLineOption m_timeLimit;
    QCommandLineOption m_windowSize;
    QCommandLineOption m_labTab;
    QCommandLineOption m_quitWhenShown;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
};

} // namespace concurrente
