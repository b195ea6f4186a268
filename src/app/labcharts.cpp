#include "labcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDebug>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace concurrente {

namespace {

/// How often the charts are redrawn while a run goes on (the CPU is sampled twice a second).
constexpr int ChartRefreshMs = 500;

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

/// Milliseconds with as many decimals as make sense for `binMs`.
QString msLabel(double ms, double binMs)
{
    const int decimals = binMs >= 1 ? 0 : binMs >= 0.1 ? 1 : binMs >= 0.01 ? 2 : 3;
    return number(ms, decimals);
}

/// `points` (in x order) thinned out to at most about `maxPoints`: each stretch of consecutive
/// points keeps its first, lowest, highest and last, so peaks and steps stay where they were.
QList<QPointF> thinned(const QList<QPointF> &points, int maxPoints)
{
    if (points.size() <= maxPoints)
        return points;
    const qsizetype stretches = std::max(1, maxPoints / 4);
    const double per = double(points.size()) / double(stretches);
    QList<QPointF> out;
    out.reserve(4 * stretches + 1);
    for (qsizetype s = 0; s < stretches; ++s) {
        const qsizetype from = qsizetype(double(s) * per);
        const qsizetype to = s + 1 == stretches ? points.size() : qsizetype(double(s + 1) * per);
        if (from >= to)
            continue;
        qsizetype lo = from, hi = from;
        for (qsizetype i = from; i < to; ++i) {
            if (points.at(i).y() < points.at(lo).y())
                lo = i;
            if (points.at(i).y() > points.at(hi).y())
                hi = i;
        }
        qsizetype last = -1;
        for (qsizetype k : {from, std::min(lo, hi), std::max(lo, hi), to - 1}) {
            if (k != last)
                out.append(points.at(k));
            last = k;
        }
    }
    return out;
}

/// Sets `axis` to [0, max] made nice (QValueAxis::applyNiceNumbers()), unless it shows that
/// already: a changed range costs the chart a new geometry for every point of every line.
void setNiceRange(QValueAxis *axis, double max)
{
    QValueAxis nice;
    nice.setRange(0, max);
    nice.applyNiceNumbers();
    if (axis->min() != nice.min() || axis->max() != nice.max())
        axis->setRange(nice.min(), nice.max());
    if (axis->tickCount() != nice.tickCount())
        axis->setTickCount(nice.tickCount());
}

/// Empties a chart for a refill. removeAxis() gives the axis back to us: without the delete,
/// every refresh (each batch of a live run) leaked the axes with their labels.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
}
} // namespace

LabCharts::LabCharts(RunStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_speedup(new QChart), m_sweepChart(new QChart), m_cpuWork(new QChart),
      m_queue(new QChart), m_rate(new QChart), m_latency(new QChart), m_cpu(new QChart),
      m_note(new QLabel(this)), m_sweepRow(new QWidget(this)), m_sweepButton(new QPushButton(m_sweepRow)),
      m_sweepStatus(new QLabel(m_sweepRow)), m_sweep(new SpeedupSweep(this)), m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_note->setWordWrap(true);
    auto *sweepLayout = new QHBoxLayout(m_sweepRow);
    sweepLayout->setContentsMargins(0, 0, 0, 0);
    sweepLayout->addWidget(m_sweepButton);
    sweepLayout->addWidget(m_sweepStatus, 1);
    m_sweepStatus->setWordWrap(true);
    m_sweepRow->setVisible(false);
    layout->addWidget(m_sweepRow);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    auto *charts = new QVBoxLayout(inner);
    charts->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    // The page's own charts first, CPU per process (every run) last.
    for (QChart *c : {m_speedup, m_sweepChart, m_cpuWork, m_queue, m_rate, m_latency, m_cpu}) {
        // The note says what the CPU chart shows (or why there is none), right above it.
        if (c == m_cpu)
            charts->addWidget(m_note);
        // Page 8's horizontal bars need room for two labelled bars per worker.
        charts->addWidget(addView(c, c == m_cpuWork ? 400 : 300));
    }
    charts->addStretch();
    m_timer->setSingleShot(true);
    m_timer->setInterval(ChartRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LabCharts::refresh);
    m_data.setStore(store);
    connect(store, &RunStore::reset, this, [this] {
        m_data.clear();
        forgetShown();
        refresh();
    });
    connect(store, &RunStore::updated, this, &LabCharts::schedule);
    connect(m_sweepButton, &QPushButton::clicked, this, &LabCharts::onSweepClicked);
    connect(m_sweep, &SpeedupSweep::progress, this, &LabCharts::updateSweepUi);
    connect(m_sweep, &SpeedupSweep::pointAdded, this, [this] {
        fillSweep();
        updateSweepUi();
    });
    for (auto signal : {&SpeedupSweep::finished, &SpeedupSweep::cancelled, &SpeedupSweep::failed})
        connect(m_sweep, signal, this, [this] {
            fillSweep();
            updateSweepUi();
        });
    applyTheme();
    retranslate();
}

