#!/usr/bin/env bash
# Event ingest benchmark: worker event lines (bench/events/lines.jsonl, taken from a real run)
# through the app's pipe reader, parser and run-log store on one core, against the bare
# QJsonDocument::fromJson of the same lines, in the same run. Run through scripts/bench.sh events
# (which builds Release and sets CONCURRENTE_BIN_DIR). Prints a table, then the headline
# `key: value` lines. Knobs: EVENTS_BENCH_EVENTS (events per round, 200000),
# EVENTS_BENCH_ROUNDS (9).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=${CONCURRENTE_BIN_DIR:-$here/../../build/bin}
if [[ ! -x $bin_dir/bench_events ]]; then
  echo "events bench: $bin_dir/bench_events not found (build first, or run scripts/bench.sh events)" >&2
  exit 2
fi
exec "$bin_dir/bench_events" --lines "$here/lines.jsonl" \
  --events "${EVENTS_BENCH_EVENTS:-200000}" --rounds "${EVENTS_BENCH_ROUNDS:-9}"
