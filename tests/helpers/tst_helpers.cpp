// Drives the real helper executables (concurrente-worker, concurrente-main) with QProcess
// and checks their events against docs/protocol.md: every task's events and exit codes under
// both launchers, escaping, truncation, signals, orphans and the queue/pipe tasks. Every pid an
// event names is checked to be gone when each test ends.

#include "../processalive.h"
#include "shmq.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QStringDecoder>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <memory>
#include <span>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHelperTest, "concurrente.tests.helpers")

namespace {

constexpr int kMaxLine = 4096;
constexpr int kWaitMs = 15000;

QSet<qint64> g_seenPids;

/// Splits a byte stream into lines and checks each against the protocol's line rules.
class LineCollector
{
public:
    void feed(const QByteArray &chunk)
    {
        m_partial += chunk;
        qsizetype nl = 0;
        while ((nl = m_partial.indexOf('\n')) >= 0) {
            const QByteArray line = m_partial.left(nl + 1);
            m_partial.remove(0, nl + 1);
            check(line);
        }
    }

    QList<QJsonObject> events;
    QStringList problems;
    QList<QByteArray> rawLines;

private:
    void check(const QByteArray &line)
    {
        rawLines.append(line);
        if (line.size() >= kMaxLine)
            problems.append(u"line of %1 bytes"_s.arg(line.size()));
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8(line);
        if (utf8.hasError())
            problems.append(u"invalid UTF-8: "_s + QString::fromLatin1(line.toHex()));
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            problems.append(u"not a JSON object: "_s + text);
            return;
        }
        const QJsonObject o = doc.object();
        if (!o.value(u"ev").isString() || !o.value(u"t_ns").isDouble() || !o.value(u"pid").isDouble())
            problems.append(u"missing ev/t_ns/pid: "_s + text);
        g_seenPids.insert(o.value(u"pid").toInteger());
        events.append(o);
    }

    QByteArray m_partial;
};

/// One helper process started with QProcess, its events collected from stdout.
class Proc
{
public:
    Proc(const QString &program, const QStringList &args, std::function<void()> modifier = {})
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { lines.feed(m_process.readAllStandardOutput()); });
        QObject::connect(&m_process, &QProcess::finished, &m_process,
                         [this] { lines.feed(m_process.readAllStandardOutput()); });
        QObject::connect(&m_process, &QProcess::started, &m_process,
                         [this] { m_pid = m_process.processId(); });
        if (modifier)
            m_process.setChildProcessModifier(modifier);
        m_process.start(QDir(binDir()).filePath(program), args);
    }
    ~Proc()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    static QString binDir() { return qEnvironmentVariable("CONCURRENTE_BIN_DIR"); }

    bool started() { return m_process.waitForStarted(5000); }
    /// The pid it had (QProcess forgets it once the process has finished).
    qint64 pid() const { return m_pid; }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }
    /// Python's exitcode convention: the exit status, or -signal.
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::CrashExit ? -m_process.exitCode() : m_process.exitCode();
    }
    void write(const QByteArray &bytes) { m_process.write(bytes); }
    void closeInput() { m_process.closeWriteChannel(); }
    QProcess &process() { return m_process; }

    QList<QJsonObject> all(const QString &ev, qint64 pid = 0) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : lines.events)
            if (o.value(u"ev").toString() == ev && (pid == 0 || o.value(u"pid").toInteger() == pid))
                out.append(o);
        return out;
    }
    QJsonObject first(const QString &ev, qint64 pid = 0) const
    {
        const auto l = all(ev, pid);
        return l.isEmpty() ? QJsonObject() : l.first();
    }
    bool has(const QString &ev, qint64 pid = 0) const { return !all(ev, pid).isEmpty(); }

    LineCollector lines;

private:
    QProcess m_process;
    qint64 m_pid = 0;
};

/// Reads event lines from a pipe of our own (the worker writes to it as $CONCURRENTE_EVENT_FD),
/// which, unlike QProcess's channels, outlives the worker, as the engine's event pipe does.
class PipeReader
{
public:
    PipeReader()
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) == 0) {
            m_read = fds[0];
            m_write = fds[1];
            m_notifier = std::make_unique<QSocketNotifier>(m_read, QSocketNotifier::Read);
            QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
                char buf[8192];
                const ssize_t n = ::read(m_read, buf, sizeof buf);
                if (n > 0)
                    lines.feed(QByteArray(buf, n));
                else
                    m_notifier->setEnabled(false);
            });
        }
    }
    ~PipeReader() { closeAll(); }
    int writeFd() const { return m_write; }
    void closeWriteEnd()
    {
        if (m_write >= 0)
            ::close(m_write);
        m_write = -1;
    }
    void closeAll()
    {
        closeWriteEnd();
        m_notifier.reset();
        if (m_read >= 0)
            ::close(m_read);
        m_read = -1;
    }
    QJsonObject first(const QString &ev, qint64 pid = 0) const
    {
        for (const QJsonObject &o : lines.events)
            if (o.value(u"ev").toString() == ev && (pid == 0 || o.value(u"pid").toInteger() == pid))
                return o;
        return {};
    }

    LineCollector lines;

private:
    int m_read = -1;
    int m_write = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

/// Runs in the child between fork and exec: makes `fd` available as `target` across exec.
void inheritAs(int fd, int target)
{
    if (fd == target)
        fcntl(fd, F_SETFD, 0);
    else
        dup2(fd, target); // the copy does not have close-on-exec
}

qint64 parentOf(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> rest = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return rest.size() > 1 ? rest[1].toLongLong() : -1;
}

// Escapes a command field for the fork helper (TAB-separated, backslash escapes).
QByteArray field(const QString &s)
{
    QByteArray out;
    for (char c : s.toUtf8()) {
        if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else
            out += c;
    }
    return out;
}

/// A main program's start command; `method` empty leaves the main program's default (fork).
QByteArray startCommand(const QString &name, const QString &task, bool daemon, const QStringList &args,
                        const QString &method = {})
{
    QByteArray line = "start\t" + field(name) + '\t' + field(task) + (daemon ? "\tdaemon=1" : "\tdaemon=0");
    if (!method.isEmpty())
        line += "\tmethod=" + method.toUtf8();
    for (const QString &a : args)
        line += '\t' + field(a);
    return line + '\n';
}

QStringList printsOf(const QList<QJsonObject> &prints)
{
    QStringList out;
    for (const QJsonObject &o : prints)
        out.append(o.value(u"text").toString());
    return out;
}

} // namespace

class TestHelpers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void task_data();
    void task();
    void oddNames_data();
    void oddNames();
    void invalidUtf8NameIsReplaced();
    void randomBytesAlwaysMakeValidLines();
    void longPrintIsTruncated();
    void usageErrors_data();
    void usageErrors();
    void listTasks();
    void workerSigterm();
    void forkHelperSeveralChildren();
    void forkHelperSigtermChild();
    void forkHelperSigtermKillsChildren();
    void forkHelperBadCommands();
    void forkHelperReportsAStartItCannotMake();
    void forkHelperKilledTakesChildren();
    void forkedChildStartsClean_data();
    void forkedChildStartsClean();
    void orphan_data();
    void orphan();
    void exitTextGoesToStderr_data();
    void exitTextGoesToStderr();
    void grandchildNames_data();
    void grandchildNames();
    void pipeThroughForkHelper();
    void pipeThroughInheritedFd();
    void queueProducerConsumer();
    void queueLongMessageKeepsItsProducer();
    void queueSquarePutAndObject();
    void queueMissingSegment();
    void queueThroughForkHelper();
    void queueLockOfAWorkerForkedAfterTheMainProgramPut();
    void floatsStayFloats();
    void printsMatchTheListings();

private:
    qint64 m_self = 0;
};

void TestHelpers::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QDir(Proc::binDir()).filePath(u"concurrente-worker"_s)),
             "set CONCURRENTE_BIN_DIR to the folder with concurrente-worker");
    m_self = QCoreApplication::applicationPid();
    // Orphaned grandchildren of our workers are re-parented to us, so the tests know the exact
    // adopter and can reap what they adopt.
    QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

void TestHelpers::cleanup()
{
    QStringList leftovers;
    for (qint64 pid : std::as_const(g_seenPids)) {
        if (pid <= 0 || pid == m_self)
            continue;
        if (isRunning(pid)) {
            leftovers.append(QString::number(pid));
            ::kill(pid_t(pid), SIGKILL);
        }
        if (parentOf(pid) == m_self) // adopted by us: reap it (QProcess's own are gone by now)
            waitpid(pid_t(pid), nullptr, 0);
    }
    g_seenPids.clear();
    QVERIFY2(leftovers.isEmpty(), qPrintable(u"processes left behind: "_s + leftovers.join(u", ")));
}

// ---- every task, both launchers -------------------------------------------------------------

