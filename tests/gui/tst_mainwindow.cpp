// The main window, offscreen: every page in both languages through the navigator and through
// previous / next, language switching, progress across restarts, bad settings and missing pages.
// Any Qt warning during a test fails it.

#include "coursesession.h"
#include "export.h"
#include "labmodels.h"
#include "labpanel.h"
#include "lessoncatalog.h"
#include "lessonlistmodel.h"
#include "lessonnavigator.h"
#include "lessonpane.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "pythonhighlighter.h"
#include "runjournal.h"
#include "scenarioeditor.h"
#include "scenarioeditormodels.h"
#include "uitranslations.h"
#include <QAbstractButton>
#include <QJsonObject>
#include <QMessageBox>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <memory>

#include <unistd.h>

using namespace concurrente;

namespace {

// Every warning (or worse) Qt or the app logs while a test runs; cleanup() fails the test if
// any is left that the test did not expect.
QMutex g_mutex;
QStringList g_warnings;
QList<QRegularExpression> g_expected;
QtMessageHandler g_previous = nullptr;

// The offscreen platform plugin says this whenever a top-level window's size hints change: it
// is the test platform's limitation, not something the app does wrong.
bool isOffscreenPluginNotice(const QString &message)
{
    return message == QLatin1String("This plugin does not support propagateSizeHints()");
}

void recordMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) &&
        !isOffscreenPluginNotice(message)) {
        QMutexLocker lock(&g_mutex);
        bool expected = false;
        for (const auto &re : std::as_const(g_expected))
            expected = expected || re.match(message).hasMatch();
        if (!expected)
            g_warnings.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

void expectWarning(const QString &pattern)
{
    QMutexLocker lock(&g_mutex);
    g_expected.append(QRegularExpression(pattern));
}

} // namespace

// One app instance as main() builds it, with its own settings file.
struct Fixture
{
    explicit Fixture(const QString &settingsFile, const QString &language, const QString &dataDir = QString())
        : session(LessonCatalog(dataDir), settingsFile)
    {
        if (!language.isEmpty())
            session.setLanguage(language);
        translations.setLanguage(session.language());
        window = std::make_unique<MainWindow>(&session, &translations);
        window->resize(1280, 800);
        window->show();
    }
    ~Fixture() { window->close(); }

    QAction *action(const char *name) const
    {
        return window->findChild<QAction *>(QString::fromLatin1(name));
    }
    QString pageText() const { return window->lessonPane()->view()->toPlainText(); }
    QStringList menuTitles() const
    {
        QStringList titles;
        for (QAction *a : window->menuBar()->actions())
            titles.append(a->text());
        return titles;
    }
    void clickPage(int number) const
    {
        QListView *list = window->navigator()->listView();
        const QModelIndex index =
            window->navigator()->model()->index(window->navigator()->model()->rowOf(number));
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    }

    CourseSession session;
    UiTranslations translations;
    std::unique_ptr<MainWindow> window;
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interruptedRunIsOfferedForReview();
    void journalOfAKilledAppIsRecovered();
    void killedDuringARun(); // the app that journalOfAKilledAppIsRecovered() kills
    void initTestCase();
    void init();
    void cleanup();

    void visitEveryPageThroughNavigator_data();
    void visitEveryPageThroughNavigator();
    void visitEveryPageWithNextAndPrevious_data();
    void visitEveryPageWithNextAndPrevious();
    void languageSwitchChangesPageAndMenus();
    void progressPersistsAcrossRestart();
    void corruptSettingsFallBackToDefaults_data();
    void corruptSettingsFallBackToDefaults();
    void missingLessonFileShowsMessage();
    void smallWindowGivesTheLessonMostRoom_data();
    void smallWindowGivesTheLessonMostRoom();
    void zoomIsRememberedAndResizesImages();
    void imagesFitTheColumn_data();
    void imagesFitTheColumn();
    void narrowColumnsDrawTheStackedDiagram_data();
    void narrowColumnsDrawTheStackedDiagram();
    void pythonListingsAreHighlighted();
    void highlightingReadsInLightAndDark_data();
    void highlightingReadsInLightAndDark();
    void linksNavigate();
    void labSummaryShowsThePreset();
    void labSummaryReportsMissingPreset();
    void modelsPassTheTester();

    // Reading fixes.
    void headingsWithInlineCodeKeepTheirStyle_data();
    void headingsWithInlineCodeKeepTheirStyle();
    void backAndForwardFollowTheHistory();
    void navigatorArrowKeysOpenThePage();
    void menuMnemonicsAreUnique_data();
    void menuMnemonicsAreUnique();
    void ctrlEndReachesTheEndOfThePage();
    void languageSwitchKeepsTheReadingPosition();
    void zoomNamesAndChangesTheLessonOnly();

    // Saved runs.
    void openSavedRunShowsItReadOnly();
    void badSavedRunLeavesTheLabAsItWas_data();
    void badSavedRunLeavesTheLabAsItWas();
    void realRunRoundTripsThroughTheWindow();

private:
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("settings.conf")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    g_previous = qInstallMessageHandler(recordMessages);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QMutexLocker lock(&g_mutex);
    g_warnings.clear();
    g_expected.clear();
}

void TestMainWindow::cleanup()
{
    QMutexLocker lock(&g_mutex);
    const QStringList warnings = g_warnings;
    g_warnings.clear();
    g_expected.clear();
    lock.unlock();
    m_dir.reset();
    QVERIFY2(warnings.isEmpty(),
             qPrintable(QStringLiteral("Qt warnings:\n") + warnings.join(QLatin1Char('\n'))));
}

void TestMainWindow::visitEveryPageThroughNavigator_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("es") << QStringLiteral("es");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestMainWindow::visitEveryPageThroughNavigator()
{
    QFETCH(QString, language);
    Fixture f(settingsPath(), language);
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(1);

    const auto pages = f.session.pages();
    QCOMPARE(pages.size(), qsizetype(LessonCatalog::PageCount));
    for (const LessonPage &page : pages) {
        QSignalSpy shown(f.window.get(), &MainWindow::pageShown);
        if (page.number != 1)
            f.clickPage(page.number);
        else
            f.session.goTo(1);
        QTRY_COMPARE(f.session.currentNumber(), page.number);
        QVERIFY(!shown.isEmpty());
        QVERIFY2(page.exists, qPrintable(page.filePath));
        QVERIFY2(f.pageText().contains(page.title), qPrintable(page.title));
        QVERIFY(f.window->windowTitle().contains(QStringLiteral("Concurrente")));
        QVERIFY(f.window->windowTitle().contains(page.title));
        QVERIFY2(f.window->labPanel()->message().isEmpty(), qPrintable(f.window->labPanel()->message()));
        QVERIFY(!f.window->labPanel()->title().isEmpty());
        const QModelIndex current = f.window->navigator()->listView()->currentIndex();
        QCOMPARE(current.data(LessonListModel::PageNumberRole).toInt(), page.number);
        QVERIFY(current.data(LessonListModel::CurrentRole).toBool());
        QVERIFY(current.data(LessonListModel::VisitedRole).toBool());
        QVERIFY(f.window->navigator()->progressText().startsWith(QStringLiteral("%1 / 13").arg(page.number)));
    }
    QCOMPARE(f.session.visited().size(), qsizetype(LessonCatalog::PageCount));
}

