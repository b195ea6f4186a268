#include "mainwindow.h"
#include "runjournal.h"
#include <QFile>
#include <QPushButton>

#include "accessiblenames.h"
#include "coursesession.h"
#include "datapaths.h"
#include "export.h"
#include "helpdialog.h"
#include "labpanel.h"
#include "lessonnavigator.h"
#include "lessonpane.h"
#include "lessonview.h"
#include "predictpanel.h"
#include "run.h"
#include "rundialogs.h"
#include "runreport.h"
#include "ui_mainwindow.h"
#include "uitranslations.h"
#include "welcomepanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QShowEvent>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

namespace concurrente {

MainWindow::MainWindow(CourseSession *session, UiTranslations *translations, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_session(session),
      m_translations(translations)
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 0);
    // A window that grows or shrinks shares the change between the lesson and the lab, the
    // lesson taking the larger part; the page list keeps its width.
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setStretchFactor(2, 1);
    setUpActions();
    setUpHelp();

    LessonView *view = m_ui->lessonPane->view();
    view->setZoomPercent(m_session->zoomPercent());
    connect(view, &LessonView::zoomChanged, m_session, &CourseSession::setZoomPercent);

    connect(m_ui->navigator, &LessonNavigator::pageActivated, m_session, &CourseSession::goTo);
    connect(m_ui->lessonPane, &LessonPane::pageLinkActivated, m_session, &CourseSession::goTo);
    connect(m_session, &CourseSession::currentPageChanged, this, &MainWindow::showCurrentPage);
    connect(m_session, &CourseSession::visitedChanged, this,
            [this] { m_ui->navigator->setVisited(m_session->visited()); });
    connect(m_session, &CourseSession::languageChanged, this, &MainWindow::applyLanguage);
    connect(m_ui->labPanel, &LabPanel::draftChanged, m_session, &CourseSession::setLabDraft);