void TestHelpers::task_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<QString>("task");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("daemon");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("prints"); // {pid} {ppid} {name} {__name__}; "*" = not checked
    QTest::addColumn<QString>("result");     // the result's text, or empty for no result
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("errorMessage"); // a trailing '*' means "starts with"

    const QStringList any{u"*"_s};
    // Exercises 1 and 2: print("{}: PID {}, PPID {}, valor {}".format(name, pid, ppid, valor))
    const QString arithLine = u"{name}: PID {pid}, PPID {ppid}, valor "_s;
    struct Row
    {
        const char *tag;
        QString task;
        QStringList args;
        bool daemon;
        int exitCode;
        QStringList prints;
        QString result, errorType, errorMessage;
    };
    const QList<Row> rows = {
        {"greeting", u"greeting"_s, {}, false, 0, {u"Hola Saul"_s}, {}, {}, {}},
        {"greeting who", u"greeting"_s, {u"who=Ana María"_s}, false, 0, {u"Hola Ana María"_s}, {}, {}, {}},
        {"info",
         u"info"_s,
         {},
         false,
         0,
         {u"Función f"_s, u"Nombre del proceso: {__name__}"_s, u"Proceso padre: {ppid}"_s,
          u"Proceso actual: {pid}"_s, u"Hola Valeriano"_s, u"----------"_s},
         {},
         {},
         {}},
        {"info no greeting",
         u"info"_s,
         {u"who="_s, u"title=Inicio"_s},
         false,
         0,
         {u"Inicio"_s, u"Nombre del proceso: {__name__}"_s, u"Proceso padre: {ppid}"_s,
          u"Proceso actual: {pid}"_s},
         {},
         {},
         {}},
        {"squares",
         u"squares"_s,
         {u"n=4"_s, u"delay_ms=1"_s},
         false,
         0,
         {u"calcula cuadrado de números"_s, u"cuadrado: 0"_s, u"cuadrado: 1"_s, u"cuadrado: 4"_s,
          u"cuadrado: 9"_s},
         {},
         {},
         {}},
        {"cubes",
         u"cubes"_s,
         {u"n=4"_s, u"delay_ms=1"_s},
         false,
         0,
         {u"calcula cubo de números"_s, u"cubo: 0"_s, u"cubo: 1"_s, u"cubo: 8"_s, u"cubo: 27"_s},
         {},
         {},
         {}},
        {"arith mul3",
         u"arith"_s,
         {u"op=mul3"_s, u"a=2"_s, u"b=3"_s, u"c=4"_s},
         false,
         0,
         {arithLine + u"24"_s},
         u"24"_s,
         {},
         {}},
        {"arith sum3",
         u"arith"_s,
         {u"op=sum3"_s, u"a=2"_s, u"b=3"_s, u"c=4"_s},
         false,
         0,
         {arithLine + u"9"_s},
         u"9"_s,
         {},
         {}},
        {"arith sumdiv",
         u"arith"_s,
         {u"op=sumdiv"_s, u"a=3"_s, u"b=4"_s, u"c=2"_s},
         false,
         0,
         {arithLine + u"3.5"_s},
         u"3.5"_s,
         {},
         {}},
        {"arith muladd",
         u"arith"_s,
         {u"op=muladd"_s, u"a=2"_s, u"b=3"_s, u"c=4"_s},
         false,
         0,
         {arithLine + u"10"_s},
         u"10"_s,
         {},
         {}},
        {"arith muldiv",
         u"arith"_s,
         {u"op=muldiv"_s, u"a=2"_s, u"b=3"_s, u"c=4"_s, u"delay_ms=5"_s},
         false,
         0,
         {arithLine + u"1.5"_s},
         u"1.5"_s,
         {},
         {}},
        {"arith exact division",
         u"arith"_s,
         {u"op=sumdiv"_s, u"a=2"_s, u"b=2"_s, u"c=2"_s},
         false,
         0,
         {arithLine + u"2.0"_s},
         u"2.0"_s,
         {},
         {}},
        {"arith repr of a third",
         u"arith"_s,
         {u"op=muldiv"_s, u"a=1"_s, u"b=1"_s, u"c=3"_s},
         false,
         0,
         {arithLine + u"0.3333333333333333"_s},
         u"0.3333333333333333"_s,
         {},
         {}},
        {"arith floats",
         u"arith"_s,
         {u"op=sum3"_s, u"a=0.1"_s, u"b=0.2"_s, u"c=0"_s},
         false,
         0,
         {arithLine + u"0.30000000000000004"_s},
         u"0.30000000000000004"_s,
         {},
         {}},
        {"arith big ints stay exact",
         u"arith"_s,
         {u"op=mul3"_s, u"a=999999"_s, u"b=999999"_s, u"c=999999"_s},
         false,
         0,
         {arithLine + u"999997000002999999"_s},
         u"999997000002999999"_s,
         {},
         {}},
        {"arith division by zero",
         u"arith"_s,
         {u"op=sumdiv"_s, u"a=3"_s, u"b=4"_s, u"c=0"_s},
         false,
         1,
         {},
         {},
         u"ZeroDivisionError"_s,
         u"division by zero"_s},
        {"arith float division by zero",
         u"arith"_s,
         {u"op=muldiv"_s, u"a=1.5"_s, u"b=2"_s, u"c=0"_s},
         false,
         1,
         {},
         {},
         u"ZeroDivisionError"_s,
         u"float division by zero"_s},
        {"sleep",
         u"sleep"_s,
         {u"ms=5"_s},
         false,
         0,
         {u"Starting process {name}..."_s, u"Exiting process {name}..."_s},
         {},
         {},
         {}},
        {"sleep with pid",
         u"sleep"_s,
         {u"ms=5"_s, u"show_pid=1"_s},
         false,
         0,
         {u"Starting process {name}, ID {pid}..."_s, u"Exiting process {name}, ID {pid}..."_s},
         {},
         {},
         {}},
        {"sleep silent", u"sleep"_s, {u"ms=1"_s, u"announce=0"_s}, false, 0, {}, {}, {}, {}},
        {"burn", u"burn"_s, {u"ms=20"_s}, false, 0, any, u"*"_s, {}, {}},
        {"gil one thread", u"gil"_s, {u"threads=1"_s, u"work=1000000"_s}, false, 0, any, u"*"_s, {}, {}},
        {"gil three threads",
         u"gil"_s,
         {u"threads=3"_s, u"work=10000000"_s, u"switch_us=200"_s},
         false,
         0,
         any,
         u"*"_s,
         {},
         {}},
        {"crash abort", u"crash"_s, {u"how=abort"_s}, false, -6, {}, {}, {}, {}},
        {"crash segfault", u"crash"_s, {u"how=segfault"_s}, false, -11, {}, {}, {}, {}},
        {"daemon may not have children",
         u"spawn_child"_s,
         {},
         true,
         1,
         {},
         {},
         u"AssertionError"_s,
         u"daemonic processes are not allowed to have children"_s},
        {"bad int",
         u"squares"_s,
         {u"n=abc"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"squares: argument 'n' must be an integer, got 'abc'"_s},
        {"int out of range",
         u"squares"_s,
         {u"n=10001"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"squares: argument 'n' = 10001 is out of range [0, 10000]"_s},
        {"number not finite",
         u"arith"_s,
         {u"a=nan"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"arith: argument 'a' must be a number, got 'nan'"_s},
        {"unknown argument",
         u"squares"_s,
         {u"m=3"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"task 'squares' has no argument 'm' (known: n, delay_ms, identity, exit)"_s},
        {"not key=value",
         u"squares"_s,
         {u"n"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"expected key=value, got 'n'"_s},
        {"argument twice",
         u"squares"_s,
         {u"n=3"_s, u"n=4"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"squares: argument 'n' given twice"_s},
        {"bad choice",
         u"arith"_s,
         {u"op=pow"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"arith: argument 'op' must be one of mul3,sum3,sumdiv,muladd,muldiv, got 'pow'"_s},
        // sys.exit() after the work, as multiprocessing's _bootstrap handles SystemExit.
        {"exit 3", u"greeting"_s, {u"exit=3"_s}, false, 3, {u"Hola Saul"_s}, {}, {}, {}},
        {"exit 0", u"greeting"_s, {u"exit=0"_s}, false, 0, {u"Hola Saul"_s}, {}, {}, {}},
        {"exit 255", u"sleep"_s, {u"ms=1"_s, u"announce=0"_s, u"exit=255"_s}, false, 255, {}, {}, {}, {}},
        {"exit 256 is 0", u"greeting"_s, {u"exit=256"_s}, false, 0, {u"Hola Saul"_s}, {}, {}, {}},
        {"exit -1 is 255", u"greeting"_s, {u"exit=-1"_s}, false, 255, {u"Hola Saul"_s}, {}, {}, {}},
        {"exit text", u"greeting"_s, {u"exit=adiós"_s}, false, 1, {u"Hola Saul"_s}, {}, {}, {}},
        {"exit quoted number is text",
         u"greeting"_s,
         {u"exit=\"3\""_s},
         false,
         1,
         {u"Hola Saul"_s},
         {},
         {},
         {}},
        {"exit after a failure keeps the failure",
         u"arith"_s,
         {u"op=sumdiv"_s, u"c=0"_s, u"exit=7"_s},
         false,
         1,
         {},
         {},
         u"ZeroDivisionError"_s,
         u"division by zero"_s},
        {"exit out of range",
         u"greeting"_s,
         {u"exit=2147483648"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"greeting: argument 'exit' = 2147483648 is out of range [-2147483648, 2147483647]"_s},
        {"exit twice",
         u"greeting"_s,
         {u"exit=1"_s, u"exit=2"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"greeting: argument 'exit' given twice"_s},
        {"bad identity",
         u"greeting"_s,
         {u"identity=2:0"_s},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"greeting: argument 'identity' must be like 2 or 2:1 (positive numbers joined by ':'), got '2:0'"_s},
        {"unknown task",
         u"nosuchtask"_s,
         {},
         false,
         1,
         {},
         {},
         u"ValueError"_s,
         u"unknown task 'nosuchtask' (known: greeting, info, *"_s},
    };
    // "worker": concurrente-worker run directly (what spawn execs); the others: started by the
    // main program with that start method.
    for (const QString &launcher : {u"worker"_s, u"spawn"_s, u"fork"_s, u"forkserver"_s})
        for (const Row &r : rows)
            QTest::addRow("%s %s", qPrintable(launcher), r.tag)
                << launcher << r.task << r.args << r.daemon << r.exitCode << r.prints << r.result
                << r.errorType << r.errorMessage;
}

void TestHelpers::task()
{
    QFETCH(QString, launcher);
    QFETCH(QString, task);
    QFETCH(QStringList, args);
    QFETCH(bool, daemon);
    QFETCH(int, exitCode);
    QFETCH(QStringList, prints);
    QFETCH(QString, result);
    QFETCH(QString, errorType);
    QFETCH(QString, errorMessage);
    const QString name = u"Proceso_LCD-CC"_s;
    const bool viaMain = launcher != u"worker";
    const bool fork = launcher == u"fork";

    std::unique_ptr<Proc> p;
    if (viaMain) {
        p = std::make_unique<Proc>(
            u"concurrente-main"_s,
            QStringList{u"--worker"_s, QDir(Proc::binDir()).filePath(u"concurrente-worker"_s)});
        QVERIFY(p->started());
        p->write(startCommand(name, task, daemon, args, launcher));
        p->closeInput(); // the helper waits for its child, then exits 0
    } else {
        QStringList argv{u"--name"_s, name, u"--task"_s, task};
        if (daemon)
            argv << u"--daemon"_s;
        p = std::make_unique<Proc>(u"concurrente-worker"_s, argv + args);
        QVERIFY(p->started());
    }
    QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
    QVERIFY2(p->lines.problems.isEmpty(), qPrintable(p->lines.problems.join(u'\n')));

    qint64 pid = p->pid();
    qint64 parent = m_self;
    if (viaMain) {
        QCOMPARE(p->exitCode(), 0);
        QVERIFY(p->has(u"helper_ready"_s));
        const QJsonObject forked = p->first(u"forked"_s);
        QCOMPARE(forked.value(u"name").toString(), name);
        QCOMPARE(forked.value(u"start_method").toString(), launcher);
        // Under forkserver the worker's parent is the server the main program forked.
        parent = p->pid();
        if (launcher == u"forkserver") {
            const QJsonObject server = p->first(u"forkserver_started"_s);
            QCOMPARE(server.value(u"ppid").toInteger(), p->pid());
            parent = server.value(u"pid").toInteger();
            QCOMPARE(p->first(u"exited"_s, parent).value(u"exitcode").toInt(-1), 0);
        }
        QCOMPARE(forked.value(u"ppid").toInteger(), parent);
        pid = forked.value(u"pid").toInteger();
        const QJsonObject exited = p->first(u"exited"_s, pid);
        QCOMPARE(exited.value(u"exitcode").toInt(), exitCode);
        QCOMPARE(exited.value(u"adopted").toBool(), false);
    } else {
        QCOMPARE(p->exitCode(), exitCode);
    }

    const QJsonObject start = p->first(u"start"_s, pid);
    QCOMPARE(start.value(u"name").toString(), name);
    QCOMPARE(start.value(u"ppid").toInteger(), parent);
    QCOMPARE(start.value(u"task").toString(), task);
    QCOMPARE(start.value(u"daemon").toBool(), daemon);
    QCOMPARE(start.value(u"start_method").toString(), viaMain ? launcher : u"spawn"_s);
    QCOMPARE(p->lines.events.first().value(u"ev").toString(), viaMain ? u"helper_ready"_s : u"start"_s);

    if (prints != QStringList{u"*"_s}) {
        QStringList expected;
        for (QString line : prints)
            expected.append(line.replace(u"{pid}"_s, QString::number(pid))
                                .replace(u"{ppid}"_s, QString::number(parent))
                                .replace(u"{name}"_s, name)
                                .replace(u"{__name__}"_s, fork ? u"__main__"_s : u"__mp_main__"_s));
        QCOMPARE(printsOf(p->all(u"print"_s, pid)), expected);
    }

    const QJsonObject res = p->first(u"result"_s, pid);
    if (result.isEmpty())
        QVERIFY(res.isEmpty());
    else if (result != u"*")
        QCOMPARE(res.value(u"text").toString(), result);
    else
        QVERIFY(!res.isEmpty());

    const QJsonObject error = p->first(u"error"_s, pid);
    QCOMPARE(error.value(u"type").toString(), errorType);
    if (errorMessage.endsWith(u'*'))
        QVERIFY2(error.value(u"message").toString().startsWith(errorMessage.chopped(1)),
                 qPrintable(error.value(u"message").toString()));
    else
        QCOMPARE(error.value(u"message").toString(), errorMessage);

    // A worker that returns says so; one killed by a signal cannot.
    const QList<QJsonObject> exits = p->all(u"exit"_s, pid);
    if (exitCode >= 0) {
        QCOMPARE(exits.size(), 1);
        QCOMPARE(exits.first().value(u"code").toInt(), exitCode);
    } else {
        QVERIFY(exits.isEmpty());
    }

    if (task == u"burn") {
        QVERIFY(res.value(u"cpu_ns").toInteger() >= 20'000'000);
        QVERIFY(res.value(u"wall_ns").toInteger() >= res.value(u"cpu_ns").toInteger() - 1'000'000);
    }
    if (task == u"gil") {
        const int threads = args.first().section(u'=', 1).toInt();
        QCOMPARE(res.value(u"threads").toInt(), threads);
        QCOMPARE(res.value(u"thread_cpu_ns").toArray().size(), threads);
        QCOMPARE(res.value(u"thread_drops").toArray().size(), threads);
        QCOMPARE(p->all(u"print"_s, pid).size(), threads + 1);
        if (threads == 1)
            QCOMPARE(res.value(u"gil_switches").toInt(), 0); // nobody to switch to
        // The lock serialises the threads: wall time is about the sum of their CPU times or more,
        // whatever the number of cores (the margin covers thread start-up outside the lock).
        QVERIFY2(res.value(u"wall_ns").toInteger() >= res.value(u"cpu_ns").toInteger() * 8 / 10,
                 qPrintable(QString::fromUtf8(QJsonDocument(res).toJson(QJsonDocument::Compact))));
    }
}

// ---- escaping -------------------------------------------------------------------------------

void TestHelpers::oddNames_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<QString>("name");
    const QList<std::pair<const char *, QString>> names = {
        {"quotes", u"say \"hi\""_s},
        {"backslash", u"C:\\path\\x"_s},
        {"tab", u"a\tb"_s},
        {"newline", u"line1\nline2"_s},
        {"non-ASCII", u"Ñandú 日本 🎉"_s},
        {"control chars", QString::fromUtf8("ctl\x01\x1f\x7f end")},
        {"json-looking", u"{\"ev\":\"exit\"}"_s},
        {"longest", QString(256, u'x')},
    };
    for (const QString &launcher : {u"worker"_s, u"spawn"_s, u"fork"_s, u"forkserver"_s})
        for (const auto &[tag, name] : names)
            QTest::addRow("%s %s", qPrintable(launcher), tag) << launcher << name;
}

void TestHelpers::oddNames()
{
    QFETCH(QString, launcher);
    QFETCH(QString, name);
    std::unique_ptr<Proc> p;
    if (launcher != u"worker") {
        p = std::make_unique<Proc>(
            u"concurrente-main"_s,
            QStringList{u"--worker"_s, QDir(Proc::binDir()).filePath(u"concurrente-worker"_s)});
        QVERIFY(p->started());
        p->write(startCommand(name, u"sleep"_s, false, {u"ms=0"_s}, launcher));
        p->closeInput();
    } else {
        p = std::make_unique<Proc>(u"concurrente-worker"_s,
                                   QStringList{u"--name"_s, name, u"--task"_s, u"sleep"_s, u"ms=0"_s});
        QVERIFY(p->started());
    }
    QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
    QCOMPARE(p->exitCode(), 0);
    QVERIFY2(p->lines.problems.isEmpty(), qPrintable(p->lines.problems.join(u'\n')));
    QCOMPARE(p->first(u"start"_s).value(u"name").toString(), name);
    const QStringList prints = printsOf(p->all(u"print"_s));
    QCOMPARE(prints.value(0), u"Starting process "_s + name + u"..."_s);
    if (launcher != u"worker")
        QCOMPARE(p->first(u"forked"_s).value(u"name").toString(), name);
}

void TestHelpers::invalidUtf8NameIsReplaced()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    p.write("start\tbad\xff\xfe name\tgreeting\n");
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    QCOMPARE(p.first(u"start"_s).value(u"name").toString(), u"bad\uFFFD\uFFFD name"_s);
}

void TestHelpers::randomBytesAlwaysMakeValidLines()
{
    // Names and arguments of arbitrary bytes (NUL, controls, broken UTF-8): every line must
    // still be one valid JSON object in valid UTF-8, and valid UTF-8 must come back unchanged.
    QRandomGenerator rng(20261125);
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    constexpr int kChildren = 120;
    QHash<QString, QByteArray> sentNames; // child name tag -> raw bytes of `who`
    for (int k = 0; k < kChildren; ++k) {
        QByteArray who;
        const int len = int(rng.bounded(1, 300));
        if (k % 2 == 0) {
            // Valid UTF-8: random code points from every plane, controls included.
            QString text;
            for (int i = 0; i < len / 4 + 1; ++i) {
                char32_t cp = rng.bounded(0x110000u);
                if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == '\n' || cp == '\t' || cp == '\\')
                    cp = U'ñ';
                if (rng.bounded(3) == 0)
                    cp = rng.bounded(0x20u);
                text += QString::fromUcs4(&cp, 1);
            }
            who = text.replace(u'\n', u'n').replace(u'\t', u't').toUtf8();
        }
        for (int i = 0; i < len && k % 2 == 1; ++i) {
            // Mostly high bytes and controls: the interesting cases.
            const quint32 r = rng.bounded(4);
            char c = r == 0   ? char(rng.bounded(0x20))
                     : r == 1 ? char(rng.bounded(0x80, 0x100))
                              : char(rng.bounded(0x20, 0x7f));
            if (c == '\n' || c == '\t' || c == '\\')
                c = 'x'; // the command's own separators and escape
            who += c;
        }
        const QString tag = u"r%1"_s.arg(k);
        sentNames.insert(tag, who);
        p.write("start\t" + tag.toUtf8() + "\tgreeting\twho=" + who + '\n');
    }
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), kChildren, kWaitMs);
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    int exact = 0;
    for (const QJsonObject &start : p.all(u"start"_s)) {
        const qint64 pid = start.value(u"pid").toInteger();
        const QByteArray who = sentNames.value(start.value(u"name").toString());
        QVERIFY(!who.isEmpty());
        const QString text = p.first(u"print"_s, pid).value(u"text").toString();
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString expected = u"Hola "_s + utf8(who);
        if (!utf8.hasError()) {
            QCOMPARE(text, expected);
            ++exact;
        } else {
            QVERIFY(text.contains(QChar::ReplacementCharacter));
        }
    }
    QCOMPARE(p.all(u"start"_s).size(), kChildren);
    QVERIFY(exact >= kChildren / 2);
    qCDebug(lcHelperTest) << exact << "of" << kChildren << "random arguments were valid UTF-8";
}

void TestHelpers::longPrintIsTruncated()
{
    // 1000 control characters escape to 6000 bytes: the line must be cut below 4096 bytes.
    const QString who(1000, QChar(1));
    Proc p(u"concurrente-worker"_s, {u"--name"_s, u"long"_s, u"--task"_s, u"greeting"_s, u"who="_s + who});
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    const QJsonObject print = p.first(u"print"_s);
    QCOMPARE(print.value(u"truncated").toBool(), true);
    const QString text = print.value(u"text").toString();
    QVERIFY(text.size() > 500);
    QVERIFY((u"Hola "_s + who).startsWith(text));
    QVERIFY(text.size() < who.size());
    for (const QByteArray &line : std::as_const(p.lines.rawLines))
        QVERIFY(line.size() < kMaxLine);
    // The other lines of the run are whole.
    QVERIFY(!p.first(u"start"_s).contains(u"truncated"));
}

// ---- command line ---------------------------------------------------------------------------

void TestHelpers::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no name") << QStringList{u"--task"_s, u"greeting"_s} << u"--name NAME is required"_s;
    QTest::newRow("no task") << QStringList{u"--name"_s, u"x"_s} << u"--task TASK is required"_s;
    QTest::newRow("missing value") << QStringList{u"--name"_s} << u"option --name needs a value"_s;
    QTest::newRow("unknown option") << QStringList{u"--nme"_s, u"x"_s} << u"unknown option --nme"_s;
    QTest::newRow("bad start method")
        << QStringList{u"--name"_s, u"x"_s, u"--task"_s, u"greeting"_s, u"--start-method"_s, u"vfork"_s}
        << u"--start-method must be spawn, fork or forkserver"_s;
    QTest::newRow("name too long") << QStringList{u"--name"_s, QString(257, u'n'), u"--task"_s, u"greeting"_s}
                                   << u"--name is longer than 256 bytes"_s;
}

void TestHelpers::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    Proc p(u"concurrente-worker"_s, args);
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(!p.has(u"start"_s));
    const QJsonObject error = p.first(u"error"_s);
    QCOMPARE(error.value(u"type").toString(), u"UsageError"_s);
    QCOMPARE(error.value(u"message").toString(), message);
}

void TestHelpers::listTasks()
{
    QProcess p;
    p.start(QDir(Proc::binDir()).filePath(u"concurrente-worker"_s), {u"--list-tasks"_s});
    QVERIFY(p.waitForFinished(kWaitMs));
    QCOMPARE(p.exitCode(), 0);
    QSet<QString> tasks;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError err{};
        const QJsonObject o = QJsonDocument::fromJson(line, &err).object();
        QCOMPARE(err.error, QJsonParseError::NoError);
        QVERIFY(o.value(u"args").isArray());
        tasks.insert(o.value(u"task").toString());
    }
    for (const QString &t : {u"greeting"_s, u"info"_s, u"squares"_s, u"cubes"_s, u"arith"_s, u"sleep"_s,
                             u"burn"_s, u"gil"_s, u"spawn_child"_s, u"crash"_s, u"pipe_send"_s,
                             u"pipe_recv"_s, u"producer"_s, u"consumer"_s, u"square_put"_s, u"object"_s})
        QVERIFY2(tasks.contains(t), qPrintable(t));
}

