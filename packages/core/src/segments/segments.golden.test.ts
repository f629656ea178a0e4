/**
 * Derived dimensions on tiny-segments (test/fixtures/tiny-segments.ts) at t = 2024-07-01, by hand, on every engine.
 *
 * Value (CLV ÷ (0.7 margin × 11.41… discounted months) = MRR at t + order spend of the 365 days before t ÷ 12):
 *   C 2,100/12 = 175, A 100, B 50, D 240/12 = 20 (the 2023 order is older), E 10, G 5, H 2.5; F ended, I nothing.
 *   n = 7: top rn ≤ 0.2 × 7 = 1.4 → C; middle rn ≤ 0.5 × 7 = 3.5 → A, B; rest D, E, G, H.
 * RFM (n = 8, mid-rank score = min(5, ⌊(below + at or below) × 5 ÷ 16⌋ + 1); a value alone at place k: (2k − 1) × 5
 *   ÷ 16 → places 1…8 score 1 1 2 3 3 4 5 5):
 *   recency: E 02-01, F 03-01 (end), H 04-20, G 06-01, C 06-10, D 06-15, A = B = t (running: 6 below, 8 at or
 *     below, 14 × 5 ÷ 16 = 4.4) → E1 F1 H2 G3 C3 D4 A5 B5
 *   frequency: E G H 1 day (0 + 3 → 0.9), B 2 months, C 2 days, D 2 days (3 + 6 → 2.8), F 14 months (6 + 7 → 4.1),
 *     A 18 (7 + 8 → 4.7) → E1 G1 H1 B3 C3 D3 F5 A5
 *   monetary: H 30, G 60, B 100 (50 × 2), E 120, D 340, F 1,120 (80 × 14), A 1,800 (100 × 18), C 2,100
 *     → H1 G1 B2 E3 D3 F4 A5 C5
 *   segments: A R5 F5 champions; B R5 F3, C R3 F3, D R4 F3 loyal; F R1 F5 at_risk; G R3 F1 need_attention;
 *     E R1 F1, H R2 F1 hibernating.
 * Lifecycle: A active; B at_risk (pending cancellation, no scoring); C active (first 122 days ago, one span);
 *   D reactivated (span since 06-15 after the 2023 one ended); E dormant (last order 151 days ago ≥ 90);
 *   F churned; G new (30 days); H at_risk (72 days ≥ 45, < 90); I no stage.
 */
import { expect, it } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySegments } from '../../test/fixtures/tiny-segments.ts';
import { targetSql } from '../campaigns/target.ts';
import { computeMetrics } from '../metrics/compute.ts';
import { DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON_MONTHS, discountedMonths } from '../models/clv/parts.ts';
import { survivalSource } from '../models/survival-data.ts';
import { triggerQuery } from '../playbooks/triggers.ts';
import { sql } from '../sql/sql.ts';
import { defaultConfig } from '../workspace/config.ts';
import { lifecycleSql } from './lifecycle.ts';
import { valuePyramid } from './pyramid.ts';
import { rfmSql } from './rfm-cells.ts';
import { segmentSummary } from './summary.ts';
import { valueTierSql } from './value-tiers.ts';

const ctx = { config: defaultConfig(), asOf: sql`CAST(${'2024-07-01 00:00:00'} AS TIMESTAMP)`, scored: false };
const factor = 0.7 * discountedMonths(DEFAULT_HORIZON_MONTHS, DEFAULT_DISCOUNT_RATE);

