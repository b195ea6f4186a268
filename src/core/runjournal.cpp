#include "runjournal.h"

#include "pyvalue.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace concurrente {

namespace {
constexpr char kJournalFormat[] = "concurrente-journal/1";
constexpr char kSuffix[] = ".concurrente-journal";
/// A journal larger than this is not read back (a run log is capped far below it).
constexpr qint64 kMaxJournalBytes = 2LL * 1024 * 1024 * 1024;
} // namespace

RunJournal::~RunJournal()
{
    // Not discarded: the app is going down abnormally (or the caller wants it kept).
    if (m_file.isOpen())
        m_file.close();
}

QString RunJournal::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal");
}

QString RunJournal::newPath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("run-%1-%2%3")
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(monotonicNs())
                                  .arg(QLatin1String(kSuffix)));
}

bool RunJournal::open(const QString &dir, const RunLog &log, QString *error)
{
    return openAt(newPath(dir), log, error);
}

bool RunJournal::openAt(const QString &path, const RunLog &log, QString *error)
{
    if (m_file.isOpen())
        m_file.close();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("cannot create %1").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = tr("cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        return false;
    }
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject header{{QStringLiteral("journal"), QLatin1String(kJournalFormat)},
                       {QStringLiteral("app_version"), log.appVersion},
                       {QStringLiteral("host"), log.host.toJson()},
                       {QStringLiteral("scenario"), log.scenario}};
    if (!log.homework.isEmpty())
        header.insert(QStringLiteral("homework"), log.homework.toJson());
    m_file.write(QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
    return true;
}

void RunJournal::append(const RunLog &log, qsizetype from, const QList<ProcessRecord> *processes)
{
    const QList<Event> &events = log.events();
    from = std::clamp<qsizetype>(from, 0, events.size());
    append(events.mid(from), processes);
}

void RunJournal::append(const QList<Event> &events, const QList<ProcessRecord> *processes)
{
    if (!m_file.isOpen())
        return;
    QByteArray out;
    for (const Event &e : events)
        out += "{\"e\":" + toFaithfulJson(e.toJson(), false) + "}\n";
    if (processes) {
        QJsonArray records;
        for (const ProcessRecord &p : *processes)
            records.append(p.toJson());
        out += QJsonDocument(QJsonObject{{QStringLiteral("processes"), records}})
                   .toJson(QJsonDocument::Compact) +
               '\n';
    }
    if (!out.isEmpty()) {
        m_file.write(out);
        m_file.flush(); // into the kernel: a crash of the app loses nothing written so far
    }
}

void RunJournal::discard()
{
    if (m_file.fileName().isEmpty())
        return;
    m_file.close();
    m_file.remove();
    // The folder goes too once it is empty (rmdir refuses a folder that is not).
    QDir().rmdir(QFileInfo(m_file.fileName()).absolutePath());
    m_file.setFileName(QString());
}

QStringList RunJournal::leftIn(const QString &dir)
{
    QStringList out;
    const QFileInfoList files =
        QDir(dir).entryInfoList({QStringLiteral("*") + QLatin1String(kSuffix)}, QDir::Files, QDir::Time);
    const QString ourExe = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    for (const QFileInfo &f : files) {
        // Not the journal of a run going on now, here or in another copy of the app.
        const QStringList parts = f.fileName().split(u'-');
        const qint64 pid = parts.size() > 1 ? parts.at(1).toLongLong() : 0;
        const QFileInfo exe(QStringLiteral("/proc/%1/exe").arg(pid));
        if (pid > 0 && exe.exists() && QFileInfo(exe.symLinkTarget()).fileName() == ourExe)
            continue;
        out.append(f.absoluteFilePath());
    }
    return out;
}

std::optional<RunLog> RunJournal::read(const QString &path, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<RunLog> {
        if (error)
            *error = tr("%1: %2").arg(QDir::toNativeSeparators(path), why);
        return std::nullopt;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    if (f.size() > kMaxJournalBytes)
        return fail(tr("larger than %1 MiB").arg(kMaxJournalBytes / (1024 * 1024)));
    const QByteArray header = f.readLine();
    const QJsonObject h = QJsonDocument::fromJson(header).object();
    if (h.value(QStringLiteral("journal")).toString() != QLatin1String(kJournalFormat))
        return fail(tr("not a run journal"));
    QJsonObject o{{QStringLiteral("format"), QLatin1String(kRunLogFormat)},
                  {QStringLiteral("app_version"), h.value(QStringLiteral("app_version"))},
                  {QStringLiteral("host"), h.value(QStringLiteral("host"))},
                  {QStringLiteral("scenario"), h.value(QStringLiteral("scenario"))}};
    if (h.contains(QStringLiteral("homework")))
        o.insert(QStringLiteral("homework"), h.value(QStringLiteral("homework")));
    std::optional<RunLog> log = RunLog::fromJson(o, error);
    if (!log)
        return std::nullopt;
    QJsonArray processes;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (!line.endsWith('\n'))
            break; // cut by the crash: everything before it is whole
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.contains(QStringLiteral("e"))) {
            if (const auto e = Event::fromJson(entry.value(QStringLiteral("e")).toObject()))
                log->addEvent(*e);
        } else if (entry.contains(QStringLiteral("processes"))) {
            processes = entry.value(QStringLiteral("processes")).toArray();
        }
    }
    for (const QJsonValue &p : std::as_const(processes))
        log->processes.append(ProcessRecord::fromJson(p.toObject()));
    const QList<Event> &events = log->events();
    qint64 first = 0;
    qint64 last = 0;
    for (const Event &e : events) {
        first = first == 0 ? e.tNs : std::min(first, e.tNs);
        last = std::max(last, e.tNs);
    }
    log->finalize(last - first);
    return log;
}

} // namespace concurrente
