"""Reference values for packages/core/src/stats, computed with SciPy and statsmodels.

Run with Debian's Python (apt-get install -y python3-scipy python3-statsmodels):
    /usr/bin/python3 packages/core/test/reference/stats/make-reference.py
It rewrites reference.json beside this file (then formats it with the repository's biome); the TypeScript tests
only read that JSON, so `npm test` needs no Python.
"""

import json
import math
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.special import gammaincc
from scipy.stats import chi2_contingency, norm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.holtwinters import ExponentialSmoothing


def wilson():
    cases = [(0, 10), (1, 10), (5, 10), (10, 10), (3, 1000), (480, 1000), (17, 23), (1, 1), (123456, 1000000)]
    out = []
    for alpha in (0.05, 0.1):
        for x, n in cases:
            low, high = proportion_confint(x, n, alpha=alpha, method="wilson")
            out.append({"x": x, "n": n, "z": float(norm.ppf(1 - alpha / 2)), "low": float(low), "high": float(high)})
    return out


def chi_square_case(name, table):
    """Overall k×2 test and each 'segment vs the rest' 2×2 test, on the segments that have observations."""
    rows = [r for r in table if r[0] + r[1] > 0]
    stat, p, df, _ = chi2_contingency(np.array(rows, dtype=float), correction=False)
    total = np.sum(np.array(rows, dtype=float), axis=0)
    segments = []
    for r in table:
        if r[0] + r[1] == 0:
            segments.append(None)
            continue
        two = np.array([r, total - np.array(r)], dtype=float)
        s, q, _, _ = chi2_contingency(two, correction=False)
        segments.append({"statistic": float(s), "pValue": float(q)})
    return {"name": name, "table": table, "statistic": float(stat), "df": int(df), "pValue": float(p), "segments": segments}


def chi_square():
    return [
        chi_square_case("2x2", [[30, 70], [45, 55]]),
        chi_square_case("3 segments", [[12, 188], [25, 175], [19, 231]]),
        chi_square_case("tiny p", [[150, 850], [80, 920], [60, 940]]),
        chi_square_case("empty segment left out", [[8, 92], [0, 0], [21, 79], [14, 86]]),
        chi_square_case("many segments", [[5, 45], [9, 41], [3, 47], [12, 38], [7, 43], [6, 44], [15, 35]]),
    ]


def benjamini_hochberg():
    cases = [
        [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04],
        [0.9, 0.8, 0.95, 0.7],
        [1e-12, 0.049, 0.051, 0.3, 0.0001, 0.02, 0.02, 0.6, 0.0],
    ]
    out = []
    for p in cases:
        reject, adjusted, _, _ = multipletests(p, alpha=0.05, method="fdr_bh")
        out.append({"p": p, "adjusted": [float(v) for v in adjusted], "significant": [bool(v) for v in reject]})
    return out


def gamma_q():
    out = []
    for a in (0.5, 1, 1.5, 2, 3.5, 5, 10, 25, 50, 100):
        for x in (0.01, 0.5, 1, 2, 5, 10, 30, 100, 200):
            out.append({"a": a, "x": x, "q": float(gammaincc(a, x))})
    return out


def uniform(count, seed):
    """A fixed linear congruential generator, so the series is reproducible without NumPy's RNG."""
    out, s = [], seed
    for _ in range(count):
        s = (1103515245 * s + 12345) % 2**31
        out.append(s / 2**31 - 0.5)
    return out


def churn_series(n):
    """Monthly churn rate: drifting level (a random walk), slow trend, yearly seasonality and noise."""
    z = uniform(2 * n, 2024)
    walk, out = 0.0, []
    for t in range(n):
        walk += 0.004 * z[2 * t]
        season = 0.008 * math.sin(2 * math.pi * t / 12) + 0.004 * math.cos(4 * math.pi * t / 12)
        out.append(0.05 + 0.0003 * t + walk + season + 0.004 * z[2 * t + 1])
    return out


