#include "helpdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace concurrente {

HelpDialog::HelpDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    m_browser->setOpenExternalLinks(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(640, 560);
    retranslate();
}

QString HelpDialog::pagePath(Pane pane, const QString &language, const QString &dataDir)
{
    const QString name = pane == LabPane ? QStringLiteral("lab.md") : QStringLiteral("lesson.md");
    return QDir(dataDir).filePath(QStringLiteral("lessons/help/%1/%2").arg(language, name));
}

void HelpDialog::showPane(Pane pane, const QString &language, const QString &dataDir)
{
    m_pane = pane;
    QFile file(pagePath(pane, language, dataDir));
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_browser->setMarkdown(QString::fromUtf8(file.readAll()));
    } else {
        m_browser->setPlainText(tr("The help page %1 cannot be read: %2")
                                    .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    }
    retranslate();
}

void HelpDialog::retranslate()
{
    setWindowTitle(m_pane == LabPane ? tr("Help — The Lab") : tr("Help — Reading the Lessons"));
    m_browser->setAccessibleName(windowTitle());
    for (QAbstractButton *b : findChildren<QAbstractButton *>())
        if (b->accessibleName().isEmpty())
            b->setAccessibleName(b->text().remove(u'&'));
}

void HelpDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace concurrente
