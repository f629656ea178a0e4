"""Peer for bench/models.bench.ts: the BG/NBD fit with SciPy (Debian's /usr/bin/python3, python3-scipy) on the
same (x, t_x, T, count) patterns Tenure fits, the log-likelihood of Fader, Hardie & Lee (2005) eq. 6 written in
NumPy as lifetimes writes it, minimised over log-parameters with BFGS (numerical gradient) from r = α = a = b = 1.
Prints one JSON line: the fit's seconds (reading excluded) and the parameters.
    /usr/bin/python3 bench/models_peer.py bench/out/models/bgnbd-patterns.csv
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

x, tx, T, w = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, unpack=True)


def negative_log_likelihood(log_params):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    ll = a1 + a2 + np.logaddexp(a3, np.where(x > 0, a4, -np.inf))
    return -np.sum(w * ll) / np.sum(w)


start = time.perf_counter()
result = minimize(negative_log_likelihood, np.zeros(4), method="BFGS", options={"gtol": 1e-6})
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "params": dict(zip(["r", "alpha", "a", "b"], np.exp(result.x).tolist())),
                  "iterations": int(result.nit), "success": bool(result.success)}))
