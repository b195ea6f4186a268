#include "predict.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace concurrente {

namespace {

LocalizedText localized(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString(), v.toString()};
    const QJsonObject o = v.toObject();
    return {o.value(QStringLiteral("es")).toString(), o.value(QStringLiteral("en")).toString()};
}

QString yesNo(bool yes)
{
    return yes ? QStringLiteral("yes") : QStringLiteral("no");
}

QString codeText(const std::optional<int> &code)
{
    return code ? QString::number(*code) : QStringLiteral("None");
}

QString msText(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 0);
}

/// What a rule reads from a run log: processes by worker id and kind, events by process.
class RunView
{
public:
    explicit RunView(const RunLog &log) : m_log(log), m_events(log.sortedEvents()) {}

    const RunLog &log() const { return m_log; }
    const QList<Event> &events() const { return m_events; }

    const ProcessRecord *worker(const QString &id) const
    {
        for (const ProcessRecord &p : m_log.processes)
            if (p.kind == QLatin1String("worker") && p.id == id)
                return &p;
        return nullptr;
    }
    const ProcessRecord *ofKind(const QString &kind) const
    {
        for (const ProcessRecord &p : m_log.processes)
            if (p.kind == kind)
                return &p;
        return nullptr;
    }
    const ProcessRecord *main() const { return ofKind(QStringLiteral("main")); }

    /// The first event `ev` of process `p` (by pid, or by name for events without one).
    const Event *first(const ProcessRecord &p, EventKind ev) const
    {
        for (const Event &e : m_events)
            if (e.kind == ev && about(e, p))
                return &e;
        return nullptr;
    }
    /// Events carry the pid of the process they are about; a start request has only its name.
    static bool about(const Event &e, const ProcessRecord &p)
    {
        if (e.pid && p.pid)
            return *e.pid == *p.pid;
        return !e.pid && e.fields.value(u"name").toString() == p.name;
    }
    std::optional<qint64> firstTime(const ProcessRecord &p, EventKind ev) const
    {
        const Event *e = first(p, ev);
        return e ? std::optional<qint64>(e->tNs) : std::nullopt;
    }
    /// The ppid the process first reported (its `start`), else the record's.
    std::optional<qint64> firstPpid(const ProcessRecord &p) const
    {
        if (const Event *e = first(p, EventKind::Start); e && e->fields.contains(u"ppid"))
            return e->fields.value(u"ppid").toInteger();
        return p.ppid;
    }

private:
    const RunLog &m_log;
    QList<Event> m_events;
};

PredictEvidence evidence(const QString &what, const QString &process, const QString &value,
                         std::optional<qint64> tNs = std::nullopt)
{
    return {what, process, value, tNs};
}

PredictEvidence exitEvidence(const ProcessRecord &p)
{
    return evidence(QStringLiteral("exitcode"), p.name, codeText(p.exitcode), p.endNs);
}

PredictOutcome ruleExitcode(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const ProcessRecord *p = run.worker(q.args.value(u"worker").toString());
    if (!p || !p->exitcode)
        return out;
    out.decided = true;
    out.actual = QString::number(*p->exitcode);
    out.evidence.append(exitEvidence(*p));
    return out;
}

PredictOutcome ruleName(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const QString id = q.args.value(u"worker").toString();
    const ProcessRecord *p = run.worker(id);
    if (!p || !p->pid)
        return out;
    out.decided = true;
    out.actual = p->name;
    // Every worker's name, in the order they were created: the counter counts them all.
    for (const ProcessRecord &w : run.log().processes)
        if (w.kind == QLatin1String("worker")) {
            const auto started = run.firstTime(w, EventKind::Start);
            out.evidence.append(
                evidence(QStringLiteral("name"), w.name, w.name, started ? started : w.startNs));
        }
    // The one asked about first.
    for (int i = 0; i < out.evidence.size(); ++i)
        if (out.evidence[i].process == p->name)
            out.evidence.move(i, 0);
    return out;
}

