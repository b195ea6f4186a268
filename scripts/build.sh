#!/usr/bin/env bash
# Configures and builds the project (Release) into BUILD_DIR (default: build/).
# Used by run.sh, test.sh and bench.sh; extra arguments go to cmake's configure step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/deps.sh"
gen=()
if command -v ninja >/dev/null && [[ ! -f $build/CMakeCache.txt ]]; then gen=(-G Ninja); fi
cmake -S "$root" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)"