    m_ui->navigator->setPages(m_session->pages());
    m_ui->navigator->setVisited(m_session->visited());
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

LessonNavigator *MainWindow::navigator() const
{
    return m_ui->navigator;
}

LessonPane *MainWindow::lessonPane() const
{
    return m_ui->lessonPane;
}

LabPanel *MainWindow::labPanel() const
{
    return m_ui->labPanel;
}

QSplitter *MainWindow::splitter() const
{
    return m_ui->splitter;
}

void MainWindow::setUpActions()
{
    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    m_ui->actionQuit->setMenuRole(QAction::QuitRole);
    m_ui->actionZoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_ui->actionZoomOut->setShortcut(QKeySequence::ZoomOut);
    m_ui->actionZoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_ui->actionShowLab->setShortcut(QKeySequence(Qt::Key_F9));
    // Back / Forward follow the history, as in a browser (Alt+Left / Alt+Right); the course's
    // previous / next page are a separate step, on the keys readers use for pages or tabs.
    m_ui->actionBack->setShortcut(QKeySequence::Back);
    m_ui->actionForward->setShortcut(QKeySequence::Forward);
    m_ui->actionPrevious->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_ui->actionNext->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_ui->actionBack->setEnabled(false);
    m_ui->actionForward->setEnabled(false);
    m_ui->actionGoToList->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_ui->actionPrevious->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_ui->actionNext->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_ui->actionAbout->setMenuRole(QAction::AboutRole);
    m_ui->actionAboutQt->setMenuRole(QAction::AboutQtRole);

    auto *languages = new QActionGroup(this);
    languages->addAction(m_ui->actionSpanish);
    languages->addAction(m_ui->actionEnglish);
    languages->setExclusive(true);
    m_ui->actionSpanish->setData(QStringLiteral("es"));
    m_ui->actionEnglish->setData(QStringLiteral("en"));
    (m_session->language() == QLatin1String("es") ? m_ui->actionSpanish : m_ui->actionEnglish)
        ->setChecked(true);
    connect(languages, &QActionGroup::triggered, m_session,
            [this](QAction *a) { m_session->setLanguage(a->data().toString()); });

    LessonView *view = m_ui->lessonPane->view();
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionZoomIn, &QAction::triggered, view, &LessonView::increaseZoom);
    connect(m_ui->actionZoomOut, &QAction::triggered, view, &LessonView::decreaseZoom);
    connect(m_ui->actionZoomReset, &QAction::triggered, view, &LessonView::resetZoom);
    connect(m_ui->actionShowLab, &QAction::toggled, this, [this](bool on) {
        m_ui->labPanel->setVisible(on);
        m_session->setLabVisible(on);
    });
    connect(m_ui->actionPrevious, &QAction::triggered, m_session, &CourseSession::previous);
    connect(m_ui->actionNext, &QAction::triggered, m_session, &CourseSession::next);
    connect(m_ui->actionBack, &QAction::triggered, m_session, &CourseSession::back);
    connect(m_ui->actionForward, &QAction::triggered, m_session, &CourseSession::forward);
    connect(m_ui->actionGoToList, &QAction::triggered, this, [this] {
        m_ui->navigator->show();
        m_ui->navigator->listView()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    m_ui->lessonPane->setNavigationActions(m_ui->actionPrevious, m_ui->actionNext);

    // The lab's controls, also from the menu (with their shortcuts), and its scenario files.
    LabPanel *lab = m_ui->labPanel;
    const QList<QAction *> labActions = lab->runActions();
    for (int i = 0; i < labActions.size(); ++i) {
        if (i == 4)
            m_ui->menuLab->addSeparator();
        m_ui->menuLab->addAction(labActions.at(i));
    }
    m_ui->menuLab->addSeparator();
    m_ui->menuLab->addAction(lab->resetAction());
    m_ui->menuFile->insertAction(m_ui->actionQuit, lab->openScenarioAction());
    m_ui->menuFile->insertAction(m_ui->actionQuit, lab->saveScenarioAction());
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    setUpRunActions();
}

// ---------------------------------------------------------------------------------------------
// Saved runs: open for review, export, homework header

void MainWindow::setUpRunActions()
{
    m_actOpenRun = new QAction(this);
    m_actOpenRun->setShortcut(QKeySequence::Open);
    m_actOpenRun->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_actExportRun = new QAction(this);
    m_actExportRun->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_actExportRun->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_actPreferences = new QAction(this);
    m_actPreferences->setMenuRole(QAction::PreferencesRole);
    m_menuRecentRuns = new QMenu(this);
    QAction *first = m_ui->menuFile->actions().value(0);
    m_ui->menuFile->insertAction(first, m_actOpenRun);
    m_ui->menuFile->insertMenu(first, m_menuRecentRuns);
    m_ui->menuFile->insertAction(first, m_actExportRun);
    m_ui->menuFile->insertSeparator(first);
    m_ui->menuFile->insertAction(m_ui->actionQuit, m_actPreferences);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);

    connect(m_actOpenRun, &QAction::triggered, this, &MainWindow::openRunDialog);
    connect(m_actExportRun, &QAction::triggered, this, &MainWindow::exportRunDialog);
    connect(m_actPreferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_menuRecentRuns, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentRuns);
    connect(m_ui->labPanel, &LabPanel::runStateChanged, this, &MainWindow::updateRunActions);
    setAcceptDrops(true);
    retranslateRunActions();
    rebuildRecentRuns();
    updateRunActions();
}

void MainWindow::retranslateRunActions()
{
    m_actOpenRun->setText(tr("Open &Run…"));
    m_actOpenRun->setToolTip(tr("Open a saved run to review it"));
    m_actExportRun->setText(tr("&Export Run…"));
    m_actExportRun->setToolTip(
        tr("Write the lab's run as a run log, a report (HTML, PDF), a trace or a table"));
    m_actPreferences->setText(tr("&Preferences…"));
    m_menuRecentRuns->setTitle(tr("Recent R&uns"));
}

void MainWindow::updateRunActions()
{
    const LabPanel *lab = m_ui->labPanel;
    m_actExportRun->setEnabled(lab->isSavedRun() || (lab->run() && lab->run()->isStarted()));
}

void MainWindow::rebuildRecentRuns()
{
    m_menuRecentRuns->clear();
    const QStringList runs = m_session->recentRuns();
    for (int i = 0; i < runs.size(); ++i) {
        const QString path = runs.at(i);
        QAction *a = m_menuRecentRuns->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QFileInfo(path).fileName().replace(u'&', QStringLiteral("&&"))));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openRunInteractively(path); });
    }
    m_menuRecentRuns->setEnabled(!runs.isEmpty());
    if (!runs.isEmpty()) {
        m_menuRecentRuns->addSeparator();
        connect(m_menuRecentRuns->addAction(tr("&Clear the List")), &QAction::triggered, this, [this] {
            for (const QString &path : m_session->recentRuns())
                m_session->removeRecentRun(path);
            rebuildRecentRuns();
        });
    }
}

