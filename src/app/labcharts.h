#pragma once

#include "chartdata.h"
#include "runstore.h"

#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTimer;

namespace concurrente {

/// The lab's Charts tab, redrawn from the store a few times a second while a run goes on. The
/// page's own chart comes first: sequential against parallel and the speed-up (page 1), wall
/// and CPU time of threads against processes (page 8), queue depth, messages per second and the
/// latency histogram (runs with queues or pipes); CPU per process over time for every run. In
/// the free lab a sweep runs the same CPU work with 1…cpu_count workers and plots the speed-up
/// against the ideal line. Each chart shows only when the run has its data. The series are
/// computed by chartdata.h (QtCore), incrementally (ChartData); a refresh replaces the points of
/// the lines already there, at most MaxPointsPerLine of them each.
class LabCharts : public QWidget
{
    Q_OBJECT
public:
    /// Points drawn per line at most: more are thinned out, keeping each stretch's extremes.
    static constexpr int MaxPointsPerLine = 2000;

    explicit LabCharts(RunStore *store, QWidget *parent = nullptr);

    QChart *cpuChart() const { return m_cpu; }
    QChart *queueChart() const { return m_queue; }
    QChart *speedupChart() const { return m_speedup; }
    QChart *cpuWorkChart() const { return m_cpuWork; }
    QChart *rateChart() const { return m_rate; }
    QChart *latencyChart() const { return m_latency; }
    QChart *sweepChart() const { return m_sweepChart; }
    /// Whether the queue charts are shown (the run has messages).
    bool hasQueueChart() const;
    /// Whether `chart` is shown.
    bool isChartShown(const QChart *chart) const;
    /// Redraws every chart from the store now.
    void refresh();

    /// Offers the speed-up sweep (the free lab).
    void setSweepAvailable(bool available);
    QPushButton *sweepButton() const { return m_sweepButton; }
    SpeedupSweep *sweep() const { return m_sweep; }
    /// CPU time the sweep's work takes in all, split between the workers (default 2000 ms).
    void setSweepWorkMs(int ms) { m_sweepWorkMs = ms; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// A live run's batch: the charts are refreshed soon if shown, else when next shown.
    void schedule();
    QChartView *addView(QChart *chart, int minHeight);
    void fill(QChart *chart, const QList<ChartSeries> &series, const QString &xTitle, const QString &yTitle,
              bool integerY);
    void fillSpeedup(const SpeedupFigures &figures);
    void fillCpuWork(const QList<CpuWorkBar> &bars);
    void fillLatency(const LatencyHistogram &histogram);
    void fillSweep();
    void styleAxis(QAbstractAxis *axis) const;
    void applyTheme();
    void retranslate();
    /// The bar charts are drawn again at the next refresh (texts or colours changed).
    void forgetShown();
    void onSweepClicked();
    void updateSweepUi();

    RunStore *m_store;
    ChartData m_data; ///< the series, kept up to date batch by batch
    QChart *m_speedup;
    QChart *m_sweepChart;
    QChart *m_cpuWork;
    QChart *m_queue;
    QChart *m_rate;
    QChart *m_latency;
    QChart *m_cpu;
    QList<QChartView *> m_views;
    QLabel *m_note;
    QWidget *m_sweepRow;
    QPushButton *m_sweepButton;
    QLabel *m_sweepStatus;
    SpeedupSweep *m_sweep;
    int m_sweepWorkMs = 2000;
    bool m_sweepAvailable = false;
    QTimer *m_timer;
    bool m_stale = false; ///< batches arrived while hidden: refresh when shown
    /// What the bar charts show now: they are drawn again only when it changes.
    QString m_speedupShown;
    QString m_cpuWorkShown;
    QString m_latencyShown;
};

} // namespace concurrente
