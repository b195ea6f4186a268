// Predict → run → compare in the lab, with real processes: page 6's question before the run,
// the answer locked while it goes on, the verdict and its evidence after it, and the
// prediction kept in the run log that a teacher reopens.
#include "labpanel.h"
#include "lessoncatalog.h"
#include "predictpanel.h"
#include "timelineview.h"
#include "uitranslations.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace concurrente;
using namespace Qt::StringLiterals;

namespace {

QString preset(int page)
{
    return LessonCatalog().page(u"en"_s, page).presetPath;
}

/// The lab on screen with a page's preset, in English; its predict panel.
PredictPanel *showPage(LabPanel &lab, int page)
{
    lab.resize(1000, 800);
    lab.show();
    lab.showPreset(preset(page), u"en"_s);
    return lab.predictPanel();
}

} // namespace

class TestPredictPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void page6RightThenNotQuite();
    void typedAnswerCountsWithoutEnter();
    void choiceTextIsQuoted();
    void shortLabScrollsToTheVerdict();
    void evidenceMovesTheTimelineCursor();
    void savedRunShowsThePrediction();
    void pagesWithoutAQuestionHideIt();

private:
    /// Runs page 6 with `answer` and waits for the verdict.
    void runPage6(LabPanel &lab, const QString &answer);

    UiTranslations m_translations;
};

void TestPredictPanel::initTestCase()
{
    m_translations.setLanguage(u"en"_s);
}

void TestPredictPanel::runPage6(LabPanel &lab, const QString &answer)
{
    PredictPanel *predict = lab.predictPanel();
    predict->setAnswer(answer);
    QCOMPARE(predict->answer(), answer);
    lab.runAction()->trigger();
    QVERIFY(lab.run());
    // Locked from the start to the end of the run: another answer is refused.
    QVERIFY(predict->isLocked());
    QVERIFY(!predict->numberBox()->isEnabled());
    predict->setAnswer(u"7"_s);
    QCOMPARE(predict->answer(), answer);
    QVERIFY(predict->record().isEmpty());
    QVERIFY(!predict->verdictLabel()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!predict->record().isEmpty(), 5000);
    QVERIFY(!predict->isLocked());
    QVERIFY(predict->numberBox()->isEnabled());
}

void TestPredictPanel::page6RightThenNotQuite()
{
    LabPanel lab;
    PredictPanel *predict = showPage(lab, 6);
    QVERIFY(predict->isVisible());
    QVERIFY(predict->hasQuestion());
    QCOMPARE(predict->question()->id, u"06-join-terminate"_s);
    QVERIFY(predict->numberBox()->isVisible());
    QVERIFY(!predict->choiceBox()->isVisible());
    QVERIFY(predict->answer().isEmpty()); // nothing answered yet

    runPage6(lab, u"-15"_s);
    const PredictRecord right = predict->record();
    QCOMPARE(right.verdict, u"right"_s);
    QCOMPARE(right.answer, u"-15"_s);
    QVERIFY(!right.evidence.isEmpty());
    QCOMPARE(right.evidence.first().what, u"exitcode"_s);
    QCOMPARE(right.evidence.first().value, u"-15"_s);
    QCOMPARE(right.evidence.first().process, lab.store()->process(0).record.name);
    QVERIFY(predict->verdictLabel()->isVisible());
    QVERIFY(predict->verdictLabel()->text().contains(u"Right"_s));
    QVERIFY(predict->evidenceLabel()->text().contains(u"exitcode -15"_s));

    // A new run with another answer: the verdict of the last one is gone until this one ends.
    runPage6(lab, u"0"_s);
    const PredictRecord wrong = predict->record();
    QCOMPARE(wrong.verdict, u"not_quite"_s);
    QCOMPARE(wrong.actual, u"-15"_s);
    QVERIFY(predict->verdictLabel()->text().contains(u"Not quite"_s));
    QVERIFY(predict->verdictLabel()->text().contains(u"the run shows -15"_s));
}

