#pragma once

#include "runstore.h"

#include <QColor>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QLineF>
#include <QList>
#include <QPalette>
#include <QRectF>

#include <optional>

class QPainter;

namespace concurrente {

/// Draws a run as a Gantt timeline: one lane per process in tree order (MainProcess first, each
/// child under its creator), a bar from start to end shaded by state, markers for what happened
/// to it, an arrow from lane to lane for every queue or pipe message, and an optional time
/// cursor. QtGui only: the lab's view and the HTML/PDF report paint with the same code into any
/// QPainter. It reads the store; update() takes the store's batches so a live run costs only
/// its new events.
class TimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(TimelinePainter)

public:
    /// What a lane's bar shows between two times.
    enum class Shade {
        Starting, ///< start() was called; the process has not run its first line yet
        Running,
        Stopped, ///< SIGSTOP'ed
        Joining, ///< the main program waits in join()
    };
    enum class MarkerKind {
        Start,       ///< start() called
        Join,        ///< join() returned (on the main program's lane)
        JoinTimeout, ///< join(timeout) returned with the process still alive
        Terminate,
        Kill,
        Stop,
        Continue,
        Print,
        Error,
        Reparented, ///< an orphan adopted by another process
        End,        ///< the process ended (coloured by how)
    };
    struct Marker
    {
        qint64 tNs = 0;
        MarkerKind kind = MarkerKind::Print;
        int event = -1; ///< index into the store's events; -1 for End
    };
    struct Segment
    {
        qint64 t0 = 0;
        qint64 t1 = 0;
        Shade shade = Shade::Running;
    };
    /// The main program waiting in join() for `target`, from `beginNs` (its `join_begin`, or in
    /// logs without one the main script's previous action) to the join's return.
    struct JoinWait
    {
        qint64 beginNs = 0;
        qint64 endNs = 0;
        int waiter = -1;
        int target = -1;
        int event = -1;
        bool timedOut = false;
    };
    /// What is under a point.
    struct Hit
    {
        enum Kind { None, Lane, Marker, Arrow } kind = None;
        int row = -1;     ///< process row (Lane, Marker)
        int event = -1;   ///< event index (Marker; -1 for an End marker)
        int message = -1; ///< message index (Arrow)
        MarkerKind marker = MarkerKind::Print;
        qint64 tNs = 0; ///< the time under the point
    };
    /// Where things are for one paint(): computed from the target rect and the time range.
    struct Frame
    {
        QRectF labels; ///< the lane names
        QRectF axis;   ///< the time scale
        QRectF plot;   ///< the lanes
        qint64 t0 = 0;
        qint64 t1 = 1;
        double laneHeight = 0;
        double x(qint64 tNs) const;
        qint64 timeAt(double x) const;
    };

    TimelinePainter() = default;
    explicit TimelinePainter(const RunStore *store) { setStore(store); }

    void setStore(const RunStore *store);
    const RunStore *store() const { return m_store; }
    /// Recomputes everything from the store (after its reset()).
    void rebuild();
    /// Takes in what a batch added or changed.
    void update(const RunStore::Batch &batch);

    /// The end of bars still open (a live run's processes): now. Unset: the data's last time.
    void setNowNs(std::optional<qint64> nowNs) { m_nowNs = nowNs; }
    void setCursor(std::optional<qint64> tNs) { m_cursor = tNs; }
    std::optional<qint64> cursor() const { return m_cursor; }
    /// Colours for text, lines and background (default: the application's palette).
    void setPalette(const QPalette &palette) { m_palette = palette; }
    const QPalette &palette() const { return m_palette; }

    /// The first and last time of the run's data (the origin, and the last event or end).
    qint64 dataStartNs() const;
    qint64 dataEndNs() const;

    /// Paints the timeline into `rect` for the times [t0, t1], and the time cursor unless
    /// `withCursor` is false (a view that keeps the picture paints the cursor over it).
    void paint(QPainter &painter, const QRectF &rect, qint64 t0, qint64 t1, bool withCursor = true) const;
    /// Paints only the time cursor, as paint() would, over a picture of the same frame.
    void paintCursor(QPainter &painter, const QRectF &rect, qint64 t0, qint64 t1) const;
    /// Paints the key to the shades and markers into `rect` (one row, wrapping).
    void paintLegend(QPainter &painter, const QRectF &rect) const;
    /// The height paintLegend() needs for `width`.
    double legendHeight(double width) const;