def ets_summary(res, y, horizon):
    frame = res.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=0.05)
    params = {"alpha": float(res.smoothing_level), "beta": float(res.smoothing_trend), "level": float(res.initial_level)}
    params["trend"] = float(res.initial_trend)
    if res.has_seasonal:
        params["gamma"] = float(res.smoothing_seasonal)
        # ETSResults.initial_seasonal is oldest first: element i is the seasonal term of observation i (i < m).
        params["seasonal"] = [float(v) for v in res.initial_seasonal]
    return {
        "params": params,
        "sse": float(np.sum(res.resid**2)),
        "point": [float(v) for v in frame["mean"]],
        "low": [float(v) for v in frame["pi_lower"]],
        "high": [float(v) for v in frame["pi_upper"]],
    }


def best_ets_fit(model):
    """ETSModel.fit (L-BFGS) can stop in a local minimum (from its default start it does on the 20-month series), so
    keep the least-SSE fit of three starts: alpha 0.1, 0.5, 0.9 with beta = alpha / 10 and gamma = (1 - alpha) / 10."""
    fits = []
    for alpha in (0.1, 0.5, 0.9):
        start = model.start_params.copy()
        start[:2] = [alpha, alpha / 10]
        if model.has_seasonal:
            start[2] = (1 - alpha) / 10
        fits.append(model.fit(start_params=start, disp=False))
    return min(fits, key=lambda res: np.sum(res.resid**2))


def forecast_case(name, n, season_length, horizon):
    values = churn_series(36)[:n]
    y = pd.Series(values, index=pd.period_range("2021-01", periods=n, freq="M"))
    seasonal = {"seasonal": "add", "seasonal_periods": season_length} if season_length else {}
    ets = best_ets_fit(ETSModel(y, error="add", trend="add", **seasonal))
    hw = ExponentialSmoothing(y, trend="add", initialization_method="estimated", **seasonal).fit()
    # Holt-Winters' beta is b_t = β*(ℓ_t − ℓ_{t−1}) + (1 − β*)b_{t−1}; in ETS error-correction form β = α·β*.
    alpha, beta = hw.params["smoothing_level"], hw.params["smoothing_level"] * hw.params["smoothing_trend"]
    known = {"initial_level": hw.params["initial_level"], "initial_trend": hw.params["initial_trend"]}
    hw_params = [alpha, beta]
    if season_length:
        known["initial_seasonal"] = hw.params["initial_seasons"]
        hw_params.append(hw.params["smoothing_seasonal"])
    hw_as_ets = ETSModel(y, error="add", trend="add", initialization_method="known", **known, **seasonal)
    hw_res = hw_as_ets.smooth(hw_params)
    assert abs(np.sum(hw_res.resid**2) - hw.sse) <= 1e-9 * hw.sse, "Holt-Winters and ETS recursions disagree"
    return {
        "name": name,
        "seasonLength": season_length or 1,
        "horizon": horizon,
        "series": values,
        "ets": ets_summary(ets, y, horizon),
        "holtWinters": ets_summary(hw_res, y, horizon),
    }


def main():
    reference = {
        "generatedBy": f"make-reference.py with scipy {scipy.__version__}, statsmodels {statsmodels.__version__}",
        "wilson": wilson(),
        "chiSquare": chi_square(),
        "benjaminiHochberg": benjamini_hochberg(),
        "gammaQ": gamma_q(),
        "forecast": [
            forecast_case("ETS(A,A,A), 36 months", 36, 12, 12),
            forecast_case("ETS(A,A,N), 20 months", 20, None, 6),
        ],
    }
    path = Path(__file__).with_name("reference.json")
    path.write_text(json.dumps(reference, indent=2) + "\n")
    # Lay the file out as the repository's formatter does, so `npm test` (which starts with `biome check`) passes.
    subprocess.run(["npx", "biome", "format", "--write", str(path)], cwd=Path(__file__).parents[5], check=True)


if __name__ == "__main__":
    main()
