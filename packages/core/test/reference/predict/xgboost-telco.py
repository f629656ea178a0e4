"""XGBoost's test AUC on the fixed Telco split, the reference Tenure's classifier is held to (within 0.005).

    /usr/bin/python3 packages/core/test/reference/predict/xgboost-telco.py [--threads 2] [--json-only]
(Debian: apt-get install -y python3-xgboost python3-sklearn) rewrites xgboost-telco.json beside this file; with
--json-only it prints the JSON instead (bench/model.bench.ts runs it that way). The protocol is Tenure's:
- features: every column but customerID and Churn; the numeric ones as numbers (TotalCharges blank → missing),
  the rest one-hot encoded, as a notebook would (Tenure splits the categories natively);
- test rows: the customers whose FNV-1a hash of "test:" + id is below 3 mod 10 (about 30 %; telco-split.ts
  writes the same ids for Tenure's --test-ids); validation rows: the other customers whose 32-bit FNV-1a hash of the id is
  0 mod 5; training rows: the rest;
- the same hyper-parameters as `tenure model train` by default: hist, depth 4, η 0.05, λ 1, min_child_weight 1,
  256 bins, up to 500 trees with early stopping after 50 rounds without a better validation log loss, the base
  score at the training churn rate.
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[5] / "shared" / "datasets" / "telco" / "WA_Fn-UseC_-Telco-Customer-Churn.csv"
NUMERIC = ["tenure", "SeniorCitizen", "MonthlyCharges", "TotalCharges"]


def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def is_test(customer_id):
    """The fixed test split: 30 % of customers by a hash of the id (telco-split.ts repeats it for the tests)."""
    return fnv1a("test:" + customer_id) % 10 < 3


def main():
    threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else 2
    with DATA.open(newline="") as f:
        rows = list(csv.DictReader(f))
    categorical = [c for c in rows[0] if c not in NUMERIC + ["customerID", "Churn"]]
    levels = {c: sorted({r[c] for r in rows}) for c in categorical}
    names = NUMERIC + [f"{c}={v}" for c in categorical for v in levels[c]]

    def number(v):
        return float(v) if v.strip() else np.nan

    X = np.array(
        [[number(r[c]) for c in NUMERIC] + [float(r[c] == v) for c in categorical for v in levels[c]] for r in rows]
    )
    y = np.array([r["Churn"] == "Yes" for r in rows], dtype=float)
    role = np.array(
        ["test" if is_test(r["customerID"]) else "valid" if fnv1a(r["customerID"]) % 5 == 0 else "train" for r in rows]
    )
    part = {k: (X[role == k], y[role == k]) for k in ("train", "valid", "test")}
    dtrain, dvalid, dtest = (xgb.DMatrix(*part[k], feature_names=names) for k in ("train", "valid", "test"))
    params = {
        "objective": "binary:logistic",
        "eval_metric": "logloss",
        "tree_method": "hist",
        "max_depth": 4,
        "eta": 0.05,
        "lambda": 1.0,
        "min_child_weight": 1.0,
        "max_bin": 256,
        "base_score": float(part["train"][1].mean()),
        "nthread": threads,
        "seed": 0,
    }
    booster = xgb.train(
        params, dtrain, 500, evals=[(dvalid, "valid")], early_stopping_rounds=50, verbose_eval=False
    )
    best = booster.best_iteration + 1
    predict = lambda d: booster.predict(d, iteration_range=(0, best))  # noqa: E731
    out = {
        "generatedBy": f"xgboost-telco.py, xgboost {xgb.__version__}, scikit-learn {sklearn.__version__}",
        "rows": {k: int((role == k).sum()) for k in ("train", "valid", "test")},
        "params": params,
        "trees": best,
        "validation_auc": roc_auc_score(part["valid"][1], predict(dvalid)),
        "test_auc": roc_auc_score(part["test"][1], predict(dtest)),
    }
    text = json.dumps(out, indent=2) + "\n"
    if "--json-only" in sys.argv:
        sys.stdout.write(text)
    else:
        (HERE / "xgboost-telco.json").write_text(text)
        sys.stdout.write(text)


main()
