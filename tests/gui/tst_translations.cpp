// resources/translations/concurrente_es.ts: every message translated (none unfinished or empty)
// and every %N placeholder of the source kept, so no Spanish string loses an argument.

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spanishIsComplete();
};

void TestTranslations::spanishIsComplete()
{
    const QString path = qEnvironmentVariable("CONCURRENTE_DATA_DIR") +
                         QStringLiteral("/resources/translations/concurrente_es.ts");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QXmlStreamReader xml(&file);
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+)"));
    auto placeholders = [](const QString &text) {
        QSet<QString> found;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext())
            found.insert(it.next().captured(1));
        return found;
    };
    QString context;
    QString source;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            // Messages with a count (%n) hold one <numerusform> per plural form.
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            const QString where = context + QStringLiteral(": \"") + source + u'"';
            if (type == QLatin1String("unfinished") || translation.isEmpty())
                problems.append(where + QStringLiteral(" is not translated"));
            else if (type != QLatin1String("vanished") && type != QLatin1String("obsolete") &&
                     placeholders(translation) != placeholders(source))
                problems.append(where + QStringLiteral(" has different placeholders: \"") + translation +
                                u'"');
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 100, "suspiciously few messages");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
