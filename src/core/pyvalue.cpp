#include "pyvalue.h"

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
    return v.isDouble() && v.toVariant().typeId() == QMetaType::LongLong;
}

void appendString(QByteArray &out, const QString &s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += ch;
            }
        }
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
        out += QByteArray(level * 4, ' ');
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
