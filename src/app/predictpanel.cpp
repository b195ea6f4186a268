#include "predictpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace concurrente {

namespace {

QString numberText(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

PredictPanel::PredictPanel(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("predictPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 4);
    outer->setSpacing(4);

    auto *head = new QHBoxLayout;
    m_toggle = new QToolButton(this);
    m_toggle->setCheckable(true);
    m_toggle->setChecked(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QFont bold = m_toggle->font();
    bold.setBold(true);
    m_toggle->setFont(bold);
    head->addWidget(m_toggle, 0, Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    head->addWidget(m_text, 1);
    outer->addLayout(head);

    m_body = new QWidget(this);
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(4);
    auto *inputRow = new QHBoxLayout;
    m_choice = new QComboBox(m_body);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(16);
    m_number = new QDoubleSpinBox(m_body);
    m_number->setKeyboardTracking(false);
    m_number->setMinimumWidth(m_number->fontMetrics().horizontalAdvance(QStringLiteral("−000.00")) + 32);
    m_unit = new QLabel(m_body);
    m_note = new QLabel(m_body);
    m_note->setWordWrap(true);
    QPalette muted = m_note->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_note->setPalette(muted);
    inputRow->addWidget(m_choice, 2);
    inputRow->addWidget(m_number);
    inputRow->addWidget(m_unit);
    inputRow->addWidget(m_note, 3);
    body->addLayout(inputRow);
    m_verdict = new QLabel(m_body);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    body->addWidget(m_verdict);
    m_evidence = new QLabel(m_body);
    m_evidence->setWordWrap(true);
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    body->addWidget(m_evidence);
    outer->addWidget(m_body);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        m_body->setVisible(open);
        m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_evidence, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const int i = link.toInt(&ok);
        if (ok && i >= 0 && i < m_record.evidence.size())
            Q_EMIT evidenceActivated(m_record.evidence.at(i));
    });
    hide();
    retranslate();
}

void PredictPanel::setQuestion(const std::optional<PredictQuestion> &question, const QString &language)
{
    const bool same = !m_readOnly && question && m_question && question->id == m_question->id;
    const QString kept = answer();
    m_language = language;
    m_question = question;
    setVisible(m_question.has_value());
    if (!same) {
        m_readOnly = false;
        m_locked = false;
        m_record = {};
    }
    fillInput();
    if (same && !kept.isEmpty()) {
        const bool locked = m_locked;
        m_locked = false;
        setAnswer(kept);
        m_locked = locked;
    }
    retranslate();
}

void PredictPanel::fillInput()
{
    const QSignalBlocker blockChoice(m_choice);
    const QSignalBlocker blockNumber(m_number);
    m_choice->clear();
    const bool choice = m_question && m_question->input == PredictQuestion::Input::Choice;
    m_choice->setVisible(choice);
    m_number->setVisible(m_question && !choice);
    m_unit->setVisible(m_question && !choice);
    if (!m_question)
        return;
    if (choice) {
        for (const PredictOption &o : m_question->options)
            m_choice->addItem(o.text.text(m_language), o.value);
        m_choice->setCurrentIndex(-1);
    } else {
        // One step below the range means "no answer yet", shown as the special text.
        const double step = std::pow(10.0, -m_question->decimals);
        m_number->setDecimals(m_question->decimals);
        m_number->setSingleStep(step);
        m_number->setRange(m_question->minimum - step, m_question->maximum);
        m_number->setValue(m_number->minimum());
        m_unit->setText(m_question->unit.text(m_language));
    }
}

QString PredictPanel::answer() const
{
    if (!m_question)
        return {};
    if (m_question->input == PredictQuestion::Input::Choice)
        return m_choice->currentIndex() < 0 ? QString() : m_choice->currentData().toString();
    if (m_number->value() <= m_number->minimum())
        return {};
    return numberText(m_number->value(), m_question->decimals);
}

void PredictPanel::setAnswer(const QString &answer)
{
    if (!m_question || m_locked || m_readOnly)
        return;
    if (m_question->input == PredictQuestion::Input::Choice) {
        m_choice->setCurrentIndex(m_choice->findData(answer));
    } else {
        bool ok = false;
        const double v = answer.toDouble(&ok);
        m_number->setValue(ok ? v : m_number->minimum());
    }
}

void PredictPanel::lock()
{
    if (!m_question || m_readOnly)
        return;
    // A number typed but not yet confirmed with Enter (Ctrl+R pressed in the box) still counts.
    if (m_number->isVisible())
        m_number->interpretText();
    m_locked = true;
    m_lockedAnswer = answer();
    m_record = {};
    updateState();
}

void PredictPanel::judge(const RunLog &log)
{
    if (!m_question || m_readOnly || !m_locked)
        return;
    m_locked = false;
    if (m_lockedAnswer.isEmpty()) {
        // No prediction to judge; the run's answer is still worth showing.
        m_record = checkPrediction(*m_question, QString(), log);
        m_record.verdict.clear();
    } else {
        m_record = checkPrediction(*m_question, m_lockedAnswer, log);
    }
    updateState();
}

void PredictPanel::clearVerdict()
{
    if (m_readOnly) {
        m_readOnly = false;
        fillInput();
    }
    m_locked = false;
    m_record = {};
    updateState();
}

void PredictPanel::showRecord(const PredictRecord &record)
{
    m_readOnly = true;
    m_locked = false;
    m_record = record;
    if (record.isEmpty()) {
        hide();
        return;
    }
    // The question as it was asked then, whatever this version's files say.
    PredictQuestion asked;
    asked.id = record.question;
    asked.text = {record.textEs, record.textEn};
    asked.options = {{record.answer, {record.answerEs, record.answerEn}}};
    m_question = asked;
    fillInput();
    m_choice->setCurrentIndex(0);
    show();
    retranslate();
}

void PredictPanel::updateState()
{
    const bool editable = !m_locked && !m_readOnly;
    m_choice->setEnabled(editable);
    m_number->setEnabled(editable);
    if (m_readOnly)
        m_note->setText(tr("The answer given before this saved run."));
    else if (m_locked)
        m_note->setText(tr("Answer locked while the run goes on."));
    else if (m_record.isEmpty())
        m_note->setText(tr("Answer, then run: the lab checks it on the run."));
    else
        m_note->setText(tr("Change the answer and run again to check it again."));
    showVerdict();
}

void PredictPanel::showVerdict()
{
    if (m_record.isEmpty()) {
        m_verdict->hide();
        m_evidence->hide();
        return;
    }
    const QString &v = m_record.verdict;
    const bool es = m_language.startsWith(QLatin1String("es"));
    QString shown = es ? m_record.actualEs : m_record.actualEn;
    if (shown.isEmpty())
        shown = m_record.actual;
    // A choice's text sits in the middle of a sentence: it is quoted (a number is not).
    const auto quoted = [](const QString &text) {
        bool number = false;
        text.toDouble(&number);
        return number ? text.toHtmlEscaped() : tr("“%1”").arg(text.toHtmlEscaped());
    };
    QString head;
    if (v.isEmpty()) {
        head = shown.isEmpty() ? tr("No answer was given.")
                               : tr("No answer was given; the run shows %1.").arg(quoted(shown));
    } else {
        const QString color = v == QLatin1String("right")       ? QStringLiteral("#2e7d32")
                              : v == QLatin1String("not_quite") ? QStringLiteral("#c0392b")
                                                                : QString();
        const QString mark = v == QLatin1String("right")       ? QStringLiteral("✔ ")
                             : v == QLatin1String("not_quite") ? QStringLiteral("✘ ")
                                                               : QString();
        const QString word = (mark + PredictText::verdict(v)).toHtmlEscaped();
        head = color.isEmpty() ? QStringLiteral("<b>%1</b>").arg(word)
                               : QStringLiteral("<b style=\"color:%1\">%2</b>").arg(color, word);
        const QString given = es ? m_record.answerEs : m_record.answerEn;
        head += QStringLiteral(" — ") + tr("you answered %1").arg(quoted(given));
        if (v == QLatin1String("not_quite") && !shown.isEmpty())
            head += QStringLiteral("; ") + tr("the run shows %1").arg(quoted(shown));
    }
    m_verdict->setText(head);
    m_verdict->show();
    if (m_record.evidence.isEmpty()) {
        m_evidence->hide();
        return;
    }
    QStringList lines;
    for (int i = 0; i < m_record.evidence.size(); ++i)
        lines.append(QStringLiteral("<a href=\"%1\">%2</a>")
                         .arg(i)
                         .arg(PredictText::evidence(m_record.evidence.at(i)).toHtmlEscaped()));
    m_evidence->setText(tr("Evidence:") + QStringLiteral(" ") + lines.join(QStringLiteral(" · ")));
    m_evidence->setToolTip(tr("Click a line to see its process and its moment on the timeline."));
    m_evidence->show();
}

void PredictPanel::retranslate()
{
    m_toggle->setText(tr("Predict"));
    m_toggle->setToolTip(tr("Show or hide the prediction"));
    m_choice->setPlaceholderText(tr("Choose an answer…"));
    m_choice->setAccessibleName(tr("Your answer"));
    m_choice->setToolTip(tr("Your answer to the question, locked when the run starts"));
    m_number->setSpecialValueText(tr("?"));
    m_number->setAccessibleName(tr("Your answer"));
    m_number->setToolTip(tr("Your answer to the question, locked when the run starts"));
    m_text->setText(m_question ? m_question->text.text(m_language) : QString());
    if (m_question && m_question->input == PredictQuestion::Input::Choice && !m_readOnly) {
        for (int i = 0; i < m_choice->count() && i < m_question->options.size(); ++i)
            m_choice->setItemText(i, m_question->options.at(i).text.text(m_language));
    }
    if (m_readOnly && m_choice->count() > 0)
        m_choice->setItemText(0, m_language.startsWith(QLatin1String("es")) ? m_record.answerEs
                                                                            : m_record.answerEn);
    updateState();
}

void PredictPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace concurrente
