#pragma once

#include <QDialog>

class QTextBrowser;

namespace concurrente {

/// The help page of one pane (lessons/help/<language>/<pane>.md), in a window beside the main
/// one that stays open while the student tries what it says.
class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    enum Pane { LessonPane, LabPane };

    explicit HelpDialog(QWidget *parent = nullptr);

    /// Shows `pane`'s page in `language`, read from `dataDir` (the folder holding lessons/).
    void showPane(Pane pane, const QString &language, const QString &dataDir);
    Pane pane() const { return m_pane; }
    QTextBrowser *browser() const { return m_browser; }

    /// Where `pane`'s help page in `language` is.
    static QString pagePath(Pane pane, const QString &language, const QString &dataDir);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QTextBrowser *m_browser;
    Pane m_pane = LessonPane;
};

} // namespace concurrente
