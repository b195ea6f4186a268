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
        out << e.ev();
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
    void eventKindsParseOnce();
    void unknownKindRoundTrips();
    void helperSpellingAndOthersReadAlike_data();
    void helperSpellingAndOthersReadAlike();
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
    QCOMPARE(back->ev(), QStringLiteral("start_request"));
    QCOMPARE(back->fields, e.fields);
    QVERIFY(!Event::fromJson(QJsonObject{{QStringLiteral("ev"), u"x"_qs}}));
}

void TestProtocol::eventKindsParseOnce()
{
    // Every kind reads back as itself, and its text is the protocol's.
    for (int i = 1; i < kEventKindCount; ++i) {
        const auto kind = EventKind(i);
        const QString &text = eventKindText(kind);
        QVERIFY(!text.isEmpty());
        QCOMPARE(eventKindFromText(QStringView(text)), kind);
        QCOMPARE(eventKindFromText(QByteArrayView(text.toLatin1())), kind);
    }
    QCOMPARE(eventKindText(EventKind::Other), QString());
    QCOMPARE(eventKindFromText(QStringView(u"starts")), EventKind::Other);
    QCOMPARE(eventKindFromText(QStringView(u"Start")), EventKind::Other);
    QCOMPARE(eventKindFromText(QStringView(u"")), EventKind::Other);
    QCOMPARE(eventKindFromText(QStringView(u"st\u00e1rt")), EventKind::Other);
    QVERIFY(isHelperEventKind(EventKind::RecvDone));
    QVERIFY(!isHelperEventKind(EventKind::StartRequest));
    QVERIFY(!isHelperEventKind(EventKind::Other));

    LineParser parser(1, u"MainProcess"_qs);
    const QList<Event> got = parser.feed("{\"ev\":\"put\",\"t_ns\":5,\"pid\":7,\"queue\":\"q\"}\n"
                                         "{\"t_ns\":6,\"ev\":\"get\",\"pid\":7}\n");
    QCOMPARE(got.size(), 2);
    QCOMPARE(got[0].kind, EventKind::Put);
    QCOMPARE(got[1].kind, EventKind::Get);
    QVERIFY(got[0].otherKind.isEmpty());
}

void TestProtocol::unknownKindRoundTrips()
{
    // A kind this build does not know (a newer log) is kept as text, and written back as it was.
    const QJsonObject line{
        {u"t_ns"_qs, 42}, {u"pid"_qs, 9}, {u"ev"_qs, u"future_kind"_qs}, {u"timeout_ms"_qs, 5}};
    const auto e = Event::fromJson(line);
    QVERIFY(e);
    QCOMPARE(e->kind, EventKind::Other);
    QCOMPARE(e->ev(), u"future_kind"_qs);
    QCOMPARE(e->toJson(), line);
    const Event made = Event::make(1, 2, u"later_kind"_qs);
    QCOMPARE(made.kind, EventKind::Other);
    QCOMPARE(made.toJson().value(u"ev"_qs).toString(), u"later_kind"_qs);
    const Event known = Event::make(1, 2, u"stop"_qs);
    QCOMPARE(known.kind, EventKind::Stop);
    QVERIFY(known.otherKind.isEmpty());
    // A helper may not write it, though: on the pipe it is a protocol error.
    LineParser parser(1, u"MainProcess"_qs);
    const QList<Event> got = parser.feed("{\"ev\":\"future_kind\",\"t_ns\":5,\"pid\":7}\n");
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].kind, EventKind::ProtocolError);
}

