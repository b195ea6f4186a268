#include "coursesession.h"

#include <QFileInfo>

#include "lessonview.h"
#include "uilog.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace concurrente {

namespace {
const QString kLastPage = QStringLiteral("lesson/last");
const QString kVisited = QStringLiteral("lesson/visited");
const QString kLanguage = QStringLiteral("ui/language");
const QString kZoom = QStringLiteral("view/zoom");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kLabVisible = QStringLiteral("view/lab");
const QString kStudent = QStringLiteral("homework/student");
const QString kGroup = QStringLiteral("homework/group");
const QString kExercise = QStringLiteral("homework/exercise");
const QString kRecentRuns = QStringLiteral("runs/recent");
const QString kWelcomeSeen = QStringLiteral("ui/welcomeSeen");

int toIntOr(const QVariant &v, int fallback)
{
    bool ok = false;
    const int i = v.toInt(&ok);
    return ok ? i : fallback;
}
} // namespace

CourseSession::CourseSession(const LessonCatalog &catalog, const QString &settingsFile, QObject *parent)
    : QObject(parent), m_catalog(catalog)
{
    openSettings(settingsFile);
    load();
}

CourseSession::~CourseSession()
{
    sync();
}

QString CourseSession::systemLanguage()
{
    return languageFor(QLocale::system());
}

QString CourseSession::languageFor(const QLocale &locale)
{
    // The user's preferred interface languages in order (LANGUAGE=es:en, the desktop's
    // setting), then the locale itself: the first of them the course is written in wins.
    QStringList wanted = locale.uiLanguages();
    wanted.append(locale.name());
    for (const QString &tag : std::as_const(wanted)) {
        const QString code = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (code == QLatin1String("es") || code == QLatin1String("en"))
            return code;
    }
    return QStringLiteral("en");
}

std::unique_ptr<QSettings> CourseSession::createSettings() const
{
    return m_settingsPath.isEmpty()
               ? std::make_unique<QSettings>(QStringLiteral("Concurrente"), QStringLiteral("Concurrente"))
               : std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
}

void CourseSession::setSettingsAside(const QString &why)
{
    const QString path = m_settings->fileName();
    const QString aside = path + QStringLiteral(".corrupt-") +
                          QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddhhmmss"));
    m_settings.reset();
    if (QFile::rename(path, aside))
        qCWarning(lcUi).noquote() << "settings file" << path << why << "- moved to" << aside
                                  << "and starting afresh";
    else
        qCWarning(lcUi).noquote() << "settings file" << path << why << "- starting afresh";
    m_settingsReset = true;
    m_settings = createSettings();
}

void CourseSession::openSettings(const QString &settingsFile)
{
    m_settingsPath = settingsFile;
    m_settings = createSettings();
    // QSettings reads lazily; sync() makes it parse the file now, so status() tells the truth.
    m_settings->sync();
    // QSettings never writes over a file it could not parse, so progress would silently stop
    // being saved. Keep the damaged file for inspection and start again from defaults.
    if (m_settings->status() != QSettings::NoError)
        setSettingsAside(QStringLiteral("could not be read"));
}

QString CourseSession::settingsFile() const
{
    return m_settings->fileName();
}

void CourseSession::load()
{
    const QString lang = m_settings->value(kLanguage).toString();
    m_language = LessonCatalog::languages().contains(lang) ? lang : systemLanguage();
    m_pages = m_catalog.pages(m_language);

    const int last = toIntOr(m_settings->value(kLastPage), 1);
    m_storedPage = (last >= 1 && last <= pageCount()) ? last : 1;

    m_visited.clear();
    const QStringList visited =
        m_settings->value(kVisited).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &v : visited) {
        bool ok = false;
        const int n = v.trimmed().toInt(&ok);
        if (ok && n >= 1 && n <= pageCount())
            m_visited.insert(n);
    }

    const int zoom = toIntOr(m_settings->value(kZoom), 100);
    m_zoom = (zoom >= LessonView::MinZoom && zoom <= LessonView::MaxZoom) ? zoom : 100;
}

LessonPage CourseSession::currentPage() const
{
    return m_catalog.page(m_language, std::max(1, m_current));
}

LessonText CourseSession::currentText() const
{
    return LessonCatalog::loadMarkdown(currentPage().filePath);
}

void CourseSession::start(int number)
{
    goTo(number > 0 ? number : m_storedPage);
}

void CourseSession::goTo(int number)
{
    if (number < 1 || number > pageCount())
        return;
    if (m_current > 0 && number != m_current) {
        m_back.append(m_current);
        m_forward.clear();
    }
    show(number);
}

void CourseSession::back()
{
    if (m_back.isEmpty())
        return;
    m_forward.append(m_current);
    show(m_back.takeLast());
}

void CourseSession::forward()
{
    if (m_forward.isEmpty())
        return;
    m_back.append(m_current);
    show(m_forward.takeLast());
}

