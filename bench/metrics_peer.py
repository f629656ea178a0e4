"""pandas/numpy peer of bench/metrics.bench.ts: the same monthly report, the same definitions.

Usage: /usr/bin/python3 bench/metrics_peer.py DIR ORIGIN N [cohorts] [purchases] [append]
Reads DIR/customers.csv (cidx, region, channel, customer_type; row i is customer index i),
DIR/subscriptions.csv (cidx, subscription_id, started_at, ended_at, mrr) and, with `purchases`, DIR/orders_cidx.i32 and
DIR/orders_month.i32 (raw int32: customer index, month of ordered_at counted from ORIGIN); with `append`, also
DIR/append_orders_cidx.i32 and DIR/append_orders_month.i32 (orders imported since, read and joined to the others
inside the timed load, as a pandas pipeline re-reads its inputs after new data arrives).
Definitions, as in packages/core/src/metrics/{spans,flow,revenue,cohorts,purchases}.ts (grace 0, UTC):
- spans: a customer's subscriptions [started_at, ended_at or forever) merged where they overlap or touch;
- boundaries b_0 … b_N are month starts from ORIGIN; active at b: some span with a < b < z;
- churned(k): active at b_k, not at b_k+1; new(k): the first span starts in month k; reactivated(k): a later
  span starts in month k while not active at b_k; lost in the same month: those entrants not active at b_k+1;
- MRR at b: sum of mrr over subscriptions with started_at < b < ended_at, or started_at = b < ended_at when it
  continues an earlier subscription of the customer (by started_at, subscription_id) reaching b, a re-pricing;
  per customer, b_k → b_k+1:
  0 → x new (reactivation if the customer had MRR at any earlier boundary, before the window too),
  x → y expansion or contraction, x → 0 churn; NRR = (start + exp − contr − churn) / start, GRR = (start − contr − churn) / start;
- cohort: month of the first span start (inside the window); per age, active at the end of month k = cohort + age,
  returned = a span overlapping month k, money = MRR at the end of month k (÷ the same at age 0);
- buyers(k): customers with an order in month k; returning: whose first order ever is in an earlier month.
Prints one JSON object. load_s (reading, parsing) and compute_s (everything after) are timed apart.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

d, origin, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
want = set(sys.argv[4:])
SEGS = ['region', 'channel', 'customer_type']
NEVER = np.iinfo(np.int64).max  # µs: an open end

t0 = time.perf_counter()
cust = pd.read_csv(f'{d}/customers.csv', dtype={s: str for s in SEGS})
subs = pd.read_csv(f'{d}/subscriptions.csv', dtype={'cidx': np.int64, 'subscription_id': str, 'mrr': np.float64})
subs['started_at'] = pd.to_datetime(subs.started_at)
subs['ended_at'] = pd.to_datetime(subs.ended_at)
if 'purchases' in want:
    o_cidx = np.fromfile(f'{d}/orders_cidx.i32', dtype=np.int32)
    o_month = np.fromfile(f'{d}/orders_month.i32', dtype=np.int32)
    if 'append' in want:
        o_cidx = np.concatenate([o_cidx, np.fromfile(f'{d}/append_orders_cidx.i32', dtype=np.int32)])
        o_month = np.concatenate([o_month, np.fromfile(f'{d}/append_orders_month.i32', dtype=np.int32)])
load_s = time.perf_counter() - t0

t1 = time.perf_counter()
nc = len(cust)


def us(ts):  # datetime64 series → int64 µs, open ends → NEVER
    return np.where(ts.isna(), NEVER, ts.values.astype('datetime64[us]').astype(np.int64))


def month_starts(first, periods=None, end=None):
    r = pd.date_range(first, end, periods=periods, freq='MS')
    return r.values.astype('datetime64[us]').astype(np.int64)


b = month_starts(origin, periods=n + 1)

# Spans: sort each customer's intervals, start a new span where one begins after everything before it ended.
s = subs[subs.started_at.notna()]
iv = pd.DataFrame({'c': s.cidx.values, 'a': us(s.started_at), 'z': us(s.ended_at)}).sort_values(['c', 'a', 'z'])
prev_end = iv.groupby('c').z.cummax().groupby(iv.c).shift(fill_value=np.iinfo(np.int64).min)
iv['g'] = (iv.a > prev_end).cumsum()
sp = iv.groupby('g').agg(c=('c', 'first'), a=('a', 'min'), z=('z', 'max'))
sc, sa, sz = sp.c.values, sp.a.values, sp.z.values
ka = np.searchsorted(b, sa, side='right') - 1  # month of the span start: < 0 before the window, n after

# A[c, k]: customer c active at boundary b_k.
A = np.zeros((nc, n + 1), bool)
for k in range(n + 1):
    on = (sa < b[k]) & (b[k] < sz)
    A[sc[on], k] = True
churned = A[:, :n] & ~A[:, 1:]

ent = pd.DataFrame({'c': sc, 'k': ka, 'first': ~sp.c.duplicated().values})
ent = ent[(ent.k >= 0) & (ent.k < n)].groupby(['c', 'k'], as_index=False)['first'].max()
ec, ek, first = ent.c.values, ent.k.values, ent['first'].values
is_new = first
is_react = ~first & ~A[ec, ek]
lost = (is_new | is_react) & ~A[ec, ek + 1]


def tally(c, k, code, m):  # rows per (month, segment)
    return np.bincount(k * m + code[c], minlength=n * m).reshape(n, m)


flow = {}
for by in ['all'] + SEGS:
    if by == 'all':
        code, names = np.zeros(nc, np.int64), np.array(['all'])
    else:
        code, names = pd.factorize(cust[by].fillna('(none)'))
    m = len(names)
    ac, ak = np.nonzero(A[:, :n])
    cc, ck = np.nonzero(churned)
    t = {'active_start': tally(ac, ak, code, m), 'churned': tally(cc, ck, code, m)}
    if by == 'all':
        ac, ak = np.nonzero(A[:, 1:])
        t |= {'active_end': tally(ac, ak, code, m), 'new': tally(ec[is_new], ek[is_new], code, m),
              'reactivated': tally(ec[is_react], ek[is_react], code, m), 'lost': tally(ec[lost], ek[lost], code, m)}
    flow[by] = {name: {f: v[:, i].tolist() for f, v in t.items()} for i, name in enumerate(names)}
flow['all'] = flow['all']['all']

# MRR per customer at every month start from the first subscription's month on, in exact 1e-4 units.
r = subs[subs.started_at.notna() & subs.mrr.notna()].sort_values(['cidx', 'started_at', 'subscription_id'])
rc, ra, rz, units = r.cidx.values, us(r.started_at), us(r.ended_at), np.rint(r.mrr.values * 1e4)
reached = pd.Series(rz).groupby(rc).cummax().groupby(rc).shift(fill_value=np.iinfo(np.int64).min).values
continues = reached >= ra  # an earlier subscription of the customer lasts until this one starts
every = month_starts(pd.Timestamp(min(ra.min(), b[0]), unit='us').to_period('M').to_timestamp(), end=pd.Timestamp(b[n], unit='us'))
w = len(every) - (n + 1)  # every[w] = b_0
rev = {f: [] for f in ['mrr_start', 'mrr_end', 'new', 'expansion', 'reactivation', 'contraction', 'churn']}
M = np.zeros((nc, n + 1))  # MRR at b_0 … b_n, for cohorts
had = np.zeros(nc, bool)  # MRR > 0 at some earlier boundary
prev = None
for j, bj in enumerate(every):
    on = ((ra < bj) | (continues & (ra == bj))) & (bj < rz)
    cur = np.bincount(rc[on], weights=units[on], minlength=nc)
    if j > w:
        p = prev
        start = (p == 0) & (cur > 0)
        rev['mrr_start'].append(p.sum())
        rev['mrr_end'].append(cur.sum())
        rev['new'].append(cur[start & ~had].sum())
        rev['reactivation'].append(cur[start & had].sum())
        rev['expansion'].append((cur - p)[(p > 0) & (cur > p)].sum())
        rev['contraction'].append((p - cur)[(p > 0) & (cur > 0) & (cur < p)].sum())
        rev['churn'].append(p[(p > 0) & (cur == 0)].sum())
    if j >= w:
        M[:, j - w] = cur
    had |= cur > 0
    prev = cur
rev = {f: np.array(v) for f, v in rev.items()}
rev['nrr'] = (rev['mrr_start'] + rev['expansion'] - rev['contraction'] - rev['churn']) / rev['mrr_start']
rev['grr'] = (rev['mrr_start'] - rev['contraction'] - rev['churn']) / rev['mrr_start']
rev = {f: (v if f in ('nrr', 'grr') else v / 1e4).tolist() for f, v in rev.items()}

result = {'flow': flow, 'revenue': rev}
if 'cohorts' in want:
    cohort = pd.Series(ka).groupby(sc).min()
    cohort = cohort[(cohort >= 0) & (cohort < n)]
    R = np.zeros((nc, n), bool)  # a span overlapping month k
    for k in range(n):
        on = (sa < b[k + 1]) & (sz > b[k])
        R[sc[on], k] = True
    cells = {}
    for c, members in cohort.groupby(cohort).groups.items():
        mem = np.asarray(members)
        for age in range(n - c):
            k = c + age
            cells[f'{c},{age}'] = {'size': len(mem), 'active': int(A[mem, k + 1].sum()),
                                   'returned': int(R[mem, k].sum()), 'money': M[mem, k + 1].sum() / 1e4,
                                   'money0': M[mem, c + 1].sum() / 1e4}
    result['cohorts'] = cells
if 'purchases' in want:
    m0 = int(o_month.min())
    B = np.zeros((nc, int(o_month.max()) - m0 + 1), bool)  # B[c, month - m0]: an order that month
    B[o_cidx, o_month - m0] = True
    first_month = np.where(B.any(axis=1), B.argmax(axis=1) + m0, np.iinfo(np.int32).max)
    result['purchases'] = {
        'buyers': [int(B[:, k - m0].sum()) if 0 <= k - m0 < B.shape[1] else 0 for k in range(n)],
        'returning': [int((B[:, k - m0] & (first_month < k)).sum()) if 0 <= k - m0 < B.shape[1] else 0
                      for k in range(n)],
    }
compute_s = time.perf_counter() - t1
print(json.dumps({**result, 'load_s': load_s, 'compute_s': compute_s, 'pandas': pd.__version__,
                  'numpy': np.__version__}, default=int))
