#include "pyvalue.h"

#include <QCborValue>
#include <QJsonArray>
#include <QVariant>

#include <charconv>
#include <cmath>
#include <limits>

namespace concurrente {

namespace {

const QString kFloatKey = QStringLiteral("float");
const QString kValueKey = QStringLiteral("value");

bool isJsonInteger(const QJsonValue &v)
{
    // Qt 6 keeps integers (and whole doubles that fit in 64 bits) as qint64, other numbers as double.
    // fromJsonValue() keeps the stored kind and, for a number, allocates nothing (toVariant()
    // would build a QVariant for each number written).
    return v.isDouble() && QCborValue::fromJsonValue(v).isInteger();
}

void appendString(QByteArray &out, QStringView s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        // Plain ASCII, nearly all of it, is copied a run at a time.
        qsizetype plain = i;
        while (plain < n && p[plain] >= 0x20 && p[plain] < 0x80 && p[plain] != u'"' && p[plain] != u'\\')
            ++plain;
        if (plain > i) {
            const qsizetype at = out.size();
            out.resize(at + (plain - i));
            char *d = out.data() + at;
            for (qsizetype k = i; k < plain; ++k)
                *d++ = char(p[k]);
            i = plain;
            if (i == n)
                break;
        }
        const char16_t c = p[i];
        if (c >= 0x80) {
            // Non-ASCII needs no escape: the run of it goes through Qt's encoder (surrogate
            // pairs, and what it does with unpaired ones), the same as QString::toUtf8().
            qsizetype j = i + 1;
            while (j < n && p[j] >= 0x80)
                ++j;
            out += s.sliced(i, j - i).toUtf8();
            i = j;
            continue;
        }
        switch (c) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += char(c);
            }
        }
        ++i;
    }
    out += '"';
}

void appendNumber(QByteArray &out, const QJsonValue &v, bool pythonFloat)
{
    if (isJsonInteger(v) && !pythonFloat) {
        out += QByteArray::number(v.toInteger());
        return;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d)) {
        out += "null"; // as QJsonDocument writes it (the protocol sends "inf"/"nan" as strings)
        return;
    }
    out += pythonFloatRepr(d).toLatin1();
}

void appendValue(QByteArray &out, const QJsonValue &v, bool indented, int level, bool pythonFloat);

void newline(QByteArray &out, bool indented, int level)
{
    if (indented) {
        out += '\n';
        out.append(level * 4, ' ');
    }
}

void appendObject(QByteArray &out, const QJsonObject &o, bool indented, int level)
{
    if (o.isEmpty()) {
        out += "{}";
        return;
    }
    const bool floatValue = hasFloatValue(o);
    out += '{';
    bool first = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!first)
            out += ',';
        first = false;
        newline(out, indented, level + 1);
        appendString(out, it.key());
        out += indented ? ": " : ":";
        appendValue(out, it.value(), indented, level + 1, floatValue && it.key() == kValueKey);
    }
    newline(out, indented, level);
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &v, bool indented, int level, bool pythonFloat)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendNumber(out, v, pythonFloat);
        break;
    case QJsonValue::String:
        appendString(out, v.toString());
        break;
    case QJsonValue::Object:
        appendObject(out, v.toObject(), indented, level);
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            break;
        }
        out += '[';
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            newline(out, indented, level + 1);
            appendValue(out, a.at(i), indented, level + 1, false);
        }
        newline(out, indented, level);
        out += ']';
        break;
    }
    }
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    appendString(out, text);
}

void appendFaithfulJson(QByteArray &out, const QJsonValue &value, bool indented, int level, bool pythonFloat)
{
    appendValue(out, value, indented, level, pythonFloat);
}

QString pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    // to_chars without a precision gives the shortest digits that read back as the same double,
    // the digits Python's repr() uses; only the layout differs.
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view sci(buf, std::size_t(r.ptr - buf));
    QString out;
    if (sci.front() == '-') {
        out += u'-';
        sci.remove_prefix(1);
    }
    const std::size_t e = sci.find('e');
    QString digits;
    for (std::size_t i = 0; i < e; ++i)
        if (sci[i] != '.')
            digits += QLatin1Char(sci[i]);
    int exp10 = 0;
    const char *p = sci.data() + e + 1;
    if (*p == '+')
        ++p;
    std::from_chars(p, sci.data() + sci.size(), exp10);
    const int decpt = exp10 + 1; // digits[0, decpt) are the integer part
    const int nd = int(digits.size());
    // CPython's float_repr_style 'short': fixed notation when -4 < decpt <= 16.
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0)
            out += QStringLiteral("0.") + QString(-decpt, u'0') + digits;
        else if (decpt >= nd)
            out += digits + QString(decpt - nd, u'0') + QStringLiteral(".0");
        else
            out += digits.left(decpt) + u'.' + digits.mid(decpt);
    } else {
        out += digits.at(0);
        if (nd > 1)
            out += u'.' + digits.mid(1);
        out += exp10 < 0 ? QStringLiteral("e-") : QStringLiteral("e+");
        const int ae = std::abs(exp10);
        if (ae < 10)
            out += u'0';
        out += QString::number(ae);
    }
    return out;
}

bool hasFloatValue(const QJsonObject &fields)
{
    return fields.value(kFloatKey).toBool();
}

double floatFromJson(const QJsonValue &value)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s == QLatin1String("inf"))
            return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-inf"))
            return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return value.toDouble();
}

QString pythonStr(const QJsonValue &value, bool isFloat)
{
    if (isFloat)
        return pythonFloatRepr(floatFromJson(value));
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("None");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double:
        return isJsonInteger(value) ? QString::number(value.toInteger()) : pythonFloatRepr(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
    case QJsonValue::Array:
        break;
    }
    QByteArray text;
    appendValue(text, value, false, 0, false);
    return QString::fromUtf8(text);
}

QByteArray toFaithfulJson(const QJsonObject &object, bool indented)
{
    QByteArray out;
    appendObject(out, object, indented, 0);
    if (indented)
        out += '\n';
    return out;
}

QByteArray toFaithfulJsonAt(const QJsonObject &object, int level)
{
    QByteArray out;
    appendObject(out, object, true, level);
    return out;
}

} // namespace concurrente
