// The lesson pages as shipped: all 13 in both languages, in order, with titles; every image and
// link resolves; every page ends with its "what to observe" section and a prediction.

#include "lessoncatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace concurrente;

class TestLessonCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void slugsAreFixed();
    void allPagesExistInOrder_data();
    void allPagesExistInOrder();
    void referencesResolve_data();
    void referencesResolve();
    void pageEndsWithWhatToObserve_data();
    void pageEndsWithWhatToObserve();
    void sameStructureInBothLanguages_data();
    void sameStructureInBothLanguages();
    void referencesParser_data();
    void referencesParser();
    void missingFileIsNamed();
    void unreadableFileIsNamed();
    void titleFallsBackWhenMissing();
    void pageNumberForFileName();

private:
    LessonCatalog m_catalog;
};

void TestLessonCatalog::initTestCase()
{
    qInfo() << "lesson pages read from" << m_catalog.dataDir();
    QVERIFY2(QFileInfo(m_catalog.dataDir() + QStringLiteral("/lessons")).isDir(),
             qPrintable(QStringLiteral("no lessons/ folder under %1").arg(m_catalog.dataDir())));
}

void TestLessonCatalog::slugsAreFixed()
{
    const QStringList expected{QStringLiteral("motivation"),      QStringLiteral("creating-processes"),
                               QStringLiteral("pid-ppid"),        QStringLiteral("exercise-1"),
                               QStringLiteral("cpu-count-names"), QStringLiteral("join-terminate"),
                               QStringLiteral("exercise-2"),      QStringLiteral("gil"),
                               QStringLiteral("daemons"),         QStringLiteral("orphans"),
                               QStringLiteral("queues-pipes"),    QStringLiteral("exercise-3"),
                               QStringLiteral("free-lab")};
    QCOMPARE(int(expected.size()), int(LessonCatalog::PageCount));
    for (int n = 1; n <= LessonCatalog::PageCount; ++n)
        QCOMPARE(LessonCatalog::slug(n), expected.at(n - 1));
    QVERIFY(LessonCatalog::slug(0).isEmpty());
    QVERIFY(LessonCatalog::slug(14).isEmpty());
}

void TestLessonCatalog::allPagesExistInOrder_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &lang : LessonCatalog::languages())
        QTest::newRow(qPrintable(lang)) << lang;
}

void TestLessonCatalog::allPagesExistInOrder()
{
    QFETCH(QString, language);
    const QList<LessonPage> pages = m_catalog.pages(language);
    QCOMPARE(pages.size(), qsizetype(LessonCatalog::PageCount));
    for (int i = 0; i < pages.size(); ++i) {
        const LessonPage &p = pages.at(i);
        QCOMPARE(p.number, i + 1);
        QCOMPARE(p.language, language);
        QVERIFY2(p.exists, qPrintable(QStringLiteral("missing page %1").arg(p.filePath)));
        const LessonText text = LessonCatalog::loadMarkdown(p.filePath);
        QVERIFY2(text.ok(), qPrintable(text.error));
        const QString title = LessonCatalog::titleOf(text.markdown);
        QVERIFY2(!title.isEmpty(), qPrintable(QStringLiteral("%1 has no '# ' title line").arg(p.fileName())));
        QCOMPARE(p.title, title);
        QVERIFY2(QFileInfo::exists(p.presetPath),
                 qPrintable(QStringLiteral("missing preset %1").arg(p.presetPath)));
    }
    QVERIFY2(m_catalog.unknownFiles(language).isEmpty(),
             qPrintable(QStringLiteral("files that are not pages in lessons/%1: %2")
                            .arg(language, m_catalog.unknownFiles(language).join(QStringLiteral(", ")))));
}

void TestLessonCatalog::referencesResolve_data()
{
    QTest::addColumn<QString>("filePath");
    for (const QString &lang : LessonCatalog::languages()) {
        for (const LessonPage &p : m_catalog.pages(lang))
            QTest::newRow(qPrintable(lang + QLatin1Char('/') + p.fileName())) << p.filePath;
    }
}

