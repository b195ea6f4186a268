// The run report: one self-contained HTML page with every text escaped, and the same report
// as an A4 PDF over several pages for a long run.
#include "export.h"
#include "runreport.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concurrente;

namespace {

RunLog reportLog(int prints)
{
    RunLog log;
    log.appVersion = QStringLiteral("0.1.0");
    log.host = HostInfo::current();
    log.homework = {QStringLiteral("Ana <b>Pérez</b>"), QStringLiteral("3CM1"), QStringLiteral("Tarea & 4")};
    log.scenario = {{QStringLiteral("file"), QStringLiteral("not-a-lesson.json")}};
    ProcessRecord worker;
    worker.index = 0;
    worker.name = QStringLiteral("<script>evil()</script>");
    worker.pid = 301;
    worker.ppid = 300;
    worker.kind = QStringLiteral("worker");
    worker.startNs = 1'000'000;
    worker.endNs = 90'000'000;
    worker.exitcode = 0;
    ProcessRecord main;
    main.name = QStringLiteral("MainProcess");
    main.pid = 300;
    main.kind = QStringLiteral("main");
    main.startNs = 500'000;
    main.endNs = 95'000'000;
    main.exitcode = 0;
    log.processes = {worker, main};
    log.addEvent(
        Event::make(1'200'000, 301, QStringLiteral("start"), {{QStringLiteral("name"), worker.name}}));
    for (int i = 0; i < prints; ++i)
        log.addEvent(
            Event::make(2'000'000 + i * 1000, 301, QStringLiteral("print"),
                        {{QStringLiteral("text"), QStringLiteral("<script>alert(%1)</script>").arg(i)}}));
    log.finalize(94'500'000);
    return log;
}

int pdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
    int n = 0;
    auto it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void htmlIsSelfContainedAndEscaped();
    void htmlHasTheHomeworkAndProcesses();
    void htmlHasThePredictionAndItsVerdict();
    void pdfIsPaginatedA4();
    void shortPdfIsOnePage();
    void pdfReadsBackWithPoppler();
    void registeredFormatsWrite_data();
    void registeredFormatsWrite();
};

void TestReport::initTestCase()
{
    RunReport::registerFormats();
}

void TestReport::htmlIsSelfContainedAndEscaped()
{
    const QString html = RunReport::toHtml(reportLog(5));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    // Nothing it needs from elsewhere: no script, no link, no external picture or style.
    for (const QString &external :
         {QStringLiteral("<script"), QStringLiteral("<link"), QStringLiteral("http:"),
          QStringLiteral("https:"), QStringLiteral("src=\"/"), QStringLiteral("@import"),
          QStringLiteral("url(")})
        QVERIFY2(!html.contains(external, Qt::CaseInsensitive), qPrintable(external));
    // A worker that prints <script> (or is named so) shows the text.
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(0)&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;evil()&lt;/script&gt;")));
    QVERIFY(html.contains(QStringLiteral("Ana &lt;b&gt;Pérez&lt;/b&gt;")));
    QVERIFY(html.contains(QStringLiteral("Tarea &amp; 4")));
}

void TestReport::htmlHasTheHomeworkAndProcesses()
{
    const QString html = RunReport::toHtml(reportLog(1));
    QVERIFY(html.contains(QStringLiteral("3CM1")));
    QVERIFY(html.contains(QStringLiteral("MainProcess")));
    QVERIFY(html.contains(QStringLiteral(">301<")));
    QVERIFY(html.contains(HostInfo::current().kernel.toHtmlEscaped()));
    QVERIFY(!html.contains(QStringLiteral("Process containment"))); // not recorded: not shown
    RunLog contained = reportLog(1);
    contained.host.containment = QStringLiteral("cgroup2");
    contained.host.pidsMax = 41;
    contained.host.pidsMaxBy = QStringLiteral("cgroup1-pids");
    contained.host.memoryMax = qint64(1) << 30;
    const QString withCap = RunReport::toHtml(contained);
    QVERIFY(withCap.contains(QStringLiteral("Process containment")));
    QVERIFY(withCap.contains(
        QStringLiteral("cgroup2; at most 41 processes and threads (cgroup1-pids); memory at most 1024 MiB")));
}

