#!/usr/bin/env bash
# Runs a libFuzzer target for a while (docs/robustness.md):
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   TARGET: protocol, scenario, runlog, shmq, or all (each in turn, SECONDS each)
# Builds with clang into build-fuzz/ (FUZZ_BUILD_DIR), starting from the seeds in fuzz/corpus/TARGET
# plus what earlier runs here found (build-fuzz/corpus/TARGET). Exits non-zero when the target
# crashed, hung, leaked or broke one of its checks; the input that did it is saved as
# build-fuzz/artifacts/TARGET-* and can be replayed with build-fuzz/bin/fuzz_TARGET FILE.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
targets=(protocol scenario runlog shmq)
if (($# < 2)); then
  echo "usage: scripts/fuzz.sh {$(IFS='|'; echo "${targets[*]}")|all} SECONDS [libFuzzer options...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
if [[ $target == all ]]; then
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" "$@"; done
  exit 0
fi
if [[ ! " ${targets[*]} " == *" $target "* ]]; then
  echo "fuzz.sh: unknown target '$target' (${targets[*]})" >&2
  exit 2
fi
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
"$root/scripts/deps.sh"
if [[ ! -f $build/CMakeCache.txt ]]; then
  gen=()
  if command -v ninja >/dev/null; then gen=(-G Ninja); fi
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCONCURRENTE_FUZZ=ON -DCONCURRENTE_BUILD_TESTS=OFF -DCONCURRENTE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)" --target "fuzz_$target"

# Inputs up to a line's limit twice over; a run log seed is a whole (small) run.
max_len=8192
if [[ $target == runlog ]]; then max_len=65536; fi
corpus=$build/corpus/$target
mkdir -p "$corpus" "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# libFuzzer writes new inputs to the first folder only: the committed seeds stay as they are.
"$build/bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$@" \
  "$corpus" "$root/fuzz/corpus/$target" &
pid=$!
rc=0
wait "$pid" || rc=$?
# A crashed shmq run cannot remove the segments it made: they carry its pid.
rm -f /dev/shm/concurrente-q-"$pid"-*
exit "$rc"
