"""Peer of bench/model.bench.ts: XGBoost `hist` on the same generated rows, same trees, depth and threads.

    /usr/bin/python3 bench/model_peer.py DIR THREADS TREES DEPTH ETA
DIR holds meta.json, x-train.f32 / x-test.f32 (row-major float32, NaN = missing; the last column is a category
code) and y-train.u8 / y-test.u8, written by the bench. Prints one JSON line: seconds (DMatrix + training, the
same span the bench times for Tenure: binning + boosting), test AUC, trees. The category is given to XGBoost as
categorical (feature type 'c'), as Tenure splits it natively.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

folder = Path(sys.argv[1])
threads, trees, depth, eta = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
meta = json.loads((folder / "meta.json").read_text())
F = meta["features"]


def load(part):
    X = np.fromfile(folder / f"x-{part}.f32", dtype=np.float32).reshape(-1, F)
    y = np.fromfile(folder / f"y-{part}.u8", dtype=np.uint8).astype(np.float32)
    return X, y


Xtr, ytr = load("train")
Xte, yte = load("test")
types = ["q"] * (F - 1) + ["c"]
params = {
    "objective": "binary:logistic",
    "tree_method": "hist",
    "max_depth": depth,
    "eta": eta,
    "lambda": 1.0,
    "min_child_weight": 1.0,
    "max_bin": 256,
    "base_score": float(ytr.mean()),
    "nthread": threads,
}
t0 = time.perf_counter()
dtrain = xgb.DMatrix(Xtr, label=ytr, feature_types=types, enable_categorical=True, nthread=threads)
booster = xgb.train(params, dtrain, trees)
seconds = time.perf_counter() - t0
dtest = xgb.DMatrix(Xte, feature_types=types, enable_categorical=True, nthread=threads)
auc = roc_auc_score(yte, booster.predict(dtest))
print(json.dumps({"seconds": seconds, "test_auc": auc, "trees": trees, "xgboost": xgb.__version__}))
