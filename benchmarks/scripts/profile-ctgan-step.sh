#!/usr/bin/env bash
# Where a CTGAN training step on Adult spends its CPU time: PyTorch kernels, the rest of PyTorch, or
# outside PyTorch (JVM, Java code, DJL's JNI glue, libc, the OS). Samples a running fit with Linux perf.
# One PyTorch thread, so that OpenMP's spin-waiting does not blur the picture.
# Usage: benchmarks/scripts/profile-ctgan-step.sh [SECONDS=15]      (needs: perf)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 2; }
work=$(mktemp -d)
SHIFTER_THREADS=1 "$root/benchmarks/scripts/bench-ctgan-adult.sh" 50 > "$work/bench.log" 2>&1 &
bench=$!
trap 'kill $bench 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 25   # JVM start, reading Adult, fitting the mixtures: past these, only training steps run
pid=$(pgrep -f -n dev.shifter.bench.CtganAdultBench)
perf record -q -F 999 -p "$pid" -o "$work/perf.data" -- sleep "${1:-15}" >/dev/null 2>&1
echo "| CPU time of CTGAN training steps on Adult (1 thread, perf samples) | share |"
echo "|---|---|"
perf report -i "$work/perf.data" --sort dso,symbol --stdio 2>/dev/null | python3 "$root/benchmarks/scripts/perf_shares.py"