void TestLessonCatalog::referencesResolve()
{
    QFETCH(QString, filePath);
    const LessonText text = LessonCatalog::loadMarkdown(filePath);
    QVERIFY2(text.ok(), qPrintable(text.error));
    const QString page = QFileInfo(filePath).fileName();
    for (const LessonReference &ref : LessonCatalog::references(text.markdown)) {
        const QString where =
            QStringLiteral("%1:%2: %3 '%4'")
                .arg(page)
                .arg(ref.line)
                .arg(ref.kind == LessonReference::Image ? QStringLiteral("image") : QStringLiteral("link"),
                     ref.target);
        if (LessonCatalog::isExternal(ref.target)) {
            QVERIFY2(ref.kind == LessonReference::Link,
                     qPrintable(where + QStringLiteral(": images must be local files")));
            QVERIFY2(QUrl(ref.target, QUrl::StrictMode).isValid(),
                     qPrintable(where + QStringLiteral(": not a valid URL")));
            continue;
        }
        QVERIFY2(QUrl(ref.target).scheme().isEmpty(),
                 qPrintable(where + QStringLiteral(": unsupported scheme")));
        if (ref.target.startsWith(QLatin1Char('#')))
            continue; // an anchor in the same page
        const QString resolved = LessonCatalog::resolve(filePath, ref.target);
        QVERIFY2(QFileInfo(resolved).isFile(),
                 qPrintable(where + QStringLiteral(" does not resolve (looked for %1)").arg(resolved)));
        // Everything a page points at must ship with the app: other pages and diagrams
        // (lessons/, resources/). The developers' documents (docs/) are not for students and
        // are not installed.
        QVERIFY2(resolved.startsWith(m_catalog.dataDir() + QStringLiteral("/lessons/")) ||
                     resolved.startsWith(m_catalog.dataDir() + QStringLiteral("/resources/")),
                 qPrintable(where + QStringLiteral(" points outside the lessons and their diagrams")));
        if (ref.kind == LessonReference::Link && resolved.endsWith(QLatin1String(".md")))
            QVERIFY2(LessonCatalog::pageNumberForFileName(ref.target) > 0,
                     qPrintable(where + QStringLiteral(": a link to a document must be to a lesson page")));
        if (ref.kind == LessonReference::Image) {
            const QString suffix = QFileInfo(resolved).suffix().toLower();
            QVERIFY2(suffix == QLatin1String("svg") || suffix == QLatin1String("png"),
                     qPrintable(where + QStringLiteral(": images are SVG (or PNG)")));
        }
    }
}

void TestLessonCatalog::pageEndsWithWhatToObserve_data()
{
    referencesResolve_data();
}

void TestLessonCatalog::pageEndsWithWhatToObserve()
{
    QFETCH(QString, filePath);
    const LessonText text = LessonCatalog::loadMarkdown(filePath);
    QVERIFY2(text.ok(), qPrintable(text.error));
    const bool spanish = filePath.contains(QLatin1String("/es/"));
    const QString heading = spanish ? QStringLiteral("Qué observar") : QStringLiteral("What to observe");
    const QString predict = spanish ? QStringLiteral("Predice") : QStringLiteral("Predict");

    // The last section heading (## or ###) outside code blocks must be the "what to observe" one.
    static const QRegularExpression sectionRe(QStringLiteral("^#{2,3}\\s+(.*)$"));
    QString lastHeading;
    qsizetype lastHeadingLine = -1;
    const QStringList lines = text.markdown.split(QLatin1Char('\n'));
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
            continue;
        }
        const auto m = sectionRe.match(t);
        if (!inFence && m.hasMatch()) {
            lastHeading = m.captured(1).trimmed();
            lastHeadingLine = i;
        }
    }
    const QString page = QFileInfo(filePath).fileName();
    QVERIFY2(
        lastHeading.startsWith(heading, Qt::CaseInsensitive),
        qPrintable(
            QStringLiteral("%1: the last section is '%2', expected '%3'").arg(page, lastHeading, heading)));
    const QString section = lines.mid(lastHeadingLine + 1).join(QLatin1Char('\n'));
    QVERIFY2(section.contains(predict, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("%1: the '%2' section has no '%3' line").arg(page, heading, predict)));
}

void TestLessonCatalog::sameStructureInBothLanguages_data()
{
    QTest::addColumn<int>("number");
    for (int n = 1; n <= LessonCatalog::PageCount; ++n)
        QTest::newRow(qPrintable(QStringLiteral("page %1").arg(n))) << n;
}

void TestLessonCatalog::sameStructureInBothLanguages()
{
    // A translation carries the same listings and the same pictures as the original.
    QFETCH(int, number);
    const LessonText es = LessonCatalog::loadMarkdown(m_catalog.page(QStringLiteral("es"), number).filePath);
    const LessonText en = LessonCatalog::loadMarkdown(m_catalog.page(QStringLiteral("en"), number).filePath);
    QVERIFY2(es.ok(), qPrintable(es.error));
    QVERIFY2(en.ok(), qPrintable(en.error));
    auto fences = [](const QString &md) {
        return md.count(QRegularExpression(QStringLiteral("(?m)^\\s*```")));
    };
    auto images = [](const QString &md) {
        qsizetype n = 0;
        for (const auto &r : LessonCatalog::references(md))
            n += r.kind == LessonReference::Image;
        return n;
    };
    QCOMPARE(fences(en.markdown), fences(es.markdown));
    QCOMPARE(images(en.markdown), images(es.markdown));
}

