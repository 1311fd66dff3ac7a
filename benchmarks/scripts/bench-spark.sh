#!/usr/bin/env bash
# Shifter on one machine against Shifter on Spark (local[2], through Spark's own SparkSubmit and the shaded
# jar, as a cluster runs it) on Adult-shaped rows: a CTGAN fitted on Adult for a few epochs generates N rows,
# and the meta-features below are computed on them.
#   single: bin/shifter sample -n N --out F.parquet, then bin/shifter metafeatures --data F.parquet
#           (PyTorch on SHIFTER_THREADS threads, default 2; the table is held in memory);
#   spark:  shifter-spark.jar generate -n N (partitions: 2, or one per 250,000 rows; each task 1 thread), then
#           metafeatures on what it wrote, and metafeatures on the single machine's file, whose values are
#           compared with the single machine's (float32 on one machine, double precision on Spark).
# Per N: wall seconds of each command (JVM and Spark start-up included), the job's own seconds as the Spark
# command prints them, and rows per second. Machine state (load average) before each size.
# Usage: benchmarks/scripts/bench-spark.sh [SIZES] [OUT_DIR] [MODEL_DIR]
#        SIZES: row counts, e.g. "1000000 4000000 10000000" (the default); MODEL_DIR: a fitted CTGAN (default:
#        fit Adult for 5 epochs, seed 1, into OUT_DIR/model).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=common.sh
source "$root/benchmarks/scripts/common.sh"
sizes=${1:-"1000000 4000000 10000000"}
out=${2:-"$root/benchmarks/target/bench-spark"}
model=${3:-"$out/model"}
features=mean,sd,skewness,kurtosis,cor,median,iq_range,freq
export SHIFTER_THREADS=${SHIFTER_THREADS:-2}
export SHIFTER_JAVA_OPTS=${SHIFTER_JAVA_OPTS:--Xmx14g}
export SPARK_DRIVER_OPTS=${SPARK_DRIVER_OPTS:--Xmx8g}
mkdir -p "$out"
"$root/bin/shifter" --version > /dev/null
export SHIFTER_SKIP_BUILD=1
[ -f "$root/spark/target/shifter-spark.jar" ] || (cd "$root" && mvn -B -q -DskipTests install -pl spark -am) >&2
shifter="$root/bin/shifter"
native=$(ls "$root"/spark/target/native/pytorch-native-cpu-*.jar)
submit() {
  "$root/spark/bin/spark-submit-local" --master 'local[2]' --conf spark.ui.enabled=false --jars "$native" \
    --class dev.shifter.cli.spark.SparkMain "$root/spark/target/shifter-spark.jar" "$@"
}
now() { date +%s%3N; }
if [ ! -f "$model/manifest.json" ]; then
  "$shifter" fit --data "$(adult_csv)" --epochs 5 --seed 1 --out "$model" --progress none 2> "$out/fit.log"
fi
results="$out/results.tsv"
printf 'rows\tload\tstep\twall_ms\tjob_s\n' > "$results"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$results"; }
for n in $sizes; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -rf "$out/single-$n.parquet" "$out/spark-$n.parquet"
  t=$(now); "$shifter" sample --model "$model" -n "$n" --seed 1 --out "$out/single-$n.parquet" 2> "$out/single-$n.log"
  record "$n" "$load" single-sample $(($(now) - t)) ""
  t=$(now); "$shifter" metafeatures --data "$out/single-$n.parquet" --features "$features" --format json \
    > "$out/single-$n.json" 2>> "$out/single-$n.log"
  record "$n" "$load" single-metafeatures $(($(now) - t)) ""
  t=$(now); submit generate --model "$model" -n "$n" --seed 1 --out "$out/spark-$n.parquet" > "$out/spark-gen-$n.txt" \
    2> "$out/spark-$n.log"
  record "$n" "$load" spark-generate $(($(now) - t)) "$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$out/spark-gen-$n.txt")"
  t=$(now); submit metafeatures --data "$out/spark-$n.parquet" --features "$features" --out "$out/spark-$n.json" \
    2> "$out/spark-mf-$n.txt"
  record "$n" "$load" spark-metafeatures $(($(now) - t)) "$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$out/spark-mf-$n.txt")"
  t=$(now); submit metafeatures --data "$out/single-$n.parquet" --features "$features" \
    --out "$out/spark-on-single-$n.json" 2> "$out/spark-mf-single-$n.txt"
  record "$n" "$load" spark-metafeatures-of-single $(($(now) - t)) \
    "$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$out/spark-mf-single-$n.txt")"
  rm -rf "$out/single-$n.parquet" "$out/spark-$n.parquet"
done
python3 - "$out" "$results" "$sizes" <<'PY'
import csv, json, sys
out, results, sizes = sys.argv[1], sys.argv[2], sys.argv[3].split()
rows = list(csv.DictReader(open(results), delimiter="\t"))
def get(n, step):
    return next(r for r in rows if r["rows"] == n and r["step"] == step)
print("| rows | load | single sample s (rows/s) | Spark generate s, job s (rows/s of job) | single metafeatures s "
      "| Spark metafeatures s, job s | largest relative difference, same rows |")
print("|---:|---:|---:|---:|---:|---:|---|")
for n in sizes:
    s, m = get(n, "single-sample"), get(n, "single-metafeatures")
    g, f = get(n, "spark-generate"), get(n, "spark-metafeatures")
    single = json.load(open(f"{out}/single-{n}.json"))
    spark = json.load(open(f"{out}/spark-on-single-{n}.json"))
    worst = {}
    for feature, entries in single.items():
        for key, value in entries.items():
            other = spark.get(feature, {}).get(key)
            if value is None or other is None:
                continue
            scale = max(abs(value), 1e-3)
            worst[feature] = max(worst.get(feature, 0.0), abs(value - other) / scale)
    diff = ", ".join(f"{k} {v:.1e}" for k, v in worst.items())
    sw, gw, gj = int(s["wall_ms"]) / 1e3, int(g["wall_ms"]) / 1e3, float(g["job_s"] or "nan")
    print(f"| {int(n):,} | {s['load']} | {sw:.1f} ({int(n) / sw:,.0f}) | {gw:.1f}, {gj:.1f} ({int(n) / gj:,.0f}) "
          f"| {int(m['wall_ms']) / 1e3:.1f} | {int(f['wall_ms']) / 1e3:.1f}, {float(f['job_s'] or 'nan'):.1f} | {diff} |")
PY
