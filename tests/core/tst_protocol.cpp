// Unit tests of the worker event protocol parser (docs/protocol.md, "Parsing rules").
#include "protocol.h"

#include <QJsonDocument>
#include <QTest>

using namespace concurrente;

namespace {
QByteArray line(const char *ev, qint64 t, qint64 pid, const QByteArray &extra = {})
{
    return QByteArray(R"({"ev":")") + ev + R"(","t_ns":)" + QByteArray::number(t) + R"(,"pid":)" +
           QByteArray::number(pid) + extra + "}\n";
}
QStringList kinds(const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events)
        out << e.ev;
    return out;
}
} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private slots:
    void splitAtEveryByte();
    void severalLinesInOneChunk();
    void badLines_data();
    void badLines();
    void overLongLineAcrossChunks();
    void lineAtTheLimit();
    void bigTimestampsKeepPrecision();
    void finishParsesUnterminatedLine();
    void errorsCarryOwner();
    void eventJsonRoundTrip();
};

void TestProtocol::splitAtEveryByte()
{
    const QByteArray a = line("start", 123456789012345, 42, R"(,"name":"Process-1","ppid":7)");
    const QByteArray b = line("print", 123456789012999, 42, R"(,"text":"cuadrado: 4 — ñ")");
    const QByteArray stream = a + b;
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        LineParser p(42, QStringLiteral("Process-1"));
        QList<Event> got = p.feed(QByteArrayView(stream).first(cut));
        got += p.feed(QByteArrayView(stream).sliced(cut));
        QCOMPARE(kinds(got), (QStringList{QStringLiteral("start"), QStringLiteral("print")}));
        QCOMPARE(got[0].tNs, 123456789012345);
        QCOMPARE(got[0].pid, std::optional<qint64>(42));
        QCOMPARE(got[0].fields.value(QStringLiteral("ppid")).toInteger(), 7);
        QCOMPARE(got[1].fields.value(QStringLiteral("text")).toString(), QStringLiteral("cuadrado: 4 — ñ"));
        QCOMPARE(p.errorCount(), 0);
    }
    // Every byte on its own.
    LineParser p;
    QList<Event> got;
    for (char c : stream)
        got += p.feed(QByteArrayView(&c, 1));
    QCOMPARE(got.size(), 2);
}

void TestProtocol::severalLinesInOneChunk()
{
    QByteArray chunk;
    for (int i = 0; i < 100; ++i)
        chunk += line("print", 1000 + i, 5, R"(,"text":")" + QByteArray::number(i) + "\"");
    chunk += "\n\r\n"; // blank lines are ignored
    LineParser p;
    const QList<Event> got = p.feed(chunk);
    QCOMPARE(got.size(), 100);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(got[i].fields.value(QStringLiteral("text")).toString(), QString::number(i));
}

