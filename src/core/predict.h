#pragma once

#include "runlog.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace concurrente {

/// One answer a choice question offers: the value the check compares and the text shown.
struct PredictOption
{
    QString value;
    LocalizedText text;
};

/// A lesson page's Predict question as the lab asks it (lessons/predict/NN-*.json, one per
/// preset, same file name; docs/predict.md): the question, the input that fits it, and the
/// rule that finds the answer in a run. The rule reads the run, never a prepared answer: what
/// the run showed is what the student's answer is compared with.
class PredictQuestion
{
    Q_DECLARE_TR_FUNCTIONS(PredictQuestion)

public:
    enum class Input {
        Choice, ///< one of `options`
        Number  ///< a number within [minimum, maximum]; right within `tolerance`
    };

    QString id; ///< the preset's key ("06-join-terminate")
    LocalizedText text;
    Input input = Input::Choice;
    QList<PredictOption> options;
    double minimum = 0;
    double maximum = 100;
    int decimals = 0;
    double tolerance = 0;
    LocalizedText unit; ///< shown after a number ("s"); may be empty
    QString rule;       ///< how the run answers it (docs/predict.md)
    QJsonObject args;   ///< the rule's arguments (a worker id, a queue, …)

    /// The option whose value is `value`, or nullptr.
    const PredictOption *option(const QString &value) const;
    /// `answer` as the student saw it, in `language`.
    QString answerText(const QString &answer, const QString &language) const;

    static std::optional<PredictQuestion> fromJson(const QJsonObject &object, const QString &id,
                                                   QString *error = nullptr);
    static std::optional<PredictQuestion> load(const QString &path, QString *error = nullptr);
    /// lessons/predict/<the preset's file name> beside lessons/presets/.
    static QString pathForPreset(const QString &presetPath);
    /// The question of a preset; empty when the page has none (or it cannot be read).
    static std::optional<PredictQuestion> forPreset(const QString &presetPath, QString *error = nullptr);
    /// The rules a question may name.
    static QStringList rules();
};

/// What a run showed for a question: the answer it gives and the facts that decide it.
struct PredictOutcome
{
    bool decided = false; ///< the run got far enough to show it
    QString actual;       ///< an option's value, or a number as text
    QList<PredictEvidence> evidence;
};

/// Finds what `log`'s run answers to `question` (its rule). The same code for the lab, a saved
/// run and the tests.
PredictOutcome predictOutcome(const PredictQuestion &question, const RunLog &log);

/// The prediction `answer` to `question`, judged on `log`'s run: right when it is what the run
/// showed (for a number: within the tolerance), not quite otherwise, undecided when the run
/// did not get that far.
PredictRecord checkPrediction(const PredictQuestion &question, const QString &answer, const RunLog &log);

/// Display text of a verdict and of an evidence line, in the interface language.
class PredictText
{
    Q_DECLARE_TR_FUNCTIONS(PredictText)

public:
    static QString verdict(const QString &verdict);
    static QString evidence(const PredictEvidence &evidence);
};

} // namespace concurrente