void MainWindow::offerInterruptedRuns()
{
    const QStringList left = RunJournal::leftIn(m_ui->labPanel->journalDir());
    if (left.isEmpty())
        return;
    const QString path = left.constFirst();
    QString error;
    const std::optional<RunLog> log = RunJournal::read(path, &error);
    if (!log) {
        // Not readable: nothing to offer; it is set aside so it is not offered again.
        QFile::rename(path, path + QStringLiteral(".unreadable"));
        return;
    }
    const QString title =
        log->scenario.value(QStringLiteral("title")).toObject().value(m_session->language()).toString();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Interrupted run"),
                        tr("Concurrente was closed while a run was going on. What it had recorded — %n "
                           "event(s) of “%1” — can be opened for review.",
                           nullptr, int(log->events().size()))
                            .arg(title),
                        QMessageBox::NoButton, this);
    QPushButton *open = box->addButton(tr("&Open for Review"), QMessageBox::AcceptRole);
    box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, open, path, log] {
        if (box->clickedButton() == open)
            m_ui->labPanel->showSavedRun(*log, path);
        QFile::remove(path);
        // One at a time: the next one, if any, after this.
        QTimer::singleShot(0, this, &MainWindow::offerInterruptedRuns);
    });
    box->open();
}

bool MainWindow::openRunFile(const QString &path, QString *error)
{
    const std::optional<RunLog> log = RunLog::load(path, error);
    if (!log)
        return false;
    // Next to its lesson page, when it ran one of the course's examples.
    const QString scenarioFile = QFileInfo(log->scenario.value(QStringLiteral("file")).toString()).fileName();
    if (!scenarioFile.isEmpty()) {
        for (const LessonPage &page : m_session->pages()) {
            if (QFileInfo(page.presetPath).fileName() == scenarioFile) {
                if (page.number != m_session->currentNumber())
                    m_session->goTo(page.number);
                break;
            }
        }
    }
    m_ui->labPanel->showSavedRun(*log, path);
    if (!m_ui->labPanel->isVisible()) {
        m_ui->actionShowLab->setChecked(true);
    }
    m_session->addRecentRun(path);
    m_lastRunFolder = QFileInfo(path).absolutePath();
    rebuildRecentRuns();
    updateRunActions();
    return true;
}

void MainWindow::openRunInteractively(const QString &path)
{
    QString error;
    if (!openRunFile(path, &error))
        QMessageBox::warning(this, tr("Open Run"), tr("This run cannot be opened.\n\n%1").arg(error));
}

