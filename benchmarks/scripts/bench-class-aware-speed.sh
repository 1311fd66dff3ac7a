#!/usr/bin/env bash
# Times the class-aware core meta-features in Shifter (DJL/PyTorch) and the same definitions in numpy on one
# seeded ROWS x COLS float32 matrix with a CLASSES-class label, and prints one table. Forward runs on all
# rows; forward+backward on the first BACKWARD_ROWS rows (the binned features' dense gradient path needs
# n x n^(1/3) floats per numeric column, too much at a million rows on this machine).
# Usage: benchmarks/scripts/bench-class-aware-speed.sh [ROWS] [COLS] [CLASSES] [REPEATS] [BACKWARD_ROWS]
#        (threads: SHIFTER_THREADS, default 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${1:-1000000}
cols=${2:-16}
classes=${3:-5}
repeats=${4:-3}
backward_rows=${5:-20000}
threads=${SHIFTER_THREADS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! ls "$root"/benchmarks/target/shifter-benchmarks-*.jar >/dev/null 2>&1; then
  echo "building benchmarks..." >&2
  (cd "$root" && mvn -B -q -DskipTests install -pl benchmarks -am) >&2
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 "$root/benchmarks/scripts/classaware_numpy.py" make "$work/m.f32" "$work/l.i8" "$rows" "$cols" "$classes"
cp=$(ls "$root"/benchmarks/target/shifter-benchmarks-*.jar | head -1):"$root/benchmarks/target/lib/*"
OPT_OUT_TRACKING=true java --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -Xmx12g -cp "$cp" dev.shifter.bench.ClassAwareBench "$work/m.f32" "$work/l.i8" "$rows" "$cols" "$repeats" \
  "$backward_rows" > "$work/java.tsv"
OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" \
  python3 "$root/benchmarks/scripts/classaware_numpy.py" time "$work/m.f32" "$work/l.i8" "$rows" "$cols" \
  "$repeats" > "$work/numpy.tsv"

echo "Class-aware meta-features on a ${rows} x ${cols} float32 matrix with a ${classes}-class label,"
echo "${threads} threads, median of ${repeats} runs (ms); forward+backward on the first ${backward_rows} rows"
python3 - "$work/java.tsv" "$work/numpy.tsv" <<'PY'
import sys
java = {l.split("\t")[0]: l.rstrip("\n").split("\t")[1:] for l in open(sys.argv[1]) if l.strip()}
npy = {l.split("\t")[0]: float(l.split("\t")[1]) for l in open(sys.argv[2]) if l.strip()}
print(f"| {'feature':<15} | {'numpy':>9} | {'Shifter fwd':>11} | {'fwd/numpy':>9} | {'fwd+bwd (rows)':>22} |")
print(f"|{'-'*17}|{'-'*11}|{'-'*13}|{'-'*11}|{'-'*24}|")
for name, (fwd, both, brows) in java.items():
    fwd, both = float(fwd), float(both)
    n = npy.get(name, float("nan"))
    ratio = fwd / n if n > 0 else float("nan")
    print(f"| {name:<15} | {n:>9.1f} | {fwd:>11.1f} | {ratio:>9.2f} | {both:>12.1f} ({int(brows):>7}) |")
PY
