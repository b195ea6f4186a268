// libFuzzer target `runlog`: a saved run's bytes, as File → Open Run and `concurrente RUN.json`
// read them: parsed, read as a run log, written back and loaded into the lab's store.
// Never crash, hang or leak; a log that loads must load again once written back.

#include "fuzzcommon.h"
#include "runlog.h"
#include "runstore.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    concurrente::fuzz::quietQt();
    static QCoreApplication app(*argc, *argv); // the store's batching timer needs one
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // As RunLog::load() reads a file, without the file.
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    QString why;
    const std::optional<concurrente::RunLog> log = concurrente::RunLog::fromJson(doc.object(), &why);
    if (!log)
        return 0;

    const std::optional<concurrente::RunLog> again = concurrente::RunLog::fromJson(log->toJson(), &why);
    if (!again || again->events().size() != log->events().size() ||
        again->processes.size() != log->processes.size()) {
        std::fprintf(stderr, "runlog fuzz: a log that loads does not load again once written back: %s\n",
                     qPrintable(why));
        std::abort();
    }
    (void)log->sortedEvents();

    concurrente::RunStore store;
    store.load(*log);
    store.flush();
    for (int row = 0; row < store.processCount(); ++row) {
        for (const qint64 t : {qint64(0), store.originNs(), std::numeric_limits<qint64>::max()}) {
            (void)store.stateAt(row, t);
            (void)store.lastEventAt(row, t);
        }
    }
    return 0;
}
