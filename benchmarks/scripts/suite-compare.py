#!/usr/bin/env python3
"""Reads the suite benchmark's entries.csv and sets.csv (bench-shifter-suite.sh OUT_DIR) and prints the
issue's must-show figures with met / missed, and the Shifter against tilt entry by entry and set by set.
Usage: benchmarks/scripts/suite-compare.py OUT_DIR"""
import csv
import statistics
import sys
from collections import defaultdict


def quantile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def moved_away(e):
    """Further from the target than the plain CTGAN beyond float32 rounding (the identity reads back the
    unshifted value through float32; older CSV files flag it)."""
    target, unshifted, reached = float(e["target"]), float(e["unshifted"]), float(e["reached"])
    rounding = 1e-6 * max(abs(target), abs(unshifted))
    return abs(reached - target) > abs(unshifted - target) + rounding


def verdict(ok):
    return "met" if ok else "MISSED"


out = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/bench-shifter-suite"
entries = list(csv.DictReader(open(f"{out}/entries.csv")))
sets = list(csv.DictReader(open(f"{out}/sets.csv")))
plain = {s["data_set"]: s for s in sets if s["method"] == "ctgan"}
by_set = {(s["set"], s["method"]): s for s in sets if s["method"] != "ctgan"}
failed = [s for s in sets if s["method"] != "ctgan" and s["detection"] in ("", "NaN")]

for method in ("shifter", "tilt"):
    rows = [e for e in entries if e["method"] == method]
    if not rows:
        continue
    errors = [float(e["error"]) for e in rows]
    away = [e for e in rows if moved_away(e)]
    away_outside = [e for e in away if e["within"] != "true"]
    method_sets = [s for s in sets if s["method"] == method]
    ok_sets = [s for s in method_sets if s not in failed]
    plausible = [s for s in ok_sets if s["all_plausible"] == "true"]
    drops = [float(plain[s["data_set"]]["detection"]) - float(s["detection"]) for s in plausible]
    rises = [float(s["forest_auc"]) - float(plain[s["data_set"]]["forest_auc"]) for s in plausible]
    added = [float(s["added_at_bounds"]) for s in plausible]
    seconds = [float(s["seconds"]) for s in ok_sets]
    print(f"## {method}: {len(method_sets)} sets ({len(method_sets) - len(ok_sets)} failed), {len(rows)} entries")
    print(f"- median relative error {100 * statistics.median(errors):.2f} % (goal <= 2 %): "
          f"{verdict(statistics.median(errors) <= 0.02)}")
    print(f"- 90th percentile {100 * quantile(errors, 0.9):.2f} % (goal <= 5 %): {verdict(quantile(errors, 0.9) <= 0.05)}")
    print(f"- entries further from the target than the plain CTGAN: {len(away)} ({len(away_outside)} of them outside "
          f"tolerance; goal 0): {verdict(not away)}")
    if plausible:
        print(f"- plausible sets ({len(plausible)}): median detection drop {statistics.median(drops):.3f} (goal <= 0.03):"
              f" {verdict(statistics.median(drops) <= 0.03)}; worst {max(drops):.3f} (goal <= 0.10): "
              f"{verdict(max(drops) <= 0.10)}")
        print(f"- plausible sets: forest AUC rise median {statistics.median(rises):.3f}, worst {max(rises):.3f} "
              f"(goal <= 0.03): {verdict(max(rises) <= 0.03)}")
        print(f"- plausible sets: rows added at a bound over the plain CTGAN, worst {100 * max(added):.1f} % "
              f"(goal <= 1 %): {verdict(max(added) <= 0.01)}; sets above 1 %: "
              f"{sum(1 for a in added if a > 0.01)} of {len(added)}")
    print(f"- seconds per set: median {statistics.median(seconds):.1f}, max {max(seconds):.1f}"
          + (" (goal: median <= 30 s at 1 thread): " + verdict(statistics.median(seconds) <= 30)
             if method == "shifter" else ""))
    print()

print("## Shifter against tilt, same entries")
print("| data set | entries both ran | Shifter closer | tilt closer | sets tilt refused | sets Shifter failed |"
      " median detection, Shifter / tilt | median s, Shifter / tilt |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
scopes = sorted({s["data_set"] for s in sets}, key=lambda d: [s["data_set"] for s in sets].index(d)) + ["all"]
errors = defaultdict(dict)
for e in entries:
    errors[(e["set"], e["entry"])][e["method"]] = float(e["error"])
for scope in scopes:
    keys = [k for k in errors if scope == "all" or k[0].startswith(scope + "-")]
    both = [k for k in keys if "shifter" in errors[k] and "tilt" in errors[k]]
    shifter_closer = sum(1 for k in both if errors[k]["shifter"] < errors[k]["tilt"])
    tilt_closer = sum(1 for k in both if errors[k]["tilt"] < errors[k]["shifter"])
    in_scope = [s for s in sets if s["method"] != "ctgan" and (scope == "all" or s["data_set"] == scope)]
    tilt_refused = sum(1 for s in in_scope if s["method"] == "tilt" and s in failed)
    shifter_failed = sum(1 for s in in_scope if s["method"] == "shifter" and s in failed)

    def med(method, column):
        values = [float(s[column]) for s in in_scope if s["method"] == method and s not in failed]
        return statistics.median(values) if values else float("nan")

    print(f"| {scope} | {len(both)} | {shifter_closer} | {tilt_closer} | {tilt_refused} | {shifter_failed} | "
          f"{med('shifter', 'detection'):.3f} / {med('tilt', 'detection'):.3f} | "
          f"{med('shifter', 'seconds'):.1f} / {med('tilt', 'seconds'):.1f} |")
if failed:
    print("\nFailed or refused sets:")
    for s in failed:
        print(f"- {s['set']} {s['method']}: {s['note']}")
