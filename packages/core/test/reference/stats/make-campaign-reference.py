"""Reference values for the campaign experiment statistics in packages/core/src/stats, computed with statsmodels,
SciPy and NumPy.

Run in a virtual environment with statsmodels (or Debian's python3-statsmodels):
    python3 -m venv /tmp/sm && /tmp/sm/bin/pip install statsmodels
    /tmp/sm/bin/python packages/core/test/reference/stats/make-campaign-reference.py
It rewrites campaign-reference.json beside this file (then formats it with the repository's biome); the TypeScript
tests only read that JSON, so `npm test` needs no Python.

Conventions, as in the TypeScript: arm 1 is the first pair of counts; for power, the treatment arm is statsmodels'
sample 1 (churn baseline − effect), the control arm sample 2 (churn = baseline), ratio = control / treatment.
"""

import json
import subprocess
from pathlib import Path

import numpy as np
import scipy
import statsmodels
from scipy.optimize import brentq
from scipy.stats import chisquare, norm
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportions_ztest,
    samplesize_proportions_2indep_onetail,
)

# (x1, n1, x2, n2): equal and unequal arms, small counts, zero and all events, a 10 % holdout of a large campaign.
PAIRS = [
    (56, 70, 48, 80),  # Newcombe (1998), table II, example (a)
    (9, 10, 3, 10),
    (5, 56, 0, 29),  # zero events in one arm
    (0, 10, 0, 20),  # zero events in both
    (10, 10, 7, 12),  # every member of one arm has the event
    (1, 4, 3, 5),
    (1800, 9000, 230, 1000),  # holdout 10 %: treatment 9,000, control 1,000
    (4210, 45000, 540, 5000),
    (12, 480, 20, 520),
]


def newcombe():
    out = []
    for level in (0.95, 0.9):
        for x1, n1, x2, n2 in PAIRS:
            low, upp = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - level)
            out.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "level": level,
                        "estimate": x1 / n1 - x2 / n2, "lower": float(low), "upper": float(upp)})
    return out


def z_test():
    out = []
    for x1, n1, x2, n2 in PAIRS:
        if x1 + x2 in (0, n1 + n2):
            continue  # statsmodels divides 0 by 0 here; the TypeScript answers z = 0, p = 1 (tested by hand)
        z, p = proportions_ztest([x1, x2], [n1, n2], value=0, alternative="two-sided", prop_var=False)
        out.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "z": float(z), "p": float(p)})
    return out


# (baseline, effect, alpha, power, control share)
DESIGNS = [
    (0.2, 0.05, 0.05, 0.8, 0.5),
    (0.2, 0.02, 0.05, 0.8, 0.1),  # holdout 10 %
    (0.3, 0.03, 0.05, 0.9, 0.2),
    (0.05, 0.01, 0.01, 0.8, 0.5),
    (0.5, 0.1, 0.1, 0.8, 0.3),
    (0.12, 0.04, 0.05, 0.8, 0.9),  # control larger than treatment
]


def nobs1(baseline, effect, alpha, power, ratio):
    return float(samplesize_proportions_2indep_onetail(-effect, baseline, power, ratio=ratio, alpha=alpha,
                                                       alternative="two-sided"))


def sample_size():
    out = []
    for baseline, effect, alpha, power, share in DESIGNS:
        ratio = share / (1 - share)
        out.append({"baseline": baseline, "effect": effect, "alpha": alpha, "power": power, "controlShare": share,
                    "treatmentExact": nobs1(baseline, effect, alpha, power, ratio)})
    return out


# (baseline, treatment, control, alpha, power)
ARMS = [
    (0.2, 1000, 1000, 0.05, 0.8),
    (0.2, 9000, 1000, 0.05, 0.8),  # holdout 10 %
    (0.08, 45000, 5000, 0.05, 0.8),
    (0.35, 300, 700, 0.01, 0.9),
    (0.5, 50, 50, 0.05, 0.8),
]


def detectable_effect():
    """The effect at which statsmodels' sample size for treatment equals the planned treatment arm."""
    out = []
    for baseline, treatment, control, alpha, power in ARMS:
        ratio = control / treatment
        mde = brentq(lambda d: nobs1(baseline, d, alpha, power, ratio) - treatment, 1e-9, baseline - 1e-12,
                     xtol=1e-15, rtol=1e-14)
        out.append({"baseline": baseline, "treatment": treatment, "control": control, "alpha": alpha, "power": power,
                    "effect": float(mde)})
    return out


