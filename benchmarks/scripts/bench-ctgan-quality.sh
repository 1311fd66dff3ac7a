#!/usr/bin/env bash
# The quality of our CTGAN and of the reference Python CTGAN (sdv-dev/CTGAN 0.7.5 with RDT 1.6.1) over several
# seeds: one GAN fit differs from the next by more than the two tools differ (the mean efficacy F1 of one of
# our 300-epoch fits was 0.501, of another 0.632), so a single fit settles nothing. Per seed, both tools fit
# Adult's 80 % split (the split of bench-ctgan-vs-reference.sh) for EPOCHS epochs side by side, ours at 1
# thread and the reference at torch 1 / OpenBLAS 2 (its best setting), so the machine is shared by the two
# fits and no time is reported here (bench-ctgan-vs-reference.sh measures speed on a quiet machine). Each model
# samples as many rows as the held-out 20 % has. Then, per seed and as the mean over seeds: random-forest
# detection AUC, F1 of >50K on the real 20 % for logistic regression, CART, random forest and AdaBoost trained
# on synthetic rows (and on real rows, the ceiling), our `evaluate` (LogisticDetection, KS/TV); and a
# fidelity table (per-column KS, the spikes, category shares, >50K by category) of the first seed's tables.
# Fits already in OUT_DIR are kept, so an interrupted run goes on where it stopped.
# TOOLS (default "ours reference") picks the tools to fit; with one tool, two seeds fit side by side (each
# fit is deterministic at its thread count, so sharing the machine changes its time, never its rows). A tool
# left out is still reported where its files from an earlier run are in OUT_DIR.
# Needs the Python packages that bench-ctgan-vs-reference.sh names.
# Usage: benchmarks/scripts/bench-ctgan-quality.sh [OUT_DIR] [EPOCHS=300] [SEEDS=3] [TOOLS="ours reference"]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$root/benchmarks/target/bench-ctgan-quality"}
epochs=${2:-300}
seeds=${3:-3}
tools=${4:-"ours reference"}
. "$root/benchmarks/scripts/common.sh"
if [[ " $tools " == *" reference "* ]]; then
  reference_setup "$out"
else
  mkdir -p "$out"
  data=$(adult_csv)
  python=$(reference_python)
fi
"$root/bin/shifter" --version > /dev/null
export SHIFTER_SKIP_BUILD=1
[ -f "$out/train.csv" ] || "$python" "$root/benchmarks/scripts/ctgan_reference.py" split "$data" "$out/train.csv" \
  "$out/test.csv" 0
rows=$(($(wc -l < "$out/test.csv") - 1))
in_flight=0
for seed in $(seq 1 "$seeds"); do
  echo "seed $seed: fitting $tools for $epochs epochs" >&2
  if [[ " $tools " == *" ours "* && ! -f "$out/ours-s$seed.csv" ]]; then
    (SHIFTER_THREADS=1 "$root/bin/shifter" fit --data "$out/train.csv" --epochs "$epochs" --seed "$seed" \
       --out "$out/ours-s$seed" --progress lines > "$out/ours-s$seed.log" 2>&1 &&
     SHIFTER_THREADS=1 "$root/bin/shifter" sample --model "$out/ours-s$seed" -n "$rows" --seed 7 \
       --out "$out/ours-s$seed.csv" >> "$out/ours-s$seed.log" 2>&1) &
    in_flight=$((in_flight + 1))
  fi
  if [[ " $tools " == *" reference "* && ! -f "$out/reference-s$seed.csv" ]]; then
    (OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$python" \
      "$root/benchmarks/scripts/ctgan_reference.py" fit "$src" "$out/train.csv" "$epochs" 1 \
      "$out/reference-s$seed.csv.part" "$rows" "$seed" > "$out/reference-s$seed.log" 2>&1 &&
     mv "$out/reference-s$seed.csv.part" "$out/reference-s$seed.csv") &
    in_flight=$((in_flight + 1))
  fi
  if [ "$in_flight" -ge 2 ]; then
    wait
    in_flight=0
  fi
done
wait
for seed in $(seq 1 "$seeds"); do
  for tool in ours reference; do
    [ -f "$out/$tool-s$seed.csv" ] || continue
    [ -f "$out/quality-$tool-s$seed.json" ] || "$python" "$root/benchmarks/scripts/ctgan_reference.py" quality \
      "$out/train.csv" "$out/test.csv" "$out/$tool-s$seed.csv" 0 > "$out/quality-$tool-s$seed.json"
    [ -f "$out/evaluate-$tool-s$seed.json" ] || "$root/bin/shifter" evaluate --real "$out/train.csv" \
      --synthetic "$out/$tool-s$seed.csv" --format json 2>/dev/null > "$out/evaluate-$tool-s$seed.json"
  done
done
"$python" - "$out" "$epochs" "$seeds" <<'PY'
import json, os, statistics, sys
out, epochs, seeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = {}
for tool in ("ours", "reference"):
    for s in range(1, seeds + 1):
        if not os.path.exists(f"{out}/quality-{tool}-s{s}.json"):
            continue
        q = json.load(open(f"{out}/quality-{tool}-s{s}.json"))
        e = json.load(open(f"{out}/evaluate-{tool}-s{s}.json"))
        f1 = {name: v["synthetic"] for name, v in q["efficacy_f1"].items()}
        rows.setdefault(tool, []).append({"rf": q["rf_detection_auc"], "f1": f1, "mean_f1": statistics.mean(f1.values()),
            "real_f1": statistics.mean(v["real"] for v in q["efficacy_f1"].values()),
            "ld": e["detection"]["score"], "ks": e["marginals"]["ks_complement"],
            "tv": e["marginals"]["tv_complement"]})
print(f"CTGAN on Adult's 80 % split, {epochs} epochs a fit, {seeds} seeds a tool (ours at 1 thread, the reference at "
      "torch 1 / OpenBLAS 2, fitting side by side)")
print()
print("| tool | seed | RF detection AUC | mean F1 of four (LR / CART / RF / AdaBoost) | LogisticDetection | KS / TV complement |")
print("|---|---|---|---|---|---|")
for tool, items in rows.items():
    for s, r in enumerate(items, 1):
        print(f"| {tool} | {s} | {r['rf']:.3f} | {r['mean_f1']:.3f} ({' / '.join(f'{v:.3f}' for v in r['f1'].values())})"
              f" | {r['ld']:.3f} | {r['ks']:.3f} / {r['tv']:.3f} |")
for tool, items in rows.items():
    m = lambda k: statistics.mean(r[k] for r in items)
    lo = lambda k: min(r[k] for r in items)
    hi = lambda k: max(r[k] for r in items)
    print(f"| **{tool}, mean (range)** | all | {m('rf'):.3f} ({lo('rf'):.3f}-{hi('rf'):.3f}) | {m('mean_f1'):.3f} "
          f"({lo('mean_f1'):.3f}-{hi('mean_f1'):.3f}) | {m('ld'):.3f} | {m('ks'):.3f} / {m('tv'):.3f} |")
print(f"| real rows (the ceiling) | - | - | {rows['ours'][0]['real_f1']:.3f} | - | - |")
PY
echo
tables=()
for tool in ours reference; do
  [ -f "$out/$tool-s1.csv" ] && tables+=("$tool=$out/$tool-s1.csv")
done
"$python" "$root/benchmarks/scripts/ctgan_reference.py" fidelity "$out/train.csv" "$out/test.csv" "${tables[@]}"
