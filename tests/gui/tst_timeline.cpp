// The timeline, offscreen: its geometry on a hand-made saved run (lanes in tree order, bars
// shaded by state, an arrow per message, a marker per event that has one), hit-testing,
// scrubbing the lab to a moment, and following a live run until frozen.

#include "labcharts.h"
#include "labmodels.h"
#include "labpanel.h"
#include "labtext.h"
#include "run.h"
#include "runstore.h"
#include "scenario.h"
#include "timelinepainter.h"
#include "timelineview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChart>
#include <QImage>
#include <QJsonArray>
#include <QLineSeries>
#include <QPainter>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

using namespace concurrente;
using namespace Qt::StringLiterals;
using Painter = TimelinePainter;

namespace {

ProcessRecord record(const QString &name, const QString &kind, qint64 pid, qint64 ppid, qint64 parentPid,
                     qint64 startNs, qint64 endNs, std::optional<int> exitcode)
{
    ProcessRecord r;
    r.name = name;
    r.kind = kind;
    r.pid = pid;
    r.ppid = ppid;
    if (kind != QLatin1String("main"))
        r.parentPid = parentPid;
    r.startNs = startNs;
    r.endNs = endNs;
    r.exitcode = exitcode;
    return r;
}

Event ev(qint64 t, std::optional<qint64> pid, const QString &kind, int proc, const QJsonObject &fields = {})
{
    Event e = Event::make(t, pid, kind, fields);
    e.proc = proc;
    return e;
}

QJsonObject msg(qint64 seq, int value)
{
    return {{u"queue"_s, u"q"_s}, {u"seq"_s, seq}, {u"value"_s, value}, {u"producer"_s, 101}};
}

// Rows (the log's order): 0 Producer, 1 Consumer, 2 MainProcess, 3 Producer's child, orphaned.
enum Row { Producer, Consumer, Main, Child };

/// Times in ns (origin 1000): the producer starts at 1000, runs at 1200, puts 7 and 8 that the
/// consumer gets, prints, is stopped at 2000 and continued at 3000; its child is adopted at
/// 3500; the consumer raises and is terminated; the main program joins with a timeout, then
/// joins the producer.
RunLog savedLog()
{
    RunLog log;
    log.scenario = QJsonObject{{u"pipes"_s, QJsonArray()}};
    log.processes = {
        record(u"Producer"_s, u"worker"_s, 101, 100, 100, 1100, 6000, 0),
        record(u"Consumer"_s, u"worker"_s, 102, 100, 100, 1150, 5000, -15),
        record(u"MainProcess"_s, u"main"_s, 100, 1, 0, 1000, 7000, 0),
        record(u"Producer:1"_s, u"child"_s, 103, 100, 101, 1500, 6500, 0),
    };
    log.addEvent(ev(1000, 100, u"helper_ready"_s, Main));
    log.addEvent(ev(1100, std::nullopt, u"start_request"_s, Producer, {{u"name"_s, u"Producer"_s}}));
    log.addEvent(ev(1150, std::nullopt, u"start_request"_s, Consumer, {{u"name"_s, u"Consumer"_s}}));
    log.addEvent(ev(1200, 101, u"start"_s, Producer, {{u"ppid"_s, 100}}));
    log.addEvent(ev(1250, 102, u"start"_s, Consumer, {{u"ppid"_s, 100}}));
    log.addEvent(ev(1300, 101, u"put"_s, Producer, msg(0, 7)));
    log.addEvent(ev(1400, 102, u"get"_s, Consumer, msg(0, 7)));
    log.addEvent(ev(1410, 101, u"put"_s, Producer, msg(1, 8)));
    log.addEvent(ev(1450, 102, u"get"_s, Consumer, msg(1, 8)));
    log.addEvent(ev(1500, 103, u"start"_s, Child, {{u"ppid"_s, 101}}));
    log.addEvent(ev(1600, 101, u"print"_s, Producer, {{u"text"_s, u"first line"_s}}));
    log.addEvent(ev(2000, std::nullopt, u"stop"_s, Producer, {{u"name"_s, u"Producer"_s}}));
    log.addEvent(ev(2500, 102, u"print"_s, Consumer, {{u"text"_s, u"second line"_s}}));
    log.addEvent(ev(3000, std::nullopt, u"continue"_s, Producer, {{u"name"_s, u"Producer"_s}}));
    log.addEvent(ev(3500, 103, u"reparented"_s, Child, {{u"old_ppid"_s, 101}, {u"ppid"_s, 100}}));
    log.addEvent(
        ev(4000, 102, u"error"_s, Consumer, {{u"type"_s, u"ValueError"_s}, {u"message"_s, u"bad"_s}}));
    log.addEvent(ev(4500, 102, u"print"_s, Consumer, {{u"text"_s, u"third line"_s}}));
    log.addEvent(ev(4900, std::nullopt, u"terminate"_s, Consumer, {{u"name"_s, u"Consumer"_s}}));
    log.addEvent(ev(5050, std::nullopt, u"join_timeout"_s, Producer,
                    {{u"name"_s, u"Producer"_s}, {u"timeout_ms"_s, 0.0001}, {u"is_alive"_s, true}}));
    log.addEvent(ev(6000, std::nullopt, u"join"_s, Producer, {{u"name"_s, u"Producer"_s}}));
    log.addEvent(ev(6600, std::nullopt, u"end_main"_s, Main));
    return log;
}

/// The event index of the first event `kind` about `row`.
int eventOf(const RunStore &store, const QString &kind, int row)
{
    for (int i = 0; i < store.eventCount(); ++i)
        if (store.event(i).ev() == kind && store.eventProcess(i) == row)
            return i;
    return -1;
}

Scenario scenarioFrom(const QByteArray &body)
{
    const QByteArray json = R"({"format":"concurrente-scenario/2","title":{"es":"t","en":"t"},)" + body + "}";
    const ScenarioLoadResult r = ScenarioLoader::loadData(json, u"test.json"_s);
    if (!r.ok())
        qWarning() << r.errorStrings();
    return r.scenario;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanesInTreeOrder();
    void barsShadedByState();
    void joinBeginShadesTheWait();
    void arrowPerMessage();
    void markers_data();
    void markers();
    void paintsPixels();
    void laneNamesNeverOverlap();
    void printFloodPaintsEachPixel();
    void viewKeepsItsPicture();
    void scrubSetsTheLab();
    void mouseScrubs();
    void zoomAndPan();
    void followsLiveRun();
    void queueDepthChart();
};

void TestTimeline::lanesInTreeOrder()
{
    RunStore store;
    store.load(savedLog());
    Painter painter(&store);
    QCOMPARE(painter.lanes(), (QList<int>{Main, Producer, Child, Consumer}));
    QCOMPARE(painter.depthOf(Main), 0);
    QCOMPARE(painter.depthOf(Child), 2);
    const Painter::Frame f = painter.frame(QRectF(0, 0, 1000, 400), 1000, 7000);
    double lastTop = -1;
    for (int row : painter.lanes()) {
        const QRectF lane = painter.laneRect(f, row);
        QVERIFY(lane.top() > lastTop);
        QVERIFY(f.plot.contains(lane.center()));
        lastTop = lane.top();
    }
    // The bar spans start to end.
    const QRectF bar = painter.barRect(f, Consumer);
    QCOMPARE(bar.left(), f.x(1150));
    QCOMPARE(bar.right(), f.x(5000));
}

void TestTimeline::barsShadedByState()
{
    RunStore store;
    store.load(savedLog());
    Painter painter(&store);
    using S = Painter::Shade;
    const QList<Painter::Segment> producer = painter.segments(Producer);
    QCOMPARE(producer.size(), 4);
    const QList<std::tuple<qint64, qint64, S>> expected{{1100, 1200, S::Starting},
                                                        {1200, 2000, S::Running},
                                                        {2000, 3000, S::Stopped},
                                                        {3000, 6000, S::Running}};
    for (int i = 0; i < producer.size(); ++i) {
        QCOMPARE(producer.at(i).t0, std::get<0>(expected.at(i)));
        QCOMPARE(producer.at(i).t1, std::get<1>(expected.at(i)));
        QCOMPARE(producer.at(i).shade, std::get<2>(expected.at(i)));
    }
    // The main program waits in join() from its previous action (the timed-out join, which
    // waited its 100 ns timeout) on.
    QCOMPARE(painter.joinWaits().size(), 2);
    const Painter::JoinWait join = painter.joinWaits().at(1);
    QCOMPARE(join.waiter, int(Main));
    QCOMPARE(join.target, int(Producer));
    QCOMPARE(join.beginNs, 5050);
    QCOMPARE(join.endNs, 6000);
    bool joining = false;
    for (const Painter::Segment &s : painter.segments(Main))
        joining = joining || (s.shade == S::Joining && s.t0 == 4950 && s.t1 == 6000);
    QVERIFY(joining);
}

void TestTimeline::joinBeginShadesTheWait()
{
    // A log with join_begin: the wait is shaded from it, not from the previous action (5050).
    RunLog log = savedLog();
    RunLog withBegin;
    withBegin.scenario = log.scenario;
    withBegin.processes = log.processes;
    for (const Event &e : log.events()) {
        if (e.kind == EventKind::Join)
            withBegin.addEvent(
                ev(5500, std::nullopt, u"join_begin"_s, Producer, {{u"name"_s, u"Producer"_s}}));
        withBegin.addEvent(e);
    }
    RunStore store;
    store.load(withBegin);
    Painter painter(&store);
    QCOMPARE(painter.joinWaits().size(), 2);
    const Painter::JoinWait join = painter.joinWaits().at(1);
    QCOMPARE(join.beginNs, 5500);
    QCOMPARE(join.endNs, 6000);
    using S = Painter::Shade;
    QList<std::tuple<qint64, qint64, S>> main;
    for (const Painter::Segment &s : painter.segments(Main))
        main.append({s.t0, s.t1, s.shade});
    QVERIFY(main.contains(std::tuple<qint64, qint64, S>{5500, 6000, S::Joining}));
    for (const auto &[t0, t1, shade] : std::as_const(main))
        QVERIFY2(shade != S::Joining || t0 >= 4950, "no wait before the timed-out join");
}

void TestTimeline::arrowPerMessage()
{
    RunStore store;
    store.load(savedLog());
    Painter painter(&store);
    const Painter::Frame f = painter.frame(QRectF(0, 0, 1200, 500), 1000, 7000);
    QCOMPARE(store.messageCount(), 2);
    for (int i = 0; i < store.messageCount(); ++i) {
        const std::optional<QLineF> line = painter.arrowLine(f, i);
        QVERIFY(line);
        QCOMPARE(line->x1(), f.x(*store.message(i).putNs));
        QCOMPARE(line->x2(), f.x(*store.message(i).getNs));
        QCOMPARE(line->y1(), painter.laneRect(f, Producer).center().y());
        QCOMPARE(line->y2(), painter.laneRect(f, Consumer).center().y());
        const Painter::Hit hit = painter.itemAt(f, line->center());
        QCOMPARE(hit.kind, Painter::Hit::Arrow);
        QCOMPARE(hit.message, i);
    }
}

void TestTimeline::markers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("row");      // the event's process
    QTest::addColumn<int>("lane");     // the lane its marker is on
    QTest::addColumn<int>("expected"); // Painter::MarkerKind
    using M = Painter::MarkerKind;
    QTest::newRow("start()") << u"start_request"_s << int(Producer) << int(Producer) << int(M::Start);
    QTest::newRow("stop") << u"stop"_s << int(Producer) << int(Producer) << int(M::Stop);
    QTest::newRow("continue") << u"continue"_s << int(Producer) << int(Producer) << int(M::Continue);
    QTest::newRow("print") << u"print"_s << int(Producer) << int(Producer) << int(M::Print);
    QTest::newRow("error") << u"error"_s << int(Consumer) << int(Consumer) << int(M::Error);
    QTest::newRow("terminate") << u"terminate"_s << int(Consumer) << int(Consumer) << int(M::Terminate);
    QTest::newRow("re-parented") << u"reparented"_s << int(Child) << int(Child) << int(M::Reparented);
    QTest::newRow("join timeout, on the main lane")
        << u"join_timeout"_s << int(Producer) << int(Main) << int(M::JoinTimeout);
    QTest::newRow("join, on the main lane") << u"join"_s << int(Producer) << int(Main) << int(M::Join);
}

