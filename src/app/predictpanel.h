#pragma once

#include "predict.h"

#include <QFrame>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QToolButton;
class QWidget;

namespace concurrente {

/// The page's Predict question above the lab's tabs: the input that fits it (a choice or a
/// number), locked while a run goes on, then the verdict the run gives it with the evidence
/// (each line a link to the process and the moment that decide it). The check itself is the
/// core's (checkPrediction()); this is only its face. Hidden when the page has no question.
class PredictPanel : public QFrame
{
    Q_OBJECT

public:
    explicit PredictPanel(QWidget *parent = nullptr);

    /// The page's question (none: the panel hides). The same question again only changes the
    /// language: the answer stays.
    void setQuestion(const std::optional<PredictQuestion> &question, const QString &language);
    const std::optional<PredictQuestion> &question() const { return m_question; }
    bool hasQuestion() const { return m_question.has_value(); }

    /// The answer as the check compares it: an option's value or a number; empty when none.
    QString answer() const;
    /// Sets the input to `answer` (an option's value or a number); not while locked.
    void setAnswer(const QString &answer);

    /// A run started: the answer is kept as it is and the last verdict is cleared.
    void lock();
    bool isLocked() const { return m_locked; }
    /// Showing a saved run's record (showRecord()).
    bool isReadOnly() const { return m_readOnly; }
    /// The run shown ended: judges the locked answer on it and unlocks the input.
    void judge(const RunLog &log);
    /// Back to asking: no verdict, the input unlocked (a new scenario, a run discarded).
    void clearVerdict();
    /// A saved run: its recorded prediction, read-only (nothing when it has none).
    void showRecord(const PredictRecord &record);
    /// The verdict shown (empty before one): what an exported run log stores.
    const PredictRecord &record() const { return m_record; }

    QComboBox *choiceBox() const { return m_choice; }
    QDoubleSpinBox *numberBox() const { return m_number; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *evidenceLabel() const { return m_evidence; }
    QToolButton *toggleButton() const { return m_toggle; }

Q_SIGNALS:
    /// The student clicked an evidence line: show its process and moment.
    void evidenceActivated(const concurrente::PredictEvidence &evidence);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillInput();
    void updateState();
    void showVerdict();

    std::optional<PredictQuestion> m_question;
    QString m_language = QStringLiteral("en");
    bool m_locked = false;
    bool m_readOnly = false; ///< a saved run's record
    PredictRecord m_record;
    QString m_lockedAnswer;

    QToolButton *m_toggle = nullptr;
    QLabel *m_text = nullptr;
    QWidget *m_body = nullptr;
    QComboBox *m_choice = nullptr;
    QDoubleSpinBox *m_number = nullptr;
    QLabel *m_unit = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_evidence = nullptr;
};

} // namespace concurrente
