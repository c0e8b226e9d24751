#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are not installed yet, saying
# which. Runs apt-get as root directly, else through sudo; on a system without apt-get and
# dpkg-query it only lists what to install and exits 1.
#
# needs: bash; on Debian or Ubuntu, apt-get and dpkg-query, and root or sudo.
# usage: scripts/install-packages.sh PACKAGE...
set -euo pipefail
(($# > 0)) || { echo "usage: $0 PACKAGE..." >&2; exit 2; }

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "This is not a Debian-like system (no apt-get): install the equivalents of: $*" >&2
  exit 1
fi
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  echo "System packages: all present ($*)"
  exit 0
fi
if ((EUID == 0)); then
  run=()
elif command -v sudo >/dev/null; then
  run=(sudo)
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Run this as root, or install sudo, or install them yourself:" >&2
  echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}${run:+ (with sudo)}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
