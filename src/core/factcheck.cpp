#include "factcheck.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <climits>
#include <csignal>

namespace concurrente {

namespace {

QJsonValue optionalJson(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString codeText(const std::optional<int> &code)
{
    return code ? QString::number(*code) : RunFacts::tr("none");
}

QString boolText(const std::optional<bool> &b)
{
    if (!b)
        return RunFacts::tr("not reported");
    return *b ? QStringLiteral("true") : QStringLiteral("false");
}

QString codesText(QList<std::optional<int>> codes)
{
    std::sort(codes.begin(), codes.end());
    QStringList parts;
    for (const auto &c : codes)
        parts.append(codeText(c));
    return u'[' + parts.join(QStringLiteral(", ")) + u']';
}

/// A JSON value read as an exit code: an integer, or null (never ended).
bool readCode(const QJsonValue &v, std::optional<int> *out)
{
    if (v.isNull() || v.isUndefined()) {
        out->reset();
        return true;
    }
    const auto i = jsonInteger(v);
    if (!i || *i < INT_MIN || *i > INT_MAX)
        return false;
    *out = int(*i);
    return true;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

const ProcessFacts *RunFacts::process(const QString &name) const
{
    for (const ProcessFacts &p : processes) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

ProcessFacts *RunFacts::process(const QString &name)
{
    return const_cast<ProcessFacts *>(std::as_const(*this).process(name));
}

RunFacts RunFacts::fromRunLog(const RunLog &log)
{
    RunFacts facts;
    std::optional<qint64> mainPid;
    QHash<qint64, QString> names;
    for (const ProcessRecord &p : log.processes) {
        if (p.kind == QLatin1String("main"))
            mainPid = p.pid;
        if (p.pid)
            names.insert(*p.pid, p.name);
    }

    const QList<Event> events = log.sortedEvents();
    QHash<qint64, qint64> startPpid; // the ppid each process reported first
    QSet<qint64> reparented;
    for (const Event &e : events) {
        if (!e.pid)
            continue;
        if (e.kind == EventKind::Start && !startPpid.contains(*e.pid)) {
            if (const auto ppid = jsonInteger(e.fields.value(QStringLiteral("ppid"))))
                startPpid.insert(*e.pid, *ppid);
        } else if (e.kind == EventKind::Reparented) {
            const auto ppid = jsonInteger(e.fields.value(QStringLiteral("ppid")));
            const auto old = jsonInteger(e.fields.value(QStringLiteral("old_ppid")));
            if (ppid && old && *ppid != *old)
                reparented.insert(*e.pid);
        }
    }

    for (const ProcessRecord &p : log.processes) {
        if (p.kind != QLatin1String("worker") && p.kind != QLatin1String("child"))
            continue;
        ProcessFacts f;
        f.name = p.name;
        f.kind = p.kind;
        f.exitcode = p.exitcode;
        if (p.pid && mainPid) {
            const std::optional<qint64> first = startPpid.contains(*p.pid) ? startPpid.value(*p.pid) : p.ppid;
            if (first)
                f.ppidIsMain = *first == *mainPid;
            if (p.parentPid) {
                f.parentIsMain = *p.parentPid == *mainPid;
                f.parent = names.value(*p.parentPid);
            }
            f.reparented = reparented.contains(*p.pid) || (first && p.ppid && *first != *p.ppid);
        }
        facts.processes.append(f);
    }

    // Timed joins: the scenario's join actions with a timeout, paired in order with the
    // join / join_timeout events of their worker (end_main's implicit joins excluded).
    const QJsonArray workers = log.scenario.value(QStringLiteral("workers")).toArray();
    auto workerName = [&workers](const QJsonValue &ref) -> QString {
        int index = -1;
        if (ref.isString()) {
            for (qsizetype i = 0; i < workers.size(); ++i) {
                if (workers[i].toObject().value(QStringLiteral("id")).toString() == ref.toString())
                    index = int(i);
            }
        } else if (const auto i = jsonInteger(ref)) {
            index = int(*i);
        }
        if (index < 0 || index >= workers.size())
            return {};
        const QString name = workers[index].toObject().value(QStringLiteral("name")).toString();
        return name.isEmpty() ? QStringLiteral("Process-%1").arg(index + 1) : name;
    };
    QHash<QString, QList<Event>> joinEvents;
    for (const Event &e : events) {
        if ((e.kind == EventKind::Join && !e.fields.value(QStringLiteral("implicit")).toBool()) ||
            e.kind == EventKind::JoinTimeout)
            joinEvents[e.fields.value(QStringLiteral("name")).toString()].append(e);
    }
    QHash<QString, int> joinsSeen;
    for (const QJsonValue &av : log.scenario.value(QStringLiteral("main")).toArray()) {
        const QJsonObject a = av.toObject();
        if (a.value(QStringLiteral("action")).toString() != QLatin1String("join"))
            continue;
        const QString name = workerName(a.value(QStringLiteral("worker")));
        const int k = joinsSeen[name]++;
        if (!a.contains(QStringLiteral("timeout_ms")))
            continue;
        const QList<Event> &evs = joinEvents[name];
        if (k >= evs.size())
            continue; // the join never returned: the count differs
        const Event &e = evs[k];
        JoinFacts j;
        j.name = name;
        j.timedOut = e.kind == EventKind::JoinTimeout;
        j.alive = j.timedOut && e.fields.value(QStringLiteral("is_alive")).toBool(true);
        if (!j.alive) {
            if (const ProcessFacts *p = facts.process(name))
                j.exitcode = p->exitcode;
        }
        facts.joins.append(j);
    }

    QHash<QString, qint64> lastSeq;    // queue, consumer and producer -> the last seq got
    QSet<QString> terminatedNotJoined; // processes terminate() was called on, not joined since
    for (const Event &e : events) {
        if (e.kind == EventKind::Terminate) {
            terminatedNotJoined.insert(e.fields.value(QStringLiteral("name")).toString());
        } else if (e.kind == EventKind::JoinBegin || e.kind == EventKind::Join ||
                   e.kind == EventKind::JoinTimeout) {
            terminatedNotJoined.remove(e.fields.value(QStringLiteral("name")).toString());
        } else if (e.kind == EventKind::IsAlive) {
            AliveCheck c;
            c.name = e.fields.value(QStringLiteral("name")).toString();
            c.alive = e.fields.value(QStringLiteral("alive")).toBool();
            readCode(e.fields.value(QStringLiteral("exitcode")), &c.exitcode);
            c.afterTerminate = terminatedNotJoined.contains(c.name);
            facts.aliveChecks.append(c);
        } else if (e.kind == EventKind::TerminateRandom) {
            RandomTermination t;
            for (const QJsonValue &c : e.fields.value(QStringLiteral("candidates")).toArray())
                t.candidates.append(c.toString());
            t.victim = e.fields.value(QStringLiteral("name")).toString();
            facts.randomTerminations.append(t);
        } else if (e.kind == EventKind::Put || e.kind == EventKind::Get) {
            const QJsonValue queue = e.fields.value(QStringLiteral("queue"));
            if (!queue.isString())
                continue;
            QueueFacts &q = facts.queues[queue.toString()];
            if (e.kind == EventKind::Put) {
                ++q.puts;
                continue;
            }
            ++q.gets;
            const auto seq = jsonInteger(e.fields.value(QStringLiteral("seq")));
            const auto producer = jsonInteger(e.fields.value(QStringLiteral("producer")));
            if (!seq || *seq < 0 || !producer || !e.pid)
                continue; // a bare payload: no producer order to check
            const QString key =
                queue.toString() + u'\t' + QString::number(*e.pid) + u'\t' + QString::number(*producer);
            const auto last = lastSeq.constFind(key);
            if (last != lastSeq.constEnd() && *seq <= *last)
                q.perProducerOrder = false;
            lastSeq.insert(key, *seq);
        }
    }
    return facts;
}

std::optional<RunFacts> RunFacts::fromJson(const QJsonObject &object, QString *error)
{
    RunFacts facts;
    static const QSet<QString> topKeys{QStringLiteral("processes"), QStringLiteral("joins"),
                                       QStringLiteral("checks"), QStringLiteral("messages"),
                                       QStringLiteral("random_terminations")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!topKeys.contains(it.key())) {
            fail(error, tr("unknown field \"%1\"").arg(it.key()));
            return std::nullopt;
        }
    }
    auto optionalBool = [](const QJsonObject &o, const QString &key) -> std::optional<bool> {
        const QJsonValue v = o.value(key);
        return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
    };
    const QJsonArray processes = object.value(QStringLiteral("processes")).toArray();
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const QJsonObject o = processes[i].toObject();
        ProcessFacts p;
        p.name = o.value(QStringLiteral("name")).toString();
        if (p.name.isEmpty()) {
            fail(error, tr("processes[%1]: a process needs a name").arg(i));
            return std::nullopt;
        }
        p.kind = o.value(QStringLiteral("kind")).toString(QStringLiteral("worker"));
        if (!readCode(o.value(QStringLiteral("exitcode")), &p.exitcode)) {
            fail(error, tr("processes[%1].exitcode: must be an integer or null").arg(i));
            return std::nullopt;
        }
        p.ppidIsMain = optionalBool(o, QStringLiteral("ppid_is_main"));
        p.parentIsMain = optionalBool(o, QStringLiteral("parent_is_main"));
        if (o.value(QStringLiteral("parent")).isString())
            p.parent = o.value(QStringLiteral("parent")).toString();
        p.reparented = o.value(QStringLiteral("reparented")).toBool();
        facts.processes.append(p);
    }
    const QJsonArray joins = object.value(QStringLiteral("joins")).toArray();
    for (qsizetype i = 0; i < joins.size(); ++i) {
        const QJsonObject o = joins[i].toObject();
        JoinFacts j;
        j.name = o.value(QStringLiteral("name")).toString();
        j.timedOut = o.value(QStringLiteral("timed_out")).toBool();
        j.alive = o.value(QStringLiteral("alive")).toBool();
        if (!readCode(o.value(QStringLiteral("exitcode")), &j.exitcode)) {
            fail(error, tr("joins[%1].exitcode: must be an integer or null").arg(i));
            return std::nullopt;
        }
        facts.joins.append(j);
    }
    const QJsonArray checks = object.value(QStringLiteral("checks")).toArray();
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const QJsonObject o = checks[i].toObject();
        AliveCheck c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.alive = o.value(QStringLiteral("alive")).toBool();
        if (!readCode(o.value(QStringLiteral("exitcode")), &c.exitcode)) {
            fail(error, tr("checks[%1].exitcode: must be an integer or null").arg(i));
            return std::nullopt;
        }
        c.afterTerminate = o.value(QStringLiteral("after_terminate")).toBool();
        facts.aliveChecks.append(c);
    }
    const QJsonObject messages = object.value(QStringLiteral("messages")).toObject();
    for (auto it = messages.begin(); it != messages.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        QueueFacts q;
        q.puts = o.value(QStringLiteral("puts")).toInt();
        q.gets = o.value(QStringLiteral("gets")).toInt();
        q.perProducerOrder = o.value(QStringLiteral("per_producer_order")).toBool(true);
        facts.queues.insert(it.key(), q);
    }
    for (const QJsonValue &v : object.value(QStringLiteral("random_terminations")).toArray()) {
        RandomTermination t;
        for (const QJsonValue &c : v.toObject().value(QStringLiteral("candidates")).toArray())
            t.candidates.append(c.toString());
        t.victim = v.toObject().value(QStringLiteral("victim")).toString();
        facts.randomTerminations.append(t);
    }
    return facts;
}

std::optional<RunFacts> RunFacts::fromOracleOutput(QByteArrayView output, QString *error)
{
    // Merged as JSON first, so that a field a line leaves out never overwrites one an earlier
    // line gave (a child's relations, then the main program's exit code for it).
    QList<QJsonObject> processes;
    QJsonArray joins, checks, randomTerminations;
    QJsonObject messages;
    int lineNumber = 0;
    for (const QByteArray &line : QByteArray(output.data(), output.size()).split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            fail(error,
                 tr("line %1: not a JSON object: %2").arg(lineNumber).arg(QString::fromUtf8(line.left(120))));
            return std::nullopt;
        }
        const QJsonObject o = doc.object();
        QString lineError;
        if (!fromJson(o, &lineError)) { // the same validation, line by line
            fail(error, tr("line %1: %2").arg(lineNumber).arg(lineError));
            return std::nullopt;
        }
        for (const QJsonValue &pv : o.value(QStringLiteral("processes")).toArray()) {
            const QJsonObject p = pv.toObject();
            const QString name = p.value(QStringLiteral("name")).toString();
            auto it = std::find_if(processes.begin(), processes.end(), [&name](const QJsonObject &q) {
                return q.value(QStringLiteral("name")).toString() == name;
            });
            if (it == processes.end()) {
                processes.append(p);
                continue;
            }
            for (auto f = p.begin(); f != p.end(); ++f)
                it->insert(f.key(), f.value());
        }
        for (const QJsonValue &v : o.value(QStringLiteral("joins")).toArray())
            joins.append(v);
        for (const QJsonValue &v : o.value(QStringLiteral("checks")).toArray())
            checks.append(v);
        for (const QJsonValue &v : o.value(QStringLiteral("random_terminations")).toArray())
            randomTerminations.append(v);
        const QJsonObject m = o.value(QStringLiteral("messages")).toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            const QJsonObject add = it.value().toObject();
            QJsonObject q = messages.value(it.key()).toObject();
            q.insert(QStringLiteral("puts"),
                     q.value(QStringLiteral("puts")).toInt() + add.value(QStringLiteral("puts")).toInt());
            q.insert(QStringLiteral("gets"),
                     q.value(QStringLiteral("gets")).toInt() + add.value(QStringLiteral("gets")).toInt());
            q.insert(QStringLiteral("per_producer_order"),
                     q.value(QStringLiteral("per_producer_order")).toBool(true) &&
                         add.value(QStringLiteral("per_producer_order")).toBool(true));
            messages.insert(it.key(), q);
        }
    }
    QJsonArray processArray;
    for (const QJsonObject &p : std::as_const(processes))
        processArray.append(p);
    QJsonObject merged{{QStringLiteral("processes"), processArray},
                       {QStringLiteral("joins"), joins},
                       {QStringLiteral("checks"), checks},
                       {QStringLiteral("messages"), messages},
                       {QStringLiteral("random_terminations"), randomTerminations}};
    return fromJson(merged, error);
}

