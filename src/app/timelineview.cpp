#include "timelineview.h"

#include "labtext.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace concurrente {

namespace {

/// How often a live run's bars grow while nothing else happens.
constexpr int LiveRepaintMs = 100;
/// Room kept after the run's last moment while following, as a fraction of the view.
constexpr double FollowMargin = 0.03;

} // namespace

TimelineView::TimelineView(RunStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_painter(store), m_tick(new QTimer(this)),
      m_freeze(new QAction(this)), m_fit(new QAction(this)), m_zoomIn(new QAction(this)),
      m_zoomOut(new QAction(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_freeze->setCheckable(true);
    connect(m_freeze, &QAction::toggled, this, &TimelineView::setFrozen);
    connect(m_fit, &QAction::triggered, this, &TimelineView::fit);
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoom(1.5); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoom(1 / 1.5); });
    m_tick->setInterval(LiveRepaintMs);
    connect(m_tick, &QTimer::timeout, this, &TimelineView::onTick);
    connect(store, &RunStore::reset, this, &TimelineView::onReset);
    connect(store, &RunStore::updated, this, &TimelineView::onUpdated);
    retranslate();
    onReset();
}

TimelineView::~TimelineView() = default;

void TimelineView::retranslate()
{
    m_freeze->setText(tr("Freeze"));
    m_freeze->setToolTip(tr("Stop following the run: the view stays where it is while the run goes on"));
    m_fit->setText(tr("Whole run"));
    m_fit->setToolTip(tr("Show the whole run and follow it again (Home)"));
    m_zoomIn->setText(tr("Zoom in"));
    m_zoomIn->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Zoom out (−, Ctrl+wheel)"));
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_painter.setPalette(palette());
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::FontChange) {
        m_cached = false;
        update();
    }
    QWidget::changeEvent(event);
}

QSize TimelineView::sizeHint() const
{
    return {640, 320};
}

QSize TimelineView::minimumSizeHint() const
{
    return {200, 80};
}

void TimelineView::onReset()
{
    m_painter.rebuild();
    m_painter.setCursor(std::nullopt);
    m_span = 0;
    m_frozen = false;
    {
        const QSignalBlocker block(m_freeze);
        m_freeze->setChecked(false);
    }
    m_painter.setNowNs(m_store->isLive() ? std::optional<qint64>(monotonicNs()) : std::nullopt);
    follow();
    if (m_store->isLive())
        m_tick->start();
    else
        m_tick->stop();
    m_cached = false;
    update();
}

void TimelineView::onUpdated(const RunStore::Batch &batch)
{
    const int lanesBefore = int(m_painter.lanes().size());
    m_painter.update(batch);
    m_painter.setNowNs(m_store->isLive() ? std::optional<qint64>(monotonicNs()) : std::nullopt);
    m_sinceBatch.start();
    if (batch.finished)
        m_tick->stop();
    else if (m_store->isLive() && !m_tick->isActive())
        m_tick->start();
    if (!m_frozen) {
        follow();
        m_cached = false;
        update();
        return;
    }
    // Frozen: repaint only the band of time the batch touched, unless lanes moved.
    if (int(m_painter.lanes().size()) != lanesBefore || !batch.changedProcesses.isEmpty() || batch.finished) {
        m_cached = false;
        update();
        return;
    }
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    for (int i = batch.eventsBefore; i < m_store->eventCount(); ++i) {
        lo = std::min(lo, m_store->event(i).tNs);
        hi = std::max(hi, m_store->event(i).tNs);
    }
    for (int i = batch.messagesBefore; i < m_store->messageCount(); ++i)
        if (const auto put = m_store->message(i).putNs)
            lo = std::min(lo, *put);
    for (int i : batch.changedMessages)
        if (const auto put = m_store->message(i).putNs)
            lo = std::min(lo, *put);
    if (lo > hi || hi < m_t0 || lo > m_t1)
        return;
    const TimelinePainter::Frame f = currentFrame();
    const double x0 = std::max(f.x(std::max(lo, m_t0)) - 16, 0.0);
    const double x1 = std::min(f.x(std::min(hi, m_t1)) + 16, double(width()));
    m_cached = false;
    update(QRect(int(x0), 0, int(x1 - x0) + 1, height()));
}

void TimelineView::onTick()
{
    if (!m_store->isLive()) {
        m_tick->stop();
        return;
    }
    // Batches repaint the view as they come (at most the store's rate): the tick only grows
    // the bars while none comes.
    if (m_sinceBatch.isValid() && m_sinceBatch.elapsed() < LiveRepaintMs)
        return;
    const qint64 before = m_painter.dataEndNs();
    m_painter.setNowNs(monotonicNs());
    if (!m_frozen) {
        follow();
        m_cached = false;
        update();
    } else if (before <= m_t1) {
        // Growing bars inside a frozen view: repaint from where they were.
        const TimelinePainter::Frame f = currentFrame();
        const double x0 = std::max(f.x(before) - 4, f.plot.left());
        m_cached = false;
        update(QRect(int(x0), 0, width() - int(x0), height()));
    }
}

