#pragma once

#include "lessoncatalog.h"
#include "runlog.h"

#include <QByteArray>
#include <QLocale>
#include <QObject>
#include <QSet>
#include <QSettings>

#include <memory>

namespace concurrente {

/// The student's place in the course: language, current page, pages visited, zoom and the
/// window layout, kept in QSettings (organisation "Concurrente") across runs. Stored values are
/// checked on load: anything out of range or unreadable falls back to its default.
class CourseSession : public QObject
{
    Q_OBJECT
public:
    /// `settingsFile` empty: the user's Concurrente settings; otherwise that INI file (tests).
    explicit CourseSession(const LessonCatalog &catalog, const QString &settingsFile = QString(),
                           QObject *parent = nullptr);
    ~CourseSession() override;

    /// The course language the system asks for: the first of the user's interface languages
    /// (then the locale) that is Spanish or English; "en" when none is.
    static QString systemLanguage();
    /// The same choice for `locale`.
    static QString languageFor(const QLocale &locale);

    const LessonCatalog &catalog() const { return m_catalog; }
    QString language() const { return m_language; }
    QList<LessonPage> pages() const { return m_pages; }
    int pageCount() const { return int(m_pages.size()); }
    int currentNumber() const { return m_current; }
    LessonPage currentPage() const;
    /// Reads the current page's Markdown (or the error naming the file).
    LessonText currentText() const;
    bool hasPrevious() const { return m_current > 1; }
    bool hasNext() const { return m_current < pageCount(); }
    /// Whether back() / forward() have a page to go to: the pages shown before (after) this
    /// one, as in a web browser. Only this session's; not stored.
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    QSet<int> visited() const { return m_visited; }
    int zoomPercent() const { return m_zoom; }
    /// The page stored as last read (1 when none or out of range).
    int storedPage() const { return m_storedPage; }
    /// True when the settings file could not be parsed and was set aside; defaults are in use.
    bool settingsWereReset() const { return m_settingsReset; }
    QString settingsFile() const;

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    /// Whether the lab area is shown (View → Show the Lab); true unless the student hid it.
    bool labVisible() const;
    void setLabVisible(bool visible);
    /// Whether the student dismissed the first-run welcome.
    bool welcomeSeen() const;
    void setWelcomeSeen(bool seen);
    /// The student's edited version of a page's lab example (keyed by the preset's file name),
    /// as scenario JSON; empty when there is none.
    QByteArray labDraft(const QString &presetFile) const;
    /// Stores it; an empty `json` forgets it (back to the page's example).
    void setLabDraft(const QString &presetFile, const QByteArray &json);
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter);
    /// The homework header written into exported runs (Preferences).
    Homework homework() const;
    void setHomework(const Homework &homework);
    /// Saved runs opened or exported lately, the most recent first (at most kMaxRecentRuns).
    QStringList recentRuns() const;
    void addRecentRun(const QString &path);
    void removeRecentRun(const QString &path);
    static constexpr int kMaxRecentRuns = 8;

public Q_SLOTS:
    /// Opens page `number` (1…13), or the last page read when `number` is 0.
    void start(int number = 0);
    void goTo(int number);
    void next();
    void previous();
    /// The page shown before this one (a followed link, a page chosen in the list, …).
    void back();
    /// The page left by back().
    void forward();
    void setLanguage(const QString &language);
    void setZoomPercent(int percent);
    /// Writes everything to disk now.
    void sync();

Q_SIGNALS:
    void currentPageChanged(int number);
    void visitedChanged();
    void languageChanged(const QString &language);

private:
    void openSettings(const QString &settingsFile);
    std::unique_ptr<QSettings> createSettings() const;
    void setSettingsAside(const QString &why);
    void load();
    /// Shows page `number`; goTo() records the page left in the history, back() and forward()
    /// move along it.
    void show(int number);

    LessonCatalog m_catalog;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    QString m_language;
    QList<LessonPage> m_pages;
    QSet<int> m_visited;
    QList<int> m_back;    ///< pages shown before the current one, the last most recent
    QList<int> m_forward; ///< pages left by back(), the last the next forward()
    int m_current = 0;
    int m_storedPage = 1;
    int m_zoom = 100;
    bool m_settingsReset = false;
};

} // namespace concurrente
