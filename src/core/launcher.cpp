#include "launcher.h"

#include <algorithm>

namespace concurrente {

QString escapedCommandField(QString s)
{
    // The main program's commands are TAB-separated lines; it undoes \\, \t and \n. Names and
    // arguments rarely hold any of the four: one look instead of four replace() passes (this is
    // done for every field of every start command).
    if (std::none_of(s.cbegin(), s.cend(),
                     [](QChar c) { return c == u'\\' || c == u'\t' || c == u'\n' || c == u'\r'; }))
        return s;
    s.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    s.replace(QStringLiteral("\t"), QStringLiteral("\\t"));
    s.replace(QStringLiteral("\n"), QStringLiteral("\\n"));
    s.replace(u'\r', u' ');
    return s;
}

RunPipes::RunPipes(const Scenario &scenario)
{
    for (const PipeSpec &spec : scenario.pipes) {
        Pipe pipe;
        pipe.name = spec.name;
        pipe.mainReads = scenario.mainReceivesOn(int(m_pipes.size()));
        pipe.mainWrites = scenario.mainSendsOn(int(m_pipes.size()));
        pipe.duplex = spec.duplex;
        for (const WorkerSpec &w : scenario.workers) {
            if (w.pipeName() == spec.name)
                ++pipe.users;
        }
        m_pipes.append(pipe);
    }
}

QByteArray RunPipes::makeCommands()
{
    // Python's Pipe() is made in the parent before the children that share it (and before the
    // fork server, which inherits them).
    QByteArray commands;
    for (Pipe &p : m_pipes) {
        if (p.users > 0) {
            commands += "pipe\t" + escapedCommandField(p.name).toUtf8() + (p.duplex ? "\tduplex=1\n" : "\n");
            p.open = true;
        }
    }
    return commands;
}

QByteArray RunPipes::workerStarted(const QString &pipeName)
{
    if (pipeName.isEmpty())
        return {};
    Pipe *pipe = nullptr;
    for (Pipe &p : m_pipes)
        if (p.name == pipeName)
            pipe = &p;
    if (!pipe || ++pipe->started != pipe->users || !pipe->open)
        return {};
    // Like Python's parent after starting both ends' processes: the end-of-file a receiver
    // waits for needs every write end closed, the main program's included. A main program
    // that receives on the pipe itself keeps its read end.
    pipe->open = pipe->mainReads || pipe->mainWrites;
    return "pipe_close\t" + escapedCommandField(pipe->name).toUtf8() +
           (pipe->mainReads || (pipe->duplex && pipe->mainWrites) ? "\tkeep=read\n"
            : pipe->mainWrites                                    ? "\tkeep=write\n"
                                                                  : "\n");
}

QByteArray RunPipes::closeAll(bool mainGone)
{
    QByteArray commands;
    for (Pipe &p : m_pipes) {
        if (p.open && !mainGone)
            commands += "pipe_close\t" + escapedCommandField(p.name).toUtf8() + '\n';
        p.open = false;
    }
    return commands;
}

Launcher::Launcher(const Scenario &scenario, const QString &helperDir)
    : m_scenario(scenario), m_helperDir(helperDir)
{}

QString Launcher::mainProgram() const
{
    return m_helperDir + QStringLiteral("/concurrente-main");
}

QStringList Launcher::mainArguments(const QList<int> &queueFds) const
{
    QStringList args{QStringLiteral("--worker"), m_helperDir + QStringLiteral("/concurrente-worker")};
    if (m_scenario.subreaper)
        args << QStringLiteral("--subreaper");
    // The queues' anonymous segments, inherited at their numbers (docs/protocol.md).
    for (int fd : queueFds)
        args << QStringLiteral("--queue-fd") << QString::number(fd);
    return args;
}

QStringList Launcher::taskArguments(const WorkerSpec &spec, const QStringList &queueNames) const
{
    QStringList args = spec.taskArguments();
    const QString queue = spec.queueName();
    if (!queue.isEmpty()) {
        const int qi = m_scenario.queueIndexByName(queue);
        // Workers get the segment's real name, not the scenario's label.
        if (qi >= 0 && qi < queueNames.size() && !queueNames[qi].isEmpty()) {
            for (QString &a : args)
                if (a.startsWith(QLatin1String("queue=")))
                    a = QStringLiteral("queue=") + queueNames[qi];
        }
    }
    // put/get events name the queue or pipe as the scenario does.
    const QString label = !queue.isEmpty() ? queue : spec.pipeName();
    if (!label.isEmpty() && !spec.args.contains(QStringLiteral("label")))
        args << QStringLiteral("label=") + label;
    return args;
}

QByteArray Launcher::startCommand(int index, const QStringList &queueNames) const
{
    const WorkerSpec &spec = m_scenario.workers[index];
    QStringList fields{QStringLiteral("start"), escapedCommandField(spec.name),
                       escapedCommandField(spec.task),
                       QStringLiteral("method=") + startMethodName(spec.startMethod),
                       spec.daemon ? QStringLiteral("daemon=1") : QStringLiteral("daemon=0")};
    for (const QString &a : taskArguments(spec, queueNames))
        fields << escapedCommandField(a);
    return fields.join(u'\t').toUtf8() + '\n';
}

} // namespace concurrente