void TestMainWindow::visitEveryPageWithNextAndPrevious_data()
{
    visitEveryPageThroughNavigator_data();
}

void TestMainWindow::visitEveryPageWithNextAndPrevious()
{
    QFETCH(QString, language);
    Fixture f(settingsPath(), language);
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(1);
    QAction *next = f.action("actionNext");
    QAction *previous = f.action("actionPrevious");
    QVERIFY(next && previous);
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());

    // Forwards with the keyboard shortcut (Ctrl+PgDown), as a student would.
    for (int n = 2; n <= LessonCatalog::PageCount; ++n) {
        QTest::keyClick(f.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_COMPARE(f.session.currentNumber(), n);
        QVERIFY(f.pageText().contains(f.session.currentPage().title));
        QVERIFY(f.window->lessonPane()->positionText().contains(QString::number(n)));
    }
    QVERIFY(!next->isEnabled());
    QVERIFY(previous->isEnabled());

    // Backwards with the "previous" button under the page.
    auto *button = f.window->lessonPane()->findChild<QToolButton *>(QStringLiteral("previousButton"));
    QVERIFY(button);
    for (int n = LessonCatalog::PageCount - 1; n >= 1; --n) {
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(f.session.currentNumber(), n);
        QVERIFY(f.pageText().contains(f.session.currentPage().title));
    }
    QVERIFY(!previous->isEnabled());
    // Ctrl+PgUp on the first page stays there.
    QTest::keyClick(f.window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(f.session.currentNumber(), 1);
}

void TestMainWindow::languageSwitchChangesPageAndMenus()
{
    Fixture f(settingsPath(), QStringLiteral("es"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(8);
    const QString spanishText = f.pageText();
    const QStringList spanishMenus = f.menuTitles();
    const QString spanishTitle = f.session.currentPage().title;
    QVERIFY(f.action("actionSpanish")->isChecked());
    QVERIFY2(spanishMenus.contains(QStringLiteral("&Archivo")), qPrintable(spanishMenus.join(u' ')));

    f.action("actionEnglish")->trigger();
    QTRY_COMPARE(f.session.language(), QStringLiteral("en"));
    QCOMPARE(f.session.currentNumber(), 8);
    const QString englishTitle = f.session.currentPage().title;
    QVERIFY(englishTitle != spanishTitle);
    QTRY_VERIFY(f.pageText().contains(englishTitle));
    QVERIFY(f.pageText() != spanishText);
    QTRY_VERIFY(f.menuTitles() != spanishMenus);
    QVERIFY2(f.menuTitles().contains(QStringLiteral("&File")), qPrintable(f.menuTitles().join(u' ')));
    QVERIFY(f.window->windowTitle().contains(englishTitle));
    QVERIFY(f.window->navigator()->progressText().contains(QStringLiteral("visited")));
    QVERIFY(f.action("actionEnglish")->isChecked());

    f.action("actionSpanish")->trigger();
    QTRY_COMPARE(f.pageText(), spanishText);
    QTRY_COMPARE(f.menuTitles(), spanishMenus);
    QVERIFY(f.window->navigator()->progressText().contains(QStringLiteral("visitadas")));
}

void TestMainWindow::progressPersistsAcrossRestart()
{
    {
        Fixture f(settingsPath(), QStringLiteral("en"));
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        f.session.start(3);
        f.clickPage(5);
        QTRY_COMPARE(f.session.currentNumber(), 5);
        f.clickPage(7);
        QTRY_COMPARE(f.session.currentNumber(), 7);
        f.window->splitter()->setSizes({150, 700, 300});
        QVERIFY(f.action("actionShowLab")->isChecked());
        f.action("actionShowLab")->trigger();
        QVERIFY(f.window->labPanel()->isHidden());
        f.window->close();
    }
    Fixture again(settingsPath(), QString());
    QVERIFY(QTest::qWaitForWindowExposed(again.window.get()));
    QCOMPARE(again.session.language(), QStringLiteral("en"));
    again.session.start(0);
    QCOMPARE(again.session.currentNumber(), 7);
    QCOMPARE(again.session.visited(), (QSet<int>{3, 5, 7}));
    QCOMPARE(again.window->navigator()->progressText(), QStringLiteral("3 / 13 visited"));
    QCOMPARE(again.window->splitter()->sizes().constFirst(), 150);
    QVERIFY(!again.action("actionShowLab")->isChecked());
    QVERIFY(again.window->labPanel()->isHidden());
    again.action("actionShowLab")->trigger();
    QVERIFY(!again.window->labPanel()->isHidden());
    QVERIFY(again.session.labVisible());
}

void TestMainWindow::corruptSettingsFallBackToDefaults_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("setAside");
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    // QSettings' INI reader takes most garbage as odd keys without reporting an error.
    QTest::newRow("binary garbage") << garbage << false;
    QTest::newRow("unterminated section") << QByteArray("[lesson\nlast=\"5\n\x01\x02\n") << true;
    QTest::newRow("wrong types and ranges")
        << QByteArray(
               "[lesson]\nlast=99\nvisited=banana,0,14,-3\n[view]\nzoom=100000\n[ui]\nlanguage=klingon\n"
               "[window]\ngeometry=@ByteArray(nonsense)\nsplitter=@ByteArray(\\x1)\n")
        << false;
}

void TestMainWindow::corruptSettingsFallBackToDefaults()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, setAside);
    {
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    expectWarning(QStringLiteral("could not be read"));
    {
        Fixture f(settingsPath(), QString());
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QCOMPARE(f.session.storedPage(), 1);
        QVERIFY(f.session.visited().isEmpty());
        QCOMPARE(f.session.zoomPercent(), 100);
        QVERIFY(LessonCatalog::languages().contains(f.session.language()));
        if (setAside)
            QVERIFY(f.session.settingsWereReset());
        f.session.start(0);
        QCOMPARE(f.session.currentNumber(), 1);
        QVERIFY(!f.pageText().isEmpty());
        f.session.goTo(4);
    }
    // Progress is saved again afterwards.
    CourseSession again(LessonCatalog(), settingsPath());
    QCOMPARE(again.storedPage(), 4);
}

void TestMainWindow::missingLessonFileShowsMessage()
{
    // A data folder with every page but one, and with the presets.
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const LessonCatalog real;
    QVERIFY(QDir(data.path()).mkpath(QStringLiteral("lessons/en")));
    QVERIFY(QDir(data.path()).mkpath(QStringLiteral("lessons/presets")));
    for (const LessonPage &p : real.pages(QStringLiteral("en"))) {
        if (p.number != 6)
            QVERIFY(QFile::copy(p.filePath, data.filePath(QStringLiteral("lessons/en/") + p.fileName())));
        QFile::copy(p.presetPath,
                    data.filePath(QStringLiteral("lessons/presets/") + QFileInfo(p.presetPath).fileName()));
    }
    expectWarning(QStringLiteral("lesson image not found")); // the copied pages' diagrams are not copied
    Fixture f(settingsPath(), QStringLiteral("en"), data.path());
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(6);
    const QString missing =
        QDir::toNativeSeparators(data.filePath(QStringLiteral("lessons/en/06-join-terminate.md")));
    QVERIFY2(f.pageText().contains(missing), qPrintable(f.pageText()));
    QVERIFY(f.pageText().contains(QStringLiteral("cannot be shown")));
    // The rest of the app keeps working: the lab summary of that page, and the other pages.
    QVERIFY(!f.window->labPanel()->title().isEmpty());
    f.clickPage(7);
    QTRY_COMPARE(f.session.currentNumber(), 7);
    QVERIFY(f.pageText().contains(f.session.currentPage().title));
    QVERIFY(!f.pageText().contains(missing));
}

void TestMainWindow::smallWindowGivesTheLessonMostRoom_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("es") << QStringLiteral("es");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestMainWindow::smallWindowGivesTheLessonMostRoom()
{
    QFETCH(QString, language);
    {
        // First run, no stored split: the lesson column gets the largest share.
        CourseSession session(LessonCatalog(), settingsPath());
        session.setLanguage(language);
        UiTranslations translations;
        translations.setLanguage(language);
        MainWindow window(&session, &translations);
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start(11);
        const QList<int> sizes = window.splitter()->sizes();
        QCOMPARE(sizes.size(), 3);
        QVERIFY2(window.lessonPane()->width() >= 480, qPrintable(QStringLiteral("lesson column %1 px of %2")
                                                                     .arg(window.lessonPane()->width())
                                                                     .arg(window.width())));
        QVERIFY(sizes.at(1) > sizes.at(0) && sizes.at(1) > sizes.at(2));

        // Long titles wrap instead of losing their end, and the tooltip names the whole title.
        QListView *list = window.navigator()->listView();
        const QFontMetrics fm(list->font());
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            const QString text = index.data(Qt::DisplayRole).toString();
            const QRect rect = list->visualRect(index);
            QVERIFY2(rect.width() <= list->viewport()->width(), qPrintable(text));
            const int lines = rect.height() / fm.lineSpacing();
            QVERIFY2(fm.horizontalAdvance(text) <=
                             (rect.width() - list->iconSize().width() - 8) * std::max(1, lines) + 1 ||
                         lines >= 2,
                     qPrintable(QStringLiteral("%1 does not fit in %2").arg(text).arg(rect.width())));
            const QString title = session.pages().at(row).title;
            QVERIFY2(index.data(Qt::ToolTipRole).toString().contains(title), qPrintable(title));
        }
        window.splitter()->setSizes({200, 500, 300});
        window.close();
    }
    // A split the student chose is kept, not replaced by the default.
    CourseSession session(LessonCatalog(), settingsPath());
    UiTranslations translations;
    translations.setLanguage(session.language());
    MainWindow window(&session, &translations);
    window.resize(1024, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.splitter()->sizes().constFirst(), 200);
}

