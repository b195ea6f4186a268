#include "welcomepanel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace concurrente {

WelcomePanel::WelcomePanel(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_help(new QPushButton(this)),
      m_dismiss(new QPushButton(this))
{
    setObjectName(QStringLiteral("welcomePanel"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's own colours (AlternateBase with its Text): readable in light and dark themes.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setForegroundRole(QPalette::Text);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setForegroundRole(QPalette::Text);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 10, 6);
    row->addWidget(m_text, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_help);
    buttons->addStretch(1);
    row->addLayout(buttons);
    m_dismiss->setDefault(true);
    connect(m_dismiss, &QPushButton::clicked, this, &WelcomePanel::dismissed);
    connect(m_help, &QPushButton::clicked, this, &WelcomePanel::helpRequested);
    retranslate();
}

QString WelcomePanel::text() const
{
    return m_text->text();
}

void WelcomePanel::retranslate()
{
    m_text->setText(
        tr("<b>Welcome to Concurrente.</b> In the middle you read the lesson (the page list is on "
           "its left); on the right, the lab runs the page's example with real processes. Press <b>Run</b> "
           "(Ctrl+R) to run the whole "
           "example, or <b>Step</b> (F10) to run it one line at a time; or select a worker in the "
           "<b>Processes</b> tab and press <b>Start</b>. F1 shows help for the pane you are in."));
    m_dismiss->setText(tr("Got it"));
    m_dismiss->setToolTip(tr("Hide this welcome; it will not be shown again"));
    m_help->setText(tr("Lab help"));
    m_help->setToolTip(tr("What each control and tab of the lab does"));
    setAccessibleName(tr("Welcome"));
    m_text->setAccessibleName(tr("Welcome"));
    m_dismiss->setAccessibleName(tr("Got it"));
    m_help->setAccessibleName(tr("Lab help"));
}

void WelcomePanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace concurrente
