import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetric } from '../metrics/compute.ts';
import { sql } from '../sql/sql.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { assessQuality, type QualityReport } from './index.ts';

/*
 * Deliberately dirty rows, judged at NOW = 2024-04-01 00:00. Weights: completeness 30, validity 25, integrity 20,
 * uniqueness 15, freshness 10 (rescaled over the dimensions that apply); cell weights required 4, optional 1,
 * optional columns nobody filled 0. Freshness 100 up to 7 days, then 100·(90 − age)/83, 0 from 90 days.
 *
 * customers (4): C3 has no created_at (required) and no name; C4 was created 2024-05-01, after NOW.
 *   completeness: weights id 4, name 1, created_at 4, region 1 = 10 × 4 rows = 40; missing name 1 + created 4 → 35/40
 *   validity 3/4 (created_at notFuture); uniqueness 100; integrity n/a; freshness 100 (newest is in the future)
 *   score (30·87.5 + 25·75 + 15·100 + 10·100) / 80 = 87.5
 * orders (5): O2 amount −20, O3 twice (second for C1), first O3 for unknown C9, O5 without ordered_at;
 *   newest order 2024-01-08 → 84 days old (stale).
 *   completeness 4 required columns × 5 = 80, missing 4 → 95; validity 4/5 = 80; uniqueness 4 keys / 5 = 80;
 *   integrity 4/5 = 80; freshness 100·6/83 → score 76.5 + 60/83
 * subscriptions (3): S2 ends 2024-02-01 before it starts 2024-03-01 and bills 'fortnight' (not an enum value).
 *   completeness: weights 4+4+1+4+1+4+1 = 19 × 3 = 57, ended_at missing twice → 55/57; validity 2/3 (one row,
 *   two rules); newest start 2024-03-20 → 12 days → freshness 100·78/83
 * surveys (3): R1 by an employee (E7: not checked), R2 score 11 (range 0–10), R3 respondent_type empty (the
 *   default, customer) naming unknown C9 → integrity 1 orphan / 2 checked = 50; respondent_type 2/3 filled
 *   → completeness 56/57; validity 2/3; newest 2024-03-03 → 29 days → freshness 100·61/83
 * activity (2): clean and recent → 100. Every other table is empty → null, left out of the overall mean.
 */
const NOW = '2024-04-01 00:00:00';
/** Weighted mean of completeness, validity, uniqueness, integrity, freshness over those that apply (not null). */
const score = (...dims: (number | null)[]) => {
  const w = [30, 25, 15, 20, 10].filter((_, i) => dims[i] !== null);
  const on = dims.filter((x) => x !== null) as number[];
  return on.reduce((s, x, i) => s + (w[i] as number) * x, 0) / w.reduce((s, x) => s + x, 0);
};
const EXPECTED = {
  customers: score(87.5, 75, 100, null, 100),
  orders: score(95, 80, 80, 80, (100 * 6) / 83),
  subscriptions: score((100 * 55) / 57, (100 * 2) / 3, 100, 100, (100 * 78) / 83),
  surveys: score((100 * 56) / 57, (100 * 2) / 3, 100, 50, (100 * 61) / 83),
  activity: 100,
};

let ws: Workspace;
let report: QualityReport;
const entity = (name: string) => report.entities.find((e) => e.entity === name)!;

