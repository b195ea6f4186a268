#include "scenario.h"

#include "pyvalue.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace concurrente {

Q_LOGGING_CATEGORY(lcScenario, "concurrente.scenario", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace {

// Integers up to 2^53 survive the trip through a JSON double exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool isIntegral(double d)
{
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= kMaxExactInteger;
}

QString formatNumber(double d)
{
    if (isIntegral(d))
        return QString::number(static_cast<qint64>(d));
    return pythonFloatRepr(d); // 0.1, not 0.10000000000000001: what Python shows
}

// Ids and queue names end up in command lines and shared-memory names: keep them plain.
const QRegularExpression &identifierPattern()
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_.-]*$"_s);
    return re;
}

bool hasControlCharacters(const QString &s)
{
    for (QChar c : s) {
        // TAB and newlines would break the fork helper's TAB-separated command lines; the rest
        // would garble terminals and tables.
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

TaskArgSpec intArg(const QString &key, double min, double max, QJsonValue def, bool required = false)
{
    TaskArgSpec a;
    a.key = key;
    a.type = ArgType::Integer;
    a.min = min;
    a.max = max;
    a.defaultValue = def;
    a.required = required;
    return a;
}

TaskArgSpec numberArg(const QString &key, bool required, double limit = kMaxOperand)
{
    TaskArgSpec a;
    a.key = key;
    a.type = ArgType::Number;
    a.min = -limit;
    a.max = limit;
    a.required = required;
    return a;
}

TaskArgSpec stringArg(const QString &key, const QString &def)
{
    TaskArgSpec a;
    a.key = key;
    a.type = ArgType::String;
    a.max = kMaxStringArgLength;
    a.defaultValue = def;
    return a;
}

TaskArgSpec choiceArg(const QString &key, const QStringList &choices, QJsonValue def, bool required = false)
{
    TaskArgSpec a;
    a.key = key;
    a.type = ArgType::Choice;
    a.choices = choices;
    a.defaultValue = def;
    a.required = required;
    return a;
}

TaskArgSpec boolArg(const QString &key, bool def)
{
    TaskArgSpec a;
    a.key = key;
    a.type = ArgType::Boolean;
    a.defaultValue = def;
    return a;
}

// sys.exit(N) takes a C int (the exit code is then N & 0xff; CPython itself is inconsistent
// past that range: OverflowError under fork, 0 under spawn), or a string (stderr, code 1).
constexpr double kMinExit = -2147483648.0;
constexpr double kMaxExit = 2147483647.0;

TaskArgSpec exitArg()
{
    TaskArgSpec a;
    a.key = u"exit"_s;
    a.type = ArgType::Exit;
    a.min = kMinExit;
    a.max = kMaxExit;
    return a;
}

TaskArgSpec refArg(const QString &key, ArgType type)
{
    TaskArgSpec a;
    a.key = key;
    a.type = type;
    a.required = true;
    return a;
}

QList<TaskSpec> buildCatalog()
{
    // Mirrors the helpers' own catalog (`concurrente-worker --list-tasks`, docs/protocol.md);
    // ranges are never wider than the helpers accept, so a valid scenario never fails there.
    const double maxDelay = kMaxDelayMs;
    // Producers send from, from+1, ...: floats when `from` is one (2.5) or with floats=true
    // (float(from + k): 2.0, 3.0, ...; a whole float such as 2.0 reads as the int 2 in JSON).
    auto fromArg = [] {
        TaskArgSpec a = numberArg(u"from"_s, false, kMaxAbsNumber);
        a.defaultValue = 1;
        return a;
    };
    QList<TaskSpec> c;
    c.append({u"greeting"_s, {stringArg(u"who"_s, u"Saul"_s)}});
    c.append({u"info"_s, {stringArg(u"title"_s, u"Función f"_s), stringArg(u"who"_s, u"Valeriano"_s)}});
    for (const QString &name : {u"squares"_s, u"cubes"_s})
        c.append({name, {intArg(u"n"_s, 0, kMaxItems, 10), intArg(u"delay_ms"_s, 0, maxDelay, 200)}});
    TaskArgSpec a = numberArg(u"a"_s, false), b = numberArg(u"b"_s, false), cc = numberArg(u"c"_s, false);
    a.defaultValue = b.defaultValue = cc.defaultValue = 1;
    c.append({u"arith"_s,
              {choiceArg(u"op"_s, {u"mul3"_s, u"sum3"_s, u"sumdiv"_s, u"muladd"_s, u"muldiv"_s}, u"mul3"_s),
               a, b, cc,
               // Exercise 2 terminates one of three running workers: they must live long enough.
               intArg(u"delay_ms"_s, 0, maxDelay, 0)}});
    c.append(
        {u"sleep"_s,
         {intArg(u"ms"_s, 0, maxDelay, 2000), boolArg(u"announce"_s, true), boolArg(u"show_pid"_s, false)}});
    c.append({u"burn"_s, {intArg(u"ms"_s, 0, maxDelay, 1000)}});
    c.append(
        {u"ticker"_s, {intArg(u"count"_s, 0, kMaxMessages * 10, 100), intArg(u"rate"_s, 1, 100'000, 10)}});
    c.append({u"gil"_s,
              {intArg(u"threads"_s, 1, kMaxThreads, 2),
               intArg(u"work"_s, 1, static_cast<double>(kMaxWork), 250'000'000),
               intArg(u"switch_us"_s, 1, kMaxSwitchUs, 5000)}});
    c.append({u"spawn_child"_s,
              {intArg(u"ms"_s, 0, maxDelay, 1000), intArg(u"child_ms"_s, 0, maxDelay, 4000),
               intArg(u"depth"_s, 1, 2, 1)}});
    c.append({u"crash"_s, {choiceArg(u"how"_s, {u"abort"_s, u"segfault"_s}, u"abort"_s)}});
    // Pipes: the main program makes each declared pipe before any worker; the engine passes
    // `pipe=NAME` and the main program hands the worker the end its task uses.
    c.append({u"pipe_send"_s,
              {refArg(u"pipe"_s, ArgType::PipeRef), intArg(u"count"_s, 0, kMaxMessages, 5), fromArg(),
               boolArg(u"floats"_s, false), intArg(u"delay_ms"_s, 0, maxDelay, 0), stringArg(u"words"_s, {}),
               boolArg(u"end_none"_s, false)}});
    c.append({u"pipe_recv"_s, {refArg(u"pipe"_s, ArgType::PipeRef), intArg(u"count"_s, 0, kMaxMessages, 0)}});
    c.append({u"pipe_echo"_s, {refArg(u"pipe"_s, ArgType::PipeRef)}});
    // Queue tasks (shared-memory queue). `queue` is the scenario's queue name; the engine passes
    // the segment's real name and the scenario name as the events' `label`.
    c.append({u"producer"_s,
              {refArg(u"queue"_s, ArgType::QueueRef), intArg(u"count"_s, 0, kMaxMessages, 5), fromArg(),
               boolArg(u"floats"_s, false), intArg(u"delay_ms"_s, 0, maxDelay, 0),
               intArg(u"sentinels"_s, 0, kMaxWorkers, 0), intArg(u"timeout_ms"_s, 0, maxDelay, 30'000)}});
    c.append({u"consumer"_s,
              {refArg(u"queue"_s, ArgType::QueueRef), intArg(u"count"_s, 0, kMaxMessages, 0),
               intArg(u"delay_ms"_s, 0, maxDelay, 0), intArg(u"timeout_ms"_s, 0, maxDelay, 30'000)}});
    c.append({u"square_put"_s,
              {refArg(u"queue"_s, ArgType::QueueRef), intArg(u"num"_s, -kMaxOperand, kMaxOperand, 5),
               intArg(u"timeout_ms"_s, 0, maxDelay, 30'000)}});
    c.append({u"object"_s,
              {refArg(u"queue"_s, ArgType::QueueRef), choiceArg(u"role"_s, {u"get"_s, u"put"_s}, u"get"_s),
               intArg(u"x"_s, -kMaxOperand, kMaxOperand, 5), intArg(u"timeout_ms"_s, 0, maxDelay, 30'000)}});
    // Every task may end with sys.exit(): the helpers honour `exit` after the task's work.
    for (TaskSpec &t : c)
        t.args.append(exitArg());
    return c;
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return ScenarioLoader::tr("null");
    case QJsonValue::Bool:
        return ScenarioLoader::tr("a boolean");
    case QJsonValue::Double:
        return ScenarioLoader::tr("a number");
    case QJsonValue::String:
        return ScenarioLoader::tr("a string");
    case QJsonValue::Array:
        return ScenarioLoader::tr("an array");
    case QJsonValue::Object:
        return ScenarioLoader::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return ScenarioLoader::tr("nothing");
}

QString key(const QString &path, const QString &k)
{
    return path.isEmpty() ? k : path + u'.' + k;
}

QString index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

/// A key as messages show it: an unknown key may be anything the file holds (900,000
/// characters, control characters), so a long one is cut, and it says so.
QString shownKey(const QString &k)
{
    constexpr qsizetype kShown = 48;
    if (k.size() <= kShown + 16)
        return k;
    return k.left(kShown) + u"\u2026 "_s + ScenarioLoader::tr("(%1 characters)").arg(k.size());
}

/// Reads one JSON string literal starting at json[i] == '"' (the document is known to be valid
/// JSON: QJsonDocument parsed it). Returns its text and leaves `i` after the closing quote.
QString readJsonString(const QByteArray &json, qsizetype &i)
{
    QString text;
    qsizetype run = ++i; // start of a run of plain bytes
    auto flush = [&](qsizetype end) { text += QString::fromUtf8(json.constData() + run, end - run); };
    while (i < json.size() && json.at(i) != '"') {
        if (json.at(i) != '\\') {
            ++i;
            continue;
        }
        flush(i);
        const char c = i + 1 < json.size() ? json.at(i + 1) : '\0';
        i += 2;
        switch (c) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u': {
            // A UTF-16 code unit; a surrogate pair is two of them, which QString keeps as such.
            bool ok = false;
            const ushort unit = json.mid(i, 4).toUShort(&ok, 16);
            text += QChar(ok ? unit : u'?');
            i += 4;
            break;
        }
        default:
            text += QChar::fromLatin1(c);
            break; // " \ /
        }
        run = i;
    }
    flush(i);
    ++i; // the closing quote
    return text;
}

/// Every key that appears twice in one object of a valid JSON document, with the path of the
/// second one. QJsonDocument keeps only the last value of a repeated key, so
/// {"task": "greeting", "task": "crash"} would silently run crash.
QList<QPair<QString, QString>> duplicateKeys(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        QString path;
        QSet<QString> keys;
        QString lastKey;
        qsizetype index = 0;
        bool expectKey = false;
    };
    QList<QPair<QString, QString>> found; // (path of the repeated key, key)
    QList<Frame> stack;
    auto valuePath = [&stack]() -> QString {
        if (stack.isEmpty())
            return {};
        const Frame &f = stack.last();
        return f.object ? key(f.path, shownKey(f.lastKey)) : index(f.path, f.index);
    };
    for (qsizetype i = 0; i < json.size();) {
        const char c = json.at(i);
        if (c == '"') {
            const QString text = readJsonString(json, i);
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey) {
                Frame &f = stack.last();
                f.expectKey = false;
                f.lastKey = text;
                if (f.keys.contains(text))
                    found.append({key(f.path, shownKey(text)), text});
                else
                    f.keys.insert(text);
            }
            continue;
        }
        if (c == '{' || c == '[') {
            Frame f;
            f.object = c == '{';
            f.path = valuePath();
            f.expectKey = f.object;
            stack.append(f);
        } else if ((c == '}' || c == ']') && !stack.isEmpty()) {
            stack.removeLast();
        } else if (c == ',' && !stack.isEmpty()) {
            Frame &f = stack.last();
            if (f.object)
                f.expectKey = true;
            else
                ++f.index;
        }
        ++i;
    }
    return found;
}

// --- reasons shared by the JSON loader and the per-part checks --------------------------------
// Each returns why a value is refused, or an empty string; the callers add the path.

QString tooLongReason(qsizetype size, qsizetype max)
{
    return ScenarioLoader::tr("is too long (%1 characters, at most %2)").arg(size).arg(max);
}

QString controlCharactersReason()
{
    return ScenarioLoader::tr("must not contain control characters (tabs, newlines, ...)");
}

QString rangeReason(double min, double max)
{
    return ScenarioLoader::tr("must be between %1 and %2").arg(formatNumber(min), formatNumber(max));
}

/// A string field's content: empty (unless allowed) or too long.
QString stringProblem(const QString &s, qsizetype maxLen, bool allowEmpty = false)
{
    if (s.isEmpty() && !allowEmpty)
        return ScenarioLoader::tr("must not be empty");
    if (s.size() > maxLen)
        return tooLongReason(s.size(), maxLen);
    return {};
}

/// Ids, queue and pipe names, once stringProblem() accepted them.
QString identifierProblem(const QString &s)
{
    if (!identifierPattern().match(s).hasMatch())
        return ScenarioLoader::tr("must start with a letter or _ and contain only letters, digits, _ . -");
    return {};
}

bool isValidIdentifier(const QString &s)
{
    return stringProblem(s, kMaxNameLength).isEmpty() && identifierProblem(s).isEmpty();
}

/// A worker's name, once stringProblem() accepted it.
QString workerNameProblem(const QString &name)
{
    if (hasControlCharacters(name))
        return controlCharactersReason();
    if (name.trimmed() != name)
        return ScenarioLoader::tr("must not start or end with spaces");
    return {};
}

QString intProblem(const QJsonValue &v, double min, double max)
{
    if (!v.isDouble())
        return ScenarioLoader::tr("must be an integer, not %1").arg(jsonTypeName(v));
    const double d = v.toDouble();
    if (!isIntegral(d))
        return ScenarioLoader::tr("must be an integer");
    if (d < min || d > max)
        return rangeReason(min, max);
    return {};
}

QString unknownTaskReason(const QString &name)
{
    QStringList names;
    for (const TaskSpec &t : taskCatalog())
        names.append(t.name);
    return ScenarioLoader::tr("unknown task \"%1\" (known: %2)").arg(name, names.join(u", "_s));
}

QString noQueueReason(const QString &name)
{
    return ScenarioLoader::tr("no queue is named \"%1\" (declare it in \"queues\")").arg(name);
}

QString noPipeReason(const QString &name)
{
    return ScenarioLoader::tr("no pipe is named \"%1\" (declare it in \"pipes\")").arg(name);
}

/// Whether `name` is declared: some entry has it and it is a valid identifier (the loader only
/// registers valid names; a duplicate still refers to the first).
template <typename List> int declaredIndex(const List &list, const QString &name)
{
    if (!isValidIdentifier(name))
        return -1;
    for (int k = 0; k < list.size(); ++k) {
        if (list.at(k).name == name)
            return k;
    }
    return -1;
}

QString alreadyStartedReason(const QString &worker)
{
    return ScenarioLoader::tr("%1 is already started (a process can be started only once)").arg(worker);
}

QString notStartedReason(const QString &worker, const QString &kind)
{
    return ScenarioLoader::tr("%1 is not started yet (can only %2 a started process)").arg(worker, kind);
}

QString listedTwiceReason(const QString &worker)
{
    return ScenarioLoader::tr("%1 is listed twice").arg(worker);
}

QString notStartedToTerminateReason(const QString &worker)
{
    return ScenarioLoader::tr("%1 is not started yet (can only terminate a started process)").arg(worker);
}

QString workerOutOfRangeReason(double index, qsizetype count)
{
    return ScenarioLoader::tr("worker index %1 is out of range (%2 workers)")
        .arg(formatNumber(index))
        .arg(count);
}

QString afterEndMainReason(int endMainAt)
{
    return ScenarioLoader::tr("comes after end_main (main[%1]): end_main must be the last action")
        .arg(endMainAt);
}

QString callTaskReason(const QString &task)
{
    return ScenarioLoader::tr("the main program can only call %1 itself, not \"%2\"")
        .arg(Action::callableTasks().join(u", "_s), task);
}

/// The value of `put` / `send`: a number, a string or null (Python's None).
QString messageValueProblem(const QJsonValue &val)
{
    if (val.isUndefined())
        return ScenarioLoader::tr("missing (a number, a string or null is required)");
    if (val.isNull())
        return {};
    if (val.isDouble() && std::fabs(val.toDouble()) > kMaxAbsNumber)
        return rangeReason(-kMaxAbsNumber, kMaxAbsNumber);
    if (val.isString() && val.toString().size() > kMaxStringArgLength)
        return tooLongReason(val.toString().size(), kMaxStringArgLength);
    if (val.isString() && hasControlCharacters(val.toString()))
        return controlCharactersReason();
    if (!val.isDouble() && !val.isString())
        return ScenarioLoader::tr("must be a number, a string or null, not %1").arg(jsonTypeName(val));
    return {};
}

/// A queue's or pipe's name, once stringProblem() accepted it: an identifier, and not the name
/// of one of the first `count` entries of `list`.
template <typename List>
QString channelNameProblem(const List &list, qsizetype count, const QString &name, bool pipe)
{
    if (QString why = identifierProblem(name); !why.isEmpty())
        return why;
    for (qsizetype j = 0; j < count && j < list.size(); ++j) {
        if (list.at(j).name == name)
            return pipe ? ScenarioLoader::tr("\"%1\" is already the name of pipes[%2]").arg(name).arg(j)
                        : ScenarioLoader::tr("\"%1\" is already the name of queues[%2]").arg(name).arg(j);
    }
    return {};
}

template <typename List> QString channelNameProblem(const List &earlier, const QString &name, bool pipe)
{
    return channelNameProblem(earlier, earlier.size(), name, pipe);
}

/// A worker's id, once stringProblem() accepted it: an identifier, and not the id of one of
/// the first `count` workers.
QString workerIdProblem(const QList<WorkerSpec> &workers, qsizetype count, const QString &id)
{
    if (QString why = identifierProblem(id); !why.isEmpty())
        return why;
    for (qsizetype j = 0; j < count && j < workers.size(); ++j) {
        if (workers.at(j).id == id)
            return ScenarioLoader::tr("\"%1\" is already the id of workers[%2]").arg(id).arg(j);
    }
    return {};
}

QString workerIdProblem(const QList<WorkerSpec> &earlier, const QString &id)
{
    return workerIdProblem(earlier, earlier.size(), id);
}

/// Issues of one part, collected with their path; the file is the caller's.
struct IssueList
{
    QList<ScenarioIssue> issues;
    void add(const QString &path, const QString &reason)
    {
        if (!reason.isEmpty())
            issues.append({QString(), path, reason});
    }
};

/// Collects every problem of one file; each check reports and carries on.
class Validator
{
public:
    explicit Validator(QString file) : m_file(std::move(file)) {}

    QList<ScenarioIssue> errors;

    void error(const QString &path, const QString &reason) { errors.append({m_file, path, reason}); }

    // Unknown keys are errors, so a typo ("timeout" for "timeout_ms") never silently does nothing.
    void checkKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!allowed.contains(it.key()))
                error(key(path, shownKey(it.key())),
                      ScenarioLoader::tr("unknown field (expected one of: %1)").arg(allowed.join(u", "_s)));
        }
    }

    bool getString(const QJsonObject &o, const QString &path, const QString &k, bool required, int maxLen,
                   QString *out, bool allowEmpty = false)
    {
        const QJsonValue v = o.value(k);
        const QString p = key(path, k);
        if (v.isUndefined()) {
            if (required)
                error(p, ScenarioLoader::tr("missing (a string is required)"));
            return false;
        }
        if (!v.isString()) {
            error(p, ScenarioLoader::tr("must be a string, not %1").arg(jsonTypeName(v)));
            return false;
        }
        const QString s = v.toString();
        if (const QString why = stringProblem(s, maxLen, allowEmpty); !why.isEmpty()) {
            error(p, why);
            return false;
        }
        *out = s;
        return true;
    }

    bool getBool(const QJsonObject &o, const QString &path, const QString &k, bool *out)
    {
        const QJsonValue v = o.value(k);
        if (v.isUndefined())
            return false;
        if (!v.isBool()) {
            error(key(path, k), ScenarioLoader::tr("must be true or false, not %1").arg(jsonTypeName(v)));
            return false;
        }
        *out = v.toBool();
        return true;
    }

    bool checkInt(const QJsonValue &v, const QString &p, double min, double max, qint64 *out)
    {
        if (const QString why = intProblem(v, min, max); !why.isEmpty()) {
            error(p, why);
            return false;
        }
        *out = static_cast<qint64>(v.toDouble());
        return true;
    }

    /// Issues found by a per-part check, labelled with this file.
    void add(const QList<ScenarioIssue> &issues)
    {
        for (const ScenarioIssue &issue : issues)
            error(issue.path, issue.reason);
    }

    LocalizedText localized(const QJsonObject &o, const QString &k, bool required, int maxLen)
    {
        LocalizedText t;
        const QJsonValue v = o.value(k);
        if (v.isUndefined()) {
            if (required)
                error(k, ScenarioLoader::tr("missing (an object with \"es\" and \"en\" texts is required)"));
            return t;
        }
        if (!v.isObject()) {
            error(k, ScenarioLoader::tr("must be an object with \"es\" and \"en\" texts, not %1")
                         .arg(jsonTypeName(v)));
            return t;
        }
        const QJsonObject lo = v.toObject();
        checkKeys(lo, k, {u"es"_s, u"en"_s});
        getString(lo, k, u"es"_s, true, maxLen, &t.es);
        getString(lo, k, u"en"_s, true, maxLen, &t.en);
        return t;
    }

private:
    QString m_file;
};

QString workerRefText(const Scenario &s, int i)
{
    if (i < 0 || i >= s.workers.size())
        return u"?"_s;
    // An unnamed worker is the script's variable p1, p2, ...: its default name (Process-N) is
    // what several pages ask students to predict.
    const WorkerSpec &w = s.workers.at(i);
    return w.named ? w.name : u"p"_s + QString::number(i + 1);
}

} // namespace

// --- small model helpers ---------------------------------------------------------------------

QString startMethodName(StartMethod method)
{
    switch (method) {
    case StartMethod::Fork:
        return u"fork"_s;
    case StartMethod::Forkserver:
        return u"forkserver"_s;
    case StartMethod::Spawn:
        break;
    }
    return u"spawn"_s;
}

bool parseStartMethod(const QString &name, StartMethod *method)
{
    for (StartMethod m : {StartMethod::Spawn, StartMethod::Fork, StartMethod::Forkserver}) {
        if (name == startMethodName(m)) {
            *method = m;
            return true;
        }
    }
    return false;
}

bool Scenario::localize(const QString &language)
{
    bool renamed = false;
    for (WorkerSpec &w : workers) {
        if (w.names.en.isEmpty() || (w.name != w.names.en && w.name != w.names.es))
            continue;
        const QString name = w.names.text(language);
        renamed = renamed || name != w.name;
        w.name = name;
    }
    return renamed;
}

QString LocalizedText::text(const QString &language) const
{
    if (language.startsWith(u"es"_s) && !es.isEmpty())
        return es;
    return en.isEmpty() ? es : en;
}

QStringList WorkerSpec::taskArgumentStrings(const QJsonObject &args)
{
    QStringList out;
    // QJsonObject iterates in key order, which keeps command lines reproducible.
    for (auto it = args.begin(); it != args.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isBool())
            text = v.toBool() ? u"1"_s : u"0"_s;
        else if (v.isDouble())
            text = formatNumber(v.toDouble());
        else if (it.key() == u"exit"_s)
            text = u'"' + v.toString() + u'"'; // exit="3" is the string "3", not the code 3
        else
            text = v.toString();
        out.append(it.key() + u'=' + text);
    }
    return out;
}

QString WorkerSpec::defaultName(int index, bool ownStartMethod, StartMethod method)
{
    // CPython numbers every Process object it creates, named or not: the third one is Process-3
    // even when the first two have names. get_context('spawn').Process is SpawnProcess.
    static const QString kClass[] = {u"SpawnProcess"_s, u"ForkProcess"_s, u"ForkServerProcess"_s};
    const QString cls = ownStartMethod ? kClass[int(method)] : u"Process"_s;
    return cls + u'-' + QString::number(index + 1);
}

QString WorkerSpec::queueName() const
{
    return args.value(u"queue"_s).toString();
}

QString WorkerSpec::pipeName() const
{
    return args.value(u"pipe"_s).toString();
}

QString Action::kindName(Kind kind)
{
    switch (kind) {
    case Start:
        return u"start"_s;
    case Join:
        return u"join"_s;
    case Terminate:
        return u"terminate"_s;
    case Kill:
        return u"kill"_s;
    case Stop:
        return u"stop"_s;
    case Continue:
        return u"continue"_s;
    case Put:
        return u"put"_s;
    case Get:
        return u"get"_s;
    case Recv:
        return u"recv"_s;
    case Send:
        return u"send"_s;
    case IsAlive:
        return u"is_alive"_s;
    case Call:
        return u"call"_s;
    case SleepMs:
        return u"sleep_ms"_s;
    case TerminateRandom:
        return u"terminate_random"_s;
    case EndMain:
        return u"end_main"_s;
    }
    return {};
}

const QStringList &Action::callableTasks()
{
    static const QStringList tasks{u"greeting"_s, u"squares"_s, u"cubes"_s,
                                   u"arith"_s,    u"sleep"_s,   u"burn"_s};
    return tasks;
}

const TaskArgSpec *TaskSpec::arg(const QString &k) const
{
    for (const TaskArgSpec &a : args) {
        if (a.key == k)
            return &a;
    }
    return nullptr;
}

const QList<TaskSpec> &taskCatalog()
{
    static const QList<TaskSpec> catalog = buildCatalog();
    return catalog;
}

const TaskSpec *findTask(const QString &name)
{
    for (const TaskSpec &t : taskCatalog()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString ScenarioIssue::toString() const
{
    if (path.isEmpty())
        return file + u": "_s + reason;
    return file + u": "_s + path + u": "_s + reason;
}

QStringList ScenarioLoadResult::errorStrings(qsizetype limit) const
{
    QStringList out;
    const qsizetype shown = limit >= 0 ? std::min(limit, errors.size()) : errors.size();
    for (qsizetype i = 0; i < shown; ++i)
        out.append(errors.at(i).toString());
    if (const qsizetype rest = errors.size() - shown; rest > 0)
        out.append(ScenarioLoader::tr("… and %n more problem(s)", nullptr, int(rest)));
    return out;
}

bool Scenario::mainReceivesOn(int pipeIndex) const
{
    for (const Action &a : main)
        if (a.kind == Action::Recv && a.queue == pipeIndex)
            return true;
    return false;
}

bool Scenario::mainSendsOn(int pipeIndex) const
{
    for (const Action &a : main)
        if (a.kind == Action::Send && a.queue == pipeIndex)
            return true;
    return false;
}

bool Scenario::usesStartMethod(StartMethod method) const
{
    for (const WorkerSpec &w : workers) {
        if (w.startMethod == method)
            return true;
    }
    return false;
}

int Scenario::workerIndexById(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < workers.size(); ++i) {
        if (workers.at(i).id == id)
            return i;
    }
    return -1;
}

int Scenario::queueIndexByName(const QString &name) const
{
    for (int i = 0; i < queues.size(); ++i) {
        if (queues.at(i).name == name)
            return i;
    }
    return -1;
}

QString Scenario::actionText(int i) const
{
    if (i < 0 || i >= main.size())
        return {};
    const Action &a = main.at(i);
    const QString w = workerRefText(*this, a.worker);
    // The queue of put/get, or the main program's end of the pipe of recv/send.
    const QString q = a.queue >= 0 && a.queue < queues.size() ? queues.at(a.queue).name : u"?"_s;
    const QString end =
        (a.queue >= 0 && a.queue < pipes.size() ? pipes.at(a.queue).name : u"?"_s) + u"_padre"_s;
    const QString value = a.value.isString() ? u'"' + a.value.toString() + u'"'
                          : a.value.isNull() ? u"None"_s
                                             : formatNumber(a.value.toDouble());
    switch (a.kind) {
    case Action::Start:
        return w + u".start()"_s;
    case Action::Join:
        if (a.timeoutMs >= 0)
            return w + u".join(timeout="_s + formatNumber(a.timeoutMs / 1000.0) + u')';
        return w + u".join()"_s;
    case Action::Terminate:
        return w + u".terminate()"_s;
    case Action::Kill:
        return w + u".kill()"_s;
    case Action::Stop:
        return u"os.kill("_s + w + u".pid, SIGSTOP)"_s;
    case Action::Continue:
        return u"os.kill("_s + w + u".pid, SIGCONT)"_s;
    case Action::Put:
        return q + u".put("_s + value + u')';
    case Action::Get: {
        const QString text = a.printText.isEmpty() ? QString() : u'"' + a.printText + u"\", "_s;
        if (a.timeoutMs >= 0)
            return u"print("_s + text + q + u".get(timeout="_s + formatNumber(a.timeoutMs / 1000.0) + u"))"_s;
        return u"print("_s + text + q + u".get())"_s;
    }
    case Action::Recv: {
        if (a.untilNone)
            return u"while (m := "_s + end + u".recv()) is not None: print(\"Recibido:\", m)"_s;
        return u"print(\"Recibido:\", "_s + end + u".recv())"_s;
    }
    case Action::Send:
        return end + u".send("_s + value + u')';
    case Action::IsAlive:
        return u"print("_s + w + u".is_alive(), "_s + w + u".exitcode)"_s;
    case Action::Call:
        return a.task + u'(' + WorkerSpec::taskArgumentStrings(a.args).join(u", "_s) + u')';
    case Action::SleepMs:
        return u"time.sleep("_s + formatNumber(a.ms / 1000.0) + u')';
    case Action::TerminateRandom: {
        QStringList names;
        for (int k : a.workers)
            names.append(workerRefText(*this, k));
        return u"random.choice(["_s + names.join(u", "_s) + u"]).terminate()"_s;
    }
    case Action::EndMain:
        return u"# "_s + ScenarioLoader::tr("end of main");
    }
    return {};
}

QJsonObject Scenario::toJson() const
{
    QJsonObject o;
    o.insert(u"format"_s, QString::fromLatin1(kScenarioFormat));
    if (!file.isEmpty())
        o.insert(u"file"_s, file);
    o.insert(u"title"_s, QJsonObject{{u"es"_s, title.es}, {u"en"_s, title.en}});
    if (!description.es.isEmpty() || !description.en.isEmpty())
        o.insert(u"description"_s, QJsonObject{{u"es"_s, description.es}, {u"en"_s, description.en}});
    o.insert(u"subreaper"_s, subreaper);
    if (timeLimitS != kDefaultTimeLimitS)
        o.insert(u"time_limit_s"_s, timeLimitS);
    o.insert(u"start_method"_s, startMethodName(startMethod));
    QJsonArray qs;
    for (const QueueSpec &q : queues)
        qs.append(QJsonObject{{u"name"_s, q.name}, {u"capacity"_s, q.capacity}});
    o.insert(u"queues"_s, qs);
    if (!pipes.isEmpty()) {
        QJsonArray ps;
        for (const PipeSpec &pipe : pipes) {
            QJsonObject po{{u"name"_s, pipe.name}};
            if (pipe.duplex)
                po.insert(u"duplex"_s, true);
            ps.append(po);
        }
        o.insert(u"pipes"_s, ps);
    }
    QJsonArray ws;
    for (const WorkerSpec &w : workers) {
        QJsonObject wo;
        if (!w.id.isEmpty())
            wo.insert(u"id"_s, w.id);
        if (!w.names.en.isEmpty() && (w.name == w.names.en || w.name == w.names.es))
            wo.insert(u"name"_s, QJsonObject{{u"es"_s, w.names.es}, {u"en"_s, w.names.en}});
        else
            wo.insert(u"name"_s, w.name);
        wo.insert(u"task"_s, w.task);
        wo.insert(u"args"_s, w.args);
        wo.insert(u"daemon"_s, w.daemon);
        if (w.ownStartMethod)
            wo.insert(u"start_method"_s, startMethodName(w.startMethod));
        ws.append(wo);
    }
    o.insert(u"workers"_s, ws);
    auto ref = [this](int i) -> QJsonValue {
        if (i >= 0 && i < workers.size() && !workers.at(i).id.isEmpty())
            return workers.at(i).id;
        return i;
    };
    QJsonArray ms;
    for (const Action &a : main) {
        QJsonObject ao{{u"action"_s, Action::kindName(a.kind)}};
        switch (a.kind) {
        case Action::Join:
            if (a.timeoutMs >= 0)
                ao.insert(u"timeout_ms"_s, a.timeoutMs);
            Q_FALLTHROUGH();
        case Action::Start:
        case Action::Terminate:
        case Action::Kill:
        case Action::Stop:
        case Action::Continue:
            ao.insert(u"worker"_s, ref(a.worker));
            break;
        case Action::IsAlive:
            ao.insert(u"worker"_s, ref(a.worker));
            break;
        case Action::Put:
            ao.insert(u"queue"_s,
                      a.queue >= 0 && a.queue < queues.size() ? queues.at(a.queue).name : QString());
            ao.insert(u"value"_s, a.value);
            break;
        case Action::Get:
            ao.insert(u"queue"_s,
                      a.queue >= 0 && a.queue < queues.size() ? queues.at(a.queue).name : QString());
            if (a.timeoutMs >= 0)
                ao.insert(u"timeout_ms"_s, a.timeoutMs);
            if (!a.printText.isEmpty())
                ao.insert(u"print"_s, a.printText);
            break;
        case Action::Recv:
            ao.insert(u"pipe"_s, a.queue >= 0 && a.queue < pipes.size() ? pipes.at(a.queue).name : QString());
            if (a.untilNone)
                ao.insert(u"until_none"_s, true);
            if (a.timeoutMs >= 0)
                ao.insert(u"timeout_ms"_s, a.timeoutMs);
            break;
        case Action::Send:
            ao.insert(u"pipe"_s, a.queue >= 0 && a.queue < pipes.size() ? pipes.at(a.queue).name : QString());
            ao.insert(u"value"_s, a.value);
            break;
        case Action::Call:
            ao.insert(u"task"_s, a.task);
            ao.insert(u"args"_s, a.args);
            break;
        case Action::SleepMs:
            ao.insert(u"ms"_s, a.ms);
            break;
        case Action::TerminateRandom: {
            QJsonArray cands;
            for (int k : a.workers)
                cands.append(ref(k));
            ao.insert(u"workers"_s, cands);
            break;
        }
        case Action::EndMain:
            break;
        }
        ms.append(ao);
    }
    o.insert(u"main"_s, ms);
    return o;
}

// --- loading ---------------------------------------------------------------------------------

ScenarioLoadResult ScenarioLoader::loadFile(const QString &path)
{
    const QFileInfo info(path);
    const QString label = info.fileName().isEmpty() ? path : info.fileName();
    ScenarioLoadResult r;
    // Opened without blocking and checked on the open descriptor: a FIFO nobody writes to
    // would block the open (and the read) for ever, a device may never end; only a regular
    // file is a scenario.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        r.errors.append(
            {label, {}, tr("cannot open the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))});
        return r;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        r.errors.append({label, {}, tr("not a regular file (a scenario is a JSON file)")});
        return r;
    }
    QFile f;
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        r.errors.append({label, {}, tr("cannot open the file: %1").arg(f.errorString())});
        return r;
    }
    // Check the size before reading, and read at most one byte more than the limit, so a huge
    // file (or an endless device) never lands in memory.
    if (!f.isSequential() && f.size() > kMaxScenarioFileBytes) {
        r.errors.append({label,
                         {},
                         tr("the file is too large (%1 bytes; a scenario is at most %2 bytes)")
                             .arg(f.size())
                             .arg(kMaxScenarioFileBytes)});
        return r;
    }
    const QByteArray data = f.read(kMaxScenarioFileBytes + 1);
    if (data.size() > kMaxScenarioFileBytes) {
        r.errors.append(
            {label,
             {},
             tr("the file is too large (a scenario is at most %1 bytes)").arg(kMaxScenarioFileBytes)});
        return r;
    }
    if (f.error() != QFileDevice::NoError) {
        r.errors.append({label, {}, tr("cannot read the file: %1").arg(f.errorString())});
        return r;
    }
    r = loadData(data, label);
    if (r.ok())
        r.scenario.file = path;
    return r;
}

ScenarioLoadResult ScenarioLoader::loadData(const QByteArray &json, const QString &fileName)
{
    const QString label = fileName.isEmpty() ? tr("<memory>") : fileName;
    ScenarioLoadResult r;
    if (json.size() > kMaxScenarioFileBytes) {
        r.errors.append({label,
                         {},
                         tr("the file is too large (%1 bytes; a scenario is at most %2 bytes)")
                             .arg(json.size())
                             .arg(kMaxScenarioFileBytes)});
        return r;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Turn the byte offset into line and column: that is what editors show.
        const qsizetype off = qBound(qsizetype(0), qsizetype(pe.offset), json.size());
        const QByteArray before = json.left(off);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype lastNl = before.lastIndexOf('\n');
        const qsizetype column = QString::fromUtf8(before.mid(lastNl + 1)).size() + 1;
        r.errors.append({label,
                         {},
                         tr("invalid JSON at line %1, column %2 (byte %3): %4")
                             .arg(line)
                             .arg(column)
                             .arg(off)
                             .arg(pe.errorString())});
        return r;
    }
    if (!doc.isObject()) {
        r.errors.append({label, {}, tr("the top level must be a JSON object")});
        return r;
    }
    const auto duplicates = duplicateKeys(json);
    for (const auto &[path, k] : duplicates)
        r.errors.append(
            {label, path, tr("the key appears more than once in its object (each key may appear once)")});
    if (!duplicates.isEmpty())
        return r;
    return loadObject(doc.object(), label);
}

// --- per-part checks ---------------------------------------------------------------------------

QString taskArgumentProblem(const Scenario &context, const TaskArgSpec &a, const QJsonValue &val,
                            QJsonValue *normalized)
{
    QJsonValue out = val;
    QString why;
    switch (a.type) {
    case ArgType::Integer:
        why = intProblem(val, a.min, a.max);
        if (why.isEmpty()) // converting a double outside qint64's range is undefined behaviour
            out = static_cast<qint64>(val.toDouble());
        break;
    case ArgType::Number:
        if (!val.isDouble())
            why = ScenarioLoader::tr("must be a number");
        else if (!std::isfinite(val.toDouble()) || std::fabs(val.toDouble()) > a.max)
            why = rangeReason(a.min, a.max);
        break;
    case ArgType::String:
        if (!val.isString())
            why = ScenarioLoader::tr("must be a string, not %1").arg(jsonTypeName(val));
        else if (val.toString().size() > a.max)
            why = tooLongReason(val.toString().size(), qsizetype(a.max));
        else if (hasControlCharacters(val.toString()))
            why = controlCharactersReason();
        break;
    case ArgType::Choice:
        if (!val.isString() || !a.choices.contains(val.toString()))
            why = ScenarioLoader::tr("must be one of: %1").arg(a.choices.join(u", "_s));
        break;
    case ArgType::Boolean:
        // 0/1 are accepted too: the protocol's command lines say `announce=1`.
        if (val.isDouble() && (val.toDouble() == 0 || val.toDouble() == 1))
            out = val.toDouble() == 1;
        else if (!val.isBool())
            why = ScenarioLoader::tr("must be true or false");
        break;
    case ArgType::Exit:
        if (val.isString()) {
            if (val.toString().size() > kMaxStringArgLength)
                why = tooLongReason(val.toString().size(), kMaxStringArgLength);
            else if (hasControlCharacters(val.toString()))
                why = controlCharactersReason();
        } else if (!val.isDouble()) {
            why = ScenarioLoader::tr("must be an exit code (an integer) or a message (a string), not %1")
                      .arg(jsonTypeName(val));
        } else if (!isIntegral(val.toDouble())) {
            why = ScenarioLoader::tr("must be an integer exit code (sys.exit(%1) would exit with 1 and print "
                                     "it) or a string")
                      .arg(formatNumber(val.toDouble()));
        } else {
            why = intProblem(val, a.min, a.max);
            if (why.isEmpty())
                out = static_cast<qint64>(val.toDouble());
        }
        break;
    case ArgType::PipeRef:
        if (!val.isString())
            why = ScenarioLoader::tr("must be the name of a pipe (a string), not %1").arg(jsonTypeName(val));
        else if (declaredIndex(context.pipes, val.toString()) < 0)
            why = noPipeReason(val.toString());
        break;
    case ArgType::QueueRef:
        if (!val.isString())
            why = ScenarioLoader::tr("must be the name of a queue (a string), not %1").arg(jsonTypeName(val));
        else if (declaredIndex(context.queues, val.toString()) < 0)
            why = noQueueReason(val.toString());
        break;
    }
    if (why.isEmpty() && normalized)
        *normalized = out;
    return why;
}

namespace {

/// The task arguments of a worker or of a main-program `call` at `ap`; `task` is null when the
/// task itself is unknown (then only the shape of `args` is checked).
QList<ScenarioIssue> checkTaskArgs(const Scenario &context, const TaskSpec *task, const QJsonValue &av,
                                   const QString &ap, QJsonObject *valid)
{
    IssueList r;
    QJsonObject args;
    QJsonObject out;
    if (!av.isUndefined() && !av.isObject())
        r.add(ap, ScenarioLoader::tr("must be an object, not %1").arg(jsonTypeName(av)));
    else
        args = av.toObject();
    if (task) {
        QStringList allowed;
        for (const TaskArgSpec &a : task->args)
            allowed.append(a.key);
        for (auto it = args.begin(); it != args.end(); ++it) {
            if (!task->arg(it.key()))
                r.add(key(ap, it.key()),
                      allowed.isEmpty()
                          ? ScenarioLoader::tr("unknown argument (task \"%1\" takes none)").arg(task->name)
                          : ScenarioLoader::tr("unknown argument for task \"%1\" (expected one of: %2)")
                                .arg(task->name, allowed.join(u", "_s)));
        }
        for (const TaskArgSpec &a : task->args) {
            const QString kp = key(ap, a.key);
            const QJsonValue val = args.value(a.key);
            if (val.isUndefined()) {
                if (a.required)
                    r.add(kp, ScenarioLoader::tr("missing (task \"%1\" needs it)").arg(task->name));
                continue;
            }
            QJsonValue normalized;
            const QString why = taskArgumentProblem(context, a, val, &normalized);
            if (why.isEmpty())
                out.insert(a.key, normalized);
            r.add(kp, why);
        }
    }
    if (valid)
        *valid = out;
    return r.issues;
}

/// The `queue` (or `pipe`) an action names by index, as the loader would read it back from
/// Scenario::toJson(): an index out of range is written as an empty name.
QString channelProblem(const Scenario &context, int index, bool pipe)
{
    const qsizetype count = pipe ? context.pipes.size() : context.queues.size();
    const QString name = index >= 0 && index < count
                             ? (pipe ? context.pipes.at(index).name : context.queues.at(index).name)
                             : QString();
    if (const QString why = stringProblem(name, kMaxNameLength); !why.isEmpty())
        return why;
    if (pipe ? declaredIndex(context.pipes, name) < 0 : declaredIndex(context.queues, name) < 0)
        return pipe ? noPipeReason(name) : noQueueReason(name);
    return {};
}

template <typename List>
void checkChannelName(IssueList &r, const List &list, int i, const QString &p, bool pipe)
{
    const QString name = list.at(i).name;
    QString why = stringProblem(name, kMaxNameLength);
    if (why.isEmpty())
        why = channelNameProblem(list, i, name, pipe);
    r.add(key(p, u"name"_s), why);
}

} // namespace

QList<ScenarioIssue> validateTaskArguments(const Scenario &context, const TaskSpec &task,
                                           const QJsonValue &args, const QString &path, QJsonObject *valid)
{
    return checkTaskArgs(context, &task, args, path, valid);
}

QList<ScenarioIssue> validateTexts(const Scenario &context)
{
    IssueList r;
    r.add(u"title.es"_s, stringProblem(context.title.es, kMaxTitleLength));
    r.add(u"title.en"_s, stringProblem(context.title.en, kMaxTitleLength));
    // An absent description is two empty texts; a given one needs both.
    if (!context.description.es.isEmpty() || !context.description.en.isEmpty()) {
        r.add(u"description.es"_s, stringProblem(context.description.es, kMaxDescriptionLength));
        r.add(u"description.en"_s, stringProblem(context.description.en, kMaxDescriptionLength));
    }
    return r.issues;
}

QList<ScenarioIssue> validateQueue(const Scenario &context, int i)
{
    IssueList r;
    if (i < 0 || i >= context.queues.size())
        return r.issues;
    const QString p = index(u"queues"_s, i);
    checkChannelName(r, context.queues, i, p, false);
    r.add(key(p, u"capacity"_s), intProblem(context.queues.at(i).capacity, 1, kMaxQueueCapacity));
    return r.issues;
}

QList<ScenarioIssue> validatePipe(const Scenario &context, int i)
{
    IssueList r;
    if (i < 0 || i >= context.pipes.size())
        return r.issues;
    checkChannelName(r, context.pipes, i, index(u"pipes"_s, i), true);
    return r.issues;
}

QList<ScenarioIssue> validateWorker(const Scenario &context, int i)
{
    IssueList r;
    if (i < 0 || i >= context.workers.size())
        return r.issues;
    const WorkerSpec &w = context.workers.at(i);
    const QString p = index(u"workers"_s, i);
    if (!w.id.isEmpty()) {
        QString why = stringProblem(w.id, kMaxNameLength);
        if (why.isEmpty())
            why = workerIdProblem(context.workers, i, w.id);
        r.add(key(p, u"id"_s), why);
    }
    if (w.named) {
        QString why = stringProblem(w.name, kMaxNameLength);
        if (why.isEmpty())
            why = workerNameProblem(w.name);
        r.add(key(p, u"name"_s), why);
    }
    const TaskSpec *task = nullptr;
    if (const QString why = stringProblem(w.task, kMaxNameLength); !why.isEmpty()) {
        r.add(key(p, u"task"_s), why);
    } else {
        task = findTask(w.task);
        if (!task)
            r.add(key(p, u"task"_s), unknownTaskReason(w.task));
    }
    r.issues += checkTaskArgs(context, task, w.args, key(p, u"args"_s), nullptr);
    return r.issues;
}

QList<ScenarioIssue> validateAction(const Scenario &context, int i)
{
    IssueList r;
    if (i < 0 || i >= context.main.size())
        return r.issues;
    // What the actions before this one did: the workers they started, where end_main came.
    const qsizetype workerCount = context.workers.size();
    QList<bool> started(workerCount, false);
    int endMainAt = -1;
    for (int k = 0; k < i; ++k) {
        const Action &before = context.main.at(k);
        if (before.kind == Action::Start && before.worker >= 0 && before.worker < workerCount)
            started[before.worker] = true;
        if (before.kind == Action::EndMain && endMainAt < 0)
            endMainAt = k;
    }
    const Action &a = context.main.at(i);
    const QString p = index(u"main"_s, i);
    const QString wp = key(p, u"worker"_s);
    const QString tp = key(p, u"timeout_ms"_s);
    auto inRange = [&](int w) { return w >= 0 && w < workerCount; };
    // A timeout below zero is "none": Scenario::toJson() leaves it out.
    auto checkTimeout = [&] {
        if (a.timeoutMs >= 0)
            r.add(tp, intProblem(a.timeoutMs, 0, kMaxDelayMs));
    };
    if (endMainAt >= 0)
        r.add(p, afterEndMainReason(endMainAt));
    switch (a.kind) {
    case Action::Start:
        if (!inRange(a.worker))
            r.add(wp, workerOutOfRangeReason(a.worker, workerCount));
        else if (started[a.worker])
            r.add(wp, alreadyStartedReason(context.workers.at(a.worker).name));
        break;
    case Action::Join:
    case Action::Terminate:
    case Action::Kill:
    case Action::Stop:
    case Action::Continue:
    case Action::IsAlive:
        if (a.kind == Action::Join)
            checkTimeout();
        if (!inRange(a.worker))
            r.add(wp, workerOutOfRangeReason(a.worker, workerCount));
        else if (!started[a.worker] && a.kind != Action::IsAlive)
            r.add(wp, notStartedReason(context.workers.at(a.worker).name, Action::kindName(a.kind)));
        break;
    case Action::Put:
    case Action::Send: {
        const bool send = a.kind == Action::Send;
        r.add(key(p, send ? u"pipe"_s : u"queue"_s), channelProblem(context, a.queue, send));
        r.add(key(p, u"value"_s), messageValueProblem(a.value));
        break;
    }
    case Action::Get:
        if (!a.printText.isEmpty()) {
            QString why = stringProblem(a.printText, kMaxStringArgLength);
            if (why.isEmpty() && hasControlCharacters(a.printText))
                why = controlCharactersReason();
            r.add(key(p, u"print"_s), why);
        }
        r.add(key(p, u"queue"_s), channelProblem(context, a.queue, false));
        checkTimeout();
        break;
    case Action::Recv:
        r.add(key(p, u"pipe"_s), channelProblem(context, a.queue, true));
        checkTimeout();
        break;
    case Action::Call: {
        const TaskSpec *task = nullptr;
        if (const QString why = stringProblem(a.task, kMaxNameLength); !why.isEmpty())
            r.add(key(p, u"task"_s), why);
        else if (!Action::callableTasks().contains(a.task))
            r.add(key(p, u"task"_s), callTaskReason(a.task));
        else
            task = findTask(a.task);
        r.issues += checkTaskArgs(context, task, a.args, key(p, u"args"_s), nullptr);
        break;
    }
    case Action::SleepMs:
        r.add(key(p, u"ms"_s), intProblem(a.ms, 0, kMaxDelayMs));
        break;
    case Action::TerminateRandom: {
        const QString lp = key(p, u"workers"_s);
        if (a.workers.isEmpty()) {
            r.add(lp, ScenarioLoader::tr("must be a non-empty array of worker ids or indices"));
            break;
        }
        QList<int> accepted;
        for (qsizetype k = 0; k < a.workers.size(); ++k) {
            const int w = a.workers.at(k);
            const QString ep = index(lp, k);
            if (!inRange(w))
                r.add(ep, workerOutOfRangeReason(w, workerCount));
            else if (accepted.contains(w))
                r.add(ep, listedTwiceReason(context.workers.at(w).name));
            else if (!started[w])
                r.add(ep, notStartedToTerminateReason(context.workers.at(w).name));
            else
                accepted.append(w);
        }
        break;
    }
    case Action::EndMain:
        break;
    }
    return r.issues;
}

QList<ScenarioIssue> validateScenario(const Scenario &s)
{
    QList<ScenarioIssue> r = validateTexts(s);
    auto add = [&r](const QString &path, const QString &reason) { r.append({QString(), path, reason}); };
    if (s.queues.size() > kMaxQueues)
        add(u"queues"_s,
            ScenarioLoader::tr("too many queues (%1; at most %2)").arg(s.queues.size()).arg(kMaxQueues));
    for (int i = 0; i < s.queues.size() && i < kMaxQueues; ++i)
        r += validateQueue(s, i);
    if (s.pipes.size() > kMaxPipes)
        add(u"pipes"_s,
            ScenarioLoader::tr("too many pipes (%1; at most %2)").arg(s.pipes.size()).arg(kMaxPipes));
    for (int i = 0; i < s.pipes.size() && i < kMaxPipes; ++i)
        r += validatePipe(s, i);
    if (s.workers.isEmpty())
        add(u"workers"_s, ScenarioLoader::tr("must list at least one worker"));
    if (s.workers.size() > kMaxWorkers)
        add(u"workers"_s, ScenarioLoader::tr("too many workers (%1; at most %2 per run)")
                              .arg(s.workers.size())
                              .arg(kMaxWorkers));
    for (int i = 0; i < s.workers.size() && i < kMaxWorkers; ++i)
        r += validateWorker(s, i);
    if (s.main.size() > kMaxActions)
        add(u"main"_s,
            ScenarioLoader::tr("too many actions (%1; at most %2)").arg(s.main.size()).arg(kMaxActions));
    for (int i = 0; i < s.main.size() && i < kMaxActions; ++i)
        r += validateAction(s, i);
    return r;
}

ScenarioLoadResult ScenarioLoader::loadObject(const QJsonObject &o, const QString &fileName)
{
    Validator v(fileName.isEmpty() ? tr("<memory>") : fileName);
    Scenario s;

    // format
    const QString expectedFormat = QString::fromLatin1(kScenarioFormat);
    QString format;
    if (v.getString(o, {}, u"format"_s, true, 100, &format) && format != expectedFormat &&
        format != QLatin1String(kScenarioFormat1))
        v.error(u"format"_s, tr("unsupported format \"%1\" (expected \"%2\")").arg(format, expectedFormat));
    // Format 1 chose a launcher per worker (qprocess, the default, was Python's spawn; fork was
    // fork) and had no start method for the run.
    const bool format1 = format == QLatin1String(kScenarioFormat1);
    if (format1) {
        v.checkKeys(o, {},
                    {u"format"_s, u"file"_s, u"title"_s, u"description"_s, u"subreaper"_s, u"time_limit_s"_s,
                     u"queues"_s, u"pipes"_s, u"workers"_s, u"main"_s});
        s.startMethod = StartMethod::Spawn;
    } else {
        v.checkKeys(o, {},
                    {u"format"_s, u"file"_s, u"title"_s, u"description"_s, u"subreaper"_s, u"start_method"_s,
                     u"time_limit_s"_s, u"queues"_s, u"pipes"_s, u"workers"_s, u"main"_s});
        QString method;
        if (v.getString(o, {}, u"start_method"_s, false, 32, &method) &&
            !parseStartMethod(method, &s.startMethod))
            v.error(u"start_method"_s,
                    tr("must be \"spawn\", \"fork\" or \"forkserver\", not \"%1\"").arg(method));
    }
    if (o.contains(u"file"_s) && !o.value(u"file"_s).isString())
        v.error(u"file"_s, tr("must be a string, not %1").arg(jsonTypeName(o.value(u"file"_s))));

    s.title = v.localized(o, u"title"_s, true, kMaxTitleLength);
    s.description = v.localized(o, u"description"_s, false, kMaxDescriptionLength);
    v.getBool(o, {}, u"subreaper"_s, &s.subreaper);
    if (o.contains(u"time_limit_s"_s)) {
        qint64 limit = kDefaultTimeLimitS;
        v.checkInt(o.value(u"time_limit_s"_s), u"time_limit_s"_s, 1, kMaxTimeLimitS, &limit);
        s.timeLimitS = int(limit);
    }

    // queues
    QHash<QString, int> queueByName;
    if (o.contains(u"queues"_s)) {
        const QJsonValue qv = o.value(u"queues"_s);
        if (!qv.isArray()) {
            v.error(u"queues"_s, tr("must be an array, not %1").arg(jsonTypeName(qv)));
        } else {
            const QJsonArray qa = qv.toArray();
            if (qa.size() > kMaxQueues)
                v.error(u"queues"_s, tr("too many queues (%1; at most %2)").arg(qa.size()).arg(kMaxQueues));
            for (qsizetype i = 0; i < qa.size() && i < kMaxQueues; ++i) {
                const QString p = index(u"queues"_s, i);
                if (!qa.at(i).isObject()) {
                    v.error(p, tr("must be an object, not %1").arg(jsonTypeName(qa.at(i))));
                    s.queues.append(QueueSpec()); // keeps queues[i] at i for the messages that name it
                    continue;
                }
                const QJsonObject qo = qa.at(i).toObject();
                v.checkKeys(qo, p, {u"name"_s, u"capacity"_s});
                QueueSpec q;
                if (v.getString(qo, p, u"name"_s, true, kMaxNameLength, &q.name)) {
                    const QString why = channelNameProblem(s.queues, q.name, false);
                    if (!why.isEmpty())
                        v.error(key(p, u"name"_s), why);
                    else
                        queueByName.insert(q.name, int(i));
                }
                qint64 cap = 64;
                if (qo.contains(u"capacity"_s))
                    v.checkInt(qo.value(u"capacity"_s), key(p, u"capacity"_s), 1, kMaxQueueCapacity, &cap);
                q.capacity = int(cap);
                s.queues.append(q);
            }
        }
    }

    // pipes
    QHash<QString, int> pipeByName;
    if (o.contains(u"pipes"_s)) {
        const QJsonValue pv = o.value(u"pipes"_s);
        if (!pv.isArray()) {
            v.error(u"pipes"_s, tr("must be an array, not %1").arg(jsonTypeName(pv)));
        } else {
            const QJsonArray pa = pv.toArray();
            if (pa.size() > kMaxPipes)
                v.error(u"pipes"_s, tr("too many pipes (%1; at most %2)").arg(pa.size()).arg(kMaxPipes));
            for (qsizetype i = 0; i < pa.size() && i < kMaxPipes; ++i) {
                const QString p = index(u"pipes"_s, i);
                if (!pa.at(i).isObject()) {
                    v.error(p, tr("must be an object, not %1").arg(jsonTypeName(pa.at(i))));
                    s.pipes.append(PipeSpec());
                    continue;
                }
                const QJsonObject po = pa.at(i).toObject();
                v.checkKeys(po, p, {u"name"_s, u"duplex"_s});
                PipeSpec pipe;
                v.getBool(po, p, u"duplex"_s, &pipe.duplex);
                if (v.getString(po, p, u"name"_s, true, kMaxNameLength, &pipe.name)) {
                    const QString why = channelNameProblem(s.pipes, pipe.name, true);
                    if (!why.isEmpty())
                        v.error(key(p, u"name"_s), why);
                    else
                        pipeByName.insert(pipe.name, int(i));
                }
                s.pipes.append(pipe);
            }
        }
    }

    // workers
    QHash<QString, int> workerById;
    const QJsonValue wv = o.value(u"workers"_s);
    // Workers past the cap are not read; actions naming them are not errors of their own (the
    // cap is reported once, not once more per action).
    qsizetype workersInFile = 0;
    if (wv.isUndefined()) {
        v.error(u"workers"_s, tr("missing (an array of workers is required)"));
    } else if (!wv.isArray()) {
        v.error(u"workers"_s, tr("must be an array, not %1").arg(jsonTypeName(wv)));
    } else {
        const QJsonArray wa = wv.toArray();
        workersInFile = wa.size();
        if (wa.isEmpty())
            v.error(u"workers"_s, tr("must list at least one worker"));
        if (wa.size() > kMaxWorkers)
            v.error(u"workers"_s,
                    tr("too many workers (%1; at most %2 per run)").arg(wa.size()).arg(kMaxWorkers));
        for (qsizetype i = 0; i < wa.size() && i < kMaxWorkers; ++i) {
            const QString p = index(u"workers"_s, i);
            WorkerSpec w;
            w.name = WorkerSpec::defaultName(int(i), false, s.startMethod);
            if (!wa.at(i).isObject()) {
                v.error(p, tr("must be an object, not %1").arg(jsonTypeName(wa.at(i))));
                s.workers.append(w);
                continue;
            }
            const QJsonObject wo = wa.at(i).toObject();
            v.checkKeys(wo, p,
                        {u"id"_s, u"name"_s, u"task"_s, u"args"_s, u"daemon"_s,
                         format1 ? u"launcher"_s : u"start_method"_s});
            if (v.getString(wo, p, u"id"_s, false, kMaxNameLength, &w.id)) {
                if (const QString why = workerIdProblem(s.workers, w.id); !why.isEmpty()) {
                    v.error(key(p, u"id"_s), why);
                    w.id.clear();
                } else {
                    workerById.insert(w.id, int(i));
                }
            }
            QString name;
            if (wo.value(u"name"_s).isObject()) {
                // A preset's name in both languages: {"es": "1 hilo", "en": "1 thread"}.
                const QString np = key(p, u"name"_s);
                const QJsonObject no = wo.value(u"name"_s).toObject();
                v.checkKeys(no, np, {u"es"_s, u"en"_s});
                bool ok = v.getString(no, np, u"es"_s, true, kMaxNameLength, &w.names.es);
                ok = v.getString(no, np, u"en"_s, true, kMaxNameLength, &w.names.en) && ok;
                for (const QString &text : {w.names.es, w.names.en}) {
                    if (const QString why = workerNameProblem(text); ok && !why.isEmpty()) {
                        v.error(np, why);
                        ok = false;
                    }
                }
                if (ok) {
                    w.name = w.names.en;
                    w.named = true;
                } else {
                    w.names = {};
                }
            } else if (v.getString(wo, p, u"name"_s, false, kMaxNameLength, &name)) {
                if (const QString why = workerNameProblem(name); !why.isEmpty()) {
                    v.error(key(p, u"name"_s), why);
                } else {
                    w.name = name;
                    w.named = true;
                }
            }
            v.getBool(wo, p, u"daemon"_s, &w.daemon);
            w.startMethod = s.startMethod;
            QString method;
            if (format1) {
                if (v.getString(wo, p, u"launcher"_s, false, 32, &method)) {
                    if (method == u"fork"_s)
                        w.startMethod = StartMethod::Fork;
                    else if (method != u"qprocess"_s)
                        v.error(key(p, u"launcher"_s),
                                tr("must be \"qprocess\" or \"fork\", not \"%1\"").arg(method));
                    w.ownStartMethod = w.startMethod != s.startMethod;
                }
            } else if (v.getString(wo, p, u"start_method"_s, false, 32, &method)) {
                if (parseStartMethod(method, &w.startMethod)) {
                    w.ownStartMethod = true;
                    if (!w.named)
                        w.name = WorkerSpec::defaultName(int(i), true, w.startMethod);
                } else {
                    v.error(key(p, u"start_method"_s),
                            tr("must be \"spawn\", \"fork\" or \"forkserver\", not \"%1\"").arg(method));
                }
            }
            const TaskSpec *task = nullptr;
            if (v.getString(wo, p, u"task"_s, true, kMaxNameLength, &w.task)) {
                task = findTask(w.task);
                if (!task)
                    v.error(key(p, u"task"_s), unknownTaskReason(w.task));
            }
            v.add(checkTaskArgs(s, task, wo.value(u"args"_s), key(p, u"args"_s), &w.args));
            s.workers.append(w);
        }
    }

    // main
    const QJsonValue mv = o.value(u"main"_s);
    if (mv.isUndefined()) {
        v.error(u"main"_s, tr("missing (an array of actions is required)"));
    } else if (!mv.isArray()) {
        v.error(u"main"_s, tr("must be an array, not %1").arg(jsonTypeName(mv)));
    } else {
        const QJsonArray ma = mv.toArray();
        if (ma.size() > kMaxActions)
            v.error(u"main"_s, tr("too many actions (%1; at most %2)").arg(ma.size()).arg(kMaxActions));
        // Mirror multiprocessing's own assertions, so a preset never asks for what Python refuses.
        QList<bool> started(s.workers.size(), false);
        int endMainAt = -1;
        auto resolveWorker = [&](const QJsonValue &ref, const QString &p) -> int {
            if (ref.isString()) {
                const int k = workerById.value(ref.toString(), -1);
                if (k < 0)
                    v.error(p, tr("no worker has the id \"%1\"").arg(ref.toString()));
                return k;
            }
            if (ref.isDouble() && isIntegral(ref.toDouble())) {
                const double d = ref.toDouble();
                if (d < 0 || d >= s.workers.size()) {
                    if (d < 0 || d >= workersInFile)
                        v.error(p, workerOutOfRangeReason(d, s.workers.size()));
                    return -1;
                }
                return int(d);
            }
            if (ref.isUndefined())
                v.error(p, tr("missing (a worker id or index is required)"));
            else
                v.error(p, tr("must be a worker id (a string) or index (an integer), not %1")
                               .arg(jsonTypeName(ref)));
            return -1;
        };
        // `queue` / `pipe` of an action: the index of a declared one, else -1 with the reason.
        auto resolveChannel = [&](const QJsonObject &ao, const QString &p, bool pipe) -> int {
            const QString field = pipe ? u"pipe"_s : u"queue"_s;
            QString name;
            if (!v.getString(ao, p, field, true, kMaxNameLength, &name))
                return -1;
            const int k = (pipe ? pipeByName : queueByName).value(name, -1);
            if (k < 0)
                v.error(key(p, field), pipe ? noPipeReason(name) : noQueueReason(name));
            return k;
        };
        // An optional `timeout_ms` (join, get, recv): 0..kMaxDelayMs, -1 when absent.
        auto readTimeout = [&](const QJsonObject &ao, const QString &p) -> int {
            qint64 t = -1;
            if (ao.contains(u"timeout_ms"_s) &&
                !v.checkInt(ao.value(u"timeout_ms"_s), key(p, u"timeout_ms"_s), 0, kMaxDelayMs, &t))
                return -1;
            return int(t);
        };
        for (qsizetype i = 0; i < ma.size() && i < kMaxActions; ++i) {
            const QString p = index(u"main"_s, i);
            if (!ma.at(i).isObject()) {
                v.error(p, tr("must be an object, not %1").arg(jsonTypeName(ma.at(i))));
                continue;
            }
            const QJsonObject ao = ma.at(i).toObject();
            QString kind;
            if (!v.getString(ao, p, u"action"_s, true, 32, &kind))
                continue;
            static const QHash<QString, Action::Kind> kinds = {
                {u"start"_s, Action::Start},
                {u"join"_s, Action::Join},
                {u"terminate"_s, Action::Terminate},
                {u"kill"_s, Action::Kill},
                {u"stop"_s, Action::Stop},
                {u"continue"_s, Action::Continue},
                {u"put"_s, Action::Put},
                {u"get"_s, Action::Get},
                {u"recv"_s, Action::Recv},
                {u"send"_s, Action::Send},
                {u"is_alive"_s, Action::IsAlive},
                {u"call"_s, Action::Call},
                {u"sleep_ms"_s, Action::SleepMs},
                {u"terminate_random"_s, Action::TerminateRandom},
                {u"end_main"_s, Action::EndMain}};
            if (!kinds.contains(kind)) {
                v.error(key(p, u"action"_s),
                        tr("unknown action \"%1\" (known: start, join, terminate, kill, stop, continue, put, "
                           "get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)")
                            .arg(kind));
                continue;
            }
            if (endMainAt >= 0)
                v.error(p, afterEndMainReason(endMainAt));
            Action a;
            a.kind = kinds.value(kind);
            const QString wp = key(p, u"worker"_s);
            switch (a.kind) {
            case Action::Start:
                v.checkKeys(ao, p, {u"action"_s, u"worker"_s});
                a.worker = resolveWorker(ao.value(u"worker"_s), wp);
                if (a.worker >= 0) {
                    if (started[a.worker])
                        v.error(wp, alreadyStartedReason(s.workers.at(a.worker).name));
                    started[a.worker] = true;
                }
                break;
            case Action::Join:
            case Action::Terminate:
            case Action::Kill:
            case Action::Stop:
            case Action::Continue:
            case Action::IsAlive:
                if (a.kind == Action::Join) {
                    v.checkKeys(ao, p, {u"action"_s, u"worker"_s, u"timeout_ms"_s});
                    a.timeoutMs = readTimeout(ao, p);
                } else {
                    v.checkKeys(ao, p, {u"action"_s, u"worker"_s});
                }
                a.worker = resolveWorker(ao.value(u"worker"_s), wp);
                // is_alive() of a process not started yet is simply False, as in Python.
                if (a.worker >= 0 && !started[a.worker] && a.kind != Action::IsAlive)
                    v.error(wp, notStartedReason(s.workers.at(a.worker).name, kind));
                break;
            case Action::Put:
            case Action::Send: {
                // q.put(value) and conn.send(value) take the same values.
                const bool send = a.kind == Action::Send;
                const QString target = send ? u"pipe"_s : u"queue"_s;
                v.checkKeys(ao, p, {u"action"_s, target, u"value"_s});
                a.queue = resolveChannel(ao, p, send);
                // null is Python's None: the end marker consumers stop at.
                const QJsonValue val = ao.value(u"value"_s);
                if (const QString why = messageValueProblem(val); !why.isEmpty())
                    v.error(key(p, u"value"_s), why);
                else
                    a.value = val;
                break;
            }
            case Action::Get: {
                v.checkKeys(ao, p, {u"action"_s, u"queue"_s, u"timeout_ms"_s, u"print"_s});
                if (v.getString(ao, p, u"print"_s, false, kMaxStringArgLength, &a.printText) &&
                    hasControlCharacters(a.printText))
                    v.error(key(p, u"print"_s), controlCharactersReason());
                a.queue = resolveChannel(ao, p, false);
                a.timeoutMs = readTimeout(ao, p);
                break;
            }
            case Action::Recv: {
                v.checkKeys(ao, p, {u"action"_s, u"pipe"_s, u"until_none"_s, u"timeout_ms"_s});
                a.queue = resolveChannel(ao, p, true);
                v.getBool(ao, p, u"until_none"_s, &a.untilNone);
                a.timeoutMs = readTimeout(ao, p);
                break;
            }
            case Action::Call: {
                v.checkKeys(ao, p, {u"action"_s, u"task"_s, u"args"_s});
                const TaskSpec *task = nullptr;
                if (v.getString(ao, p, u"task"_s, true, kMaxNameLength, &a.task)) {
                    if (!Action::callableTasks().contains(a.task))
                        v.error(key(p, u"task"_s), callTaskReason(a.task));
                    else
                        task = findTask(a.task);
                }
                v.add(checkTaskArgs(s, task, ao.value(u"args"_s), key(p, u"args"_s), &a.args));
                break;
            }
            case Action::SleepMs: {
                v.checkKeys(ao, p, {u"action"_s, u"ms"_s});
                qint64 ms = 0;
                if (!ao.contains(u"ms"_s))
                    v.error(key(p, u"ms"_s), tr("missing (milliseconds to sleep are required)"));
                else if (v.checkInt(ao.value(u"ms"_s), key(p, u"ms"_s), 0, kMaxDelayMs, &ms))
                    a.ms = int(ms);
                break;
            }
            case Action::TerminateRandom: {
                v.checkKeys(ao, p, {u"action"_s, u"workers"_s});
                const QString lp = key(p, u"workers"_s);
                const QJsonValue lv = ao.value(u"workers"_s);
                if (lv.isUndefined()) {
                    v.error(lp, tr("missing (a list of candidate workers is required)"));
                } else if (!lv.isArray() || lv.toArray().isEmpty()) {
                    v.error(lp, tr("must be a non-empty array of worker ids or indices"));
                } else {
                    const QJsonArray la = lv.toArray();
                    for (qsizetype k = 0; k < la.size(); ++k) {
                        const QString ep = index(lp, k);
                        const int w = resolveWorker(la.at(k), ep);
                        if (w < 0)
                            continue;
                        if (a.workers.contains(w))
                            v.error(ep, listedTwiceReason(s.workers.at(w).name));
                        else if (!started[w])
                            v.error(ep, notStartedToTerminateReason(s.workers.at(w).name));
                        else
                            a.workers.append(w);
                    }
                }
                break;
            }
            case Action::EndMain:
                v.checkKeys(ao, p, {u"action"_s});
                if (endMainAt < 0)
                    endMainAt = int(i);
                break;
            }
            s.main.append(a);
        }
    }

    ScenarioLoadResult r;
    r.errors = v.errors;
    if (r.ok())
        r.scenario = std::move(s);
    else
        qCDebug(lcScenario) << "scenario" << fileName << "has" << r.errors.size() << "errors";
    return r;
}

} // namespace concurrente
