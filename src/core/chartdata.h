#pragma once

#include "runstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <optional>

namespace concurrente {

class Run;

/// One line of a chart: x in seconds since the run's start.
struct ChartSeries
{
    QString name;
    int key = -1; ///< the process row (CPU) or the channel's index of first use (queue depth, rate)
    QList<QPointF> points;
};

/// CPU time per process over time, from the store's samples: milliseconds of CPU (user + system)
/// per second of wall time, between consecutive samples (1000 is one core busy all the time).
/// Processes without two samples have no line.
QList<ChartSeries> cpuSeries(const RunStore &store);
/// Messages waiting in each queue or pipe over time, from the paired messages: +1 at each put,
/// −1 at each get, in time order (a step line).
QList<ChartSeries> queueDepthSeries(const RunStore &store);

/// The width of the bins messageRateSeries() uses for a run `spanNs` long: 1, 2 or 5 × 10^k ms,
/// at least 10 ms, so that the run makes at most about 40 bins.
qint64 rateBinNs(qint64 spanNs);
/// Messages got per second from each queue or pipe, counted in bins of `binNs` (0: rateBinNs()
/// of the run): a step line, x the bin's start and end, y the bin's gets divided by its width.
QList<ChartSeries> messageRateSeries(const RunStore &store, qint64 binNs = 0);

/// How long the messages of the run waited between their put and their get.
struct LatencyHistogram
{
    double binMs = 0;  ///< bin i holds latencies in [i·binMs, (i+1)·binMs)
    QList<int> counts; ///< messages per bin
    int messages = 0;  ///< paired messages counted
    double medianMs = 0;
    double maxMs = 0;
};
/// The latencies of every paired message, in at most `maxBins` bins of 1, 2 or 5 × 10^k ms
/// (1 µs at the least).
LatencyHistogram latencyHistogram(const RunStore &store, int maxBins = 20);

/// Page 1: the same work done by the main program itself (its `call`s, one after the other) and
/// by worker processes at once.
struct SpeedupFigures
{
    /// From the main program's first `call` to its last `call_done`.
    std::optional<qint64> sequentialNs;
    /// From the first start request of a worker to the last of their joins (or ends).
    std::optional<qint64> parallelNs;
    int workers = 0; ///< workers counted in parallelNs
    /// sequential ÷ parallel, when both are known.
    std::optional<double> speedup() const;
};
SpeedupFigures speedupFigures(const RunStore &store);

/// Page 8: a worker of CPU-bound work (a `gil` or `burn` task) as its `result` reports it, or
/// several that ran at the same time taken together.
struct CpuWorkBar
{
    QString name;      ///< the worker's name; for a group, the names joined with " + "
    QStringList names; ///< the workers it stands for
    int threads = 1;   ///< threads under one interpreter lock (a group: of each member)
    qint64 wallNs = 0; ///< wall time of the work (a group: from the first begin to the last end)
    qint64 cpuNs = 0;  ///< CPU time of the work (a group: the sum)
    QList<qint64> threadCpuNs;
    int switchUs = 0; ///< the lock's switch interval (gil), 0 when none
    bool together = false;
};
/// One bar per worker with a `result` of a `gil` or `burn` task, in the order their work began,
/// and after the last member of each set of workers whose work overlapped in time, a bar for
/// the set (`together`).
QList<CpuWorkBar> cpuWorkBars(const RunStore &store);

/// The charts of one store, kept up to date as the store grows: update() takes in only the
/// events and messages that arrived (or were paired) since the last one, so a live run's charts
/// cost each refresh what is new, not the whole run. Each figure equals the function above
/// computed from the whole store at that moment.
class ChartData
{
public:
    explicit ChartData(const RunStore *store = nullptr) : m_store(store) {}
    void setStore(const RunStore *store);
    /// Forgets everything taken in (the store was reset); the next update() starts over.
    void clear();
    /// Takes in what the store holds now that the last update() has not seen.
    void update();

