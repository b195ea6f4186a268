#!/usr/bin/env bash
# Process start-up benchmark: python3's multiprocessing (spawn, fork and forkserver start methods,
# in bench/spawn/mp_baseline.py) against `concurrente --run` with the same start methods (our
# rate from the run log: first start_request to last join), plus the exec floor (bare
# posix_spawn of the worker) and the fork floor (bench/spawn/fork_floor.cpp), all in the same run.
# Prints a table, then the headline `key: value` lines (see README.md). Needs CONCURRENTE_BIN_DIR
# (scripts/bench.sh sets it). Environment knobs: SPAWN_BENCH_RUNS_64, SPAWN_BENCH_RUNS_64_MP_SPAWN,
# SPAWN_BENCH_REPS_MP_SPAWN, SPAWN_BENCH_REPS_MP_FORK, SPAWN_BENCH_REPS_MP_FORKSERVER,
# SPAWN_BENCH_RUNS, SPAWN_BENCH_WORKERS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v python3 >/dev/null; then
  echo "spawn: python3 is needed for the multiprocessing baseline" >&2
  exit 2
fi
: "${CONCURRENTE_BIN_DIR:?set CONCURRENTE_BIN_DIR to the folder with concurrente}"
exec python3 "$here/spawn_bench.py"
