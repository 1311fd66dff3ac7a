#!/usr/bin/env bash
# Peak memory and speed of 'shifter sample' as the row count grows: the rows are streamed to the file
# in batches, so the peak RSS should not depend on -n. One run per (format, rows); prints a table.
# Usage: benchmarks/scripts/bench-sample-memory.sh MODEL_DIR [ROWS...]   (default rows: 1000000 50000000)
#        threads: SHIFTER_THREADS (default 2); heap: SHIFTER_JAVA_OPTS; output folder: OUT (default a temp dir,
#        deleted at the end); LAUNCHER: another checkout's bin/shifter, to measure it side by side (default this
#        checkout's). Needs GNU time (/usr/bin/time, Debian package 'time').
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: bench-sample-memory.sh MODEL_DIR [ROWS...]}
shift
rows=("$@")
[ ${#rows[@]} -gt 0 ] || rows=(1000000 50000000)
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
keep=${OUT:+yes}
cleanup() { [ -n "$keep" ] || rm -rf "$out"; }
trap cleanup EXIT
launcher=${LAUNCHER:-$root/bin/shifter}
"$launcher" --version > /dev/null   # builds the jars first if needed, outside the measurement
echo "launcher: $launcher"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), threads ${SHIFTER_THREADS:-2}," \
  "SHIFTER_JAVA_OPTS='${SHIFTER_JAVA_OPTS:-}'"
printf '%-7s %12s %9s %12s %13s %12s\n' format rows wall_s rows_per_s peak_rss_mb file_mb
for n in "${rows[@]}"; do
  for format in csv arrow; do
    file="$out/sample-$n.$format"
    stats="$out/time-$n-$format.txt"
    SHIFTER_SKIP_BUILD=1 /usr/bin/time -v -o "$stats" "$launcher" sample --model "$model" -n "$n" \
      --seed 1 --out "$file" 2> "$out/err-$n-$format.txt"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$stats" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")
    size=$(stat -c %s "$file")
    awk -v f="$format" -v n="$n" -v w="$wall" -v r="$rss" -v s="$size" \
      'BEGIN { printf "%-7s %12d %9.1f %12.0f %13.0f %12.0f\n", f, n, w, n / w, r / 1024, s / 1048576 }'
    rm -f "$file"
  done
done
