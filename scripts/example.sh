#!/usr/bin/env bash
# The README's first command: renders the shipped safe-pilot example assessment (the full PIA,
# the council appendix and the notice of collection) into out/, as Markdown and Word.
# Installs the missing system packages first (scripts/packages.sh), saying which.
#
# needs: bash, a Swift 6 toolchain (swift in PATH), and on Debian or Ubuntu apt-get with root or
#        sudo for the packages (elsewhere, install the libraries named in scripts/packages.sh).
# usage: scripts/example.sh [pia render options]
#        e.g. scripts/example.sh --format md,docx,pdf   (PDF also installs LibreOffice)
#        or   scripts/example.sh --answers Examples/records-system-deployment.pia.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

packages=("${BUILD_PACKAGES[@]}")
case " $* " in *pdf*) packages+=("${PDF_PACKAGES[@]}") ;; esac
bash scripts/install-packages.sh "${packages[@]}"
command -v swift >/dev/null || {
  echo "swift is not in PATH: install a Swift 6 toolchain (https://www.swift.org/install/linux/)" >&2
  exit 1
}

arguments=("$@")
given() {
  local argument
  for argument in "${arguments[@]}"; do
    [[ $argument == "$1" || $argument == "$1="* ]] && return 0
  done
  return 1
}
given --answers || arguments+=(--answers Examples/safe-admin-pilot.pia.yaml)
given --format || arguments+=(--format all)
given --output || arguments+=(--output out)
echo "Building pia (swift build; the first build takes several minutes)"
log=$(mktemp)
if ! swift build --product pia >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
exec "$(swift build --show-bin-path)/pia" render "${arguments[@]}"
