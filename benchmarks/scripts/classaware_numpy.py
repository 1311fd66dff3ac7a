#!/usr/bin/env python3
"""numpy/scipy side of bench-class-aware-speed.sh: pymfe 0.4.4's definitions of the class-aware features,
written with numpy (pymfe itself is not installed here), timed on the same matrix and label as Shifter.

Usage:
  classaware_numpy.py make MATRIX.f32 LABEL.i8 ROWS COLS CLASSES   write a seeded float32 matrix and int8 labels
  classaware_numpy.py time MATRIX.f32 LABEL.i8 ROWS COLS [REPEATS]
      print one TSV line per feature: name, median milliseconds (after one warm-up run)
"""
import sys
import time

import numpy as np

EPS = 1e-8


def make(matrix_path, label_path, rows, cols, classes):
    rng = np.random.default_rng(20261203)
    x = rng.normal(0.0, 1.0, (rows, cols))
    x[:, 1::4] = np.exp(0.8 * x[:, 1::4])
    x[:, 3::4] = 0.6 * x[:, 0::4][:, : x[:, 3::4].shape[1]] + 0.8 * x[:, 3::4]
    score = x[:, :classes] + rng.normal(0.0, 1.5, (rows, classes))
    label = np.argmax(score, axis=1).astype("i1")
    x.astype("<f4").tofile(matrix_path)
    label.tofile(label_path)


def discretise(col, bins):
    divs = np.quantile(col, np.linspace(0, 1, bins + 1)[1:])
    divs = divs[np.append(True, np.diff(divs) > 1e-8)]
    divs = np.unique(divs)
    codes = np.digitize(col, divs, right=True)
    _, codes = np.unique(codes, return_inverse=True)
    return codes


def entropy(codes):
    p = np.bincount(codes) / codes.size
    p = p[p > 0]
    return -np.sum(p * np.log2(p))


def joint(a, b):
    ka, kb = a.max() + 1, b.max() + 1
    return np.bincount(a * kb + b, minlength=ka * kb).reshape(ka, kb) / a.size + EPS


def joint_entropy(a, b):
    p = joint(a, b)
    return -np.sum(p * np.log2(p))


def conc(x, y):
    pij = joint(x, y)
    isum = pij.sum(axis=0)
    jsum2 = np.sum(pij.sum(axis=1) ** 2)
    return (np.sum(pij ** 2 / isum) - jsum2) / (1.0 - jsum2)


def features(x, y):
    n, d = x.shape
    bins = int(n ** (1 / 3))
    def attr_ent():
        return np.array([entropy(c) for c in discretise_all()])

    def discretise_all():
        return [discretise(x[:, j], bins) for j in range(d)]

    def mut_inf():
        hy = entropy(y)
        return np.array([entropy(c) + hy - joint_entropy(y, c) for c in discretise_all()])

    def class_conc():
        return np.array([conc(c, y) for c in discretise_all()])

    def attr_conc():
        cs = discretise_all()
        return np.array([conc(cs[a], cs[b]) for a in range(d) for b in range(d) if a != b])

    def eq_num_attr():
        return d * entropy(y) / np.sum(mut_inf())

    def ns_ratio():
        cs = discretise_all()
        hy = entropy(y)
        mi = np.array([entropy(c) + hy - joint_entropy(y, c) for c in cs])
        return (np.sum([entropy(c) for c in cs]) - mi.sum()) / mi.sum()

    def class_means():
        classes, counts = np.unique(y, return_counts=True)
        return classes, counts, np.array([x[y == c].mean(axis=0) for c in classes])

    def gravity():
        classes, counts, means = class_means()
        maj = np.argmax(counts)
        rest = np.delete(np.arange(classes.size), maj)
        mi = rest[np.argmin(counts[rest])]
        return np.linalg.norm(means[maj] - means[mi])

    def f1():
        classes, counts, means = class_means()
        mean = x.mean(axis=0)
        numer = np.sum(((means - mean) ** 2).T * counts, axis=1)
        denom = np.sum([np.sum((x[y == c] - means[i]) ** 2, axis=0) for i, c in enumerate(classes)], axis=0)
        return 1.0 / (1.0 + numer / denom)

    def f2():
        classes = np.unique(y)
        mins = np.array([x[y == c].min(axis=0) for c in classes])
        maxs = np.array([x[y == c].max(axis=0) for c in classes])
        out = []
        for a in range(classes.size):
            for b in range(a + 1, classes.size):
                overlap = np.maximum(0.0, np.minimum(maxs[a], maxs[b]) - np.maximum(mins[a], mins[b]))
                out.append(np.prod(overlap / (np.maximum(maxs[a], maxs[b]) - np.minimum(mins[a], mins[b]))))
        return np.array(out)

    return {
        "freq": lambda: np.bincount(y) / n,
        "attr_ent": attr_ent,
        "nr_class": lambda: np.unique(y).size,
        "class_ent": lambda: entropy(y),
        "mut_inf": mut_inf,
        "class_conc": class_conc,
        "attr_conc": attr_conc,
        "eq_num_attr": eq_num_attr,
        "ns_ratio": ns_ratio,
        "gravity": gravity,
        "f1": f1,
        "f2": f2,
    }


def timed(matrix_path, label_path, rows, cols, repeats):
    x = np.fromfile(matrix_path, dtype="<f4").reshape(rows, cols).astype(np.float64)
    y = np.fromfile(label_path, dtype="i1").astype(np.int64)
    table = features(x, y)
    for name, fn in table.items():
        fn()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name}\t{np.median(times):.1f}")
    start_all = []
    for _ in range(max(1, repeats // 2)):
        start = time.perf_counter()
        for fn in table.values():
            fn()
        start_all.append((time.perf_counter() - start) * 1000)
    print(f"ALL (one pass)\t{np.median(start_all):.1f}")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
    else:
        timed(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]) if len(sys.argv) > 6 else 3)
