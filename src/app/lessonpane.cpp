#include "lessonpane.h"

#include "lessonview.h"
#include "ui_lessonpane.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QScrollBar>
#include <QStyle>

namespace concurrente {

LessonPane::LessonPane(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LessonPane>())
{
    m_ui->setupUi(this);
    m_ui->documentBar->hide();
    m_ui->documentBar->setBackgroundRole(QPalette::AlternateBase);
    m_ui->backButton->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    connect(m_ui->backButton, &QToolButton::clicked, this, &LessonPane::backToLesson);
    connect(m_ui->lessonView, &LessonView::pageLinkActivated, this, &LessonPane::pageLinkActivated);
    connect(m_ui->lessonView, &LessonView::documentLinkActivated, this, &LessonPane::showDocument);
}

LessonPane::~LessonPane() = default;

LessonView *LessonPane::view() const
{
    return m_ui->lessonView;
}

void LessonPane::setNavigationActions(QAction *previous, QAction *next)
{
    m_ui->previousButton->setDefaultAction(previous);
    m_ui->nextButton->setDefaultAction(next);
}

void LessonPane::showPage(const LessonPage &page, const LessonText &text, int pageCount)
{
    // The same page again (in the other language, or chosen again in the list): the reader
    // stays where they were instead of going back to the top.
    const bool samePage = page.number > 0 && page.number == m_page.number && !isShowingDocument();
    const LessonView::ReadingPosition position = m_ui->lessonView->readingPosition();
    m_page = page;
    m_text = text;
    m_pageCount = pageCount;
    m_ui->documentBar->hide();
    showCurrentPage();
    if (samePage)
        m_ui->lessonView->setReadingPosition(position);
    updatePosition();
}

void LessonPane::showCurrentPage()
{
    if (m_text.ok()) {
        m_ui->lessonView->showMarkdown(m_text.markdown, m_page.filePath);
    } else {
        m_ui->lessonView->showMessage(
            tr("This page cannot be shown"),
            tr("%1\n\nThe other pages, the page list and the lab keep working. Restore the file and "
               "choose the page again.")
                .arg(m_text.error));
    }
}

void LessonPane::showDocument(const QString &filePath)
{
    if (!isShowingDocument())
        m_pageScroll = m_ui->lessonView->verticalScrollBar()->value();
    const LessonText doc = LessonCatalog::loadMarkdown(filePath);
    if (doc.ok())
        m_ui->lessonView->showMarkdown(doc.markdown, filePath);
    else
        m_ui->lessonView->showMessage(tr("This document cannot be shown"), doc.error);
    m_ui->documentLabel->setText(QDir::toNativeSeparators(QFileInfo(filePath).fileName()));
    m_ui->documentLabel->setToolTip(QDir::toNativeSeparators(filePath));
    m_ui->documentBar->show();
}

bool LessonPane::isShowingDocument() const
{
    return !m_ui->documentBar->isHidden();
}

void LessonPane::backToLesson()
{
    if (!isShowingDocument())
        return;
    m_ui->documentBar->hide();
    showCurrentPage();
    m_ui->lessonView->verticalScrollBar()->setValue(m_pageScroll);
}

QString LessonPane::positionText() const
{
    return m_ui->positionLabel->text();
}

void LessonPane::updatePosition()
{
    m_ui->positionLabel->setText(m_pageCount > 0 ? tr("Page %1 of %2").arg(m_page.number).arg(m_pageCount)
                                                 : QString());
}

void LessonPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updatePosition();
    }
}

} // namespace concurrente
