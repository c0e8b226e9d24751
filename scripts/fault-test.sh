#!/usr/bin/env bash
# Fault tests for saving: a full disk and a read-only folder, on a tiny tmpfs (needs root to
# mount; skipped with a message otherwise). Each save must fail with a readable error, exit 1,
# and leave the previous answers file byte-for-byte untouched with no temporary file behind.
# Also: `pia render` into a read-only output folder fails cleanly.
# usage: scripts/fault-test.sh   (PIA=path/to/pia; default .build/debug/pia)
set -uo pipefail
cd "$(dirname "$0")/.."
pia=$(realpath "${PIA:-.build/debug/pia}")
root=$(pwd)
mnt=$(mktemp -d)
if ! mount -t tmpfs -o size=512k tmpfs "$mnt" 2>/dev/null; then
  echo "skip  fault tests: cannot mount a tmpfs here (needs root)"; rmdir "$mnt"; exit 0
fi
trap 'umount "$mnt" 2>/dev/null; rmdir "$mnt"' EXIT
failed=0
cp Examples/safe-admin-pilot.pia.yaml "$mnt/pilot.pia.yaml"
before=$(sha256sum <"$mnt/pilot.pia.yaml")

check() {  # name, expected message fragment, output file, status
  local name=$1 fragment=$2 log=$3 status=$4
  if ((status != 1)); then echo "FAIL  $name: exit $status, expected 1"; failed=1; fi
  if ! grep -qi -- "$fragment" "$log"; then
    echo "FAIL  $name: message lacks '$fragment':"; sed 's/^/      /' "$log"; failed=1
  fi
  if [ "$(sha256sum <"$mnt/pilot.pia.yaml")" != "$before" ]; then
    echo "FAIL  $name: the answers file changed"; failed=1
  fi
  if ls -A "$mnt" | grep -v -e '^pilot.pia.yaml$' -e '^fill$' -e '^out$' | grep -q .; then
    echo "FAIL  $name: left files behind: $(ls -A "$mnt")"; failed=1
  fi
  ((failed)) || echo "ok    $name: $(head -n 1 "$log")"
}

approve() {
  (cd "$mnt" && "$pia" approve --resources "$root" --answers pilot.pia.yaml --role program_owner \
    --name "Dana Lee" --decision approved --date 2026-03-01) >"$mnt/../fault.log" 2>&1
}

# Disk full.
dd if=/dev/zero of="$mnt/fill" bs=4k >/dev/null 2>&1
approve; check "disk full" "space" "$mnt/../fault.log" $?
rm -f "$mnt/fill"

# Read-only folder.
mount -o remount,ro "$mnt"
approve; check "read-only folder" "read-only" "$mnt/../fault.log" $?
"$pia" render --resources "$root" --answers "$root/Examples/safe-admin-pilot.pia.yaml" \
  --output "$mnt/out" >"$mnt/../fault.log" 2>&1
check "render into a read-only folder" "read-only" "$mnt/../fault.log" $?
mount -o remount,rw "$mnt"
rm -f "$mnt/../fault.log"
exit $failed
