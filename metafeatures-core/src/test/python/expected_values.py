#!/usr/bin/env python3
"""Writes the reference values that the Java tests of metafeatures-core compare against.

Independent float64 implementation (numpy/scipy) of the ten core meta-features, following pymfe's
definitions as DESIGN.md states them:

  mean, median, iq_range (Q75 - Q25, numpy's default linear interpolation), sd and var (ddof = 1),
  skewness = m3 / s^3 and kurtosis = m4 / s^4 - 3 (m3, m4 central moments with divisor n, s with
  ddof = 1), cor = |Pearson r|, cov = |covariance| (ddof = 1), gaussian_mi = -0.5 ln(1 - r^2).
  Pairs are ordered (0,1), (0,2), ..., (0,d-1), (1,2), ...

It (a) generates a few deterministic matrices (fixed seed) and writes them as CSV test resources, and
(b) reads the shared real data sets (numeric columns only, rows with an empty field dropped: the rule
of SharedData.readNumeric in the api test jar). For each matrix it writes a JSON file:

  {"source": ..., "rows": n, "columns": [...], "features": {"mean": [...], ..., "gaussian_mi": [...]},
   "features_of_float32_input": {...the same, for the input rounded to float32 first...}}

Usage (from the repository root):
  python3 metafeatures-core/src/test/python/expected_values.py [DATA_DIR]
DATA_DIR defaults to ../shared/data relative to the repository root. Missing data files are skipped.
"""

import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
from scipy import stats

MODULE = Path(__file__).resolve().parents[3]          # .../metafeatures-core
REPO = MODULE.parent
RESOURCES = MODULE / "src" / "test" / "resources" / "dev" / "shifter" / "metafeatures" / "core"
NUMBER = re.compile(r"-?\d+(\.\d+)?")
REAL_DATA = ["iris.csv", "wine.csv", "california_housing.csv"]
SEED = 20240611


def pairs(d):
    return [(i, j) for i in range(d) for j in range(i + 1, d)]


def features(x):
    """All ten core features of an n x d float64 matrix, computed independently of the Java code."""
    n, d = x.shape
    sd = np.std(x, axis=0, ddof=1)
    m3 = np.mean((x - x.mean(axis=0)) ** 3, axis=0)
    m4 = np.mean((x - x.mean(axis=0)) ** 4, axis=0)
    q25, q50, q75 = np.percentile(x, [25, 50, 75], axis=0)   # method="linear", numpy's default
    cov = np.cov(x, rowvar=False, ddof=1)
    r = np.corrcoef(x, rowvar=False)
    # Cross-checks with scipy's own estimators (same quantities, other code paths).
    g1 = stats.skew(x, axis=0, bias=True)                    # m3 / m2^1.5, m2 with divisor n
    b2 = stats.kurtosis(x, axis=0, fisher=False, bias=True)  # m4 / m2^2
    ratio = (n - 1) / n
    assert np.allclose(m3 / sd ** 3, g1 * ratio ** 1.5, rtol=1e-10)
    assert np.allclose(m4 / sd ** 4, b2 * ratio ** 2, rtol=1e-10)
    for i, j in pairs(d):
        assert abs(stats.pearsonr(x[:, i], x[:, j])[0] - r[i, j]) < 1e-10
    upper = pairs(d)
    return {
        "mean": x.mean(axis=0).tolist(),
        "median": q50.tolist(),
        "iq_range": (q75 - q25).tolist(),
        "sd": sd.tolist(),
        "var": np.var(x, axis=0, ddof=1).tolist(),
        "skewness": (m3 / sd ** 3).tolist(),
        "kurtosis": (m4 / sd ** 4 - 3.0).tolist(),
        "cor": [abs(r[i, j]) for i, j in upper],
        "cov": [abs(cov[i, j]) for i, j in upper],
        "gaussian_mi": [-0.5 * np.log(1.0 - r[i, j] ** 2) for i, j in upper],
    }


def write_json(name, source, columns, x):
    # The Java tests feed float32 matrices (the normal case) and float64 ones (as in the gradient
    # checks). Rounding the input to float32 alone moves some values by more than the tolerances
    # (e.g. 1e6 + N(0, 1) has a float32 spacing of 0.06), so the float32 reference is computed from
    # the float32-rounded input: the tests then measure the computation, not the input's rounding.
    x32 = x.astype(np.float32).astype(np.float64)
    doc = {"source": source, "rows": int(x.shape[0]), "columns": columns,
           "features": features(x), "features_of_float32_input": features(x32)}
    path = RESOURCES / name
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)} ({x.shape[0]} x {x.shape[1]})")


def synthetic():
    """Deterministic matrices with skewed, bimodal, heavy-tailed and correlated columns."""
    rng = np.random.default_rng(SEED)
    n = 500
    skewed = rng.lognormal(mean=1.0, sigma=0.6, size=n)
    bimodal = np.where(rng.random(n) < 0.35, rng.normal(-3.0, 0.7, n), rng.normal(4.0, 1.2, n))
    correlated = 0.8 * skewed + rng.normal(0.0, 0.5, n)
    heavy = rng.standard_t(df=4, size=n) * 10.0 + 100.0
    mixed = np.column_stack([skewed, bimodal, correlated, heavy])
    m = 60
    base = rng.normal(0.0, 1.0, m)
    small = np.column_stack([
        base,
        -2.0 * base + rng.normal(0.0, 0.1, m),         # strong negative correlation
        rng.exponential(2.0, m) * 1e4,                  # large scale, skewed
        rng.uniform(-1e-3, 1e-3, m),                     # small scale, flat
        1.0e6 + rng.normal(0.0, 1.0, m),                 # large offset, small spread
    ])
    return [("synthetic_mixed", ["skewed", "bimodal", "correlated", "heavy"], mixed),
            ("synthetic_scales", ["base", "negated", "exponential", "uniform", "offset"], small)]


def write_csv(name, columns, x):
    path = RESOURCES / (name + ".csv")
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(columns) + "\n")
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    print(f"wrote {path.relative_to(REPO)}")


def read_numeric(path):
    """Same rule as SharedData.readNumeric: numeric columns only, incomplete rows dropped."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f)]
    header, body = rows[0], [r for r in rows[1:] if r]
    numeric = [c for c in range(len(header))
               if all(r[c] == "" or NUMBER.fullmatch(r[c]) for r in body)]
    kept = [[float(r[c]) for c in numeric] for r in body if all(r[c] != "" for c in numeric)]
    return [header[c] for c in numeric], np.array(kept, dtype=np.float64)


def main():
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data"
    RESOURCES.mkdir(parents=True, exist_ok=True)
    for name, columns, x in synthetic():
        write_csv(name, columns, x)
        # Expected values are computed from the values exactly as written (repr round-trips).
        write_json(name + ".json", name + ".csv", columns, x)
    for file in REAL_DATA:
        path = data_dir / file
        if not path.is_file():
            print(f"skipped {file}: not found in {data_dir}")
            continue
        columns, x = read_numeric(path)
        write_json(file.removesuffix(".csv") + ".json", file, columns, x)


if __name__ == "__main__":
    main()
