#pragma once

#include "runstore.h"
#include "timelinepainter.h"

#include <QElapsedTimer>
#include <QImage>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QTimer;

namespace concurrente {

/// The run's timeline on screen: TimelinePainter over the store, following a live run (the
/// whole run, or the last `span` of it once zoomed in) until frozen. Wheel pans, Ctrl+wheel
/// zooms, Shift+drag or middle drag pans, +/− and the arrows do the same from the keyboard;
/// clicking or dragging sets the time cursor (cursorMoved()), Esc clears it. Hovering shows the
/// details of what is under the mouse.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(RunStore *store, QWidget *parent = nullptr);
    ~TimelineView() override;

    const TimelinePainter &timeline() const { return m_painter; }
    /// The times shown.
    qint64 viewStart() const { return m_t0; }
    qint64 viewEnd() const { return m_t1; }
    /// Shows [t0, t1] and stops following the run.
    void setRange(qint64 t0, qint64 t1);
    /// The geometry of what is painted now.
    TimelinePainter::Frame currentFrame() const;

    /// Whether the view moves with the run (not frozen).
    bool isFollowing() const { return !m_frozen; }
    void setFrozen(bool frozen);
    /// The Freeze toggle (checked: the view stays where it is).
    QAction *freezeAction() const { return m_freeze; }
    QAction *fitAction() const { return m_fit; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }

    /// Zooms by `factor` (> 1: closer) around `aroundNs` (default: the middle of the view).
    void zoom(double factor, std::optional<qint64> aroundNs = std::nullopt);
    /// Moves the view by `fraction` of its width (negative: earlier); freezes it.
    void pan(double fraction);
    /// The whole run, following it again.
    void fit();

    std::optional<qint64> cursorTime() const { return m_painter.cursor(); }
    /// Sets (or clears) the time cursor; cursorMoved() / cursorCleared() follow.
    void setCursorTime(std::optional<qint64> tNs);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The student put the time cursor at `tNs` (CLOCK_MONOTONIC, as the store's times).
    void cursorMoved(qint64 tNs);
    void cursorCleared();
    void rangeChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onReset();
    void onUpdated(const RunStore::Batch &batch);
    void onTick();
    /// Moves the range with the run when following.
    void follow();
    void retranslate();
    QString toolTipAt(const QPointF &pos) const;
    qint64 minSpan() const { return 10'000; } // 10 µs: closer than that shows nothing new

    RunStore *m_store;
    TimelinePainter m_painter;
    qint64 m_t0 = 0;
    qint64 m_t1 = 1;
    qint64 m_span = 0;
    QImage m_picture;      ///< the timeline without the cursor, as last painted
    bool m_cached = false; ///< m_picture shows the data and range now
    qint64 m_pictureT0 = 0;
    qint64 m_pictureT1 = 0; ///< following: 0 shows the whole run, else its last m_span ns
    bool m_frozen = false;
    bool m_scrubbing = false;
    std::optional<QPointF> m_panFrom;
    qint64 m_panT0 = 0;
    QTimer *m_tick;
    QElapsedTimer m_sinceBatch; ///< since the store's last batch
    QAction *m_freeze;
    QAction *m_fit;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
};

/// The legend of the timeline's shades and markers.
class TimelineLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineLegend(const TimelinePainter *painter, QWidget *parent = nullptr);
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const TimelinePainter *m_painter;
};

/// The lab's Timeline tab: its tool bar (Freeze, Fit, zoom), the view and the legend.
class TimelinePane : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePane(RunStore *store, QWidget *parent = nullptr);
    TimelineView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();

    TimelineView *m_view;
    QLabel *m_hint;
};

} // namespace concurrente
