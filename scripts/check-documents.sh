#!/usr/bin/env bash
# The document checks CI runs on what `pia render` produces:
#  1. every shipped example renders to Markdown and DOCX (all templates); every DOCX passes the
#     OOXML schema and the python-docx read-back against its Markdown (scripts/check-docx.sh);
#     every report links its data-flow diagram's SVG, which exists and parses, and its DOCX
#     embeds the picture with non-empty alt text (scripts/check_diagrams.py);
#  2. rendering twice gives byte-identical files (SHA-256);
#  3. a hostile-answer corpus (Markdown, Mustache, XML syntax, control characters, RTL, emoji,
#     1 MB of text) renders to schema-valid DOCX that reads back, and to Markdown whose headings
#     are the same as for the plain example;
#  4. a report on 1,000 data flows (long enough that its Markdown is parsed in pieces and its
#     DOCX body is written as two halves on two threads) passes the same DOCX checks and
#     renders byte-identically twice;
#  5. LibreOffice converts the safe-pilot report to PDF and pdftotext shows the title, every
#     heading and the heat-map labels, and pdfimages lists the diagram (LibreOffice exits 0 even
#     on a broken file, so the text is what is judged).
# usage: scripts/check-documents.sh   (PIA=path/to/pia to pick a binary)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
pia=${PIA:-.build/debug/pia}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failed=0

echo "-- render the shipped examples"
for example in Examples/*.pia.yaml; do
  "$pia" render --answers "$example" --format all --output "$work/a" >/dev/null
  "$pia" render --answers "$example" --format all --output "$work/b" >/dev/null
done
bash "$here/check-docx.sh" "$work"/a/*.docx || failed=1
echo "-- the data-flow diagrams: each report links its SVG, which parses; its DOCX embeds it with alt text"
python3 "$here/check_diagrams.py" "$work/a" || failed=1

echo "-- byte reproducibility"
for file in "$work"/a/*.md "$work"/a/*.svg "$work"/a/*.docx; do
  other="$work/b/$(basename "$file")"
  if [ "$(sha256sum <"$file")" = "$(sha256sum <"$other")" ]; then
    echo "ok    $(basename "$file"): identical SHA-256 over two renders"
  else
    echo "FAIL  $(basename "$file"): two renders differ"; failed=1
  fi
done

echo "-- hostile answers"
python3 - "$work/hostile" Examples/safe-admin-pilot.pia.yaml <<'PY'
import json, os, sys
out, source = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
text = open(source, encoding="utf-8").read()
corpus = {
    "markdown": "# Heading | pipe * star _ under `tick` <b>tag</b> [link](x) ~~strike~~\n1. not a list\n- nor this\n> nor a quote",
    "mustache": "{{title}} {{#findings}}x{{/findings}} {{{raw}}} {{> partial}}",
    "xml": "]]> <w:p><w:r><w:t>injected</w:t></w:r></w:p> &amp; &lt; &#1; \"quotes\" 'apos'",
    "controls": "".join(chr(c) for c in range(1, 32) if c not in (10,)) + " tail",
    "nonchars": "before \ufffe\uffff after",
    "unicode": "مرحبا بالعالم \u202eRTL override\u202c e\u0301 \U0001F642 \U00020000 \U0010FFFD ẞ",
    "long": ("Long answer text with words. " * 36000)[:1_000_000],
}
def quoted(value):
    """A YAML double-quoted scalar: UTF-8 as is, control characters escaped."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch in '\\"':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F:
            out.append("\\x%02X" % code)
        elif code in (0xFFFE, 0xFFFF) or 0x80 <= code < 0xA0 or ch in "\u2028\u2029":
            out.append("\\u%04X" % code)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

for name, value in corpus.items():
    replaced = text.replace(
        "  project_title: Claude Team pilot for council report drafting in the Clerk's Office",
        "  project_title: " + quoted(value))
    replaced = replaced.replace(
        "  ai_product: Claude (Team plan), desktop app and web, with Cowork limited to one folder",
        "  ai_product: " + quoted(value))
    assert replaced != text
    open(f"{out}/hostile-{name}.pia.yaml", "w", encoding="utf-8").write(replaced)
PY
"$pia" render --answers Examples/safe-admin-pilot.pia.yaml --format md --output "$work/plain" >/dev/null
for file in "$work"/hostile/*.pia.yaml; do
  name=$(basename "$file" .pia.yaml)
  if ! "$pia" render --answers "$file" --format all --output "$work/hostile-out" >"$work/log" 2>&1; then
    echo "FAIL  $name: render failed"; sed 's/^/      /' "$work/log"; failed=1; continue
  fi
  for template in pia-report council-report council-appendix notice-of-collection; do
    got=$(grep -E '^#{1,6} ' "$work/hostile-out/$name.$template.md" | sed 's/^\(#*\) .*/\1/' | tr '\n' ' ')
    want=$(grep -E '^#{1,6} ' "$work/plain/safe-admin-pilot.$template.md" | sed 's/^\(#*\) .*/\1/' | tr '\n' ' ')
    if [ "$got" = "$want" ]; then
      echo "ok    $name.$template.md: same heading structure as the plain example"
    else
      echo "FAIL  $name.$template.md: heading structure changed"; failed=1
    fi
  done
