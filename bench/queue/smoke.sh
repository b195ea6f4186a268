#!/usr/bin/env bash
# Smoke test of the queue benchmark (CTest `bench_queue_smoke`, label `bench`): tiny counts, so
# it checks that the harness works, not how fast anything is. Fails when any implementation
# loses, damages or stalls a message, when a shared-memory segment outlives its run, or when
# the full pipeline (run.sh → driver.py) stops printing the six headline lines.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench_bin=${CONCURRENTE_BIN_DIR:?set CONCURRENTE_BIN_DIR to the bin folder of the build}/bench_queue
work=$(mktemp -d "${TMPDIR:-/tmp}/queue-bench-smoke.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
export QUEUE_BENCH_SHM_REGISTRY=$work/registry
fail=0

check_lines() { # name, expected line count, file
  local name=$1 want=$2 file=$3 got bad
  got=$(grep -c '"kind"' "$file" || true)
  bad=$(grep -c '"ok": *false' "$file" || true)
  if [[ $got != "$want" || $bad != 0 ]]; then
    echo "FAIL $name: $got of $want results, $bad failed:"; cat "$file"; fail=1
  else
    echo "ok   $name"
  fi
}

for impl in $("$bench_bin" --list); do
  "$bench_bin" --impl "$impl" --tput 1to1:8:4000 --tput 4to4:64:4000 --rtt 8:300 >"$work/$impl.out"
  check_lines "$impl" 3 "$work/$impl.out"
done
python3 "$here/mpqueue_bench.py" --tput 1to1:8:1000 --tput 4to4:64:1000 --rtt 8:200 >"$work/mpqueue.out"
check_lines mpqueue 3 "$work/mpqueue.out"

# Every segment a harness created must be gone once it returned.
while IFS= read -r name; do
  if [[ -n $name && -e /dev/shm/${name#/} ]]; then
    echo "FAIL segment left behind: $name"; rm -f -- "/dev/shm/${name#/}"; fail=1
  fi
done < <(cat "$QUEUE_BENCH_SHM_REGISTRY" 2>/dev/null)

# The whole pipeline, one quick round.
QUEUE_BENCH_ROUNDS=1 QUEUE_BENCH_TARGET_MS=20 "$here/run.sh" >"$work/run.out" 2>&1 || {
  echo "FAIL run.sh exited with $?"; fail=1; }
for key in queue_1to1_8B_vs_mpqueue queue_1to1_8B_vs_boost queue_4to4_8B_vs_mpqueue \
           queue_rtt_8B_median_us queue_rtt_8B_vs_mpqueue queue_1to1_8B_spread_pct; do
  if ! grep -Eq "^$key: ([0-9]+\.[0-9]+|n/a)$" "$work/run.out"; then
    echo "FAIL headline $key missing or malformed"; fail=1
  fi
done
if grep -q '^note:' "$work/run.out"; then
  echo "FAIL run.sh reported problems:"; grep '^note:' "$work/run.out"; fail=1
fi
((fail == 0)) && echo "ok   run.sh headlines"
exit $fail