QChartView *LabCharts::addView(QChart *chart, int minHeight)
{
    auto *v = new QChartView(chart, this);
    v->setRenderHint(QPainter::Antialiasing);
    v->setMinimumHeight(minHeight);
    v->setVisible(false);
    m_views.append(v);
    return v;
}

void LabCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void LabCharts::schedule()
{
    // The series take in each batch as it comes (its new events only: cheap); drawing them is
    // what costs, so a hidden Charts tab draws nothing until shown.
    m_data.update();
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void LabCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

bool LabCharts::isChartShown(const QChart *chart) const
{
    for (QChartView *v : m_views)
        if (v->chart() == chart)
            return v->isVisibleTo(this);
    return false;
}

bool LabCharts::hasQueueChart() const
{
    return isChartShown(m_queue);
}

void LabCharts::setSweepAvailable(bool available)
{
    m_sweepAvailable = available;
    if (!available && m_sweep->isRunning())
        m_sweep->cancel();
    updateSweepUi();
    fillSweep();
}

void LabCharts::onSweepClicked()
{
    if (m_sweep->isRunning()) {
        m_sweep->cancel();
        return;
    }
    const HostInfo host = HostInfo::current();
    m_sweep->start(std::clamp(host.cpuCount, 1, 16), m_sweepWorkMs);
    updateSweepUi();
}

void LabCharts::updateSweepUi()
{
    m_sweepRow->setVisible(m_sweepAvailable);
    const int n = std::clamp(HostInfo::current().cpuCount, 1, 16);
    if (m_sweep->isRunning()) {
        m_sweepButton->setText(tr("Cancel the sweep"));
        m_sweepStatus->setText(tr("Running the work with %1 of %2 workers…")
                                   .arg(m_sweep->points().size() + 1)
                                   .arg(m_sweep->maxWorkers()));
    } else {
        m_sweepButton->setText(tr("Measure the speed-up (1…%1 workers)").arg(n));
        if (m_sweep->points().isEmpty())
            m_sweepStatus->setText(
                tr("Runs %1 s of CPU work split between 1, 2, … %2 processes, one run after "
                   "another, and plots how much faster each is than one process.")
                    .arg(number(m_sweepWorkMs / 1000.0, 1))
                    .arg(n));
        else if (m_sweep->points().size() < m_sweep->maxWorkers())
            m_sweepStatus->setText(
                tr("The sweep stopped after %n run(s).", nullptr, int(m_sweep->points().size())));
        else
            m_sweepStatus->setText(tr(
                "Done: the dashed line is the ideal (n workers, n times faster) on %n CPU(s).", nullptr, n));
    }
    m_sweepButton->setToolTip(tr("Runs real processes one run after another; press again to cancel"));
}

void LabCharts::styleAxis(QAbstractAxis *a) const
{
    const QPalette pal = palette();
    a->setTitleBrush(pal.brush(QPalette::Text));
    a->setLabelsBrush(pal.brush(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15);
    a->setGridLineColor(grid);
    a->setLinePenColor(grid);
}

void LabCharts::applyTheme()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChartView *v : std::as_const(m_views)) {
        QChart *c = v->chart();
        c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c->setBackgroundBrush(pal.brush(QPalette::Base));
        c->setTitleBrush(pal.brush(QPalette::Text));
        c->legend()->setLabelColor(pal.color(QPalette::Text));
        c->legend()->setAlignment(Qt::AlignBottom);
        v->setBackgroundBrush(pal.brush(QPalette::Base));
    }
    forgetShown();
    refresh();
}