PredictOutcome rulePpidRelation(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const ProcessRecord *p = run.worker(q.args.value(u"worker").toString());
    const ProcessRecord *main = run.main();
    if (!p || !main || !main->pid || !p->pid)
        return out;
    const auto ppid = run.firstPpid(*p);
    if (!ppid)
        return out;
    const ProcessRecord *server = run.ofKind(QStringLiteral("forkserver"));
    out.decided = true;
    if (*ppid == *main->pid)
        out.actual = QStringLiteral("main");
    else if (server && server->pid == *ppid)
        out.actual = QStringLiteral("forkserver");
    else if (*ppid == *p->pid)
        out.actual = QStringLiteral("self");
    else if (*ppid == 1)
        out.actual = QStringLiteral("init");
    else
        out.actual = QStringLiteral("other");
    const Event *start = run.first(*p, EventKind::Start);
    out.evidence.append(evidence(QStringLiteral("ppid"), p->name, QString::number(*ppid),
                                 start ? std::optional<qint64>(start->tNs) : p->startNs));
    out.evidence.append(
        evidence(QStringLiteral("pid"), main->name, QString::number(*main->pid), main->startNs));
    if (server && server->pid && out.actual == QLatin1String("forkserver"))
        out.evidence.append(
            evidence(QStringLiteral("pid"), server->name, QString::number(*server->pid), server->startNs));
    return out;
}

PredictOutcome ruleAdopter(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const ProcessRecord *creator = run.worker(q.args.value(u"worker").toString());
    const ProcessRecord *main = run.main();
    if (!creator || !creator->pid || !main || !main->pid || !creator->exitcode)
        return out;
    const ProcessRecord *orphan = nullptr;
    for (const ProcessRecord &p : run.log().processes)
        if (p.kind == QLatin1String("child") &&
            (p.parentPid == creator->pid || p.parentName == creator->name)) {
            orphan = &p;
            break;
        }
    if (!orphan || !orphan->ppid)
        return out;
    const Event *moved = run.first(*orphan, EventKind::Reparented);
    const qint64 ppid = moved ? moved->fields.value(u"ppid").toInteger() : *orphan->ppid;
    out.decided = true;
    if (ppid == *creator->pid)
        out.actual = QStringLiteral("creator");
    else if (ppid == *main->pid)
        out.actual = QStringLiteral("main");
    else
        out.actual = QStringLiteral("init");
    if (const auto before = run.firstPpid(*orphan)) {
        const Event *start = run.first(*orphan, EventKind::Start);
        out.evidence.append(evidence(QStringLiteral("ppid"), orphan->name, QString::number(*before),
                                     start ? std::optional<qint64>(start->tNs) : orphan->startNs));
    }
    out.evidence.append(exitEvidence(*creator));
    out.evidence.append(evidence(QStringLiteral("new_ppid"), orphan->name, QString::number(ppid),
                                 moved ? std::optional<qint64>(moved->tNs) : std::nullopt));
    out.evidence.append(
        evidence(QStringLiteral("pid"), main->name, QString::number(*main->pid), main->startNs));
    return out;
}

PredictOutcome ruleCountExitcode(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const int code = q.args.value(u"code").toInt();
    int count = 0;
    for (const QJsonValue &id : q.args.value(u"workers").toArray()) {
        const ProcessRecord *p = run.worker(id.toString());
        if (!p || !p->exitcode)
            return {};
        count += *p->exitcode == code ? 1 : 0;
        out.evidence.append(exitEvidence(*p));
    }
    out.decided = !out.evidence.isEmpty();
    out.actual = QString::number(count);
    return out;
}

