#!/usr/bin/env bash
# Crash test for the answers file: runs a scripted `pia interview` under a
# pseudo-terminal, SIGKILLs it at a random moment, and checks that the answers
# file is then either absent (killed before the first save) or a complete file
# that loads without errors and holds only answers of the scripted run (the
# previous or the new version, never a partial write).
#
# Usage: scripts/kill-test.sh [RUNS]   (default 200; needs python3 and a built pia)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-200}"
PIA="${PIA:-.build/debug/pia}"
[ -x "$PIA" ] || { echo "build first: swift build" >&2; exit 2; }
exec python3 - "$RUNS" "$PIA" <<'PY'
import os, random, subprocess, sys, tempfile, time
import yaml

runs, pia = int(sys.argv[1]), sys.argv[2]
questionnaire = "Tests/PIAKitTests/Fixtures/questionnaires/small.yaml"
script = [
    "Pilot project", "2026-01-15", "Line one", "Line two", ".", "free", "y", "2026-02-01",
    "1,2,3", "y", "review", "4", "team", "review", "4", "free",
    "y", "Names", "2", "1", "y", "Addresses", "2", "2", "edit 1", "Names and phones", "", "",
    "remove 2", "y", "y", "Case notes", "1", "n", "Deputy Clerk",
]
work = tempfile.mkdtemp(prefix="pia-kill-")
inputs = os.path.join(work, "input.txt")
with open(inputs, "w") as f:
    f.write("\n".join(script) + "\n")
env = dict(os.environ, NO_COLOR="1")

def interview(answers, kill_ms=None):
    command = ["python3", "scripts/pty-drive.py", "--burst", "--input", inputs]
    if kill_ms is not None:
        command += ["--kill-after-ms", str(kill_ms)]
    command += ["--", pia, "interview", questionnaire, "--answers", answers, "--resources", "."]
    return subprocess.run(command, env=env, capture_output=True, text=True)

reference_path = os.path.join(work, "reference.pia.yaml")
start = time.time()
result = interview(reference_path)
duration = time.time() - start
if result.returncode != 0 or "Done: every required question" not in result.stdout:
    sys.exit("reference run failed:\n" + result.stdout)
reference = yaml.safe_load(open(reference_path))["answers"]

def consistent(answers):
    # Every answer is one the scripted run gives at some point: its final value,
    # or an earlier one (the plan was free, then team, then free again; a data
    # flow may be half answered, or removed later).
    for key, value in (answers or {}).items():
        if key == "flows":
            known = {"flows-1": {"element": ["Names", "Names and phones"], "category": ["personal"], "authority": ["statute"]},
                     "flows-2": {"element": ["Addresses"], "category": ["personal"], "authority": ["none"]},
                     "flows-3": {"element": ["Case notes"], "category": ["business_contact"]}}
            for entry in value:
                fields = known.get(entry.get("id"))
                if fields is None:
                    return f"unexpected entry {entry}"
                for field, fvalue in entry.items():
                    if field != "id" and fvalue not in fields.get(field, []):
                        return f"unexpected {field} {fvalue!r} in {entry['id']}"
        elif key == "tier":
            if value not in ("free", "team"):
                return f"unexpected tier {value}"
        elif reference.get(key) != value:
            return f"{key}: {value!r} is not the scripted {reference.get(key)!r}"
    return None

failures = 0
outcomes = {"absent": 0, "complete": 0}
for run in range(runs):
    path = os.path.join(work, f"run-{run}.pia.yaml")
    kill_ms = random.uniform(0, duration * 1000 * 1.1)
    interview(path, kill_ms)
    leftovers = [n for n in os.listdir(work) if n.startswith(f".run-{run}.pia.yaml.tmp-")]
    if not os.path.exists(path):
        outcomes["absent"] += 1
        continue
    text = open(path).read()
    problem = None
    try:
        data = yaml.safe_load(text)
        if not isinstance(data, dict) or data.get("format") != 2 or "answers" not in data:
            problem = "not a complete answers file"
        else:
            problem = consistent(data.get("answers"))
    except yaml.YAMLError as error:
        problem = f"does not parse: {error}"
    if problem is None:
        check = subprocess.run(
            [pia, "interview", questionnaire, "--answers", path, "--non-interactive",
             "--resources", "."], env=env, capture_output=True, text=True)
        if "error:" in check.stderr or "has the problems" in check.stderr:
            problem = "pia does not load it: " + check.stderr.strip()
    if problem:
        failures += 1
        print(f"run {run} (killed after {kill_ms:.0f} ms): {problem}\n{text}", file=sys.stderr)
    else:
        outcomes["complete"] += 1
    for name in leftovers:
        os.remove(os.path.join(work, name))
    os.remove(path)

print(f"kill test: {runs} runs, {failures} failures "
      f"({outcomes['complete']} complete files, {outcomes['absent']} killed before the first save); "
      f"reference run {duration * 1000:.0f} ms")
sys.exit(1 if failures else 0)
PY