void TestReport::htmlHasThePredictionAndItsVerdict()
{
    // No prediction, no section.
    QVERIFY(!RunReport::toHtml(reportLog(1)).contains(QStringLiteral("Predict")));
    RunLog log = reportLog(1);
    log.predict.question = QStringLiteral("06-join-terminate");
    log.predict.textEn = QStringLiteral("What will exitcode be after <terminate()>?");
    log.predict.answer = log.predict.answerEn = QStringLiteral("0");
    log.predict.verdict = QStringLiteral("not_quite");
    log.predict.actual = log.predict.actualEn = QStringLiteral("-15");
    log.predict.evidence = {
        {QStringLiteral("exitcode"), QStringLiteral("Process-1"), QStringLiteral("-15"), 90'000'000}};
    const QString html = RunReport::toHtml(log);
    QVERIFY(html.contains(QStringLiteral("Predict → verdict")));
    QVERIFY(html.contains(QStringLiteral("What will exitcode be after &lt;terminate()&gt;?")));
    QVERIFY(html.contains(QStringLiteral("Not quite")));
    QVERIFY(html.contains(QStringLiteral("Process-1 ended with exitcode -15 (89.500 ms)")));
    QVERIFY(html.contains(QStringLiteral("<td>-15</td>")));
}

void TestReport::pdfIsPaginatedA4()
{
    const QByteArray pdf = RunReport::toPdf(reportLog(400));
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdfPages(pdf) > 1, qPrintable(QString::number(pdfPages(pdf))));
    // A4 is 595 × 842 points.
    QVERIFY(pdf.contains("/MediaBox [0 0 595 842]") || pdf.contains("/MediaBox [0 0 595.") ||
            QRegularExpression(QStringLiteral("/MediaBox \\[0 0 59[45]\\.?\\d* 84[12]"))
                .match(QString::fromLatin1(pdf))
                .hasMatch());
}

void TestReport::shortPdfIsOnePage()
{
    const QByteArray pdf = RunReport::toPdf(reportLog(0));
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(pdfPages(pdf), 1);
}

/// Runs a poppler tool on `pdf`; its standard output, or empty with the test skipped when the
/// tool is not installed.
QString poppler(const QString &tool, const QStringList &arguments, bool *missing)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    *missing = exe.isEmpty();
    if (*missing)
        return {};
    QProcess p;
    p.start(exe, arguments);
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>").arg(tool, QString::fromLocal8Bit(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

void TestReport::pdfReadsBackWithPoppler()
{
    // What a reader's PDF tools see: A4 pages, the number the report's length asks for, the
    // title, the homework, the process names and a printed <script> as text, a page number on
    // each page, and a timeline drawn as vectors (its label is text, no picture is embedded).
    RunReport::Options options;
    options.timeline = [](QPainter &painter, const QRectF &rect, qint64, qint64, const RunLog &) {
        painter.drawLine(rect.topLeft(), rect.bottomRight());
        painter.drawText(rect, Qt::AlignCenter, QStringLiteral("TIMELINE-LABEL"));
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.pdf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(RunReport::toPdf(reportLog(400), options));
    f.close();
    bool missing = false;
    const QString info = poppler(QStringLiteral("pdfinfo"), {path}, &missing);
    if (missing)
        QSKIP("pdfinfo is not installed (Debian: poppler-utils, scripts/deps.sh installs it)");
    QVERIFY2(info.contains(QStringLiteral("A4")), qPrintable(info));
    static const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
    const int pages = pagesLine.match(info).captured(1).toInt();
    // 400 prints at about 40 rows a page, after a first page of header tables.
    QVERIFY2(pages >= 9 && pages <= 14, qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("Title:")));
    const QString text = poppler(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-layout"), path, QStringLiteral("-")}, &missing);
    if (missing)
        QSKIP("pdftotext is not installed (Debian: poppler-utils)");
    for (const QString &expected :
         {QStringLiteral("Run report"), QStringLiteral("Ana <b>Pérez</b>"), QStringLiteral("Tarea & 4"),
          QStringLiteral("<script>evil()</script>"), QStringLiteral("MainProcess"),
          QStringLiteral("<script>alert(399)</script>"), QStringLiteral("TIMELINE-LABEL")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    // One page number at the foot of each page; pdftotext ends each page with a form feed.
    const QStringList pageTexts = text.split(QChar(0x0C), Qt::SkipEmptyParts);
    QCOMPARE(pageTexts.size(), pages);
    for (int i = 0; i < pages; ++i)
        QVERIFY2(pageTexts.at(i).trimmed().endsWith(QString::number(i + 1)),
                 qPrintable(QString::number(i + 1)));
    // The table's header row is repeated on the pages it continues on.
    QVERIFY(pageTexts.last().contains(QStringLiteral("Time (ms)")));
    const QString images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path}, &missing);
    if (!missing)
        QCOMPARE(images.trimmed().split(u'\n').size(), 2); // the list's two header lines, no picture
}

void TestReport::registeredFormatsWrite_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("html") << QStringLiteral("run.html") << QByteArray("<!DOCTYPE html>");
    QTest::newRow("pdf") << QStringLiteral("run.PDF") << QByteArray("%PDF-");
}

void TestReport::registeredFormatsWrite()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, starts);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY2(RunExporter::write(reportLog(3), path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith(starts));
    // A missing folder is reported, naming the file.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/") + name);
    QVERIFY(!RunExporter::write(reportLog(3), missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