void TestMainWindow::zoomIsRememberedAndResizesImages()
{
    {
        Fixture f(settingsPath(), QStringLiteral("en"));
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        f.session.start(1);
        LessonView *view = f.window->lessonPane()->view();
        const qreal before = view->document()->defaultFont().pointSizeF();
        QSignalSpy zoomed(view, &LessonView::zoomChanged);
        f.action("actionZoomIn")->trigger();
        f.action("actionZoomIn")->trigger();
        QCOMPARE(zoomed.size(), 2);
        QCOMPARE(view->zoomPercent(), 120);
        QVERIFY(view->document()->defaultFont().pointSizeF() > before);
        f.action("actionZoomOut")->trigger();
        QCOMPARE(view->zoomPercent(), 110);
    }
    Fixture again(settingsPath(), QString());
    QCOMPARE(again.window->lessonPane()->view()->zoomPercent(), 110);
    again.action("actionZoomReset")->trigger();
    QCOMPARE(again.window->lessonPane()->view()->zoomPercent(), 100);
    QCOMPARE(again.session.zoomPercent(), 100);
}

void TestMainWindow::imagesFitTheColumn_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("page");
    QTest::addColumn<QSize>("windowSize");
    QTest::addColumn<int>("zoom");
    for (const QString &lang : {QStringLiteral("es"), QStringLiteral("en")}) {
        for (int page : {8, 11}) {
            QTest::addRow("%s page %d large", qPrintable(lang), page)
                << lang << page << QSize(1440, 900) << 100;
            QTest::addRow("%s page %d small", qPrintable(lang), page)
                << lang << page << QSize(1024, 640) << 100;
            QTest::addRow("%s page %d small zoomed", qPrintable(lang), page)
                << lang << page << QSize(1024, 640) << 200;
        }
    }
}

void TestMainWindow::imagesFitTheColumn()
{
    QFETCH(QString, language);
    QFETCH(int, page);
    QFETCH(QSize, windowSize);
    QFETCH(int, zoom);
    Fixture f(settingsPath(), language);
    f.window->resize(windowSize);
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(page);
    LessonView *view = f.window->lessonPane()->view();
    view->setZoomPercent(zoom);
    QTRY_VERIFY(!view->imageSizes().isEmpty());
    const int limit = view->imageWidthLimit();
    QVERIFY(limit <= view->viewport()->width());
    const auto sizes = view->imageSizes();
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        QVERIFY2(it.value().width() <= limit, qPrintable(QStringLiteral("%1 is %2 px wide, column %3")
                                                             .arg(it.key())
                                                             .arg(it.value().width())
                                                             .arg(limit)));
        QVERIFY(it.value().width() > 100);
        // Rendered at the device pixel ratio: as many pixels as the layout size times the ratio.
        const QImage img =
            view->document()->resource(QTextDocument::ImageResource, QUrl(it.key())).value<QImage>();
        QVERIFY(!img.isNull());
        QCOMPARE(img.devicePixelRatio(), view->devicePixelRatioF());
        QCOMPARE(img.width(), qRound(it.value().width() * view->devicePixelRatioF()));
    }
    // A narrower window re-renders the images to the new column.
    const int before = limit;
    f.window->resize(windowSize.width() - 200, windowSize.height());

    QTRY_VERIFY(view->imageWidthLimit() < before);
    QTRY_VERIFY(std::all_of(view->imageSizes().cbegin(), view->imageSizes().cend(),
                            [&](const QSize &s) { return s.width() <= view->imageWidthLimit(); }));
}

void TestMainWindow::narrowColumnsDrawTheStackedDiagram_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("viewWidth");
    QTest::addColumn<bool>("narrow");
    for (const QString &lang : {QStringLiteral("es"), QStringLiteral("en")}) {
        for (int page : {8, 10, 11}) {
            QTest::addRow("%s page %d narrow", qPrintable(lang), page) << lang << page << 420 << true;
            QTest::addRow("%s page %d wide", qPrintable(lang), page) << lang << page << 1000 << false;
        }
    }
}

