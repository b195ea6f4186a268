// Timeline benchmark (bench/timeline/run.sh): how long one full repaint of a large run takes at
// 1440×900, and how long moving the lab's time cursor on it takes (the process table, the tree
// and the console set to that moment, the timeline repainted), against painting an empty
// timeline at the same size (the floor of filling the picture at all); medians over the rounds.
//
// The run is generated the way real runs look (docs/run-log.md): MainProcess starts the workers
// one after another (start_request, forked, start), pairs of them are producers and consumers
// over a queue each (print + put, get + print, a few ms apart), the odd one out prints, and the
// main program joins them all (join_begin, join) as they exit and are reaped.
//
// Headlines: timeline_frame_ms_100k (goal ≤ 16), timeline_scrub_ms (goal ≤ 50),
// timeline_frame_vs_empty.
//
// Usage: bench_timeline [--events N] [--processes P] [--rounds R] [--check] [--save PNG]
#include "benchstats.h"
#include "labpanel.h"
#include "runlog.h"
#include "runstore.h"
#include "timelinepainter.h"
#include "timelineview.h"

#include <QApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QTabWidget>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

using namespace concurrente;

namespace {

using benchstats::median;

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Wall time of `work` in ms; its CPU time (this thread's) is appended to `cpu` when given: on
/// a loaded machine the wall time includes waiting for a core, the CPU time does not.
double timedMs(const std::function<void()> &work, QList<double> *cpu = nullptr)
{
    const double c0 = threadCpuMs();
    const qint64 t0 = monotonicNs();
    work();
    const double ms = double(monotonicNs() - t0) / 1e6;
    if (cpu)
        cpu->append(threadCpuMs() - c0);
    return ms;
}

RunLog makeLog(qsizetype events, int processes)
{
    constexpr qint64 Origin = 5'000'000'000'000; // CLOCK_MONOTONIC of the run's start
    constexpr qint64 Ms = 1'000'000;
    constexpr qint64 Span = 10'000 * Ms; // the workers' work: 10 s
    const int workers = std::max(1, processes - 1);
    const qint64 mainPid = 40'000;
    std::mt19937 rng(7);
    std::uniform_int_distribution<qint64> jitter(0, Ms / 2);
    std::uniform_int_distribution<qint64> wait(Ms / 20, 5 * Ms);

    RunLog log;
    log.appVersion = QStringLiteral("bench");
    log.host = HostInfo::current();
    struct Pending
    {
        Event e;
        qint64 order;
    };
    QList<Pending> out;
    qint64 order = 0;
    const auto add = [&](qint64 t, std::optional<qint64> pid, const char *ev, int proc, QJsonObject f = {}) {
        Event e = Event::make(t, pid, QString::fromLatin1(ev), f);
        e.proc = proc;
        out.append({e, order++});
    };
    for (int w = 0; w < workers; ++w) {
        ProcessRecord p;
        p.index = w;
        p.name = QStringLiteral("Process-%1").arg(w + 1);
        p.pid = mainPid + 1 + w;
        p.ppid = p.parentPid = mainPid;
        p.kind = QStringLiteral("worker");
        p.startMethod = QStringLiteral("fork");
        p.startNs = Origin + Ms + w * Ms;
        p.exitcode = 0;
        log.processes.append(p);
    }
    ProcessRecord main;
    main.name = QStringLiteral("MainProcess");
    main.pid = mainPid;
    main.ppid = 1;
    main.kind = QStringLiteral("main");
    main.startNs = Origin;
    main.exitcode = 0;
    const int mainRow = int(log.processes.size());
    log.processes.append(main);

    add(Origin + Ms / 2, mainPid, "helper_ready", mainRow, {{QStringLiteral("subreaper"), false}});
    for (int w = 0; w < workers; ++w) {
        const ProcessRecord &p = log.processes.at(w);
        const QJsonObject name{{QStringLiteral("name"), p.name}};
        add(*p.startNs, std::nullopt, "start_request", w, name);
        add(*p.startNs + Ms / 5, p.pid, "forked", w,
            {{QStringLiteral("name"), p.name},
             {QStringLiteral("ppid"), mainPid},
             {QStringLiteral("start_method"), QStringLiteral("fork")}});
        add(*p.startNs + Ms / 2, p.pid, "start", w,
            {{QStringLiteral("name"), p.name},
             {QStringLiteral("ppid"), mainPid},
             {QStringLiteral("task"), w % 2 ? QStringLiteral("consumer") : QStringLiteral("producer")},
             {QStringLiteral("daemon"), false},
             {QStringLiteral("start_method"), QStringLiteral("fork")},
             {QStringLiteral("identity"), QString::number(w + 1)}});
    }
    // 9 events per worker for its start, end and join, 3 of the main program; the rest is work:
    // 4 events per message, and the prints of the odd worker out.
    const int pairs = workers / 2;
    const qsizetype fixed = 3 + 9 * qsizetype(workers);
    const qsizetype work = std::max<qsizetype>(0, events - fixed);
    const qsizetype perPair = pairs > 0 ? work / 4 / pairs : 0;
    const qsizetype loner = workers % 2 ? work - perPair * 4 * pairs : 0; // prints of the odd one
    const qint64 workStart = Origin + (workers + 2) * Ms;
    for (int pair = 0; pair < pairs; ++pair) {
        const int prod = 2 * pair;
        const int cons = prod + 1;
        const qint64 prodPid = *log.processes.at(prod).pid;
        const qint64 consPid = *log.processes.at(cons).pid;
        const QString queue = QStringLiteral("q%1").arg(pair);
        for (qsizetype k = 0; k < perPair; ++k) {
            const qint64 t = workStart + k * Span / std::max<qsizetype>(perPair, 1) + jitter(rng);
            const QJsonObject m{{QStringLiteral("queue"), queue},
                                {QStringLiteral("seq"), k},
                                {QStringLiteral("value"), k * k},
                                {QStringLiteral("producer"), prodPid}};
            add(t, prodPid, "print", prod,
                {{QStringLiteral("text"), QStringLiteral("Se pone en la cola: %1").arg(k * k)}});
            add(t + Ms / 20, prodPid, "put", prod, m);
            const qint64 got = t + Ms / 20 + wait(rng);
            add(got, consPid, "get", cons, m);
            add(got + Ms / 50, consPid, "print", cons,
                {{QStringLiteral("text"), QStringLiteral("Se lee de la cola: %1").arg(k * k)}});
        }
    }
    if (loner > 0) {
        const int w = workers - 1;
        for (qsizetype k = 0; k < loner; ++k)
            add(workStart + k * Span / loner, log.processes.at(w).pid, "print", w,
                {{QStringLiteral("text"), QStringLiteral("tick %1").arg(k)}});
    }
    const qint64 workEnd = workStart + Span + 10 * Ms;
    for (int w = 0; w < workers; ++w) {
        ProcessRecord &p = log.processes[w];
        const qint64 end = workEnd + w * Ms;
        const QJsonObject name{{QStringLiteral("name"), p.name}};
        add(end, p.pid, "exit", w, {{QStringLiteral("code"), 0}});
        add(end + Ms / 5, p.pid, "exited", w,
            {{QStringLiteral("name"), p.name},
             {QStringLiteral("exitcode"), 0},
             {QStringLiteral("status"), 0},
             {QStringLiteral("adopted"), false}});
        p.endNs = end + Ms / 5;
        add(w == 0 ? workStart : workEnd + (w - 1) * Ms + Ms / 4, p.pid, "join_begin", w, name);
        add(end + Ms / 4, p.pid, "join", w, name);
        // print of the main program between joins (as the pages' scripts do), and two more
        // lines per worker to reach 9
        add(end + Ms / 3, mainPid, "print", mainRow,
            {{QStringLiteral("text"), QStringLiteral("joined %1").arg(p.name)}});
        add(end + Ms / 3 + 1, p.pid, "result", w, {{QStringLiteral("value"), w}});
    }
    add(workEnd + workers * Ms, std::nullopt, "end_main", mainRow);
    log.processes[mainRow].endNs = workEnd + (workers + 1) * Ms;
    add(*log.processes[mainRow].endNs, mainPid, "exited", mainRow,
        {{QStringLiteral("name"), QStringLiteral("MainProcess")}, {QStringLiteral("exitcode"), 0}});
    std::stable_sort(out.begin(), out.end(), [](const Pending &a, const Pending &b) {
        return a.e.tNs < b.e.tNs || (a.e.tNs == b.e.tNs && a.order < b.order);
    });
    for (const Pending &p : std::as_const(out))
        log.addEvent(p.e);
    log.finalize(*log.processes[mainRow].endNs - Origin);
    return log;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The generated log carries no scenario: the lab's note that it cannot read one is noise here.
    QLoggingCategory::setFilterRules(QStringLiteral("concurrente.scenario=false"));
    qsizetype events = 100'000;
    int processes = 64;
    int rounds = 9;
    bool check = false;
    QString save; // --save PNG: the whole run as painted, to look at
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--events") && i + 1 < args.size())
            events = args.at(++i).toLongLong();
        else if (args.at(i) == QLatin1String("--processes") && i + 1 < args.size())
            processes = std::clamp(args.at(++i).toInt(), 2, 1024);
        else if (args.at(i) == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--check"))
            check = true;
        else if (args.at(i) == QLatin1String("--save") && i + 1 < args.size())
            save = args.at(++i);
    }
    if (check) {
        events = 2000;
        processes = 8;
        rounds = 1;
    }
    const RunLog log = makeLog(events, processes);
    const QSize size(1440, 900);

    // One full repaint: the whole run in a 1440×900 picture, as the lab's view paints it.
    RunStore store;
    store.load(log);
    TimelinePainter painter(&store);
    RunStore none;
    TimelinePainter empty(&none);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const qint64 t0 = painter.dataStartNs();
    const qint64 t1 = painter.dataEndNs();
    QList<double> frame, floor, zoomed, frameCpu, scrubCpu;
    for (int r = 0; r < rounds; ++r) {
        floor.append(timedMs([&] {
            QPainter p(&image);
            empty.paint(p, QRectF(QPointF(0, 0), size), t0, t1);
        }));
        frame.append(timedMs(
            [&] {
                QPainter p(&image);
                painter.paint(p, QRectF(QPointF(0, 0), size), t0, t1);
            },
            &frameCpu));
        // Zoomed in on a second in the middle: only what is visible should cost.
        const qint64 mid = t0 + (t1 - t0) / 2;
        zoomed.append(timedMs([&] {
            QPainter p(&image);
            painter.paint(p, QRectF(QPointF(0, 0), size), mid, mid + 1'000'000'000);
        }));
    }

    if (!save.isEmpty()) {
        QPainter p(&image);
        painter.paint(p, QRectF(QPointF(0, 0), size), t0, t1);
        p.end();
        image.save(save);
    }

    // Scrubbing: the saved run in the lab at 1440×900, the Timeline tab shown; each move sets
    // the table, the tree and the console to the moment and repaints the timeline.
    LabPanel panel;
    panel.resize(size);
    panel.show();
    panel.showSavedRun(log, QStringLiteral("bench.concurrente-run.json"));
    panel.tabs()->setCurrentIndex(LabPanel::TimelineTab);
    QApplication::processEvents();
    TimelineView *view = panel.timelineView();
    view->repaint();
    QList<double> scrub;
    for (int r = 0; r < rounds; ++r) {
        const qint64 at = t0 + (t1 - t0) * (r + 1) / (rounds + 1);
        scrub.append(timedMs(
            [&] {
                view->setCursorTime(at);
                QApplication::processEvents();
                view->repaint();
            },
            &scrubCpu));
    }
    if (panel.store()->eventCount() != store.eventCount() || !view->cursorTime()) {
        std::fprintf(stderr, "bench_timeline: the lab did not show the run\n");
        return 1;
    }

    int messages = store.messageCount();
    const QString n = events % 1000 == 0 ? QStringLiteral("%1k").arg(events / 1000) : QString::number(events);
    std::printf("%d events, %d processes, %d messages, %dx%d, %d rounds, medians:\n", store.eventCount(),
                store.processCount(), messages, size.width(), size.height(), rounds);
    std::printf("  %-52s %10s %10s\n", "row", "ms", "CPU ms");
    std::printf("  %-52s %10.2f\n", "paint an empty timeline (floor)", median(floor));
    std::printf("  %-52s %10.2f %10.2f\n", "paint the whole run", median(frame), median(frameCpu));
    std::printf("  %-52s %10.2f\n", "paint 1 s of it (zoomed in)", median(zoomed));
    std::printf("  %-52s %10.2f %10.2f\n", "move the cursor: lab set to the moment, repainted", median(scrub),
                median(scrubCpu));
    std::printf("timeline_frame_ms_%s: %.2f\n", qPrintable(n), median(frame));
    std::printf("timeline_frame_zoomed_ms_%s: %.2f\n", qPrintable(n), median(zoomed));
    std::printf("timeline_frame_cpu_ms_%s: %.2f\n", qPrintable(n), median(frameCpu));
    std::printf("timeline_scrub_ms: %.2f\n", median(scrub));
    std::printf("timeline_frame_vs_empty: %.1f\n", median(frame) / std::max(median(floor), 0.001));
    return 0;
}
