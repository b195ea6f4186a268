// libFuzzer target `scenario`: a scenario file's bytes through the loader and every validator.
// Never crash, hang or leak; an accepted scenario must be accepted again once written back
// (what the editor's Save and the run log's `scenario` do).

#include "fuzzcommon.h"
#include "scenario.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    concurrente::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const concurrente::ScenarioLoadResult r =
        concurrente::ScenarioLoader::loadData(json, QStringLiteral("fuzz.json"));
    if (!r.ok())
        return 0;
    const concurrente::ScenarioLoadResult again =
        concurrente::ScenarioLoader::loadObject(r.scenario.toJson(), QStringLiteral("fuzz.json"));
    if (!again.ok()) {
        std::fprintf(stderr, "scenario fuzz: an accepted scenario is refused once written back\n");
        std::abort();
    }
    return 0;
}