void TestProtocol::badLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected"); // event kinds in order
    QTest::addColumn<QString>("message");      // substring of the first protocol_error message

    const QByteArray good = line("exit", 9, 5, R"(,"code":0)");
    const QStringList err{QStringLiteral("protocol_error")};
    const QStringList errThenExit{QStringLiteral("protocol_error"), QStringLiteral("exit")};

    QTest::newRow("not json") << QByteArray("hello world\n") + good << errThenExit << u"not JSON"_qs;
    QTest::newRow("truncated json") << QByteArray("{\"ev\":\"print\",\n") << err << u"not JSON"_qs;
    QTest::newRow("array") << QByteArray("[1,2,3]\n") + good << errThenExit << u"not a JSON object"_qs;
    QTest::newRow("number") << QByteArray("42\n") << err << u"not"_qs;
    QTest::newRow("bad utf-8 byte") << QByteArray(
                                           "{\"ev\":\"print\",\"t_ns\":1,\"pid\":2,\"text\":\"\xff\"}\n") +
                                           good
                                    << errThenExit << u"UTF-8"_qs;
    QTest::newRow("overlong utf-8") << QByteArray(
                                           "{\"ev\":\"print\",\"t_ns\":1,\"pid\":2,\"text\":\"\xc0\xaf\"}\n")
                                    << err << u"UTF-8"_qs;
    QTest::newRow("utf-8 surrogate")
        << QByteArray("{\"ev\":\"print\",\"t_ns\":1,\"pid\":2,\"text\":\"\xed\xa0\x80\"}\n") << err
        << u"UTF-8"_qs;
    QTest::newRow("cut utf-8 sequence")
        << QByteArray("{\"ev\":\"print\",\"t_ns\":1,\"pid\":2,\"text\":\"\xe2\x82\"}\n") << err
        << u"UTF-8"_qs;
    QTest::newRow("unknown ev") << line("explode", 1, 2) << err << u"unknown event"_qs;
    QTest::newRow("ev not a string") << QByteArray(R"({"ev":3,"t_ns":1,"pid":2})"
                                                   "\n")
                                     << err << u"\"ev\""_qs;
    QTest::newRow("missing ev") << QByteArray(R"({"t_ns":1,"pid":2})"
                                              "\n")
                                << err << u"\"ev\""_qs;
    QTest::newRow("missing t_ns") << QByteArray(R"({"ev":"print","pid":2})"
                                                "\n")
                                  << err << u"\"t_ns\""_qs;
    QTest::newRow("fractional t_ns") << QByteArray(R"({"ev":"print","t_ns":1.5,"pid":2})"
                                                   "\n")
                                     << err << u"\"t_ns\""_qs;
    QTest::newRow("string t_ns") << QByteArray(R"({"ev":"print","t_ns":"1","pid":2})"
                                               "\n")
                                 << err << u"\"t_ns\""_qs;
    QTest::newRow("missing pid") << QByteArray(R"({"ev":"print","t_ns":1})"
                                               "\n")
                                 << err << u"\"pid\""_qs;
    QTest::newRow("null pid") << QByteArray(R"({"ev":"print","t_ns":1,"pid":null})"
                                            "\n")
                              << err << u"\"pid\""_qs;
    QTest::newRow("negative pid") << QByteArray(R"({"ev":"print","t_ns":1,"pid":-4})"
                                                "\n")
                                  << err << u"\"pid\""_qs;
    QTest::newRow("over-long line") << QByteArray(5000, 'x') + "\n" + good << errThenExit
                                    << u"longer than 4096"_qs;
    QTest::newRow("over-long json") << QByteArray(R"({"ev":"print","t_ns":1,"pid":2,"text":")") +
                                           QByteArray(4100, 'a') + "\"}\n" + good
                                    << errThenExit << u"longer than 4096"_qs;
    QTest::newRow("good after good") << good + good << QStringList{u"exit"_qs, u"exit"_qs} << QString();
}

void TestProtocol::badLines()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(QString, message);
    // The same input fed whole and in 7-byte pieces must give the same result.
    for (qsizetype piece : {input.size(), qsizetype(7)}) {
        LineParser p(77, QStringLiteral("Worker"));
        QList<Event> got;
        for (qsizetype i = 0; i < input.size(); i += piece)
            got += p.feed(QByteArrayView(input).sliced(i, std::min(piece, input.size() - i)));
        got += p.finish();
        QCOMPARE(kinds(got), expected);
        if (!message.isEmpty()) {
            QVERIFY2(got[0].fields.value(QStringLiteral("message")).toString().contains(message),
                     qPrintable(got[0].fields.value(QStringLiteral("message")).toString()));
            QVERIFY(got[0].fields.value(QStringLiteral("line")).toString().size() <=
                    limits::MaxQuotedLineChars + 1);
            QCOMPARE(p.errorCount(), 1);
        }
    }
}

