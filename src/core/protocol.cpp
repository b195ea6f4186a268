#include "protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>
#include <cstring>

#include <time.h>

namespace concurrente {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::optional<Event> Event::fromJson(const QJsonObject &object)
{
    const auto t = jsonInteger(object.value(QStringLiteral("t_ns")));
    const QString ev = object.value(QStringLiteral("ev")).toString();
    if (!t || ev.isEmpty())
        return std::nullopt;
    Event e;
    e.tNs = *t;
    e.pid = jsonInteger(object.value(QStringLiteral("pid")));
    e.setKind(ev);
    e.fields = object;
    if (const auto proc = jsonInteger(object.value(QStringLiteral("proc")));
        proc && *proc >= 0 && *proc < (1 << 24))
        e.proc = int(*proc);
    e.fields.remove(QStringLiteral("proc"));
    e.fields.remove(QStringLiteral("t_ns"));
    e.fields.remove(QStringLiteral("pid"));
    e.fields.remove(QStringLiteral("ev"));
    return e;
}

void Event::setKind(const QString &text)
{
    kind = eventKindFromText(QStringView(text));
    otherKind = kind == EventKind::Other ? text : QString();
}

Event Event::make(qint64 tNs, std::optional<qint64> pid, EventKind kind, const QJsonObject &fields)
{
    Event e;
    e.tNs = tNs;
    e.pid = pid;
    e.kind = kind;
    e.fields = fields;
    return e;
}

Event Event::make(qint64 tNs, std::optional<qint64> pid, const QString &ev, const QJsonObject &fields)
{
    Event e = make(tNs, pid, EventKind::Other, fields);
    e.setKind(ev);
    return e;
}

namespace {
/// `ev` as a JSON value for Event::toJson(). A QJsonValue made from a QString builds a container
/// of its own each time, so the value of each kind is made once.
QJsonValue kindValue(const Event &e)
{
    static const std::array<QJsonValue, kEventKindCount> known = [] {
        std::array<QJsonValue, kEventKindCount> a;
        for (int i = 0; i < kEventKindCount; ++i)
            a[size_t(i)] = QJsonValue(eventKindText(EventKind(i)));
        return a;
    }();
    return e.kind == EventKind::Other ? QJsonValue(e.otherKind) : known[size_t(e.kind)];
}
} // namespace

bool isWorkerEventKind(const QString &ev)
{
    return isHelperEventKind(eventKindFromText(QStringView(ev)));
}

QJsonObject Event::toJson() const
{
    QJsonObject o = fields;
    o.insert(QLatin1StringView("t_ns"), tNs);
    o.insert(QLatin1StringView("pid"), pid ? QJsonValue(*pid) : QJsonValue(QJsonValue::Null));
    if (proc >= 0)
        o.insert(QLatin1StringView("proc"), proc);
    o.insert(QLatin1StringView("ev"), kindValue(*this));
    return o;
}

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    // toInteger() falls back to its default for fractions and out-of-range values: two
    // different defaults agree only when the value really is an integer.
    const qint64 a = value.toInteger(0);
    const qint64 b = value.toInteger(1);
    if (a != b)
        return std::nullopt;
    return a;
}

