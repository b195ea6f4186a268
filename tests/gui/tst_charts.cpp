// The lab's charts: their series computed in the core (chartdata.h) and the Charts tab drawing
// them. Page 1's sequential and parallel durations from a real run; page 8's wall and CPU time
// per worker and the workers that ran together; pages 11–12's messages per second and latency
// histogram; the free lab's speed-up sweep with real processes, and its cancel.
#include "chartdata.h"
#include "datapaths.h"
#include "labcharts.h"
#include "run.h"
#include "runstore.h"
#include "scenario.h"
#include "themecolors.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QJsonArray>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

ProcessRecord record(const QString &name, const QString &kind, qint64 pid, qint64 startNs, qint64 endNs)
{
    ProcessRecord r;
    r.name = name;
    r.kind = kind;
    r.pid = pid;
    r.ppid = 100;
    r.startNs = startNs;
    r.endNs = endNs;
    r.exitcode = 0;
    return r;
}

Event ev(qint64 t, std::optional<qint64> pid, const QString &kind, int proc, const QJsonObject &fields = {})
{
    Event e = Event::make(t, pid, kind, fields);
    e.proc = proc;
    return e;
}

constexpr qint64 Ms = 1'000'000;

/// Page 8 as its preset runs it: 1 thread, then 2 threads, then processes A and B at once.
RunLog gilLog()
{
    RunLog log;
    log.processes = {record(u"1 thread"_s, u"worker"_s, 101, 0, 2100 * Ms),
                     record(u"2 threads"_s, u"worker"_s, 102, 2200 * Ms, 4300 * Ms),
                     record(u"Process A"_s, u"worker"_s, 103, 4400 * Ms, 5500 * Ms),
                     record(u"Process B"_s, u"worker"_s, 104, 4410 * Ms, 5600 * Ms),
                     record(u"MainProcess"_s, u"main"_s, 100, 0, 5700 * Ms)};
    const auto result = [](qint64 wall, qint64 cpu, int threads, const QJsonArray &perThread) {
        return QJsonObject{{u"value"_s, double(wall) / 1e9},
                           {u"threads"_s, threads},
                           {u"switch_us"_s, 5000},
                           {u"wall_ns"_s, wall},
                           {u"cpu_ns"_s, cpu},
                           {u"gil_switches"_s, 10},
                           {u"thread_cpu_ns"_s, perThread},
                           {u"thread_drops"_s, QJsonArray()}};
    };
    const QJsonObject gil{{u"task"_s, u"gil"_s}};
    log.addEvent(ev(1, 100, u"helper_ready"_s, 4));
    log.addEvent(ev(10 * Ms, 101, u"start"_s, 0, gil));
    log.addEvent(ev(2010 * Ms, 101, u"result"_s, 0, result(2000 * Ms, 1990 * Ms, 1, {1990 * Ms})));
    log.addEvent(ev(2210 * Ms, 102, u"start"_s, 1, gil));
    log.addEvent(ev(4210 * Ms, 102, u"result"_s, 1, result(2000 * Ms, 1980 * Ms, 2, {990 * Ms, 990 * Ms})));
    log.addEvent(ev(4410 * Ms, 103, u"start"_s, 2, gil));
    log.addEvent(ev(4420 * Ms, 104, u"start"_s, 3, gil));
    log.addEvent(ev(5410 * Ms, 103, u"result"_s, 2, result(1000 * Ms, 1000 * Ms, 1, {1000 * Ms})));
    log.addEvent(ev(5520 * Ms, 104, u"result"_s, 3, result(1050 * Ms, 1000 * Ms, 1, {1000 * Ms})));
    return log;
}

QJsonObject msg(const QString &queue, qint64 seq, qint64 producer)
{
    return {{u"queue"_s, queue}, {u"seq"_s, seq}, {u"value"_s, seq}, {u"producer"_s, producer}};
}

/// A producer puts 6 messages into q at 0, 100, … 500 ms; the consumer gets them 1, 1, 3, 3, 3
/// and 12 ms later. Origin 0 (MainProcess starts at 0).
RunLog queueLog()
{
    RunLog log;
    log.processes = {record(u"Producer"_s, u"worker"_s, 101, 0, 900 * Ms),
                     record(u"Consumer"_s, u"worker"_s, 102, 0, 900 * Ms),
                     record(u"MainProcess"_s, u"main"_s, 100, 0, 1000 * Ms)};
    const qint64 waits[] = {1, 1, 3, 3, 3, 12};
    QList<Event> events{ev(0, 100, u"helper_ready"_s, 2)};
    for (int i = 0; i < 6; ++i) {
        events.append(ev(i * 100 * Ms, 101, u"put"_s, 0, msg(u"q"_s, i, 101)));
        events.append(ev(i * 100 * Ms + waits[i] * Ms, 102, u"get"_s, 1, msg(u"q"_s, i, 101)));
    }
    for (const Event &e : std::as_const(events))
        log.addEvent(e);
    return log;
}