void TestTimeline::markers()
{
    QFETCH(QString, kind);
    QFETCH(int, row);
    QFETCH(int, lane);
    QFETCH(int, expected);
    RunStore store;
    store.load(savedLog());
    Painter painter(&store);
    const Painter::Frame f = painter.frame(QRectF(0, 0, 1400, 500), 1000, 7000);
    const int event = eventOf(store, kind, row);
    QVERIFY(event >= 0);
    const std::optional<QPointF> at = painter.markerPos(f, event);
    QVERIFY(at);
    QCOMPARE(at->x(), f.x(store.event(event).tNs));
    QCOMPARE(at->y(), painter.laneRect(f, lane).center().y());
    const Painter::Hit hit = painter.itemAt(f, *at);
    QCOMPARE(hit.kind, Painter::Hit::Marker);
    QCOMPARE(hit.event, event);
    QCOMPARE(int(hit.marker), expected);
    // An event without a marker has no position.
    QVERIFY(!painter.markerPos(f, eventOf(store, u"helper_ready"_s, Main)));
}

void TestTimeline::laneNamesNeverOverlap()
{
    // A lane as tall as a line (or nearly) has its name; shorter lanes name one lane in n, with n
    // lanes at least one line tall together.
    QCOMPARE(TimelinePainter::nameEvery(20, 15), 1);
    QCOMPARE(TimelinePainter::nameEvery(12, 15), 1);
    for (const double lane : {3.0, 5.0, 7.4, 10.0, 11.9}) {
        const int n = TimelinePainter::nameEvery(lane, 15);
        QVERIFY2(n * lane >= 15, qPrintable(QStringLiteral("lane %1 px: every %2").arg(lane).arg(n)));
        QVERIFY2((n - 1) * lane < 15, qPrintable(QStringLiteral("lane %1 px: every %2").arg(lane).arg(n)));
    }
    QCOMPARE(TimelinePainter::nameEvery(10, 15), 2); // was 1: names 10 px apart, 15 px tall
}

