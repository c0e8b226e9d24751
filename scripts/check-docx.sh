#!/bin/bash
# Schema-validate and read back .docx files written by `pia convert`.
# usage: scripts/check-docx.sh FILE.docx...
#   - every part is validated against the ECMA-376 transitional schemas
#     (../shared/ooxml-schemas/validate-docx.sh; needs libxml2-utils and unzip), and the theme
#     part, which that script skips, against DrawingML's (dml-main.xsd);
#   - when FILE.md sits beside FILE.docx, scripts/docx_readback.py compares the python-docx
#     reading (headings, tables, list items, core title) with the Markdown (needs python-docx
#     and the cmark-gfm command-line tool).
# Exit 1 when any file fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
schemas=${OOXML_SCHEMAS:-$root/../shared/ooxml-schemas}
[ $# -gt 0 ] || { echo "usage: $0 FILE.docx..." >&2; exit 2; }
[ -f "$schemas/validate-docx.sh" ] || { echo "check-docx: no schemas at $schemas (set OOXML_SCHEMAS)" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "check-docx: xmllint missing: apt-get install -y libxml2-utils unzip" >&2; exit 2; }
python3 -c "import docx" 2>/dev/null || pip install --quiet python-docx >&2 || {
  echo "check-docx: cannot install python-docx" >&2; exit 2; }
command -v cmark-gfm >/dev/null || { echo "check-docx: cmark-gfm missing: apt-get install -y cmark-gfm" >&2; exit 2; }

failed=0
for docx in "$@"; do
  if out=$(bash "$schemas/validate-docx.sh" "$docx" 2>&1); then
    echo "ok    $docx: schema-valid"
  else
    echo "FAIL  $docx: schema validation"; echo "$out" | grep -v '^ok' | sed 's/^/      /'
    failed=1
  fi
  if unzip -l "$docx" word/theme/theme1.xml >/dev/null 2>&1; then
    if ! out=$(unzip -p "$docx" word/theme/theme1.xml \
        | xmllint --nonet --noout --schema "$schemas/dml-main.xsd" - 2>&1); then
      echo "FAIL  $docx: theme schema validation"; echo "$out" | sed 's/^/      /'; failed=1
    fi
  fi
  md="${docx%.docx}.md"
  if [ -f "$md" ]; then
    python3 "$here/docx_readback.py" "$md" "$docx" || failed=1
  else
    echo "skip  $docx: no $md beside it, read-back not compared"
  fi
done
exit $failed
