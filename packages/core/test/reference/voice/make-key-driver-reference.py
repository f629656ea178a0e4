"""Reference values for the key-driver analysis in packages/core/src/voice/drivers/relative-weights.ts, computed
with NumPy and statsmodels.

Run in a virtual environment with statsmodels:
    python3 -m venv /tmp/sm && /tmp/sm/bin/pip install statsmodels
    /tmp/sm/bin/python packages/core/test/reference/voice/make-key-driver-reference.py
It writes key-driver-answers.csv (a seeded survey: 5 driver questions on 1-5 and an NPS question 0-10, integer
answers as respondents give them, a few left blank) and key-driver-reference.json beside this file; the TypeScript
tests only read those two files, so `npm test` needs no Python.

Independent routes, on purpose: the correlations come from numpy.corrcoef over the complete rows (listwise), the
relative weights from numpy.linalg.eigh (Johnson 2000, Multivariate Behavioral Research 35(1):1-19, epsilon_j =
sum_k lambda*_jk^2 beta_k^2), and every R^2 of the Shapley decomposition (Lipovetsky & Conklin 2001) and the
standardized betas from statsmodels OLS fitted on the raw answers with an intercept, one fit per subset of drivers.
"""

import itertools
import json
import math
from pathlib import Path

import numpy as np
import statsmodels
import statsmodels.api as sm

HERE = Path(__file__).parent
DRIVERS = ['network', 'price', 'service', 'billing', 'app']
rng = np.random.default_rng(20261207)
n = 240
latent = rng.normal(size=n)
# Correlated drivers: each is the latent satisfaction plus its own noise; billing largely repeats price.
raw = {}
raw['network'] = 0.8 * latent + rng.normal(size=n)
raw['price'] = 0.5 * latent + rng.normal(size=n)
raw['service'] = 0.7 * latent + rng.normal(size=n)
raw['billing'] = 0.8 * raw['price'] + 0.4 * rng.normal(size=n)
raw['app'] = 0.2 * latent + rng.normal(size=n)
answers = {k: np.clip(np.round(3 + 0.9 * v), 1, 5) for k, v in raw.items()}
nps_raw = 6 + 1.2 * raw['network'] + 0.8 * raw['price'] + 0.6 * raw['service'] + 0.1 * raw['app'] + rng.normal(size=n)
answers['nps'] = np.clip(np.round(nps_raw), 0, 10)
# A few blank answers: those respondents drop out of every figure (listwise), as the SQL does.
blank = rng.choice(n, size=12, replace=False)
columns = DRIVERS + ['nps']
table = np.column_stack([answers[c] for c in columns]).astype(float)
for i, r in enumerate(blank):
    table[r, i % len(columns)] = np.nan

with open(HERE / 'key-driver-answers.csv', 'w') as f:
    f.write('response_id,' + ','.join(columns) + '\n')
    for i, row in enumerate(table):
        f.write(f'R{i + 1:03d},' + ','.join('' if math.isnan(v) else str(int(v)) for v in row) + '\n')

complete = table[~np.isnan(table).any(axis=1)]
x, y = complete[:, :-1], complete[:, -1]
p = len(DRIVERS)
corr = np.corrcoef(complete, rowvar=False)
rxx, rxy = corr[:p, :p], corr[:p, p]

values, vectors = np.linalg.eigh(rxx)
half = vectors @ np.diag(np.sqrt(values)) @ vectors.T
beta_z = np.linalg.solve(half, rxy)
relative = (half**2) @ (beta_z**2)


def r2(subset):
    if not subset:
        return 0.0
    return sm.OLS(y, sm.add_constant(x[:, list(subset)])).fit().rsquared


r2_of = {s: r2(s) for k in range(p + 1) for s in itertools.combinations(range(p), k)}
shapley = np.zeros(p)
for j in range(p):
    others = [i for i in range(p) if i != j]
    for k in range(p):
        for s in itertools.combinations(others, k):
            w = math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p)
            shapley[j] += w * (r2_of[tuple(sorted(s + (j,)))] - r2_of[s])

full = sm.OLS(y, sm.add_constant(x)).fit()
beta = full.params[1:] * x.std(axis=0, ddof=1) / y.std(ddof=1)

reference = {
    'source': 'make-key-driver-reference.py: numpy ' + np.__version__ + ', statsmodels ' + statsmodels.__version__,
    'drivers': DRIVERS,
    'outcome': 'nps',
    'respondents': int(len(y)),
    'r_squared': float(full.rsquared),
    'correlation': [float(v) for v in rxy],
    'beta': [float(v) for v in beta],
    'relative_weights': [float(v) for v in relative],
    'shapley': [float(v) for v in shapley],
}
(HERE / 'key-driver-reference.json').write_text(json.dumps(reference, indent=2) + '\n')
print(json.dumps(reference, indent=2))