// ---- signals --------------------------------------------------------------------------------

void TestHelpers::workerSigterm()
{
    Proc p(u"concurrente-worker"_s, {u"--name"_s, u"long"_s, u"--task"_s, u"sleep"_s, u"ms=60000"_s});
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.has(u"print"_s), kWaitMs); // "Starting process long..."
    p.process().terminate();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), -15); // CPython: exitcode -15 after terminate()
    QVERIFY(!p.has(u"exit"_s));
}

void TestHelpers::forkHelperSeveralChildren()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    const QList<std::pair<QString, int>> children = {{u"Process-1"_s, 0},
                                                     {u"Worker 2"_s, 1},
                                                     {u"Process-3"_s, -6},
                                                     {u"Process-4"_s, 0},
                                                     {u"Process-5"_s, -11}};
    p.write(startCommand(children[0].first, u"greeting"_s, false, {}));
    p.write(startCommand(children[1].first, u"arith"_s, false, {u"op=sumdiv"_s, u"c=0"_s}));
    p.write(startCommand(children[2].first, u"crash"_s, false, {u"how=abort"_s}));
    p.write(startCommand(children[3].first, u"sleep"_s, true, {u"ms=50"_s}));
    p.write(startCommand(children[4].first, u"crash"_s, false, {u"how=segfault"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), children.size(), kWaitMs);
    QVERIFY(!p.finished()); // still reading commands
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    QCOMPARE(p.first(u"helper_ready"_s).value(u"subreaper").toBool(), false);
    QSet<qint64> pids;
    for (const auto &[name, code] : children) {
        QJsonObject forked;
        for (const QJsonObject &o : p.all(u"forked"_s))
            if (o.value(u"name").toString() == name)
                forked = o;
        QVERIFY2(!forked.isEmpty(), qPrintable(name));
        const qint64 pid = forked.value(u"pid").toInteger();
        pids.insert(pid);
        QCOMPARE(forked.value(u"ppid").toInteger(), p.pid());
        const QJsonObject start = p.first(u"start"_s, pid);
        QCOMPARE(start.value(u"name").toString(), name);
        QCOMPARE(start.value(u"ppid").toInteger(), p.pid());
        QCOMPARE(start.value(u"start_method").toString(), u"fork"_s);
        const QJsonObject exited = p.first(u"exited"_s, pid);
        QCOMPARE(exited.value(u"exitcode").toInt(), code);
        QCOMPARE(exited.value(u"name").toString(), name);
        const int status = exited.value(u"status").toInt();
        QCOMPARE(code < 0 ? -WTERMSIG(status) : WEXITSTATUS(status), code);
    }
    QCOMPARE(pids.size(), children.size());
    QCOMPARE(p.first(u"start"_s, p.first(u"forked"_s).value(u"pid").toInteger()).value(u"daemon").toBool(),
             false);
}

