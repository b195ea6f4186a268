#include "lessoncatalog.h"

#include "datapaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <array>

Q_LOGGING_CATEGORY(lcLessons, "concurrente.lessons", QtInfoMsg)

namespace concurrente {

namespace {

// The page list is fixed by the course: the same slug in every language, so a page keeps its
// place (and its progress tick) when the student switches language.
constexpr std::array<const char *, LessonCatalog::PageCount> kSlugs = {
    "motivation",     "creating-processes", "pid-ppid", "exercise-1", "cpu-count-names",
    "join-terminate", "exercise-2",         "gil",      "daemons",    "orphans",
    "queues-pipes",   "exercise-3",         "free-lab",
};

// Large enough for any page; a bigger file is a mistake (or not a page) and is refused.
constexpr qint64 kMaxPageBytes = 2 * 1024 * 1024;

QString pageFileName(int number)
{
    return QStringLiteral("%1-%2.md").arg(number, 2, 10, QLatin1Char('0')).arg(LessonCatalog::slug(number));
}

} // namespace

QString LessonPage::fileName() const
{
    return pageFileName(number);
}

QString LessonPage::numberedTitle() const
{
    const QString prefix = QString::number(number) + QLatin1Char('.');
    if (title.startsWith(prefix) || title.startsWith(QLatin1Char('0') + prefix))
        return title;
    return prefix + QLatin1Char(' ') + title;
}

LessonCatalog::LessonCatalog(const QString &dataDir)
    : m_dataDir(QDir::cleanPath(dataDir.isEmpty() ? concurrente::dataDir() : dataDir))
{}

QStringList LessonCatalog::languages()
{
    return {QStringLiteral("es"), QStringLiteral("en")};
}

QString LessonCatalog::slug(int number)
{
    if (number < 1 || number > PageCount)
        return {};
    return QString::fromLatin1(kSlugs[static_cast<size_t>(number - 1)]);
}

int LessonCatalog::pageNumberForFileName(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    for (int n = 1; n <= PageCount; ++n) {
        if (name == pageFileName(n))
            return n;
    }
    return 0;
}

QString LessonCatalog::languageDir(const QString &language) const
{
    return m_dataDir + QStringLiteral("/lessons/") + language;
}

LessonPage LessonCatalog::page(const QString &language, int number) const
{
    LessonPage p;
    p.number = std::clamp(number, 1, int(PageCount));
    p.slug = slug(p.number);
    p.language = language;
    p.filePath = languageDir(language) + QLatin1Char('/') + pageFileName(p.number);
    p.presetPath =
        m_dataDir +
        QStringLiteral("/lessons/presets/%1-%2.json").arg(p.number, 2, 10, QLatin1Char('0')).arg(p.slug);
    const QFileInfo info(p.filePath);
    p.exists = info.isFile() && info.isReadable();
    if (p.exists) {
        // Only the first lines are needed for the title; reading the whole page here would
        // make building the navigator cost as much as rendering every page.
        QFile f(p.filePath);
        if (f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            QString head;
            for (int i = 0; i < 40 && !f.atEnd(); ++i)
                head += QString::fromUtf8(f.readLine());
            p.title = titleOf(head);
        }
    }
    if (p.title.isEmpty())
        p.title = tr("Page %1").arg(p.number);
    return p;
}

QList<LessonPage> LessonCatalog::pages(const QString &language) const
{
    QList<LessonPage> result;
    result.reserve(PageCount);
    for (int n = 1; n <= PageCount; ++n)
        result.append(page(language, n));
    return result;
}

QStringList LessonCatalog::unknownFiles(const QString &language) const
{
    QStringList unknown;
    const QStringList files =
        QDir(languageDir(language)).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (pageNumberForFileName(name) == 0)
            unknown.append(name);
    }
    return unknown;
}

LessonText LessonCatalog::loadMarkdown(const QString &filePath)
{
    LessonText result;
    const QString shown = QDir::toNativeSeparators(filePath);
    const QFileInfo info(filePath);
    if (!info.exists()) {
        result.error = tr("The lesson file %1 does not exist.").arg(shown);
    } else if (!info.isFile()) {
        result.error = tr("The lesson file %1 is not a regular file.").arg(shown);
    } else if (info.size() > kMaxPageBytes) {
        result.error = tr("The lesson file %1 is too large (%2 bytes; at most %3).")
                           .arg(shown)
                           .arg(info.size())
                           .arg(kMaxPageBytes);
    } else {
        QFile f(filePath);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            result.error = tr("The lesson file %1 cannot be read: %2").arg(shown, f.errorString());
        } else {
            result.markdown = QString::fromUtf8(f.readAll());
            if (f.error() != QFileDevice::NoError) {
                result.markdown.clear();
                result.error = tr("The lesson file %1 cannot be read: %2").arg(shown, f.errorString());
            }
        }
    }
    if (!result.ok())
        qCInfo(lcLessons).noquote() << result.error;
    return result;
}

QString LessonCatalog::titleOf(const QString &markdown)
{
    bool inFence = false;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("```")) || line.startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        if (!inFence && line.startsWith(QLatin1String("# ")))
            return line.mid(2).trimmed();
    }
    return {};
}

QList<LessonReference> LessonCatalog::references(const QString &markdown)
{
    // Inline links and images: [text](target "title") and ![alt](<target>); reference
    // definitions: [label]: target. Code is skipped: a listing may well contain "[a](b)".
    static const QRegularExpression inlineRef(QStringLiteral(
        R"((!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\))"));
    static const QRegularExpression definition(QStringLiteral(R"(^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+))"));
    static const QRegularExpression codeSpan(QStringLiteral("(`+)[^`]*?\\1"));

    QList<LessonReference> refs;
    bool inFence = false;
    QString fence;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString trimmed = lines[i].trimmed();
        if (!inFence &&
            (trimmed.startsWith(QLatin1String("```")) || trimmed.startsWith(QLatin1String("~~~")))) {
            inFence = true;
            fence = trimmed.left(3);
            continue;
        }
        if (inFence) {
            if (trimmed.startsWith(fence))
                inFence = false;
            continue;
        }
        QString line = lines[i];
        line.replace(codeSpan, QString());
        auto unbracket = [](QString t) {
            if (t.startsWith(QLatin1Char('<')) && t.endsWith(QLatin1Char('>')))
                t = t.mid(1, t.size() - 2);
            return t;
        };
        auto it = inlineRef.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            LessonReference r;
            r.kind = m.captured(1).isEmpty() ? LessonReference::Link : LessonReference::Image;
            r.target = unbracket(m.captured(2));
            r.line = i + 1;
            refs.append(r);
        }
        const auto def = definition.match(line);
        if (def.hasMatch())
            refs.append({LessonReference::Link, unbracket(def.captured(1)), i + 1});
    }
    return refs;
}

bool LessonCatalog::isExternal(const QString &target)
{
    const QString scheme = QUrl(target).scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
           scheme == QLatin1String("mailto");
}

QString LessonCatalog::resolve(const QString &pageFilePath, const QString &target)
{
    QString path = target;
    const qsizetype hash = path.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        path.truncate(hash);
    path = QUrl::fromPercentEncoding(path.toUtf8());
    if (path.isEmpty())
        return QFileInfo(pageFilePath).absoluteFilePath();
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QFileInfo(pageFilePath).absolutePath() + QLatin1Char('/') + path);
}

} // namespace concurrente