void MainWindow::openRunDialog()
{
    const QString folder = m_lastRunFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : m_lastRunFolder;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Run"), folder, tr("Saved runs (*.concurrente-run.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openRunInteractively(path);
}

bool MainWindow::exportRunTo(const QString &path, const Homework &homework, QString *error)
{
    const LabPanel *lab = m_ui->labPanel;
    RunLog log = lab->store()->log();
    if (lab->run() && lab->run()->isStarted() && !lab->run()->isFinished()) {
        // A snapshot of the run as it is now: its totals so far.
        log.finalize(monotonicNs() - lab->run()->startNs());
    }
    log.homework = homework;
    // The prediction judged on this run (a saved run's log has its own already).
    if (const PredictRecord &p = lab->predictPanel()->record(); !lab->isSavedRun() && !p.verdict.isEmpty())
        log.predict = p;
    RunReport::defaultOptions().language = m_session->language();
    return RunExporter::write(log, path, error);
}

void MainWindow::exportRunDialog()
{
    const LabPanel *lab = m_ui->labPanel;
    if (!m_actExportRun->isEnabled())
        return;
    QString base = QFileInfo(lab->scenario().file).completeBaseName();
    if (lab->isSavedRun())
        base = QFileInfo(lab->savedRunPath()).fileName().section(u'.', 0, 0);
    if (base.isEmpty())
        base = QStringLiteral("run");
    const QString folder = m_lastRunFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : m_lastRunFolder;
    ExportRunDialog dialog(m_session->homework(), folder, base, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session->setHomework(dialog.homework());
    QString error;
    if (!exportRunTo(dialog.path(), dialog.homework(), &error)) {
        QMessageBox::warning(this, tr("Export Run"), tr("The run was not exported.\n\n%1").arg(error));
        return;
    }
    m_lastRunFolder = QFileInfo(dialog.path()).absolutePath();
    if (dialog.formatSuffix() == QLatin1String(".json")) {
        m_session->addRecentRun(dialog.path());
        rebuildRecentRuns();
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(dialog.path())), 8000);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_session->homework(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_session->setHomework(dialog.homework());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile() &&
        urls.constFirst().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    // Not inside the drop: a message box would run its own loop while the drag source waits.
    const QString path = urls.constFirst().toLocalFile();
    QTimer::singleShot(0, this, [this, path] { openRunInteractively(path); });
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_session->windowGeometry())) {
        // First run: the lesson, the page list and the lab side by side need a laptop's whole
        // screen (a 1366- or 1440-wide one); a larger screen gets a comfortable 1600 x 1000.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(1600, available.width()), std::min(1000, available.height()));
        move(available.topLeft() +
             QPoint((available.width() - width()) / 2, (available.height() - height()) / 2));
    }
    restoreState(m_session->windowState());
    // Without a stored split, the first show divides the window's real width (which may still
    // change before then, e.g. with --window-size).
    m_defaultSplit = !m_ui->splitter->restoreState(m_session->splitterState());
    m_ui->actionShowLab->setChecked(m_session->labVisible());
    m_ui->labPanel->setVisible(m_session->labVisible());
}

void MainWindow::showCurrentPage()
{
    const int number = m_session->currentNumber();
    m_ui->navigator->setCurrent(number);
    m_ui->lessonPane->showPage(m_session->currentPage(), m_session->currentText(), m_session->pageCount());
    const QString preset = m_session->currentPage().presetPath;
    m_ui->labPanel->showPreset(preset, m_session->language(), m_session->labDraft(preset));
    m_ui->actionPrevious->setEnabled(m_session->hasPrevious());
    m_ui->actionNext->setEnabled(m_session->hasNext());
    m_ui->actionBack->setEnabled(m_session->canGoBack());
    m_ui->actionForward->setEnabled(m_session->canGoForward());
    updateTitle();
    Q_EMIT pageShown(number);
}

void MainWindow::applyLanguage(const QString &language)
{
    // Interface first (Qt sends LanguageChange to every widget), then the page in that language.
    m_translations->setLanguage(language);
    (language == QLatin1String("es") ? m_ui->actionSpanish : m_ui->actionEnglish)->setChecked(true);
    m_ui->navigator->setPages(m_session->pages());
    if (m_session->currentNumber() > 0)
        showCurrentPage();
}

void MainWindow::updateTitle()
{
    if (m_session->currentNumber() > 0) {
        const auto page = m_session->currentPage();
        setWindowTitle(tr("%1 — Concurrente").arg(page.numberedTitle()));
    } else {
        setWindowTitle(QStringLiteral("Concurrente"));
    }
}