PredictOutcome rulePrinted(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const ProcessRecord *p = run.worker(q.args.value(u"worker").toString());
    const QString needle = q.args.value(u"contains").toString();
    if (!p || !p->pid || !p->endNs)
        return out;
    out.decided = true;
    for (const Event &e : run.events()) {
        if (e.kind == EventKind::Print && e.pid == p->pid &&
            e.fields.value(u"text").toString().contains(needle)) {
            out.actual = yesNo(true);
            out.evidence.append(
                evidence(QStringLiteral("printed"), p->name, e.fields.value(u"text").toString(), e.tNs));
            return out;
        }
    }
    out.actual = yesNo(false);
    out.evidence.append(evidence(QStringLiteral("not_printed"), p->name, needle, p->endNs));
    for (const Event &e : run.events())
        if (e.kind == EventKind::Terminate && e.fields.value(u"name").toString() == p->name) {
            out.evidence.append(
                evidence(QStringLiteral("terminated_by"), p->name, e.fields.value(u"by").toString(), e.tNs));
            break;
        }
    out.evidence.append(exitEvidence(*p));
    return out;
}

/// From the first start request of `workers` to the last of their joins.
std::optional<std::pair<qint64, qint64>> workersSpan(const RunView &run, const QJsonArray &workers)
{
    std::optional<qint64> from, to;
    for (const QJsonValue &id : workers) {
        const ProcessRecord *p = run.worker(id.toString());
        if (!p)
            return std::nullopt;
        const Event *req = run.first(*p, EventKind::StartRequest);
        const Event *join = run.first(*p, EventKind::Join);
        const std::optional<qint64> start = req ? std::optional<qint64>(req->tNs) : p->startNs;
        const std::optional<qint64> end = join ? std::optional<qint64>(join->tNs) : p->endNs;
        if (!start || !end)
            return std::nullopt;
        from = from ? std::min(*from, *start) : *start;
        to = to ? std::max(*to, *end) : *end;
    }
    if (!from)
        return std::nullopt;
    return std::pair{*from, *to};
}

PredictOutcome ruleSpeedup(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const ProcessRecord *main = run.main();
    if (!main || !main->pid)
        return out;
    // The main program's own calls, one after the other: the sequential version.
    std::optional<qint64> seqFrom, seqTo;
    for (const Event &e : run.events()) {
        if (e.pid != main->pid)
            continue;
        if (e.kind == EventKind::Call && !seqFrom)
            seqFrom = e.tNs;
        else if (e.kind == EventKind::CallDone)
            seqTo = e.tNs;
    }
    const auto par = workersSpan(run, q.args.value(u"workers").toArray());
    if (!seqFrom || !seqTo || !par || *seqTo <= *seqFrom)
        return out;
    const qint64 seq = *seqTo - *seqFrom;
    const qint64 parallel = par->second - par->first;
    const double scale = q.args.value(u"scale").toDouble(1.0);
    out.decided = true;
    out.actual = QString::number(scale * double(parallel) / double(seq), 'f', 2);
    out.evidence.append(evidence(QStringLiteral("sequential_ms"), main->name, msText(seq), *seqFrom));
    out.evidence.append(evidence(QStringLiteral("parallel_ms"), QString(), msText(parallel), par->first));
    return out;
}

PredictOutcome ruleFaster(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const auto a = workersSpan(run, {q.args.value(u"worker")});
    const auto b = workersSpan(run, {q.args.value(u"than")});
    const ProcessRecord *pa = run.worker(q.args.value(u"worker").toString());
    const ProcessRecord *pb = run.worker(q.args.value(u"than").toString());
    if (!a || !b || !pa || !pb)
        return out;
    const qint64 da = a->second - a->first;
    const qint64 db = b->second - b->first;
    // Faster means clearly faster: a run a few percent shorter is noise.
    const double margin = q.args.value(u"margin").toDouble(0.8);
    out.decided = true;
    out.actual = yesNo(double(da) < margin * double(db));
    out.evidence.append(evidence(QStringLiteral("duration_ms"), pa->name, msText(da), a->first));
    out.evidence.append(evidence(QStringLiteral("duration_ms"), pb->name, msText(db), b->first));
    return out;
}

struct QueueTraffic
{
    QList<const Event *> puts;
    QList<const Event *> gets; ///< in time order
};

