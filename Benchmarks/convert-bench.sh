#!/bin/bash
# Times `pia convert` against `pandoc -o x.docx` on the same generated Markdown, interleaved,
# median of several runs, at ~30 pages (1x) and ~300 pages (10x). Whole process, wall clock.
# usage: Benchmarks/convert-bench.sh [RUNS_1X] [RUNS_10X]     (defaults 15 and 7)
# Needs pandoc (apt-get install -y pandoc); builds pia in release mode, or takes PIA=path.
# PIA_BASELINE=path/to/other/pia adds a second build of pia (say, the landed one) to the same
# interleaved runs, so the two are compared on the same machine at the same moment; "pia /
# baseline" is the median of the per-round ratios of the two (below 1: this build is faster).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs1=${1:-15}; runs10=${2:-7}
command -v pandoc >/dev/null || { echo "pandoc missing: apt-get install -y pandoc" >&2; exit 2; }
if [ -z "${PIA:-}" ]; then
  (cd "$root" && swift build -c release --product pia >&2)
  PIA="$(cd "$root" && swift build -c release --show-bin-path)/pia"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

python3 - "$work" "$PIA" "$runs1" "$runs10" "${PIA_BASELINE:-}" <<'PY'
import os, statistics, subprocess, sys, time
work, pia, runs1, runs10 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
baseline = sys.argv[5]
words = ("personal information collection notice retention schedule vendor access audit "
         "municipal clerk council program privacy breach safeguard consent disclosure").split()

def sentence(i, n=18):
    return " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(n)).capitalize() + "."

def generate(scale):
    """Shape of notes §6 per 1x: 10 H1, 20 H2, 60 paragraphs with a bold phrase,
    20 bullet lists (100 items), 10 tables of 5 columns (200 data rows)."""
    out, p, item, row = [], 0, 0, 0
    for s in range(10 * scale):
        out.append(f"# Section {s + 1}: data flows and findings\n")
        for sub in range(2):
            out.append(f"## Subsection {s + 1}.{sub + 1}\n")
            for _ in range(3):
                p += 1
                out.append(f"{sentence(p)} The **{words[p % len(words)]} safeguard** applies. "
                           f"{sentence(p + 1)} {sentence(p + 2)}\n")
            for _ in range(5):
                item += 1
                out.append(f"- {sentence(item, 9)}")
            out.append("")
        out.append("| Flow | Source | Destination | Personal information | Safeguard |")
        out.append("|---|---|---|---|---|")
        for _ in range(20):
            row += 1
            out.append(f"| F-{row} | {words[row % 16]} office | {words[(row + 5) % 16]} system "
                       f"| {sentence(row, 5)} | {sentence(row + 3, 4)} |")
        out.append("")
    return "\n".join(out) + "\n"

def median_ms(samples):
    return statistics.median(samples) * 1000

rows = []
for label, scale, runs in (("~30 pages (1x)", 1, runs1), ("~300 pages (10x)", 10, runs10)):
    md = os.path.join(work, f"bench{scale}.md")
    with open(md, "w") as f:
        f.write(generate(scale))
    size_kb = os.path.getsize(md) / 1024
    commands = {
        "pia convert": [pia, "convert", md, "-o", os.path.join(work, "pia.docx")],
        "pandoc": ["pandoc", md, "-o", os.path.join(work, "pandoc.docx")],
    }
    if baseline:
        commands["baseline"] = [baseline, "convert", md, "-o", os.path.join(work, "base.docx")]
    samples = {name: [] for name in commands}
    for name, command in commands.items():  # warm-up
        subprocess.run(command, check=True)
    for _ in range(runs):  # interleaved
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True)
            samples[name].append(time.perf_counter() - start)
    pia_ms, pandoc_ms = median_ms(samples["pia convert"]), median_ms(samples["pandoc"])
    # The speed-up is the median of the per-round ratios: a round's runs are seconds apart,
    # so a slow moment of the machine touches both sides of a ratio alike.
    ratio = statistics.median(b / a for a, b in zip(samples["pia convert"], samples["pandoc"]))
    base = None
    if baseline:
        base = (median_ms(samples["baseline"]), statistics.median(
            b / a for a, b in zip(samples["baseline"], samples["pandoc"])),
            statistics.median(a / b for a, b in zip(samples["pia convert"], samples["baseline"])))
    rows.append((label, f"{size_kb:.0f} KB", runs, pia_ms, pandoc_ms, ratio,
                 os.path.getsize(os.path.join(work, "pia.docx")) / 1024,
                 os.path.getsize(os.path.join(work, "pandoc.docx")) / 1024, base))

version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
print(f"\n{version}; {os.cpu_count()} cores; median wall time, whole process, interleaved runs\n")
if baseline:
    print(f"baseline: {baseline}\n")
    print("| document | Markdown | runs | pia convert | speed-up over pandoc | baseline pia "
          "| baseline speed-up | pia / baseline | pandoc | .docx size pia / pandoc |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, size, runs, a, b, ratio, sa, sb, base in rows:
        print(f"| {label} | {size} | {runs} | {a:.1f} ms | {ratio:.2f}x | {base[0]:.1f} ms "
              f"| {base[1]:.2f}x | {base[2]:.3f} | {b:.0f} ms | {sa:.0f} / {sb:.0f} KB |")
else:
    print("| document | Markdown | runs | pia convert | pandoc | speed-up | .docx size pia / pandoc |")
    print("|---|---|---|---|---|---|---|")
    for label, size, runs, a, b, ratio, sa, sb, _ in rows:
        print(f"| {label} | {size} | {runs} | {a:.1f} ms | {b:.0f} ms | {ratio:.1f}x | {sa:.0f} / {sb:.0f} KB |")
PY
