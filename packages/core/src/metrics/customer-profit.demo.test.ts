import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DERIVED_DIMENSIONS } from '../segments/derived.ts';
import { valuePyramid } from '../segments/pyramid.ts';
import { sql } from '../sql/sql.ts';
import { generateDemo } from '../workspace/demo/index.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';
import { customerProfitSql } from './customer-profit.ts';
import { dimensions, normalizeQuery } from './query.ts';

/**
 * On a small demo: the per-customer profit relation adds up to the company's totals to the cent — every cost
 * row's amount (prorated, allocated, or unallocated) and every customer's own acquisition cost — and
 * profit_contribution's numerators by each configured dimension add up to the whole business's, month by month.
 */
describe('per-customer profit on the demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-profit-'));
  let ws: Workspace;
  let from: string;
  let months: number;
  beforeAll(async () => {
    ws = await initWorkspace(join(dir, 'demo'));
    await generateDemo(ws, { customers: 300, months: 18, seed: 5 });
    const [r = { a: '', z: '' }] = await ws.db.all<{ a: string; z: string }>(sql`SELECT
        strftime(least(min(c.period_start), (SELECT min(created_at) FROM customers)), '%Y-%m') AS a,
        strftime(greatest(max(c.period_end), (SELECT max(created_at) FROM customers)), '%Y-%m') AS z FROM costs c`);
    from = r.a;
    const [ay, am] = from.split('-').map(Number) as [number, number];
    const [zy, zm] = r.z.split('-').map(Number) as [number, number];
    months = (zy - ay) * 12 + (zm - am) + 1;
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Σ over customers + unallocated = the costs table and own acquisition costs, to the cent', async () => {
    const q = await normalizeQuery(ws.db, ws.config, { period: 'month', from, to: from });
    const relation = customerProfitSql(q, ws.db.dialect, { origin: `${from}-01 00:00:00`, months });
    const got = await ws.db.all<{ line: string; cents: number }>(sql`SELECT line,
        CAST(sum(round(amount * 100)) AS BIGINT) AS cents FROM (${relation}) r
      WHERE line NOT IN ('subscription_revenue', 'order_revenue', 'cost_of_revenue', 'active') GROUP BY line ORDER BY line`);
    // The demo's acquisition rows total its customers' own acquisition costs month by month: the own figures count.
    const want = await ws.db.all<{
      line: string;
      cents: number;
    }>(sql`SELECT line, CAST(sum(c) AS BIGINT) AS cents FROM (
        SELECT category AS line, floor(CAST(amount AS DOUBLE) * 100 + 0.5) AS c FROM costs WHERE category <> 'acquisition'
        UNION ALL SELECT 'acquisition' AS line, floor(CAST(acquisition_cost AS DOUBLE) * 100 + 0.5) AS c FROM customers
          WHERE acquisition_cost IS NOT NULL) x GROUP BY line ORDER BY line`);
    expect(want.length).toBeGreaterThanOrEqual(4);
    expect(got.map((r) => [r.line, Number(r.cents)])).toEqual(want.map((r) => [r.line, Number(r.cents)]));
  });

  it('profit contribution and retention cost: the segments of every dimension add up to the whole business', async () => {
    const configured = await dimensions(ws.db, ws.config);
    expect(configured.length).toBeGreaterThanOrEqual(3);
    // The derived ones too (value tier, RFM, lifecycle stage: segments/derived.ts), whose "(none)" holds the
    // customers without a class at the period's start.
    const dims = [...configured, ...DERIVED_DIMENSIONS];
    const ids = ['profit_contribution', 'retention_cost_per_customer'];
    const query = { period: 'month', from, to: `${from.slice(0, 4)}-12` } as const;
    const whole = await computeMetrics(ws.db, ws.config, ids, query);
    const cents = (x: number | null) => Math.round((x ?? 0) * 100);
    for (const by of dims) {
      const split = await computeMetrics(ws.db, ws.config, ids, { ...query, by: [by] });
      for (const w of whole) {
        const parts = split.filter((r) => r.metric === w.metric && r.period_start === w.period_start);
        // A month before anyone has a class has one segment, "(none)".
        expect(parts.length, `${w.metric} ${w.period_start} by ${by}`).toBeGreaterThan(configured.includes(by) ? 1 : 0);
        const sum = parts.reduce((s, r) => s + (r.numerator ?? 0), 0);
        expect(cents(sum), `${w.metric} ${w.period_start} by ${by}`).toBe(cents(w.numerator));
      }
    }
  });

  it("the customer pyramid's tiers and the unclassified customers bring the year's whole profit", async () => {
    // The last complete year: customers have values at its start.
    const p = await valuePyramid(ws.db, ws.config, { period: 'year' });
    const year = p.period.start.slice(0, 4);
    const [whole] = await computeMetrics(ws.db, ws.config, ['profit_contribution'], {
      period: 'year',
      from: year,
      to: year,
    });
    const tiers = p.tiers.reduce((s, t) => s + (t.profit ?? 0), 0) + (p.unclassified_profit ?? 0);
    expect(p.tiers.every((t) => t.profit !== null)).toBe(true);
    // Each part is given to the cent, so the parts may differ from the rounded whole by a cent each.
    const off = Math.abs(Math.round(tiers * 100) - Math.round((whole?.numerator ?? Number.NaN) * 100));
    expect(off).toBeLessThanOrEqual(p.tiers.length + 1);
  });
});