QueueTraffic traffic(const RunView &run, const QString &queue, bool skipNone)
{
    QueueTraffic t;
    for (const Event &e : run.events()) {
        if (e.fields.value(u"queue").toString() != queue)
            continue;
        if (skipNone && e.fields.value(u"value").isNull())
            continue;
        if (e.kind == EventKind::Put)
            t.puts.append(&e);
        else if (e.kind == EventKind::Get)
            t.gets.append(&e);
    }
    return t;
}

QString valueText(const Event &e)
{
    const QJsonValue v = e.fields.value(u"value");
    if (v.isNull())
        return QStringLiteral("None");
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString producerKey(const Event &e)
{
    return QString::number(e.fields.value(u"producer").toInteger());
}

QString processName(const RunView &run, const Event &e)
{
    if (e.pid)
        if (const ProcessRecord *p = run.log().processByPid(*e.pid))
            return p->name;
    return e.fields.value(u"name").toString();
}

/// Per consumer, the values it got in order (consumers in order of their first get).
void gotEvidence(const RunView &run, const QueueTraffic &t, QList<PredictEvidence> *out)
{
    QStringList order;
    QHash<QString, QStringList> values;
    QHash<QString, qint64> firstT;
    for (const Event *g : t.gets) {
        const QString who = processName(run, *g);
        if (!values.contains(who)) {
            order.append(who);
            firstT.insert(who, g->tNs);
        }
        values[who].append(valueText(*g));
    }
    for (const QString &who : std::as_const(order))
        out->append(evidence(QStringLiteral("got"), who, values.value(who).join(QStringLiteral(", ")),
                             firstT.value(who)));
}

PredictOutcome ruleGetOrder(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const QueueTraffic t = traffic(run, q.args.value(u"queue").toString(), true);
    if (t.puts.isEmpty() || t.gets.size() < t.puts.size())
        return out;
    // Whatever the interleaving, each producer's messages come out in the order it put them.
    QHash<QString, qint64> lastSeq;
    bool inOrder = true;
    for (const Event *g : t.gets) {
        const qint64 seq = g->fields.value(u"seq").toInteger();
        const QString key = producerKey(*g);
        if (lastSeq.contains(key) && seq <= lastSeq.value(key))
            inOrder = false;
        lastSeq.insert(key, seq);
    }
    out.decided = true;
    out.actual = inOrder ? QStringLiteral("put_order") : QStringLiteral("other");
    QStringList put;
    for (const Event *p : t.puts)
        put.append(valueText(*p));
    out.evidence.append(evidence(QStringLiteral("put"), processName(run, *t.puts.first()),
                                 put.join(QStringLiteral(", ")), t.puts.first()->tNs));
    gotEvidence(run, t, &out.evidence);
    return out;
}

PredictOutcome ruleEachOnce(const PredictQuestion &q, const RunView &run)
{
    PredictOutcome out;
    const QueueTraffic t = traffic(run, q.args.value(u"queue").toString(), true);
    if (t.puts.isEmpty())
        return out;
    const bool ended =
        std::all_of(run.log().processes.cbegin(), run.log().processes.cend(),
                    [](const ProcessRecord &p) { return p.kind != QLatin1String("worker") || p.endNs; });
    if (!ended && t.gets.size() < t.puts.size())
        return out;
    QHash<QString, int> got; // producer/seq → times got
    for (const Event *g : t.gets)
        ++got[producerKey(*g) + u'/' + QString::number(g->fields.value(u"seq").toInteger())];
    bool once = true;
    QStringList lost, twice;
    for (const Event *p : t.puts) {
        const int n =
            got.value(producerKey(*p) + u'/' + QString::number(p->fields.value(u"seq").toInteger()));
        if (n == 0)
            lost.append(valueText(*p));
        else if (n > 1)
            twice.append(valueText(*p));
        once = once && n == 1;
    }
    out.decided = true;
    out.actual = once ? QStringLiteral("once") : QStringLiteral("lost_or_duplicated");
    gotEvidence(run, t, &out.evidence);
    if (!lost.isEmpty())
        out.evidence.append(evidence(QStringLiteral("lost"), QString(), lost.join(QStringLiteral(", "))));
    if (!twice.isEmpty())
        out.evidence.append(
            evidence(QStringLiteral("duplicated"), QString(), twice.join(QStringLiteral(", "))));
    return out;
}

using Rule = PredictOutcome (*)(const PredictQuestion &, const RunView &);

const QHash<QString, Rule> &ruleTable()
{
    static const QHash<QString, Rule> table{
        {QStringLiteral("exitcode"), &ruleExitcode},
        {QStringLiteral("name"), &ruleName},
        {QStringLiteral("ppid_relation"), &rulePpidRelation},
        {QStringLiteral("adopter"), &ruleAdopter},
        {QStringLiteral("count_exitcode"), &ruleCountExitcode},
        {QStringLiteral("printed"), &rulePrinted},
        {QStringLiteral("speedup"), &ruleSpeedup},
        {QStringLiteral("faster"), &ruleFaster},
        {QStringLiteral("get_order"), &ruleGetOrder},
        {QStringLiteral("each_once"), &ruleEachOnce},
    };
    return table;
}

} // namespace