QString MainWindow::aboutText() const
{
    return tr("<h3>Concurrente %1</h3>"
              "<p>A course companion for <i>Cómputo Concurrente — Multiprocessing</i>: read each lesson "
              "and run its example with real operating-system processes.</p>"
              "<p>Built with Qt %2.</p>")
               .arg(appVersion(), QString::fromLatin1(qVersion())) +
           aboutCredits();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Concurrente"), aboutText());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateRunActions();
        retranslateHelp();
        updateTitle();
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultSplit) {
        m_defaultSplit = false;
        // The lesson text is what the student reads: it gets the largest share, so a 1024-wide
        // window still leaves a comfortable column (the page list wraps long titles instead).
        const int total = std::max(m_ui->splitter->width(), 800);
        const int nav = std::clamp(total * 16 / 100, 165, 240);
        // The lab gets what the lesson can spare beyond a comfortable reading column: at 1296 px
        // or more its eight tabs all show without scroll arrows. Below 360 px its prediction's
        // wrapped lines no longer fit beside the run's controls in a 640-px-high window.
        const int lab = std::clamp(std::min(total * 45 / 100, total - nav - 520), 360, 700);
        m_ui->splitter->setSizes({nav, total - nav - lab, lab});
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // No process of a run outlives the window.
    m_ui->labPanel->shutdown();
    m_session->setWindowLayout(saveGeometry(), saveState(), m_ui->splitter->saveState());
    m_session->sync();
    QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// First run and help

void MainWindow::setUpHelp()
{
    m_actPaneHelp = new QAction(this);
    m_actPaneHelp->setObjectName(QStringLiteral("actionPaneHelp"));
    m_actPaneHelp->setShortcut(QKeySequence::HelpContents);
    m_actPaneHelp->setShortcutContext(Qt::WindowShortcut);
    m_actPaneHelp->setIcon(style()->standardIcon(QStyle::SP_DialogHelpButton));
    m_actLessonHelp = new QAction(this);
    m_actLessonHelp->setObjectName(QStringLiteral("actionLessonHelp"));
    m_actLabHelp = new QAction(this);
    m_actLabHelp->setObjectName(QStringLiteral("actionLabHelp"));
    QAction *first = m_ui->menuHelp->actions().value(0);
    m_ui->menuHelp->insertAction(first, m_actPaneHelp);
    m_ui->menuHelp->insertAction(first, m_actLessonHelp);
    m_ui->menuHelp->insertAction(first, m_actLabHelp);
    m_ui->menuHelp->insertSeparator(first);
    connect(m_actPaneHelp, &QAction::triggered, this, [this] {
        const QWidget *focus = QApplication::focusWidget();
        showHelp(focus && (focus == m_ui->labPanel || m_ui->labPanel->isAncestorOf(focus)));
    });
    connect(m_actLessonHelp, &QAction::triggered, this, [this] { showHelp(false); });
    // Panes by keyboard, as in other desktop apps: F6 goes on to the next one.
    m_actNextPane = new QAction(this);
    m_actNextPane->setObjectName(QStringLiteral("actionNextPane"));
    m_actNextPane->setShortcut(QKeySequence(Qt::Key_F6));
    m_actPreviousPane = new QAction(this);
    m_actPreviousPane->setObjectName(QStringLiteral("actionPreviousPane"));
    m_actPreviousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_actNextPane);
    m_ui->menuView->addAction(m_actPreviousPane);
    connect(m_actNextPane, &QAction::triggered, this, [this] { focusPane(1); });
    // Ctrl+Tab / Ctrl+Shift+Tab switch the lab's tabs from anywhere in the lab, a table too
    // (whose own Tab moves between cells).
    QTabWidget *labTabs = m_ui->labPanel->tabs();
    m_actNextTab = new QAction(m_ui->labPanel);
    m_actNextTab->setObjectName(QStringLiteral("actionNextLabTab"));
    m_actNextTab->setShortcut(QKeySequence::NextChild);
    m_actPreviousTab = new QAction(m_ui->labPanel);
    m_actPreviousTab->setObjectName(QStringLiteral("actionPreviousLabTab"));
    m_actPreviousTab->setShortcut(QKeySequence::PreviousChild);
    for (QAction *a : {m_actNextTab, m_actPreviousTab}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_ui->labPanel->addAction(a);
        connect(a, &QAction::triggered, labTabs, [labTabs, next = a == m_actNextTab] {
            const int n = labTabs->count();
            labTabs->setCurrentIndex((labTabs->currentIndex() + (next ? 1 : n - 1)) % n);
        });
    }
    connect(m_actPreviousPane, &QAction::triggered, this, [this] { focusPane(-1); });
    connect(m_actLabHelp, &QAction::triggered, this, [this] { showHelp(true); });

    if (!m_session->welcomeSeen()) {
        m_welcome = new WelcomePanel(m_ui->centralWidget);
        m_ui->centralLayout->insertWidget(0, m_welcome);
        connect(m_welcome, &WelcomePanel::dismissed, this, &MainWindow::dismissWelcome);
        connect(m_welcome, &WelcomePanel::helpRequested, this, [this] { showHelp(true); });
    }
    // Every control gets a name a screen reader can say (from its label, tooltip or tab).
    new AccessibleNamer(this);
    retranslateHelp();
}

