#!/usr/bin/env bash
# The PDF checks CI runs: every shipped example rendered with --format md,docx,pdf must give, for
# each document,
#   - a PDF that pdfinfo calls "Tagged: yes" with a non-empty title;
#   - a PDF that pia check-accessibility passes (tags, title, language, bookmarks, fonts);
#   - text (pdftotext) holding every heading of the Markdown rendered beside it;
# and pia convert FILE.md -o FILE.pdf must give a tagged PDF too.
#
# needs: bash, LibreOffice (libreoffice-writer-nogui) and poppler-utils.
# usage: scripts/check-pdf.sh   (PIA=path/to/pia to pick a binary)
set -euo pipefail
cd "$(dirname "$0")/.."
pia=${PIA:-.build/debug/pia}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
normalize() { tr -s ' \n\f' ' ' | sed 's/^ //; s/ $//'; }

for example in Examples/*.pia.yaml; do
  "$pia" render --answers "$example" --format md,docx,pdf --output "$work/out" >/dev/null
done
for pdf in "$work"/out/*.pdf; do
  name=$(basename "$pdf" .pdf)
  info=$(pdfinfo "$pdf")
  title=$(sed -n 's/^Title: *//p' <<<"$info")
  if grep -q '^Tagged: *yes' <<<"$info" && [ -n "$title" ]; then
    echo "ok    $name.pdf: Tagged: yes, title \"$title\""
  else
    echo "FAIL  $name.pdf: not tagged or no title"; sed 's/^/      /' <<<"$info"; failed=1
  fi
  if report=$("$pia" check-accessibility "$pdf"); then
    echo "ok    $name.pdf: pia check-accessibility"
  else
    echo "FAIL  $name.pdf: pia check-accessibility"; sed 's/^/      /' <<<"$report"; failed=1
  fi
  body=$(pdftotext -layout "$pdf" - | normalize)
  missing=0
  while IFS= read -r heading; do
    text=$(printf '%s' "$heading" | sed -E 's/^#+ //; s/\\(.)/\1/g; s/\*\*//g' | normalize)
    case "$body" in *"$text"*) ;; *) echo "FAIL  $name.pdf lacks the heading: $text"; missing=1 ;; esac
  done < <(grep -E '^#{1,6} ' "$work/out/$name.md")
  if ((missing)); then failed=1; else echo "ok    $name.pdf: every heading of $name.md is in its text"; fi
done

printf '# Converted title\n\nText.\n\n## A section\n\nMore text.\n' >"$work/in.md"
"$pia" convert "$work/in.md" -o "$work/in.pdf"
if pdfinfo "$work/in.pdf" | grep -q '^Tagged: *yes'; then
  echo "ok    pia convert -o FILE.pdf: tagged"
else
  echo "FAIL  pia convert -o FILE.pdf: not tagged"; failed=1
fi
exit $failed