    /// As cpuSeries() (computed from the store's samples, which are few).
    QList<ChartSeries> cpu() const;
    /// As queueDepthSeries().
    QList<ChartSeries> queueDepth() const;
    /// As messageRateSeries() with bins of `binNs` (0: rateBinNs() of the run).
    QList<ChartSeries> messageRate(qint64 binNs = 0) const;
    /// As latencyHistogram().
    LatencyHistogram latency(int maxBins = 20) const;
    /// As speedupFigures().
    SpeedupFigures speedup() const;
    /// As cpuWorkBars().
    QList<CpuWorkBar> cpuWork() const;
    /// Whether any queue or pipe message was taken in.
    bool hasMessages() const { return !m_channels.isEmpty(); }

private:
    struct Change
    {
        qint64 t;
        int delta;
    };
    struct Channel
    {
        QString name;
        QList<Change> changes; ///< in time order; a put before a get at the same instant
        QList<qint64> gets;    ///< get times, in the order taken in
    };
    struct Work
    {
        CpuWorkBar bar;
        qint64 begin = 0;
        qint64 end = 0;
        int row = 0;
        int event = 0;
    };
    struct ProcessState
    {
        QString task; ///< of its last `start`
        std::optional<qint64> firstStartRequest;
        std::optional<qint64> firstJoin;
        std::optional<qint64> seqFrom; ///< its first `call`
        std::optional<qint64> seqTo;   ///< its last `call_done` after that
    };
    void takeMessage(int index);
    int channelOf(const QString &name);

    const RunStore *m_store = nullptr;
    int m_events = 0;        ///< events [0, m_events) taken in
    int m_messages = 0;      ///< messages [0, m_messages) looked at
    QList<int> m_incomplete; ///< messages looked at whose put or get is still missing
    /// Per message: bit 1 its put taken in, bit 2 its get, bit 4 its latency (both there).
    QList<char> m_seen;
    QList<Channel> m_channels;
    QHash<QString, int> m_channelIndex;
    QList<double> m_latencyMs;    ///< sorted
    QList<double> m_newLatencyMs; ///< taken in by this update(), merged at its end
    QList<ProcessState> m_procs;  ///< by process row
    QList<Work> m_works;
};

/// The free lab's sweep: the same CPU work (`burn`, `totalMs` of CPU in all) split between 1, 2,
/// … `maxWorkers` worker processes started together, one run after another through Run, each
/// timed from its first start request to its last join. Asynchronous and cancellable.
class SpeedupSweep : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        int workers = 0;
        qint64 wallNs = 0;
    };

    explicit SpeedupSweep(QObject *parent = nullptr);
    ~SpeedupSweep() override;

    /// Starts the sweep (a sweep in progress is cancelled first).
    void start(int maxWorkers, int totalMs);
    /// Ends the run in progress and drops the rest; cancelled() follows.
    void cancel();
    bool isRunning() const { return !m_run.isNull(); }
    int maxWorkers() const { return m_max; }
    const QList<Point> &points() const { return m_points; }
    /// Speed-up against the 1-worker run: one point per run (x workers, y speed-up).
    QList<QPointF> speedups() const;
    /// Where the helpers are (Run::setHelperDir); empty: Run's default.
    void setHelperDir(const QString &dir) { m_helperDir = dir; }

Q_SIGNALS:
    /// Run `workers` of `maxWorkers()` began.
    void progress(int workers);
    /// A run ended and its point was added.
    void pointAdded(const concurrente::SpeedupSweep::Point &point);
    void finished();
    void cancelled();
    /// A run could not be made or gave no time; the sweep stops.
    void failed();

private:
    void next();

    QPointer<Run> m_run;
    QList<Point> m_points;
    QString m_helperDir;
    int m_max = 0;
    int m_totalMs = 0;
    int m_current = 0;
};

} // namespace concurrente
