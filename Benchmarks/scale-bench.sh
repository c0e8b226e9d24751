#!/usr/bin/env bash
# Scale benchmark: an assessment with 10, 100, 1,000 and 10,000 data flows, each loaded, scored
# and rendered to Markdown and DOCX (all three templates) by one `pia render --format all`
# process. Prints wall time (median of RUNS), peak memory, and the time ratio to the previous
# size; for the doublings (1,000 → 2,000 and 5,000 → 10,000) it must stay ≤ 2.2 (no quadratic
# step). usage: Benchmarks/scale-bench.sh [RUNS]   (default 5; release build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
if [ -z "${PIA:-}" ]; then
  swift build -c release --product pia >&2
  PIA="$(swift build -c release --show-bin-path)/pia"
fi
pia=$PIA
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

python3 Benchmarks/make-flows.py "$work" Examples/records-system-deployment.pia.yaml

printf '| data flows | answers file | median wall time | peak memory | t(N)/t(previous) for N/previous |\n|---|---|---|---|---|\n'
previous=""; previous_n=""
for n in 10 100 1000 2000 5000 10000; do
  file="$work/flows-$n.pia.yaml"
  times=(); peak=0
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time" "$pia" render --answers "$file" --format all \
      --output "$work/out" >/dev/null
    read -r seconds kb <"$work/time"
    times+=("$seconds"); ((kb > peak)) && peak=$kb
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  ratio="–"
  [ -n "$previous" ] && ratio=$(awk -v a="$median" -v b="$previous" -v n="$n" -v p="$previous_n" \
    'BEGIN { if (b > 0) printf "%.2f for %g×", a / b, n / p; else print "–" }')
  size=$(du -k "$file" | cut -f1)
  printf '| %s | %s KB | %s s | %s MB | %s |\n' "$n" "$size" "$median" "$((peak / 1024))" "$ratio"
  previous=$median; previous_n=$n
done
