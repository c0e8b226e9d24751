#!/usr/bin/env bash
# The README's second command: runs the tests (swift test). Installs the missing system
# packages first (scripts/packages.sh), saying which: the build libraries, and LibreOffice and
# poppler, which the PDF tests use (without them those tests are skipped).
#
# needs: bash, a Swift 6 toolchain (swift in PATH), and on Debian or Ubuntu apt-get with root or
#        sudo for the packages.
# usage: scripts/test.sh [swift test options]     e.g. scripts/test.sh --filter Diagram
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

bash scripts/install-packages.sh "${BUILD_PACKAGES[@]}" "${PDF_PACKAGES[@]}"
command -v swift >/dev/null || {
  echo "swift is not in PATH: install a Swift 6 toolchain (https://www.swift.org/install/linux/)" >&2
  exit 1
}
exec swift test "$@"
