#include "runlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cctype>
#include <vector>

#include <sched.h>
#include <unistd.h>

namespace concurrente {

namespace {
QJsonValue optionalInt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

/// Upper bound for a run log we agree to open: a full run (1,000,000 events) fits easily.
constexpr qint64 kMaxRunLogFileBytes = 512LL * 1024 * 1024;
} // namespace

QJsonObject ProcessRecord::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("index"), index);
    o.insert(QStringLiteral("pid"), optionalInt(pid));
    o.insert(QStringLiteral("ppid"), optionalInt(ppid));
    o.insert(QStringLiteral("parent_pid"), optionalInt(parentPid));
    o.insert(QStringLiteral("daemon"), daemon);
    o.insert(QStringLiteral("kind"), kind);
    if (!startMethod.isEmpty())
        o.insert(QStringLiteral("start_method"), startMethod);
    if (!parentName.isEmpty())
        o.insert(QStringLiteral("parent_name"), parentName);
    o.insert(QStringLiteral("start_ns"), optionalInt(startNs));
    o.insert(QStringLiteral("end_ns"), optionalInt(endNs));
    o.insert(QStringLiteral("exitcode"), exitcode ? QJsonValue(*exitcode) : QJsonValue(QJsonValue::Null));
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

ProcessRecord ProcessRecord::fromJson(const QJsonObject &o)
{
    ProcessRecord r;
    r.index = o.value(QStringLiteral("index")).toInt(-1);
    r.id = o.value(QStringLiteral("id")).toString();
    r.name = o.value(QStringLiteral("name")).toString();
    r.pid = jsonInteger(o.value(QStringLiteral("pid")));
    r.ppid = jsonInteger(o.value(QStringLiteral("ppid")));
    r.daemon = o.value(QStringLiteral("daemon")).toBool();
    r.parentPid = jsonInteger(o.value(QStringLiteral("parent_pid")));
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.startMethod = o.value(QStringLiteral("start_method")).toString();
    if (o.contains(QStringLiteral("launcher"))) {
        // Format 1: "qprocess" (spawn), "fork" (the fork helper, MainProcess, or its children),
        // "child".
        const QString launcher = o.value(QStringLiteral("launcher")).toString();
        if (launcher == QLatin1String("child")) {
            r.kind = QStringLiteral("child");
            r.startMethod = QStringLiteral("fork");
        } else if (launcher == QLatin1String("fork") && r.index < 0) {
            r.kind = QStringLiteral("main");
        } else {
            r.kind = QStringLiteral("worker");
            r.startMethod =
                launcher == QLatin1String("fork") ? QStringLiteral("fork") : QStringLiteral("spawn");
        }
    }
    r.parentName = o.value(QStringLiteral("parent_name")).toString();
    r.startNs = jsonInteger(o.value(QStringLiteral("start_ns")));
    r.endNs = jsonInteger(o.value(QStringLiteral("end_ns")));
    if (const auto code = jsonInteger(o.value(QStringLiteral("exitcode"))))
        r.exitcode = int(*code);
    r.error = o.value(QStringLiteral("error")).toString();
    return r;
}

QJsonObject Homework::toJson() const
{
    return {{QStringLiteral("student"), student},
            {QStringLiteral("group"), group},
            {QStringLiteral("exercise"), exercise}};
}

Homework Homework::fromJson(const QJsonObject &o)
{
    Homework h;
    h.student = o.value(QStringLiteral("student")).toString().trimmed();
    h.group = o.value(QStringLiteral("group")).toString().trimmed();
    h.exercise = o.value(QStringLiteral("exercise")).toString().trimmed();
    return h;
}

HostInfo HostInfo::current()
{
    HostInfo h;
    // os.cpu_count() is sysconf(_SC_NPROCESSORS_ONLN): the machine's CPUs, not the affinity mask
    // (QThread::idealThreadCount() follows the mask, so `taskset -c 0` would make it 1).
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    h.cpuCount = online > 0 ? int(online) : QThread::idealThreadCount();
    cpu_set_t set;
    CPU_ZERO(&set);
    h.usableCpus = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : h.cpuCount;
    h.os = QSysInfo::prettyProductName();
    h.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    return h;
}

