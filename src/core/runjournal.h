#pragma once

#include "runlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <optional>

namespace concurrente {

/// A live run written down as it happens, so a crash or a kill of the app loses nothing it had
/// recorded: a file of JSON lines in the app's data folder — a header (app, host, scenario),
/// then each event as it is stored and, now and then, the process records. A run that ends
/// normally removes its journal; one left behind is offered for review at the next start.
/// Appending is the only write, so a journal cut by a crash is read up to its last whole line.
class RunJournal
{
    Q_DECLARE_TR_FUNCTIONS(RunJournal)

public:
    RunJournal() = default;
    ~RunJournal();
    RunJournal(const RunJournal &) = delete;
    RunJournal &operator=(const RunJournal &) = delete;

    /// Creates a journal in `dir` for a run whose log starts as `log` (its header fields).
    bool open(const QString &dir, const RunLog &log, QString *error = nullptr);
    /// The same at `path` (a name newPath() gave).
    bool openAt(const QString &path, const RunLog &log, QString *error = nullptr);
    /// A name for a new journal in `dir`: this process's pid and the time.
    static QString newPath(const QString &dir);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    /// Appends `log`'s events from index `from` on, and its process records when `processes`.
    void append(const RunLog &log, qsizetype from, const QList<ProcessRecord> *processes = nullptr);
    /// The same for events already taken out of the log (copies are cheap: shared data), so
    /// that the writing can happen on another thread than the one that stores events.
    void append(const QList<Event> &events, const QList<ProcessRecord> *processes = nullptr);
    /// The run ended normally: the journal is removed.
    void discard();

    /// Journals left in `dir` by runs that did not end normally, newest first.
    static QStringList leftIn(const QString &dir);
    /// Reads a journal back as a run log (the events up to its last whole line); empty with
    /// `error` when it is not a journal.
    static std::optional<RunLog> read(const QString &path, QString *error = nullptr);
    /// The default folder: the app's data location, "journal".
    static QString defaultDir();

private:
    QFile m_file;
};

} // namespace concurrente
