#!/usr/bin/env bash
# Runs the named benchmarks (all without arguments): scripts/bench.sh [spawn|queue|events|gui ...]
# Each prints a table, then one `key: value` line per headline figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
export CONCURRENTE_BIN_DIR=${BUILD_DIR:-$root/build}/bin
names=("$@")
if ((${#names[@]} == 0)); then
  for f in "$root"/bench/*/run.sh; do names+=("$(basename "$(dirname "$f")")"); done
fi
status=0
for n in "${names[@]}"; do
  if [[ ! -x $root/bench/$n/run.sh ]]; then echo "bench.sh: no benchmark named '$n'" >&2; status=2; continue; fi
  echo "== $n"
  "$root/bench/$n/run.sh" || status=1
done
exit $status
