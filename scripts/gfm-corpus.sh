#!/bin/bash
# Convert every GFM spec example (../shared/test-data/gfm-spec) with the built `pia convert`,
# validate each .docx against the OOXML schemas, and compare each example's text with the text
# of its .docx (scripts/gfm_text.py: cmark-gfm's HTML with the tags stripped and the entities
# decoded, against the paragraph and table-cell text, whitespace collapsed).
# Prints passed/failed counts and how many examples keep their text; exit 1 when an example
# fails to convert or to validate, or when fewer spec.txt examples than GFM_TEXT_FLOOR keep
# their text.
# usage: scripts/gfm-corpus.sh [--readback]   (PIA=path/to/pia to pick a binary)
# --readback also compares each .docx with its Markdown through scripts/docx_readback.py.
# GFM_TEXT_LIST=FILE writes the examples whose text differs to FILE.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus=${GFM_SPEC:-$root/../shared/test-data/gfm-spec}
schemas=${OOXML_SCHEMAS:-$root/../shared/ooxml-schemas}
readback=0; [ "${1:-}" = "--readback" ] && readback=1
[ -f "$corpus/spec.txt" ] || { echo "gfm-corpus: no corpus at $corpus" >&2; exit 2; }
if [ -z "${PIA:-}" ]; then
  (cd "$root" && swift build --product pia >&2) || exit 2
  PIA="$(cd "$root" && swift build --show-bin-path)/pia"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# Split the spec files into one Markdown file per example (→ stands for a tab).
python3 - "$work" "$corpus/spec.txt" "$corpus/extensions.txt" <<'PY'
import sys, os
out = sys.argv[1]
fence = "`" * 32
n = 0
for path in sys.argv[2:]:
    state, md = 0, []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if state == 0 and line.startswith(fence + " example"):
            state, md = 1, []
        elif state == 1 and line == ".":
            n += 1
            name = f"{os.path.basename(path)[:-4]}-{n:03d}.md"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write("\n".join(md).replace("→", "\t") + "\n")
            state = 2
        elif state == 1:
            md.append(line)
        elif state == 2 and line == fence:
            state = 0
PY

export PIA schemas work readback here
check_one() {
  md=$1; docx="${md%.md}.docx"
  if ! "$PIA" convert "$md" -o "$docx" --title "GFM example" >"$md.log" 2>&1; then
    echo "FAIL convert $(basename "$md")"; return
  fi
  if ! bash "$schemas/validate-docx.sh" "$docx" >"$md.log" 2>&1; then
    echo "FAIL schema $(basename "$md")"; return
  fi
  if [ "$readback" = 1 ] && ! python3 "$here/docx_readback.py" "$md" "$docx" --title "GFM example" >"$md.log" 2>&1; then
    echo "FAIL readback $(basename "$md")"; return
  fi
  echo "PASS $(basename "$md")"
}
export -f check_one
ls "$work"/*.md | xargs -P 2 -I{} bash -c 'check_one "$@"' _ {} > "$work/results.txt"
total=$(wc -l < "$work/results.txt")
passed=$(grep -c '^PASS' "$work/results.txt")
failed=$((total - passed))
grep '^FAIL' "$work/results.txt" | sort | head -20
for f in $(grep '^FAIL' "$work/results.txt" | head -3 | awk '{print $3}'); do
  echo "--- $f"; grep -v '^ok' "$work/${f}.log" | head -8
done
what="converted and schema-valid"; [ "$readback" = 1 ] && what="$what, python-docx read-back matches"
echo "GFM corpus: $total examples, $passed passed ($what), $failed failed"

python3 "$here/gfm_text.py" "$work" --list "${GFM_TEXT_LIST:-$work/text-differences.txt}" \
  | tee "$work/text.txt" || exit 2
kept=$(sed -n 's/^GFM text: spec.txt: \([0-9]*\) of.*/\1/p' "$work/text.txt")
floor=${GFM_TEXT_FLOOR:-0}
if [ "${kept:-0}" -lt "$floor" ]; then
  echo "GFM text: only ${kept:-0} spec.txt examples keep their text; at least $floor must"
  sed -n '1,12p' "${GFM_TEXT_LIST:-$work/text-differences.txt}"
  failed=$((failed + 1))
fi
[ "$failed" -eq 0 ]
