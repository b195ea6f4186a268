#pragma once

#include "runstore.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTimer;

namespace concurrente {

/// One line of a chart: x in seconds since the run's start.
struct ChartSeries
{
    QString name;
    int key = -1; ///< the process row (CPU) or the channel's index of first use (queue depth)
    QList<QPointF> points;
};

/// CPU time per process over time, from the store's samples: milliseconds of CPU (user + system)
/// per second of wall time, between consecutive samples (1000 is one core busy all the time).
/// Processes without two samples have no line.
QList<ChartSeries> cpuSeries(const RunStore &store);
/// Messages waiting in each queue or pipe over time, from the paired messages: +1 at each put,
/// −1 at each get, in time order (a step line).
QList<ChartSeries> queueDepthSeries(const RunStore &store);

/// The lab's Charts tab: CPU per process over time (every run) and, when the run has queues or
/// pipes, their depth over time. Redrawn from the store a few times a second while it runs.
class LabCharts : public QWidget
{
    Q_OBJECT
public:
    explicit LabCharts(RunStore *store, QWidget *parent = nullptr);

    QChart *cpuChart() const { return m_cpu; }
    QChart *queueChart() const { return m_queue; }
    /// Whether the queue chart is shown (the run has messages).
    bool hasQueueChart() const;
    /// Redraws both charts from the store now.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void schedule();
    void fill(QChart *chart, const QList<ChartSeries> &series, bool steps);
    void applyTheme();
    void retranslate();

    RunStore *m_store;
    QChart *m_cpu;
    QChart *m_queue;
    QChartView *m_cpuView = nullptr;
    QChartView *m_queueView = nullptr;
    QLabel *m_note;
    QTimer *m_timer;
};

} // namespace concurrente