void MainWindow::retranslateHelp()
{
    m_actPaneHelp->setText(tr("&Help for This Pane"));
    m_actPaneHelp->setToolTip(tr("Help for the lesson or the lab, whichever has the focus (%1)")
                                  .arg(m_actPaneHelp->shortcut().toString(QKeySequence::NativeText)));
    m_actLessonHelp->setText(tr("&Reading the Lessons"));
    m_actLabHelp->setText(tr("&Using the Lab"));
    m_actNextPane->setText(tr("Ne&xt Pane"));
    m_actNextPane->setToolTip(tr("Move the focus to the page list, the lesson or the lab, in turn"));
    m_actPreviousPane->setText(tr("Pre&vious Pane"));
    m_actNextTab->setText(tr("Next Lab Tab"));
    m_actPreviousTab->setText(tr("Previous Lab Tab"));
    if (m_help && m_help->isVisible())
        m_help->showPane(m_help->pane(), m_session->language(), m_session->catalog().dataDir());
}

void MainWindow::showHelp(bool lab)
{
    if (!m_help)
        m_help = new HelpDialog(this);
    m_help->showPane(lab ? HelpDialog::LabPane : HelpDialog::LessonPane, m_session->language(),
                     m_session->catalog().dataDir());
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::dismissWelcome()
{
    m_session->setWelcomeSeen(true);
    if (m_welcome) {
        m_welcome->hide();
        m_welcome->deleteLater();
        m_welcome = nullptr;
    }
    // The focus goes where the student will read next.
    m_ui->lessonPane->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::focusPane(int step)
{
    // Each pane, and its widget that takes the focus: the lab's is its tab bar, where the arrow
    // keys switch tabs and Tab goes on into the tab.
    QList<std::pair<QWidget *, QWidget *>> panes;
    if (m_ui->navigator->isVisible())
        panes.append({m_ui->navigator, m_ui->navigator->listView()});
    panes.append({m_ui->lessonPane, m_ui->lessonPane->view()});
    if (m_ui->labPanel->isVisible() && m_ui->labPanel->tabs()->isVisible())
        panes.append({m_ui->labPanel, m_ui->labPanel->tabs()->tabBar()});
    const QWidget *focus = QApplication::focusWidget();
    int current = -1;
    for (int i = 0; i < panes.size() && focus; ++i)
        if (focus == panes.at(i).first || panes.at(i).first->isAncestorOf(focus))
            current = i;
    const int n = int(panes.size());
    const int next = current < 0 ? (step > 0 ? 0 : n - 1) : ((current + step) % n + n) % n;
    panes.at(next).second->setFocus(Qt::TabFocusReason);
}

QString MainWindow::aboutCredits() const
{
    // The licence is whatever the distributed LICENSE file says; none is invented here.
    QString licence;
    for (const QString &dir : {m_session->catalog().dataDir(), dataDir()}) {
        QFile file(QDir(dir).filePath(QStringLiteral("LICENSE")));
        if (!dir.isEmpty() && file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            licence = QString::fromUtf8(file.readLine()).trimmed().toHtmlEscaped();
            break;
        }
    }
    return tr("<p><b>Licence:</b> %1</p>"
              "<p><b>Credits:</b> the Concurrente authors. Qt is by The Qt Company and its "
              "contributors (Help → About Qt).</p>")
        .arg(licence.isEmpty() ? tr("no licence file accompanies this copy.") : licence);
}

} // namespace concurrente