forEachEngine('tiny-segments (hand-computed)', fillTinySegments, (e) => {
  const rows = (q: ReturnType<typeof sql>, col: string) =>
    e.conn
      .all<Record<string, unknown>>(sql`SELECT customer_id, ${sql.id(col)} AS v FROM (${q}) x ORDER BY customer_id`)
      .then((r) => Object.fromEntries(r.map((x) => [x.customer_id, x.v])));

  e.it('value tiers: top 20 % / next 30 % / rest of the customers with a value, by CLV', async () => {
    expect(await rows(valueTierSql(ctx), 'value_tier')).toEqual({
      A: 'middle',
      B: 'middle',
      C: 'top',
      D: 'rest',
      E: 'rest',
      G: 'rest',
      H: 'rest',
    });
    const clv = await rows(valueTierSql(ctx), 'clv');
    expect(clv.C).toBeCloseTo(175 * factor, 6);
    expect(clv.H).toBeCloseTo(2.5 * factor, 6);
  });

  e.it('RFM cells and segments in quintiles, ties sharing a score', async () => {
    expect(await rows(rfmSql(ctx), 'rfm_cell')).toEqual({
      A: 'R5F5M5',
      B: 'R5F3M2',
      C: 'R3F3M5',
      D: 'R4F3M3',
      E: 'R1F1M3',
      F: 'R1F5M4',
      G: 'R3F1M1',
      H: 'R2F1M1',
    });
    expect(await rows(rfmSql(ctx), 'rfm_segment')).toEqual({
      A: 'champions',
      B: 'loyal',
      C: 'loyal',
      D: 'loyal',
      E: 'hibernating',
      F: 'at_risk',
      G: 'need_attention',
      H: 'hibernating',
    });
  });

  e.it('lifecycle stages by the configured rules', async () => {
    expect(await rows(lifecycleSql(ctx), 'lifecycle_stage')).toEqual({
      A: 'active',
      B: 'at_risk',
      C: 'active',
      D: 'reactivated',
      E: 'dormant',
      F: 'churned',
      G: 'new',
      H: 'at_risk',
    });
  });

  // Orders basis, July 2024: classified at 2024-07-01; active at 08-01 = an order after 02-03 (180 days).
  const july = (names: string[], by: string) =>
    computeMetrics(e.conn, e.ws.config, names, {
      period: 'month',
      from: '2024-07',
      to: '2024-07',
      by: [by],
      basis: 'orders',
    });
  const bySegment = (
    rows: { metric: string; segment: Record<string, string>; value: number | null }[],
    m: string,
    by: string,
  ) => Object.fromEntries(rows.filter((r) => r.metric === m).map((r) => [r.segment[by], r.value]));

  e.it('a metric by lifecycle_stage: E, dormant on July 1, is the one churned in July', async () => {
    const rows = await july(['active_customers', 'churn_rate'], 'lifecycle_stage');
    expect(bySegment(rows, 'active_customers', 'lifecycle_stage')).toMatchObject({
      active: 1, // C
      reactivated: 1, // D
      new: 1, // G
      at_risk: 1, // H
      dormant: 0, // E churned on 07-30
    });
    expect(bySegment(rows, 'churn_rate', 'lifecycle_stage')).toMatchObject({ dormant: 1, active: 0, at_risk: 0 });
  });

  e.it('a metric by value_tier and filtered by rfm_segment', async () => {
    const rows = await july(['active_customers'], 'value_tier');
    expect(bySegment(rows, 'active_customers', 'value_tier')).toMatchObject({ top: 1, rest: 3 });
    const hib = await computeMetrics(e.conn, e.ws.config, ['active_customers'], {
      period: 'month',
      from: '2024-07',
      to: '2024-07',
      filter: { rfm_segment: 'hibernating' },
      basis: 'orders',
    });
    expect(hib.map((r) => r.value)).toEqual([1]); // H (E churned in July)
  });
});

// The pyramid of July 2024 (subscriptions basis: the workspace has subscriptions), tiers as of July 1.
forEachEngine('tiny-segments pyramid', fillTinySegments, (e) => {
  e.it('customers, share, CLV, profit and churn per tier', async () => {
    const p = await valuePyramid(e.conn, e.ws.config, { period: 'month', at: '2024-07' });
    expect(p.as_of).toBe('2024-07-01');
    expect(p.tiers.map((t) => [t.tier, t.customers, t.share])).toEqual([
      ['top', 1, 1 / 7],
      ['middle', 2, 2 / 7],
      ['rest', 4, 4 / 7],
    ]);
    expect(p.tiers[1]?.clv).toBeCloseTo(150 * factor, 6); // A 100 + B 50
    // Middle: A and B subscribe all July (MRR 150 at both ends) × 0.7 margin; no orders, no costs.
    expect(p.tiers[1]?.profit).toBeCloseTo(105, 6);
    expect(p.tiers[1]).toMatchObject({ churn_rate: 0, churned: 0 });
    // Nobody joins in July and the others pay no subscription: the tiers hold the whole profit.
    expect(p.unclassified_profit).toBe(0);
    // C (top) has no subscription: nobody of the tier is active on the subscriptions basis.
    expect(p.tiers[0]?.churn_rate).toBeNull();
  });

  e.it('the RFM grid and the lifecycle counts of the same classification', async () => {
    const s = await segmentSummary(e.conn, e.ws.config, { at: '2024-07-01' });
    expect(s).toMatchObject({ as_of: '2024-07-01', bins: 5 });
    expect(s.rfm).toEqual([
      { r: 1, f: 1, customers: 1, monetary: 120 }, // E
      { r: 1, f: 5, customers: 1, monetary: 1120 }, // F
      { r: 2, f: 1, customers: 1, monetary: 30 }, // H
      { r: 3, f: 1, customers: 1, monetary: 60 }, // G
      { r: 3, f: 3, customers: 1, monetary: 2100 }, // C
      { r: 4, f: 3, customers: 1, monetary: 340 }, // D
      { r: 5, f: 3, customers: 1, monetary: 100 }, // B
      { r: 5, f: 5, customers: 1, monetary: 1800 }, // A
    ]);
    expect(Object.fromEntries(s.lifecycle.map((l) => [l.stage, l.customers]))).toEqual({
      new: 1,
      active: 2,
      at_risk: 2,
      dormant: 1,
      churned: 1,
      reactivated: 1,
    });
  });
});