void LabCharts::retranslate()
{
    m_cpu->setTitle(tr("CPU per process over time"));
    m_queue->setTitle(tr("Messages waiting in each queue or pipe"));
    m_latency->setTitle(tr("How long messages waited (put → get)"));
    m_sweepChart->setTitle(tr("Speed-up against the number of worker processes"));
    updateSweepUi();
    forgetShown();
    refresh();
}

void LabCharts::forgetShown()
{
    m_speedupShown.clear();
    m_cpuWorkShown.clear();
    m_latencyShown.clear();
}

void LabCharts::fill(QChart *chart, const QList<ChartSeries> &series, const QString &xTitle,
                     const QString &yTitle, bool integerY)
{
    // The same lines as last time (a live run's refresh): only their points are replaced; the
    // chart, its axes and its legend stay.
    const QList<QAbstractSeries *> shown = chart->series();
    const QList<QAbstractAxis *> xs = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> ys = chart->axes(Qt::Vertical);
    bool same = shown.size() == series.size() && xs.size() == 1 && ys.size() == 1;
    for (qsizetype i = 0; same && i < series.size(); ++i)
        same = shown.at(i)->name() == series.at(i).name;
    QValueAxis *x = nullptr;
    QValueAxis *y = nullptr;
    if (same) {
        x = static_cast<QValueAxis *>(xs.constFirst());
        y = static_cast<QValueAxis *>(ys.constFirst());
    } else {
        clearChart(chart);
        x = new QValueAxis;
        y = new QValueAxis;
        for (QValueAxis *a : {x, y})
            styleAxis(a);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
    }
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    double maxX = std::max(double(m_store->isEmpty() ? 0 : 0.001), 0.001);
    double maxY = integerY ? 1 : 10;
    for (const ChartSeries &s : series)
        for (const QPointF &p : s.points) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    for (qsizetype i = 0; i < series.size(); ++i) {
        const QList<QPointF> points = thinned(series.at(i).points, MaxPointsPerLine);
        if (same) {
            static_cast<QLineSeries *>(shown.at(i))->replace(points);
            continue;
        }
        auto *line = new QLineSeries;
        line->setName(series.at(i).name);
        line->append(points);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        QPen pen = line->pen();
        pen.setWidthF(2);
        line->setPen(pen);
    }
    // The axes change only when their nice range does (each change maps every point again).
    setNiceRange(x, maxX);
    if (integerY) {
        const double top = std::ceil(maxY + 0.5);
        if (y->min() != 0 || y->max() != top)
            y->setRange(0, top);
        y->setLabelFormat(QStringLiteral("%d"));
        y->setTickType(QValueAxis::TicksDynamic);
        y->setTickAnchor(0);
        y->setTickInterval(std::max(1.0, std::ceil((maxY + 1) / 8)));
    } else {
        setNiceRange(y, maxY * 1.1);
    }
}

void LabCharts::fillSpeedup(const SpeedupFigures &f)
{
    QChart *chart = m_speedup;
    clearChart(chart);
    const double seq = double(*f.sequentialNs) / 1e9;
    const double par = f.parallelNs ? double(*f.parallelNs) / 1e9 : 0;
    auto *set = new QBarSet(tr("Duration (s)"));
    *set << seq << par;
    set->setColor(QColor(0x29, 0x80, 0xb9));
    set->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(3);
    series->setLabelsFormat(tr("@value s"));
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append({tr("Sequential"), tr("%n process(es)", nullptr, f.workers)});
    auto *y = new QValueAxis;
    y->setTitleText(tr("Wall time (s)"));
    y->setRange(0, std::max(seq, par) * 1.2 + 0.001);
    y->applyNiceNumbers();
    for (QAbstractAxis *a : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)})
        styleAxis(a);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(false);
    if (const auto s = f.speedup())
        chart->setTitle(tr("Sequential against parallel: speed-up ×%1").arg(number(*s, 2)));
    else
        chart->setTitle(tr("Sequential against parallel (the parallel part has not ended yet)"));
}

