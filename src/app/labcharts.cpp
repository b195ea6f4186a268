#include "labcharts.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHash>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace concurrente {

namespace {

/// How often the charts are redrawn while a run goes on (the CPU is sampled twice a second).
constexpr int ChartRefreshMs = 500;

double seconds(qint64 tNs, qint64 originNs)
{
    return double(tNs - originNs) / 1e9;
}

/// The last moment of the run's data, relative to its origin, in seconds.
double runSeconds(const RunStore &store)
{
    qint64 end = store.originNs();
    for (int r = 0; r < store.processCount(); ++r) {
        const RunStore::Process &p = store.process(r);
        if (p.record.endNs)
            end = std::max(end, *p.record.endNs);
        if (!p.cpu.isEmpty())
            end = std::max(end, p.cpu.constLast().tNs);
    }
    if (store.eventCount() > 0)
        end = std::max(end, store.event(store.eventCount() - 1).tNs);
    return seconds(end, store.originNs());
}

} // namespace

QList<ChartSeries> cpuSeries(const RunStore &store)
{
    QList<ChartSeries> out;
    const qint64 origin = store.originNs();
    for (int row = 0; row < store.processCount(); ++row) {
        const RunStore::Process &p = store.process(row);
        if (p.cpu.isEmpty())
            continue;
        // Before its first sample a process had used no CPU since its start.
        RunStore::CpuSample prev = p.cpu.constFirst();
        int first = 1;
        if (p.record.startNs && *p.record.startNs < prev.tNs) {
            prev = RunStore::CpuSample{*p.record.startNs, 0, 0};
            first = 0;
        }
        ChartSeries s;
        s.name = p.record.name;
        s.key = row;
        for (int i = first; i < p.cpu.size(); ++i) {
            const RunStore::CpuSample &c = p.cpu.at(i);
            const double dt = double(c.tNs - prev.tNs) / 1e9;
            if (dt <= 0)
                continue;
            const double rate = double((c.userMs + c.sysMs) - (prev.userMs + prev.sysMs)) / dt;
            s.points.append({seconds(prev.tNs, origin), rate});
            s.points.append({seconds(c.tNs, origin), rate});
            prev = c;
        }
        if (!s.points.isEmpty())
            out.append(s);
    }
    return out;
}

