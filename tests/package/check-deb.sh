#!/usr/bin/env bash
# check-deb.sh BUILD_DIR: builds the .deb from BUILD_DIR with cpack and checks it.
set -euo pipefail
build=$1
for tool in dpkg-deb dpkg-shlibdeps cpack; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/deps.sh installs it)"
    exit 77
  fi
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log" >&2
  fail "cpack -G DEB failed"
fi
debs=("$out"/concurrente_*.deb)
[[ -f ${debs[0]} ]] || fail "no concurrente_*.deb in $(ls "$out")"
deb=${debs[0]}
echo "built $(basename "$deb")"
dpkg-deb -I "$deb"

[[ $(dpkg-deb -f "$deb" Package) == concurrente ]] || fail "Package is not concurrente"
[[ $(dpkg-deb -f "$deb" Architecture) == "$(dpkg --print-architecture)" ]] || fail "wrong Architecture"
depends=$(dpkg-deb -f "$deb" Depends)
# The Qt 6 runtime libraries the app links, as dpkg-shlibdeps names them (with versions).
names=$(sed -e 's/ ([^)]*)//g' -e 's/, */\n/g' <<<"$depends")
for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6; do
  grep -qxF -- "$package" <<<"$names" || fail "Depends lacks $package: $depends"
done
# Runtime packages only: never a -dev package, never the build tree.
if grep -q -- '-dev$' <<<"$names"; then fail "Depends names a -dev package: $depends"; fi

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/concurrente \
            ./usr/libexec/concurrente/concurrente-worker \
            ./usr/libexec/concurrente/concurrente-main \
            ./usr/share/concurrente/lessons/es/01-motivation.md \
            ./usr/share/concurrente/lessons/en/13-free-lab.md \
            ./usr/share/concurrente/lessons/presets/06-join-terminate.json \
            ./usr/share/concurrente/resources/diagrams/gil-es.svg \
            ./usr/share/applications/concurrente.desktop \
            ./usr/share/metainfo/io.github.concurrente.metainfo.xml \
            ./usr/share/mime/packages/concurrente.xml \
            ./usr/share/icons/hicolor/scalable/apps/concurrente.svg \
            ./usr/share/icons/hicolor/48x48/apps/concurrente.png; do
  grep -qx -- "$path" <<<"$contents" || fail "the package lacks $path"
done
if grep -q '^\./usr/bin/concurrente-' <<<"$contents"; then fail "a helper is in /usr/bin"; fi
echo "PASS: $(basename "$deb"): Depends: $depends"