QJsonObject RunFacts::toJson() const
{
    QJsonArray ps;
    for (const ProcessFacts &p : processes) {
        QJsonObject o{{QStringLiteral("name"), p.name},
                      {QStringLiteral("kind"), p.kind},
                      {QStringLiteral("exitcode"), optionalJson(p.exitcode)},
                      {QStringLiteral("reparented"), p.reparented}};
        if (p.ppidIsMain)
            o.insert(QStringLiteral("ppid_is_main"), *p.ppidIsMain);
        if (p.parentIsMain)
            o.insert(QStringLiteral("parent_is_main"), *p.parentIsMain);
        if (p.parent)
            o.insert(QStringLiteral("parent"), *p.parent);
        ps.append(o);
    }
    QJsonArray js;
    for (const JoinFacts &j : joins)
        js.append(QJsonObject{{QStringLiteral("name"), j.name},
                              {QStringLiteral("timed_out"), j.timedOut},
                              {QStringLiteral("alive"), j.alive},
                              {QStringLiteral("exitcode"), optionalJson(j.exitcode)}});
    QJsonArray cs;
    for (const AliveCheck &c : aliveChecks) {
        QJsonObject o{{QStringLiteral("name"), c.name},
                      {QStringLiteral("alive"), c.alive},
                      {QStringLiteral("exitcode"), optionalJson(c.exitcode)}};
        if (c.afterTerminate)
            o.insert(QStringLiteral("after_terminate"), true);
        cs.append(o);
    }
    QJsonObject ms;
    for (auto it = queues.begin(); it != queues.end(); ++it)
        ms.insert(it.key(), QJsonObject{{QStringLiteral("puts"), it->puts},
                                        {QStringLiteral("gets"), it->gets},
                                        {QStringLiteral("per_producer_order"), it->perProducerOrder}});
    QJsonArray rs;
    for (const RandomTermination &t : randomTerminations)
        rs.append(QJsonObject{{QStringLiteral("candidates"), QJsonArray::fromStringList(t.candidates)},
                              {QStringLiteral("victim"), t.victim}});
    return {{QStringLiteral("processes"), ps},
            {QStringLiteral("joins"), js},
            {QStringLiteral("checks"), cs},
            {QStringLiteral("messages"), ms},
            {QStringLiteral("random_terminations"), rs}};
}

