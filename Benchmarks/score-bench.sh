#!/usr/bin/env bash
# Scores 1,000 answers files in one `pia score` process (release build) and
# prints the wall-clock time. Target: under 2 s.
#
# Usage: Benchmarks/score-bench.sh [COUNT]   (run from the package root)
# Skips the build when PIA_BENCH_NO_BUILD=1 and .build/release/pia exists.
set -euo pipefail

count="${1:-1000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [[ "${PIA_BENCH_NO_BUILD:-0}" != 1 || ! -x .build/release/pia ]]; then
  swift build -c release --product pia >&2
fi
pia="$root/.build/release/pia"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Vary the three example answer sets so files differ: plan, scope, safeguards,
# and 0-3 data flows.
fixtures="$root/Tests/PIAKitTests/Fixtures/risk"
tiers=(free pro max team enterprise)
scopes=(admin_folder shared_drive records_system property_system whole_device)
yesno=(yes no)
for ((i = 0; i < count; i++)); do
  base=$fixtures/records-system.pia.yaml
  case $((i % 3)) in 0) base=$fixtures/safe-pilot.pia.yaml ;; 1) base=$fixtures/personal-account.pia.yaml ;; esac
  sed -e "s/^  plan_tier: .*/  plan_tier: ${tiers[$((i % 5))]}/" \
      -e "s/^  access_scope: .*/  access_scope: ${scopes[$(((i / 5) % 5))]}/" \
      -e "s/^  telemetry_monitoring: .*/  telemetry_monitoring: ${yesno[$(((i / 25) % 2))]}/" \
      -e "s/^  ask_before_acting: .*/  ask_before_acting: ${yesno[$(((i / 50) % 2))]}/" \
      "$base" > "$work/a$i.pia.yaml"
done

TIMEFORMAT='%R %U %S'
timing=$( { time "$pia" score --resources "$root" --format json --date 2026-04-01 \
  --answers "$work"/*.pia.yaml > "$work/out.json"; } 2>&1 )
read -r wall user sys <<< "$timing"

scored=$(grep -c '"questionnaire": {' "$work/out.json" || true)
cpu=$(echo "$user + $sys" | bc -l)
printf 'scored %d answers files in one process: %.3f s wall, %.3f s CPU (target < 2 s)\n' \
  "$scored" "$wall" "$cpu"
