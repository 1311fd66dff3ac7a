#!/usr/bin/env bash
# CTGAN on ../shared/data/adult.csv with the paper's settings: speed and quality in one table.
# Usage: benchmarks/scripts/bench-ctgan-adult.sh [EPOCHS=300] [MODEL_OUT_DIR]
#        (threads: SHIFTER_THREADS, default 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/benchmarks/scripts/common.sh"
data=$(adult_csv)
ensure_benchmarks_built
cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${SHIFTER_THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx8g -cp "$cp" dev.shifter.bench.CtganAdultBench "$data" "${1:-300}" ${2:+"$2"}
