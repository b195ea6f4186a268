#include "labsummarypanel.h"

#include "scenario.h"
#include "ui_labsummarypanel.h"
#include "workersummarymodel.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QScrollBar>

namespace concurrente {

LabSummaryPanel::LabSummaryPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LabSummaryPanel>()), m_workers(new WorkerSummaryModel(this))
{
    m_ui->setupUi(this);
    QFont heading = m_ui->headingLabel->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.1);
    m_ui->headingLabel->setFont(heading);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(title);
    QFont section = m_ui->workersLabel->font();
    section.setBold(true);
    m_ui->workersLabel->setFont(section);
    m_ui->actionsLabel->setFont(section);
    m_ui->messageLabel->hide();

    m_ui->workersView->setModel(m_workers);
    m_ui->workersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Every column as wide as its text: a narrow lab area scrolls sideways instead of clipping
    // headers, and a wide one shows no scroll bar.
    m_ui->workersView->horizontalHeader()->setStretchLastSection(false);
    m_ui->workersView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_ui->workersView->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_ui->workersView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->actionsList->setFont(mono);
}

LabSummaryPanel::~LabSummaryPanel() = default;

void LabSummaryPanel::showPreset(const QString &presetPath, const QString &language)
{
    m_presetPath = presetPath;
    m_language = language;
    m_ui->actionsList->clear();
    const QString shown = QDir::toNativeSeparators(presetPath);

    auto fail = [this](const QString &message) {
        m_workers->clear();
        m_ui->titleLabel->clear();
        m_ui->descriptionLabel->clear();
        m_ui->descriptionLabel->hide();
        m_ui->messageLabel->setText(message);
        m_ui->messageLabel->show();
        for (QWidget *w :
             {static_cast<QWidget *>(m_ui->workersLabel), static_cast<QWidget *>(m_ui->workersView),
              static_cast<QWidget *>(m_ui->actionsLabel), static_cast<QWidget *>(m_ui->actionsList)})
            w->hide();
    };

    if (!QFileInfo::exists(presetPath)) {
        fail(tr("This page has no lab example yet: %1 does not exist.").arg(shown));
        return;
    }
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(presetPath);
    if (!loaded.ok()) {
        fail(tr("The lab example %1 cannot be used:\n%2")
                 .arg(shown, loaded.errorStrings().join(QLatin1Char('\n'))));
        return;
    }

    const Scenario &s = loaded.scenario;
    m_ui->messageLabel->hide();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->workersLabel), static_cast<QWidget *>(m_ui->workersView),
                       static_cast<QWidget *>(m_ui->actionsLabel), static_cast<QWidget *>(m_ui->actionsList)})
        w->show();
    m_ui->titleLabel->setText(s.title.text(language));
    const QString description = s.description.text(language);
    m_ui->descriptionLabel->setText(description);
    m_ui->descriptionLabel->setVisible(!description.isEmpty());
    m_workers->setWorkers(s.workers);
    fitWorkersHeight();
    // Numbers padded to one width, so the actions line up in the monospace list.
    const int digits = int(QString::number(s.main.size()).size());
    for (int i = 0; i < s.main.size(); ++i)
        m_ui->actionsList->addItem(tr("%1. %2").arg(i + 1, digits).arg(s.actionText(i)));
}

void LabSummaryPanel::fitWorkersHeight()
{
    // As tall as its rows (up to eight): the actions list below gets the rest of the height.
    QTableView *view = m_ui->workersView;
    view->resizeRowsToContents();
    int height = view->horizontalHeader()->sizeHint().height() + 2 * view->frameWidth();
    const int rows = std::min(m_workers->rowCount(), 8);
    for (int r = 0; r < rows; ++r)
        height += view->rowHeight(r);
    if (view->horizontalHeader()->length() > view->width() - 2 * view->frameWidth() - 2)
        height += view->horizontalScrollBar()->sizeHint().height();
    view->setFixedHeight(height + 2);
}

QString LabSummaryPanel::title() const
{
    return m_ui->titleLabel->text();
}

QString LabSummaryPanel::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QStringList LabSummaryPanel::actionTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_ui->actionsList->count(); ++i)
        texts.append(m_ui->actionsList->item(i)->text());
    return texts;
}

void LabSummaryPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitWorkersHeight();
}

void LabSummaryPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_workers->retranslate();
        // The loader's messages are translated too: load again to show them in the new language.
        if (!m_presetPath.isEmpty())
            showPreset(m_presetPath, m_language);
    }
}

} // namespace concurrente