void LabCharts::fillCpuWork(const QList<CpuWorkBar> &bars)
{
    QChart *chart = m_cpuWork;
    clearChart(chart);
    auto *wall = new QBarSet(tr("Wall time (s)"));
    auto *cpu = new QBarSet(tr("CPU time (s)"));
    wall->setColor(QColor(0x29, 0x80, 0xb9));
    cpu->setColor(QColor(0xe6, 0x7e, 0x22));
    QStringList categories;
    double maxY = 0.1;
    int switchUs = 0;
    // Horizontal bars, the names on the left where they fit; the first worker at the top (a
    // horizontal bar chart draws its first category at the bottom).
    for (qsizetype i = bars.size() - 1; i >= 0; --i) {
        const CpuWorkBar &b = bars.at(i);
        *wall << double(b.wallNs) / 1e9;
        *cpu << double(b.cpuNs) / 1e9;
        maxY = std::max({maxY, double(b.wallNs) / 1e9, double(b.cpuNs) / 1e9});
        switchUs = std::max(switchUs, b.switchUs);
        // Workers that ran at the same time, taken together: "Process A + Process B".
        categories.append(b.together ? b.names.join(QStringLiteral(" + "))
                                     : tr("%1 (%n thread(s))", nullptr, b.threads).arg(b.name));
    }
    for (QBarSet *s : {wall, cpu})
        s->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.85);
    series->append(wall);
    series->append(cpu);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(3);
    series->setLabelsFormat(tr("@value s"));
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    auto *seconds = new QValueAxis;
    seconds->setTitleText(tr("Seconds"));
    seconds->setRange(0, maxY * 1.25);
    seconds->applyNiceNumbers();
    styleAxis(names);
    styleAxis(seconds);
    chart->addAxis(names, Qt::AlignLeft);
    chart->addAxis(seconds, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(seconds);
    chart->legend()->setVisible(true);
    // Chart titles are rich text: the switch interval on a line of its own.
    chart->setTitle(switchUs > 0 ? tr("Same CPU work: threads against processes") + QStringLiteral("<br>") +
                                       tr("one interpreter lock per process, handed over every %1 ms")
                                           .arg(number(switchUs / 1000.0, switchUs % 1000 ? 1 : 0))
                                 : tr("Same CPU work: wall and CPU time per worker"));
}

void LabCharts::fillLatency(const LatencyHistogram &h)
{
    QChart *chart = m_latency;
    clearChart(chart);
    auto *set = new QBarSet(tr("Messages"));
    set->setColor(QColor(0x16, 0xa0, 0x85));
    QStringList categories;
    int maxCount = 1;
    for (int i = 0; i < h.counts.size(); ++i) {
        *set << h.counts.at(i);
        maxCount = std::max(maxCount, h.counts.at(i));
        categories.append(msLabel(i * h.binMs, h.binMs));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.9);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("Waited from (ms), in steps of %1 ms").arg(msLabel(h.binMs, h.binMs)));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Messages"));
    y->setRange(0, maxCount + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(std::max(1.0, std::ceil((maxCount + 1) / 6.0)));
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(false);
    chart->setTitle(tr("How long messages waited (put → get): median %1 ms, longest %2 ms")
                        .arg(msLabel(h.medianMs, h.binMs / 10), msLabel(h.maxMs, h.binMs / 10)));
}