void TestMainWindow::narrowColumnsDrawTheStackedDiagram()
{
    QFETCH(QString, language);
    QFETCH(int, page);
    QFETCH(int, viewWidth);
    QFETCH(bool, narrow);
    const QList<LessonPage> pages = LessonCatalog().pages(language);
    QVERIFY(pages.size() >= page);
    const LessonText text = LessonCatalog::loadMarkdown(pages.at(page - 1).filePath);
    QVERIFY2(text.ok(), qPrintable(text.error));

    LessonView view;
    view.resize(viewWidth, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showMarkdown(text.markdown, pages.at(page - 1).filePath);
    QTRY_VERIFY(!view.imageFiles().isEmpty());

    const auto files = view.imageFiles();
    const auto sizes = view.imageSizes();
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString wide = LessonCatalog::resolve(pages.at(page - 1).filePath, it.key());
        QVERIFY2(QFileInfo(wide).isFile(), qPrintable(wide));
        const QString expected = narrow ? LessonView::narrowVariantOf(wide) : wide;
        QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("no narrow variant beside %1").arg(wide)));
        QCOMPARE(QFileInfo(it.value()).canonicalFilePath(), QFileInfo(expected).canonicalFilePath());
        // Fitted the same way as the wide one: never wider than the column, and with the drawn
        // variant's proportions (the stacked one is taller than wide).
        const QSize size = sizes.value(it.key());
        QVERIFY(size.width() <= view.imageWidthLimit());
        QCOMPARE(size.height() > size.width(), narrow);
        const QImage img =
            view.document()->resource(QTextDocument::ImageResource, QUrl(it.key())).value<QImage>();
        QCOMPARE(img.width(), qRound(size.width() * view.devicePixelRatioF()));
    }

    // The variant follows the width both ways.
    view.resize(narrow ? 1000 : 420, 600);
    QTRY_VERIFY(std::all_of(view.imageFiles().cbegin(), view.imageFiles().cend(), [&](const QString &file) {
        return file.endsWith(QLatin1String("-narrow.svg")) != narrow;
    }));
}

void TestMainWindow::pythonListingsAreHighlighted()
{
    Fixture f(settingsPath(), QStringLiteral("es"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(2);
    QTextDocument *doc = f.window->lessonPane()->view()->document();
    int pythonBlocks = 0;
    int coloured = 0;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const QString lang = b.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage);
        if (PythonHighlighter::isPythonLanguage(lang)) {
            ++pythonBlocks;
            coloured += !b.layout()->formats().isEmpty();
        } else if (lang.isEmpty() && !b.text().isEmpty()) {
            // Prose is left alone by the highlighter.
            QVERIFY2(b.layout()->formats().isEmpty(), qPrintable(b.text()));
        }
    }
    QVERIFY2(pythonBlocks > 0, "page 2 has no ```python listing");
    QVERIFY(coloured > 0);
}

namespace {
qreal luminance(const QColor &c)
{
    auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

void TestMainWindow::highlightingReadsInLightAndDark_data()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("text");
    QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black);
    QTest::newRow("light grey") << QColor(0xf6, 0xf5, 0xf4) << QColor(0x24, 0x1f, 0x31);
    QTest::newRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xe0, 0xe0, 0xe0);
    QTest::newRow("dark blue") << QColor(0x23, 0x26, 0x2e) << QColor(0xfc, 0xfc, 0xfc);
}

void TestMainWindow::highlightingReadsInLightAndDark()
{
    // Every colour the highlighter picks keeps WCAG AA contrast (4.5:1) on the listing's box.
    QFETCH(QColor, base);
    QFETCH(QColor, text);
    QPalette palette;
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    LessonView view;
    view.setPalette(palette);
    view.showMarkdown(QStringLiteral("Prose.\n\n```python\n@decorator\ndef f(x=1.5):  # comment\n    return "
                                     "print(\"s\", None, 0x1F)\n```\n"),
                      QString());
    const QColor box = QColor::fromRgbF(float(base.redF() * 0.945 + text.redF() * 0.055),
                                        float(base.greenF() * 0.945 + text.greenF() * 0.055),
                                        float(base.blueF() * 0.945 + text.blueF() * 0.055));
    int checked = 0;
    for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next()) {
        for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
            if (!r.format.hasProperty(QTextFormat::ForegroundBrush))
                continue;
            const QColor fg = r.format.foreground().color();
            ++checked;
            QVERIFY2(contrast(fg, box) >= 4.5,
                     qPrintable(QStringLiteral("'%1' in %2 on %3: contrast %4")
                                    .arg(b.text().mid(r.start, r.length), fg.name(), box.name())
                                    .arg(contrast(fg, box), 0, 'f', 2)));
        }
    }
    QVERIFY2(checked >= 6, "the listing was not highlighted");
}

void TestMainWindow::linksNavigate()
{
    Fixture f(settingsPath(), QStringLiteral("es"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(11);
    LessonView *view = f.window->lessonPane()->view();
    const QString pageText = f.pageText();

    Q_EMIT view->anchorClicked(QUrl(QStringLiteral("../../docs/protocol.md")));
    QVERIFY(f.window->lessonPane()->isShowingDocument());
    QVERIFY(f.pageText() != pageText);
    QCOMPARE(f.session.currentNumber(), 11);
    f.window->lessonPane()->backToLesson();
    QVERIFY(!f.window->lessonPane()->isShowingDocument());
    QCOMPARE(f.pageText(), pageText);

    Q_EMIT view->anchorClicked(QUrl(QStringLiteral("09-daemons.md")));
    QTRY_COMPARE(f.session.currentNumber(), 9);
    QVERIFY(f.pageText().contains(f.session.currentPage().title));

    // A real click on the first link to another page of page 8 ("page 1" / "página 1").
    f.session.goTo(8);
    int target = 0;
    int position = -1;
    for (QTextBlock b = view->document()->begin(); b.isValid() && position < 0; b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (const int n = LessonCatalog::pageNumberForFileName(href); n > 0 && !href.contains(u'/')) {
                target = n;
                position = it.fragment().position() + it.fragment().length() / 2;
                break;
            }
        }
    }
    QVERIFY2(position >= 0, "page 8 links to no other page");
    QTextCursor cursor(view->document());
    cursor.setPosition(position);
    view->setTextCursor(cursor);
    view->ensureCursorVisible();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->cursorRect(cursor).center());
    QTRY_COMPARE(f.session.currentNumber(), target);
}

