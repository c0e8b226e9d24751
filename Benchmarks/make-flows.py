"""Writes FOLDER/flows-N.pia.yaml: the records-system example with N data flows.

usage: python3 Benchmarks/make-flows.py FOLDER SOURCE.pia.yaml [N...]
"""
import sys, re
work, source = sys.argv[1], sys.argv[2]
sizes = [int(n) for n in sys.argv[3:]] or [10, 100, 1000, 2000, 5000, 10000]
text = open(source, encoding="utf-8").read()
start = text.index("  data_flows:\n")
body = text[start + len("  data_flows:\n"):]
entries = []
lines = body.split("\n")
current = []
for line in lines:
    if line.startswith("    - id: "):
        if current: entries.append(current)
        current = [line]
    elif line.startswith("      ") and current:
        current.append(line)
    else:
        if current: entries.append(current)
        rest = "\n".join(lines[lines.index(line):])
        break
for n in sizes:
    out = []
    for i in range(n):
        entry = list(entries[i % len(entries)])
        entry[0] = f"    - id: data_flows-{i + 1}"
        out.extend(entry)
    doc = text[:start] + "  data_flows:\n" + "\n".join(out) + "\n" + rest
    open(f"{work}/flows-{n}.pia.yaml", "w", encoding="utf-8").write(doc)