/// Runs `run` to its end with `store` watching it (the store then holds the whole run); false
/// when the scenario is invalid or the run did not finish within `timeoutMs`.
bool runWatched(Run &run, RunStore &store, int timeoutMs)
{
    store.watch(&run);
    QSignalSpy done(&run, &Run::finished);
    run.start();
    if (!done.wait(timeoutMs))
        return false;
    store.flush();
    return true;
}

/// A lesson preset's scenario (the test fails in the caller when it is empty).
Scenario preset(const QString &file)
{
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(dataDir() + u"/lessons/presets/"_s + file);
    if (!loaded.ok())
        qWarning("%s", qPrintable(loaded.errorStrings().join(u'\n')));
    return loaded.scenario;
}

/// Why `a` and `b` differ (empty: they are the same).
QString seriesDiff(const QList<ChartSeries> &a, const QList<ChartSeries> &b)
{
    if (a.size() != b.size())
        return u"%1 series against %2"_s.arg(a.size()).arg(b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).name != b.at(i).name || a.at(i).key != b.at(i).key)
            return u"series %1: %2/%3 against %4/%5"_s.arg(i)
                .arg(a.at(i).name)
                .arg(a.at(i).key)
                .arg(b.at(i).name)
                .arg(b.at(i).key);
        if (a.at(i).points != b.at(i).points)
            return u"series %1 (%2): %3 points against %4, or other values"_s.arg(i)
                .arg(a.at(i).name)
                .arg(a.at(i).points.size())
                .arg(b.at(i).points.size());
    }
    return {};
}

QString figuresDiff(const ChartData &data, const RunStore &store)
{
    if (const QString d = seriesDiff(data.cpu(), cpuSeries(store)); !d.isEmpty())
        return u"cpu: "_s + d;
    if (const QString d = seriesDiff(data.queueDepth(), queueDepthSeries(store)); !d.isEmpty())
        return u"queue depth: "_s + d;
    if (const QString d = seriesDiff(data.messageRate(), messageRateSeries(store)); !d.isEmpty())
        return u"rate: "_s + d;
    const LatencyHistogram h1 = data.latency(), h2 = latencyHistogram(store);
    if (h1.binMs != h2.binMs || h1.counts != h2.counts || h1.messages != h2.messages ||
        h1.medianMs != h2.medianMs || h1.maxMs != h2.maxMs)
        return u"latency: %1 messages, median %2 against %3 messages, median %4"_s.arg(h1.messages)
            .arg(h1.medianMs)
            .arg(h2.messages)
            .arg(h2.medianMs);
    const SpeedupFigures s1 = data.speedup(), s2 = speedupFigures(store);
    if (s1.sequentialNs != s2.sequentialNs || s1.parallelNs != s2.parallelNs || s1.workers != s2.workers)
        return u"speed-up: %1/%2/%3 against %4/%5/%6"_s.arg(s1.sequentialNs.value_or(-1))
            .arg(s1.parallelNs.value_or(-1))
            .arg(s1.workers)
            .arg(s2.sequentialNs.value_or(-1))
            .arg(s2.parallelNs.value_or(-1))
            .arg(s2.workers);
    const QList<CpuWorkBar> w1 = data.cpuWork(), w2 = cpuWorkBars(store);
    if (w1.size() != w2.size())
        return u"CPU work: %1 bars against %2"_s.arg(w1.size()).arg(w2.size());
    for (qsizetype i = 0; i < w1.size(); ++i) {
        const CpuWorkBar &a = w1.at(i), &b = w2.at(i);
        if (a.name != b.name || a.names != b.names || a.threads != b.threads || a.wallNs != b.wallNs ||
            a.cpuNs != b.cpuNs || a.threadCpuNs != b.threadCpuNs || a.switchUs != b.switchUs ||
            a.together != b.together)
            return u"CPU work: bar %1 (%2 against %3)"_s.arg(i).arg(a.name, b.name);
    }
    return {};
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pageOneSpeedupFromRealRun();
    void pageEightWallAndCpu();
    void pageElevenRateAndLatency();
    void hiddenChartsWaitUntilShown();
    void darkPaletteIsReadable();
    void sweepPlotsSpeedupAgainstIdeal();
    void sweepCancels();
    void incrementalEqualsFullRecompute_data();
    void incrementalEqualsFullRecompute();
    void longLinesAreThinned();
    void messagesPairedInALaterBatch();
};

