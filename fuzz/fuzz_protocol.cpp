// libFuzzer target `protocol`: the bytes of one event channel, as a hostile worker may write them.
// Never crash, hang or leak; and two properties the parser promises (docs/protocol.md):
//  - the result does not depend on how the bytes are cut into reads;
//  - a line gives the same event (or a protocol error) whether or not the fast path reads it
//    (a leading space sends a line down the general JSON path).

#include "fuzzcommon.h"
#include "protocol.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using concurrente::Event;
using concurrente::LineParser;

namespace {

bool isError(const Event &e)
{
    return e.kind == concurrente::EventKind::ProtocolError;
}

/// What an event says, without the time of a protocol error (the parser's own clock) and the
/// quoted line (which shows the line as it was written).
QByteArray describe(const Event &e)
{
    if (isError(e))
        return QByteArrayLiteral("protocol_error");
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
}

QList<QByteArray> describeAll(const QList<Event> &events)
{
    QList<QByteArray> out;
    for (const Event &e : events)
        out.append(describe(e));
    return out;
}

[[noreturn]] void mismatch(const char *what, const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    std::fprintf(stderr, "protocol fuzz: %s differ\n", what);
    for (const QByteArray &x : a)
        std::fprintf(stderr, "  A %s\n", x.constData());
    for (const QByteArray &x : b)
        std::fprintf(stderr, "  B %s\n", x.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    concurrente::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the read size for the cut-up pass; the rest is the stream.
    const qsizetype step = 1 + data[0] % 97;
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    LineParser whole(4242, QStringLiteral("fuzz"));
    QList<Event> a = whole.feed(stream);
    a += whole.finish();

    LineParser cut(4242, QStringLiteral("fuzz"));
    QList<Event> b;
    for (qsizetype at = 0; at < stream.size(); at += step)
        b += cut.feed(stream.sliced(at, std::min(step, stream.size() - at)));
    b += cut.finish();
    if (describeAll(a) != describeAll(b))
        mismatch("whole and cut-up reads", describeAll(a), describeAll(b));
    if (whole.errorCount() != cut.errorCount())
        mismatch("error counts of whole and cut-up reads", {}, {});

    for (const Event &e : a) {
        if (e.ev().isEmpty() || (!isError(e) && !concurrente::isHelperEventKind(e.kind)))
            mismatch("event kinds", {describe(e)}, {});
        if (isError(e) && e.fields.value(QLatin1StringView("line")).toString().size() >
                              concurrente::limits::MaxQuotedLineChars + 1)
            mismatch("quoted line lengths", {describe(e)}, {});
    }

    // Line by line: the fast path against the general one.
    for (QByteArrayView rest = stream; !rest.isEmpty();) {
        const qsizetype nl = rest.indexOf('\n');
        const QByteArrayView line = nl < 0 ? rest : rest.first(nl);
        rest = nl < 0 ? QByteArrayView() : rest.sliced(nl + 1);
        // A blank line is skipped, a line of one space is not JSON: not a case of the property.
        if (line.size() + 2 >= concurrente::limits::MaxLineBytes || line.isEmpty() || line == "\r")
            continue;
        LineParser fast(7, QStringLiteral("fuzz"));
        const QList<Event> x = fast.feed(line) + fast.finish();
        LineParser general(7, QStringLiteral("fuzz"));
        const QList<Event> y = general.feed(QByteArray(" ") + line.toByteArray()) + general.finish();
        if (describeAll(x) != describeAll(y))
            mismatch("fast and general paths", describeAll(x), describeAll(y));
    }
    return 0;
}
