#!/usr/bin/env python3
"""Writes the exact, pymfe-definition values that the Java tests of metafeatures-extra compare against.

Run from anywhere (numpy and scipy needed, pymfe is not):

    python3 metafeatures-extra/src/test/python/expected_values.py [--data-dir DIR] [--out DIR]

It writes, under --out (default: this module's src/test/resources/dev/shifter/metafeatures/extra):

* generated-<name>.csv: small seeded matrices (header c0, c1, ...; values printed with 17 significant
  digits so Java reads back the very same doubles);
* expected-<name>.json for every generated matrix and for iris.csv, wine.csv and
  california_housing.csv from --data-dir (default: ../shared/data beside the repository root). The real
  files are read like dev.shifter.api.testing.SharedData.readNumeric: a column is numeric when every
  non-empty field matches -?\\d+(\\.\\d+)?, and rows with an empty field in a numeric column are dropped.
  A real file that is absent is skipped with a message; its JSON, if checked in, stays as it was.

Each JSON file holds {"rows": n, "columns": [...], "features": {name: value}}: a list of one value per
column for per-column features, a number for scalar ones, null where the exact definition gives NaN.

The definitions follow pymfe (ealcobaca/pymfe, statistical.py, info_theory.py, _internal.py):

* range = np.ptp, min, max;
* t_mean = scipy.stats.trim_mean(x, 0.2) (int(0.2 n) values cut from each end);
* mad = 1.4826 * median(|x - median(x)|), as pymfe's scipy.stats.median_absolute_deviation(scale=1.4826)
  (scipy's newer median_abs_deviation divides by `scale`, so that is median_abs_deviation(x) * 1.4826);
* g_mean: NaN for a column with a negative value, 0 for a column whose minimum lies in [0, 1e-10),
  scipy.stats.gmean otherwise (pymfe's allow_zeros=True, epsilon=1e-10);
* h_mean = scipy.stats.hmean(x + 1e-8) (NaN for a column with a value below -1e-8);
* eigenvalues: eigenvalues of np.cov(X, ddof=1), sorted in descending order (pymfe returns
  np.linalg.eigvals in LAPACK's order, which is not defined; the Java feature sorts);
* nr_cor_attr: share of column pairs whose |Pearson r| >= 0.5 (NaN r, from a constant column, counts as
  below), normalised by d(d-1)/2;
* nr_outliers: number of columns with a value outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR], np.percentile linear;
* sparsity = (n / nunique - 1) / (n - 1) per column;
* attr_ent: Shannon entropy in bits of each column after pymfe's equal-frequency discretisation into
  int(n ** (1/3)) bins (np.percentile cut points, repeated cuts removed, np.digitize(right=True)).
"""
import argparse
import json
import math
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy.stats

NUMBER = re.compile(r"-?\d+(\.\d+)?")
REAL_FILES = ("iris.csv", "wine.csv", "california_housing.csv")


def read_numeric(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:] if line]
    numeric = [c for c in range(len(header))
               if all(r[c] == "" or NUMBER.fullmatch(r[c]) for r in rows)]
    kept = [[float(r[c]) for c in numeric] for r in rows if all(r[c] != "" for c in numeric)]
    return [header[c] for c in numeric], np.array(kept, dtype=np.float64)


def generated():
    rng = np.random.default_rng(20240611)
    mats = {}
    # Correlated Gaussian columns: pairs on both sides of |r| = 0.5, one column shifted far from zero.
    z = rng.normal(size=(60, 4))
    g = np.empty_like(z)
    g[:, 0] = z[:, 0]
    g[:, 1] = 0.9 * z[:, 0] + 0.45 * z[:, 1]
    g[:, 2] = -0.3 * z[:, 0] + z[:, 2]
    g[:, 3] = 1000.0 + 25.0 * z[:, 3]
    mats["gaussian"] = g
    # Strictly positive columns for the geometric and harmonic means.
    mats["positive"] = np.column_stack([
        rng.lognormal(0.0, 1.0, 40), rng.uniform(0.5, 3.0, 40), rng.gamma(2.0, 10.0, 40)])
    # Integer-valued columns with many ties, for sparsity and attr_ent.
    mats["ties"] = np.column_stack([
        rng.integers(0, 5, 90), rng.integers(0, 40, 90), np.round(rng.normal(0, 2, 90))]).astype(float)
    # Columns with and without planted outliers.
    o = rng.normal(size=(50, 4))
    o[3, 0] = 9.0
    o[17, 2] = -12.0
    o[:, 3] = np.clip(o[:, 3], -1.2, 1.2)
    mats["outliers"] = o
    return mats


