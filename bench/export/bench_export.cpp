// Export benchmark (bench/export/run.sh): how long writing a run of N events takes in each
// format, and opening the run log again, against QJsonDocument writing the same log (the floor
// of turning it into JSON text at all), all in the same run; medians over the rounds.
//
// Headlines: export_100k_json_ms, export_100k_csv_ms, export_100k_trace_ms, export_100k_html_ms,
// export_100k_pdf_ms, open_100k_events_ms, export_json_vs_qjson (for N = 100,000; the key
// names follow N).
//
// Usage: bench_export [--events N] [--rounds R] [--check]
#include "benchstats.h"
#include "export.h"
#include "runlog.h"
#include "runreport.h"
#include "runstore.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace concurrente;

namespace {

using benchstats::median;

/// A run log of `events` events: the lines of a real run repeated, times moved on, with the
/// processes they name.
RunLog makeLog(qsizetype events)
{
    QFile f(QStringLiteral(BENCH_EXPORT_DEFAULT_LINES));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_export: cannot open %s\n", BENCH_EXPORT_DEFAULT_LINES);
        std::exit(2);
    }
    QList<Event> lines;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (const auto e = Event::fromJson(QJsonDocument::fromJson(line).object()))
            lines.append(*e);
    RunLog log;
    log.appVersion = QStringLiteral("bench");
    log.host = HostInfo::current();
    log.scenario =
        QJsonObject{{QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("bench")}}}};
    QHash<qint64, int> rows;
    for (const Event &e : std::as_const(lines)) {
        if (!e.pid || rows.contains(*e.pid))
            continue;
        ProcessRecord p;
        p.name = e.fields.value(QStringLiteral("name")).toString();
        if (p.name.isEmpty())
            p.name = QStringLiteral("Process-%1").arg(rows.size() + 1);
        p.pid = e.pid;
        p.kind = QStringLiteral("worker");
        p.startNs = e.tNs;
        rows.insert(*e.pid, int(log.processes.size()));
        log.processes.append(p);
    }
    const qint64 span = lines.constLast().tNs - lines.constFirst().tNs + 1000;
    for (qsizetype i = 0; i < events; ++i) {
        Event e = lines.at(i % lines.size());
        e.tNs += (i / lines.size()) * span;
        e.proc = e.pid ? rows.value(*e.pid, -1) : -1;
        log.addEvent(e);
    }
    for (ProcessRecord &p : log.processes) {
        p.endNs = log.events().constLast().tNs;
        p.exitcode = 0;
    }
    log.finalize(log.events().constLast().tNs - log.events().constFirst().tNs);
    return log;
}

double timedMs(const std::function<bool()> &work)
{
    const qint64 t0 = monotonicNs();
    if (!work())
        return -1;
    return double(monotonicNs() - t0) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // the HTML and PDF reports lay out text
    RunReport::registerFormats();
    qsizetype events = 100'000;
    int rounds = 5;
    bool check = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--events") && i + 1 < args.size())
            events = args.at(++i).toLongLong();
        else if (args.at(i) == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--check"))
            check = true;
    }
    if (check) {
        events = 500;
        rounds = 1;
    }
    const RunLog log = makeLog(events);
    QTemporaryDir dir;
    const QStringList suffixes{QStringLiteral(".json"), QStringLiteral(".csv"), QStringLiteral(".trace.json"),
                               QStringLiteral(".html"), QStringLiteral(".pdf")};
    QHash<QString, QList<double>> ms;
    QList<double> qjson, open;
    for (int r = 0; r < rounds; ++r) {
        qjson.append(timedMs([&] {
            QFile f(dir.filePath(QStringLiteral("floor.json")));
            return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(log.toJson()).toJson()) > 0;
        }));
        for (const QString &suffix : suffixes) {
            const QString path = dir.filePath(QStringLiteral("run") + suffix);
            QString error;
            const double t = timedMs([&] { return RunExporter::write(log, path, &error); });
            if (t < 0) {
                std::fprintf(stderr, "bench_export: %s\n", qPrintable(error));
                return 1;
            }
            ms[suffix].append(t);
        }
        qsizetype opened = 0;
        open.append(timedMs([&] {
            const auto back = RunLog::load(dir.filePath(QStringLiteral("run.json")));
            if (!back)
                return false;
            RunStore store;
            store.load(*back);
            opened = store.eventCount();
            return true;
        }));
        if (opened != events) {
            std::fprintf(stderr, "bench_export: the run log opened with %lld of %lld events\n",
                         qlonglong(opened), qlonglong(events));
            return 1;
        }
    }
    const QString n = events % 1000 == 0 ? QStringLiteral("%1k").arg(events / 1000) : QString::number(events);
    std::printf("%lld events, %d rounds, medians:\n", qlonglong(events), rounds);
    std::printf("  %-40s %10s\n", "row", "ms");
    std::printf("  %-40s %10.1f\n", "QJsonDocument write of the log (floor)", median(qjson));
    for (const QString &suffix : suffixes)
        std::printf("  %-40s %10.1f\n", qPrintable(QStringLiteral("export ") + suffix), median(ms[suffix]));
    std::printf("  %-40s %10.1f\n", "open .json (read, check, index)", median(open));
    const auto key = [&n](const char *what) {
        return QStringLiteral("export_%1_%2_ms").arg(n, QLatin1String(what));
    };
    std::printf("%s: %.1f\n", qPrintable(key("json")), median(ms[suffixes[0]]));
    std::printf("%s: %.1f\n", qPrintable(key("csv")), median(ms[suffixes[1]]));
    std::printf("%s: %.1f\n", qPrintable(key("trace")), median(ms[suffixes[2]]));
    std::printf("%s: %.1f\n", qPrintable(key("html")), median(ms[suffixes[3]]));
    std::printf("%s: %.1f\n", qPrintable(key("pdf")), median(ms[suffixes[4]]));
    std::printf("open_%s_events_ms: %.1f\n", qPrintable(n), median(open));
    std::printf("export_json_vs_qjson: %.2f\n", median(ms[suffixes[0]]) / median(qjson));
    return 0;
}