void TestProtocol::helperSpellingAndOthersReadAlike_data()
{
    // Lines as the helpers write them take a shortcut; every other spelling, and every line the
    // shortcut must not take, is read as the whole JSON object. Either way the event must be what
    // the whole object says (the last of equal keys wins, as in QJsonDocument).
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("helper") << QByteArray(
        R"({"ev":"start","t_ns":12,"pid":3,"name":"P","ppid":1,"daemon":false})");
    QTest::newRow("no fields") << QByteArray(R"({"ev":"exit","t_ns":0,"pid":3})");
    QTest::newRow("spaces") << QByteArray(R"({ "ev" : "exit", "t_ns" : 5, "pid" : 3, "code" : 0 } )");
    QTest::newRow("trailing space") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3} )");
    QTest::newRow("other order") << QByteArray(R"({"pid":3,"t_ns":5,"ev":"exit","code":1})");
    QTest::newRow("pid again") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,"code":0,"pid":4})");
    QTest::newRow("t_ns again") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,"t_ns":6})");
    QTest::newRow("ev again") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,"ev":"print"})");
    QTest::newRow("ev again escaped") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,"\u0065v":"print"})");
    QTest::newRow("pid in a text") << QByteArray(R"({"ev":"print","t_ns":5,"pid":3,"text":"\"pid\" ev"})");
    QTest::newRow("escaped text") << QByteArray(
        R"({"ev":"print","t_ns":5,"pid":3,"text":"a\\b\"c\u00e9\t"})");
    QTest::newRow("utf-8 text") << QByteArray(
        "{\"ev\":\"print\",\"t_ns\":5,\"pid\":3,\"text\":\"\xc3\xb1 \xe2\x80\x94\"}");
    QTest::newRow("float t_ns") << QByteArray(R"({"ev":"exit","t_ns":5.0,"pid":3})");
    QTest::newRow("float pid") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3.0})");
    QTest::newRow("exponent") << QByteArray(R"({"ev":"exit","t_ns":5e3,"pid":3})");
    QTest::newRow("leading zero") << QByteArray(R"({"ev":"exit","t_ns":05,"pid":3})");
    QTest::newRow("negative t_ns") << QByteArray(R"({"ev":"exit","t_ns":-5,"pid":3})");
    QTest::newRow("19 digits") << QByteArray(R"({"ev":"exit","t_ns":9223372036854775807,"pid":3})");
    QTest::newRow("past int64") << QByteArray(R"({"ev":"exit","t_ns":92233720368547758070,"pid":3})");
    QTest::newRow("zero pid") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":0})");
    QTest::newRow("trailing comma") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,})");
    QTest::newRow("comma brace") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,}x)");
    QTest::newRow("garbage after") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3} x)");
    QTest::newRow("two objects") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3}{"a":1})");
    QTest::newRow("bad field") << QByteArray(R"({"ev":"exit","t_ns":5,"pid":3,"code":})");
    QTest::newRow("unknown kind") << QByteArray(R"({"ev":"exits","t_ns":5,"pid":3})");
    QTest::newRow("kind prefix") << QByteArray(R"({"ev":"exi","t_ns":5,"pid":3})");
    QTest::newRow("escaped kind") << QByteArray(R"({"ev":"e\u0078it","t_ns":5,"pid":3})");
    QTest::newRow("nested") << QByteArray(R"({"ev":"result","t_ns":5,"pid":3,"v":{"pid":9,"a":[1,2]}})");
}

void TestProtocol::helperSpellingAndOthersReadAlike()
{
    QFETCH(QByteArray, input);
    LineParser p(77, QStringLiteral("Worker"));
    const QList<Event> got = p.feed(input + '\n');
    QCOMPARE(got.size(), 1);
    // What the whole object says.
    QJsonParseError err{};
    QJsonObject o = QJsonDocument::fromJson(input, &err).object();
    const QJsonValue ev = o.take(QStringLiteral("ev"));
    const QJsonValue t = o.take(QStringLiteral("t_ns"));
    const QJsonValue pid = o.take(QStringLiteral("pid"));
    const bool valid = err.error == QJsonParseError::NoError && ev.isString() &&
                       isWorkerEventKind(ev.toString()) && jsonInteger(t) && jsonInteger(pid) &&
                       *jsonInteger(pid) > 0;
    if (!valid) {
        QCOMPARE(got[0].ev(), QStringLiteral("protocol_error"));
        QCOMPARE(got[0].pid, std::optional<qint64>(77));
        return;
    }
    QCOMPARE(got[0].ev(), ev.toString());
    QCOMPARE(got[0].tNs, *jsonInteger(t));
    QCOMPARE(got[0].pid, jsonInteger(pid));
    QCOMPARE(got[0].fields, o);
    QCOMPARE(p.errorCount(), 0);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