void TimelineView::follow()
{
    const qint64 start = m_painter.dataStartNs();
    const qint64 end = std::max(m_painter.dataEndNs(), start + minSpan());
    qint64 t0 = start;
    qint64 t1 = end;
    if (m_span > 0 && m_span < end - start) {
        t1 = end + qint64(double(m_span) * FollowMargin);
        t0 = t1 - m_span;
    } else {
        t1 = end + qint64(double(end - start) * (m_store->isLive() ? FollowMargin : 0.01));
    }
    if (t0 != m_t0 || t1 != m_t1) {
        m_t0 = t0;
        m_t1 = t1;
        Q_EMIT rangeChanged();
    }
}

void TimelineView::setFrozen(bool frozen)
{
    if (m_frozen == frozen)
        return;
    m_frozen = frozen;
    {
        const QSignalBlocker block(m_freeze);
        m_freeze->setChecked(frozen);
    }
    if (!frozen) {
        follow();
        m_cached = false;
        update();
    }
}

void TimelineView::setRange(qint64 t0, qint64 t1)
{
    setFrozen(true);
    m_t0 = t0;
    m_t1 = std::max(t1, t0 + minSpan());
    Q_EMIT rangeChanged();
    m_cached = false;
    update();
}

void TimelineView::zoom(double factor, std::optional<qint64> aroundNs)
{
    const qint64 span = m_t1 - m_t0;
    const qint64 newSpan = std::max(minSpan(), qint64(double(span) / factor));
    if (!m_frozen) {
        // Following: keep the newest moment in view, show less (or more) of what came before.
        const qint64 whole = m_painter.dataEndNs() - m_painter.dataStartNs();
        m_span = newSpan >= whole ? 0 : newSpan;
        follow();
        m_cached = false;
        update();
        return;
    }
    const qint64 at = aroundNs.value_or(m_t0 + span / 2);
    const double fraction = double(at - m_t0) / double(std::max<qint64>(span, 1));
    const qint64 t0 = at - qint64(fraction * double(newSpan));
    setRange(t0, t0 + newSpan);
}

void TimelineView::pan(double fraction)
{
    const qint64 delta = qint64(double(m_t1 - m_t0) * fraction);
    setRange(m_t0 + delta, m_t1 + delta);
}

void TimelineView::fit()
{
    m_span = 0;
    m_frozen = true; // so that setFrozen(false) follows again
    setFrozen(false);
}

void TimelineView::setCursorTime(std::optional<qint64> tNs)
{
    if (m_painter.cursor() == tNs)
        return;
    m_painter.setCursor(tNs);
    update();
    if (tNs)
        Q_EMIT cursorMoved(*tNs);
    else
        Q_EMIT cursorCleared();
}

