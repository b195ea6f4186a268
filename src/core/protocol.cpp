#include "protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <time.h>

namespace concurrente {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QJsonObject Event::toJson() const
{
    QJsonObject o = fields;
    o.insert(QStringLiteral("t_ns"), tNs);
    o.insert(QStringLiteral("pid"), pid ? QJsonValue(*pid) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("ev"), ev);
    return o;
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
    e.ev = ev;
    e.fields = object;
    e.fields.remove(QStringLiteral("t_ns"));
    e.fields.remove(QStringLiteral("pid"));
    e.fields.remove(QStringLiteral("ev"));
    return e;
}

Event Event::make(qint64 tNs, std::optional<qint64> pid, const QString &ev, const QJsonObject &fields)
{
    Event e;
    e.tNs = tNs;
    e.pid = pid;
    e.ev = ev;
    e.fields = fields;
    return e;
}

bool isWorkerEventKind(const QString &ev)
{
    // docs/protocol.md: events a worker writes about itself, and those of the main program and its fork server.
    static const QSet<QString> kinds = {
        QStringLiteral("start"),  QStringLiteral("print"),        QStringLiteral("result"),
        QStringLiteral("error"),  QStringLiteral("put"),          QStringLiteral("get"),
        QStringLiteral("reparented"), QStringLiteral("exit"),     QStringLiteral("helper_ready"),
        QStringLiteral("forked"), QStringLiteral("fork_failed"),  QStringLiteral("exited"),
        QStringLiteral("command_error"), QStringLiteral("forkserver_started"),
        QStringLiteral("put_failed"), QStringLiteral("get_failed"), QStringLiteral("call_done"), QStringLiteral("recv_done"),
    };
    return kinds.contains(ev);
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
{
}

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
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &perr);
    if (perr.error != QJsonParseError::NoError) {
        error(tr("not JSON: %1").arg(perr.errorString()), line, out);
        return;
    }
    if (!doc.isObject()) {
        error(tr("not a JSON object"), line, out);
        return;
    }
    const QJsonObject o = doc.object();
    const QJsonValue evValue = o.value(QStringLiteral("ev"));
    if (!evValue.isString()) {
        error(tr("missing string field \"ev\""), line, out);
        return;
    }
    const QString ev = evValue.toString();
    if (!isWorkerEventKind(ev)) {
        error(tr("unknown event \"%1\"").arg(ev.left(40)), line, out);
        return;
    }
    const auto t = jsonInteger(o.value(QStringLiteral("t_ns")));
    if (!t) {
        error(tr("missing integer field \"t_ns\""), line, out);
        return;
    }
    const auto pid = jsonInteger(o.value(QStringLiteral("pid")));
    if (!pid || *pid <= 0) {
        error(tr("missing integer field \"pid\""), line, out);
        return;
    }
    auto e = Event::fromJson(o);
    e->pid = pid;
    out.append(std::move(*e));
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
    out.append(Event::make(monotonicNs(), m_ownerPid, QStringLiteral("protocol_error"), f));
}

} // namespace concurrente
