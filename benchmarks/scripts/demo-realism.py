#!/usr/bin/env python3
"""Prints, for a demo output folder (bin/shifter demo --out DIR), the share of rows at each continuous
column's smallest and largest real value and each categorical column's shares, in the real, synthetic and
shifted tables (and tilted.csv when present): where a shift piled rows at a bound or moved a category.
Usage: benchmarks/scripts/demo-realism.py DEMO_DIR"""
import csv
import os
import sys
from collections import Counter

folder = sys.argv[1] if len(sys.argv) > 1 else "demo-output"
names = [n for n in ("data", "synthetic", "shifted", "tilted") if os.path.exists(f"{folder}/{n}.csv")]
tables = {n: list(csv.DictReader(open(f"{folder}/{n}.csv"))) for n in names}
real = tables["data"]


def numbers(rows, column):
    try:
        return [float(r[column]) for r in rows if r[column] != ""]
    except ValueError:
        return None


print("| column | " + " | ".join(names) + " |")
print("|---|" + "---:|" * len(names))
for column in real[0].keys():
    values = numbers(real, column)
    if values is None:
        for category in sorted({r[column] for r in real}):
            shares = [sum(r[column] == category for r in tables[n]) / len(tables[n]) for n in names]
            print(f"| {column} = {category} | " + " | ".join(f"{s:.3f}" for s in shares) + " |")
        continue
    low, high = min(values), max(values)
    for label, test in (("at min", lambda x: x <= low), ("at max", lambda x: x >= high)):
        shares = []
        for n in names:
            v = numbers(tables[n], column)
            shares.append(sum(test(x) for x in v) / len(v))
        print(f"| {column} {label} | " + " | ".join(f"{s:.3f}" for s in shares) + " |")