void TestMainWindow::labSummaryShowsThePreset()
{
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(5);
    LabPanel *lab = f.window->labPanel();
    QVERIFY(lab->message().isEmpty());
    ScenarioWorkerModel *workers = lab->editor()->workersModel();
    QVERIFY(workers->rowCount() >= 3);
    QStringList names;
    for (int r = 0; r < workers->rowCount(); ++r)
        names.append(workers->index(r, ScenarioWorkerModel::NameColumn).data().toString());
    // Page 5 asks for the unnamed worker's default name: nothing in the lab tells it before a run.
    const auto shown = [lab] {
        QStringList texts = lab->actionTexts();
        texts << lab->title() << lab->statusText();
        for (int r = 0; r < lab->processModel()->rowCount(); ++r)
            texts << lab->processModel()->index(r, ProcessTableModel::Name).data().toString();
        for (int r = 0; r < lab->editor()->workersModel()->rowCount(); ++r)
            texts
                << lab->editor()->workersModel()->index(r, ScenarioWorkerModel::NameColumn).data().toString();
        return texts.join(u'\n');
    };
    QVERIFY2(!shown().contains(QStringLiteral("Process-3")), qPrintable(shown()));
    QVERIFY2(names.contains(QStringLiteral("(no name given)")), qPrintable(names.join(u',')));
    QVERIFY(!lab->actionTexts().isEmpty());
    QVERIFY(lab->actionTexts().constFirst().trimmed().startsWith(QStringLiteral("1. ")));

    f.action("actionSpanish")->trigger();
    QTRY_VERIFY(lab->title() != QString());
    QCOMPARE(workers->headerData(ScenarioWorkerModel::TaskColumn, Qt::Horizontal).toString(),
             QStringLiteral("Tarea"));
}

void TestMainWindow::labSummaryReportsMissingPreset()
{
    LabPanel panel;
    const QString missing = m_dir->filePath(QStringLiteral("99-nothing.json"));
    panel.showPreset(missing, QStringLiteral("en"));
    QVERIFY(panel.message().contains(QDir::toNativeSeparators(missing)));
    QCOMPARE(panel.processModel()->rowCount(), 0);

    const QString invalid = m_dir->filePath(QStringLiteral("01-motivation.json"));
    QFile file(invalid);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"format": "concurrente-scenario/1", "title": {"es": "x", "en": "x"}, "workers": [{"task": "squares", "args": {"n": "ten"}}], "main": []})");
    file.close();
    panel.showPreset(invalid, QStringLiteral("en"));
    QVERIFY2(panel.message().contains(QStringLiteral("01-motivation.json")), qPrintable(panel.message()));
    QVERIFY2(panel.message().contains(QStringLiteral("workers[0]")), qPrintable(panel.message()));
}

void TestMainWindow::modelsPassTheTester()
{
    LessonListModel list;
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const LessonCatalog catalog;
    list.setPages(catalog.pages(QStringLiteral("es")));
    list.setVisited({1, 2});
    list.setCurrent(2);
    list.setPages(catalog.pages(QStringLiteral("en")));
    list.setPages({});
}

void TestMainWindow::headingsWithInlineCodeKeepTheirStyle_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("heading");
    QTest::newRow("es 3") << QStringLiteral("es") << 3
                          << QStringLiteral("__name__ y los métodos de arranque");
    QTest::newRow("en 11") << QStringLiteral("en") << 11 << QStringLiteral("The put() and get() methods");
    QTest::newRow("es 5") << QStringLiteral("es") << 5 << QStringLiteral("Nombres por defecto: Process-N");
    QTest::newRow("en 6") << QStringLiteral("en") << 6 << QStringLiteral("Waiting for a process: join()");
    QTest::newRow("en 9") << QStringLiteral("en") << 9
                          << QStringLiteral("Waiting for a limited time: join(timeout)");
}

void TestMainWindow::headingsWithInlineCodeKeepTheirStyle()
{
    QFETCH(QString, language);
    QFETCH(int, page);
    QFETCH(QString, heading);
    Fixture f(settingsPath(), language);
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(page);
    QTextDocument *doc = f.window->lessonPane()->view()->document();

    // What a heading of level 2 without code looks like on the same page.
    int plainAdjustment = -100;
    QTextBlock target;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2)
            continue;
        if (b.text() == heading)
            target = b;
        else if (plainAdjustment == -100 && b.begin().fragment().isValid())
            plainAdjustment = b.begin().fragment().charFormat().intProperty(QTextFormat::FontSizeAdjustment);
    }
    QVERIFY2(target.isValid(), qPrintable(heading));
    QCOMPARE(plainAdjustment, 2);

    // Every piece of the heading, the code and the words after it, is heading-sized and bold,
    // and the code has no fixed point size of its own (it was 9 pt whatever the heading or zoom).
    int codeFragments = 0;
    for (auto it = target.begin(); !it.atEnd(); ++it) {
        const QTextCharFormat cf = it.fragment().charFormat();
        const QString what = it.fragment().text();
        QVERIFY2(cf.intProperty(QTextFormat::FontSizeAdjustment) == plainAdjustment, qPrintable(what));
        QVERIFY2(cf.fontWeight() >= QFont::Bold, qPrintable(what));
        QVERIFY2(!cf.hasProperty(QTextFormat::FontPointSize), qPrintable(what));
        if (cf.fontFixedPitch())
            ++codeFragments;
    }
    QVERIFY(codeFragments > 0);

    // Inline code in running text follows the text's size too.
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.fontFixedPitch() && b.blockFormat().headingLevel() == 0 &&
                !b.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
                QVERIFY2(!cf.hasProperty(QTextFormat::FontPointSize), qPrintable(it.fragment().text()));
        }
    }
}

