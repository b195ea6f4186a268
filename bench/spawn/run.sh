#!/usr/bin/env bash
# Process start-up benchmark: python3's multiprocessing (spawn and fork start methods) against
# `concurrente --run` (qprocess and fork launchers), measured in the same run from the run log.
# Prints a table, then the headline `key: value` lines. Needs CONCURRENTE_BIN_DIR (scripts/bench.sh
# sets it). Environment knobs: SPAWN_BENCH_REPS_MP_SPAWN, SPAWN_BENCH_REPS_MP_FORK, SPAWN_BENCH_RUNS,
# SPAWN_BENCH_WORKERS, SPAWN_BENCH_RUNS_64.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v python3 >/dev/null; then
  echo "spawn: python3 is needed for the multiprocessing baseline" >&2
  exit 2
fi
: "${CONCURRENTE_BIN_DIR:?set CONCURRENTE_BIN_DIR to the folder with concurrente}"
exec python3 "$here/spawn_bench.py"
