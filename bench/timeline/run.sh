#!/usr/bin/env bash
# Timeline benchmark: a run of TIMELINE_BENCH_EVENTS events (100000) among
# TIMELINE_BENCH_PROCESSES processes (64) — workers in producer/consumer pairs over queues,
# printing, started, joined — painted whole at 1440×900, and the lab's time cursor moved across
# it (table, tree, console and timeline updated), TIMELINE_BENCH_ROUNDS times (9), offscreen.
# Run through scripts/bench.sh timeline. Prints a table, then `key: value` lines.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=${CONCURRENTE_BIN_DIR:-$here/../../build/bin}
if [[ ! -x $bin_dir/bench_timeline ]]; then
  echo "timeline bench: $bin_dir/bench_timeline not found (build first, or run scripts/bench.sh timeline)" >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen
export CONCURRENTE_DATA_DIR=${CONCURRENTE_DATA_DIR:-$here/../..}
exec "$bin_dir/bench_timeline" --events "${TIMELINE_BENCH_EVENTS:-100000}" \
  --processes "${TIMELINE_BENCH_PROCESSES:-64}" --rounds "${TIMELINE_BENCH_ROUNDS:-9}"