void TestCharts::pageOneSpeedupFromRealRun()
{
    const Scenario scenario = preset(u"01-motivation.json"_s);
    QVERIFY(!scenario.workers.isEmpty());
    Run run(scenario);
    RunStore store;
    LabCharts charts(&store);
    QVERIFY(runWatched(run, store, 90000));
    const SpeedupFigures f = speedupFigures(store);
    // The main program calls squares and cubes itself: 2 × 10 × 200 ms of sleeping at least;
    // then two processes do the same at once: 10 × 200 ms at least.
    QVERIFY(f.sequentialNs);
    QVERIFY(f.parallelNs);
    QCOMPARE(f.workers, 2);
    QVERIFY2(*f.sequentialNs >= 4000 * Ms, qPrintable(QString::number(*f.sequentialNs)));
    QVERIFY2(*f.parallelNs >= 2000 * Ms, qPrintable(QString::number(*f.parallelNs)));
    QCOMPARE(*f.speedup(), double(*f.sequentialNs) / double(*f.parallelNs));
    // The parallel part is timed from the first start() to the last join() returning.
    qint64 firstRequest = 0, lastJoin = 0;
    for (int i = 0; i < store.eventCount(); ++i) {
        const Event &e = store.event(i);
        const int row = store.eventProcess(i);
        if (row < 0 || store.process(row).record.kind != u"worker"_s)
            continue;
        if (e.kind == EventKind::StartRequest && firstRequest == 0)
            firstRequest = e.tNs;
        if (e.kind == EventKind::Join)
            lastJoin = std::max(lastJoin, e.tNs);
    }
    QCOMPARE(*f.parallelNs, lastJoin - firstRequest);
    // The chart: two bars, sequential then parallel, in seconds; the speed-up in the title.
    charts.refresh();
    QVERIFY(charts.isChartShown(charts.speedupChart()));
    const QList<QAbstractSeries *> series = charts.speedupChart()->series();
    QCOMPARE(series.size(), 1);
    const QBarSet *set = static_cast<QAbstractBarSeries *>(series.constFirst())->barSets().constFirst();
    QCOMPARE(set->count(), 2);
    QCOMPARE(set->at(0), double(*f.sequentialNs) / 1e9);
    QCOMPARE(set->at(1), double(*f.parallelNs) / 1e9);
    QVERIFY(charts.speedupChart()->title().contains(u"×"_s));
    const auto y = charts.speedupChart()->axes(Qt::Vertical);
    QCOMPARE(y.size(), 1);
    QVERIFY(y.constFirst()->titleText().contains(u"(s)"_s));
    // Not a page with CPU-bound workers or messages.
    QVERIFY(!charts.isChartShown(charts.cpuWorkChart()));
    QVERIFY(!charts.isChartShown(charts.rateChart()));
}

void TestCharts::pageEightWallAndCpu()
{
    RunStore store;
    store.load(gilLog());
    const QList<CpuWorkBar> bars = cpuWorkBars(store);
    QStringList names;
    for (const CpuWorkBar &b : bars)
        names.append(b.name);
    QCOMPARE(names, (QStringList{u"1 thread"_s, u"2 threads"_s, u"Process A"_s, u"Process B"_s,
                                 u"Process A + Process B"_s}));
    QCOMPARE(bars.at(0).wallNs, 2000 * Ms);
    QCOMPARE(bars.at(1).threads, 2);
    QCOMPARE(bars.at(1).threadCpuNs, (QList<qint64>{990 * Ms, 990 * Ms}));
    QCOMPARE(bars.at(1).switchUs, 5000);
    // A and B worked from 4410 to 5520 ms together (B began at 5520 − 1050): 1110 ms of wall
    // time for 2000 ms of CPU.
    const CpuWorkBar &both = bars.at(4);
    QVERIFY(both.together);
    QCOMPARE(both.wallNs, 1110 * Ms);
    QCOMPARE(both.cpuNs, 2000 * Ms);
    QVERIFY(!bars.at(0).together && !bars.at(1).together);

    LabCharts charts(&store);
    QVERIFY(charts.isChartShown(charts.cpuWorkChart()));
    QVERIFY(!charts.isChartShown(charts.speedupChart()));
    const auto *series = static_cast<QAbstractBarSeries *>(charts.cpuWorkChart()->series().constFirst());
    QCOMPARE(series->barSets().size(), 2); // wall, CPU
    QCOMPARE(series->barSets().at(0)->count(), 5);
    // Horizontal bars, the first worker at the top: A and B together are the bottom bar (0).
    QCOMPARE(series->barSets().at(0)->at(0), 1.11);
    QCOMPARE(series->barSets().at(1)->at(0), 2.0);
    QCOMPARE(series->barSets().at(0)->at(4), 2.0); // 1 thread
    // The switch interval is shown.
    QVERIFY2(charts.cpuWorkChart()->title().contains(u"5 ms"_s), qPrintable(charts.cpuWorkChart()->title()));
}

