#!/usr/bin/env bash
# Checks a release tarball the way a machine without Swift would use it: unpacks it into an
# empty prefix, checks with ldd that bin/pia loads no Swift runtime library (libswift*,
# Foundation, libdispatch, BlocksRuntime) and no library that is missing, then renders the three
# shipped examples with it from an unrelated folder (so its resources must come from
# share/pia), as Markdown and DOCX, and as PDF when LibreOffice is installed.
#
# needs: bash, tar, ldd; LibreOffice for the PDF part (skipped without it).
# usage: scripts/check-release.sh TARBALL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
failed=0

tar -C "$prefix" --strip-components=1 -xzf "$tarball"
pia="$prefix/bin/pia"
[ -x "$pia" ] || { echo "FAIL  no executable bin/pia in $tarball"; exit 1; }
for folder in Questionnaires Templates; do
  [ -d "$prefix/share/pia/$folder" ] || { echo "FAIL  no share/pia/$folder"; failed=1; }
done

libraries=$(ldd "$pia")
if grep -Ei 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' <<<"$libraries"; then
  echo "FAIL  bin/pia loads Swift runtime libraries (above)"; failed=1
else
  echo "ok    bin/pia loads no Swift runtime library"
fi
if grep -q "not found" <<<"$libraries"; then
  grep "not found" <<<"$libraries"; echo "FAIL  bin/pia needs libraries that are not installed"; failed=1
fi

cd "$work"  # not the checkout: resources must come from the prefix
env -u PIA_HOME "$pia" --version
formats=all
if command -v soffice >/dev/null || [ -x /usr/lib/libreoffice/program/soffice ]; then formats=md,docx,pdf; fi
for example in "$root"/Examples/*.pia.yaml; do
  name=$(basename "$example" .pia.yaml)
  if env -u PIA_HOME "$pia" render --answers "$example" --format "$formats" --output out >/dev/null; then
    echo "ok    $name: rendered ($formats) from the unpacked release"
  else
    echo "FAIL  $name: render from the unpacked release failed"; failed=1
  fi
done
for file in out/*.pia-report.md out/*.pia-report.docx; do
  [ -s "$file" ] || { echo "FAIL  missing $file"; failed=1; }
done
if [ "$formats" = md,docx,pdf ]; then
  for pdf in out/*.pdf; do
    if env -u PIA_HOME "$pia" check-accessibility "$pdf" >/dev/null; then
      echo "ok    $(basename "$pdf"): tagged, titled, language, bookmarks, fonts embedded"
    else
      "$pia" check-accessibility "$pdf" | sed 's/^/      /'; failed=1
    fi
  done
fi
exit $failed
