#!/usr/bin/env bash
# Builds the release tarball: pia-VERSION-linux-ARCH.tar.gz holding
#   pia-VERSION-linux-ARCH/bin/pia           release build, Swift runtime and Foundation linked
#                                            in (--static-swift-stdlib): no toolchain needed
#   pia-VERSION-linux-ARCH/share/pia/        Questionnaires/, Templates/ and Web/ (when present)
#   pia-VERSION-linux-ARCH/README-install.txt the Debian packages it needs at run time
# Unpack it anywhere: bin/pia finds its resources in ../share/pia.
#
# needs: bash, a Swift 6 toolchain with the static Linux SDK parts (swift.org's toolchains have
#        them), the build packages of scripts/packages.sh, tar and gzip.
# usage: scripts/release.sh [OUTPUT-FOLDER]    (default: .build/release-tarball)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
out=$(mkdir -p "${1:-.build/release-tarball}" && cd "${1:-.build/release-tarball}" && pwd)

echo "Building pia (release, --static-swift-stdlib)" >&2
log=$(mktemp)
if ! swift build -c release --static-swift-stdlib --product pia >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
[ -x "$bin/pia" ] || { echo "release.sh: the build did not produce $bin/pia" >&2; exit 1; }
version=$("$bin/pia" --version | tr -d '[:space:]')
name="pia-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage/$name/bin" "$stage/$name/share/pia"
install -m 0755 "$bin/pia" "$stage/$name/bin/pia"
strip "$stage/$name/bin/pia" 2>/dev/null || true
for folder in Questionnaires Templates Web; do
  [ -d "$folder" ] && cp -R "$folder" "$stage/$name/share/pia/"
done
cat >"$stage/$name/README-install.txt" <<TEXT
pia $version for Linux ($(uname -m)), built $(date -u +%Y-%m-%d) with --static-swift-stdlib.

No Swift toolchain is needed. On Debian 12 (or Ubuntu 22.04 and later) install the libraries
bin/pia loads:

  sudo apt-get install --no-install-recommends ${RUNTIME_PACKAGES[*]}

and, for PDF output (pia render --format pdf, pia convert -o FILE.pdf) and PDF checks:

  sudo apt-get install --no-install-recommends ${PDF_PACKAGES[*]}

Then run bin/pia from where you unpacked it (or link it into your PATH); it finds the
questionnaires and templates in share/pia/. For example:

  bin/pia list
  bin/pia render --answers my-project.pia.yaml --format md,docx,pdf --output out
TEXT
tarball="$out/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
echo "$tarball"