done
bash "$here/check-docx.sh" "$work"/hostile-out/*.docx || failed=1

echo "-- a long report: 1,000 data flows"
mkdir -p "$work/long"
python3 Benchmarks/make-flows.py "$work/long" Examples/records-system-deployment.pia.yaml 1000
"$pia" render --answers "$work/long/flows-1000.pia.yaml" --format all --output "$work/long/a" >/dev/null
"$pia" render --answers "$work/long/flows-1000.pia.yaml" --format all --output "$work/long/b" >/dev/null
bash "$here/check-docx.sh" "$work/long/a/flows-1000.pia-report.docx" || failed=1
python3 "$here/check_diagrams.py" "$work/long/a" || failed=1
if cmp -s "$work/long/a/flows-1000.pia-report.docx" "$work/long/b/flows-1000.pia-report.docx"; then
  echo "ok    flows-1000.pia-report.docx: identical over two renders"
else
  echo "FAIL  flows-1000.pia-report.docx: two renders differ"; failed=1
fi

echo "-- LibreOffice: the safe-pilot report as PDF"
profile="$work/lo-profile"
report="$work/a/safe-admin-pilot.pia-report"
timeout 180 soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf \
  --outdir "$work/pdf" "$report.docx" >/dev/null 2>&1 || true
pdf="$work/pdf/safe-admin-pilot.pia-report.pdf"
if [ ! -s "$pdf" ]; then
  echo "FAIL  LibreOffice wrote no PDF"; failed=1
else
  pdftotext -layout "$pdf" "$work/report.txt"
  normalize() { tr -s ' \n' ' ' | sed 's/ $//'; }
  body=$(normalize <"$work/report.txt")
  missing=0
  while IFS= read -r heading; do
    text=$(printf '%s' "$heading" | sed -E 's/^#+ //; s/\\(.)/\1/g; s/\*\*//g' | normalize)
    case "$body" in *"$text"*) ;; *) echo "FAIL  PDF lacks heading: $text"; missing=1 ;; esac
  done < <(grep -E '^#{1,6} ' "$report.md")
  for label in Low Medium High Critical; do
    grep -q "$label" "$work/report.txt" || { echo "FAIL  PDF lacks heat-map label $label"; missing=1; }
  done
  if [ "$(pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" -lt 1 ]; then
    echo "FAIL  PDF holds no picture (the data-flow diagram)"; missing=1
  fi
  if ((missing)); then failed=1; else echo "ok    PDF shows the title, every heading, the heat-map labels and the diagram"; fi
fi

exit $failed
