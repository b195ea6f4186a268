#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace concurrente {

/// The first-run welcome above the panes: what the lesson and the lab are, and how to run the
/// page's example. Dismissed once, it does not come back (CourseSession::welcomeSeen()).
class WelcomePanel : public QFrame
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    QString text() const;
    QPushButton *dismissButton() const { return m_dismiss; }
    QPushButton *helpButton() const { return m_help; }

Q_SIGNALS:
    /// "Got it": the student does not need it any more.
    void dismissed();
    /// The student asked for the lab's help page.
    void helpRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_text;
    QPushButton *m_help;
    QPushButton *m_dismiss;
};

} // namespace concurrente