QList<ChartSeries> queueDepthSeries(const RunStore &store)
{
    struct Change
    {
        qint64 t;
        int delta;
    };
    QHash<QString, int> index;
    QList<QString> channels;
    QList<QList<Change>> changes;
    for (int i = 0; i < store.messageCount(); ++i) {
        const RunStore::Message &m = store.message(i);
        int c = index.value(m.channel, -1);
        if (c < 0) {
            c = int(channels.size());
            index.insert(m.channel, c);
            channels.append(m.channel);
            changes.append(QList<Change>());
        }
        if (m.putNs)
            changes[c].append(Change{*m.putNs, +1});
        if (m.getNs)
            changes[c].append(Change{*m.getNs, -1});
    }
    const qint64 origin = store.originNs();
    const double end = runSeconds(store);
    QList<ChartSeries> out;
    for (int c = 0; c < channels.size(); ++c) {
        QList<Change> &list = changes[c];
        // A get and a put at the same instant: the put first (the message was there).
        std::stable_sort(list.begin(), list.end(), [](const Change &a, const Change &b) {
            return a.t < b.t || (a.t == b.t && a.delta > b.delta);
        });
        ChartSeries s;
        s.name = channels.at(c);
        s.key = c;
        int depth = 0;
        s.points.append({0, 0});
        for (const Change &ch : std::as_const(list)) {
            const double x = seconds(ch.t, origin);
            s.points.append({x, double(depth)});
            depth = std::max(0, depth + ch.delta);
            s.points.append({x, double(depth)});
        }
        s.points.append({std::max(end, s.points.constLast().x()), double(depth)});
        out.append(s);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

LabCharts::LabCharts(RunStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_cpu(new QChart), m_queue(new QChart), m_note(new QLabel(this)),
      m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_cpuView = new QChartView(m_cpu, split);
    m_queueView = new QChartView(m_queue, split);
    for (QChartView *v : {m_cpuView, m_queueView}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(160);
    }
    layout->addWidget(split, 1);
    m_timer->setSingleShot(true);
    m_timer->setInterval(ChartRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LabCharts::refresh);
    connect(store, &RunStore::reset, this, &LabCharts::refresh);
    connect(store, &RunStore::updated, this, &LabCharts::schedule);
    applyTheme();
    retranslate();
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
    if (!m_timer->isActive())
        m_timer->start();
}

bool LabCharts::hasQueueChart() const
{
    return m_queueView->isVisibleTo(this);
}

void LabCharts::applyTheme()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (QChart *c : {m_cpu, m_queue}) {
        c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        c->setBackgroundBrush(pal.brush(QPalette::Base));
        c->setTitleBrush(pal.brush(QPalette::Text));
        c->legend()->setLabelColor(pal.color(QPalette::Text));
        c->legend()->setAlignment(Qt::AlignRight);
    }
    refresh();
}

void LabCharts::retranslate()
{
    m_cpu->setTitle(tr("CPU per process over time"));
    m_queue->setTitle(tr("Messages waiting in each queue or pipe"));
    refresh();
}

void LabCharts::fill(QChart *chart, const QList<ChartSeries> &series, bool steps)
{
    chart->removeAllSeries();
    // removeAxis() gives the axis back to us: without the delete, every refresh (each batch of
    // a live run) leaked two axes with their labels.
    for (QAbstractAxis *a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
    const QPalette pal = palette();
    auto *x = new QValueAxis;
    x->setTitleText(tr("Time since the run started (s)"));
    auto *y = new QValueAxis;
    y->setTitleText(steps ? tr("Messages waiting") : tr("CPU (ms per second)"));
    double maxX = std::max(runSeconds(*m_store), 0.001);
    double maxY = steps ? 1 : 100;
    for (QValueAxis *a : {x, y}) {
        a->setTitleBrush(pal.brush(QPalette::Text));
        a->setLabelsBrush(pal.brush(QPalette::Text));
        QColor grid = pal.color(QPalette::Text);
        grid.setAlphaF(0.15);
        a->setGridLineColor(grid);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const ChartSeries &s : series) {
        auto *line = new QLineSeries;
        line->setName(s.name);
        line->append(s.points);
        for (const QPointF &p : s.points) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        QPen pen = line->pen();
        pen.setWidthF(2);
        line->setPen(pen);
    }
    x->setRange(0, maxX);
    x->applyNiceNumbers();
    y->setRange(0, steps ? std::ceil(maxY + 0.5) : maxY * 1.1);
    if (!steps)
        y->applyNiceNumbers();
    if (steps) {
        y->setLabelFormat(QStringLiteral("%d"));
        y->setTickType(QValueAxis::TicksDynamic);
        y->setTickAnchor(0);
        y->setTickInterval(std::max(1.0, std::ceil((maxY + 1) / 8)));
    }
}

void LabCharts::refresh()
{
    if (!m_cpuView)
        return;
    const QList<ChartSeries> cpu = cpuSeries(*m_store);
    const QList<ChartSeries> depth = queueDepthSeries(*m_store);
    fill(m_cpu, cpu, false);
    fill(m_queue, depth, true);
    m_queueView->setVisible(!depth.isEmpty());
    if (m_store->isEmpty())
        m_note->setText(tr("Run the example to chart it."));
    else if (cpu.isEmpty() && !m_store->isLive())
        m_note->setText(
            tr("No CPU samples: they are read from /proc while a run goes on (a saved run has none)."));
    else
        m_note->setText(tr("CPU: milliseconds of CPU time (user + system) per second; 1000 is one core busy "
                           "all the time. Read from /proc twice a second."));
}

} // namespace concurrente
