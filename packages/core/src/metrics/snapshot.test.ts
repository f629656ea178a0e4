/**
 * A Telco-style snapshot (tenure in months and a churned flag per customer), generated here and imported with an
 * as-of date: its churn all lands on that date, so period figures are marked as snapshot-derived, get no change,
 * no forecast and no trend (a request for one is refused), in metrics, status, overview and the report alike.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, tempWorkspace } from '../../test/fixtures/ingest/helpers.ts';
import { overview } from '../dashboard/overview.ts';
import { importFile } from '../ingest/import.ts';
import { buildReport } from '../reports/build.ts';
import { headlineChurn } from '../workspace/status.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { computeMetrics } from './compute.ts';
import { refuseSnapshotTrend, snapshotChurn } from './snapshot.ts';
import { forecastRows } from './trend.ts';

const AS_OF = '2024-12-31';
const CUSTOMERS = 60;
let ws: Workspace;
let done: () => Promise<void>;

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ ws, done } = t);
  // Tenure 1–30 months; every third customer has left by the as-of date.
  const lines = Array.from({ length: CUSTOMERS }, (_, i) => `S${i},${1 + (i % 30)},${i % 3 === 0 ? 'Yes' : 'No'}`);
  const file = join(t.dir, 'snapshot.csv');
  writeFileSync(file, `customerID,tenure,Churn\n${lines.join('\n')}\n`);
  await importFile(ws, 'customers', file, { asOf: AS_OF });
});
afterAll(() => done());

const year = { period: 'month' as const, from: '2024-01', to: '2024-12' };

describe('churn from a snapshot import', () => {
  it('is recorded as such: how many churns, on which as-of date', async () => {
    expect(await snapshotChurn(ws.db)).toEqual({ events: CUSTOMERS / 3, asOf: [AS_OF] });
  });

  it('marks the figures dated by it, with no change and no forecast', async () => {
    const rows = await computeMetrics(ws.db, ws.config, ['churn_rate', 'churned_customers'], year);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.snapshot).toBe(AS_OF);
      expect(r.change ?? null).toBeNull();
    }
    expect(rows.find((r) => r.metric === 'churned_customers' && r.period_start === '2024-12-01')?.value).toBe(20);
    expect(forecastRows(rows, 'month', { fiscalStartMonth: 1, weekStart: 'monday' }, 3)).toEqual([]);
  });

  it('refuses a trend or a forecast, and gives one period at the as-of date', async () => {
    const rows = await computeMetrics(ws.db, ws.config, ['churn_rate'], year);
    await failure(
      Promise.resolve().then(() => refuseSnapshotTrend(rows, 0)),
      'TEN_METRIC_SNAPSHOT',
    );
    const last = await computeMetrics(ws.db, ws.config, ['churn_rate'], { ...year, from: '2024-12' });
    expect(() => refuseSnapshotTrend(last, 0)).not.toThrow();
    await failure(
      Promise.resolve().then(() => refuseSnapshotTrend(last, 3)),
      'TEN_METRIC_SNAPSHOT',
    );
  });

  it('status, the overview and the report say so instead of showing a monthly trend', async () => {
    expect((await headlineChurn(ws))?.snapshot).toBe(AS_OF);
    const o = await overview(ws, { period: 'month', periods: 12 });
    const churn = o.kpis.find((k) => k.metric === 'churn_rate')!;
    expect(churn).toMatchObject({ snapshot: AS_OF, series: [], previous: null });
    for (const lang of ['en', 'zh-CN'] as const) {
      const report = await buildReport(ws, { lang, to: '2024-12' });
      const trend = report.sections.find((s) => s.kind === 'trend')!;
      expect('series' in trend && trend.series.every((s) => s.points.length === 0)).toBe(true);
      expect(report.sections.some((s) => s.notes.some((n) => n.includes(AS_OF)))).toBe(true);
    }
  });

  it('is not claimed for churn events imported with their own dates', async () => {
    const t = await tempWorkspace();
    try {
      const file = join(t.dir, 'c.csv');
      writeFileSync(file, 'customer_id,created_at\nA,2024-01-01\nB,2024-02-01\n');
      await importFile(t.ws, 'customers', file);
      writeFileSync(file, 'customer_id,churned_at\nA,2024-06-15\n');
      await importFile(t.ws, 'churn_events', file);
      expect(await snapshotChurn(t.ws.db)).toBeNull();
      const rows = await computeMetrics(t.ws.db, t.ws.config, ['churn_rate'], year);
      expect(rows.every((r) => r.snapshot === undefined)).toBe(true);
    } finally {
      await t.done();
    }
  });
});