void TestHelpers::forkHelperSigtermChild()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    p.write(startCommand(u"long"_s, u"sleep"_s, false, {u"ms=60000"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(p.has(u"print"_s), kWaitMs);
    const qint64 child = p.first(u"forked"_s).value(u"pid").toInteger();
    QVERIFY(child > 0);
    QCOMPARE(::kill(pid_t(child), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(p.has(u"exited"_s, child), kWaitMs);
    QCOMPARE(p.first(u"exited"_s, child).value(u"exitcode").toInt(), -15);
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
}

void TestHelpers::forkHelperSigtermKillsChildren()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    for (int k = 0; k < 3; ++k)
        p.write(startCommand(u"w%1"_s.arg(k), u"sleep"_s, k == 0, {u"ms=60000"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"start"_s).size(), 3, kWaitMs);
    p.process().terminate();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), -15); // the helper ends by the signal that ended it
    const QList<QJsonObject> exited = p.all(u"exited"_s);
    QCOMPARE(exited.size(), 3);
    for (const QJsonObject &e : exited)
        QCOMPARE(e.value(u"exitcode").toInt(), -9);
}

void TestHelpers::forkHelperBadCommands()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    p.write("launch\tx\tgreeting\n");
    p.write("start\tonlyname\n");
    p.write("start\t\tgreeting\n");
    p.write("pipe\n");
    p.write("pipe_close\tnone\n");
    p.write("start\tok\tgreeting\n"); // the helper goes on after bad commands
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    const QList<QJsonObject> errors = p.all(u"command_error"_s);
    QCOMPARE(errors.size(), 5);
    QCOMPARE(errors.first().value(u"line").toString(), u"launch\tx\tgreeting"_s);
    QCOMPARE(p.all(u"forked"_s).size(), 1);
    QCOMPARE(printsOf(p.all(u"print"_s)), QStringList{u"Hola Saul"_s});
}

void TestHelpers::forkHelperReportsAStartItCannotMake()
{
    // A worker that cannot be created is reported as fork_failed, naming it and the cause, and
    // the main program goes on. Here a spawn worker names a pipe that does not exist (a fork
    // worker would be created and raise ValueError itself, as in Python).
    Proc p(u"concurrente-main"_s,
           QStringList{u"--worker"_s, QDir(Proc::binDir()).filePath(u"concurrente-worker"_s)});
    QVERIFY(p.started());
    p.write(startCommand(u"sin-tubo"_s, u"pipe_recv"_s, false, {u"pipe=nosuch"_s}, u"spawn"_s));
    p.write(startCommand(u"ok"_s, u"greeting"_s, false, {}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), 1, kWaitMs);
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    const QList<QJsonObject> failed = p.all(u"fork_failed"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0].value(u"name").toString(), u"sin-tubo"_s);
    QVERIFY2(failed[0].value(u"message").toString().contains(u"nosuch"_s),
             qPrintable(failed[0].value(u"message").toString()));
    QCOMPARE(p.all(u"forked"_s).size(), 1);
    QCOMPARE(p.all(u"exited"_s).value(0).value(u"name").toString(), u"ok"_s);
    QCOMPARE(printsOf(p.all(u"print"_s)), QStringList{u"Hola Saul"_s});
}