beforeAll(async () => {
  ws = await initWorkspace(mkdtempSync(join(tmpdir(), 'tenure-quality-')));
  const run = (q: ReturnType<typeof sql>) => ws.db.run(q);
  await run(sql`INSERT INTO customers (customer_id, name, created_at, region) VALUES
    ('C1', 'Ann', TIMESTAMP '2024-01-01', 'north'), ('C2', 'Bob', TIMESTAMP '2024-02-01', 'south'),
    ('C3', NULL, NULL, 'north'), ('C4', 'Dan', TIMESTAMP '2024-05-01', 'south')`);
  await run(sql`INSERT INTO orders (order_id, customer_id, ordered_at, amount) VALUES
    ('O1', 'C1', TIMESTAMP '2024-01-05', 100), ('O2', 'C2', TIMESTAMP '2024-01-06', -20),
    ('O3', 'C9', TIMESTAMP '2024-01-07', 50), ('O3', 'C1', TIMESTAMP '2024-01-08', 60), ('O5', 'C2', NULL, 30)`);
  await run(sql`INSERT INTO subscriptions (subscription_id, customer_id, plan, started_at, ended_at, mrr, billing_period) VALUES
    ('S1', 'C1', 'basic', TIMESTAMP '2024-01-01', NULL, 10, 'month'),
    ('S2', 'C2', 'basic', TIMESTAMP '2024-03-01', TIMESTAMP '2024-02-01', 20, 'fortnight'),
    ('S3', 'C2', 'pro', TIMESTAMP '2024-03-20', NULL, 30, 'month')`);
  await run(sql`INSERT INTO surveys (response_id, respondent_type, respondent_id, answered_at, kind, score, comment) VALUES
    ('R1', 'employee', 'E7', TIMESTAMP '2024-03-01', 'employee', 8, 'ok'),
    ('R2', 'customer', 'C1', TIMESTAMP '2024-03-02', 'nps', 11, 'great'),
    ('R3', NULL, 'C9', TIMESTAMP '2024-03-03', 'nps', 9, 'fine')`);
  await run(sql`INSERT INTO activity (customer_id, "at", kind, quantity) VALUES
    ('C1', TIMESTAMP '2024-03-31', 'login', 1), ('C2', TIMESTAMP '2024-03-30', 'login', 2)`);
  report = await assessQuality(ws.db, { now: NOW, top: 3 });
});
afterAll(() => ws.close());

describe('assessQuality on dirty rows (hand-computed)', () => {
  it('scores every entity, null for empty tables, and the overall mean of the others', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) expect(entity(name).score, name).toBeCloseTo(expected, 9);
    expect(entity('customers').score).toBeCloseTo(87.5, 9);
    expect(entity('orders').score).toBeCloseTo(76.5 + 60 / 83, 9);
    for (const e of ['tickets', 'costs', 'campaigns', 'churn_events', 'benchmarks'])
      expect(entity(e).score, e).toBeNull();
    const scores = Object.values(EXPECTED);
    expect(report.overall).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / scores.length, 9);
  });

  it('completeness per column, required weighing 4 and unsupplied optional columns 0', () => {
    const c = entity('customers').completeness;
    expect(c.score).toBeCloseTo(87.5, 9);
    expect(c.columns.find((x) => x.column === 'created_at')).toEqual({
      column: 'created_at',
      required: true,
      filled: 3,
      share: 0.75,
      weight: 4,
    });
    expect(c.columns.find((x) => x.column === 'channel')).toMatchObject({ filled: 0, share: 0, weight: 0 });
    expect(entity('subscriptions').completeness.score).toBeCloseTo((100 * 55) / 57, 9);
  });

  it('validity: violations per rule, rows breaking any', () => {
    const v = (name: string, column: string, rule: string) =>
      entity(name).validity.rules.find((r) => r.column === column && r.rule === rule)?.violations;
    expect(v('orders', 'amount', 'nonNegative')).toBe(1);
    expect(v('orders', 'ordered_at', 'notFuture')).toBe(0);
    expect(v('customers', 'created_at', 'notFuture')).toBe(1);
    expect(v('subscriptions', 'ended_at', 'notBefore')).toBe(1);
    expect(v('subscriptions', 'billing_period', 'enum')).toBe(1);
    expect(v('surveys', 'score', 'range')).toBe(1);
    expect(entity('subscriptions').validity).toMatchObject({ invalidRows: 1 });
    expect(entity('subscriptions').validity.score).toBeCloseTo((100 * 2) / 3, 9);
  });

  it('uniqueness, integrity (with the survey respondent rule) and freshness', () => {
    expect(entity('orders').uniqueness).toMatchObject({
      score: 80,
      distinctKeys: 4,
      duplicateGroups: 1,
      duplicateRows: 2,
      extraRows: 1,
    });
    expect(entity('orders').integrity.references).toEqual([
      { column: 'customer_id', references: 'customers', checked: 5, orphans: 1 },
    ]);
    expect(entity('surveys').integrity).toMatchObject({ score: 50, references: [{ checked: 2, orphans: 1 }] });
    expect(entity('customers').integrity.score).toBeNull();
    expect(entity('orders').freshness).toMatchObject({
      column: 'ordered_at',
      newest: '2024-01-08 00:00:00',
      ageDays: 84,
      status: 'stale',
    });
    expect(entity('orders').freshness.score).toBeCloseTo((100 * 6) / 83, 9);
    expect(entity('activity').freshness).toMatchObject({ ageDays: 1, status: 'fresh', score: 100 });
    expect(entity('costs').freshness.column).toBeNull();
  });

  it('a clean table scores 100 and has no offenders', () => {
    expect(entity('activity')).toMatchObject({ rows: 2, score: 100, offenders: [] });
  });

  it('offenders: the columns and rules that cost most, in points of the entity score', () => {
    const o = entity('orders').offenders.map((x) => [x.dimension, x.column, x.rule, x.count, x.impact]);
    expect(o).toEqual([
      ['freshness', 'ordered_at', 'stale', 84, expect.closeTo(0.1 * (100 - 600 / 83), 9)],
      ['validity', 'amount', 'nonNegative', 1, expect.closeTo(5, 9)],
      ['integrity', 'customer_id', 'references customers', 1, expect.closeTo(4, 9)],
    ]);
    // Without overlapping rules the impacts add up to what the entity lost.
    const all = report.entities.find((e) => e.entity === 'customers')!.offenders;
    expect(all.reduce((s, x) => s + x.impact, 0)).toBeCloseTo(100 - 87.5, 9);
  });
});

