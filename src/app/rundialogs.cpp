#include "rundialogs.h"

#include "export.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace concurrente {

namespace {
/// A run log saved for review gets the long suffix the file manager knows (docs/decisions.md #20).
const QString kRunLogSuffix = QStringLiteral(".concurrente-run.json");

/// `path` without the suffix of the format it has (or its plain extension).
QString withoutSuffix(const QString &path)
{
    if (path.endsWith(kRunLogSuffix, Qt::CaseInsensitive))
        return path.left(path.size() - kRunLogSuffix.size());
    if (const auto format = RunExporter::formatFor(path))
        return path.left(path.size() - format->suffix.size());
    return path;
}
} // namespace

HomeworkForm::HomeworkForm(QWidget *parent)
    : QWidget(parent), m_student(new QLineEdit(this)), m_group(new QLineEdit(this)),
      m_exercise(new QLineEdit(this))
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_student->setObjectName(QStringLiteral("student"));
    m_group->setObjectName(QStringLiteral("group"));
    m_exercise->setObjectName(QStringLiteral("exercise"));
    form->addRow(tr("&Student:"), m_student);
    form->addRow(tr("&Group:"), m_group);
    form->addRow(tr("E&xercise:"), m_exercise);
    m_student->setPlaceholderText(tr("Your name"));
    m_group->setPlaceholderText(tr("e.g. 3CM1"));
    m_exercise->setPlaceholderText(tr("e.g. Homework 4, exercise 2"));
}

Homework HomeworkForm::homework() const
{
    return {m_student->text().trimmed(), m_group->text().trimmed(), m_exercise->text().trimmed()};
}

void HomeworkForm::setHomework(const Homework &homework)
{
    m_student->setText(homework.student);
    m_group->setText(homework.group);
    m_exercise->setText(homework.exercise);
}

PreferencesDialog::PreferencesDialog(const Homework &homework, QWidget *parent)
    : QDialog(parent), m_form(new HomeworkForm(this))
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The homework header: written at the top of every run you export."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_form);
    m_form->setHomework(homework);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), 420), sizeHint().height());
}

Homework PreferencesDialog::homework() const
{
    return m_form->homework();
}

ExportRunDialog::ExportRunDialog(const Homework &homework, const QString &folder, const QString &baseName,
                                 QWidget *parent)
    : QDialog(parent), m_format(new QComboBox(this)), m_path(new QLineEdit(this)),
      m_form(new HomeworkForm(this))
{
    setWindowTitle(tr("Export Run"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (const ExportFormat &f : RunExporter::formats())
        m_format->addItem(f.displayName(), f.suffix);
    form->addRow(tr("&Format:"), m_format);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    fileRow->addWidget(browse);
    form->addRow(tr("F&ile:"), fileRow);
    layout->addLayout(form);
    auto *header = new QLabel(tr("Homework header (also in Preferences):"), this);
    layout->addWidget(header);
    layout->addWidget(m_form);
    m_form->setHomework(homework);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_path->setText(QDir(folder).filePath(baseName + kRunLogSuffix));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportRunDialog::onFormatChanged);
    connect(browse, &QPushButton::clicked, this, &ExportRunDialog::browse);
    resize(std::max(sizeHint().width(), 560), sizeHint().height());
}

Homework ExportRunDialog::homework() const
{
    return m_form->homework();
}

QString ExportRunDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportRunDialog::setPath(const QString &path)
{
    m_path->setText(path);
    if (const auto format = RunExporter::formatFor(path)) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(m_format->findData(format->suffix));
    }
}

QString ExportRunDialog::formatSuffix() const
{
    return m_format->currentData().toString();
}

void ExportRunDialog::setFormat(const QString &suffix)
{
    const int i = m_format->findData(suffix);
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

void ExportRunDialog::onFormatChanged()
{
    const QString suffix = formatSuffix();
    const QString base = withoutSuffix(path());
    m_path->setText(base + (suffix == QLatin1String(".json") ? kRunLogSuffix : suffix));
}

void ExportRunDialog::browse()
{
    const auto format = RunExporter::formatFor(QStringLiteral("x") + formatSuffix());
    const QString filter = format ? format->displayName() : QString();
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Run"), path(), filter);
    if (chosen.isEmpty())
        return;
    // A name typed without the format's suffix gets it.
    setPath(RunExporter::formatFor(chosen) ? chosen : chosen + formatSuffix());
}

void ExportRunDialog::accept()
{
    const QString file = path();
    if (file.isEmpty() || QFileInfo(file).fileName().isEmpty()) {
        QMessageBox::warning(this, tr("Export Run"), tr("Choose a file to write."));
        return;
    }
    const auto format = RunExporter::formatFor(file);
    if (!format || format->suffix != formatSuffix()) {
        QMessageBox::warning(this, tr("Export Run"),
                             tr("The file name must end in %1 for this format.").arg(formatSuffix()));
        return;
    }
    if (!QFileInfo(file).absoluteDir().exists()) {
        QMessageBox::warning(this, tr("Export Run"),
                             tr("The folder %1 does not exist.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
        return;
    }
    QDialog::accept();
}

} // namespace concurrente
