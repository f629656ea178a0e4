"""The fixed Telco test split: 30 % of the 7,043 customers, drawn once with a seeded NumPy generator.

    /usr/bin/python3 packages/core/test/reference/predict/make-telco-split.py
writes telco-test-ids.txt beside this file (a customer_id header, then one id per line, sorted). The rest of the
customers train; among them, those whose 32-bit FNV-1a hash of the id is 0 mod 5 are the validation set for
early stopping and calibration (packages/core/src/predict/split.ts; xgboost-telco.py repeats the rule).
"""

import csv
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[6] / "shared" / "datasets" / "telco" / "WA_Fn-UseC_-Telco-Customer-Churn.csv"

with DATA.open(newline="") as f:
    ids = [row["customerID"] for row in csv.DictReader(f)]
rng = np.random.default_rng(20240607)
test = sorted(rng.choice(ids, size=round(0.3 * len(ids)), replace=False).tolist())
Path(__file__).with_name("telco-test-ids.txt").write_text("customer_id\n" + "\n".join(test) + "\n")
print(f"{len(test)} test ids of {len(ids)} customers")