void TestHelpers::forkHelperKilledTakesChildren()
{
    // SIGKILL leaves the helper no time to clean up: the children's parent-death signal must.
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    for (int k = 0; k < 2; ++k)
        p.write(startCommand(u"w%1"_s.arg(k), u"sleep"_s, false, {u"ms=60000"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"start"_s).size(), 2, kWaitMs);
    const QList<QJsonObject> starts = p.all(u"start"_s);
    p.process().kill();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    for (const QJsonObject &s : starts)
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(s.value(u"pid").toInteger()), kWaitMs);
}

void TestHelpers::forkedChildStartsClean_data()
{
    QTest::addColumn<bool>("afterCall");
    QTest::newRow("single-threaded main program") << false;
    QTest::newRow("after a call started a thread") << true;
}

void TestHelpers::forkedChildStartsClean()
{
    // What a forked worker must not keep of the main program: its blocked signals (SIGCHLD and
    // the rest reach the main program through a signalfd), its ignored SIGPIPE, its command pipe
    // on standard input, its signalfd and /dev/null copy. Both ways the main program forks:
    // _Fork() while it has only ever had one thread, fork() once a `call` has started one.
    QFETCH(bool, afterCall);
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    if (afterCall) {
        p.write("call\tsleep\tms=0\n");
        QTRY_COMPARE_WITH_TIMEOUT(p.all(u"call_done"_s).size(), 1, kWaitMs);
    }
    p.write(startCommand(u"Process-1"_s, u"sleep"_s, false, {u"ms=60000"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"start"_s).size(), 1, kWaitMs);
    const QJsonObject start = p.first(u"start"_s);
    const qint64 pid = start.value(u"pid").toInteger();
    QCOMPARE(start.value(u"ppid").toInteger(), p.pid());
    QCOMPARE(p.first(u"forked"_s).value(u"pid").toInteger(), pid);

    QFile status(u"/proc/%1/status"_s.arg(pid));
    QVERIFY(status.open(QIODevice::ReadOnly));
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            fields.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    // Whatever fails below, the worker goes (its parent-death signal would, but later).
    const auto killWorker = qScopeGuard([pid] { ::kill(pid_t(pid), SIGKILL); });
    QCOMPARE(fields.value("SigBlk"), QByteArray("0000000000000000"));
    QCOMPARE(fields.value("SigIgn"), QByteArray("0000000000000000"));
    // Signals 1-31 only: after a thread, libc's own real-time signal for set*id() stays handled.
    // A sanitizer build's runtime handles SIGSEGV, SIGBUS and SIGFPE itself, from before main().
#if defined(__SANITIZE_ADDRESS__)
    constexpr quint32 kRuntimeSignals = (1u << (SIGSEGV - 1)) | (1u << (SIGBUS - 1)) | (1u << (SIGFPE - 1));
#else
    constexpr quint32 kRuntimeSignals = 0;
#endif
    bool hex = false;
    const quint32 caught = fields.value("SigCgt").right(8).toUInt(&hex, 16);
    QVERIFY(hex);
    QCOMPARE(caught & ~kRuntimeSignals, 0u);

    QStringList fds;
    const QString fdDir = u"/proc/%1/fd"_s.arg(pid);
    for (const QString &fd : QDir(fdDir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[256] = {};
        const ssize_t n =
            ::readlink(QFile::encodeName(fdDir + u'/' + fd).constData(), target, sizeof target - 1);
        fds.append(fd + u" -> "_s + QString::fromLocal8Bit(target, n > 0 ? n : 0));
    }
    fds.sort();
    QCOMPARE(fds.size(), 3); // standard input, output (the events) and error only
    QCOMPARE(fds.value(0), u"0 -> /dev/null"_s);

    p.process().kill(); // the worker's parent-death signal ends it
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!isRunning(pid), kWaitMs);
}

// ---- orphans --------------------------------------------------------------------------------

void TestHelpers::orphan_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<bool>("subreaper");
    QTest::newRow("qprocess") << u"qprocess"_s << false;
    QTest::newRow("fork") << u"fork"_s << false;
    QTest::newRow("fork subreaper") << u"fork"_s << true;
}

void TestHelpers::orphan()
{
    QFETCH(QString, launcher);
    QFETCH(bool, subreaper);
    const QStringList taskArgs{u"ms=60000"_s, u"child_ms=60000"_s, u"identity=2"_s};
    const QString name = u"padre"_s;

    // Events come through a pipe of ours that outlives the worker (as the engine's does), so the
    // grandchild can still report after its parent died.
    PipeReader reader;
    const int fd = reader.writeFd();
    QVERIFY(fd >= 0);
    auto modifier = [fd] { inheritAs(fd, 3); };
    qputenv("CONCURRENTE_EVENT_FD", "3");
    std::unique_ptr<Proc> p;
    if (launcher == u"fork") {
        p = std::make_unique<Proc>(u"concurrente-main"_s,
                                   subreaper ? QStringList{u"--subreaper"_s} : QStringList{}, modifier);
        QVERIFY(p->started());
        p->write(startCommand(name, u"spawn_child"_s, false, taskArgs));
    } else {
        p = std::make_unique<Proc>(u"concurrente-worker"_s,
                                   QStringList{u"--name"_s, name, u"--task"_s, u"spawn_child"_s} + taskArgs,
                                   modifier);
        QVERIFY(p->started());
    }
    qunsetenv("CONCURRENTE_EVENT_FD");
    reader.closeWriteEnd(); // only the helpers hold it now

    const QString childName = u"Process-2:1"_s; // CPython's name for the first child of identity 2
    QJsonObject childStart;
    QTRY_VERIFY_WITH_TIMEOUT(!(childStart =
                                   [&] {
                                       for (const QJsonObject &o : reader.lines.events)
                                           if (o.value(u"ev").toString() == u"start" &&
                                               o.value(u"name").toString() == childName)
                                               return o;
                                       return QJsonObject();
                                   }())
                                  .isEmpty(),
                             kWaitMs);
    const qint64 worker = childStart.value(u"ppid").toInteger();
    const qint64 grandchild = childStart.value(u"pid").toInteger();
    QCOMPARE(reader.first(u"start"_s, worker).value(u"name").toString(), name);
    QCOMPARE(parentOf(grandchild), worker);

    // terminate() the worker: its child is not ended with it (the notebook's orphans).
    QCOMPARE(::kill(pid_t(worker), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!reader.first(u"reparented"_s, grandchild).isEmpty(), kWaitMs);
    const QJsonObject rep = reader.first(u"reparented"_s, grandchild);
    QCOMPARE(rep.value(u"old_ppid").toInteger(), worker);
    const qint64 adopter = subreaper ? p->pid() : m_self; // else the nearest subreaper: this test
    QCOMPARE(rep.value(u"ppid").toInteger(), adopter);
    QCOMPARE(parentOf(grandchild), adopter);
    QVERIFY(isRunning(grandchild));
    QVERIFY2(reader.lines.problems.isEmpty(), qPrintable(reader.lines.problems.join(u'\n')));

    if (launcher == u"fork") {
        QTRY_VERIFY_WITH_TIMEOUT(!reader.first(u"exited"_s, worker).isEmpty(), kWaitMs);
        QCOMPARE(reader.first(u"exited"_s, worker).value(u"exitcode").toInt(), -15);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
        QCOMPARE(p->exitCode(), -15);
    }

    if (subreaper) {
        // The helper adopted the orphan: ending the helper ends it, reaped and reported.
        p->process().terminate();
        QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
        const QJsonObject exited = reader.first(u"exited"_s, grandchild);
        QCOMPARE(exited.value(u"adopted").toBool(), true);
        QCOMPARE(exited.value(u"exitcode").toInt(), -9);
    } else {
        // No parent-death signal on the orphan: it ends because its event reader is gone.
        p->closeInput();
        reader.closeAll();
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(grandchild), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
    }
    QVERIFY(!isRunning(grandchild));
}

// sys.exit("text"): CPython writes the text and a newline on stderr and the exit code is 1.
void TestHelpers::exitTextGoesToStderr_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::newRow("text") << u"exit=se acabó"_s << QByteArray("se acabó\n");
    QTest::newRow("quoted") << u"exit=\"42\""_s << QByteArray("42\n");
    QTest::newRow("empty quoted") << u"exit=\"\""_s << QByteArray("\n");
}

