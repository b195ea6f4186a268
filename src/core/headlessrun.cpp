#include "headlessrun.h"

#include "export.h"
#include "run.h"
#include "scenario.h"
#include "terminationsignals.h"
#include "workerprocess.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>

#include <memory>

namespace concurrente {

namespace {

class Headless
{
    Q_DECLARE_TR_FUNCTIONS(Headless)

public:
    Headless(Run &run, QTextStream &out) : m_run(run), m_out(out)
    {
        // A line per process start and end, written as they happen: flushed whenever the event
        // loop is about to wait, so a reader sees each line as soon as the run pauses, and 64
        // workers that start together cost one write, not 64.
        if (auto *dispatcher = QAbstractEventDispatcher::instance())
            m_flush = QObject::connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, &m_run,
                                       [this] { m_out.flush(); });
    }
    ~Headless()
    {
        QObject::disconnect(m_flush);
        m_out.flush();
    }
    Headless(const Headless &) = delete;
    Headless &operator=(const Headless &) = delete;

    void watch(WorkerProcess *p)
    {
        QObject::connect(p, &WorkerProcess::started, &m_run,
                         [this, p](qint64 pid) { line(m_startedText.arg(p->name(), QString::number(pid))); });
        QObject::connect(p, &WorkerProcess::stoppedChanged, &m_run, [this, p](bool stopped) {
            line(stopped ? tr("%1 (pid %2) stopped").arg(p->name()).arg(p->pid().value_or(0))
                         : tr("%1 (pid %2) continued").arg(p->name()).arg(p->pid().value_or(0)));
        });
        QObject::connect(p, &WorkerProcess::finished, &m_run, [this, p](std::optional<int> code) {
            if (!p->record().error.isEmpty()) {
                line(tr("%1 could not be started: %2").arg(p->name(), p->record().error));
                return;
            }
            line(m_exitedText.arg(p->name(), QString::number(p->pid().value_or(0)),
                                  code ? QString::number(*code) : QStringLiteral("None")));
        });
    }

    void line(const QString &text)
    {
        const double t = double(monotonicNs() - m_run.startNs()) / 1e9;
        m_out << u'[' << QString::number(t, 'f', 3).rightJustified(7) << QStringLiteral(" s] ") << text
              << u'\n';
    }

    void table()
    {
        const QList<ProcessRecord> &procs = m_run.log().processes;
        int nameWidth = 4;
        for (const ProcessRecord &p : procs)
            nameWidth = std::max(nameWidth, int(p.name.size()));
        nameWidth = std::min(nameWidth, 40);
        auto opt = [](const std::optional<qint64> &v) {
            return v ? QString::number(*v) : QStringLiteral("-");
        };
        m_out << Qt::endl
              << tr("name").leftJustified(nameWidth) << u' ' << tr("pid").rightJustified(8) << u' '
              << tr("ppid").rightJustified(8) << u' ' << tr("exitcode").rightJustified(8) << u' '
              << tr("duration").rightJustified(10) << Qt::endl;
        for (const ProcessRecord &p : procs) {
            QString code = p.exitcode ? QString::number(*p.exitcode) : QStringLiteral("None");
            QString duration = QStringLiteral("-");
            if (p.startNs && p.endNs)
                duration = QStringLiteral("%1 s").arg(double(*p.endNs - *p.startNs) / 1e9, 0, 'f', 3);
            if (!p.error.isEmpty())
                code = tr("failed");
            m_out << p.name.left(nameWidth).leftJustified(nameWidth) << u' ' << opt(p.pid).rightJustified(8)
                  << u' ' << opt(p.ppid).rightJustified(8) << u' ' << code.rightJustified(8) << u' '
                  << duration.rightJustified(10) << Qt::endl;
        }
        const QJsonObject s = m_run.log().summary;
        m_out << tr("wall time %1 s, %2 events, %3 protocol errors")
                     .arg(double(s.value(QStringLiteral("wall_ns")).toInteger()) / 1e9, 0, 'f', 3)
                     .arg(s.value(QStringLiteral("events")).toInteger())
                     .arg(s.value(QStringLiteral("protocol_errors")).toInteger())
              << Qt::endl;
    }

private:
    Run &m_run;
    QTextStream &m_out;
    QMetaObject::Connection m_flush;
    // Translated once: every process starts and ends.
    const QString m_startedText = tr("%1 (pid %2) started");
    const QString m_exitedText = tr("%1 (pid %2) exited with exitcode %3");
};

} // namespace

