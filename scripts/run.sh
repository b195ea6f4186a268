#!/usr/bin/env bash
# Installs what is missing, builds Release into build/ and opens Concurrente.
# Arguments go to the app, e.g. scripts/run.sh --lesson 8
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
exec "${BUILD_DIR:-$root/build}/bin/concurrente" "$@"
