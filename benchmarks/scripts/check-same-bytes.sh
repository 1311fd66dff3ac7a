#!/usr/bin/env bash
# Fingerprints what `fit` + `sample` write for one seed and thread count, so that a refactoring can show
# it changed no byte. Run it before and after the change and compare the two fingerprint files:
#
#   benchmarks/scripts/check-same-bytes.sh /tmp/before.txt     # on the old commit
#   benchmarks/scripts/check-same-bytes.sh /tmp/after.txt      # on the new one
#   diff /tmp/before.txt /tmp/after.txt && echo same bytes
#
# The table is the demo's own (written by `shifter demo --quick`, seed 0). The fit runs 30 epochs at
# 1 thread, seed 1; the sample draws 5,000 rows, seed 2, as CSV and as Arrow IPC. The fingerprint lists
# the SHA-256 of every model file except manifest.json, whose provenance holds the time of the fit; of
# manifest.json without its "provenance" object; and of both samples. Environment: SHIFTER_SKIP_BUILD=1
# runs the jars as built.
set -euo pipefail
out="${1:?usage: check-same-bytes.sh FINGERPRINT_FILE}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/same-bytes.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export SHIFTER_THREADS=1
"$root/bin/shifter" demo --quick --seed 0 --out "$work/demo" --progress none > /dev/null
"$root/bin/shifter" fit --data "$work/demo/data.csv" --epochs 30 --seed 1 --out "$work/model" --progress none > /dev/null
"$root/bin/shifter" sample --model "$work/model" -n 5000 --seed 2 --out "$work/sample.csv" > /dev/null
"$root/bin/shifter" sample --model "$work/model" -n 5000 --seed 2 --out "$work/sample.arrow" > /dev/null
{
  (cd "$work/model" && for f in $(ls | grep -v -e '^manifest.json$' -e '^checksums.sha256$'); do sha256sum "$f"; done)
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); m.pop("provenance", None); print(json.dumps(m, sort_keys=True))' \
    "$work/model/manifest.json" | sha256sum | sed 's/-$/manifest.json without provenance/'
  (cd "$work" && sha256sum sample.csv sample.arrow)
} > "$out"
cat "$out"
