"""Reference values for packages/core/src/predict (evaluation, calibration, logistic baseline), from scikit-learn.

Run with Debian's Python (apt-get install -y python3-sklearn):
    /usr/bin/python3 packages/core/test/reference/predict/make-reference.py
It rewrites reference.json beside this file with the inputs and sklearn's outputs; the TypeScript tests read only
that JSON, so `npm test` needs no Python.
"""

import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

rng = np.random.default_rng(20240601)


def metrics_case(name, p, y):
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    return {
        "name": name,
        "p": [float(v) for v in p],
        "y": [int(v) for v in y],
        "rocAuc": roc_auc_score(y, p),
        "prAuc": average_precision_score(y, p),
        "logLoss": log_loss(y, p),
        "brier": brier_score_loss(y, p),
        # sklearn drops empty bins; the test compares the non-empty ones in order.
        "calibration": {"observedRate": prob_true.tolist(), "meanPredicted": prob_pred.tolist()},
    }


def metrics():
    n = 500
    logit = rng.normal(size=n)
    y = (rng.random(n) < 1 / (1 + np.exp(-1.5 * logit))).astype(int)
    p = 1 / (1 + np.exp(-logit))
    tied = np.round(p, 1) * 0.96 + 0.015  # many ties, none on a bin edge (0.015, 0.111, …, 0.975)
    return [metrics_case("continuous", p, y), metrics_case("tied", tied, y)]


def platt():
    n = 300
    margin = rng.normal(scale=2.0, size=n)
    y = (rng.random(n) < 1 / (1 + np.exp(-(0.6 * margin - 0.8)))).astype(int)
    a, b = _sigmoid_calibration(margin, y)
    # sklearn's P = 1 / (1 + exp(A f + B)); Tenure's σ(a m + b) has a = −A, b = −B.
    return {"margin": margin.tolist(), "y": y.tolist(), "a": -float(a), "b": -float(b)}


def logistic():
    n, p, lam = 400, 3, 2.0
    X = rng.normal(size=(n, p))
    X = (X - X.mean(axis=0)) / X.std(axis=0)  # standardised as Tenure does, so its scaling is the identity
    y = (rng.random(n) < 1 / (1 + np.exp(-(0.3 + X @ np.array([1.0, -0.5, 0.0]))))).astype(int)
    # sklearn minimises ½‖β‖² + C Σ loss; Tenure minimises Σ loss + (λ/2)‖β‖², so C = 1/λ.
    m = LogisticRegression(C=1 / lam, tol=1e-12, max_iter=100000).fit(X, y)
    return {
        "X": X.T.tolist(),
        "y": y.tolist(),
        "lambda": lam,
        "intercept": float(m.intercept_[0]),
        "coef": m.coef_[0].tolist(),
    }


out = {
    "generatedBy": f"make-reference.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "metrics": metrics(),
    "platt": platt(),
    "logistic": logistic(),
}
Path(__file__).with_name("reference.json").write_text(json.dumps(out) + "\n")