int runHeadless(const QString &scenarioFile, const QStringList &exports, QTextStream &out, QTextStream &err,
                int timeLimitS, const QString &language)
{
    for (const QString &path : exports) {
        if (!RunExporter::isSupported(path)) {
            err << QCoreApplication::translate("Headless",
                                               "concurrente: %1: unknown export format (use one of: %2)")
                       .arg(path, RunExporter::suffixList())
                << Qt::endl;
            return 1;
        }
    }
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(scenarioFile);
    if (!loaded.ok()) {
        // A file with hundreds of problems: the first ones, then how many more.
        constexpr qsizetype kMaxProblemsPrinted = 40;
        for (const QString &line : loaded.errorStrings(kMaxProblemsPrinted))
            err << QStringLiteral("concurrente: ") << line << Qt::endl;
        return 2;
    }
    // Where the exports go is checked before the run, not after it: an export replaces a
    // regular file (QSaveFile renames over it), so a device (as root, /dev/full would become a
    // file), a FIFO or a folder is refused, and so is the scenario file itself.
    const QString scenarioPath = QFileInfo(scenarioFile).canonicalFilePath();
    for (const QString &path : exports) {
        const QFileInfo target(path);
        QString why;
        if (target.exists() && !target.isFile())
            why = QCoreApplication::translate("Headless", "not a regular file (an export replaces a file)");
        else if (target.exists() && target.canonicalFilePath() == scenarioPath)
            why = QCoreApplication::translate("Headless", "this is the scenario file being run");
        else if (!QFileInfo(target.absolutePath()).isDir())
            why = QCoreApplication::translate("Headless", "the folder %1 does not exist")
                      .arg(target.absolutePath());
        if (!why.isEmpty()) {
            err << QStringLiteral("concurrente: %1: %2").arg(path, why) << Qt::endl;
            return 1;
        }
    }

    // The app creates one for --run; a caller without one (a test, a tool) still gets a loop.
    std::unique_ptr<QCoreApplication> ownApp;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "concurrente";
        static char *argv[] = {name, nullptr};
        ownApp = std::make_unique<QCoreApplication>(argc, argv);
    }

    // Before the run exists: from its first queue on, a signal must end it the proper way.
    TerminationSignals termination;
    bool interrupted = false;
    Scenario scenario = loaded.scenario;
    if (!language.isEmpty())
        scenario.localize(language);
    Run run(scenario);
    if (timeLimitS > 0)
        run.setTimeLimit(timeLimitS);
    Headless progress(run, out);
    for (WorkerProcess *p : run.processes())
        progress.watch(p);
    QObject::connect(&run, &Run::processAdded, &run, [&progress](WorkerProcess *p) { progress.watch(p); });
    bool runFailed = false;
    QObject::connect(&run, &Run::eventRecorded, &run, [&err, &run, &runFailed](const Event &e) {
        const bool queueError = e.kind == EventKind::QueueError;
        if (e.kind == EventKind::ProtocolError || e.kind == EventKind::ActionError || queueError ||
            e.kind == EventKind::CommandError) {
            // A queue_error names its queue in `queue`, the others their process in `name`.
            const QString what =
                e.fields.value(queueError ? QStringLiteral("queue") : QStringLiteral("name")).toString();
            err << QStringLiteral("concurrente: %1: %2 %3: %4")
                       .arg(run.scenario().file.isEmpty() ? QStringLiteral("run") : run.scenario().file,
                            e.ev(), what, e.fields.value(QStringLiteral("message")).toString())
                << Qt::endl;
        }
        if (queueError)
            runFailed = true; // a queue the scenario needs does not exist: the run cannot be what it says
        if (e.kind == EventKind::TimeLimit) {
            err << QCoreApplication::translate(
                       "Headless", "concurrente: the run reached its time limit of %1 s: ending it")
                       .arg(e.fields.value(QStringLiteral("limit_s")).toInt())
                << Qt::endl;
            runFailed = true; // the run did not complete
        }
    });
    QEventLoop loop;
    QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
    QObject::connect(&termination, &TerminationSignals::signalled, &run, [&](int) {
        if (interrupted)
            return;
        interrupted = true;
        err << QCoreApplication::translate("Headless", "concurrente: interrupted: ending the run")
            << Qt::endl;
        run.abort();
    });
    run.start();
    if (!run.isFinished())
        loop.exec();
    progress.table();

    int status = 0;
    if (run.log().summary.value(QStringLiteral("launch_failures")).toInt() > 0 || runFailed)
        status = 1; // the run could not do what the scenario asked
    // A signal that arrives while the exports are written waits in the pipe: each export is
    // finished (they are atomic, so there is never half a file) and the status says the signal.
    for (const QString &path : exports) {
        QString error;
        if (RunExporter::write(run.log(), path, &error)) {
            out << QCoreApplication::translate("Headless", "wrote %1").arg(path) << Qt::endl;
        } else {
            err << QStringLiteral("concurrente: ") << error << Qt::endl;
            status = 1;
        }
    }
    if (const int sig = termination.received()) {
        if (!interrupted)
            err << QCoreApplication::translate("Headless", "concurrente: interrupted") << Qt::endl;
        status = TerminationSignals::exitStatusFor(sig);
    }
    return status;
}

} // namespace concurrente