const PredictOption *PredictQuestion::option(const QString &value) const
{
    for (const PredictOption &o : options)
        if (o.value == value)
            return &o;
    return nullptr;
}

QString PredictQuestion::answerText(const QString &answer, const QString &language) const
{
    if (const PredictOption *o = option(answer))
        return o->text.text(language);
    const QString u = unit.text(language);
    return u.isEmpty() ? answer : answer + u' ' + u;
}

QStringList PredictQuestion::rules()
{
    QStringList names = ruleTable().keys();
    names.sort();
    return names;
}

std::optional<PredictQuestion> PredictQuestion::fromJson(const QJsonObject &o, const QString &id,
                                                         QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<PredictQuestion> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    PredictQuestion q;
    q.id = id;
    q.text = localized(o.value(u"question"));
    if (q.text.en.isEmpty() || q.text.es.isEmpty())
        return fail(tr("question: needs its text in Spanish and English"));
    q.rule = o.value(u"rule").toString();
    if (!ruleTable().contains(q.rule))
        return fail(tr("rule: unknown rule \"%1\"").arg(q.rule));
    q.args = o.value(u"args").toObject();
    const QString input = o.value(u"input").toString();
    if (input == QLatin1String("choice")) {
        q.input = Input::Choice;
        for (const QJsonValue &v : o.value(u"options").toArray()) {
            const QJsonObject opt = v.toObject();
            PredictOption option{opt.value(u"value").toString(), localized(opt.value(u"text"))};
            if (option.value.isEmpty() || option.text.en.isEmpty() || option.text.es.isEmpty())
                return fail(tr("options: each needs a value and its text in Spanish and English"));
            q.options.append(option);
        }
        if (q.options.size() < 2)
            return fail(tr("options: a choice needs at least two"));
    } else if (input == QLatin1String("number")) {
        q.input = Input::Number;
        q.minimum = o.value(u"min").toDouble(0);
        q.maximum = o.value(u"max").toDouble(100);
        q.decimals = o.value(u"decimals").toInt(0);
        q.tolerance = o.value(u"tolerance").toDouble(0);
        q.unit = localized(o.value(u"unit"));
        if (q.minimum > q.maximum || q.tolerance < 0 || q.decimals < 0 || q.decimals > 3)
            return fail(tr("number: needs min ≤ max, a tolerance ≥ 0 and 0 to 3 decimals"));
    } else {
        return fail(tr("input: must be \"choice\" or \"number\""));
    }
    return q;
}

std::optional<PredictQuestion> PredictQuestion::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!doc.isObject()) {
        if (error)
            *error = parse.error != QJsonParseError::NoError ? parse.errorString() : tr("not a JSON object");
        return std::nullopt;
    }
    return fromJson(doc.object(), QFileInfo(path).completeBaseName(), error);
}

QString PredictQuestion::pathForPreset(const QString &presetPath)
{
    const QFileInfo preset(presetPath);
    return QDir::cleanPath(preset.dir().filePath(QStringLiteral("../predict/")) + u'/' + preset.fileName());
}

