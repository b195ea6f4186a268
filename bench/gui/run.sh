#!/usr/bin/env bash
# GUI benchmark: 16 workers, each printing GUI_BENCH_RATE lines a second (5000) for
# GUI_BENCH_SECONDS (10), into the lab running offscreen; and the app's start to its first frame
# against an empty Qt window's, GUI_BENCH_ROUNDS times (7). Run through scripts/bench.sh gui
# (which builds Release and sets CONCURRENTE_BIN_DIR). Prints a table, then `key: value` lines.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=${CONCURRENTE_BIN_DIR:-$here/../../build/bin}
if [[ ! -x $bin_dir/bench_gui ]]; then
  echo "gui bench: $bin_dir/bench_gui not found (build first, or run scripts/bench.sh gui)" >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen
export CONCURRENTE_DATA_DIR=${CONCURRENTE_DATA_DIR:-$here/../..}
exec "$bin_dir/bench_gui" --workers "${GUI_BENCH_WORKERS:-16}" --rate "${GUI_BENCH_RATE:-5000}" \
  --seconds "${GUI_BENCH_SECONDS:-10}" --rounds "${GUI_BENCH_ROUNDS:-7}"