void TestHelpers::exitTextGoesToStderr()
{
    QFETCH(QString, arg);
    QFETCH(QByteArray, stderrText);
    Proc p(u"concurrente-worker"_s, {u"--name"_s, u"Process-1"_s, u"--task"_s, u"sleep"_s, u"ms=1"_s, arg});
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 1);
    QCOMPARE(p.process().readAllStandardError(), stderrText);
    QCOMPARE(p.first(u"exit"_s).value(u"code"_s).toInt(), 1);
    QVERIFY(!p.has(u"error"_s)); // SystemExit is no error: no traceback, no error event
}

// CPython names a child `Process-` + ':'.join(identity): the parent's identity plus a counter
// that restarts at 1 in every process, whatever name the parent was given.
void TestHelpers::grandchildNames_data()
{
    QTest::addColumn<QString>("launcher");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected"); // the worker's identity, then its descendants' names
    QTest::newRow("identity given") << u"qprocess"_s << u"Worker 1"_s << QStringList{u"identity=2"_s}
                                    << QStringList{u"2"_s, u"Process-2:1"_s};
    QTest::newRow("from the name") << u"qprocess"_s << u"Process-3"_s << QStringList{}
                                   << QStringList{u"3"_s, u"Process-3:1"_s};
    QTest::newRow("neither") << u"qprocess"_s << u"padre"_s << QStringList{}
                             << QStringList{u"1"_s, u"Process-1:1"_s};
    QTest::newRow("deeper identity") << u"qprocess"_s << u"x"_s << QStringList{u"identity=4:2"_s}
                                     << QStringList{u"4:2"_s, u"Process-4:2:1"_s};
    QTest::newRow("fork, identity given") << u"fork"_s << u"Worker 2"_s << QStringList{u"identity=5"_s}
                                          << QStringList{u"5"_s, u"Process-5:1"_s};
    QTest::newRow("depth 2") << u"qprocess"_s << u"Process-2"_s << QStringList{u"depth=2"_s}
                             << QStringList{u"2"_s, u"Process-2:1"_s, u"Process-2:1:1"_s};
    QTest::newRow("fork, depth 2") << u"fork"_s << u"Process-7"_s
                                   << QStringList{u"identity=2"_s, u"depth=2"_s}
                                   << QStringList{u"2"_s, u"Process-2:1"_s, u"Process-2:1:1"_s};
}

void TestHelpers::grandchildNames()
{
    QFETCH(QString, launcher);
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const QStringList taskArgs = QStringList{u"ms=1"_s, u"child_ms=50"_s} + args;
    PipeReader reader;
    const int fd = reader.writeFd();
    QVERIFY(fd >= 0);
    auto modifier = [fd] { inheritAs(fd, 3); };
    qputenv("CONCURRENTE_EVENT_FD", "3");
    std::unique_ptr<Proc> p;
    if (launcher == u"fork") {
        p = std::make_unique<Proc>(u"concurrente-main"_s, QStringList{}, modifier);
        QVERIFY(p->started());
        p->write(startCommand(name, u"spawn_child"_s, false, taskArgs));
        p->closeInput();
    } else {
        p = std::make_unique<Proc>(u"concurrente-worker"_s,
                                   QStringList{u"--name"_s, name, u"--task"_s, u"spawn_child"_s} + taskArgs,
                                   modifier);
        QVERIFY(p->started());
    }
    qunsetenv("CONCURRENTE_EVENT_FD");
    reader.closeWriteEnd();
    QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
    // Every descendant has ended (each joins its child) once the worker is reaped.
    auto exits = [&reader] {
        return std::count_if(reader.lines.events.cbegin(), reader.lines.events.cend(),
                             [](const QJsonObject &o) { return o.value(u"ev"_s) == u"exit"_s; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(exits(), std::ptrdiff_t(expected.size()), kWaitMs);
    QVERIFY2(reader.lines.problems.isEmpty(), qPrintable(reader.lines.problems.join(u'\n')));
    QStringList got;
    qint64 parentPid = 0;
    for (const QJsonObject &o : std::as_const(reader.lines.events)) {
        if (o.value(u"ev"_s).toString() != u"start"_s)
            continue;
        if (got.isEmpty()) {
            QCOMPARE(o.value(u"name"_s).toString(), name);
            got.append(o.value(u"identity"_s).toString());
        } else {
            QCOMPARE(o.value(u"ppid"_s).toInteger(), parentPid); // each one is its parent's child
            QCOMPARE(o.value(u"identity"_s).toString(), o.value(u"name"_s).toString().mid(8));
            got.append(o.value(u"name"_s).toString());
        }
        parentPid = o.value(u"pid"_s).toInteger();
    }
    QCOMPARE(got, expected);
    for (const QJsonObject &o : std::as_const(reader.lines.events))
        if (o.value(u"ev"_s).toString() == u"exit"_s)
            QCOMPARE(o.value(u"code"_s).toInt(), 0);
}

// ---- pipes ----------------------------------------------------------------------------------

void TestHelpers::pipeThroughForkHelper()
{
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    p.write("pipe\tp1\n");
    p.write(startCommand(u"receptor"_s, u"pipe_recv"_s, false, {u"pipe=p1"_s}));
    p.write(startCommand(u"emisor"_s, u"pipe_send"_s, false,
                         {u"pipe=p1"_s, u"label=p1"_s, u"count=4"_s, u"from=10"_s}));
    p.write("pipe_close\tp1\n"); // the receiver sees end-of-file once the sender is done
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), 2, kWaitMs);
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    for (const QJsonObject &e : p.all(u"exited"_s))
        QCOMPARE(e.value(u"exitcode").toInt(), 0);
    const QList<QJsonObject> puts = p.all(u"put"_s);
    const QList<QJsonObject> gets = p.all(u"get"_s);
    QCOMPARE(puts.size(), 4);
    QCOMPARE(gets.size(), 4);
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(gets[k].value(u"value").toInt(), 10 + k);
        QCOMPARE(gets[k].value(u"seq").toInt(), k);
        QCOMPARE(gets[k].value(u"queue").toString(), u"p1"_s);
        QCOMPARE(gets[k].value(u"producer").toInteger(), puts[k].value(u"pid").toInteger());
    }
    QCOMPARE(printsOf(p.all(u"print"_s, gets[0].value(u"pid").toInteger())).value(0), u"Recibido: 10"_s);
}

void TestHelpers::pipeThroughInheritedFd()
{
    int fds[2];
    QCOMPARE(pipe2(fds, O_CLOEXEC), 0);
    const int readFd = fds[0], writeFd = fds[1];
    // Each worker gets its end as fd 5.
    Proc sender(u"concurrente-worker"_s,
                {u"--name"_s, u"emisor"_s, u"--task"_s, u"pipe_send"_s, u"fd=5"_s, u"count=3"_s},
                [writeFd] { inheritAs(writeFd, 5); });
    Proc receiver(u"concurrente-worker"_s,
                  {u"--name"_s, u"receptor"_s, u"--task"_s, u"pipe_recv"_s, u"fd=5"_s, u"count=3"_s},
                  [readFd] { inheritAs(readFd, 5); });
    QVERIFY(sender.started());
    QVERIFY(receiver.started());
    ::close(readFd);
    ::close(writeFd);
    QTRY_VERIFY_WITH_TIMEOUT(sender.finished() && receiver.finished(), kWaitMs);
    QCOMPARE(sender.exitCode(), 0);
    QCOMPARE(receiver.exitCode(), 0);
    QCOMPARE(printsOf(receiver.all(u"print"_s)),
             (QStringList{u"Recibido: 1"_s, u"Recibido: 2"_s, u"Recibido: 3"_s}));
    QCOMPARE(receiver.first(u"get"_s).value(u"producer").toInteger(), sender.pid());

    // A descriptor that is not open is an OSError, not a crash.
    Proc bad(u"concurrente-worker"_s, {u"--name"_s, u"x"_s, u"--task"_s, u"pipe_recv"_s, u"fd=77"_s});
    QVERIFY(bad.started());
    QTRY_VERIFY_WITH_TIMEOUT(bad.finished(), kWaitMs);
    QCOMPARE(bad.exitCode(), 1);
    QCOMPARE(bad.first(u"error"_s).value(u"type").toString(), u"OSError"_s);
}

// ---- queues ---------------------------------------------------------------------------------

