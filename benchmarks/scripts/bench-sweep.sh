#!/usr/bin/env bash
# A sweep on Adult: one range Shifter over a 2-entry box, 25 points (the 5 x 5 grid of
# cor[age~hours-per-week] in [0.05, 0.25] and mean[age] in [36, 42]; the data's values are about 0.07 and 38.6),
# 10,000 rows a table, against the data the model was fitted on. Per point: requested against reached, relative
# error, detection score (LogisticDetection) and its drop from the plain CTGAN's (10,000 rows, same evaluator).
# Then the time of the one range training against training a fixed Shifter per point: three points (the
# first, middle and last: two corners and the centre) are trained with the default settings and their mean
# time is multiplied by the number of points. Last,
# the same sweep with --refine, reusing the range Shifter: each point left outside tolerance gets its own Shifter.
# GRID_JSON replaces the grid; the fixed Shifters are then trained on its first, middle and last points.
# Usage: benchmarks/scripts/bench-sweep.sh MODEL_DIR TRAIN.csv [OUT_DIR] [GRID_JSON]
#        (threads: SHIFTER_THREADS, default 2)
#        MODEL_DIR: a CTGAN fitted on TRAIN.csv (e.g. by bench-ctgan-quality.sh, which also writes TRAIN.csv)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: bench-sweep.sh MODEL_DIR TRAIN.csv [OUT_DIR]}
data=${2:?usage: bench-sweep.sh MODEL_DIR TRAIN.csv [OUT_DIR]}
out=${3:-"$root/benchmarks/target/bench-sweep"}
export SHIFTER_THREADS=${SHIFTER_THREADS:-2}
mkdir -p "$out"
"$root/bin/shifter" --version > /dev/null
export SHIFTER_SKIP_BUILD=1
shifter="$root/bin/shifter"
if [ -n "${4:-}" ]; then
  cp "$4" "$out/grid.json"
else
  cat > "$out/grid.json" <<'JSON'
{"cor": {"age~hours-per-week": [0.05, 0.25, 5]}, "mean": {"age": [36, 42, 5]}}
JSON
fi
now() { date +%s%3N; }  # milliseconds
started=$(now)
"$shifter" sweep --model "$model" --grid "$out/grid.json" --out "$out/sweep" --rows 10000 --seed 1 --data "$data" \
  --progress lines > "$out/sweep.txt" 2> "$out/sweep.log"
sweep_ms=$(($(now) - started))
[ -f "$out/plain.json" ] || {
  "$shifter" sample --model "$model" -n 10000 --seed 1 --out "$out/plain.csv" 2>> "$out/sweep.log"
  "$shifter" evaluate --real "$data" --synthetic "$out/plain.csv" --format json 2>> "$out/sweep.log" > "$out/plain.json"
}
: > "$out/fixed-times.txt"
# the first, middle and last points of the manifest, as fixed target files
python3 - "$out" <<'PY'
import csv, json, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/sweep/manifest.csv")))
for r in (rows[0], rows[len(rows) // 2], rows[-1]):
    target = {}
    for k, v in r.items():
        if k.startswith("requested:"):
            feature, key = k[len("requested:"):].split("[", 1)
            target.setdefault(feature, {})[key[:-1]] = float(v)
    json.dump(target, open(f"{out}/target-point-{r['point']}.json", "w"))
PY
for target in "$out"/target-point-*.json; do
  name=$(basename "$target" .json)
  started=$(now)
  "$shifter" train --model "$model" --target "$target" --out "$out/fixed-$name" --seed 1 --progress none \
    > "$out/fixed-$name.txt" 2>&1
  echo "$name - $(($(now) - started))" >> "$out/fixed-times.txt"
done
started=$(now)
"$shifter" sweep --model "$model" --grid "$out/grid.json" --out "$out/refined" --rows 10000 --seed 1 --data "$data" \
  --shifter "$out/sweep/shifter" --refine --progress lines > "$out/refined.txt" 2> "$out/refined.log"
refined_ms=$(($(now) - started))
python3 - "$out" "$sweep_ms" "$refined_ms" <<'PY'
import csv, json, re, statistics, sys
out, sweep_seconds = sys.argv[1], float(sys.argv[2]) / 1000
rows = list(csv.DictReader(open(f"{out}/sweep/manifest.csv")))
plain = json.load(open(f"{out}/plain.json"))["detection"]["score"]
labels = [k[len("requested:"):] for k in rows[0] if k.startswith("requested:")]
log = open(f"{out}/sweep.log").read()
m = re.search(r"in ([0-9.]+) s \(Shifter ([0-9.]+) s\)", log)
training = float(m.group(2)) if m else float("nan")
fixed = [line.split() for line in open(f"{out}/fixed-times.txt")]
fixed_mean = statistics.mean(float(f[2]) / 1000 for f in fixed)
print(f"Sweep on Adult: {len(rows)} points, 10,000 rows a table, threads {__import__('os').environ.get('SHIFTER_THREADS')}")
print()
print("| point | " + " | ".join(f"{l} requested / reached" for l in labels) + " | worst relative error | detection | drop from plain |")
print("|---|" + "---|" * (len(labels) + 3))
worst = []
drops = []
for r in rows:
    w = max(float(r[f"relative_error:{l}"]) for l in labels)
    worst.append(w)
    d = float(r["detection"])
    drops.append(plain - d)
    cells = " | ".join(f"{float(r['requested:' + l]):.4g} / {float(r['reached:' + l]):.4g}" for l in labels)
    print(f"| {r['point']} | {cells} | {100 * w:.2f} % | {d:.3f} | {plain - d:+.3f} |")
print()
print("| measure | value |")
print("|---|---|")
print(f"| points | {len(rows)} |")
print(f"| median / worst over the points of the worst entry's relative error | {100 * statistics.median(worst):.2f} % / {100 * max(worst):.2f} % |")
print(f"| points with every entry within tolerance | {sum(r['within_tolerance'] == 'true' for r in rows)} |")
print(f"| detection score: plain CTGAN / median of the points / lowest | {plain:.3f} / {statistics.median(plain - x for x in drops):.3f} / {plain - max(drops):.3f} |")
print(f"| detection drop: median / worst | {statistics.median(drops):.3f} / {max(drops):.3f} |")
print(f"| one range training (s) | {training:.1f} |")
print(f"| whole sweep, training and 25 tables with their detection scores (s) | {sweep_seconds:.1f} |")
print(f"| a fixed Shifter per point: mean of {len(fixed)} trainings (s) | {fixed_mean:.1f} ({', '.join(f'{float(f[2]) / 1000:.1f}' for f in fixed)}) |")
print(f"| a fixed Shifter per point, all {len(rows)} points (estimate, s) | {fixed_mean * len(rows):.0f} |")
refined = list(csv.DictReader(open(f"{out}/refined/manifest.csv")))
rworst = [max(float(r[f"relative_error:{l}"]) for l in labels) for r in refined]
rdrops = [plain - float(r["detection"]) for r in refined]
print(f"| with --refine: points made by their own Shifter | {sum(r['made_by'] == 'refined' for r in refined)} |")
print(f"| with --refine: median / worst relative error | {100 * statistics.median(rworst):.2f} % / {100 * max(rworst):.2f} % |")
print(f"| with --refine: points within tolerance | {sum(r['within_tolerance'] == 'true' for r in refined)} |")
print(f"| with --refine: detection drop median / worst | {statistics.median(rdrops):.3f} / {max(rdrops):.3f} |")
print(f"| with --refine, reusing the range Shifter: whole run (s) | {float(sys.argv[3]) / 1000:.1f} |")
PY