void TestLessonCatalog::referencesParser_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QList<int>>("kinds");

    QTest::newRow("image and link")
        << QStringLiteral("See ![GIL](../../resources/diagrams/gil-es.svg) and [page 9](09-daemons.md).")
        << QStringList{QStringLiteral("../../resources/diagrams/gil-es.svg"), QStringLiteral("09-daemons.md")}
        << QList<int>{LessonReference::Image, LessonReference::Link};
    QTest::newRow("title and angle brackets")
        << QStringLiteral("[doc](<../../docs/shmq.md> \"The queue\")")
        << QStringList{QStringLiteral("../../docs/shmq.md")} << QList<int>{LessonReference::Link};
    QTest::newRow("inside fenced code") << QStringLiteral("```python\nx = a[0](1)\nprint('[a](b.md)')\n```\n")
                                        << QStringList{} << QList<int>{};
    QTest::newRow("inside a code span")
        << QStringLiteral("Use `[a](b.md)` literally, but [c](c.md).") << QStringList{QStringLiteral("c.md")}
        << QList<int>{LessonReference::Link};
    QTest::newRow("reference definition")
        << QStringLiteral("[x][1]\n\n[1]: https://docs.python.org/3/library/multiprocessing.html")
        << QStringList{QStringLiteral("https://docs.python.org/3/library/multiprocessing.html")}
        << QList<int>{LessonReference::Link};
    QTest::newRow("nested brackets") << QStringLiteral("[see [the docs]](a.md)")
                                     << QStringList{QStringLiteral("a.md")}
                                     << QList<int>{LessonReference::Link};
}

void TestLessonCatalog::referencesParser()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, targets);
    QFETCH(QList<int>, kinds);
    const auto refs = LessonCatalog::references(markdown);
    QStringList gotTargets;
    QList<int> gotKinds;
    for (const auto &r : refs) {
        gotTargets.append(r.target);
        gotKinds.append(r.kind);
    }
    QCOMPARE(gotTargets, targets);
    QCOMPARE(gotKinds, kinds);
}

void TestLessonCatalog::missingFileIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lessons/es/03-pid-ppid.md"));
    const LessonText t = LessonCatalog::loadMarkdown(path);
    QVERIFY(!t.ok());
    QVERIFY(t.markdown.isEmpty());
    QVERIFY2(t.error.contains(path), qPrintable(t.error));
}

void TestLessonCatalog::unreadableFileIsNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("01-motivation.md"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# Title\n");
    f.close();
    QVERIFY(f.setPermissions(QFileDevice::Permissions()));
    if (QFile(path).open(QIODevice::ReadOnly))
        QSKIP("running as a user who can read any file (root): cannot make a file unreadable");
    const LessonText t = LessonCatalog::loadMarkdown(path);
    QVERIFY(!t.ok());
    QVERIFY2(t.error.contains(path), qPrintable(t.error));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestLessonCatalog::titleFallsBackWhenMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("lessons/en")));
    QFile f(dir.filePath(QStringLiteral("lessons/en/02-creating-processes.md")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("```\n# not a title\n```\n\n# Creating processes\n\nText.\n");
    f.close();
    const LessonCatalog catalog(dir.path());
    const auto pages = catalog.pages(QStringLiteral("en"));
    QCOMPARE(pages.size(), qsizetype(LessonCatalog::PageCount));
    QVERIFY(!pages.at(0).exists);
    QVERIFY(!pages.at(0).title.isEmpty());
    QVERIFY(pages.at(1).exists);
    QCOMPARE(pages.at(1).title, QStringLiteral("Creating processes"));
}

void TestLessonCatalog::pageNumberForFileName()
{
    QCOMPARE(LessonCatalog::pageNumberForFileName(QStringLiteral("09-daemons.md")), 9);
    QCOMPARE(LessonCatalog::pageNumberForFileName(QStringLiteral("13-free-lab.md")), 13);
    QCOMPARE(LessonCatalog::pageNumberForFileName(QStringLiteral("9-daemons.md")), 0);
    QCOMPARE(LessonCatalog::pageNumberForFileName(QStringLiteral("09-orphans.md")), 0);
    QCOMPARE(LessonCatalog::pageNumberForFileName(QStringLiteral("shmq.md")), 0);
}

QTEST_GUILESS_MAIN(TestLessonCatalog)
#include "tst_lessoncatalog.moc"
