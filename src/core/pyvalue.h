#pragma once
// Python values as the protocol and the run log carry them (docs/protocol.md, "Numbers").
//
// QJsonValue keeps no int/float distinction for whole numbers (Qt stores 2.0 as the integer 2
// and writes it as `2`), so a float travels as a JSON number *and* a marker: the object that
// holds it as `value` also has `"float": true`. These functions read that convention, print
// values the way Python's print() does, and write JSON in which such a float keeps its decimal
// point (`"value": 2.0`).

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace concurrente {

/// repr() of a Python float: the shortest text that reads back as the same double, fixed
/// notation for 1e-4 <= |v| < 1e16 (`2.0`, `0.30000000000000004`), else `1e+16`, `1e-05`;
/// `inf`, `-inf`, `nan`.
QString pythonFloatRepr(double value);

/// Whether `fields.value` is a Python float (`"float": true` beside it).
bool hasFloatValue(const QJsonObject &fields);

/// The float a `value` field stands for: a number, or the strings "inf", "-inf", "nan".
double floatFromJson(const QJsonValue &value);

/// What Python's print() shows for `value` (str()): strings unquoted, None as `None`, booleans as
/// `True`/`False`, ints exactly, floats as repr(); `isFloat` from hasFloatValue().
QString pythonStr(const QJsonValue &value, bool isFloat);

/// The JSON text of `object` like QJsonDocument writes it (Indented: 4 spaces; or Compact), except
/// that in every object with `"float": true` a numeric `value` is written as a Python float
/// (`2.0`, `1e+16`), so the text says what the value was.
QByteArray toFaithfulJson(const QJsonObject &object, bool indented);
/// toFaithfulJson(object, true) as it is written nested `level` deep (its inner lines indented
/// by 4 × (level + 1) spaces), without a final newline: for writing a document piece by piece.
QByteArray toFaithfulJsonAt(const QJsonObject &object, int level);

/// Appends `text` as a JSON string: quoted, `"` `\\` and control characters escaped (`\\n`,
/// `\\u001f`), everything else as UTF-8 (like QJsonDocument).
void appendJsonString(QByteArray &out, QStringView text);
/// Appends `value` as toFaithfulJson() writes it nested `level` deep (`indented`: 4 spaces a
/// level, no final newline); `pythonFloat`: a number is a Python float (`2.0`), as a `value`
/// beside `"float": true` is.
void appendFaithfulJson(QByteArray &out, const QJsonValue &value, bool indented, int level,
                        bool pythonFloat = false);

} // namespace concurrente