void TestMainWindow::backAndForwardFollowTheHistory()
{
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(3);
    QAction *back = f.action("actionBack");
    QAction *forward = f.action("actionForward");
    QVERIFY(back && forward);
    QVERIFY(!back->isEnabled());
    QVERIFY(!forward->isEnabled());
    // Back / Forward are the standard keys (Alt+Left / Alt+Right); previous / next page are others.
    QVERIFY(back->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Left)));
    QVERIFY(forward->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Right)));
    for (QAction *a : {f.action("actionPrevious"), f.action("actionNext")}) {
        for (const QKeySequence &k : a->shortcuts())
            QVERIFY(!back->shortcuts().contains(k) && !forward->shortcuts().contains(k));
    }

    // A link from page 3 to page 8, then Alt+Left: back on page 3, not on page 7.
    QSignalSpy shown(f.window.get(), &MainWindow::pageShown);
    Q_EMIT f.window->lessonPane()->view()->anchorClicked(QUrl(QStringLiteral("08-gil.md")));
    QTRY_COMPARE(f.session.currentNumber(), 8);
    QVERIFY(back->isEnabled());
    QTest::keyClick(f.window.get(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(f.session.currentNumber(), 3);
    QVERIFY(f.pageText().contains(f.session.currentPage().title));
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    QTest::keyClick(f.window.get(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(f.session.currentNumber(), 8);
    QVERIFY(!forward->isEnabled());

    // Next page (Ctrl+PgDown) is a step in the course and in the history; a new step drops
    // the pages ahead.
    QTest::keyClick(f.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_COMPARE(f.session.currentNumber(), 9);
    QTest::keyClick(f.window.get(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(f.session.currentNumber(), 8);
    QTest::keyClick(f.window.get(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(f.session.currentNumber(), 3);
    f.clickPage(12);
    QTRY_COMPARE(f.session.currentNumber(), 12);
    QVERIFY(!forward->isEnabled());
    QTest::keyClick(f.window.get(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(f.session.currentNumber(), 3);
    QCOMPARE(shown.count(), 8);
}

void TestMainWindow::navigatorArrowKeysOpenThePage()
{
    Fixture f(settingsPath(), QStringLiteral("es"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(4);
    QListView *list = f.window->navigator()->listView();
    list->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(list->hasFocus());

    auto checkOneHighlight = [&](int number) {
        const int row = f.window->navigator()->model()->rowOf(number);
        QCOMPARE(list->currentIndex().row(), row);
        const QModelIndexList selected = list->selectionModel()->selectedIndexes();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().row(), row);
        QVERIFY(selected.constFirst().data(LessonListModel::CurrentRole).toBool());
        QVERIFY(f.pageText().contains(f.session.currentPage().title));
    };
    QTest::keyClick(list, Qt::Key_Down);
    QTRY_COMPARE(f.session.currentNumber(), 5);
    checkOneHighlight(5);
    QTest::keyClick(list, Qt::Key_Up);
    QTest::keyClick(list, Qt::Key_Up);
    QTRY_COMPARE(f.session.currentNumber(), 3);
    checkOneHighlight(3);
    QTest::keyClick(list, Qt::Key_End);
    QTRY_COMPARE(f.session.currentNumber(), LessonCatalog::PageCount);
    checkOneHighlight(LessonCatalog::PageCount);
}

void TestMainWindow::menuMnemonicsAreUnique_data()
{
    visitEveryPageThroughNavigator_data();
}

void TestMainWindow::menuMnemonicsAreUnique()
{
    QFETCH(QString, language);
    Fixture f(settingsPath(), language);
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    auto mnemonic = [](const QString &text) {
        for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
            if (text.at(i + 1) != u'&')
                return text.at(i + 1).toLower();
        }
        return QChar();
    };
    auto checkUnique = [&](const QList<QAction *> &actions, const QString &where) {
        QHash<QChar, QString> seen;
        for (QAction *a : actions) {
            if (a->isSeparator() || a->text().isEmpty())
                continue;
            const QChar m = mnemonic(a->text());
            QVERIFY2(!m.isNull(), qPrintable(where + QStringLiteral(": no mnemonic in ") + a->text()));
            QVERIFY2(!seen.contains(m), qPrintable(QStringLiteral("%1: \"%2\" and \"%3\" share %4")
                                                       .arg(where, seen.value(m), a->text(), m)));
            seen.insert(m, a->text());
        }
    };
    checkUnique(f.window->menuBar()->actions(), QStringLiteral("menu bar"));
    for (QAction *menu : f.window->menuBar()->actions())
        checkUnique(menu->menu()->actions(), menu->text());
}

void TestMainWindow::ctrlEndReachesTheEndOfThePage()
{
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(11);
    LessonView *view = f.window->lessonPane()->view();
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    view->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QTRY_COMPARE(bar->value(), 0);
}

void TestMainWindow::languageSwitchKeepsTheReadingPosition()
{
    Fixture f(settingsPath(), QStringLiteral("es"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(11);
    LessonView *view = f.window->lessonPane()->view();
    QScrollBar *bar = view->verticalScrollBar();
    // Halfway down the page, into some section.
    bar->setValue(bar->maximum() / 2);
    const LessonView::ReadingPosition before = view->readingPosition();
    QVERIFY(before.section > 0);
    // The heading of section `section` (0 = the first) as the view shows it now.
    const auto sectionTitle = [view](int section) {
        int k = -1;
        for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next())
            if (b.blockFormat().headingLevel() > 0 && ++k == section)
                return b.text();
        return QString();
    };
    const QString spanishSection = sectionTitle(before.section);
    QVERIFY(!spanishSection.isEmpty());

    // Each check below is about the page in the other language: the section's heading must have
    // changed first, or the position checks would hold on the Spanish page still shown.
    f.action("actionEnglish")->trigger();
    QTRY_COMPARE(f.session.language(), QStringLiteral("en"));
    QTRY_VERIFY(!sectionTitle(before.section).isEmpty() && sectionTitle(before.section) != spanishSection);
    const LessonView::ReadingPosition after = view->readingPosition();
    QCOMPARE(after.section, before.section);
    QVERIFY2(std::abs(after.fraction - before.fraction) < 0.05,
             qPrintable(QStringLiteral("%1 → %2").arg(before.fraction).arg(after.fraction)));
    QVERIFY(bar->value() > 0);

    // And back: the same Spanish section is at the top again.
    f.action("actionSpanish")->trigger();
    QTRY_COMPARE(f.session.language(), QStringLiteral("es"));
    QTRY_COMPARE(sectionTitle(before.section), spanishSection);
    QCOMPARE(sectionTitle(view->readingPosition().section), spanishSection);

    // Another page still opens at its top.
    f.session.goTo(12);
    QCOMPARE(bar->value(), 0);
}

void TestMainWindow::zoomNamesAndChangesTheLessonOnly()
{
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(2);
    // The menu says what the zoom applies to.
    for (const char *name : {"actionZoomIn", "actionZoomOut", "actionZoomReset"})
        QVERIFY2(f.action(name)->text().contains(QStringLiteral("Lesson")), name);
    LessonView *view = f.window->lessonPane()->view();
    const qreal lessonBefore = view->document()->defaultFont().pointSizeF();
    const QFont labBefore = f.window->labPanel()->font();
    QSignalSpy zoomed(view, &LessonView::zoomChanged);
    f.action("actionZoomIn")->trigger();
    QCOMPARE(zoomed.count(), 1);
    QVERIFY(view->document()->defaultFont().pointSizeF() > lessonBefore);
    QCOMPARE(f.window->labPanel()->font(), labBefore);
    f.action("actionZoomReset")->trigger();
    QCOMPARE(view->document()->defaultFont().pointSizeF(), lessonBefore);
}

namespace {
/// A saved run of page 11's example: its scenario, a worker and the main program.
RunLog savedRunOfPage11(const CourseSession &session)
{
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(session.pages().at(10).presetPath);
    RunLog log;
    log.appVersion = QStringLiteral("0.1.0");
    log.host = HostInfo::current();
    log.scenario = loaded.scenario.toJson();
    ProcessRecord worker;
    worker.index = 0;
    worker.name = QStringLiteral("Saved-Worker-A");
    worker.kind = QStringLiteral("worker");
    worker.startMethod = QStringLiteral("fork");
    worker.pid = 4242;
    worker.ppid = 4241;
    worker.startNs = 2000;
    worker.endNs = 9000;
    worker.exitcode = 0;
    ProcessRecord main;
    main.name = QStringLiteral("MainProcess");
    main.kind = QStringLiteral("main");
    main.pid = 4241;
    main.startNs = 1000;
    main.endNs = 10000;
    main.exitcode = 0;
    log.processes = {worker, main};
    log.addEvent(Event::make(2500, 4242, QStringLiteral("start"), {{QStringLiteral("name"), worker.name}}));
    log.addEvent(
        Event::make(3000, 4242, QStringLiteral("print"), {{QStringLiteral("text"), QStringLiteral("hola")}}));
    log.homework = {QStringLiteral("Ana Pérez"), QStringLiteral("3CM1"), QStringLiteral("Tarea 4")};
    log.finalize(9000);
    return log;
}
} // namespace

void TestMainWindow::openSavedRunShowsItReadOnly()
{
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(3);
    LabPanel *lab = f.window->labPanel();
    QVERIFY(!f.window->exportRunAction()->isEnabled()); // nothing has run yet
    QCOMPARE(f.window->exportRunAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

    const QString path = m_dir->filePath(QStringLiteral("saved.concurrente-run.json"));
    QVERIFY(RunExporter::write(savedRunOfPage11(f.session), path));
    QString error;
    QVERIFY2(f.window->openRunFile(path, &error), qPrintable(error));

    // Next to the page whose example it ran, its processes in the table, nothing runnable.
    QCOMPARE(f.session.currentNumber(), 11);
    QVERIFY(lab->isSavedRun());
    QVERIFY(!lab->run());
    QCOMPARE(lab->processModel()->rowCount(), 2);
    QStringList names;
    for (int r = 0; r < lab->processModel()->rowCount(); ++r)
        names << lab->processModel()->index(r, ProcessTableModel::Name).data().toString();
    QVERIFY2(names.contains(QStringLiteral("Saved-Worker-A")), qPrintable(names.join(u',')));
    QCOMPARE(lab->tabs()->currentIndex(), int(LabPanel::ProcessesTab));
    for (QAction *a : lab->runActions())
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    QVERIFY(!lab->resetAction()->isEnabled());
    // Selecting a process enables none of them either.
    lab->selectProcess(0);
    for (QAction *a : lab->runActions())
        QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
    // Marked as a saved run, with its homework header and file name.
    QVERIFY(lab->savedRunBanner() && lab->savedRunBanner()->isVisible());
    QString bannerText;
    for (QLabel *label : lab->savedRunBanner()->findChildren<QLabel *>())
        bannerText += label->text();
    QVERIFY2(bannerText.contains(QStringLiteral("Ana Pérez")) &&
                 bannerText.contains(QStringLiteral("saved.concurrente-run.json")),
             qPrintable(bannerText));
    QVERIFY(f.session.recentRuns().contains(QFileInfo(path).absoluteFilePath()));

    // It exports again as it was, with the header given now.
    QVERIFY(f.window->exportRunAction()->isEnabled());
    const QString again = m_dir->filePath(QStringLiteral("again.concurrente-run.json"));
    const Homework other{QStringLiteral("Luis"), QStringLiteral("3CM2"), QStringLiteral("Tarea 5")};
    QVERIFY2(f.window->exportRunTo(again, other, &error), qPrintable(error));
    const auto reread = RunLog::load(again, &error);
    QVERIFY2(reread, qPrintable(error));
    QCOMPARE(reread->homework, other);
    QCOMPARE(reread->processes.size(), 2);
    QCOMPARE(reread->events().size(), 2);

    // Spanish too: the banner follows the language, the run stays.
    f.action("actionSpanish")->trigger();
    QTRY_VERIFY(lab->isSavedRun());
    QCOMPARE(lab->processModel()->rowCount(), 2);

    // The way out: back to the page's example, runnable again.
    auto *back = lab->savedRunBanner()->findChild<QToolButton *>();
    QVERIFY(back);
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(!lab->isSavedRun());
    QVERIFY(!lab->savedRunBanner()->isVisible());
    QVERIFY(lab->runAction()->isEnabled());
    QVERIFY(!f.window->exportRunAction()->isEnabled());
}

void TestMainWindow::badSavedRunLeavesTheLabAsItWas_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("size"); // > 0: a file of that size (sparse), whatever its content
    QTest::addColumn<QString>("problem");
    const QByteArray good =
        R"({"format": "concurrente-run/2", "app_version": "0.1.0", "processes": [], "events": []})";
    QTest::newRow("truncated") << good.left(good.size() - 20) << qint64(0) << QStringLiteral("cut short");
    QTest::newRow("corrupt") << QByteArray(good).replace(':', '\x01') << qint64(0)
                             << QStringLiteral("damaged");
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << qint64(0)
                            << QStringLiteral("damaged");
    QTest::newRow("empty") << QByteArray() << qint64(0) << QStringLiteral("empty");
    QTest::newRow("scenario") << QByteArray(R"({"format": "concurrente-scenario/2", "workers": []})")
                              << qint64(0) << QStringLiteral("not a run log");
    QTest::newRow("foreign JSON") << QByteArray(R"({"traceEvents": []})") << qint64(0)
                                  << QStringLiteral("not a run log");
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << qint64(0) << QStringLiteral("not a run log");
    QTest::newRow("newer format") << QByteArray(good).replace("run/2", "run/3") << qint64(0)
                                  << QStringLiteral("newer version");
    QTest::newRow("bad event") << QByteArray(good).replace("\"events\": []", "\"events\": [{\"ev\": 1}]")
                               << qint64(0) << QStringLiteral("events[0]");
    QTest::newRow("huge") << good << qint64(600) * 1024 * 1024 << QStringLiteral("larger than 512 MiB");
}

void TestMainWindow::badSavedRunLeavesTheLabAsItWas()
{
    // A run file that cannot be opened gets a message naming the file and its problem, and
    // the app goes on as it was: the page, the lab, the run button; a good file opens after.
    QFETCH(QByteArray, content);
    QFETCH(qint64, size);
    QFETCH(QString, problem);
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(3);
    LabPanel *lab = f.window->labPanel();
    const QString title = lab->title();
    const QString path = m_dir->filePath(QStringLiteral("bad.concurrente-run.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    if (size > 0)
        QVERIFY(file.resize(size)); // sparse: no disk space is used
    file.close();
    QString error;
    QVERIFY(!f.window->openRunFile(path, &error));
    QFile::remove(path);
    QVERIFY2(error.contains(path) && error.contains(problem), qPrintable(error));
    QVERIFY(!lab->isSavedRun());
    QCOMPARE(lab->title(), title);
    QCOMPARE(f.session.currentNumber(), 3);
    QVERIFY(lab->runAction()->isEnabled());
    const QString good = m_dir->filePath(QStringLiteral("good.concurrente-run.json"));
    QVERIFY(RunExporter::write(savedRunOfPage11(f.session), good));
    QVERIFY2(f.window->openRunFile(good, &error), qPrintable(error));
    QVERIFY(lab->isSavedRun());
}

void TestMainWindow::realRunRoundTripsThroughTheWindow()
{
    // Page 11 run in the lab with real processes and exported from the window as a run log and
    // as CSV; the run log opened again (the path File → Open Run takes) and exported again
    // gives the same bytes, and so does its CSV: nothing is lost or changed on the way.
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(11);
    LabPanel *lab = f.window->labPanel();
    lab->runAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(lab->run() && lab->run()->isFinished(), 30000);
    QTRY_VERIFY(f.window->exportRunAction()->isEnabled());
    const Homework homework{QStringLiteral("Ana Pérez"), QStringLiteral("3CM1"), QStringLiteral("Tarea 11")};
    const auto bytes = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QString error;
    const QString first = m_dir->filePath(QStringLiteral("first.concurrente-run.json"));
    const QString firstCsv = m_dir->filePath(QStringLiteral("first.csv"));
    QVERIFY2(f.window->exportRunTo(first, homework, &error), qPrintable(error));
    QVERIFY2(f.window->exportRunTo(firstCsv, homework, &error), qPrintable(error));
    const auto original = RunLog::load(first, &error);
    QVERIFY2(original, qPrintable(error));
    QVERIFY(original->processes.size() >= 6);
    QVERIFY(original->events().size() > 20);

    QVERIFY2(f.window->openRunFile(first, &error), qPrintable(error));
    QVERIFY(lab->isSavedRun());
    QCOMPARE(lab->processModel()->rowCount(), original->processes.size());
    const QString again = m_dir->filePath(QStringLiteral("again.concurrente-run.json"));
    const QString againCsv = m_dir->filePath(QStringLiteral("again.csv"));
    QVERIFY2(f.window->exportRunTo(again, homework, &error), qPrintable(error));
    QVERIFY2(f.window->exportRunTo(againCsv, homework, &error), qPrintable(error));
    QCOMPARE(bytes(again), bytes(first));
    QCOMPARE(bytes(againCsv), bytes(firstCsv));
}

void TestMainWindow::interruptedRunIsOfferedForReview()
{
    // The app was killed while page 6's run went on: at the next start its journal is offered,
    // and Open shows what it had recorded in the lab; the journal is then gone.
    QTemporaryDir dir;
    RunLog log;
    log.appVersion = QStringLiteral("0");
    log.scenario = QJsonObject{
        {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Killed run")}}}};
    ProcessRecord worker;
    worker.name = QStringLiteral("Process-1");
    worker.kind = QStringLiteral("worker");
    worker.index = 0;
    worker.pid = 4242;
    worker.startNs = 1000;
    Event start = Event::make(1000, 4242, QStringLiteral("start"),
                              {{QStringLiteral("name"), QStringLiteral("Process-1")}});
    start.proc = 0;
    log.addEvent(start);
    QString left;
    {
        RunJournal journal;
        QVERIFY(journal.open(dir.path(), log));
        const QList<ProcessRecord> records{worker};
        journal.append(log, 0, &records);
        // As if by another process that has ended: journals of this one are live runs.
        left = dir.filePath(QStringLiteral("run-999999999-1.concurrente-journal"));
        QVERIFY(QFile::rename(journal.path(), left));
    }
    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(6);
    f.window->labPanel()->setJournalDir(dir.path());
    f.window->offerInterruptedRuns();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = f.window->findChild<QMessageBox *>()) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("Killed run")), qPrintable(box->text()));
    QAbstractButton *open = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            open = b;
    QVERIFY(open);
    open->click();
    QTRY_COMPARE(f.window->labPanel()->store()->processCount(), 1);
    QCOMPARE(f.window->labPanel()->store()->process(0).record.name, QStringLiteral("Process-1"));
    QVERIFY(!f.window->labPanel()->runAction()->isEnabled());
    QVERIFY(!QFile::exists(left));
}

namespace {
const char kKilledJournalDir[] = "TST_MAINWINDOW_KILLED_JOURNAL_DIR";
}

void TestMainWindow::killedDuringARun()
{
    // Run as a process of its own by journalOfAKilledAppIsRecovered(): page 6's run started
    // in the window (Process-1 started, then paused), then this process is killed with SIGKILL.
    const QString dir = qEnvironmentVariable(kKilledJournalDir);
    if (dir.isEmpty())
        QSKIP("the app that journalOfAKilledAppIsRecovered() starts and kills");
    // Nothing of this process may stay behind it: its settings go beside the journal, in the
    // folder the test that kills it removes, and its own temporary folder goes now.
    m_dir.reset();
    Fixture f(QDir(dir).filePath(QStringLiteral("killed-app.conf")), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(6);
    LabPanel *lab = f.window->labPanel();
    lab->setJournalDir(dir);
    lab->stepAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!lab->journalPath().isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto j = RunJournal::read(lab->journalPath());
            return j && std::any_of(j->events().cbegin(), j->events().cend(), [](const Event &e) {
                       return e.kind == EventKind::Start &&
                              e.fields.value(QStringLiteral("name")).toString() == QLatin1String("Process-1");
                   });
        }(),
        20000);
    ::kill(::getpid(), SIGKILL);
}

void TestMainWindow::journalOfAKilledAppIsRecovered()
{
    // A real app killed (SIGKILL) in the middle of a run with real processes leaves its journal;
    // the next start offers it, and Open for Review shows what it had recorded.
    QTemporaryDir dir;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kKilledJournalDir), dir.path());
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QSignalSpy finished(&app, &QProcess::finished);
    app.start(QCoreApplication::applicationFilePath(), {QStringLiteral("killedDuringARun")});
    QVERIFY(finished.wait(90'000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    const QStringList left = RunJournal::leftIn(dir.path());
    QCOMPARE(left.size(), 1);
    QString error;
    const auto journal = RunJournal::read(left.first(), &error);
    QVERIFY2(journal, qPrintable(error));
    // The run's processes end with the app that ran them (none is left behind).
    QList<qint64> pids;
    for (const ProcessRecord &p : journal->processes)
        if (p.pid)
            pids.append(*p.pid);
    QVERIFY(!pids.isEmpty());
    const auto alive = [&pids] {
        return std::count_if(pids.cbegin(), pids.cend(),
                             [](qint64 pid) { return ::kill(pid_t(pid), 0) == 0; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(alive(), 0, 20000);

    Fixture f(settingsPath(), QStringLiteral("en"));
    QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
    f.session.start(3);
    f.window->labPanel()->setJournalDir(dir.path());
    f.window->offerInterruptedRuns();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = f.window->findChild<QMessageBox *>()) != nullptr);
    QAbstractButton *open = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            open = b;
    QVERIFY(open);
    open->click();
    LabPanel *lab = f.window->labPanel();
    QTRY_VERIFY(lab->isSavedRun());
    QStringList names;
    for (int r = 0; r < lab->store()->processCount(); ++r)
        names.append(lab->store()->process(r).record.name);
    QVERIFY2(names.contains(QStringLiteral("Process-1")), qPrintable(names.join(u',')));
    QVERIFY(std::any_of(lab->store()->log().events().cbegin(), lab->store()->log().events().cend(),
                        [](const Event &e) { return e.kind == EventKind::Start; }));
    QVERIFY(!QFile::exists(left.first()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
