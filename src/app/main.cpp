#include "commandline.h"
#include "coursesession.h"
#include "datapaths.h"
#include "export.h"
#include "headlessrun.h"
#include "labpanel.h"
#include "lessoncatalog.h"
#include "mainwindow.h"
#include "run.h"
#include "runcgroup.h"
#include "runreport.h"
#include "runstore.h"
#include "terminationsignals.h"
#include "timelinepainter.h"
#include "uitranslations.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <memory>

using namespace concurrente;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Concurrente"));
    QCoreApplication::setApplicationName(QStringLiteral("concurrente"));
    QCoreApplication::setApplicationVersion(appVersion());
}

// --run, --help and --version need no display: they run under a QCoreApplication, so they
// work over ssh, in CI and in scripts.
int runWithoutWindow(int argc, char **argv, const CommandLineRequest &request)
{
    // No GLib main loop here: Qt's own poll() dispatcher costs less per socket notifier, and a
    // run of 64 QProcess workers watches a few hundred descriptors (about 5% more workers
    // started per second, measured with bench/spawn). The variable is read only when the
    // application object is made, so it is taken away again before any worker could inherit it.
    const bool noGlibWasSet = qEnvironmentVariableIsSet("QT_NO_GLIB");
    if (!noGlibWasSet)
        qputenv("QT_NO_GLIB", "1");
    // An HTML or PDF report lays out text, which needs fonts: a QGuiApplication, on the
    // offscreen platform so no display is needed. Every other headless run stays QtCore only.
    bool needsGui = false;
    if (request.mode == CommandLineRequest::Headless)
        for (const QString &path : request.exports)
            if (const auto format = RunExporter::formatFor(path))
                needsGui |= format->needsGui;
    const QByteArray platformWas = qgetenv("QT_QPA_PLATFORM");
    if (needsGui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> appObject = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                           : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *appObject;
    if (needsGui) {
        // Taken away again before any worker could inherit it.
        if (platformWas.isNull())
            qunsetenv("QT_QPA_PLATFORM");
        else
            qputenv("QT_QPA_PLATFORM", platformWas);
    }
    if (!noGlibWasSet)
        qunsetenv("QT_NO_GLIB");
    setIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (request.mode == CommandLineRequest::Headless)
        return runHeadless(request.runFile, request.exports, out, err, request.timeLimitS, request.language);

    UiTranslations translations;
    translations.setLanguage(CourseSession::systemLanguage());
    AppCommandLine translated; // built after the translator, so the help text is translated
    translated.parse(app.arguments());
    if (request.mode == CommandLineRequest::Help)
        out << translated.helpText();
    else
        out << QStringLiteral("concurrente %1\n").arg(appVersion());
    return 0;
}

int runWindow(int argc, char **argv, const CommandLineRequest &request)
{
    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("concurrente"));
    if (QFile::exists(QStringLiteral(":/icons/concurrente.svg")))
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/concurrente.svg")));

    CourseSession session{LessonCatalog()};
    if (!request.language.isEmpty())
        session.setLanguage(request.language);
    UiTranslations translations;
    translations.setLanguage(session.language());

    MainWindow window(&session, &translations);
    if (request.windowSize.isValid()) {
        // The window cannot be made smaller than its layout allows: say so, naming that size,
        // rather than silently opening at another size than the one asked for.
        const QSize smallest = window.minimumSizeHint().expandedTo(window.minimumSize());
        if (request.windowSize.width() < smallest.width() ||
            request.windowSize.height() < smallest.height()) {
            std::fprintf(stderr, "concurrente: %s\n",
                         qPrintable(AppCommandLine::windowTooSmall(request.windowSize, smallest)));
            return 2;
        }
        window.resize(request.windowSize);
    }
    // SIGTERM, SIGINT or SIGHUP (the terminal closed) close the window the ordinary way, which
    // ends a live run (closeEvent → LabPanel::shutdown()); the status then says the signal.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::signalled, &window, [&window] {
        window.close();
        QCoreApplication::quit();
    });
    window.show();
    session.start(request.lesson);
    int status = 0;
    if (!request.savedRun.isEmpty()) {
        QString error;
        if (!window.openRunFile(request.savedRun, &error)) {
            std::fprintf(stderr, "concurrente: %s\n", qPrintable(error));
            if (request.quitWhenShown) {
                status = 1;
            } else {
                QTimer::singleShot(0, &window, [&window, error] {
                    QMessageBox::warning(&window, MainWindow::tr("Open Run"),
                                         MainWindow::tr("This run cannot be opened.\n\n%1").arg(error));
                });
            }
        }
    }

    if (request.labTab >= 0)
        window.labPanel()->tabs()->setCurrentIndex(request.labTab);
    if (!request.quitWhenShown && request.savedRun.isEmpty())
        QTimer::singleShot(0, &window, &MainWindow::offerInterruptedRuns);

    QTimer exposed;
    QElapsedTimer waited;
    if (request.quitWhenShown) {
        // Close the ordinary way (closeEvent saves the layout) once the window is really on
        // screen with its first page; a window that never appears is a failure, not a hang.
        waited.start();
        exposed.setInterval(20);
        QObject::connect(&exposed, &QTimer::timeout, &window, [&] {
            const bool shown =
                window.windowHandle() && window.windowHandle()->isExposed() && session.currentNumber() > 0;
            if (shown || waited.hasExpired(15'000)) {
                exposed.stop();
                if (!shown) {
                    std::fputs("concurrente: the window was not shown within 15 s\n", stderr);
                    status = 1;
                }
                window.close();
            }
        });
        exposed.start();
    }
    const int rc = app.exec();
    if (const int sig = termination.received())
        return TerminationSignals::exitStatusFor(sig);
    return status != 0 ? status : rc;
}

} // namespace

int main(int argc, char **argv)
{
    RunReport::registerFormats();
    // Reports draw the same timeline as the lab.
    RunReport::defaultOptions().timeline = [](QPainter &painter, const QRectF &rect, qint64 t0, qint64 t1,
                                              const RunLog &log) {
        RunStore store;
        store.load(log);
        TimelinePainter timeline(&store);
        timeline.setPalette(QPalette(Qt::white));
        timeline.rebuild();
        timeline.paint(painter, rect, t0, t1);
    };
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    AppCommandLine commandLine;
    const CommandLineRequest request = commandLine.parse(arguments);
    switch (request.mode) {
    case CommandLineRequest::Error:
        std::fprintf(stderr, "concurrente: %s\nTry 'concurrente --help'.\n", qPrintable(request.error));
        return 2;
    case CommandLineRequest::Headless:
        Run::removeStaleQueues();      // what an app killed with SIGKILL left in /dev/shm
        RunContainment::removeStale(); // and its run cgroups
        return runWithoutWindow(argc, argv, request);
    case CommandLineRequest::Help:
    case CommandLineRequest::Version:
        return runWithoutWindow(argc, argv, request);
    case CommandLineRequest::Gui:
        Run::removeStaleQueues();
        RunContainment::removeStale();
        break;
    }
    return runWindow(argc, argv, request);
}
