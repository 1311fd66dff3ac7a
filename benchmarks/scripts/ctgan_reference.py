"""The reference Python CTGAN (sdv-dev/CTGAN 0.7.5 with RDT 1.6.1), run as bench-ctgan-vs-reference.sh runs it.

  ctgan_reference.py fit SRC_DIR TRAIN.csv EPOCHS TORCH_THREADS OUT.csv ROWS SEED   -> prints JSON timings
  ctgan_reference.py split ADULT.csv TRAIN.csv TEST.csv SEED                         -> 80/20, stratified by income
  ctgan_reference.py quality TRAIN.csv TEST.csv SYNTHETIC.csv SEED                   -> prints JSON quality
  ctgan_reference.py fidelity TRAIN.csv TEST.csv NAME=SYNTHETIC.csv...               -> prints a Markdown table

SRC_DIR holds the two source trees (ctgan/ and rdt/), read and run as they are, never copied into the project.
OpenBLAS's threads are set by the caller (OPENBLAS_NUM_THREADS) before numpy loads. The epoch times come from
the fit loop's own tqdm iterator, replaced by one that records when each epoch starts; the transformer's time
is the time from the call to fit until the first epoch starts.
"""
import json
import sys
import time


def split(adult, train, test, seed):
    import numpy as np
    import pandas as pd
    data = pd.read_csv(adult)
    rng = np.random.default_rng(int(seed))
    test_rows = []
    for _, group in data.groupby("income"):
        index = group.index.to_numpy()
        rng.shuffle(index)
        test_rows.extend(index[: int(round(0.2 * len(index)))])
    mask = data.index.isin(test_rows)
    data[~mask].to_csv(train, index=False)
    data[mask].to_csv(test, index=False)


def fit(src, train, epochs, threads, out, rows, seed):
    sys.path.insert(0, src)
    import numpy as np
    import pandas as pd
    import torch
    torch.set_num_threads(int(threads))
    torch.manual_seed(int(seed))
    np.random.seed(int(seed))
    import ctgan.synthesizers.ctgan as module
    starts = []

    def timed(iterable, **_):
        class Timed:
            def __iter__(self):
                for item in iterable:
                    starts.append(time.perf_counter())
                    yield item
                starts.append(time.perf_counter())

            def set_description(self, *_args, **_kwargs):
                pass
        return Timed()

    module.tqdm = timed
    data = pd.read_csv(train)
    discrete = [c for c in data.columns if data[c].dtype == object]
    model = module.CTGAN(epochs=int(epochs), verbose=True, cuda=False)
    begin = time.perf_counter()
    model.fit(data, discrete)
    end = time.perf_counter()
    epoch_seconds = [b - a for a, b in zip(starts, starts[1:])]
    sample_begin = time.perf_counter()
    model.sample(int(rows)).to_csv(out, index=False)
    print(json.dumps({"transformer_s": starts[0] - begin, "epoch_s": epoch_seconds, "fit_s": end - begin,
                      "sample_s": time.perf_counter() - sample_begin, "torch_threads": torch.get_num_threads()}))


def quality(train, test, synthetic, seed):
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import make_pipeline
    from sklearn.tree import DecisionTreeClassifier
    seed = int(seed)
    real = pd.read_csv(train)
    held_out = pd.read_csv(test)
    fake = pd.read_csv(synthetic)[real.columns]
    categorical = [c for c in real.columns if real[c].dtype == object]
    numeric = [c for c in real.columns if c not in categorical]

    def encoder(columns_cat, columns_num):
        return ColumnTransformer([("c", OneHotEncoder(handle_unknown="ignore"), columns_cat),
                                  ("n", StandardScaler(), columns_num)])

    # Detection: a random forest tells real rows from synthetic ones, 4-fold ROC AUC.
    rows = min(len(real), len(fake))
    both = pd.concat([real.sample(rows, random_state=seed), fake.sample(rows, random_state=seed)], ignore_index=True)
    both[categorical] = both[categorical].astype(str)
    target = np.r_[np.zeros(rows), np.ones(rows)]
    aucs = []
    for fold_train, fold_test in StratifiedKFold(4, shuffle=True, random_state=seed).split(both, target):
        model = make_pipeline(encoder(categorical, numeric),
                              RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=seed))
        model.fit(both.iloc[fold_train], target[fold_train])
        aucs.append(roc_auc_score(target[fold_test], model.predict_proba(both.iloc[fold_test])[:, 1]))
    # Efficacy: F1 of >50K on the real held-out rows, four classifiers trained on synthetic and on real rows.
    features_cat = [c for c in categorical if c != "income"]
    classifiers = {
        "logistic regression": lambda: LogisticRegression(max_iter=1000),
        "CART": lambda: DecisionTreeClassifier(max_depth=20, random_state=seed),
        "random forest": lambda: RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=seed),
        "AdaBoost": lambda: AdaBoostClassifier(random_state=seed),
    }
    efficacy = {}
    for name, make in classifiers.items():
        scores = []
        for table in (fake, real):
            x = table.drop(columns=["income"]).copy()
            x[features_cat] = x[features_cat].astype(str)
            model = make_pipeline(encoder(features_cat, numeric), make())
            model.fit(x, (table["income"] == ">50K").astype(int))
            test_x = held_out.drop(columns=["income"]).copy()
            test_x[features_cat] = test_x[features_cat].astype(str)
            scores.append(f1_score((held_out["income"] == ">50K").astype(int), model.predict(test_x)))
        efficacy[name] = {"synthetic": scores[0], "real": scores[1]}
    print(json.dumps({"rf_detection_auc": float(np.mean(aucs)), "efficacy_f1": efficacy}))


