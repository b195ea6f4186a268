#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace concurrente {

/// One lesson page of one language, as found on disk.
struct LessonPage
{
    int number = 0;      ///< 1…PageCount
    QString slug;        ///< e.g. "creating-processes"; the same in every language
    QString language;    ///< "es" or "en"
    QString title;       ///< the page's first "# " line; a fallback when the file is missing
    QString filePath;    ///< absolute path of lessons/<lang>/NN-slug.md (may not exist)
    QString presetPath;  ///< absolute path of lessons/presets/NN-slug.json (may not exist)
    bool exists = false; ///< whether filePath is a readable file

    /// "NN-slug.md", the name other pages use to link here.
    QString fileName() const;
    /// "N. Title": the title with its page number, unless the title already starts with it.
    QString numberedTitle() const;
};

/// A reference from a page to another file or address: an image or a link.
struct LessonReference
{
    enum Kind { Image, Link };
    Kind kind = Link;
    QString target; ///< as written in the Markdown, e.g. "../../resources/diagrams/gil-es.svg"
    int line = 0;   ///< 1-based line in the Markdown source
};

/// The result of reading a page's Markdown: the text, or an error that names the file.
struct LessonText
{
    QString markdown;
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty(); }
};

/// The fixed list of lesson pages and where their files live. QtCore only: the app and the
/// tests both use it, and the tests check every page, image and link through it.
class LessonCatalog
{
    Q_DECLARE_TR_FUNCTIONS(LessonCatalog)

public:
    static constexpr int PageCount = 13;

    /// Reads pages under `dataDir`/lessons (default: concurrente::dataDir()).
    explicit LessonCatalog(const QString &dataDir = QString());

    QString dataDir() const { return m_dataDir; }

    /// The languages pages exist in, in menu order.
    static QStringList languages();
    /// The slug of page `number` (1…PageCount), or an empty string when out of range.
    static QString slug(int number);
    /// The page number a link target such as "09-daemons.md" names, or 0 if it names no page.
    static int pageNumberForFileName(const QString &fileName);

    /// The folder holding one language's pages.
    QString languageDir(const QString &language) const;
    /// All PageCount pages of `language`, in order; missing files are listed with exists = false.
    QList<LessonPage> pages(const QString &language) const;
    /// Page `number` of `language` (number clamped to 1…PageCount).
    LessonPage page(const QString &language, int number) const;
    /// Markdown files in the language folder that are not one of the known pages (typos, strays).
    QStringList unknownFiles(const QString &language) const;

    /// Reads a Markdown file; the error names the file and says why it could not be read.
    static LessonText loadMarkdown(const QString &filePath);
    /// The first "# " heading of a Markdown text, without the marker; empty when there is none.
    static QString titleOf(const QString &markdown);
    /// The images and links of a Markdown text, outside code blocks and code spans.
    static QList<LessonReference> references(const QString &markdown);
    /// True for targets that leave the app: http(s), mailto.
    static bool isExternal(const QString &target);
    /// The absolute, cleaned path a relative target of the page file points at (fragment dropped).
    static QString resolve(const QString &pageFilePath, const QString &target);

private:
    QString m_dataDir;
};

} // namespace concurrente