def g_mean(x):
    out = []
    for col in x.T:
        lo = col.min()
        if lo < 0.0:
            out.append(float("nan"))
        elif lo < 1e-10:
            out.append(0.0)
        else:
            out.append(float(scipy.stats.gmean(col)))
    return out


def eigenvalues(x):
    cov = np.atleast_2d(np.cov(x, rowvar=False, ddof=1))
    values = np.sort(np.linalg.eigvalsh(cov))[::-1]
    general = np.sort(np.real(np.linalg.eigvals(cov)))[::-1]
    assert np.allclose(values, general, rtol=1e-9, atol=1e-9 * abs(values).max()), (values, general)
    return values


def nr_cor_attr(x):
    d = x.shape[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.abs(np.corrcoef(x, rowvar=False))
    values = corr[np.tril_indices(d, k=-1)]
    return float(np.sum(values >= 0.5) * 2.0 / (d * (d - 1.0)))


def nr_outliers(x):
    v_min, q_1, q_3, v_max = np.percentile(x, (0, 25, 75, 100), axis=0)
    whis_iqr = 1.5 * (q_3 - q_1)
    return int(np.sum(np.logical_or(q_1 - whis_iqr > v_min, q_3 + whis_iqr < v_max)))


def sparsity(x):
    n = x.shape[0]
    ratio = np.array([col.size / np.unique(col).size for col in x.T])
    return (ratio - 1.0) / (n - 1.0)


def equal_freq_discretization(col, num_bins, tol=1e-8):
    perc_interval = 100.0 / num_bins
    perc_range = np.arange(perc_interval, 100, perc_interval)
    hist_divs = np.percentile(col, perc_range)
    diffs = np.append(True, np.diff(hist_divs))
    hist_divs = hist_divs[diffs > tol]
    hist_divs = np.unique(hist_divs)
    return np.digitize(x=col, bins=hist_divs, right=True)


def attr_ent(x):
    num_bins = int(x.shape[0] ** (1 / 3))
    out = []
    for col in x.T:
        _, counts = np.unique(equal_freq_discretization(col, num_bins), return_counts=True)
        out.append(float(scipy.stats.entropy(counts, base=2)))
    return out


def features(x):
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        h_mean = scipy.stats.hmean(x + 1e-8, axis=0)
    return {
        "range": np.ptp(x, axis=0),
        "min": x.min(axis=0),
        "max": x.max(axis=0),
        "t_mean": scipy.stats.trim_mean(x, 0.2, axis=0),
        "mad": 1.4826 * scipy.stats.median_abs_deviation(x, axis=0),
        "g_mean": g_mean(x),
        "h_mean": h_mean,
        "eigenvalues": eigenvalues(x),
        "nr_cor_attr": nr_cor_attr(x),
        "nr_outliers": nr_outliers(x),
        "sparsity": sparsity(x),
        "attr_ent": attr_ent(x),
    }


def jsonable(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return [jsonable(v) for v in value]
    value = float(value)
    return None if math.isnan(value) else value


def write_expected(out, name, columns, x):
    doc = {
        "rows": int(x.shape[0]),
        "columns": list(columns),
        "features": {k: jsonable(v) for k, v in features(x).items()},
    }
    (out / f"expected-{name}.json").write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def main():
    module = Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=module.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path,
                        default=module / "src" / "test" / "resources" / "dev" / "shifter" / "metafeatures" / "extra")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, x in generated().items():
        columns = [f"c{i}" for i in range(x.shape[1])]
        lines = [",".join(columns)] + [",".join(f"{v:.17g}" for v in row) for row in x]
        (args.out / f"generated-{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        write_expected(args.out, name, columns, x)
    for file_name in REAL_FILES:
        path = args.data_dir / file_name
        if not path.is_file():
            print(f"skipped {path}: absent", file=sys.stderr)
            continue
        columns, x = read_numeric(path)
        write_expected(args.out, file_name.removesuffix(".csv"), columns, x)


if __name__ == "__main__":
    main()
