#!/usr/bin/env bash
# A CTGAN training step on Adult against its arithmetic floor (the step's matrix products timed alone, and its
# floating-point work over the sgemm throughput of a 1024^3 product), measured in one run on the same threads.
# Usage: benchmarks/scripts/bench-ctgan-step.sh [STEPS=300] [AVERAGING=0.999] [MODEL_DIR]
#        (threads: SHIFTER_THREADS, default 2; AVERAGING 0 leaves out the generator's weight average; MODEL_DIR: time
#        the steps that continue that fitted model's training, e.g. after 300 epochs, with its own settings)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/benchmarks/scripts/common.sh"
data=$(adult_csv)
ensure_benchmarks_built
busy() {  # the share of the two cores busy over one second
  local a b
  a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); busy = 0; total = 0
    for (i = 2; i <= 8; i++) { d = y[i] - x[i]; total += d; if (i != 5 && i != 6) busy += d }
    printf "%.0f %% busy", (total > 0 ? 100 * busy / total : 0) }'
}
echo "machine before the run: $(busy)"
cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${SHIFTER_THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx4g -cp "$cp" dev.shifter.bench.CtganStepBench "$data" "${1:-300}" "${2:-0.999}" ${3:+"$3"}
