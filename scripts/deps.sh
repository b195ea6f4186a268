#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests and the benchmarks need.
# Does nothing when all are present; uses sudo when not root.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins qt6-translations-l10n
  libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev libboost-dev python3 fonts-dejavu-core
  # the desktop-integration and package tests: validators, the MIME database, dpkg-shlibdeps
  desktop-file-utils appstream shared-mime-info dpkg-dev file
  # the report test reads the PDF back (pdfinfo, pdftotext, pdfimages)
  poppler-utils
  # the fuzz targets (scripts/fuzz.sh): clang with its libFuzzer and sanitizer runtimes
  clang-14 libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "Installing missing packages: ${missing[*]}"
sudo_=
if ((EUID != 0)); then sudo_=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_ apt-get update -q
$sudo_ apt-get install -y -q --no-install-recommends "${missing[@]}"