std::optional<PredictQuestion> PredictQuestion::forPreset(const QString &presetPath, QString *error)
{
    if (presetPath.isEmpty())
        return std::nullopt;
    const QString path = pathForPreset(presetPath);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    return load(path, error);
}

PredictOutcome predictOutcome(const PredictQuestion &question, const RunLog &log)
{
    const Rule rule = ruleTable().value(question.rule);
    if (!rule)
        return {};
    const RunView run(log);
    return rule(question, run);
}

PredictRecord checkPrediction(const PredictQuestion &question, const QString &answer, const RunLog &log)
{
    PredictRecord r;
    r.question = question.id;
    r.textEs = question.text.es;
    r.textEn = question.text.en;
    r.answer = answer;
    r.answerEs = question.answerText(answer, QStringLiteral("es"));
    r.answerEn = question.answerText(answer, QStringLiteral("en"));
    const PredictOutcome outcome = predictOutcome(question, log);
    r.actual = outcome.actual;
    if (!outcome.actual.isEmpty()) {
        r.actualEs = question.answerText(outcome.actual, QStringLiteral("es"));
        r.actualEn = question.answerText(outcome.actual, QStringLiteral("en"));
    }
    r.evidence = outcome.evidence;
    if (!outcome.decided) {
        r.verdict = QStringLiteral("undecided");
        return r;
    }
    bool right = false;
    if (question.input == PredictQuestion::Input::Number) {
        bool okA = false, okB = false;
        const double a = answer.toDouble(&okA);
        const double b = outcome.actual.toDouble(&okB);
        right = okA && okB && std::abs(a - b) <= question.tolerance + 1e-9;
    } else {
        right = answer == outcome.actual;
    }
    r.verdict = right ? QStringLiteral("right") : QStringLiteral("not_quite");
    return r;
}

QString PredictText::verdict(const QString &verdict)
{
    if (verdict == QLatin1String("right"))
        return tr("Right");
    if (verdict == QLatin1String("not_quite"))
        return tr("Not quite");
    return tr("The run did not show it");
}

QString PredictText::evidence(const PredictEvidence &e)
{
    const QString &p = e.process;
    const QString &v = e.value;
    if (e.what == QLatin1String("exitcode"))
        return tr("%1 ended with exitcode %2").arg(p, v);
    if (e.what == QLatin1String("name"))
        return tr("a worker was named %1").arg(v);
    if (e.what == QLatin1String("ppid"))
        return tr("%1 reported PPID %2").arg(p, v);
    if (e.what == QLatin1String("new_ppid"))
        return tr("%1's PPID changed to %2").arg(p, v);
    if (e.what == QLatin1String("pid"))
        return tr("%1 has PID %2").arg(p, v);
    if (e.what == QLatin1String("printed"))
        return tr("%1 printed \"%2\"").arg(p, v);
    if (e.what == QLatin1String("not_printed"))
        return tr("%1 printed no line with \"%2\"").arg(p, v);
    if (e.what == QLatin1String("terminated_by"))
        return v == QLatin1String("end_main") ? tr("%1 was terminated when the main program ended").arg(p)
                                              : tr("%1 was terminated").arg(p);
    if (e.what == QLatin1String("sequential_ms"))
        return tr("sequential: %1 ms").arg(v);
    if (e.what == QLatin1String("parallel_ms"))
        return tr("two processes: %1 ms").arg(v);
    if (e.what == QLatin1String("duration_ms"))
        return tr("%1 took %2 ms").arg(p, v);
    if (e.what == QLatin1String("put"))
        return tr("%1 put %2").arg(p, v);
    if (e.what == QLatin1String("got"))
        return tr("%1 got %2").arg(p, v);
    if (e.what == QLatin1String("lost"))
        return tr("never got: %1").arg(v);
    if (e.what == QLatin1String("duplicated"))
        return tr("got more than once: %1").arg(v);
    return p.isEmpty() ? v : p + QStringLiteral(": ") + v;
}

} // namespace concurrente
