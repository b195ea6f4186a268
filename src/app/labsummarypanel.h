#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LabSummaryPanel;
}

namespace concurrente {

class WorkerSummaryModel;

/// The lab area beside the page: what the page's example runs — the preset's title, its
/// workers and the main program's actions — or a clear message when the preset is missing or
/// invalid.
class LabSummaryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabSummaryPanel(QWidget *parent = nullptr);
    ~LabSummaryPanel() override;

    /// Loads and validates `presetPath`; texts in `language`.
    void showPreset(const QString &presetPath, const QString &language);

    WorkerSummaryModel *workersModel() const { return m_workers; }
    QString title() const;
    /// The message shown instead of the summary; empty when the preset loaded.
    QString message() const;
    QStringList actionTexts() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitWorkersHeight();

    std::unique_ptr<Ui::LabSummaryPanel> m_ui;
    WorkerSummaryModel *m_workers = nullptr;
    QString m_presetPath;
    QString m_language;
};

} // namespace concurrente