void TestHelpers::queueProducerConsumer()
{
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 4, 256);
    QVERIFY(q.has_value());
    const QString segment = QString::fromStdString(q->name());
    // Two producers (5 values each, then one sentinel each) and two consumers (exercise 3).
    std::vector<std::unique_ptr<Proc>> procs;
    for (int k = 0; k < 2; ++k)
        procs.push_back(std::make_unique<Proc>(
            u"concurrente-worker"_s,
            QStringList{u"--name"_s, u"prod%1"_s.arg(k), u"--task"_s, u"producer"_s, u"queue="_s + segment,
                        u"label=q"_s, u"count=5"_s, u"from=%1"_s.arg(100 * k), u"sentinels=1"_s}));
    for (int k = 0; k < 2; ++k)
        procs.push_back(std::make_unique<Proc>(
            u"concurrente-worker"_s, QStringList{u"--name"_s, u"cons%1"_s.arg(k), u"--task"_s, u"consumer"_s,
                                                 u"queue="_s + segment, u"label=q"_s}));
    for (auto &p : procs)
        QVERIFY(p->started());
    for (auto &p : procs) {
        QTRY_VERIFY_WITH_TIMEOUT(p->finished(), kWaitMs);
        QCOMPARE(p->exitCode(), 0);
        QVERIFY2(p->lines.problems.isEmpty(), qPrintable(p->lines.problems.join(u'\n')));
    }
    // Every value put is got exactly once; FIFO per producer.
    QMap<qint64, QList<int>> putSeqs, gotSeqs;
    QList<qint64> gotValues;
    for (int k = 0; k < 2; ++k)
        for (const QJsonObject &o : procs[k]->all(u"put"_s))
            if (!o.value(u"value").isNull())
                putSeqs[o.value(u"producer").toInteger()].append(o.value(u"seq").toInt());
    for (int k = 2; k < 4; ++k)
        for (const QJsonObject &o : procs[k]->all(u"get"_s)) {
            QCOMPARE(o.value(u"queue").toString(), u"q"_s);
            if (o.value(u"value").isNull())
                continue; // a sentinel
            gotSeqs[o.value(u"producer").toInteger()].append(o.value(u"seq").toInt());
            gotValues.append(o.value(u"value").toInteger());
        }
    QCOMPARE(putSeqs.size(), 2);
    for (auto it = putSeqs.cbegin(); it != putSeqs.cend(); ++it) {
        QList<int> got = gotSeqs.value(it.key());
        QCOMPARE(got.size(), 5);
        std::sort(got.begin(), got.end());
        QCOMPARE(got, it.value());
    }
    std::sort(gotValues.begin(), gotValues.end());
    QCOMPARE(gotValues, (QList<qint64>{0, 1, 2, 3, 4, 100, 101, 102, 103, 104}));
    QCOMPARE(q->stats().depthMessages, 0u);
}

void TestHelpers::queueLongMessageKeepsItsProducer()
{
    // A message of 64 KiB (the queue's limit) cannot fit in one event line: its value is cut,
    // the `get` still names its producer and seq, and both the event and the consumer's print
    // ("Se lee de la cola: xxx...") say truncated.
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 2, shmq::kMaxMessageBytes);
    QVERIFY(q.has_value());
    const QByteArray head = R"({"p":4242,"s":7,"v":")";
    const QByteArray payload =
        head + QByteArray(qsizetype(shmq::kMaxMessageBytes) - head.size() - 2, 'x') + "\"}";
    QCOMPARE(payload.size(), qsizetype(shmq::kMaxMessageBytes));
    QCOMPARE(q->put(std::as_bytes(std::span(payload.constData(), size_t(payload.size())))), shmq::Result::Ok);
    Proc p(u"concurrente-worker"_s,
           {u"--name"_s, u"cons"_s, u"--task"_s, u"consumer"_s,
            u"queue="_s + QString::fromStdString(q->name()), u"label=q"_s, u"count=1"_s});
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    const QJsonObject get = p.first(u"get"_s);
    QCOMPARE(get.value(u"producer").toInteger(), 4242);
    QCOMPARE(get.value(u"seq").toInteger(), 7);
    QCOMPARE(get.value(u"truncated").toBool(), true);
    QVERIFY(get.value(u"value").toString().startsWith(u"xxxx"_s));
    const QJsonObject print = p.first(u"print"_s);
    QVERIFY(print.value(u"text").toString().startsWith(u"Se lee de la cola: xxxx"_s));
    QCOMPARE(print.value(u"truncated").toBool(), true);
    for (const QByteArray &line : std::as_const(p.lines.rawLines))
        QVERIFY(line.size() < kMaxLine);
}

void TestHelpers::queueSquarePutAndObject()
{
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 4, 256);
    QVERIFY(q.has_value());
    const QString segment = QString::fromStdString(q->name());

    // The notebook's worker(num, q): the child puts 25, the parent reads it.
    {
        Proc p(u"concurrente-worker"_s, {u"--name"_s, u"Process-1"_s, u"--task"_s, u"square_put"_s,
                                         u"queue="_s + segment, u"num=5"_s});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(printsOf(p.all(u"print"_s)), QStringList{u"Se pone en la cola: 25"_s});
        std::vector<std::byte> buf;
        QCOMPARE(q->get(buf, std::chrono::seconds(1)), shmq::Result::Ok);
        const QByteArray msg(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
        QCOMPARE(msg, "{\"p\":" + QByteArray::number(p.pid()) + ",\"s\":0,\"v\":25}");
    }
    // The notebook's MyWorker: the parent puts the object, the child processes it.
    {
        const std::string obj = "{\"p\":" + std::to_string(m_self) + ",\"s\":0,\"v\":{\"x\":5}}";
        QCOMPARE(q->put(std::string_view(obj)), shmq::Result::Ok);
        Proc p(u"concurrente-worker"_s,
               {u"--name"_s, u"Process-17"_s, u"--task"_s, u"object"_s, u"queue="_s + segment});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(printsOf(p.all(u"print"_s)), QStringList{u"Starting process Process-17 for number 5..."_s});
        QCOMPARE(p.first(u"get"_s).value(u"value").toString(), u"{\"x\":5}"_s);
        QCOMPARE(p.first(u"get"_s).value(u"queue").toString(), segment); // no label: the segment name
        QCOMPARE(p.first(u"get"_s).value(u"producer").toInteger(), m_self);
    }
    // A garbage payload is reported as such, never trusted.
    {
        QCOMPARE(q->put(std::string_view("{\"p\":1,\"s\":x,\"v\":\"\x01")), shmq::Result::Ok);
        Proc p(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment, u"count=1"_s});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
        QCOMPARE(p.first(u"get"_s).value(u"seq").toInt(), -1);
    }
    // A consumer on an empty queue raises queue.Empty after its timeout.
    {
        Proc p(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment, u"timeout_ms=50"_s});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(p.first(u"error"_s).value(u"type").toString(), u"Empty"_s);
    }
    // close() ends a consumer that waits for more.
    {
        Proc p(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.has(u"start"_s), kWaitMs);
        q->close();
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 0);
    }
}

void TestHelpers::queueMissingSegment()
{
    Proc p(u"concurrente-worker"_s, {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s,
                                     u"queue=/concurrente-q-1-none-0000000000000000"_s});
    QVERIFY(p.started());
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 1);
    QCOMPARE(p.first(u"error"_s).value(u"type").toString(), u"OSError"_s);
    QVERIFY(!p.first(u"error"_s).value(u"message").toString().isEmpty());
}

void TestHelpers::queueThroughForkHelper()
{
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 8, 256);
    QVERIFY(q.has_value());
    const QString queueArg = u"queue="_s + QString::fromStdString(q->name());
    Proc p(u"concurrente-main"_s, {});
    QVERIFY(p.started());
    // MyWorker through the queue between two forked children, and worker(num, q).
    p.write(startCommand(u"Process-17"_s, u"object"_s, false, {queueArg, u"label=q"_s}));
    p.write(startCommand(u"main"_s, u"object"_s, false, {queueArg, u"label=q"_s, u"role=put"_s, u"x=7"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), 2, kWaitMs);
    p.write(startCommand(u"Process-1"_s, u"square_put"_s, false, {queueArg, u"label=q"_s, u"num=6"_s}));
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.lines.problems.isEmpty(), qPrintable(p.lines.problems.join(u'\n')));
    for (const QJsonObject &e : p.all(u"exited"_s))
        QCOMPARE(e.value(u"exitcode").toInt(), 0);
    QVERIFY(printsOf(p.all(u"print"_s)).contains(u"Starting process Process-17 for number 7..."_s));
    const QJsonObject got = p.first(u"get"_s);
    const QJsonObject put = p.first(u"put"_s);
    QCOMPARE(got.value(u"producer").toInteger(), put.value(u"pid").toInteger());
    QCOMPARE(got.value(u"seq").toInt(), put.value(u"seq").toInt());
    std::vector<std::byte> buf;
    QCOMPARE(q->get(buf, std::chrono::seconds(1)), shmq::Result::Ok);
    QVERIFY(
        QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size())).endsWith(",\"v\":36}"));
}

