#!/usr/bin/env bash
# Scale benchmark: an assessment with 10, 100, 1,000, 2,000, 5,000 and 10,000 data flows, each
# loaded, scored and rendered to Markdown and DOCX (all three templates) by one
# `pia render --format all` process, release build.
#
# Runs are interleaved (one run of every size per round) so that a slow spell of a shared
# machine spreads over all sizes instead of landing on one. Prints, per size, the median and
# the best wall time, the peak memory (largest of the runs) and the ratio of medians to the
# previous size; for the doublings (1,000 -> 2,000 and 5,000 -> 10,000) it must stay <= 2.2
# (no quadratic step). Targets at 1,000 flows: under 1 s and 100 MB.
#
# usage: Benchmarks/scale-bench.sh [ROUNDS] [SIZES...]   (default 5 rounds, all sizes)
#        PIA=path/to/pia skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000 2000 5000 10000)
if [ -z "${PIA:-}" ]; then
  swift build -c release --product pia >&2
  PIA="$(swift build -c release --show-bin-path)/pia"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/make-flows.py "$work" Examples/records-system-deployment.pia.yaml "${sizes[@]}"

for round in $(seq "$rounds"); do
  for n in "${sizes[@]}"; do
    rm -rf "$work/out"
    /usr/bin/time -f '%e %M' -o "$work/time" "$PIA" render --answers "$work/flows-$n.pia.yaml" \
      --format all --output "$work/out" >/dev/null
    cat "$work/time" >>"$work/runs-$n"
  done
  echo "round $round of $rounds done" >&2
done

printf '| data flows | answers file | median wall time | best | peak memory | t(N)/t(previous), medians |\n'
printf '|---|---|---|---|---|---|\n'
previous=""
previous_n=""
for n in "${sizes[@]}"; do
  read -r median best < <(cut -d' ' -f1 "$work/runs-$n" | sort -n |
    awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)], t[1] }')
  kb=$(cut -d' ' -f2 "$work/runs-$n" | sort -n | tail -1)
  ratio="–"
  [ -n "$previous" ] && ratio=$(awk -v a="$median" -v b="$previous" -v n="$n" -v p="$previous_n" \
    'BEGIN { if (b > 0) printf "%.2f for %g×", a / b, n / p; else print "–" }')
  size=$(du -k "$work/flows-$n.pia.yaml" | cut -f1)
  printf '| %s | %s KB | %s s | %s s | %s MB | %s |\n' "$n" "$size" "$median" "$best" \
    "$((kb / 1024))" "$ratio"
  previous=$median
  previous_n=$n
done