TimelinePainter::Frame TimelineView::currentFrame() const
{
    return m_painter.frame(QRectF(rect()), m_t0, m_t1);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    // The picture is kept: moving the time cursor only draws the cursor over it again.
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (!m_cached || m_picture.size() != pixels || m_pictureT0 != m_t0 || m_pictureT1 != m_t1) {
        if (m_picture.size() != pixels)
            m_picture = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_picture.setDevicePixelRatio(dpr);
        QPainter pic(&m_picture);
        pic.setFont(font());
        m_painter.paint(pic, QRectF(rect()), m_t0, m_t1, false);
        m_cached = true;
        m_pictureT0 = m_t0;
        m_pictureT1 = m_t1;
    }
    QPainter p(this);
    p.drawImage(QPointF(0, 0), m_picture);
    m_painter.paintCursor(p, QRectF(rect()), m_t0, m_t1);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const int delta = angle.y() != 0 ? angle.y() : angle.x();
    if (delta == 0)
        return;
    if (event->modifiers() & Qt::ControlModifier) {
        const TimelinePainter::Frame f = currentFrame();
        const double x = std::clamp(event->position().x(), f.plot.left(), f.plot.right());
        zoom(std::pow(1.2, delta / 120.0), f.timeAt(x));
    } else {
        pan(-0.1 * delta / 120.0);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const TimelinePainter::Frame f = currentFrame();
    const bool panButton = event->button() == Qt::MiddleButton ||
                           (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (panButton) {
        m_panFrom = event->position();
        m_panT0 = m_t0;
        setCursor(Qt::ClosedHandCursor);
    } else if (event->button() == Qt::LeftButton && event->position().x() >= f.plot.left()) {
        m_scrubbing = true;
        setCursorTime(f.timeAt(std::min(event->position().x(), f.plot.right())));
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const TimelinePainter::Frame f = currentFrame();
    if (m_panFrom) {
        const qint64 span = m_t1 - m_t0;
        const qint64 delta = qint64((m_panFrom->x() - event->position().x()) * double(span) / f.plot.width());
        setRange(m_panT0 + delta, m_panT0 + delta + span);
    } else if (m_scrubbing) {
        const double x = std::clamp(event->position().x(), f.plot.left(), f.plot.right());
        setCursorTime(f.timeAt(x));
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        m_panFrom.reset();
        unsetCursor();
    }
    m_scrubbing = false;
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(1.5);
        break;
    case Qt::Key_Minus:
        zoom(1 / 1.5);
        break;
    case Qt::Key_Left:
        pan(-0.1);
        break;
    case Qt::Key_Right:
        pan(0.1);
        break;
    case Qt::Key_Home:
        fit();
        break;
    case Qt::Key_Escape:
        setCursorTime(std::nullopt);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString TimelineView::toolTipAt(const QPointF &pos) const
{
    const TimelinePainter::Frame f = currentFrame();
    const TimelinePainter::Hit hit = m_painter.itemAt(f, pos);
    const qint64 origin = m_painter.dataStartNs();
    const auto name = [this](int row) { return m_store->process(row).record.name; };
    switch (hit.kind) {
    case TimelinePainter::Hit::None:
        return {};
    case TimelinePainter::Hit::Marker: {
        if (hit.event < 0) {
            const RunStore::Process &p = m_store->process(hit.row);
            return tr("%1 ms — %2 ended: %3")
                .arg(LabText::relativeMs(p.record.endNs.value_or(0), origin), name(hit.row),
                     LabText::stateName(p.state));
        }
        const Event &e = m_store->event(hit.event);
        const int row = m_store->eventProcess(hit.event);
        return tr("%1 ms — %2: %3")
            .arg(LabText::relativeMs(e.tNs, origin), row >= 0 ? name(row) : QString(), LabText::eventText(e));
    }
    case TimelinePainter::Hit::Arrow: {
        const RunStore::Message &m = m_store->message(hit.message);
        return tr("%1 ms → %2 ms")
                   .arg(LabText::relativeMs(m.putNs.value_or(0), origin),
                        LabText::relativeMs(m.getNs.value_or(0), origin)) +
               QLatin1Char('\n') + m_painter.messageText(hit.message);
    }
    case TimelinePainter::Hit::Lane: {
        const RunStore::Process &p = m_store->process(hit.row);
        QString state = LabText::stateName(m_store->stateAt(hit.row, hit.tNs));
        for (const TimelinePainter::JoinWait &w : m_painter.joinWaits())
            if (w.waiter == hit.row && w.beginNs <= hit.tNs && hit.tNs < w.endNs)
                state = tr("waiting in join() for %1").arg(name(w.target));
        const QString pid = p.record.pid ? QString::number(*p.record.pid) : QStringLiteral("—");
        return tr("%1 ms — %2 (pid %3): %4")
            .arg(LabText::relativeMs(hit.tNs, origin), name(hit.row), pid, state);
    }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

TimelineLegend::TimelineLegend(const TimelinePainter *painter, QWidget *parent)
    : QWidget(parent), m_painter(painter)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

int TimelineLegend::heightForWidth(int width) const
{
    return int(std::ceil(m_painter->legendHeight(width)));
}

QSize TimelineLegend::sizeHint() const
{
    return {600, heightForWidth(600)};
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    TimelinePainter copy; // the same painter's key, in this widget's colours
    copy.setPalette(palette());
    copy.paintLegend(p, QRectF(rect()));
}

TimelinePane::TimelinePane(RunStore *store, QWidget *parent)
    : QWidget(parent), m_view(new TimelineView(store, this)), m_hint(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    for (QAction *a :
         {m_view->freezeAction(), m_view->fitAction(), m_view->zoomInAction(), m_view->zoomOutAction()}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    // How to use the view, on a line of its own (beside the buttons it wrapped into a tall narrow
    // column); the view's tooltip says it too, for when the pane is too short to show it.
    m_hint->setWordWrap(true);
    QPalette hintPalette = m_hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_hint->setPalette(hintPalette);
    layout->addLayout(bar);
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(new TimelineLegend(&m_view->timeline(), this));
    retranslate();
}

void TimelinePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimelinePane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A short pane gives its height to the lanes; the hint is still the view's tooltip.
    m_hint->setVisible(height() >= fontMetrics().height() * 20);
}

void TimelinePane::retranslate()
{
    m_hint->setText(tr("Click or drag to move the time cursor; Ctrl+wheel zooms, wheel or Shift+drag pans."));
    m_view->setToolTip(m_hint->text());
}

} // namespace concurrente