void LabCharts::fillSweep()
{
    QChart *chart = m_sweepChart;
    clearChart(chart);
    const QList<QPointF> measured = m_sweep->speedups();
    const int n = std::max(m_sweep->maxWorkers(), 1);
    auto *x = new QValueAxis;
    x->setTitleText(tr("Worker processes"));
    x->setRange(0.5, n + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(1);
    x->setTickInterval(std::max(1.0, std::ceil(n / 8.0)));
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Speed-up (×)"));
    double maxY = n;
    for (const QPointF &p : measured)
        maxY = std::max(maxY, p.y());
    y->setRange(0, maxY * 1.15);
    y->applyNiceNumbers();
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *ideal = new QLineSeries;
    ideal->setName(tr("ideal (n workers, n times faster)"));
    ideal->append(1, 1);
    ideal->append(n, n);
    QPen pen(palette().color(QPalette::Text), 1.5, Qt::DashLine);
    ideal->setPen(pen);
    auto *line = new QLineSeries;
    line->setName(tr("measured"));
    line->append(measured);
    QPen mpen(QColor(0x2e, 0x9e, 0x5b), 2.5);
    line->setPen(mpen);
    auto *dots = new QScatterSeries;
    dots->append(measured);
    dots->setColor(QColor(0x2e, 0x9e, 0x5b));
    dots->setMarkerSize(9);
    for (QXYSeries *s :
         {static_cast<QXYSeries *>(ideal), static_cast<QXYSeries *>(line), static_cast<QXYSeries *>(dots)}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->markers(dots).constFirst()->setVisible(false);
    for (QChartView *v : std::as_const(m_views))
        if (v->chart() == chart)
            v->setVisible(m_sweepAvailable && (!measured.isEmpty() || m_sweep->isRunning()));
}

void LabCharts::refresh()
{
    m_stale = false;
    if (m_views.isEmpty())
        return;
    m_data.update();
    const QList<ChartSeries> cpu = m_data.cpu();
    const QList<ChartSeries> depth = m_data.queueDepth();
    const QString timeAxis = tr("Time since the run started (s)");
    fill(m_cpu, cpu, timeAxis, tr("CPU (ms/s)"), false);
    const bool messages = !depth.isEmpty();
    if (messages) {
        fill(m_queue, depth, timeAxis, tr("Messages"), true); // the title says "waiting"
        const qint64 bin = rateBinNs(m_store->eventCount() > 0
                                         ? m_store->event(m_store->eventCount() - 1).tNs - m_store->originNs()
                                         : 0);
        fill(m_rate, m_data.messageRate(bin), timeAxis, tr("Messages / s"), false);
        m_rate->setTitle(
            tr("Messages received per second (counted every %1 ms)").arg(number(double(bin) / 1e6, 0)));
    }
    // The bar charts are made again only when what they show changed.
    const LatencyHistogram latency = m_data.latency();
    QString key;
    QDebug(&key) << latency.binMs << latency.counts << latency.medianMs << latency.maxMs;
    if (latency.messages > 0 && std::exchange(m_latencyShown, key) != key)
        fillLatency(latency);
    const SpeedupFigures speedup = m_data.speedup();
    const bool hasSpeedup = speedup.sequentialNs && speedup.workers > 0;
    key.clear();
    QDebug(&key) << speedup.sequentialNs.value_or(-1) << speedup.parallelNs.value_or(-1) << speedup.workers;
    if (hasSpeedup && std::exchange(m_speedupShown, key) != key)
        fillSpeedup(speedup);
    const QList<CpuWorkBar> work = m_data.cpuWork();
    key.clear();
    for (const CpuWorkBar &b : work)
        QDebug(&key) << b.name << b.threads << b.wallNs << b.cpuNs << b.switchUs;
    if (!work.isEmpty() && std::exchange(m_cpuWorkShown, key) != key)
        fillCpuWork(work);
    // A run shown but not started yet (the lab makes one as soon as a page is shown) has nothing
    // to chart.
    bool started = false;
    for (int row = 0; row < m_store->processCount() && !started; ++row)
        started = m_store->process(row).record.startNs.has_value();
    for (QChartView *v : std::as_const(m_views)) {
        QChart *c = v->chart();
        if (c == m_cpu)
            v->setVisible(!cpu.isEmpty() || (started && m_store->isLive()));
        else if (c == m_queue || c == m_rate)
            v->setVisible(messages);
        else if (c == m_latency)
            v->setVisible(latency.messages > 0);
        else if (c == m_speedup)
            v->setVisible(hasSpeedup);
        else if (c == m_cpuWork)
            v->setVisible(!work.isEmpty());
    }
    if (m_sweepAvailable)
        fillSweep();
    if (!started)
        m_note->setText(tr("Run the example to chart it."));
    else if (cpu.isEmpty() && !m_store->isLive())
        m_note->setText(
            tr("No CPU samples: they are read from /proc while a run goes on (a saved run has none)."));
    else
        m_note->setText(tr("CPU: milliseconds of CPU time (user + system) per second; 1000 is one core busy "
                           "all the time. Read from /proc twice a second."));
}

} // namespace concurrente