void TestCharts::pageElevenRateAndLatency()
{
    RunStore store;
    store.load(queueLog());
    // Bins of 100 ms: one get in each of the first six, none after.
    const QList<ChartSeries> rate = messageRateSeries(store, 100 * Ms);
    QCOMPARE(rate.size(), 1);
    QCOMPARE(rate.constFirst().name, u"q"_s);
    QList<double> perBin;
    for (int i = 0; i < rate.constFirst().points.size(); i += 2)
        perBin.append(rate.constFirst().points.at(i).y());
    QCOMPARE(perBin.mid(0, 7), (QList<double>{10, 10, 10, 10, 10, 10, 0}));
    QCOMPARE(rate.constFirst().points.at(2).x(), 0.1);
    QCOMPARE(rateBinNs(10'000 * Ms), 500 * Ms);
    QCOMPARE(rateBinNs(Ms), 10 * Ms);

    // Latencies 1, 1, 3, 3, 3, 12 ms in at most 20 bins: 1 ms wide, 13 of them.
    const LatencyHistogram h = latencyHistogram(store);
    QCOMPARE(h.messages, 6);
    QCOMPARE(h.binMs, 1.0);
    QCOMPARE(h.counts.size(), 13);
    QCOMPARE(h.counts.at(1), 2);
    QCOMPARE(h.counts.at(3), 3);
    QCOMPARE(h.counts.at(12), 1);
    QCOMPARE(h.medianMs, 3.0);
    QCOMPARE(h.maxMs, 12.0);
    // In 4 bins they are 5 ms wide.
    const LatencyHistogram four = latencyHistogram(store, 4);
    QCOMPARE(four.binMs, 5.0);
    QCOMPARE(four.counts, (QList<int>{5, 0, 1}));

    LabCharts charts(&store);
    for (QChart *c : {charts.queueChart(), charts.rateChart(), charts.latencyChart()})
        QVERIFY2(charts.isChartShown(c), qPrintable(c->title()));
    QVERIFY(!charts.isChartShown(charts.speedupChart()));
    QVERIFY(!charts.isChartShown(charts.cpuWorkChart()));
    const auto *bars = static_cast<QAbstractBarSeries *>(charts.latencyChart()->series().constFirst());
    QCOMPARE(bars->barSets().constFirst()->count(), 13);
    QVERIFY(charts.latencyChart()->title().contains(u"ms"_s));
}

void TestCharts::hiddenChartsWaitUntilShown()
{
    // Charts are computed from the whole store: while their tab is hidden, a live run's batches
    // must not recompute them (that was the lab's lag under a flood); shown, they catch up.
    const Scenario scenario = preset(u"11-queues-pipes.json"_s);
    QVERIFY(!scenario.workers.isEmpty());
    Run run(scenario);
    RunStore store;
    LabCharts charts(&store);
    QVERIFY(runWatched(run, store, 60000));
    QVERIFY(!queueDepthSeries(store).isEmpty());
    // Hidden: not even after the refresh interval has passed twice over.
    QVERIFY(!QTest::qWaitFor([&] { return charts.isChartShown(charts.queueChart()); }, 1200));
    charts.resize(700, 1400);
    charts.show();
    QTRY_VERIFY(charts.isChartShown(charts.queueChart()));
    QVERIFY(charts.isChartShown(charts.latencyChart()));
}

void TestCharts::darkPaletteIsReadable()
{
    // Titles, axis titles and labels and legends in the palette's text colour on its base, and
    // every shown chart drawn: a dark theme reads as well as a light one.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    RunStore store;
    store.load(queueLog());
    LabCharts charts(&store);
    charts.setPalette(dark);
    charts.resize(700, 1400);
    charts.refresh();
    const QColor base = dark.color(QPalette::Base);
    for (QChart *c : {charts.queueChart(), charts.rateChart(), charts.latencyChart()}) {
        QVERIFY2(charts.isChartShown(c), qPrintable(c->title()));
        QCOMPARE(c->backgroundBrush().color(), base);
        QVERIFY(contrastRatio(c->titleBrush().color(), base) >= 4.5);
        QVERIFY(contrastRatio(c->legend()->labelColor(), base) >= 4.5);
        for (QAbstractAxis *a : c->axes()) {
            QVERIFY2(contrastRatio(a->labelsBrush().color(), base) >= 4.5, qPrintable(a->titleText()));
            QVERIFY2(contrastRatio(a->titleBrush().color(), base) >= 4.5, qPrintable(a->titleText()));
        }
    }
    // CONCURRENTE_SHOT_DIR: a picture to look at.
    if (const QString dir = qEnvironmentVariable("CONCURRENTE_SHOT_DIR"); !dir.isEmpty())
        charts.grab().save(dir + u"/charts-dark.png"_s);
}

void TestCharts::sweepPlotsSpeedupAgainstIdeal()
{
    RunStore store;
    LabCharts charts(&store);
    charts.setSweepAvailable(true);
    charts.setSweepWorkMs(200);
    QVERIFY(charts.sweepButton()->isVisibleTo(&charts));
    QSignalSpy points(charts.sweep(), &SpeedupSweep::pointAdded);
    QSignalSpy finished(charts.sweep(), &SpeedupSweep::finished);
    QSignalSpy failed(charts.sweep(), &SpeedupSweep::failed);
    charts.sweep()->start(2, 200);
    QVERIFY(charts.sweep()->isRunning());
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(points.size(), 2);
    const QList<QPointF> s = charts.sweep()->speedups();
    QCOMPARE(s.size(), 2);
    QCOMPARE(s.at(0), QPointF(1, 1));
    QCOMPARE(s.at(1).x(), 2.0);
    QVERIFY(s.at(1).y() > 0);
    // Drawn: the ideal line from (1, 1) to (2, 2) and the measured one.
    QVERIFY(charts.isChartShown(charts.sweepChart()));
    const QList<QAbstractSeries *> series = charts.sweepChart()->series();
    QVERIFY(series.size() >= 2);
    const auto *ideal = static_cast<QLineSeries *>(series.at(0));
    QCOMPARE(ideal->points(), (QList<QPointF>{{1, 1}, {2, 2}}));
    QCOMPARE(static_cast<QLineSeries *>(series.at(1))->points(), s);
    QVERIFY(!charts.sweep()->isRunning());
}

void TestCharts::sweepCancels()
{
    SpeedupSweep sweep;
    QSignalSpy progress(&sweep, &SpeedupSweep::progress);
    QSignalSpy cancelled(&sweep, &SpeedupSweep::cancelled);
    QSignalSpy finished(&sweep, &SpeedupSweep::finished);
    sweep.start(2, 20000); // long enough never to end by itself here
    QCOMPARE(progress.size(), 1);
    QVERIFY(sweep.isRunning());
    sweep.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!sweep.isRunning());
    QVERIFY(sweep.points().isEmpty());
    QCOMPARE(finished.size(), 0);
}

QTEST_MAIN(TestCharts)
void TestCharts::incrementalEqualsFullRecompute_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("page 1: sequential against parallel") << u"01-motivation.json"_s;
    QTest::newRow("page 8: threads against processes") << u"08-gil.json"_s;
    QTest::newRow("page 11: queues and pipes") << u"11-queues-pipes.json"_s;
    QTest::newRow("page 12: producers and consumers") << u"12-exercise-3.json"_s;
}

