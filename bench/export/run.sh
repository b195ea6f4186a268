#!/usr/bin/env bash
# Export benchmark: a run of EXPORT_BENCH_EVENTS events (100000) built from real worker lines
# (bench/events/lines.jsonl) written as .json, .csv, .trace.json, .html and .pdf, and the .json
# opened again (read, checked, indexed by the lab's store), EXPORT_BENCH_ROUNDS times (5); the
# floor is QJsonDocument writing the same log. Run through scripts/bench.sh export.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=${CONCURRENTE_BIN_DIR:-$here/../../build/bin}
if [[ ! -x $bin_dir/bench_export ]]; then
  echo "export bench: $bin_dir/bench_export not found (build first, or run scripts/bench.sh export)" >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen
exec "$bin_dir/bench_export" --events "${EXPORT_BENCH_EVENTS:-100000}" --rounds "${EXPORT_BENCH_ROUNDS:-5}"