void TestHelpers::queueLockOfAWorkerForkedAfterTheMainProgramPut()
{
    // The queue library caches its pid and refreshes it in a fork() child (a pthread_atfork
    // handler), so once the main program has used a queue its workers must be forked with fork(),
    // not _Fork(), which runs no handlers: a worker that dies holding the producers' lock must
    // be seen as the dead holder, not as the living main program, so the next producer can take
    // the lock over.
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers-lock", 8, 256);
    QVERIFY(q.has_value());
    const QByteArray segment = QByteArray::fromStdString(q->name());
    // The second put of a process dies with the lock held: the main program's first put lives,
    // the worker (whose count starts where the main program's was) dies in its own first put.
    qputenv("CONCURRENTE_SHMQ_FAULT", "put_after_lock:2");
    Proc p(u"concurrente-main"_s, {});
    const bool started = p.started();
    qunsetenv("CONCURRENTE_SHMQ_FAULT");
    QVERIFY(started);
    p.write("put\t" + segment + "\tq\t1\t\"hola\"\n");
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"put"_s).size(), 1, kWaitMs);
    p.write(startCommand(u"Process-1"_s, u"producer"_s, false,
                         {u"queue="_s + QString::fromUtf8(segment), u"label=q"_s, u"count=1"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(p.all(u"exited"_s).size(), 1, kWaitMs);
    QCOMPARE(p.first(u"exited"_s).value(u"exitcode").toInt(), -SIGKILL);
    QCOMPARE(q->stats().putLockHolderPid, pid_t(p.first(u"exited"_s).value(u"pid").toInteger()));
    QCOMPARE(q->put(std::string_view("after"), std::chrono::seconds(10)), shmq::Result::Ok);
    QCOMPARE(q->stats().recoveries, 1u);
    p.closeInput();
    QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
}

// ---- Python's int/float distinction ----------------------------------------------------------

namespace {
// The `value` of every `ev` event as written on the line (QJsonValue would read 2.0 as 2).
QStringList rawValues(const LineCollector &lines, const QByteArray &ev)
{
    QStringList out;
    static const QRegularExpression re(u"\"value\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]*)(,\"float\":true)?"_s);
    for (const QByteArray &line : lines.rawLines) {
        if (!line.contains("\"ev\":\"" + ev + '"'))
            continue;
        const auto m = re.match(QString::fromUtf8(line));
        out.append(m.hasMatch() ? m.captured(1) + (m.captured(2).isEmpty() ? u""_s : u" float"_s) : u"?"_s);
    }
    return out;
}
} // namespace

void TestHelpers::floatsStayFloats()
{
    // What a Python consumer gets back is what was put: 2.0 stays a float, big ints stay exact.
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 16, 256);
    QVERIFY(q.has_value());
    const QString segment = QString::fromStdString(q->name());
    for (const char *v :
         {"2.0", "1e+16", "0.30000000000000004", "999999999999999", "-0.0", "1e-05", "\"hola\""}) {
        const std::string msg = std::string("{\"p\":1,\"s\":0,\"v\":") + v + "}";
        QCOMPARE(q->put(std::string_view(msg)), shmq::Result::Ok);
    }
    {
        Proc c(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment, u"count=7"_s});
        QVERIFY(c.started());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(), kWaitMs);
        QCOMPARE(c.exitCode(), 0);
        QCOMPARE(rawValues(c.lines, "get"),
                 (QStringList{u"2.0 float"_s, u"1e+16 float"_s, u"0.30000000000000004 float"_s,
                              u"999999999999999"_s, u"-0.0 float"_s, u"1e-05 float"_s, u"\"hola\""_s}));
        QCOMPARE(c.all(u"get"_s).at(3).value(u"value"_s).toInteger(), 999999999999999);
    }
    // A producer sends floats when `from` is one, or with floats=1; integers otherwise.
    const QList<std::pair<QStringList, QStringList>> producers = {
        {{u"from=2.0"_s}, {u"2.0 float"_s, u"3.0 float"_s}},
        {{u"from=5"_s, u"floats=1"_s}, {u"5.0 float"_s, u"6.0 float"_s}},
        {{u"from=0.5"_s}, {u"0.5 float"_s, u"1.5 float"_s}},
        {{u"from=999999999999999"_s}, {u"999999999999999"_s, u"1000000000000000"_s}},
    };
    for (const auto &[args, expected] : producers) {
        Proc p(u"concurrente-worker"_s, QStringList{u"--name"_s, u"p"_s, u"--task"_s, u"producer"_s,
                                                    u"queue="_s + segment, u"count=2"_s} +
                                            args);
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(rawValues(p.lines, "put"), expected);
        Proc c(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment, u"count=2"_s});
        QVERIFY(c.started());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(), kWaitMs);
        QCOMPARE(rawValues(c.lines, "get"), expected);
    }
    // Through a pipe as well.
    int fds[2];
    QCOMPARE(pipe2(fds, O_CLOEXEC), 0);
    const int readFd = fds[0], writeFd = fds[1];
    Proc sender(
        u"concurrente-worker"_s,
        {u"--name"_s, u"emisor"_s, u"--task"_s, u"pipe_send"_s, u"fd=5"_s, u"count=2"_s, u"from=2.0"_s},
        [writeFd] { inheritAs(writeFd, 5); });
    Proc receiver(u"concurrente-worker"_s,
                  {u"--name"_s, u"receptor"_s, u"--task"_s, u"pipe_recv"_s, u"fd=5"_s, u"count=2"_s},
                  [readFd] { inheritAs(readFd, 5); });
    QVERIFY(sender.started());
    QVERIFY(receiver.started());
    ::close(readFd);
    ::close(writeFd);
    QTRY_VERIFY_WITH_TIMEOUT(sender.finished() && receiver.finished(), kWaitMs);
    QCOMPARE(receiver.exitCode(), 0);
    QCOMPARE(rawValues(sender.lines, "put"), (QStringList{u"2.0 float"_s, u"3.0 float"_s}));
    QCOMPARE(rawValues(receiver.lines, "get"), (QStringList{u"2.0 float"_s, u"3.0 float"_s}));
    // arith's result is marked too, so (2+2)/2 is read back as 2.0, not 2.
    Proc a(u"concurrente-worker"_s,
           {u"--name"_s, u"a"_s, u"--task"_s, u"arith"_s, u"op=sumdiv"_s, u"a=2"_s, u"b=2"_s, u"c=2"_s});
    QVERIFY(a.started());
    QTRY_VERIFY_WITH_TIMEOUT(a.finished(), kWaitMs);
    QCOMPARE(rawValues(a.lines, "result"), QStringList{u"2.0 float"_s});
}

// Each task prints what the lesson's listing prints: print()'s arguments separated by one space,
// str() of each value (python3 3.11 printed the expected lines).
void TestHelpers::printsMatchTheListings()
{
    std::optional<shmq::Queue> q = shmq::Queue::create("tst-helpers", 16, 256);
    QVERIFY(q.has_value());
    const QString segment = QString::fromStdString(q->name());
    for (const char *v : {"\"hola\"", "2.0", "1e+16", "0.30000000000000004", "7", "true", "\"d\\u00eda\""}) {
        const std::string msg = std::string("{\"p\":1,\"s\":0,\"v\":") + v + "}";
        QCOMPARE(q->put(std::string_view(msg)), shmq::Result::Ok);
    }
    {
        Proc c(u"concurrente-worker"_s,
               {u"--name"_s, u"c"_s, u"--task"_s, u"consumer"_s, u"queue="_s + segment, u"count=7"_s});
        QVERIFY(c.started());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(), kWaitMs);
        QCOMPARE(c.exitCode(), 0);
        // print('Se lee de la cola:', x)
        QCOMPARE(printsOf(c.all(u"print"_s)),
                 (QStringList{u"Se lee de la cola: hola"_s, u"Se lee de la cola: 2.0"_s,
                              u"Se lee de la cola: 1e+16"_s, u"Se lee de la cola: 0.30000000000000004"_s,
                              u"Se lee de la cola: 7"_s, u"Se lee de la cola: True"_s,
                              u"Se lee de la cola: día"_s}));
        QCOMPARE(c.all(u"get"_s).at(0).value(u"value"_s).toString(), u"hola"_s);
    }
    {
        Proc p(u"concurrente-worker"_s, {u"--name"_s, u"p"_s, u"--task"_s, u"producer"_s,
                                         u"queue="_s + segment, u"count=2"_s, u"from=2.5"_s});
        QVERIFY(p.started());
        QTRY_VERIFY_WITH_TIMEOUT(p.finished(), kWaitMs);
        QCOMPARE(printsOf(p.all(u"print"_s)),
                 (QStringList{u"Se pone en la cola: 2.5"_s, u"Se pone en la cola: 3.5"_s}));
    }
    // The orphan lesson's hijo() and nieto(): "Hijo   PID {}: mi padre es {}", then the grandchild's
    // "Nieto  PID {}: mi padre es {}" once a second while it lives.
    PipeReader reader;
    const int fd = reader.writeFd();
    QVERIFY(fd >= 0);
    qputenv("CONCURRENTE_EVENT_FD", "3");
    Proc w(u"concurrente-worker"_s,
           {u"--name"_s, u"Process-1"_s, u"--task"_s, u"spawn_child"_s, u"ms=1"_s, u"child_ms=1500"_s},
           [fd] { inheritAs(fd, 3); });
    qunsetenv("CONCURRENTE_EVENT_FD");
    QVERIFY(w.started());
    reader.closeWriteEnd();
    QTRY_VERIFY_WITH_TIMEOUT(w.finished(), kWaitMs);
    QCOMPARE(w.exitCode(), 0);
    const qint64 worker = w.pid();
    const QJsonObject childStart = [&] {
        for (const QJsonObject &o : std::as_const(reader.lines.events))
            if (o.value(u"ev"_s) == u"start"_s && o.value(u"pid"_s).toInteger() != worker)
                return o;
        return QJsonObject();
    }();
    const qint64 grandchild = childStart.value(u"pid"_s).toInteger();
    QVERIFY(grandchild > 0);
    QStringList prints;
    for (const QJsonObject &o : std::as_const(reader.lines.events))
        if (o.value(u"ev"_s) == u"print"_s)
            prints.append(o.value(u"text"_s).toString());
    const QString hijo = u"Hijo   PID %1: mi padre es %2"_s.arg(worker).arg(m_self);
    const QString nieto = u"Nieto  PID %1: mi padre es %2"_s.arg(grandchild).arg(worker);
    QCOMPARE(prints, (QStringList{hijo, nieto, nieto}));
}

QTEST_GUILESS_MAIN(TestHelpers)
#include "tst_helpers.moc"
