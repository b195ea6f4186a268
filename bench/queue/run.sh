#!/usr/bin/env bash
# Queue benchmark: our shared-memory queue vs python3 multiprocessing.Queue, Boost.Interprocess
# message_queue and a pipe. Run through scripts/bench.sh queue (which builds Release and sets
# CONCURRENTE_BIN_DIR). Prints a table, then the headline `key: value` lines.
#   QUEUE_BENCH_ROUNDS (default 7) and QUEUE_BENCH_TARGET_MS (default 400) tune the run length.
# Nothing may outlive the run, even when interrupted: the benchmark runs in its own process
# group that the trap kills, and every shared-memory segment it created is listed in a
# registry file that the trap (and the normal exit) removes if it still exists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=${CONCURRENTE_BIN_DIR:-$here/../../build/bin}
bench_bin=$bin_dir/bench_queue
if [[ ! -x $bench_bin ]]; then
  echo "queue bench: $bench_bin not found (build first, or run scripts/bench.sh queue)" >&2
  exit 2
fi

registry=$(mktemp "${TMPDIR:-/tmp}/queue-bench-shm.XXXXXX")
export QUEUE_BENCH_SHM_REGISTRY=$registry
group=

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [[ -n $group ]] && kill -0 -- "-$group" 2>/dev/null; then
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$group" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$group" 2>/dev/null || true
  fi
  local leftovers=0 name
  while IFS= read -r name; do
    [[ -n $name ]] || continue
    if [[ -e /dev/shm/${name#/} ]]; then
      rm -f -- "/dev/shm/${name#/}"
      leftovers=$((leftovers + 1))
    fi
  done <"$registry"
  if ((leftovers > 0)); then
    echo "queue bench: removed $leftovers shared-memory segment(s) left behind" >&2
  fi
  rm -f -- "$registry"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# setsid puts the driver, both harnesses and every worker they fork into one process group
# (its id is the driver's pid) that cleanup() can signal as a whole.
setsid python3 "$here/driver.py" --bin "$bench_bin" \
  --rounds "${QUEUE_BENCH_ROUNDS:-7}" --target-ms "${QUEUE_BENCH_TARGET_MS:-400}" &
group=$!
wait "$group"
