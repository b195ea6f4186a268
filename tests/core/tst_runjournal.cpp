// The run journal: events appended as they are stored read back whole, a journal cut by a crash
// read up to its last whole line, process records kept, removal at a normal end, and which
// journals count as left behind.
#include "runjournal.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace concurrente;

namespace {

RunLog logWith(int events)
{
    RunLog log;
    log.appVersion = QStringLiteral("9.9");
    log.host.cpuCount = 2;
    log.scenario =
        QJsonObject{{QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("t")}}}};
    for (int i = 0; i < events; ++i) {
        Event e = Event::make(1000 + i, 4242, QStringLiteral("print"),
                              {{QStringLiteral("text"), QStringLiteral("line %1").arg(i)}});
        e.proc = 0;
        log.addEvent(e);
    }
    return log;
}

} // namespace

class TestRunJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendedEventsReadBack();
    void cutByACrash();
    void discardedAtANormalEnd();
    void notAJournal();
    void leftBehind();
};

void TestRunJournal::appendedEventsReadBack()
{
    QTemporaryDir dir;
    RunJournal j;
    RunLog log = logWith(3);
    QVERIFY(j.open(dir.path(), log));
    QVERIFY(QFile::exists(j.path()));
    QCOMPARE(QFile(j.path()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    j.append(log, 0);
    // More events later, and the process records.
    Event late = Event::make(2000, 4242, QStringLiteral("put"),
                             {{QStringLiteral("value"), 2.0}, {QStringLiteral("float"), true}});
    log.addEvent(late);
    ProcessRecord p;
    p.name = QStringLiteral("Process-1");
    p.pid = 4242;
    p.kind = QStringLiteral("worker");
    const QList<ProcessRecord> records{p};
    j.append(log, 3, &records);
    const auto back = RunJournal::read(j.path());
    QVERIFY(back);
    QCOMPARE(back->events().size(), 4);
    QCOMPARE(back->events().at(1).fields.value(QStringLiteral("text")).toString(), QStringLiteral("line 1"));
    QCOMPARE(back->events().at(0).proc, 0);
    QCOMPARE(back->events().at(3).ev(), QStringLiteral("put"));
    QVERIFY(back->events().at(3).fields.value(QStringLiteral("float")).toBool());
    QCOMPARE(back->processes.size(), 1);
    QCOMPARE(back->processes.at(0).name, QStringLiteral("Process-1"));
    QCOMPARE(back->appVersion, QStringLiteral("9.9"));
    QCOMPARE(back->host.cpuCount, 2);
}

void TestRunJournal::cutByACrash()
{
    QTemporaryDir dir;
    RunJournal j;
    const RunLog log = logWith(10);
    QVERIFY(j.open(dir.path(), log));
    j.append(log, 0);
    QFile f(j.path());
    const qint64 size = f.size();
    QVERIFY(f.resize(size - 7)); // the last line is cut in the middle
    const auto back = RunJournal::read(j.path());
    QVERIFY(back);
    QCOMPARE(back->events().size(), 9);
    QCOMPARE(back->events().constLast().fields.value(QStringLiteral("text")).toString(),
             QStringLiteral("line 8"));
}

void TestRunJournal::discardedAtANormalEnd()
{
    QTemporaryDir dir;
    RunJournal j;
    QVERIFY(j.open(dir.path(), logWith(1)));
    const QString path = j.path();
    j.discard();
    QVERIFY(!QFile::exists(path));
    QVERIFY(!j.isOpen());
}

void TestRunJournal::notAJournal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.concurrente-journal"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\":\"concurrente-run/2\"}\n");
    f.close();
    QString error;
    QVERIFY(!RunJournal::read(path, &error));
    QVERIFY2(error.contains(QStringLiteral("not a run journal")), qPrintable(error));
    QVERIFY(!RunJournal::read(dir.filePath(QStringLiteral("missing")), &error));
}

void TestRunJournal::leftBehind()
{
    QTemporaryDir dir;
    // Ours, of a run going on now: not left behind.
    RunJournal live;
    QVERIFY(live.open(dir.path(), logWith(1)));
    // One of a process that no longer exists: left behind.
    const QString dead = dir.filePath(QStringLiteral("run-999999999-1.concurrente-journal"));
    QVERIFY(QFile::copy(live.path(), dead));
    const QStringList left = RunJournal::leftIn(dir.path());
    QCOMPARE(left, QStringList{QFileInfo(dead).absoluteFilePath()});
}

QTEST_GUILESS_MAIN(TestRunJournal)
#include "tst_runjournal.moc"
