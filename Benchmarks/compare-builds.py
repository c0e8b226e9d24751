#!/usr/bin/env python3
"""Two builds of pia side by side: validate, score and render, interleaved (A B A B ...).

    Benchmarks/compare-builds.py \
        --a .build/release/pia --a-resources . --a-flows /tmp/new/flows-1000.pia.yaml \
        --b /tmp/landed/pia --b-resources /tmp/landed --b-flows /tmp/old/flows-1000.pia.yaml \
        [--runs 21]

Each command runs once per round for A and then for B, after one warm-up each, so a slow
spell of a shared machine lands on both. For every command the script prints the median wall
time (from before the start to after the exit), the median CPU time (user + system of the
finished process, from wait4) and the median of the per-round ratios A/B. Build the 1,000-flow
files with Benchmarks/make-flows.py (format 2 for this build, --format 1 for builds before
answers format 2). Outputs of render go to temporary folders that are removed at the end.
Nothing here is a timed test: the figures go in Benchmarks/README.md.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(argv):
    """Runs argv with no input and its output discarded; returns (wall s, cpu s)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"exit {code}: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for side in ("a", "b"):
        parser.add_argument(f"--{side}", required=True, help="the pia binary")
        parser.add_argument(f"--{side}-resources", required=True, help="its resource folder")
        parser.add_argument(f"--{side}-flows", required=True, help="its 1,000-flow answers file")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    outputs = {side: tempfile.mkdtemp(prefix=f"pia-compare-{side}-") for side in ("a", "b")}

    def commands(side):
        binary = getattr(args, side)
        resources = getattr(args, f"{side}_resources")
        flows = getattr(args, f"{side}_flows")
        return {
            "validate (everything shipped)": [binary, "validate", "--resources", resources],
            "score, 1,000 flows": [binary, "score", "--resources", resources, "--answers", flows],
            "render --format all, 1,000 flows": [
                binary, "render", "--resources", resources, "--answers", flows,
                "--format", "all", "--output", outputs[side], "--force"],
        }

    a, b = commands("a"), commands("b")
    try:
        print(f"{args.runs} interleaved runs each, after one warm-up; medians")
        print(f"{'command':34} {'A wall':>9} {'B wall':>9} {'A/B':>6}   "
              f"{'A cpu':>9} {'B cpu':>9} {'A/B':>6}")
        for name in a:
            run(a[name])
            run(b[name])
            pairs = []
            for _ in range(args.runs):
                pairs.append((run(a[name]), run(b[name])))
            wall_a = statistics.median(p[0][0] for p in pairs)
            wall_b = statistics.median(p[1][0] for p in pairs)
            cpu_a = statistics.median(p[0][1] for p in pairs)
            cpu_b = statistics.median(p[1][1] for p in pairs)
            wall_ratio = statistics.median(p[0][0] / p[1][0] for p in pairs)
            cpu_ratio = statistics.median(p[0][1] / p[1][1] for p in pairs if p[1][1] > 0)
            print(f"{name:34} {wall_a * 1000:7.0f}ms {wall_b * 1000:7.0f}ms {wall_ratio:6.2f}   "
                  f"{cpu_a * 1000:7.0f}ms {cpu_b * 1000:7.0f}ms {cpu_ratio:6.2f}", flush=True)
    finally:
        for folder in outputs.values():
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