QJsonObject HostInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("cpu_count"), cpuCount},
                  {QStringLiteral("usable_cpus"), usableCpus},
                  {QStringLiteral("os"), os},
                  {QStringLiteral("kernel"), kernel}};
    if (!containment.isEmpty())
        o.insert(QStringLiteral("containment"), containment);
    if (pidsMax > 0) {
        o.insert(QStringLiteral("pids_max"), pidsMax);
        o.insert(QStringLiteral("pids_max_by"), pidsMaxBy);
    }
    if (memoryMax > 0)
        o.insert(QStringLiteral("memory_max"), memoryMax);
    return o;
}

QJsonObject PredictEvidence::toJson() const
{
    QJsonObject o{{QStringLiteral("what"), what}, {QStringLiteral("value"), value}};
    if (!process.isEmpty())
        o.insert(QStringLiteral("process"), process);
    if (tNs)
        o.insert(QStringLiteral("t_ns"), *tNs);
    return o;
}

PredictEvidence PredictEvidence::fromJson(const QJsonObject &o)
{
    PredictEvidence e;
    e.what = o.value(QStringLiteral("what")).toString();
    e.process = o.value(QStringLiteral("process")).toString();
    e.value = o.value(QStringLiteral("value")).toString();
    const QJsonValue t = o.value(QStringLiteral("t_ns"));
    if (t.isDouble())
        e.tNs = t.toInteger();
    return e;
}

QJsonObject PredictRecord::toJson() const
{
    QJsonArray evidenceArray;
    for (const PredictEvidence &e : evidence)
        evidenceArray.append(e.toJson());
    return {
        {QStringLiteral("question"), question},
        {QStringLiteral("text"), QJsonObject{{QStringLiteral("es"), textEs}, {QStringLiteral("en"), textEn}}},
        {QStringLiteral("answer"), answer},
        {QStringLiteral("answer_text"),
         QJsonObject{{QStringLiteral("es"), answerEs}, {QStringLiteral("en"), answerEn}}},
        {QStringLiteral("verdict"), verdict},
        {QStringLiteral("actual"), actual},
        {QStringLiteral("actual_text"),
         QJsonObject{{QStringLiteral("es"), actualEs}, {QStringLiteral("en"), actualEn}}},
        {QStringLiteral("evidence"), evidenceArray}};
}

std::optional<PredictRecord> PredictRecord::fromJson(const QJsonObject &o, QString *error)
{
    PredictRecord r;
    r.question = o.value(QStringLiteral("question")).toString();
    r.verdict = o.value(QStringLiteral("verdict")).toString();
    static const QStringList verdicts{QStringLiteral("right"), QStringLiteral("not_quite"),
                                      QStringLiteral("undecided")};
    if (r.question.isEmpty() || !verdicts.contains(r.verdict)) {
        if (error)
            *error = RunLog::tr("predict: needs a question and a verdict (right, not_quite, undecided)");
        return std::nullopt;
    }
    const QJsonObject text = o.value(QStringLiteral("text")).toObject();
    r.textEs = text.value(QStringLiteral("es")).toString();
    r.textEn = text.value(QStringLiteral("en")).toString();
    r.answer = o.value(QStringLiteral("answer")).toString();
    const QJsonObject answerText = o.value(QStringLiteral("answer_text")).toObject();
    r.answerEs = answerText.value(QStringLiteral("es")).toString();
    r.answerEn = answerText.value(QStringLiteral("en")).toString();
    r.actual = o.value(QStringLiteral("actual")).toString();
    const QJsonObject actualText = o.value(QStringLiteral("actual_text")).toObject();
    r.actualEs = actualText.value(QStringLiteral("es")).toString();
    r.actualEn = actualText.value(QStringLiteral("en")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("evidence")).toArray())
        r.evidence.append(PredictEvidence::fromJson(v.toObject()));
    return r;
}

bool RunLog::addEvent(const Event &event)
{
    if (m_events.size() >= limits::MaxEventsPerRun) {
        ++m_dropped;
        return false;
    }
    m_events.append(event);
    return true;
}