describe('data_quality metric', () => {
  it('is the one rule of assessQuality (`tenure quality`, the dashboard) on the data as they are now', async () => {
    const rows = await computeMetric(ws.db, ws.config, 'data_quality', {
      period: 'month',
      from: '2024-01',
      to: '2024-03',
    });
    const current = await assessQuality(ws.db, { now: new Date() });
    expect(new Set(rows.map((r) => r.period_start))).toEqual(new Set(['2024-03-01']));
    const of = (e: string) => rows.find((r) => r.segment.entity === e);
    for (const e of current.entities) {
      if (e.score === null) expect(of(e.entity)?.value ?? null, e.entity).toBeNull();
      else expect(of(e.entity)?.value, e.entity).toBeCloseTo(e.score, 8);
    }
    expect(of('overall')?.value).toBeCloseTo(current.overall as number, 8);
    expect(of('customers')?.parts).not.toHaveProperty('integrity');
  });
});

describe('freshness is measured against the end of the data, never past the reference time', () => {
  it('ends the data at the latest event time, capped at now: a future date does not move it', async () => {
    // C4's created_at (2024-05-01) is after NOW: a future date, so the data end at NOW.
    expect(report.dataEnd).toBe(NOW);
    // Judged today, the data end on 2024-05-01: orders (last 2024-01-08) lag them by 114 days, so they are
    // expired, while the activity of 2024-03-31 is 31 days behind (stale), however long ago that all was.
    const today = await assessQuality(ws.db, { now: new Date() });
    expect(today.dataEnd.slice(0, 10)).toBe('2024-05-01');
    expect(today.entities.find((e) => e.entity === 'orders')!.freshness).toMatchObject({
      ageDays: 114,
      status: 'expired',
    });
    expect(today.entities.find((e) => e.entity === 'customers')!.freshness).toMatchObject({ ageDays: 0, score: 100 });
  });
});
