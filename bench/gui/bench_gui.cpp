// GUI benchmark (bench/gui/run.sh).
//
// Rows:
//   start_app     wall time of `concurrente --lesson 1 --quit-when-shown` (offscreen): process start
//                 to its first frame, plus its exit (an upper bound of start-to-first-frame)
//   start_empty   the same for this program's --empty-window: QApplication + one empty QWidget,
//                 shown, then quit — the floor any Qt Widgets app pays on this machine
//   flood         the lab (LabPanel, offscreen, 600×900) runs N real workers, each printing R
//                 lines a second for S seconds (the `ticker` task). Meanwhile a 10 ms precise timer
//                 on the GUI thread records how late each of its ticks fires: the lag a student
//                 would feel. Peak RSS is this process's VmHWM (the lab and its store; the workers
//                 are other processes).
//
// flood_busy is the GUI thread's CPU time between two ticks of that timer: what made a tick late,
// as this process caused it (a busy machine delays the ticks further, not this figure much).
//
// Headlines: gui_lag_p99_ms, gui_lag_p50_ms, gui_busy_p99_ms, gui_rss_mb, gui_start_ms,
// gui_start_vs_empty_window, gui_events_per_s (events stored per second of the flood).
//
// Usage: bench_gui [--workers N] [--rate R] [--seconds S] [--rounds K] [--tab NAME] [--check]
//                  [--empty-window]
// --tab shows that lab tab (by its English name, e.g. charts or timeline) during the flood.
#include "benchstats.h"
#include "labpanel.h"
#include "run.h"
#include "runstore.h"
#include "scenario.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace concurrente;

namespace {

using benchstats::median;
using benchstats::percentile;

/// VmHWM of this process, in MiB.
double peakRssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

/// Wall milliseconds of one run of `program args` to its exit; -1 when it failed.
double timedRun(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(program);
    p.setArguments(args);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return -1;
    return double(t.nsecsElapsed()) / 1e6;
}

Scenario floodScenario(int workers, int rate, int seconds)
{
    QByteArray w;
    QByteArray main;
    for (int i = 0; i < workers; ++i) {
        if (i > 0) {
            w += ',';
            main += ',';
        }
        w += R"({"task":"ticker","args":{"count":)" + QByteArray::number(qint64(rate) * seconds) +
             R"(,"rate":)" + QByteArray::number(rate) + "}}";
        main += R"({"action":"start","worker":)" + QByteArray::number(i) + "}";
    }
    for (int i = 0; i < workers; ++i)
        main += R"(,{"action":"join","worker":)" + QByteArray::number(i) + "}";
    const QByteArray json =
        R"({"format":"concurrente-scenario/2","title":{"es":"flood","en":"flood"},"workers":[)" + w +
        R"(],"main":[)" + main + "]}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, QStringLiteral("flood.json"));
    if (!r.ok()) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(r.errorStrings().join(u'\n')));
        std::exit(2);
    }
    return r.scenario;
}

/// The same flood run headless (`concurrente --run`): no window, the engine and the workers
/// only — the floor of this machine for that many workers printing that fast.
double headlessEventsPerS(const QString &binDir, int workers, int rate, int seconds,
                          const QProcessEnvironment &env)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flood.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return 0;
    f.write(QJsonDocument(floodScenario(workers, rate, seconds).toJson()).toJson());
    f.close();
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binDir + QStringLiteral("/concurrente"), {QStringLiteral("--run"), path});
    QElapsedTimer t;
    t.start();
    if (!p.waitForFinished((seconds + 120) * 1000) || p.exitCode() != 0)
        return 0;
    const double wall = double(t.nsecsElapsed()) / 1e9;
    // "wall time 7.592 s, 320100 events, ..."
    const QByteArray out = p.readAllStandardOutput();
    const qsizetype at = out.lastIndexOf(" events");
    if (at < 0)
        return 0;
    const qsizetype from = out.lastIndexOf(' ', at - 1) + 1;
    return out.mid(from, at - from).toDouble() / wall;
}

/// CPU time of the calling thread, in ns.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Flood
{
    QList<double> lateMs;
    QList<double> busyMs; ///< the GUI thread's CPU time between two ticks
    double rssMb = 0;
    qint64 events = 0;
    qint64 prints = 0;
    qint64 dropped = 0;
    double wallS = 0;
    bool ok = false;
};

Flood flood(int workers, int rate, int seconds, const QString &tab)
{
    Flood out;
    LabPanel lab;
    lab.resize(600, 900);
    lab.show();
    lab.setScenario(floodScenario(workers, rate, seconds));
    for (int i = 0; i < lab.tabs()->count(); ++i)
        if (!tab.isEmpty() && lab.tabs()->tabText(i).remove(u'&').compare(tab, Qt::CaseInsensitive) == 0)
            lab.tabs()->setCurrentIndex(i);
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 last = 0;
    qint64 lastCpu = threadCpuNs();
    QObject::connect(&probe, &QTimer::timeout, &lab, [&] {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        out.lateMs.append(std::max(0.0, double(now - last) / 1e6 - 10.0));
        out.busyMs.append(double(cpu - lastCpu) / 1e6);
        last = now;
        lastCpu = cpu;
    });
    QEventLoop loop;
    QObject::connect(&lab, &LabPanel::runStateChanged, &loop, [&] {
        if (lab.run() && lab.run()->isFinished())
            loop.quit();
    });
    QTimer::singleShot((seconds + 60) * 1000, &loop, &QEventLoop::quit);
    clock.start();
    probe.start();
    lab.runAction()->trigger();
    loop.exec();
    probe.stop();
    out.wallS = double(clock.nsecsElapsed()) / 1e9;
    out.rssMb = peakRssMb();
    out.ok = lab.run() && lab.run()->isFinished();
    out.events = lab.store()->eventCount();
    out.dropped = lab.store()->log().droppedEvents();
    for (int i = 0; i < lab.store()->eventCount(); ++i)
        out.prints += lab.store()->event(i).kind == EventKind::Print ? 1 : 0;
    return out;
}

int emptyWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWidget w;
    w.resize(800, 600);
    w.show();
    QTimer::singleShot(0, &app, &QCoreApplication::quit);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--empty-window") == 0)
            return emptyWindow(argc, argv);
    QApplication app(argc, argv);
    int workers = 16;
    int rate = 5000;
    int seconds = 10;
    int rounds = 7;
    bool check = false;
    QString tab;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        const auto next = [&] { return i + 1 < args.size() ? args.at(++i).toInt() : 0; };
        if (a == QLatin1String("--workers"))
            workers = next();
        else if (a == QLatin1String("--rate"))
            rate = next();
        else if (a == QLatin1String("--seconds"))
            seconds = next();
        else if (a == QLatin1String("--rounds"))
            rounds = next();
        else if (a == QLatin1String("--tab") && i + 1 < args.size())
            tab = args.at(++i);
        else if (a == QLatin1String("--check"))
            check = true;
    }
    if (check) {
        workers = 2;
        rate = 200;
        seconds = 1;
        rounds = 1;
    }

    // Start-up: the app against an empty window, interleaved round by round.
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const QString binDir =
        qEnvironmentVariable("CONCURRENTE_BIN_DIR", QCoreApplication::applicationDirPath());
    QList<double> appMs;
    QList<double> emptyMs;
    for (int r = 0; r < rounds; ++r) {
        appMs.append(timedRun(binDir + QStringLiteral("/concurrente"),
                              {QStringLiteral("--lesson"), QStringLiteral("1"), QStringLiteral("--language"),
                               QStringLiteral("en"), QStringLiteral("--quit-when-shown")},
                              env));
        emptyMs.append(
            timedRun(QCoreApplication::applicationFilePath(), {QStringLiteral("--empty-window")}, env));
    }
    if (appMs.contains(-1) || emptyMs.contains(-1)) {
        std::fprintf(stderr, "bench_gui: a start-up run failed\n");
        return 1;
    }

    const Flood f = flood(workers, rate, seconds, tab);
    const double headless = headlessEventsPerS(binDir, workers, rate, seconds, env);
    const qint64 expectedPrints = qint64(workers) * rate * seconds;
    std::printf("%-12s %10s %10s %10s\n", "row", "median", "p99", "unit");
    std::printf("%-12s %10.1f %10s %10s\n", "start_app", median(appMs), "", "ms");
    std::printf("%-12s %10.1f %10s %10s\n", "start_empty", median(emptyMs), "", "ms");
    std::printf("%-12s %10.2f %10.2f %10s   (%lld ticks of a 10 ms timer)\n", "flood_lag", median(f.lateMs),
                percentile(f.lateMs, 0.99), "ms", static_cast<long long>(f.lateMs.size()));
    std::printf("%-12s %10.2f %10.2f %10s   (CPU time of the GUI thread between two ticks: the lag's own "
                "cause, which other processes on the machine hardly change)\n",
                "flood_busy", median(f.busyMs), percentile(f.busyMs, 0.99), "ms");
    std::printf("%-12s %10.1f %10s %10s   (%d workers × %d lines/s × %d s: %lld of %lld prints stored, %lld "
                "events, %lld past the cap, %.1f s)\n",
                "flood_rss", f.rssMb, "", "MiB", workers, rate, seconds, static_cast<long long>(f.prints),
                static_cast<long long>(expectedPrints), static_cast<long long>(f.events),
                static_cast<long long>(f.dropped), f.wallS);
    std::printf("%-12s %10.0f %10s %10s   (the same flood, headless: no window)\n", "headless", headless, "",
                "events/s");
    std::printf("gui_lag_p99_ms: %.2f\n", percentile(f.lateMs, 0.99));
    std::printf("gui_lag_p50_ms: %.2f\n", median(f.lateMs));
    std::printf("gui_busy_p99_ms: %.2f\n", percentile(f.busyMs, 0.99));
    std::printf("gui_rss_mb: %.1f\n", f.rssMb);
    std::printf("gui_start_ms: %.1f\n", median(appMs));
    std::printf("gui_start_vs_empty_window: %.2f\n", median(appMs) / median(emptyMs));
    const double guiRate = double(f.events + f.dropped) / f.wallS;
    std::printf("gui_events_per_s: %.0f\n", guiRate);
    std::printf("gui_events_vs_headless: %.2f\n", headless > 0 ? guiRate / headless : 0.0);
    if (!f.ok || (f.prints != expectedPrints && f.dropped == 0)) {
        std::fprintf(stderr, "bench_gui: the flood run did not complete (%lld of %lld prints)\n",
                     static_cast<long long>(f.prints), static_cast<long long>(expectedPrints));
        return 1;
    }
    return 0;
}