QStringList compareFacts(const RunFacts &expected, const RunFacts &actual)
{
    QStringList d;
    auto differ = [&d](const QString &what, const QString &e, const QString &a) {
        if (e != a)
            d.append(RunFacts::tr("%1: expected %2, got %3").arg(what, e, a));
    };

    // Which process a random termination hit is chance: the candidates' exit codes are
    // compared together below, not by name.
    QSet<QString> randomNames;
    for (const auto *facts : {&expected, &actual}) {
        for (const RandomTermination &t : facts->randomTerminations)
            randomNames.unite(QSet<QString>(t.candidates.begin(), t.candidates.end()));
    }

    for (const ProcessFacts &e : expected.processes) {
        const ProcessFacts *a = actual.process(e.name);
        if (!a) {
            d.append(RunFacts::tr("process %1: expected, but the run has none of that name").arg(e.name));
            continue;
        }
        differ(RunFacts::tr("%1: kind").arg(e.name), e.kind, a->kind);
        if (!randomNames.contains(e.name))
            differ(RunFacts::tr("%1: exit code").arg(e.name), codeText(e.exitcode), codeText(a->exitcode));
        differ(RunFacts::tr("%1: os.getppid() is the main program").arg(e.name), boolText(e.ppidIsMain),
               boolText(a->ppidIsMain));
        differ(RunFacts::tr("%1: parent_process() is the main program").arg(e.name), boolText(e.parentIsMain),
               boolText(a->parentIsMain));
        differ(RunFacts::tr("%1: parent_process().name").arg(e.name),
               e.parent.value_or(RunFacts::tr("not reported")),
               a->parent.value_or(RunFacts::tr("not reported")));
        differ(RunFacts::tr("%1: re-parented (its os.getppid() changed)").arg(e.name), boolText(e.reparented),
               boolText(a->reparented));
    }
    for (const ProcessFacts &a : actual.processes) {
        if (!expected.process(a.name))
            d.append(RunFacts::tr("process %1: not expected, but the run has one").arg(a.name));
    }

    differ(RunFacts::tr("random terminations"), QString::number(expected.randomTerminations.size()),
           QString::number(actual.randomTerminations.size()));
    for (qsizetype i = 0; i < std::min(expected.randomTerminations.size(), actual.randomTerminations.size());
         ++i) {
        const RandomTermination &e = expected.randomTerminations[i];
        const RandomTermination &a = actual.randomTerminations[i];
        QStringList ec = e.candidates, ac = a.candidates;
        ec.sort();
        ac.sort();
        const int n = int(i + 1);
        differ(RunFacts::tr("random termination %1: candidates").arg(n), ec.join(QStringLiteral(", ")),
               ac.join(QStringLiteral(", ")));
        auto victimCode = [](const RunFacts &f, const RandomTermination &t) {
            const ProcessFacts *p = f.process(t.victim);
            return p ? codeText(p->exitcode) : RunFacts::tr("no such process");
        };
        auto otherCodes = [](const RunFacts &f, const RandomTermination &t) {
            QList<std::optional<int>> codes;
            for (const QString &c : t.candidates) {
                if (c == t.victim)
                    continue;
                const ProcessFacts *p = f.process(c);
                codes.append(p ? p->exitcode : std::nullopt);
            }
            return codesText(codes);
        };
        differ(RunFacts::tr("random termination %1: the chosen one's exit code").arg(n),
               victimCode(expected, e), victimCode(actual, a));
        differ(RunFacts::tr("random termination %1: the others' exit codes").arg(n), otherCodes(expected, e),
               otherCodes(actual, a));
    }

    differ(RunFacts::tr("timed joins"), QString::number(expected.joins.size()),
           QString::number(actual.joins.size()));
    for (qsizetype i = 0; i < std::min(expected.joins.size(), actual.joins.size()); ++i) {
        const JoinFacts &e = expected.joins[i];
        const JoinFacts &a = actual.joins[i];
        const QString n = QString::number(i + 1);
        differ(RunFacts::tr("timed join %1: process").arg(n), e.name, a.name);
        differ(RunFacts::tr("timed join %1 (%2.join(timeout)): timed out").arg(n, e.name),
               boolText(e.timedOut), boolText(a.timedOut));
        differ(RunFacts::tr("timed join %1 (%2.join(timeout)): is_alive()").arg(n, e.name), boolText(e.alive),
               boolText(a.alive));
        differ(RunFacts::tr("timed join %1 (%2.join(timeout)): exitcode").arg(n, e.name),
               codeText(e.exitcode), codeText(a.exitcode));
    }

    differ(RunFacts::tr("is_alive() checks"), QString::number(expected.aliveChecks.size()),
           QString::number(actual.aliveChecks.size()));
    for (qsizetype i = 0; i < std::min(expected.aliveChecks.size(), actual.aliveChecks.size()); ++i) {
        const AliveCheck &e = expected.aliveChecks[i];
        const AliveCheck &a = actual.aliveChecks[i];
        const QString n = QString::number(i + 1);
        differ(RunFacts::tr("is_alive() check %1: process").arg(n), e.name, a.name);
        // Right after terminate(): whether the child has handled SIGTERM yet is a race in
        // CPython as here; "still alive" and "ended by SIGTERM" are both what it prints.
        const auto sigtermRace = [](const AliveCheck &c) {
            return (c.alive && !c.exitcode) || (!c.alive && c.exitcode == -SIGTERM);
        };
        if ((e.afterTerminate || a.afterTerminate) && e.name == a.name && sigtermRace(e) && sigtermRace(a))
            continue;
        differ(RunFacts::tr("is_alive() check %1 (%2): is_alive()").arg(n, e.name), boolText(e.alive),
               boolText(a.alive));
        differ(RunFacts::tr("is_alive() check %1 (%2): exitcode").arg(n, e.name), codeText(e.exitcode),
               codeText(a.exitcode));
    }

    for (auto it = expected.queues.begin(); it != expected.queues.end(); ++it) {
        const auto a = actual.queues.constFind(it.key());
        if (a == actual.queues.constEnd()) {
            d.append(RunFacts::tr("queue %1: expected messages, but the run has none").arg(it.key()));
            continue;
        }
        differ(RunFacts::tr("queue %1: messages put").arg(it.key()), QString::number(it->puts),
               QString::number(a->puts));
        differ(RunFacts::tr("queue %1: messages got").arg(it.key()), QString::number(it->gets),
               QString::number(a->gets));
        differ(RunFacts::tr("queue %1: each producer's messages got in order").arg(it.key()),
               boolText(it->perProducerOrder), boolText(a->perProducerOrder));
    }
    for (auto it = actual.queues.begin(); it != actual.queues.end(); ++it) {
        if (!expected.queues.contains(it.key()))
            d.append(RunFacts::tr("queue %1: not expected, but the run has messages in it").arg(it.key()));
    }
    return d;
}

} // namespace concurrente