def srm():
    cases = [([5000, 5000], [0.5, 0.5]), ([9000, 1100], [0.9, 0.1]), ([4950, 5050], [0.5, 0.5]),
             ([48200, 51800], [0.5, 0.5]), ([300, 350, 350], [0.3, 0.35, 0.35]), ([10, 0], [0.9, 0.1]),
             ([901, 99], [9, 1])]
    out = []
    for observed, shares in cases:
        total = sum(observed)
        expected = [total * s / sum(shares) for s in shares]
        stat, p = chisquare(observed, expected)
        out.append({"observed": observed, "shares": shares, "chi2": float(stat), "p": float(p), "mismatch": bool(p < 0.001)})
    return out


def moments(y, x):
    return {"n": int(len(y)), "sumY": float(np.sum(y)), "sumY2": float(np.sum(y * y)), "sumX": float(np.sum(x)),
            "sumX2": float(np.sum(x * x)), "sumXY": float(np.sum(x * y))}


def cuped_case(name, seed, n_t, n_c, effect, slope, level=0.95):
    """CUPED computed directly on the rows with NumPy (Deng et al. 2013), on data drawn with a fixed seed."""
    rng = np.random.default_rng(seed)
    x_t, x_c = rng.gamma(2.0, 50.0, n_t), rng.gamma(2.0, 50.0, n_c)
    y_t = slope * x_t + rng.normal(0, 30, n_t) + effect
    y_c = slope * x_c + rng.normal(0, 30, n_c)
    x_all, y_all = np.concatenate([x_t, x_c]), np.concatenate([y_t, y_c])
    theta = np.cov(x_all, y_all, ddof=1)[0, 1] / np.var(x_all, ddof=1)
    z = norm.ppf((1 + level) / 2)

    def diff(a, b):
        d = np.mean(a) - np.mean(b)
        se = np.sqrt(np.var(a, ddof=1) / len(a) + np.var(b, ddof=1) / len(b))
        return {"estimate": float(d), "lower": float(d - z * se), "upper": float(d + z * se)}, se ** 2

    unadjusted, v0 = diff(y_t, y_c)
    adjusted, v1 = diff(y_t - theta * (x_t - np.mean(x_all)), y_c - theta * (x_c - np.mean(x_all)))
    return {"name": name, "level": level, "treatment": moments(y_t, x_t), "control": moments(y_c, x_c),
            "unadjusted": unadjusted, "adjusted": adjusted, "theta": float(theta), "varianceReduction": float(1 - v1 / v0)}


def cuped():
    return [
        cuped_case("strong covariate", 13, 400, 600, 5.0, 0.8),
        cuped_case("weak covariate, 10 % holdout", 21, 900, 100, -3.0, 0.05, level=0.9),
        cuped_case("small arms", 7, 12, 9, 10.0, 1.2),
    ]


def normal():
    ps = [1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.6, 0.8, 0.95, 0.975, 0.999, 1 - 1e-10]
    zs = [-4.0, -1.0, 0.0, 0.5, 1.959963984540054, 3.0, 8.0, 20.0]
    return {"quantile": [{"p": p, "z": float(norm.ppf(p))} for p in ps],
            "upperTail": [{"z": z, "p": float(norm.sf(z))} for z in zs]}


def main():
    reference = {
        "generatedBy": f"make-campaign-reference.py with statsmodels {statsmodels.__version__}, scipy {scipy.__version__}, numpy {np.__version__}",
        "normal": normal(),
        "newcombe": newcombe(),
        "zTest": z_test(),
        "sampleSize": sample_size(),
        "detectableEffect": detectable_effect(),
        "srm": srm(),
        "cuped": cuped(),
    }
    path = Path(__file__).with_name("campaign-reference.json")
    path.write_text(json.dumps(reference, indent=2) + "\n")
    # Lay the file out as the repository's formatter does, so `npm test` (which starts with `biome check`) passes.
    subprocess.run(["npx", "biome", "format", "--write", str(path)], cwd=Path(__file__).parents[5], check=True)


if __name__ == "__main__":
    main()