void TestTimeline::paintsPixels()
{
    RunStore store;
    store.load(savedLog());
    Painter painter(&store);
    QImage image(900, 300, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    const QRectF rect(0, 0, 900, 300);
    {
        QPainter p(&image);
        painter.paint(p, rect, 1000, 7000);
    }
    const Painter::Frame f = painter.frame(rect, 1000, 7000);
    const QPointF running(f.x(2200), painter.laneRect(f, Consumer).center().y());
    QCOMPARE(image.pixelColor(running.toPoint()), Painter::shadeColor(Painter::Shade::Running));
    const QPointF stopped(f.x(2200), painter.laneRect(f, Producer).center().y());
    QCOMPARE(image.pixelColor(stopped.toPoint()), Painter::shadeColor(Painter::Shade::Stopped));
    // Before its start, a lane is background.
    const QPointF before(f.x(1050), painter.laneRect(f, Consumer).center().y() - 3);
    QVERIFY(image.pixelColor(before.toPoint()) != Painter::shadeColor(Painter::Shade::Running));
}

void TestTimeline::printFloodPaintsEachPixel()
{
    // A lane of 100,000 prints is painted pixel by pixel (the painter jumps from one to the
    // next): every pixel with a print shows one, a pixel without shows none, and the other
    // markers (a stop, a continue) are still found for the bar's shades.
    constexpr qint64 S = 1'000'000'000;
    constexpr qint64 Ms = 1'000'000;
    constexpr qint64 T0 = S; // the run's origin
    RunLog log;
    log.processes = {record(u"Printer"_s, u"worker"_s, 101, 100, 100, T0, T0 + 3 * S, 0),
                     record(u"MainProcess"_s, u"main"_s, 100, 1, 0, T0, T0 + 3 * S, 0)};
    log.addEvent(ev(T0, 100, u"helper_ready"_s, 1));
    log.addEvent(ev(T0, 101, u"start"_s, 0));
    const QJsonObject line{{u"text"_s, u"tick"_s}};
    for (qint64 t = 0; t < S; t += 10'000) // dense: 100,000 prints in the first second
        log.addEvent(ev(T0 + t, 101, u"print"_s, 0, line));
    QList<qint64> sparse;
    for (qint64 t = 2 * S; t < 2 * S + 400'000'000; t += 20'000'000) { // then one every 20 ms
        log.addEvent(ev(T0 + t, 101, u"print"_s, 0, line));
        sparse.append(T0 + t);
    }
    log.addEvent(ev(T0 + 2500 * Ms, 101, u"stop"_s, 0));
    log.addEvent(ev(T0 + 2600 * Ms, 101, u"continue"_s, 0));
    RunStore store;
    store.load(log);
    Painter painter(&store);
    QCOMPARE(painter.markers(0).size(), 100'000 + 20 + 2);
    QCOMPARE(painter.specialMarkers(0).size(), 2);
    QImage image(900, 200, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    const QRectF rect(0, 0, 900, 200);
    {
        QPainter p(&image);
        painter.paint(p, rect, T0, T0 + 3 * S, false);
    }
    const Painter::Frame f = painter.frame(rect, T0, T0 + 3 * S);
    const int y = int(painter.laneRect(f, 0).center().y());
    const QColor print = Painter::markerColor(Painter::MarkerKind::Print);
    // Dense: every pixel of the first second.
    int missing = 0;
    for (int x = int(std::ceil(f.x(T0))) + 1; x < int(f.x(T0 + S)) - 1; ++x)
        missing += image.pixelColor(x, y) == print ? 0 : 1;
    QCOMPARE(missing, 0);
    // Sparse: each print's pixel, and nothing half-way between two of them.
    for (qint64 t : std::as_const(sparse)) {
        QCOMPARE(image.pixelColor(int(std::floor(f.x(t))), y), print);
        QCOMPARE(image.pixelColor(int(std::floor(f.x(t + 10'000'000))), y),
                 Painter::shadeColor(Painter::Shade::Running));
    }
    // No print in the gap; the stop shades the bar until the continue.
    QCOMPARE(image.pixelColor(int(f.x(T0 + 1500 * Ms)), y), Painter::shadeColor(Painter::Shade::Running));
    QCOMPARE(image.pixelColor(int(f.x(T0 + 2550 * Ms)), y), Painter::shadeColor(Painter::Shade::Stopped));
}

void TestTimeline::viewKeepsItsPicture()
{
    // The view keeps the picture and draws only the cursor over it: the cursor shows and goes
    // again, and new data is painted.
    RunStore store;
    store.load(savedLog());
    TimelineView view(&store);
    view.resize(900, 300);
    view.setRange(1000, 7000);
    const QImage plain = view.grab().toImage();
    const Painter::Frame f = view.currentFrame();
    const QPoint at(int(f.x(3000)), int(f.plot.top() + 2));
    view.setCursorTime(3000);
    const QImage withCursor = view.grab().toImage();
    QCOMPARE(withCursor.pixelColor(at), view.palette().color(QPalette::Highlight));
    QVERIFY(plain.pixelColor(at) != withCursor.pixelColor(at));
    view.setCursorTime(std::nullopt);
    QCOMPARE(view.grab().toImage(), plain);
    // Another run in the same store: the picture is redrawn (the consumer's lane goes).
    RunLog other = savedLog();
    other.processes[Consumer].startNs.reset();
    store.load(other);
    view.setRange(1000, 7000);
    QVERIFY(view.grab().toImage() != plain);
}

void TestTimeline::scrubSetsTheLab()
{
    LabPanel panel;
    panel.store()->load(savedLog());
    QAbstractItemModelTester tester(panel.processModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    TimelineView *view = panel.timelineView();
    QVERIFY(view);
    QCOMPARE(panel.tabs()->tabText(LabPanel::TimelineTab), u"Timeline"_s);
    const auto state = [&panel](int row) {
        return panel.processModel()->index(row, ProcessTableModel::State).data().toString();
    };
    QCOMPARE(state(Consumer), LabText::stateName(RunStore::State::Terminated));
    QSignalSpy moved(view, &TimelineView::cursorMoved);
    view->setCursorTime(2500);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(state(Producer), LabText::stateName(RunStore::State::Stopped));
    QCOMPARE(state(Consumer), LabText::stateName(RunStore::State::Running));
    QCOMPARE(state(Main), LabText::stateName(RunStore::State::Running));
    QCOMPARE(panel.processModel()->index(Producer, ProcessTableModel::Alive).data().toString(), u"True"_s);
    // The console shows the last line printed before the moment.
    QCOMPARE(panel.console()->currentIndex().data().toString(), u"[Consumer] second line"_s);
    QCOMPARE(panel.treeModel()->indexOfProcess(Producer, ProcessTreeModel::State).data().toString(),
             LabText::stateName(RunStore::State::Stopped));
    view->setCursorTime(1050);
    QCOMPARE(state(Consumer), LabText::stateName(RunStore::State::Created));
    QCOMPARE(panel.processModel()->index(Consumer, ProcessTableModel::Alive).data().toString(), u"False"_s);
    view->setCursorTime(5500);
    QCOMPARE(state(Consumer), LabText::stateName(RunStore::State::Terminated));
    QCOMPARE(state(Producer), LabText::stateName(RunStore::State::Running));
    QVERIFY(panel.console()->currentIndex().data().toString().endsWith(u"third line"_s));
    // Clearing the cursor shows now again.
    QSignalSpy cleared(view, &TimelineView::cursorCleared);
    view->setCursorTime(std::nullopt);
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(state(Producer), LabText::stateName(RunStore::State::Exited));
}

void TestTimeline::mouseScrubs()
{
    RunStore store;
    store.load(savedLog());
    TimelineView view(&store);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Painter::Frame f = view.currentFrame();
    QSignalSpy moved(&view, &TimelineView::cursorMoved);
    const QPoint at(int(f.x(2500)), int(f.plot.bottom() - 2));
    QTest::mouseClick(&view, Qt::LeftButton, {}, at);
    QCOMPARE(moved.size(), 1);
    const qint64 t = moved.constFirst().at(0).toLongLong();
    const double nsPerPixel = double(f.t1 - f.t0) / f.plot.width();
    QVERIFY2(std::abs(double(t - 2500)) <= nsPerPixel + 1, qPrintable(QString::number(t)));
    QCOMPARE(view.cursorTime(), std::optional<qint64>(t));
    // Dragging moves it; Esc clears it.
    QTest::mousePress(&view, Qt::LeftButton, {}, at);
    QTest::mouseMove(&view, at + QPoint(100, 0));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, at + QPoint(100, 0));
    QVERIFY(*view.cursorTime() > t);
    QSignalSpy cleared(&view, &TimelineView::cursorCleared);
    QTest::keyClick(&view, Qt::Key_Escape);
    QCOMPARE(cleared.size(), 1);
    QVERIFY(!view.cursorTime());
}

void TestTimeline::zoomAndPan()
{
    RunStore store;
    store.load(savedLog());
    TimelineView view(&store);
    view.resize(800, 300);
    QVERIFY(view.isFollowing());
    QVERIFY(view.viewStart() <= 1000 && view.viewEnd() >= 7000);
    const qint64 span = view.viewEnd() - view.viewStart();
    view.setFrozen(true);
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.viewEnd() - view.viewStart() < span);
    const qint64 t0 = view.viewStart();
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(view.viewStart() > t0);
    QVERIFY(view.freezeAction()->isChecked());
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(view.isFollowing());
    QVERIFY(!view.freezeAction()->isChecked());
    QCOMPARE(view.viewEnd() - view.viewStart(), span);
}

void TestTimeline::followsLiveRun()
{
    Run run(scenarioFrom(R"("queues":[{"name":"q","capacity":8}],
        "workers":[{"id":"P","name":"P","task":"producer","args":{"queue":"q","count":3}},
                   {"id":"C","name":"C","task":"consumer","args":{"queue":"q","count":3}},
                   {"id":"S","name":"S","task":"sleep","args":{"ms":1500}}],
        "main":[{"action":"start","worker":"P"},{"action":"start","worker":"C"},{"action":"start","worker":"S"},
                {"action":"join","worker":"P"},{"action":"join","worker":"C"},{"action":"join","worker":"S"}])"));
    RunStore store;
    TimelineView view(&store);
    view.resize(900, 300);
    LabCharts charts(&store);
    store.watch(&run);
    QSignalSpy done(&run, &Run::finished);
    QSignalSpy ranges(&view, &TimelineView::rangeChanged);
    run.start();
    QTRY_VERIFY_WITH_TIMEOUT(view.timeline().lanes().size() >= 4, 10000);
    QCOMPARE(view.timeline().lanes().constFirst(),
             store.rowOfPid(*store.process(view.timeline().lanes().constFirst()).record.pid));
    QCOMPARE(store.process(view.timeline().lanes().constFirst()).record.kind, u"main"_s);
    // Following: the view's end moves with the run.
    const qint64 end = view.viewEnd();
    QTRY_VERIFY_WITH_TIMEOUT(view.viewEnd() > end + 100'000'000, 10000);
    // Frozen: it stays put while the run goes on.
    view.freezeAction()->trigger();
    QVERIFY(!view.isFollowing());
    const qint64 frozenEnd = view.viewEnd();
    const int eventsBefore = store.eventCount();
    QVERIFY(done.wait(30000));
    QTRY_VERIFY(!store.isLive());
    QVERIFY(store.eventCount() > eventsBefore);
    QCOMPARE(view.viewEnd(), frozenEnd);
    // Unfrozen: the whole run, every message an arrow.
    view.freezeAction()->trigger();
    QVERIFY(view.isFollowing());
    QVERIFY(view.viewEnd() >= view.timeline().dataEndNs());
    const Painter::Frame f = view.currentFrame();
    QCOMPARE(store.messageCount(), 3);
    for (int i = 0; i < store.messageCount(); ++i)
        QVERIFY(view.timeline().arrowLine(f, i).has_value());
    // Each wait begins at the join_begin the engine recorded for it, before the join returned.
    QCOMPARE(view.timeline().joinWaits().size(), 3);
    for (const Painter::JoinWait &w : view.timeline().joinWaits()) {
        const int begin = eventOf(store, u"join_begin"_s, w.target);
        QVERIFY2(begin >= 0, qPrintable(store.process(w.target).record.name));
        QCOMPARE(w.beginNs, store.event(begin).tNs);
        QVERIFY(w.beginNs <= w.endNs);
    }
    QVERIFY(ranges.size() > 2);
    // CPU per process: the sleeper was sampled while it ran (it used next to no CPU).
    charts.refresh();
    const QList<ChartSeries> cpu = cpuSeries(store);
    QVERIFY(!cpu.isEmpty());
    QCOMPARE(charts.cpuChart()->series().size(), cpu.size());
    for (const ChartSeries &s : cpu)
        for (const QPointF &p : s.points)
            QVERIFY2(p.y() >= 0 && p.y() <= 1000 * 64, qPrintable(s.name));
    QVERIFY(charts.hasQueueChart());
}

void TestTimeline::queueDepthChart()
{
    RunStore store;
    store.load(savedLog());
    const QList<ChartSeries> depth = queueDepthSeries(store);
    QCOMPARE(depth.size(), 1);
    QCOMPARE(depth.constFirst().name, u"q"_s);
    // In seconds since the origin (1000 ns): 0 → 1 at the put at 1300, → 0 at the get at 1400...
    QList<double> levels;
    for (const QPointF &p : depth.constFirst().points)
        levels.append(p.y());
    QCOMPARE(levels, (QList<double>{0, 0, 1, 1, 0, 0, 1, 1, 0, 0}));
    QCOMPARE(depth.constFirst().points.at(2).x(), 300e-9);
    // The chart: one line, axes with units.
    LabCharts charts(&store);
    QCOMPARE(charts.queueChart()->series().size(), 1);
    const auto axes = charts.queueChart()->axes(Qt::Horizontal);
    QCOMPARE(axes.size(), 1);
    QVERIFY(axes.constFirst()->titleText().contains(u"(s)"_s));
    // A saved run has no CPU samples: no lines, and a note says why.
    QVERIFY(cpuSeries(store).isEmpty());
    QCOMPARE(charts.cpuChart()->series().size(), 0);
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
