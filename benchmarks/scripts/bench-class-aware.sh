#!/usr/bin/env bash
# The Shifter on class-aware targets: category shares moved by 20-50 % of their real value, the class
# entropy, and f1 and mut_inf of chosen columns (class_aware_sets.py lists the 13 sets, 22 entries), on
# Adult (label income; an 80/20 split, seed 0, the 26,049-row part) and Wine (label class, read as
# categorical), each set trained with the conditional vector learnt and drawn from the data
# (--condition learnt|data). Per entry: target, unshifted, reached (measured on the generated table),
# relative error, moved away or not; per set: LogisticDetection of the shifted and the plain table against
# the real one, training time. Models are fitted on the first run and kept in OUT_DIR/models.
# Usage: benchmarks/scripts/bench-class-aware.sh [OUT_DIR] [--quick]
#        --quick: 10-epoch models and 150 steps, to check the script (figures meaningless)
#        SHIFTER_THREADS (default 1), STEPS (default 500), ADULT_EPOCHS (default 50), WINE_EPOCHS (300)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$root/benchmarks/target/bench-class-aware"}
quick=${2:-}
data="$root/../shared/data"
[ -f "$data/adult.csv" ] || { echo "the shared data is not at $data: put it beside the checkout" >&2; exit 2; }
export SHIFTER_THREADS=${SHIFTER_THREADS:-1}
steps=${STEPS:-500}; adult_epochs=${ADULT_EPOCHS:-50}; wine_epochs=${WINE_EPOCHS:-300}
if [ "$quick" = "--quick" ]; then steps=150; adult_epochs=10; wine_epochs=30; fi
shifter="$root/bin/shifter"
"$shifter" --version > /dev/null
export SHIFTER_SKIP_BUILD=1
mkdir -p "$out/models" "$out/data" "$out/runs"
python3 - "$data" "$out/data" <<'PY'
import csv, random, sys
src, dst = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(f"{src}/adult.csv")))
body = rows[1:]
random.Random(0).shuffle(body)
cut = int(0.8 * len(body))
with open(f"{dst}/adult-train.csv", "w", newline="") as f:
    csv.writer(f).writerows([rows[0]] + body[:cut])
with open(f"{dst}/wine.csv", "w", newline="") as f:
    csv.writer(f).writerows(csv.reader(open(f"{src}/wine.csv")))
PY
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run; threads $SHIFTER_THREADS; steps $steps" >&2
results="$out/results.jsonl"
: > "$results"
for spec in "adult:income:$adult_epochs:500:" "wine:class:$wine_epochs:50:--discrete class"; do
  IFS=: read -r name label epochs batch extra <<< "$spec"
  table="$out/data/$name.csv"; [ "$name" = adult ] && table="$out/data/adult-train.csv"
  model="$out/models/$name-$epochs"
  if [ ! -f "$model/manifest.json" ]; then
    # shellcheck disable=SC2086
    "$shifter" fit --data "$table" --epochs "$epochs" --batch-size "$batch" --seed 1 --out "$model" --progress none $extra >&2
  fi
  rows=$(($(wc -l < "$table") - 1))
  # shellcheck disable=SC2086
  "$shifter" metafeatures --data "$table" --label "$label" --features freq,class_ent,f1,mut_inf,mean $extra \
    --format json > "$out/data/$name-real.json" 2>/dev/null
  "$shifter" sample --model "$model" -n "$rows" --seed 7 --out "$out/runs/$name-plain.csv" > /dev/null
  plain=$("$shifter" evaluate --real "$table" --synthetic "$out/runs/$name-plain.csv" --format json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["detection"]["score"])')
  mkdir -p "$out/targets/$name"
  for set in $(python3 "$root/benchmarks/scripts/class_aware_sets.py" targets "$name" "$out/data/$name-real.json" \
      "$out/targets/$name"); do
    for condition in learnt data; do
      run="$out/runs/$name-$set-$condition"
      rm -rf "$run"
      start=$(date +%s.%N)
      "$shifter" train --model "$model" --target "$out/targets/$name/$set.json" --label "$label" \
        --condition "$condition" --steps "$steps" --seed 1 --out "$run" --progress none > /dev/null 2>&1 \
        || { echo "train failed: $name $set $condition" >&2; continue; }
      seconds=$(echo "$(date +%s.%N) - $start" | bc)
      "$shifter" generate --model "$model" --shifter "$run" -n "$rows" --seed 7 --out "$run/rows.csv" \
        --format json > "$run/generate.json" 2>/dev/null
      detection=$("$shifter" evaluate --real "$table" --synthetic "$run/rows.csv" --format json 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["detection"]["score"])')
      python3 - "$run/generate.json" "$name" "$set" "$condition" "$plain" "$detection" "$seconds" >> "$results" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
print(json.dumps({"data": sys.argv[2], "set": sys.argv[3], "condition": sys.argv[4],
                  "detection_plain": float(sys.argv[5]), "detection": float(sys.argv[6]),
                  "seconds": float(sys.argv[7]), "targets": g["targets"]}))
PY
      echo "$name $set $condition done" >&2
    done
  done
done
echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg) after the run" >&2
python3 "$root/benchmarks/scripts/class_aware_sets.py" table "$results" | tee "$out/table.md"
