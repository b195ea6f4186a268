#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole CTest suite headless.
#   scripts/test.sh                 the default suite (everything but the `soak` label)
#   scripts/test.sh --soak          only the long soak runs
#   scripts/test.sh --sanitize      build with ASan+UBSan into build-asan/ and run the suite there
#   scripts/test.sh -L LABEL        only tests with that label (unit, integration, gui, stress, ...)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ctest_args=(-LE soak)
cmake_args=()
while (($#)); do
  case $1 in
    --soak) ctest_args=(-L soak) ;;
    --sanitize) export BUILD_DIR=${BUILD_DIR:-$root/build-asan}; export BUILD_TYPE=RelWithDebInfo
                cmake_args+=(-DCONCURRENTE_SANITIZE=address,undefined)
                # Any report fails the test that caused it: undefined behaviour stops the
                # process as an address error does, instead of printing and going on.
                export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
                export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} ;;
    -L) shift; ctest_args=(-L "$1") ;;
    *) echo "test.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
"$root/scripts/build.sh" "${cmake_args[@]}"
export QT_QPA_PLATFORM=offscreen
cd "${BUILD_DIR:-$root/build}"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "${ctest_args[@]}"
