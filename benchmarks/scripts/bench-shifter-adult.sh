#!/usr/bin/env bash
# Shifter accuracy and speed on ../shared/data/adult.csv: 22 fixed target sets, each trained with the
# default settings against a CTGAN fitted by bench-ctgan-adult.sh; relative errors (shifted and unshifted),
# detection scores, training time, and steps/s for 1, 3 and 6 targeted entries. Takes about 20-30 minutes.
# Usage: benchmarks/scripts/bench-shifter-adult.sh [--quick] MODEL_DIR [OUT_DIR [--config FILE] [--sets S04,S07]]
#        MODEL_DIR: written by `bench-ctgan-adult.sh 300 MODEL_DIR` (fitted on the same 80 % split)
#        OUT_DIR:   results.md and CSV files (default: benchmarks/target/bench-shifter-adult)
#        --quick:   3 target sets, at most 300 steps each, a short speed run (a check that it works)
#        --config:  Shifter settings over the defaults, e.g. {"lambda_critic": 0.1}; --sets: only these sets,
#                   no speed runs (threads: SHIFTER_THREADS, default 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
quick=()
if [ "${1:-}" = "--quick" ]; then quick=(--quick); shift; fi
[ $# -ge 1 ] || { sed -n '5,10p' "$0" >&2; exit 2; }
model=$1
out=${2:-"$root/benchmarks/target/bench-shifter-adult"}
data="$root/../shared/data/adult.csv"
[ -f "$data" ] || { echo "adult.csv not found at $data: put the shared data beside the checkout" >&2; exit 2; }
[ -f "$model/manifest.json" ] || { echo "no CTGAN model in $model: fit one with bench-ctgan-adult.sh 300 $model" >&2; exit 2; }
if ! ls "$root"/benchmarks/target/shifter-benchmarks-*.jar >/dev/null 2>&1; then
  echo "building benchmarks..." >&2
  (cd "$root" && mvn -B -q -DskipTests install -pl benchmarks -am) >&2
fi
cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${SHIFTER_THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx8g -cp "$cp" dev.shifter.bench.ShifterAdultBench "$data" "$model" "$out" ${quick[@]+"${quick[@]}"} "${@:3}"
