#!/usr/bin/env bash
# Times the core meta-features in Shifter (DJL/PyTorch, forward and forward+backward) and in numpy/scipy
# on the same 1,000,000 x 16 float32 matrix, and prints one table.
# Usage: benchmarks/scripts/bench-metafeatures.sh [ROWS] [COLS] [REPEATS]   (threads: SHIFTER_THREADS, default 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-1000000}
cols=${2:-16}
repeats=${3:-7}
threads=${SHIFTER_THREADS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! ls "$root"/benchmarks/target/shifter-benchmarks-*.jar >/dev/null 2>&1; then
  echo "building benchmarks..." >&2
  (cd "$root" && mvn -B -q -DskipTests install -pl benchmarks -am) >&2
fi

matrix="$work/matrix.f32"
python3 "$root/benchmarks/scripts/metafeatures_numpy.py" make "$matrix" "$rows" "$cols"

cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx8g -cp "$cp" dev.shifter.bench.MetaFeatureBench "$matrix" "$rows" "$cols" "$repeats" > "$work/java.tsv"
OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" \
  python3 "$root/benchmarks/scripts/metafeatures_numpy.py" time "$matrix" "$rows" "$cols" "$repeats" > "$work/numpy.tsv"

echo "Core meta-features on a ${rows} x ${cols} float32 matrix, ${threads} threads, median of ${repeats} runs (ms)"
python3 - "$work/java.tsv" "$work/numpy.tsv" <<'PY'
import sys
java = {l.split("\t")[0]: l.rstrip("\n").split("\t")[1:] for l in open(sys.argv[1]) if l.strip()}
npy = {l.split("\t")[0]: float(l.split("\t")[1]) for l in open(sys.argv[2]) if l.strip()}
print(f"| {'feature':<15} | {'numpy/scipy':>11} | {'Shifter fwd':>11} | {'fwd/numpy':>9} | {'Shifter fwd+bwd':>15} | {'fwd+bwd/fwd':>11} |")
print(f"|{'-'*17}|{'-'*13}|{'-'*13}|{'-'*11}|{'-'*17}|{'-'*13}|")
for name, (fwd, both) in java.items():
    fwd, both = float(fwd), float(both)
    n = npy.get(name, float("nan"))
    print(f"| {name:<15} | {n:>11.1f} | {fwd:>11.1f} | {fwd / n:>9.2f} | {both:>15.1f} | {both / fwd:>11.2f} |")
PY