std::vector<const Event *> RunLog::timeOrder() const
{
    std::vector<const Event *> order;
    order.reserve(size_t(m_events.size()));
    for (const Event &e : m_events)
        order.push_back(&e);
    std::stable_sort(order.begin(), order.end(),
                     [](const Event *a, const Event *b) { return a->tNs < b->tNs; });
    return order;
}

bool RunLog::inTimeOrder() const
{
    return std::is_sorted(m_events.cbegin(), m_events.cend(),
                          [](const Event &a, const Event &b) { return a.tNs < b.tNs; });
}

QList<Event> RunLog::sortedEvents() const
{
    if (inTimeOrder())
        return m_events; // shared, not copied
    // Sorting pointers moves 8 bytes per step instead of an event (and its reference counts).
    QList<Event> sorted;
    sorted.reserve(m_events.size());
    for (const Event *e : timeOrder())
        sorted.append(*e);
    return sorted;
}

const ProcessRecord *RunLog::processByPid(qint64 pid) const
{
    for (auto it = processes.crbegin(); it != processes.crend(); ++it)
        if (it->pid == pid)
            return &*it;
    return nullptr;
}

void RunLog::finalize(qint64 wallNs)
{
    QJsonObject codes;
    int launchFailures = 0;
    for (const ProcessRecord &p : processes) {
        QString key = p.name;
        // Names need not be unique (Python allows it): keep every process visible.
        if (codes.contains(key))
            key = QStringLiteral("%1 (pid %2)")
                      .arg(p.name, p.pid ? QString::number(*p.pid) : QStringLiteral("-"));
        codes.insert(key, p.exitcode ? QJsonValue(*p.exitcode) : QJsonValue(QJsonValue::Null));
        if (!p.error.isEmpty())
            ++launchFailures;
    }
    int protocolErrors = 0;
    for (const Event &e : m_events)
        if (e.kind == EventKind::ProtocolError)
            ++protocolErrors;
    summary.insert(QStringLiteral("wall_ns"), wallNs);
    summary.insert(QStringLiteral("processes"), int(processes.size()));
    summary.insert(QStringLiteral("exit_codes"), codes);
    summary.insert(QStringLiteral("protocol_errors"), protocolErrors);
    summary.insert(QStringLiteral("launch_failures"), launchFailures);
    summary.insert(QStringLiteral("events"), qint64(m_events.size()));
    summary.insert(QStringLiteral("dropped_events"), m_dropped);
    if (m_dropped > 0)
        summary.insert(QStringLiteral("note"),
                       tr("%1 events past the limit of %2 per run were counted but not stored")
                           .arg(m_dropped)
                           .arg(limits::MaxEventsPerRun));
}

QJsonObject RunLog::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(kRunLogFormat));
    o.insert(QStringLiteral("app_version"), appVersion);
    if (!homework.isEmpty())
        o.insert(QStringLiteral("homework"), homework.toJson());
    if (!predict.isEmpty())
        o.insert(QStringLiteral("predict"), predict.toJson());
    o.insert(QStringLiteral("host"), host.toJson());
    o.insert(QStringLiteral("scenario"), scenario);
    QJsonArray procs;
    for (const ProcessRecord &p : processes)
        procs.append(p.toJson());
    o.insert(QStringLiteral("processes"), procs);
    QJsonArray evs;
    forEachEventInTimeOrder([&evs](const Event &e) { evs.append(e.toJson()); });
    o.insert(QStringLiteral("events"), evs);
    o.insert(QStringLiteral("summary"), summary);
    return o;
}

QJsonObject RunLog::toJsonWithoutEvents() const
{
    // Everything but the events, whatever fields the log has: a copy shares the event list and
    // letting go of it in the copy copies nothing.
    RunLog header = *this;
    header.m_events = {};
    return header.toJson();
}

void RunLog::forEachEventInTimeOrder(const std::function<void(const Event &)> &visit) const
{
    if (inTimeOrder()) {
        for (const Event &e : m_events)
            visit(e);
    } else {
        for (const Event *e : timeOrder())
            visit(*e);
    }
}