void TestCharts::incrementalEqualsFullRecompute()
{
    // ChartData takes in each batch of a live run; after every one, each of its figures equals
    // the one computed from the whole store at that moment.
    QFETCH(QString, file);
    const Scenario scenario = preset(file);
    QVERIFY(!scenario.workers.isEmpty());
    Run run(scenario);
    RunStore store;
    ChartData data(&store);
    int batches = 0;
    QString firstDiff;
    connect(&store, &RunStore::updated, this, [&] {
        ++batches;
        data.update();
        if (firstDiff.isEmpty())
            if (const QString d = figuresDiff(data, store); !d.isEmpty())
                firstDiff = u"after batch %1: "_s.arg(batches) + d;
    });
    QVERIFY(runWatched(run, store, 90000));
    QVERIFY2(firstDiff.isEmpty(), qPrintable(firstDiff));
    QVERIFY2(batches >= 2, qPrintable(QString::number(batches)));
    // Something to compare: CPU samples, or messages.
    QVERIFY(!data.cpu().isEmpty() || data.hasMessages());
    if (file.startsWith(u"11"_s)) {
        QVERIFY(data.hasMessages());
        QVERIFY(data.latency().messages > 0);
    }
    if (file.startsWith(u"08"_s))
        QCOMPARE(data.cpuWork().size(), cpuWorkBars(store).size());
    // The store emptied (a new run): it starts over.
    store.clear();
    data.update();
    QVERIFY2(figuresDiff(data, store).isEmpty(), qPrintable(figuresDiff(data, store)));
}

