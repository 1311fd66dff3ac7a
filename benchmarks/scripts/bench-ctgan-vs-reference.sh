#!/usr/bin/env bash
# Our CTGAN and the reference Python CTGAN (sdv-dev/CTGAN 0.7.5 with RDT 1.6.1) side by side on one machine:
# the same 80/20 split of Adult (stratified by income, seed 0; 26,049 training rows), the paper's settings
# (batch 500, so 52 steps an epoch), EPOCHS epochs each, REPEATS repeats, the two tools alternating, at 1 and
# 2 threads (the reference also with torch at 1 thread and OpenBLAS at 2, its best setting). Per run: the
# transformer's time (mixtures fit and encoding), the steady epoch (median of the epochs after the first, which
# holds the warm-up), the whole fit. SETTINGS=best runs only ours at 2 threads and the reference at its best
# setting (for 300-epoch fits). Then the quality of our first 2-thread model and the reference's first
# best-setting one, with the same
# evaluators: a random forest telling real from synthetic rows (4-fold ROC AUC), and the F1 of >50K on the real
# 20 % for logistic regression, CART, random forest and AdaBoost trained on synthetic rows (and on real rows,
# the ceiling), from scikit-learn; and our `evaluate` (LogisticDetection, KS/TV) on both.
# The reference runs on Debian's python3-torch, python3-sklearn, python3-pandas, python3-scipy, python3-tqdm,
# python3-psutil and python3-fake-factory (apt), never in tests or CI. Its sources are read and run, never
# copied: REFERENCE_SRC names a folder with their ctgan/ and rdt/ trees; without it they are taken from git
# (a clone of github.com/sdv-dev/CTGAN and /RDT, or the mirrors in ../.mirror) at tags v0.7.5 and v1.6.1.
# Usage: benchmarks/scripts/bench-ctgan-vs-reference.sh [OUT_DIR] [EPOCHS=5] [REPEATS=2]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$root/benchmarks/target/bench-ctgan-vs-reference"}
epochs=${2:-5}
repeats=${3:-2}
. "$root/benchmarks/scripts/common.sh"
reference_setup "$out"
"$root/bin/shifter" --version > /dev/null
export SHIFTER_SKIP_BUILD=1
"$python" "$root/benchmarks/scripts/ctgan_reference.py" split "$data" "$out/train.csv" "$out/test.csv" 0
rows=$(($(wc -l < "$out/test.csv") - 1))
quiet() {  # the share of the two cores busy over one second, before a run (ours or anything else)
  local a b
  a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); busy = 0; total = 0
    for (i = 2; i <= 8; i++) { d = y[i] - x[i]; total += d; if (i != 5 && i != 6) busy += d }
    printf "%.0f %% busy", (total > 0 ? 100 * busy / total : 0) }'
}
results="$out/runs.jsonl"
: > "$results"
ours() {  # threads repeat
  local dir="$out/ours-t$1-r$2" start state
  rm -rf "$dir"
  state=$(quiet)
  start=$(date +%s.%N)
  SHIFTER_THREADS=$1 "$root/bin/shifter" fit --data "$out/train.csv" --epochs "$epochs" --seed "$2" --out "$dir" \
    --progress lines 2>&1 >/dev/null | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > "$out/ours-t$1-r$2.log"
  "$python" - "$out/ours-t$1-r$2.log" "$start" "$1" "$2" "$state" >> "$results" <<'PY'
import json, re, sys
lines = [l.rstrip("\n").split(" ", 1) for l in open(sys.argv[1])]
start = float(sys.argv[2])
encoded = next(l for l in lines if "encoded" in l[1])
transformer = float(re.search(r" in ([0-9.]+) s", encoded[1]).group(1))
# The progress lines are throttled: some epochs have none. Each line comes at the end of its epoch, so the
# steady epoch is the time between the first and the last line over the epochs between them.
epochs = [(float(t), int(re.match(r"epoch (\d+)/", text).group(1))) for t, text in lines if text.startswith("epoch ")]
(t1, e1), (t2, e2) = epochs[0], epochs[-1]
steady = (t2 - t1) / (e2 - e1) if e2 > e1 else t1 - float(encoded[0])
end = float(lines[-1][0])
print(json.dumps({"tool": "ours", "threads": sys.argv[3], "repeat": int(sys.argv[4]), "machine": sys.argv[5],
                  "transformer_s": transformer, "first_epoch_s": t1 - float(encoded[0]), "steady_epoch_s": steady,
                  "fit_s": end - start}))
PY
}
theirs() {  # torch_threads openblas_threads repeat
  local json state
  state=$(quiet)
  json=$(OPENBLAS_NUM_THREADS=$2 OMP_NUM_THREADS=$1 MKL_NUM_THREADS=$1 "$python" \
    "$root/benchmarks/scripts/ctgan_reference.py" fit "$src" "$out/train.csv" "$epochs" "$1" \
    "$out/theirs-t$1-b$2-r$3.csv" "$rows" "$3" 2>/dev/null | tail -1)
  "$python" -c 'import json,sys; d=json.loads(sys.argv[1]); d.update(tool="reference", threads=sys.argv[2],
repeat=int(sys.argv[3]), machine=sys.argv[4]); print(json.dumps(d))' "$json" "torch $1, OpenBLAS $2" "$3" \
    "$state" >> "$results"
}
for repeat in $(seq 1 "$repeats"); do
  if [ "${SETTINGS:-all}" = all ]; then
    for threads in 1 2; do
      echo "repeat $repeat, $threads thread(s): ours, then the reference" >&2
      ours "$threads" "$repeat"
      theirs "$threads" "$threads" "$repeat"
    done
  else
    echo "repeat $repeat: ours at 2 threads" >&2
    ours 2 "$repeat"
  fi
  echo "repeat $repeat: the reference at torch 1, OpenBLAS 2" >&2
  theirs 1 2 "$repeat"
