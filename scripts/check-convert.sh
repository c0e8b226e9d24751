#!/usr/bin/env bash
# The converter's small inputs (Tests/PIAKitTests/Fixtures/convert/NAME.md, one per behaviour)
# through `pia convert` and on to PDF:
#  1. each converts; each .docx passes the OOXML schemas (scripts/check-docx.sh, which also
#     validates the theme part) and `pia check-accessibility`;
#  2. LibreOffice turns them into PDF (one private profile) and pdftotext holds every phrase of
#     NAME.expect, and none of its `!` lines (white space collapsed, bidi controls removed);
#  3. the images input shows its three pictures in the PDF (pdfimages);
#  4. converting twice gives the same bytes.
# usage: scripts/check-convert.sh   (PIA=path/to/pia to pick a binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
pia=${PIA:-.build/debug/pia}
fixtures=Tests/PIAKitTests/Fixtures/convert
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600
failed=0

names=()
for md in "$fixtures"/*.md; do
  name=$(basename "$md" .md)
  [ "$name" = README ] && continue
  names+=("$name")
done

echo "-- convert ${#names[@]} inputs"
for name in "${names[@]}"; do
  if ! "$pia" convert "$fixtures/$name.md" -o "$work/$name.docx" 2>"$work/$name.log"; then
    echo "FAIL  $name: pia convert failed"; sed 's/^/      /' "$work/$name.log"; failed=1; continue
  fi
  "$pia" convert "$fixtures/$name.md" -o "$work/$name.again.docx" 2>/dev/null
  if ! cmp -s "$work/$name.docx" "$work/$name.again.docx"; then
    echo "FAIL  $name: two conversions differ"; failed=1
  fi
  rm -f "$work/$name.again.docx"
  if ! out=$("$pia" check-accessibility "$work/$name.docx"); then
    echo "FAIL  $name: check-accessibility"; echo "$out" | sed 's/^/      /'; failed=1
  fi
done
grep -h "warning:" "$work"/*.log | sed 's/^/      /' || true
bash "$here/check-docx.sh" "$work"/*.docx >"$work/schema.log" || {
  grep -v '^ok' "$work/schema.log"; failed=1; }
grep -c '^ok ' "$work/schema.log" | sed 's/^/ok    schema-valid parts and read-backs: /'

echo "-- LibreOffice: PDF and its text"
timeout 300 soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to pdf \
  --outdir "$work/pdf" "$work"/*.docx >"$work/soffice.log" 2>&1 || true
normalize() {
  # Collapse white space; drop the bidi controls pdftotext puts around right-to-left text.
  python3 -c 'import re, sys
text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", sys.stdin.read())
print(" ".join(text.split()))'
}
for name in "${names[@]}"; do
  pdf="$work/pdf/$name.pdf"
  if [ ! -s "$pdf" ]; then
    echo "FAIL  $name: LibreOffice wrote no PDF"; failed=1; continue
  fi
  text=$(pdftotext -layout "$pdf" - | normalize)
  missing=0
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    if [ "${line:0:1}" = "!" ]; then
      phrase=$(printf '%s' "${line:1}" | normalize)
      case "$text" in *"$phrase"*) echo "FAIL  $name: the PDF shows \"$phrase\""; missing=1 ;; esac
    else
      phrase=$(printf '%s' "$line" | normalize)
      case "$text" in *"$phrase"*) ;; *) echo "FAIL  $name: the PDF lacks \"$phrase\""; missing=1 ;; esac
    fi
  done <"$fixtures/$name.expect"
  if ((missing)); then
    failed=1; echo "      PDF text: ${text:0:400}"
  else
    echo "ok    $name: the PDF holds every expected phrase"
  fi
done
if [ -s "$work/pdf/images.pdf" ]; then
  pictures=$(pdfimages -list "$work/pdf/images.pdf" | tail -n +3 | wc -l)
  if [ "$pictures" -ge 3 ]; then
    echo "ok    images: the PDF shows $pictures pictures"
  else
    echo "FAIL  images: the PDF shows $pictures pictures, expected at least 3"; failed=1
  fi
fi
exit $failed
