#include "lessonnavigator.h"

#include "lessonlistmodel.h"
#include "ui_lessonnavigator.h"

#include <QEvent>
#include <QListView>
#include <QResizeEvent>
#include <QStyle>
#include <QStyledItemDelegate>

namespace concurrente {

namespace {

// QListView asks its delegate for item sizes without a width, so word-wrapped titles would be
// measured on one line and elided. This delegate measures them against the list's width: a
// long title ("11. Communication between processes…") takes two lines in a narrow list instead
// of losing its end.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QListView *view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem measured(option);
        const int width = m_view->viewport()->width() - 2 * m_view->spacing();
        if (width > 0)
            measured.rect = QRect(0, 0, width, std::max(1, option.rect.height()));
        QSize size = QStyledItemDelegate::sizeHint(measured, index);
        if (width > 0)
            size.setWidth(std::min(size.width(), width));
        return size;
    }

private:
    QListView *m_view;
};

} // namespace

LessonNavigator::LessonNavigator(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LessonNavigator>()), m_model(new LessonListModel(this))
{
    m_ui->setupUi(this);
    QFont heading = m_ui->headingLabel->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.1);
    m_ui->headingLabel->setFont(heading);
    m_ui->pageList->setModel(m_model);
    m_ui->pageList->setItemDelegate(new WrappingDelegate(m_ui->pageList));
    // The list's own Adjust mode re-lays it out when the list is resized, not when a scroll bar
    // appearing narrows its viewport: measure the wrapped titles again then too, so they are
    // never cut off at the scroll bar. (Narrower never means fewer lines, so this settles.)
    m_ui->pageList->viewport()->installEventFilter(this);
    // Wrapping breaks between words only: keep room for a word like "Laboratorio" or
    // "current_process" beside the tick, however far the splitter is dragged.
    const QFontMetrics fm(m_ui->pageList->font());
    m_ui->pageList->setMinimumWidth(fm.horizontalAdvance(QStringLiteral("current_process")) +
                                    style()->pixelMetric(QStyle::PM_SmallIconSize) +
                                    3 * fm.averageCharWidth());
    m_model->setTickColor(palette().color(QPalette::Highlight));

    // The highlight is the page shown: moving it with the keys (arrows, Home, End, a title's
    // first letter) opens that page, as a click or Enter does, so the list never shows two
    // pages as chosen. (A click moves the highlight on press, then reports the click: once.)
    auto activate = [this](const QModelIndex &index) {
        if (index.isValid() && !index.data(LessonListModel::CurrentRole).toBool())
            Q_EMIT pageActivated(index.data(LessonListModel::PageNumberRole).toInt());
    };
    connect(m_ui->pageList, &QListView::clicked, this, activate);
    connect(m_ui->pageList, &QListView::activated, this, activate);
    // Only a move counts: the list's first highlight, placed when it takes the focus before any
    // page is shown, opens nothing.
    connect(m_ui->pageList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [activate](const QModelIndex &current, const QModelIndex &previous) {
                if (previous.isValid())
                    activate(current);
            });
    updateProgress();
}

LessonNavigator::~LessonNavigator() = default;

QListView *LessonNavigator::listView() const
{
    return m_ui->pageList;
}

void LessonNavigator::setPages(const QList<LessonPage> &pages)
{
    m_model->setPages(pages);
    m_pageCount = int(pages.size());
    updateProgress();
}

void LessonNavigator::setVisited(const QSet<int> &visited)
{
    m_model->setVisited(visited);
    m_visitedCount = int(visited.size());
    updateProgress();
}

void LessonNavigator::setCurrent(int number)
{
    m_model->setCurrent(number);
    const int row = m_model->rowOf(number);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row);
        m_ui->pageList->setCurrentIndex(index);
        m_ui->pageList->scrollTo(index);
    }
}

QString LessonNavigator::progressText() const
{
    return m_ui->progressLabel->text();
}

void LessonNavigator::updateProgress()
{
    m_ui->progressLabel->setText(tr("%1 / %2 visited").arg(m_visitedCount).arg(m_pageCount));
    m_ui->progressBar->setMaximum(std::max(1, m_pageCount));
    m_ui->progressBar->setValue(m_visitedCount);
    m_ui->progressBar->setAccessibleName(m_ui->progressLabel->text());
}

bool LessonNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->pageList->viewport() && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width())
            QMetaObject::invokeMethod(
                m_ui->pageList, [list = m_ui->pageList] { list->doItemsLayout(); }, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void LessonNavigator::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateProgress();
    } else if (event->type() == QEvent::PaletteChange) {
        m_model->setTickColor(palette().color(QPalette::Highlight));
    }
}

} // namespace concurrente
