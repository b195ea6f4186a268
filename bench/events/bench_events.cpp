// Event ingest benchmark (bench/events/run.sh): how many worker event lines per second the app
// turns into stored events on one core, against the bare cost of QJsonDocument::fromJson on the
// same lines, both measured in the same run.
//
// Rows (each round runs every row once, interleaved, so a change in the machine's load hits
// them alike; every figure is the median over the rounds):
//   qjson_parse  QJsonDocument::fromJson + object() on each line, nothing else: the parser floor
//   parse        LineParser::feed on 64 KiB chunks (lines cut across chunks, as a pipe delivers)
//   ingest       the app's path: bytes written to a pipe, EventChannel reads and parses them,
//                its eventsRead signal stores every event with RunLog::addEvent; only the
//                reading side is timed (the writes are the workers' cost, not the app's)
//   export       RunLog::toJson + the faithful JSON text of the stored events (the run-log export)
//
// Usage: bench_events [--lines FILE] [--events N] [--rounds R] [--check]
//   (the run* functions stay out of line so callgrind can count each row on its own)
//   --check: tiny smoke run that fails (exit 1) when an event is lost, damaged or refused.
#include "benchstats.h"
#include "eventchannel.h"
#include "protocol.h"
#include "pyvalue.h"
#include "runlog.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#ifndef BENCH_EVENTS_DEFAULT_LINES
#define BENCH_EVENTS_DEFAULT_LINES "lines.jsonl"
#endif

using namespace concurrente;

namespace {

constexpr qsizetype kChunk = 64 * 1024; // what EventChannel reads at a time

using benchstats::median;

struct Input
{
    QList<QByteArray> lines; ///< each with its newline
    QByteArray stream;       ///< the lines repeated up to the requested event count
    qsizetype events = 0;
};

Input makeInput(const QString &path, qsizetype wanted)
{
    Input in;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_events: cannot open %s\n", qPrintable(path));
        std::exit(2);
    }
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty() && !l.startsWith('#'))
            in.lines.append(l + '\n');
    if (in.lines.isEmpty()) {
        std::fprintf(stderr, "bench_events: %s has no lines\n", qPrintable(path));
        std::exit(2);
    }
    for (qsizetype i = 0; i < wanted; ++i)
        in.stream += in.lines[i % in.lines.size()];
    in.events = wanted;
    return in;
}

/// QJsonDocument::fromJson on every line of the stream, as the floor of any parser built on it.
[[gnu::noinline]] qint64 runQJson(const Input &in, qsizetype *objects)
{
    qsizetype ok = 0;
    const qint64 t0 = monotonicNs();
    for (qsizetype i = 0; i < in.events; ++i) {
        const QByteArray &l = in.lines[i % in.lines.size()];
        QJsonParseError err{};
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(l.constData(), l.size() - 1), &err);
        if (err.error == QJsonParseError::NoError && !doc.object().isEmpty())
            ++ok;
    }
    const qint64 t1 = monotonicNs();
    *objects = ok;
    return t1 - t0;
}

/// LineParser alone, on 64 KiB chunks of the stream.
[[gnu::noinline]] qint64 runParse(const Input &in, qsizetype *events)
{
    LineParser parser(1, QStringLiteral("MainProcess"));
    qsizetype n = 0;
    const qint64 t0 = monotonicNs();
    for (qsizetype off = 0; off < in.stream.size(); off += kChunk) {
        const QByteArrayView chunk =
            QByteArrayView(in.stream).sliced(off, std::min(kChunk, in.stream.size() - off));
        n += parser.feed(chunk).size();
    }
    n += parser.finish().size();
    const qint64 t1 = monotonicNs();
    *events = n - parser.errorCount();
    return t1 - t0;
}

/// The app's path: pipe → EventChannel (read + LineParser) → eventsRead → RunLog::addEvent.
[[gnu::noinline]] qint64 runIngest(const Input &in, RunLog &log)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        std::perror("bench_events: pipe2");
        std::exit(2);
    }
    EventChannel channel(fds[0], 1, QStringLiteral("MainProcess"));
    QObject::connect(&channel, &EventChannel::eventsRead, &channel, [&log](const QList<Event> &events) {
        for (const Event &e : events)
            log.addEvent(e);
    });
    qint64 busy = 0;
    for (qsizetype off = 0; off < in.stream.size();) {
        // Fill the pipe (untimed: the writers' work), then let the channel read it all.
        const qsizetype n = std::min(kChunk, in.stream.size() - off);
        const ssize_t w = ::write(fds[1], in.stream.constData() + off, size_t(n));
        if (w <= 0) {
            std::perror("bench_events: write");
            std::exit(2);
        }
        off += w;
        const qint64 t0 = monotonicNs();
        channel.drain();
        busy += monotonicNs() - t0;
    }
    ::close(fds[1]);
    const qint64 t0 = monotonicNs();
    channel.drain(); // EOF: the channel closes
    busy += monotonicNs() - t0;
    return busy;
}

/// The lab's store indexing the stored events: per process, messages paired, process rows.
[[gnu::noinline]] qint64 runIndex(const RunLog &log, qsizetype *indexed)
{
    const qint64 t0 = monotonicNs();
    RunStore store;
    store.load(log);
    const qint64 t1 = monotonicNs();
    *indexed = store.eventCount();
    return t1 - t0;
}