bool isValidUtf8(QByteArrayView bytes)
{
    // RFC 3629: shortest form only, no surrogates, nothing above U+10FFFF.
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // ASCII, nearly every byte of an event line, is skipped eight bytes at a time.
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90; // overlong
            else if (c == 0xF4)
                hi = 0x8F; // above U+10FFFF
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (int k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

LineParser::LineParser(std::optional<qint64> ownerPid, const QString &ownerName)
    : m_ownerPid(ownerPid), m_ownerName(ownerName)
{}

void LineParser::setOwner(std::optional<qint64> pid, const QString &name)
{
    m_ownerPid = pid;
    m_ownerName = name;
}

QList<Event> LineParser::feed(QByteArrayView chunk)
{
    QList<Event> out;
    while (!chunk.isEmpty()) {
        const qsizetype nl = chunk.indexOf('\n');
        if (m_discarding) {
            if (nl < 0)
                return out; // still inside the over-long line
            m_discarding = false;
            chunk = chunk.sliced(nl + 1);
            continue;
        }
        if (nl < 0) {
            // No newline yet: keep the partial line, unless it already cannot fit in a line.
            if (m_partial.size() + chunk.size() > limits::MaxLineBytes - 1) {
                m_partial.append(chunk.first(std::min(chunk.size(), limits::MaxQuotedLineChars)));
                error(tr("line longer than %1 bytes").arg(limits::MaxLineBytes), m_partial, out);
                m_partial.clear();
                m_discarding = true;
                return out;
            }
            m_partial.append(chunk);
            return out;
        }
        const QByteArrayView rest = chunk.first(nl);
        chunk = chunk.sliced(nl + 1);
        if (m_partial.isEmpty()) {
            parseLine(rest, out);
        } else {
            m_partial.append(rest);
            const QByteArray line = std::exchange(m_partial, {});
            parseLine(line, out);
        }
    }
    return out;
}

QList<Event> LineParser::finish()
{
    QList<Event> out;
    if (!m_partial.isEmpty()) {
        const QByteArray line = std::exchange(m_partial, {});
        parseLine(line, out);
    }
    m_discarding = false;
    return out;
}

namespace {
/// Reads a JSON integer written as plain digits (what the helpers write for `t_ns` and `pid`):
/// no sign, no leading zero, at most 18 digits so it cannot overflow. Advances `i` past it.
std::optional<qint64> plainInteger(QByteArrayView s, qsizetype &i)
{
    const qsizetype begin = i;
    qint64 v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - begin < 18)
        v = v * 10 + (s[i++] - '0');
    if (i == begin || (s[begin] == '0' && i - begin > 1) || (i < s.size() && s[i] >= '0' && s[i] <= '9'))
        return std::nullopt;
    return v;
}

/// Whether `rest` holds the text "ev", "t_ns" or "pid" (quotes included) or a \u escape. One
/// pass: QByteArrayView::contains() on short needles costs about as much as parsing the line.
bool mayRedefineCommonField(QByteArrayView rest)
{
    const char *p = rest.data();
    const char *const end = p + rest.size();
    for (; p < end; ++p) {
        if (*p == '\\') {
            if (p + 1 < end && p[1] == 'u')
                return true;
            ++p; // the escaped character
        } else if (*p == '"') {
            const qsizetype left = end - p - 1;
            if ((left >= 3 && std::memcmp(p + 1, "ev\"", 3) == 0) ||
                (left >= 5 && std::memcmp(p + 1, "t_ns\"", 5) == 0) ||
                (left >= 4 && std::memcmp(p + 1, "pid\"", 4) == 0))
                return true;
        }
    }
    return false;
}

bool skipLiteral(QByteArrayView s, qsizetype &i, QByteArrayView literal)
{
    if (s.size() - i < literal.size() ||
        std::memcmp(s.data() + i, literal.data(), size_t(literal.size())) != 0)
        return false;
    i += literal.size();
    return true;
}
} // namespace

bool LineParser::parseHelperLine(QByteArrayView line, QList<Event> &out)
{
    // What every helper writes (src/helpers/eventwriter.cpp): {"ev":"<kind>","t_ns":<n>,"pid":<n>
    // then `}` or `,` and the other fields. Those three are read here; QJsonDocument then reads
    // only the other fields, and no lookup or removal in the object is needed. Anything else
    // (spaces, escapes, other orders, numbers written otherwise) returns false and goes
    // through the general path, which gives the same event or the same protocol error.
    qsizetype i = 0;
    if (!skipLiteral(line, i, "{\"ev\":\""))
        return false;
    const qsizetype kindBegin = i;
    while (i < line.size() && line[i] != '"' && line[i] != '\\')
        ++i;
    if (i >= line.size() || line[i] != '"')
        return false;
    const EventKind kind = eventKindFromText(line.sliced(kindBegin, i - kindBegin));
    ++i;
    if (!isHelperEventKind(kind) || !skipLiteral(line, i, ",\"t_ns\":"))
        return false;
    const auto t = plainInteger(line, i);
    if (!t || !skipLiteral(line, i, ",\"pid\":"))
        return false;
    const auto pid = plainInteger(line, i);
    if (!pid || *pid <= 0 || i >= line.size())
        return false;
    QJsonObject fields;
    if (line[i] == '}') {
        // Nothing but spaces may follow the object.
        for (++i; i < line.size(); ++i)
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
                return false;
    } else {
        if (line[i] != ',' || i + 1 >= line.size() || line[i + 1] != '"')
            return false;
        const QByteArrayView rest = line.sliced(i + 1);
        // A later "ev", "t_ns" or "pid" key would replace the first one (the last of equal keys
        // wins): leave such lines, and any \u escape that could spell one, to the general path.
        if (mayRedefineCommonField(rest))
            return false;
        m_scratch.resize(0); // keeps its capacity: no allocation per line
        m_scratch.append('{');
        m_scratch.append(rest);
        QJsonParseError perr{};
        {
            const QJsonDocument doc = QJsonDocument::fromJson(m_scratch, &perr);
            if (perr.error != QJsonParseError::NoError || !doc.isObject())
                return false;
            fields = doc.object();
        } // the document is gone: `fields` owns its data alone and is never copied on write
    }
    Event &e = out.emplaceBack();
    e.tNs = *t;
    e.pid = *pid;
    e.kind = kind;
    e.fields = std::move(fields);
    return true;
}

void LineParser::parseLine(QByteArrayView line, QList<Event> &out)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return; // blank lines carry nothing and are harmless
    if (line.size() > limits::MaxLineBytes - 1) {
        error(tr("line longer than %1 bytes").arg(limits::MaxLineBytes), line, out);
        return;
    }
    // Checked strictly here (QStringDecoder in Qt 6.4 does not flag a stateless decode, and a
    // sequence cut at the end of the line would only be "pending" state).
    if (!isValidUtf8(line)) {
        error(tr("not valid UTF-8"), line, out);
        return;
    }
    if (parseHelperLine(line, out))
        return;
    QJsonObject o;
    {
        QJsonParseError perr{};
        // No copy of the line: the parser only reads it while fromJson runs.
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &perr);
        if (perr.error != QJsonParseError::NoError) {
            error(tr("not JSON: %1").arg(perr.errorString()), line, out);
            return;
        }
        if (!doc.isObject()) {
            error(tr("not a JSON object"), line, out);
            return;
        }
        o = doc.object();
    } // the document is gone: taking fields out of `o` below does not copy it
    const QJsonValue evValue = o.take(QStringLiteral("ev"));
    if (!evValue.isString()) {
        error(tr("missing string field \"ev\""), line, out);
        return;
    }
    const QString evText = evValue.toString();
    const EventKind ev = eventKindFromText(QStringView(evText));
    if (!isHelperEventKind(ev)) {
        error(tr("unknown event \"%1\"").arg(evText.left(40)), line, out);
        return;
    }
    const auto t = jsonInteger(o.take(QStringLiteral("t_ns")));
    if (!t) {
        error(tr("missing integer field \"t_ns\""), line, out);
        return;
    }
    const auto pid = jsonInteger(o.take(QStringLiteral("pid")));
    if (!pid || *pid <= 0) {
        error(tr("missing integer field \"pid\""), line, out);
        return;
    }
    Event &e = out.emplaceBack();
    e.tNs = *t;
    e.pid = pid;
    e.kind = ev;
    e.fields = std::move(o);
}

void LineParser::error(const QString &message, QByteArrayView line, QList<Event> &out)
{
    ++m_errors;
    // Quote the line as text for the log: lossy decoding is fine here, it is only shown.
    QString quoted = QString::fromUtf8(line.first(std::min(line.size(), limits::MaxQuotedLineChars)));
    if (line.size() > limits::MaxQuotedLineChars)
        quoted += QStringLiteral("…");
    QJsonObject f;
    f.insert(QStringLiteral("name"), m_ownerName);
    f.insert(QStringLiteral("message"), message);
    f.insert(QStringLiteral("line"), quoted);
    out.append(Event::make(monotonicNs(), m_ownerPid, EventKind::ProtocolError, f));
}

} // namespace concurrente