def fidelity(train, test, *named):
    """Where synthetic tables differ from the real one: per numeric column the KS statistic and the share of
    rows at the column's most common value (the spikes: capital-gain and capital-loss are 0 in 92 % and 95 %
    of Adult's rows), per categorical column the total variation distance of its shares, the share of >50K
    overall and within the real data's largest categories, and the precision and recall of >50K for a
    logistic regression trained on each table and tested on the real held-out rows."""
    import numpy as np
    import pandas as pd
    from scipy.stats import ks_2samp
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_score, recall_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    real = pd.read_csv(train)
    held_out = pd.read_csv(test)
    tables = {"real": real}
    for item in named:
        name, path = item.split("=", 1)
        tables[name] = pd.read_csv(path)[real.columns]
    names = list(tables)
    categorical = [c for c in real.columns if real[c].dtype == object]
    numeric = [c for c in real.columns if c not in categorical]
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))

    def row(label, values):
        print(f"| {label} | " + " | ".join(values) + " |")

    for c in numeric:
        row(f"KS of {c}", ["-"] + [f"{ks_2samp(real[c], tables[n][c]).statistic:.3f}" for n in names[1:]])
        mode = real[c].mode().iloc[0]
        row(f"share of {c} = {mode:g}", [f"{np.mean(np.isclose(tables[n][c], mode)):.3f}" for n in names])
    for c in categorical:
        shares = real[c].value_counts(normalize=True)
        tv = [0.5 * np.abs(tables[n][c].value_counts(normalize=True).reindex(shares.index.union(
            tables[n][c].unique()), fill_value=0) - shares.reindex(shares.index.union(tables[n][c].unique()),
            fill_value=0)).sum() for n in names[1:]]
        row(f"TV of {c}", ["-"] + [f"{v:.3f}" for v in tv])
    row("share of >50K", [f"{np.mean(tables[n]['income'] == '>50K'):.3f}" for n in names])
    for c in ("marital-status", "relationship", "education", "occupation", "sex"):
        for category in real[c].value_counts().index[:2]:
            row(f"share of >50K where {c} = {category}",
                [f"{np.mean(tables[n]['income'][tables[n][c] == category] == '>50K'):.3f}" for n in names])
    for c in ("age", "education-num", "hours-per-week", "capital-gain"):
        row(f"mean {c}, >50K rows / other rows",
            [f"{tables[n][c][tables[n]['income'] == '>50K'].mean():.1f} / "
             f"{tables[n][c][tables[n]['income'] != '>50K'].mean():.1f}" for n in names])
    features_cat = [c for c in categorical if c != "income"]
    truth = (held_out["income"] == ">50K").astype(int)
    test_x = held_out.drop(columns=["income"]).copy()
    test_x[features_cat] = test_x[features_cat].astype(str)
    scores = []
    for n in names:
        x = tables[n].drop(columns=["income"]).copy()
        x[features_cat] = x[features_cat].astype(str)
        model = make_pipeline(ColumnTransformer([("c", OneHotEncoder(handle_unknown="ignore"), features_cat),
                                                 ("n", StandardScaler(), numeric)]),
                              LogisticRegression(max_iter=1000))
        model.fit(x, (tables[n]["income"] == ">50K").astype(int))
        predicted = model.predict(test_x)
        scores.append(f"{precision_score(truth, predicted):.3f} / {recall_score(truth, predicted):.3f}")
    row("logistic regression on real held-out rows: precision / recall of >50K", scores)


if __name__ == "__main__":
    {"split": split, "fit": fit, "quality": quality, "fidelity": fidelity}[sys.argv[1]](*sys.argv[2:])
