#!/usr/bin/env bash
# Trains a Shifter with the standard demo's settings (learning rate 0.0005, lambda_x 0.1, library defaults
# otherwise) plus extra train flags against a finished demo's model and targets, generates 4,000 rows and
# prints the detection score of `shifter evaluate` and the target table: one variant of the demo's Shifter.
# Usage: benchmarks/scripts/demo-train-variant.sh DEMO_DIR NAME [train flags...]   (e.g. --lambda-tilt 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
demo=$1; name=$2; shift 2
out="$demo/variant-$name"
rm -rf "$out" "$out.csv"
export SHIFTER_THREADS=${SHIFTER_THREADS:-1}
start=$(date +%s)
"$root/bin/shifter" train --model "$demo/model" --target "$demo/target.json" --out "$out" --learning-rate 0.0005 \
  --lambda-x 0.1 --progress none "$@" > "$out.log" 2>&1
end=$(date +%s)
"$root/bin/shifter" generate --shifter "$out" -n 4000 --out "$out.csv" >> "$out.log" 2>&1
echo "$name: train $((end - start)) s, threads $SHIFTER_THREADS, load average $(cut -d' ' -f1 /proc/loadavg)"
"$root/bin/shifter" evaluate --real "$demo/data.csv" --synthetic "$out.csv" | grep -E '^detection|^mean (KS|TV)'
grep -A4 '^entry' "$out.log" | head -5
grep -E 'warning|note: wrote the Shifter' "$out.log" || true