[[gnu::noinline]] qint64 runExport(const RunLog &log, qsizetype *bytes)
{
    const qint64 t0 = monotonicNs();
    const QByteArray text = toFaithfulJson(log.toJson(), true);
    const qint64 t1 = monotonicNs();
    *bytes = text.size();
    return t1 - t0;
}

/// Every stored event must be the line it came from: same kind, time, pid and fields.
bool checkStored(const Input &in, const RunLog &log)
{
    if (log.events().size() != in.events) {
        std::fprintf(stderr, "FAIL: %lld of %lld events stored\n", qlonglong(log.events().size()),
                     qlonglong(in.events));
        return false;
    }
    for (qsizetype i = 0; i < in.lines.size() && i < in.events; ++i) {
        const QByteArray &l = in.lines[i];
        QJsonObject want = QJsonDocument::fromJson(l).object();
        const Event &got = log.events().at(i);
        if (got.ev() != want.take(QStringLiteral("ev")).toString() ||
            got.tNs != want.take(QStringLiteral("t_ns")).toInteger(-1) ||
            got.pid != std::optional<qint64>(want.take(QStringLiteral("pid")).toInteger(-1)) ||
            got.fields != want) {
            std::fprintf(stderr, "FAIL: event %lld differs from its line %s", qlonglong(i), l.constData());
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // EventChannel's QSocketNotifier needs an event dispatcher
    QString linesPath = QStringLiteral(BENCH_EVENTS_DEFAULT_LINES);
    qsizetype events = 200'000;
    int rounds = 9;
    bool check = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--lines") && i + 1 < args.size())
            linesPath = args[++i];
        else if (a == QLatin1String("--events") && i + 1 < args.size())
            events = args[++i].toLongLong();
        else if (a == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = args[++i].toInt();
        else if (a == QLatin1String("--check"))
            check = true;
        else {
            std::fprintf(stderr, "usage: bench_events [--lines FILE] [--events N] [--rounds R] [--check]\n");
            return 2;
        }
    }
    if (check) {
        events = std::min<qsizetype>(events, 5000);
        rounds = 1;
    }
    events = std::clamp<qsizetype>(events, 1, limits::MaxEventsPerRun);
    rounds = std::max(rounds, 1);
    const Input in = makeInput(linesPath, events);

    QList<double> qjson, parse, ingest, index, whole, exportRate;
    qsizetype exportBytes = 0;
    for (int r = 0; r < rounds; ++r) {
        qsizetype objects = 0, parsed = 0;
        const qint64 tq = runQJson(in, &objects);
        const qint64 tp = runParse(in, &parsed);
        RunLog log;
        const qint64 ti = runIngest(in, log);
        qsizetype indexed = 0;
        const qint64 tx = runIndex(log, &indexed);
        const qint64 te = runExport(log, &exportBytes);
        if (objects != in.events || parsed != in.events || indexed != in.events || !checkStored(in, log)) {
            std::fprintf(stderr, "FAIL: qjson %lld, parse %lld, stored %lld of %lld events (%lld dropped)\n",
                         qlonglong(objects), qlonglong(parsed), qlonglong(log.events().size()),
                         qlonglong(in.events), qlonglong(log.droppedEvents()));
            return 1;
        }
        qjson.append(in.events * 1e9 / double(tq));
        parse.append(in.events * 1e9 / double(tp));
        ingest.append(in.events * 1e9 / double(ti));
        index.append(in.events * 1e9 / double(tx));
        whole.append(in.events * 1e9 / double(ti + tx));
        exportRate.append(in.events * 1e9 / double(te));
    }

    const double mq = median(qjson), mp = median(parse), mi = median(ingest), me = median(exportRate);
    const double mx = median(index), mw = median(whole);
    const double bytesPerEvent = double(in.stream.size()) / double(in.events);
    std::printf("%lld distinct lines, %lld events per round (%.1f bytes each), %d rounds, medians:\n",
                qlonglong(in.lines.size()), qlonglong(in.events), bytesPerEvent, rounds);
    std::printf("  %-44s %12s %10s %8s\n", "row", "events/s", "ns/event", "MB/s");
    auto row = [&](const char *name, double rate) {
        std::printf("  %-44s %12.0f %10.0f %8.1f\n", name, rate, 1e9 / rate, rate * bytesPerEvent / 1e6);
    };
    row("QJsonDocument::fromJson per line (floor)", mq);
    row("LineParser::feed, 64 KiB chunks", mp);
    row("pipe -> EventChannel -> RunLog::addEvent", mi);
    row("RunStore indexing (per process, messages)", mx);
    row("bytes -> store (pipe, parse, log, index)", mw);
    row("export: RunLog::toJson + faithful JSON", me);
    std::printf("  (export text: %.1f bytes per event)\n", double(exportBytes) / double(in.events));
    std::printf("events_ingest_per_s: %.0f\n", mw);
    std::printf("events_to_log_per_s: %.0f\n", mi);
    std::printf("events_qjson_parse_per_s: %.0f\n", mq);
    std::printf("events_ingest_vs_qjson_parse: %.2f\n", mi / mq);
    std::printf("events_export_per_s: %.0f\n", me);
    return 0;
}