// Triggers run on the workspace, the day after the end of the data: the latest event is 2024-06-15 (D's order).
it('a playbook filter trigger picks customers by derived dimensions', async () => {
  const { initWorkspace } = await import('../workspace/workspace.ts');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'tenure-segments-'));
  const ws = await initWorkspace(dir);
  try {
    await fillTinySegments(ws);
    const picked = async (filter: string[]) =>
      (
        await ws.db.all<{ customer_id: string }>(
          triggerQuery(
            { kind: 'filter', filter },
            { cause: { kind: 'manual', ref: null }, now: sql`CAST(${'2026-01-01'} AS TIMESTAMP)`, config: ws.config },
          ),
        )
      )
        .map((r) => r.customer_id)
        .sort();
    expect(await picked(['lifecycle_stage=churned'])).toEqual(['F']);
    // At 06-15, C's 2,100 of orders (175 a month) still lead A's MRR of 100.
    expect(await picked(['value_tier=top', 'region=south'])).toEqual(['C']);
    expect(await picked(['value_tier=top', 'region=north'])).toEqual([]);
    // A campaign target at the same end of the data: of the middle tier (A, B) the customers active at the clock.
    const target = await targetSql(
      ws,
      { kind: 'filter', filter: ['value_tier=middle'] },
      undefined,
      '2024-06-20 00:00:00',
    );
    const ids = (await ws.db.all<{ customer_id: string }>(target)).map((r) => r.customer_id).sort();
    expect(ids).toEqual(['A', 'B']);
    const lapsed = await targetSql(
      ws,
      { kind: 'filter', filter: ['lifecycle_stage=churned'] },
      undefined,
      '2024-06-20 00:00:00',
    );
    expect(await ws.db.all(lapsed)).toEqual([]); // F churned, so it is not active at the clock either
    // With a churn scoring dated on or before t, "at risk" is its tier, not inactivity: C (high) is at risk; B's
    // pending cancellation and H's 72 quiet days no longer count, so both are new. A later scoring is not read.
    await ws.db.run(sql`INSERT INTO scores (run_id, customer_id, as_of, probability, margin, tier, retain) VALUES
      (1, 'C', DATE '2024-06-30', 0.4, 0.1, 'high', true), (2, 'H', DATE '2024-08-01', 0.6, 0.1, 'critical', true)`);
    const stages = await ws.db.all<{ customer_id: string; lifecycle_stage: string }>(
      sql`SELECT customer_id, lifecycle_stage FROM (${lifecycleSql({ ...ctx, scored: true })}) l ORDER BY customer_id`,
    );
    expect(Object.fromEntries(stages.map((r) => [r.customer_id, r.lifecycle_stage]))).toEqual({
      A: 'active',
      B: 'new',
      C: 'at_risk',
      D: 'reactivated',
      E: 'dormant',
      F: 'churned',
      G: 'new',
      H: 'new',
    });
    // Lifetimes have no period start to classify at: survival refuses the derived dimensions.
    await expect(survivalSource(ws.db, ws.config, { unit: 'month', by: ['value_tier'] })).rejects.toMatchObject({
      code: 'TEN_METRIC_UNKNOWN_SEGMENT',
    });
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