void CourseSession::show(int number)
{
    m_current = number;
    m_settings->setValue(kLastPage, number);
    if (!m_visited.contains(number)) {
        m_visited.insert(number);
        QList<int> sorted(m_visited.cbegin(), m_visited.cend());
        std::sort(sorted.begin(), sorted.end());
        QStringList text;
        for (int n : sorted)
            text.append(QString::number(n));
        m_settings->setValue(kVisited, text.join(QLatin1Char(',')));
        Q_EMIT visitedChanged();
    }
    Q_EMIT currentPageChanged(number);
}

void CourseSession::next()
{
    if (hasNext())
        goTo(m_current + 1);
}

void CourseSession::previous()
{
    if (hasPrevious())
        goTo(m_current - 1);
}

void CourseSession::setLanguage(const QString &language)
{
    if (!LessonCatalog::languages().contains(language) || language == m_language)
        return;
    m_language = language;
    m_settings->setValue(kLanguage, language);
    m_pages = m_catalog.pages(m_language);
    Q_EMIT languageChanged(language);
}

void CourseSession::setZoomPercent(int percent)
{
    m_zoom = std::clamp(percent, int(LessonView::MinZoom), int(LessonView::MaxZoom));
    m_settings->setValue(kZoom, m_zoom);
}

QByteArray CourseSession::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

QByteArray CourseSession::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

QByteArray CourseSession::splitterState() const
{
    return m_settings->value(kSplitter).toByteArray();
}

bool CourseSession::labVisible() const
{
    const QVariant v = m_settings->value(kLabVisible);
    // Anything but a stored "false" shows the lab: a damaged value must not hide half the app.
    return !(v.isValid() && v.toString() == QLatin1String("false"));
}

void CourseSession::setLabVisible(bool visible)
{
    m_settings->setValue(kLabVisible, visible);
}

bool CourseSession::welcomeSeen() const
{
    return m_settings->value(kWelcomeSeen).toString() == QLatin1String("true");
}

void CourseSession::setWelcomeSeen(bool seen)
{
    m_settings->setValue(kWelcomeSeen, seen);
}

QByteArray CourseSession::labDraft(const QString &presetFile) const
{
    return m_settings->value(QStringLiteral("lab/drafts/") + QFileInfo(presetFile).completeBaseName())
        .toByteArray();
}

void CourseSession::setLabDraft(const QString &presetFile, const QByteArray &json)
{
    const QString key = QStringLiteral("lab/drafts/") + QFileInfo(presetFile).completeBaseName();
    if (json.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, json);
}

void CourseSession::setWindowLayout(const QByteArray &geometry, const QByteArray &state,
                                    const QByteArray &splitter)
{
    m_settings->setValue(kGeometry, geometry);
    m_settings->setValue(kState, state);
    m_settings->setValue(kSplitter, splitter);
}

Homework CourseSession::homework() const
{
    Homework h;
    h.student = m_settings->value(kStudent).toString().trimmed();
    h.group = m_settings->value(kGroup).toString().trimmed();
    h.exercise = m_settings->value(kExercise).toString().trimmed();
    return h;
}

void CourseSession::setHomework(const Homework &homework)
{
    m_settings->setValue(kStudent, homework.student.trimmed());
    m_settings->setValue(kGroup, homework.group.trimmed());
    m_settings->setValue(kExercise, homework.exercise.trimmed());
}

QStringList CourseSession::recentRuns() const
{
    QStringList runs = m_settings->value(kRecentRuns).toStringList();
    runs.removeAll(QString());
    return runs.mid(0, kMaxRecentRuns);
}

void CourseSession::addRecentRun(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList runs = recentRuns();
    runs.removeAll(absolute);
    runs.prepend(absolute);
    m_settings->setValue(kRecentRuns, runs.mid(0, kMaxRecentRuns));
}

void CourseSession::removeRecentRun(const QString &path)
{
    QStringList runs = recentRuns();
    runs.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings->setValue(kRecentRuns, runs);
}

void CourseSession::sync()
{
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError)
        return;
    // A file that parsed but cannot be written back (garbage QSettings half understood): keep
    // what this session knows, set the file aside and write a clean one.
    QHash<QString, QVariant> keep;
    for (const QString &key : {kLastPage, kVisited, kLanguage, kZoom, kGeometry, kState, kSplitter,
                               kLabVisible, kStudent, kGroup, kExercise, kRecentRuns, kWelcomeSeen}) {
        const QVariant v = m_settings->value(key);
        if (v.isValid())
            keep.insert(key, v);
    }
    setSettingsAside(QStringLiteral("could not be read back or written"));
    for (auto it = keep.cbegin(); it != keep.cend(); ++it)
        m_settings->setValue(it.key(), it.value());
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcUi).noquote() << "could not save settings to" << m_settings->fileName();
}

} // namespace concurrente