void TestPredictPanel::choiceTextIsQuoted()
{
    // Page 12 asks with choices; a choice's text in the middle of the verdict's sentence is
    // quoted, where a number (page 6's -15, above) is not.
    LabPanel lab;
    PredictPanel *predict = showPage(lab, 12);
    QVERIFY(predict->choiceBox()->isVisible());
    lab.runAction()->trigger();
    QVERIFY(lab.run());
    QTRY_VERIFY_WITH_TIMEOUT(lab.run()->isFinished(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!predict->record().isEmpty(), 5000);
    const QString shown = predict->record().actualEn;
    QVERIFY(!shown.isEmpty());
    const QString text = predict->verdictLabel()->text();
    QVERIFY2(text.contains(u"the run shows “"_s + shown.toHtmlEscaped() + u"”."_s), qPrintable(text));
}

void TestPredictPanel::shortLabScrollsToTheVerdict()
{
    // A lab too short for its upper part and its tabs: the upper part scrolls, so the verdict's
    // and the evidence's wrapped lines are whole, and the verdict is brought into view.
    LabPanel lab;
    lab.resize(380, 470);
    lab.show();
    lab.showPreset(preset(6), u"en"_s);
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    runPage6(lab, u"0"_s);
    PredictPanel *predict = lab.predictPanel();
    QScrollArea *scroll = nullptr;
    for (QScrollArea *a : lab.findChildren<QScrollArea *>())
        if (a->isAncestorOf(predict))
            scroll = a;
    QVERIFY(scroll);
    QWidget *viewport = scroll->viewport();
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0); // it does not all fit: it scrolls
    for (QLabel *label : {predict->verdictLabel(), predict->evidenceLabel()}) {
        QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 px for %3")
                                    .arg(label->text())
                                    .arg(label->height())
                                    .arg(label->heightForWidth(label->width()))));
        const QRect inViewport(label->mapTo(viewport, QPoint(0, 0)), label->size());
        QTRY_VERIFY2(viewport->rect().contains(inViewport), qPrintable(label->text()));
    }
}

void TestPredictPanel::typedAnswerCountsWithoutEnter()
{
    // The student types the number and presses Run (Ctrl+R) without Enter first: that answer
    // is the one locked and judged.
    LabPanel lab;
    PredictPanel *predict = showPage(lab, 6);
    QVERIFY(QTest::qWaitForWindowExposed(&lab));
    QDoubleSpinBox *box = predict->numberBox();
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, u"-15"_s);
    QVERIFY(predict->answer().isEmpty()); // not confirmed yet
    lab.runAction()->trigger();
    QVERIFY(predict->isLocked());
    QTRY_VERIFY_WITH_TIMEOUT(!predict->record().isEmpty(), 15000);
    QCOMPARE(predict->record().answer, u"-15"_s);
    QCOMPARE(predict->record().verdict, u"right"_s);
}

void TestPredictPanel::evidenceMovesTheTimelineCursor()
{
    LabPanel lab;
    showPage(lab, 6);
    runPage6(lab, u"-15"_s);
    const PredictEvidence evidence = lab.predictPanel()->record().evidence.first();
    QVERIFY(evidence.tNs);
    QSignalSpy moved(lab.timelineView(), &TimelineView::cursorMoved);
    Q_EMIT lab.predictPanel()->evidenceLabel()->linkActivated(u"0"_s);
    QCOMPARE(lab.tabs()->currentIndex(), int(LabPanel::TimelineTab));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.first().first().toLongLong(), *evidence.tNs);
    // The process the evidence is about is the one selected.
    const QModelIndexList rows = lab.processView()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(lab.store()->process(rows.first().row()).record.name, evidence.process);
}

void TestPredictPanel::savedRunShowsThePrediction()
{
    LabPanel lab;
    showPage(lab, 6);
    runPage6(lab, u"0"_s);
    // What File → Export run writes, read back as File → Open run does.
    RunLog log = lab.store()->log();
    log.predict = lab.predictPanel()->record();
    QString error;
    const auto back = RunLog::fromJson(log.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->predict, lab.predictPanel()->record());

    lab.showSavedRun(*back, u"/tmp/page6.json"_s);
    PredictPanel *predict = lab.predictPanel();
    QVERIFY(predict->isVisible());
    QVERIFY(predict->isReadOnly());
    QVERIFY(!predict->choiceBox()->isEnabled());
    QCOMPARE(predict->record().verdict, u"not_quite"_s);
    QVERIFY(predict->verdictLabel()->text().contains(u"Not quite"_s));
    QVERIFY(predict->evidenceLabel()->text().contains(u"exitcode -15"_s));

    // Back to the page: its question, to be answered again.
    lab.leaveSavedRun();
    QVERIFY(!predict->isReadOnly());
    QVERIFY(predict->numberBox()->isVisible());
    QVERIFY(predict->numberBox()->isEnabled());
}

void TestPredictPanel::pagesWithoutAQuestionHideIt()
{
    LabPanel lab;
    lab.show();
    lab.showPreset(preset(13), u"en"_s);
    QVERIFY(!lab.predictPanel()->isVisible());
    lab.showPreset(preset(10), u"es"_s);
    QVERIFY(lab.predictPanel()->isVisible());
    QVERIFY(lab.predictPanel()->choiceBox()->isVisible());
    QCOMPARE(lab.predictPanel()->choiceBox()->count(), 3);
    QVERIFY(lab.predictPanel()->choiceBox()->itemText(2).startsWith(u"PID 1 (init)"_s));
}

QTEST_MAIN(TestPredictPanel)
#include "tst_predict.moc"