void TestCharts::messagesPairedInALaterBatch()
{
    // A store that grows one event at a time (each prefix of the log loaded in turn, as a live
    // store would hold it): a message put in one update and got in a later one is counted.
    const RunLog full = queueLog();
    ChartData data;
    RunStore store;
    data.setStore(&store);
    for (qsizetype n = 1; n <= full.events().size(); ++n) {
        RunLog prefix;
        prefix.processes = full.processes;
        for (qsizetype i = 0; i < n; ++i)
            prefix.addEvent(full.events().at(i));
        store.load(prefix);
        data.update();
        QVERIFY2(figuresDiff(data, store).isEmpty(),
                 qPrintable(u"after %1 events: "_s.arg(n) + figuresDiff(data, store)));
    }
    QCOMPARE(data.latency().messages, 6);
}

void TestCharts::longLinesAreThinned()
{
    // A line of many points is drawn with at most MaxPointsPerLine of them, keeping its peaks.
    RunLog log;
    log.processes = {record(u"Producer"_s, u"worker"_s, 101, 0, 60'000 * Ms),
                     record(u"Consumer"_s, u"worker"_s, 102, 0, 60'000 * Ms),
                     record(u"MainProcess"_s, u"main"_s, 100, 0, 60'000 * Ms)};
    log.addEvent(ev(0, 100, u"helper_ready"_s, 2));
    // 6000 messages: each got 1 ms after its put, but message 3000 waits 5 s with 40 more.
    for (int i = 0; i < 6000; ++i) {
        const qint64 put = i * 10 * Ms;
        log.addEvent(ev(put, 101, u"put"_s, 0, msg(u"q"_s, i, 101)));
        if (i < 3000 || i > 3040)
            log.addEvent(ev(put + Ms, 102, u"get"_s, 1, msg(u"q"_s, i, 101)));
    }
    for (int i = 3000; i <= 3040; ++i)
        log.addEvent(ev(35'000 * Ms, 102, u"get"_s, 1, msg(u"q"_s, i, 101)));
    RunStore store;
    store.load(log);
    const QList<ChartSeries> depth = queueDepthSeries(store);
    QCOMPARE(depth.size(), 1);
    QVERIFY(depth.constFirst().points.size() > 4 * LabCharts::MaxPointsPerLine);
    LabCharts charts(&store);
    QVERIFY(charts.isChartShown(charts.queueChart()));
    const auto *line = static_cast<QLineSeries *>(charts.queueChart()->series().constFirst());
    QVERIFY2(line->count() <= LabCharts::MaxPointsPerLine + 4, qPrintable(QString::number(line->count())));
    QVERIFY(line->count() > LabCharts::MaxPointsPerLine / 2);
    double peak = 0;
    for (const QPointF &p : line->points())
        peak = std::max(peak, p.y());
    double fullPeak = 0;
    for (const QPointF &p : depth.constFirst().points)
        fullPeak = std::max(fullPeak, p.y());
    QCOMPARE(fullPeak, 42.0); // 41 messages waiting, and the one just put
    QCOMPARE(peak, fullPeak);
    QCOMPARE(line->points().constLast(), depth.constFirst().points.constLast());
    QCOMPARE(line->points().constFirst(), depth.constFirst().points.constFirst());
}

#include "tst_charts.moc"
