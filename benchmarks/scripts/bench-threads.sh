#!/usr/bin/env bash
# Speed of Shifter training and CTGAN fitting against PyTorch's thread count and libgomp's waiting policy,
# on a quiet machine and with one core kept busy by another process (a shell busy loop): a user's laptop is
# a busy machine. One run per cell (the busy runs vary more); prints a table.
# Usage: benchmarks/scripts/bench-threads.sh MODEL_DIR DATA.csv [SETTINGS...]
#        MODEL_DIR: a CTGAN of DATA.csv (bin/shifter fit); SETTINGS: words "THREADS:OMP" where OMP is default,
#        passive (OMP_WAIT_POLICY=PASSIVE) or a GOMP_SPINCOUNT value, e.g. 2:default 2:passive 2:10000 1:default
#        (default: 1:default 2:default 2:passive 2:100000 2:10000 2:1000 auto:default)
#        auto: the launcher's own choice (SHIFTER_THREADS unset)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: bench-threads.sh MODEL_DIR DATA.csv [SETTINGS...]}
data=${2:?usage: bench-threads.sh MODEL_DIR DATA.csv [SETTINGS...]}
shift 2
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=(1:default 2:default 2:passive 2:100000 2:10000 2:1000 auto:default)
work=$(mktemp -d)
busy_pid=""
cleanup() { [ -n "$busy_pid" ] && kill "$busy_pid" 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$root/bin/shifter" --version > /dev/null
column=$(head -1 "$data" | tr ',' '\n' | head -1)
target="$work/target.json"
printf '{"mean": {"%s": %s}}' "$column" "$("$root/bin/shifter" metafeatures --data "$data" --features mean \
  --format json 2> /dev/null | python3 -c "import json,sys; v=list(json.load(sys.stdin)['mean'].values())[0]; print(v*1.05)")" > "$target"
run() { # threads omp command...
  local threads=$1 omp=$2; shift 2
  local env=(SHIFTER_SKIP_BUILD=1)
  [ "$threads" != auto ] && env+=(SHIFTER_THREADS="$threads")
  case "$omp" in
    default) ;;
    passive) env+=(OMP_WAIT_POLICY=PASSIVE) ;;
    *) env+=(GOMP_SPINCOUNT="$omp") ;;
  esac
  env "${env[@]}" "$@"
}
steps_per_second() { # threads omp
  run "$1" "$2" "$root/bin/shifter" train --model "$model" --target "$target" --out "$work/shifter" --steps 150 \
    --tolerance 0.000001 --progress none 2>&1 >/dev/null | sed -n 's/.*(\([0-9.]*\) steps\/s).*/\1/p'
}
epoch_seconds() { # threads omp: the seconds of the third epoch, from its rows/s (JIT warm-up left out)
  local log="$work/fit.log"
  run "$1" "$2" "$root/bin/shifter" fit --data "$data" --out "$work/model" --epochs 3 --progress lines > "$log" 2>&1
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rows = int(re.search(r"encoded ([\d,]+) rows", text).group(1).replace(",", ""))
speed = float(re.findall(r"([\d,]+) rows/s", text)[-1].replace(",", ""))
print(f"{rows / speed:.2f}")
PY
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); data $data; model $model"
printf '%-16s %-6s %14s %14s\n' setting load shifter_steps/s fit_s/epoch
for load in quiet busy; do
  if [ "$load" = busy ]; then
    sh -c 'while :; do :; done' &
    busy_pid=$!
    sleep 5
  fi
  for setting in "${settings[@]}"; do
    threads=${setting%%:*}
    omp=${setting#*:}
    printf '%-16s %-6s %14s %14s\n' "$setting" "$load" "$(steps_per_second "$threads" "$omp")" \
      "$(epoch_seconds "$threads" "$omp")"
  done
  if [ -n "$busy_pid" ]; then kill "$busy_pid"; busy_pid=""; fi
done
