#!/usr/bin/env python3
"""Times numpy/scipy on the same meta-features as Shifter's core set.

Usage:
  metafeatures_numpy.py make MATRIX.f32 ROWS COLS   write a seeded float32 test matrix (raw little-endian)
  metafeatures_numpy.py time MATRIX.f32 ROWS COLS [REPEATS]
      print one TSV line per feature: name, median milliseconds (after two warm-up runs)

The formulas are pymfe's (the same definitions the Java tests check against).
"""
import sys
import time

import numpy as np
from scipy import stats


def make(path, rows, cols):
    rng = np.random.default_rng(20261124)
    blocks = []
    for j in range(cols):
        kind = j % 4
        if kind == 0:
            col = rng.normal(0.0, 1.0, rows)
        elif kind == 1:
            col = rng.lognormal(0.0, 0.8, rows)
        elif kind == 2:
            col = np.where(rng.random(rows) < 0.3, rng.normal(-3, 0.5, rows), rng.normal(2, 1.0, rows))
        else:
            col = 0.6 * blocks[j - 3] + 0.8 * rng.normal(0.0, 1.0, rows)
        blocks.append(col)
    np.stack(blocks, axis=1).astype("<f4").tofile(path)


def pairs_upper(m):
    i, j = np.triu_indices(m.shape[0], k=1)
    return m[i, j]


def features():
    def cor(x):
        return np.abs(pairs_upper(np.corrcoef(x, rowvar=False)))

    def gaussian_mi(x):
        r = pairs_upper(np.corrcoef(x, rowvar=False))
        return -0.5 * np.log1p(-r * r)

    return {
        "mean": lambda x: x.mean(axis=0),
        "median": lambda x: np.median(x, axis=0),
        "iq_range": lambda x: stats.iqr(x, axis=0),
        "sd": lambda x: x.std(axis=0, ddof=1),
        "var": lambda x: x.var(axis=0, ddof=1),
        "skewness": lambda x: stats.skew(x, axis=0, bias=True) * (x.std(axis=0, ddof=0) / x.std(axis=0, ddof=1)) ** 3,
        "kurtosis": lambda x: stats.moment(x, 4, axis=0) / x.var(axis=0, ddof=1) ** 2 - 3,
        "cor": cor,
        "cov": lambda x: np.abs(pairs_upper(np.cov(x, rowvar=False, ddof=1))),
        "gaussian_mi": gaussian_mi,
    }


def timed(fn, x, repeats):
    times = []
    for r in range(repeats + 2):
        start = time.perf_counter()
        fn(x)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times[2:]))


def main():
    mode, path, rows, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if mode == "make":
        make(path, rows, cols)
        return
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 7
    x = np.fromfile(path, dtype="<f4").reshape(rows, cols)
    fs = features()
    for name, fn in fs.items():
        print(f"{name}\t{timed(fn, x, repeats):.1f}")
    print(f"ALL (one pass)\t{timed(lambda m: [f(m) for f in fs.values()], x, repeats):.1f}")


if __name__ == "__main__":
    main()