    Frame frame(const QRectF &rect, qint64 t0, qint64 t1) const;
    /// Lanes top to bottom: process rows.
    const QList<int> &lanes() const { return m_lanes; }
    int laneOf(int row) const { return row >= 0 && row < m_laneOf.size() ? m_laneOf.at(row) : -1; }
    /// How deep `row` is in the tree (MainProcess: 0).
    int depthOf(int row) const { return row >= 0 && row < m_depth.size() ? m_depth.at(row) : 0; }
    /// The lane of process `row` in a frame.
    QRectF laneRect(const Frame &f, int row) const;
    /// The bar of process `row` (start to end, or to now) in a frame; empty when not started.
    QRectF barRect(const Frame &f, int row) const;
    /// The state segments of `row`'s bar, in time order.
    QList<Segment> segments(int row) const;
    const QList<Marker> &markers(int row) const;
    /// The markers of `row` other than prints, in time order.
    const QList<Marker> &specialMarkers(int row) const;
    const QList<JoinWait> &joinWaits() const { return m_joinWaits; }
    /// Where the marker of event `event` is drawn; null when it has none or is out of range.
    std::optional<QPointF> markerPos(const Frame &f, int event) const;
    /// The arrow of message `message`: put (on the sender's lane) → get (on the receiver's);
    /// empty while the message is unpaired.
    std::optional<QLineF> arrowLine(const Frame &f, int message) const;
    Hit itemAt(const Frame &f, const QPointF &pos) const;

    /// Colour and name of a shade, a marker, a state (one place for view, legend and report).
    /// Lanes too short for a name each show one every this many lanes, so that no two names
    /// overlap (1: every lane has its name).
    static int nameEvery(double laneHeight, double textHeight);
    static QColor shadeColor(Shade shade);
    static QColor markerColor(MarkerKind kind);
    static QColor endColor(RunStore::State state);
    static QString shadeName(Shade shade);
    static QString markerName(MarkerKind kind);
    /// A message's text for tooltips: value, from whom to whom, through what, how long.
    QString messageText(int message) const;

private:
    void relayout();
    void indexEvents(int from);
    void addMarker(int row, const Marker &m);
    std::optional<MarkerKind> markerKind(const Event &e) const;
    qint64 barEnd(int row) const;
    void paintMarker(QPainter &p, const QPointF &at, MarkerKind kind, double size) const;
    void paintAxis(QPainter &p, const Frame &f) const;

    const RunStore *m_store = nullptr;
    QList<int> m_lanes;          ///< lane → row
    QList<int> m_laneOf;         ///< row → lane
    QList<int> m_depth;          ///< row → depth
    QList<int> m_parentSeen;     ///< row → the parent row the layout used
    QList<QList<Marker>> m_mark; ///< row → markers, in time order
    /// row → its markers other than prints, in time order: a print flood makes the others a
    /// handful among hundreds of thousands, and painting looks them all up.
    QList<QList<Marker>> m_special;
    QList<JoinWait> m_joinWaits;
    QHash<int, qint64> m_joinBegin;         ///< target row → its join_begin not yet returned
    QList<QPair<QString, bool>> m_channels; ///< queues and pipes (name, pipe) in order of first message
    QHash<QString, int> m_channelIndex;     ///< "name" or "|name" (a pipe) → index in m_channels
    QList<int> m_messageChannel;            ///< message → index in m_channels
    int m_indexed = 0;
    int m_mainRow = -1;
    qint64 m_lastMainActionNs = -1; ///< the main script's last action before the events indexed
    qint64 m_lastEventNs = 0;
    std::optional<qint64> m_nowNs;
    std::optional<qint64> m_cursor;
    QPalette m_palette = QGuiApplication::palette();
};

} // namespace concurrente