void TestProtocol::overLongLineAcrossChunks()
{
    // 1 MiB without a newline, fed in 4 KiB chunks: one error, nothing buffered beyond the limit.
    LineParser p;
    QList<Event> got;
    const QByteArray junk(4096, 'z');
    for (int i = 0; i < 256; ++i)
        got += p.feed(junk);
    QCOMPARE(kinds(got), QStringList{u"protocol_error"_qs});
    got += p.feed(QByteArray("zzz\n") + line("exit", 1, 2));
    QCOMPARE(kinds(got), (QStringList{u"protocol_error"_qs, u"exit"_qs}));
}

void TestProtocol::lineAtTheLimit()
{
    // Exactly 4096 bytes with the newline is allowed; one more byte is not.
    QByteArray head = R"({"ev":"print","t_ns":1,"pid":2,"text":")";
    QByteArray fits = head + QByteArray(limits::MaxLineBytes - 1 - head.size() - 2, 'a') + "\"}\n";
    QCOMPARE(fits.size(), limits::MaxLineBytes);
    LineParser p;
    QCOMPARE(kinds(p.feed(fits)), QStringList{u"print"_qs});
    QByteArray tooLong = head + QByteArray(limits::MaxLineBytes - head.size() - 2, 'a') + "\"}\n";
    QCOMPARE(kinds(p.feed(tooLong)), QStringList{u"protocol_error"_qs});
    // The same two lines split at the worst places.
    LineParser q;
    QList<Event> got = q.feed(QByteArrayView(fits).first(4095));
    got += q.feed(QByteArrayView(fits).sliced(4095));
    got += q.feed(QByteArrayView(tooLong).first(4095));
    got += q.feed(QByteArrayView(tooLong).sliced(4095));
    QCOMPARE(kinds(got), (QStringList{u"print"_qs, u"protocol_error"_qs}));
}

void TestProtocol::bigTimestampsKeepPrecision()
{
    // CLOCK_MONOTONIC after > 104 days of uptime exceeds 2^53: it must not go through a double.
    const qint64 t = 9'007'199'254'740'993LL;
    LineParser p;
    const QList<Event> got = p.feed(line("print", t, 3));
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].tNs, t);
    const QByteArray json = QJsonDocument(got[0].toJson()).toJson(QJsonDocument::Compact);
    QVERIFY2(json.contains("9007199254740993"), json.constData());
}

void TestProtocol::finishParsesUnterminatedLine()
{
    LineParser p;
    QByteArray l = line("exit", 5, 6);
    l.chop(1);
    QVERIFY(p.feed(l).isEmpty());
    QCOMPARE(kinds(p.finish()), QStringList{u"exit"_qs});
    QVERIFY(p.finish().isEmpty());
}

void TestProtocol::errorsCarryOwner()
{
    LineParser p(1234, QStringLiteral("Process-2"));
    const qint64 before = monotonicNs();
    const QList<Event> got = p.feed("garbage\n");
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].pid, std::optional<qint64>(1234));
    QCOMPARE(got[0].fields.value(QStringLiteral("name")).toString(), QStringLiteral("Process-2"));
    QCOMPARE(got[0].fields.value(QStringLiteral("line")).toString(), QStringLiteral("garbage"));
    QVERIFY(got[0].tNs >= before && got[0].tNs <= monotonicNs());
}

void TestProtocol::eventJsonRoundTrip()
{
    Event e =
        Event::make(99, std::nullopt, QStringLiteral("start_request"), {{QStringLiteral("name"), u"A"_qs}});
    const QJsonObject o = e.toJson();
    QVERIFY(o.value(QStringLiteral("pid")).isNull());
    const auto back = Event::fromJson(o);
    QVERIFY(back);
    QCOMPARE(back->tNs, 99);
    QVERIFY(!back->pid);
    QCOMPARE(back->ev, QStringLiteral("start_request"));
    QCOMPARE(back->fields, e.fields);
    QVERIFY(!Event::fromJson(QJsonObject{{QStringLiteral("ev"), u"x"_qs}}));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
