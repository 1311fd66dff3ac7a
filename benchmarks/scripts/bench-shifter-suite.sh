#!/usr/bin/env bash
# The Shifter across data sets against the training-free reweighting baseline (tilt) and the plain CTGAN:
# Adult, California housing, Breast Cancer (wdbc) and Wine from ../shared/data plus the demo table; eight
# target sets a data set, drawn by the rule of SuiteTargets (plausible: the real value +-2 bootstrap sd;
# beyond: +-4..6 sd), 100 entries in all; each set run with the Shifter and with tilt, same CTGAN, same n
# (the real row count), same seed. Per entry: target, unshifted, reached, relative error, moved towards or
# away; per set and method: LogisticDetection, a random forest's detection AUC, excess rows at the bounds,
# worst categorical TV drop, time. The CTGANs (300 epochs) are fitted on the first run and kept in
# MODELS_DIR (about 20 minutes at 2 threads); the sets then take about an hour.
# Usage: benchmarks/scripts/bench-shifter-suite.sh [--quick] MODELS_DIR [OUT_DIR] [--datasets adult,wine]
#                                                 [--sets P1,X2] [--methods shifter,tilt] [--config FILE]
#        --quick: CTGANs of 20 epochs (kept apart, in NAME-quick), 200 steps, 30 bootstrap resamples
#        threads: SHIFTER_THREADS (default 1: the Shifter's speed goal is stated at 1 thread)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
quick=()
if [ "${1:-}" = "--quick" ]; then quick=(--quick); shift; fi
[ $# -ge 1 ] || { sed -n '10,13p' "$0" >&2; exit 2; }
models=$1
out=${2:-"$root/benchmarks/target/bench-shifter-suite"}
data="$root/../shared/data"
[ -f "$data/adult.csv" ] || { echo "the shared data is not at $data: put it beside the checkout" >&2; exit 2; }
if ! ls "$root"/benchmarks/target/shifter-benchmarks-*.jar >/dev/null 2>&1; then
  echo "building benchmarks..." >&2
  (cd "$root" && mvn -B -q -DskipTests install -pl benchmarks -am) >&2
fi
mkdir -p "$models"
cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${SHIFTER_THREADS:-1}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx12g -cp "$cp" dev.shifter.bench.ShifterSuiteBench "$data" "$models" "$out" ${quick[@]+"${quick[@]}"} "${@:3}"