std::optional<RunLog> RunLog::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<RunLog> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString format = o.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kRunLogFormat) && format != QLatin1String(kRunLogFormat1)) {
        // "concurrente-run/3" and later: a run log this version is too old to read.
        static const QRegularExpression later(QStringLiteral("^concurrente-run/(\\d+)$"));
        if (const QRegularExpressionMatch m = later.match(format); m.hasMatch() && m.captured(1).toInt() > 2)
            return fail(tr("written by a newer version of Concurrente (format \"%1\"); this version reads "
                           "\"%2\" and older: update Concurrente to open it")
                            .arg(format, QLatin1String(kRunLogFormat)));
        return fail(tr("not a run log (format is not \"%1\")").arg(QLatin1String(kRunLogFormat)));
    }
    RunLog log;
    log.appVersion = o.value(QStringLiteral("app_version")).toString();
    const QJsonValue homework = o.value(QStringLiteral("homework"));
    if (!homework.isUndefined() && !homework.isNull() && !homework.isObject())
        return fail(tr("homework: must be an object"));
    log.homework = Homework::fromJson(homework.toObject()); // absent in older logs: empty
    const QJsonValue predict = o.value(QStringLiteral("predict"));
    if (!predict.isUndefined() && !predict.isNull()) {
        QString why;
        const auto record =
            predict.isObject() ? PredictRecord::fromJson(predict.toObject(), &why) : std::nullopt;
        if (!record)
            return fail(why.isEmpty() ? tr("predict: must be an object") : why);
        log.predict = *record;
    }
    const QJsonObject host = o.value(QStringLiteral("host")).toObject();
    log.host.cpuCount = host.value(QStringLiteral("cpu_count")).toInt();
    log.host.usableCpus = host.value(QStringLiteral("usable_cpus")).toInt(); // 0 in older logs
    log.host.os = host.value(QStringLiteral("os")).toString();
    log.host.kernel = host.value(QStringLiteral("kernel")).toString();
    // Absent in older logs.
    log.host.containment = host.value(QStringLiteral("containment")).toString();
    log.host.pidsMax = host.value(QStringLiteral("pids_max")).toInteger();
    log.host.pidsMaxBy = host.value(QStringLiteral("pids_max_by")).toString();
    log.host.memoryMax = host.value(QStringLiteral("memory_max")).toInteger();
    log.scenario = o.value(QStringLiteral("scenario")).toObject();
    const QJsonArray procs = o.value(QStringLiteral("processes")).toArray();
    for (const QJsonValue &p : procs) {
        if (!p.isObject())
            return fail(tr("processes[%1]: must be an object").arg(log.processes.size()));
        log.processes.append(ProcessRecord::fromJson(p.toObject()));
    }
    const QJsonArray evs = o.value(QStringLiteral("events")).toArray();
    qsizetype i = 0;
    for (const QJsonValue &v : evs) {
        const auto e = Event::fromJson(v.toObject());
        if (!e)
            return fail(tr("events[%1]: needs an integer t_ns and a string ev").arg(i));
        log.addEvent(*e);
        ++i;
    }
    log.summary = o.value(QStringLiteral("summary")).toObject();
    log.m_dropped = log.summary.value(QStringLiteral("dropped_events")).toInteger() + log.m_dropped;
    return log;
}

std::optional<RunLog> RunLog::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot open: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    if (f.size() > kMaxRunLogFileBytes) {
        if (error)
            *error = tr("%1: larger than %2 MiB").arg(path).arg(kMaxRunLogFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    if (std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return std::isspace(uchar(c)); })) {
        if (error)
            *error = tr("%1: the file is empty").arg(path);
        return std::nullopt;
    }
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError) {
        // Where it goes wrong tells a file cut short (at its end) from a damaged one.
        if (error)
            *error = perr.offset >= bytes.size() - 1
                         ? tr("%1: cut short (it ends at byte %2 in the middle of the JSON)")
                               .arg(path)
                               .arg(bytes.size())
                         : tr("%1: damaged: not JSON at byte %2 (%3)")
                               .arg(path)
                               .arg(perr.offset)
                               .arg(perr.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = tr("%1: not a run log (a JSON array, not an object)").arg(path);
        return std::nullopt;
    }
    QString why;
    auto log = RunLog::fromJson(doc.object(), &why);
    if (!log && error)
        *error = tr("%1: %2").arg(path, why);
    return log;
}

} // namespace concurrente