done
SHIFTER_THREADS=2 "$root/bin/shifter" sample --model "$out/ours-t2-r1" -n "$rows" --seed 7 --out "$out/ours-sample.csv" \
  > /dev/null
for tool in ours theirs; do
  sample="$out/ours-sample.csv"; [ "$tool" = theirs ] && sample="$out/theirs-t1-b2-r1.csv"
  "$python" "$root/benchmarks/scripts/ctgan_reference.py" quality "$out/train.csv" "$out/test.csv" "$sample" 0 \
    > "$out/quality-$tool.json"
  "$root/bin/shifter" evaluate --real "$out/train.csv" --synthetic "$sample" --format json 2>/dev/null \
    > "$out/evaluate-$tool.json"
done
"$python" - "$results" "$out" "$epochs" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
out, epochs = sys.argv[2], int(sys.argv[3])
print(f"CTGAN on Adult's 80 % split ({epochs} epochs a fit), medians over repeats")
print("| tool | threads | transformer s | steady epoch s | whole fit s | cores busy just before |")
print("|---|---|---|---|---|---|")
groups = {}
for r in runs:
    groups.setdefault((r["tool"], r["threads"]), []).append(r)
for (tool, threads), items in groups.items():
    steady = statistics.median(r["steady_epoch_s"] if "steady_epoch_s" in r
                               else statistics.median(r["epoch_s"][1:] or r["epoch_s"]) for r in items)
    print(f"| {tool} | {threads} | {statistics.median(r['transformer_s'] for r in items):.2f} | {steady:.2f} | "
          f"{statistics.median(r['fit_s'] for r in items):.1f} | {', '.join(r['machine'] for r in items)} |")
print()
print("| quality (ours at 2 threads, the reference at torch 1 / OpenBLAS 2; first repeat) | ours | reference |")
print("|---|---|---|")
q = {t: json.load(open(f"{out}/quality-{t}.json")) for t in ("ours", "theirs")}
e = {t: json.load(open(f"{out}/evaluate-{t}.json")) for t in ("ours", "theirs")}
print(f"| random-forest detection AUC (0.5 = indistinguishable) | {q['ours']['rf_detection_auc']:.3f} | "
      f"{q['theirs']['rf_detection_auc']:.3f} |")
for name in q["ours"]["efficacy_f1"]:
    print(f"| F1 of >50K, {name}, trained on synthetic (on real) | {q['ours']['efficacy_f1'][name]['synthetic']:.3f} "
          f"({q['ours']['efficacy_f1'][name]['real']:.3f}) | {q['theirs']['efficacy_f1'][name]['synthetic']:.3f} |")
mean = {t: statistics.mean(v["synthetic"] for v in q[t]["efficacy_f1"].values()) for t in q}
print(f"| mean F1 of the four | {mean['ours']:.3f} | {mean['theirs']:.3f} |")
print(f"| LogisticDetection score (1 = indistinguishable) | {e['ours']['detection']['score']:.3f} | "
      f"{e['theirs']['detection']['score']:.3f} |")
print(f"| mean KS / TV complement | {e['ours']['marginals']['ks_complement']:.3f} / "
      f"{e['ours']['marginals']['tv_complement']:.3f} | {e['theirs']['marginals']['ks_complement']:.3f} / "
      f"{e['theirs']['marginals']['tv_complement']:.3f} |")
PY
