/**
 * Lifetimes are counted in calendar days (survival-data.ts), so a Kaplan–Meier table, and the stored run the
 * API serves whole, has a row per distinct day, not per customer: timestamps to the second made every lifetime
 * distinct, and the 1M demo's latest run was 180 MB. Thousands of customers here start at midnight and churn at
 * random seconds; the daily curve must equal the curve at second resolution read at each day's end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../../test/fixtures/ingest/helpers.ts';
import { importFile } from '../../ingest/import.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { runModel } from '../catalog.ts';
import { latestRun } from '../runs.ts';
import { DAYS_PER } from '../time-units.ts';
import { curveAt } from './grid.ts';
import { kaplanMeier } from './kaplan-meier.ts';
import { type SurvivalResult, survival } from './survival.ts';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const AS_OF = '2024-03-01';
const CUSTOMERS = 3000;

/** A fixed pseudo-random sequence (Park–Miller), so the fixture is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48_271) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Customers start at midnight on one of the first ten days; two in three churn within 50 days at a random
 * second of the day, the rest are censored at as-of (day 60). Censoring never shares a day with a churn, so
 * the daily estimate must equal the fine one exactly at day ends (tied churns group without changing Ŝ).
 */
function lifetimes(): { id: string; start: number; end: number | null }[] {
  const next = random(7);
  return Array.from({ length: CUSTOMERS }, (_, i) => {
    const start = START + Math.floor(next() * 10) * DAY;
    const churns = next() < 2 / 3;
    const end = start + Math.floor(next() * 50) * DAY + 1000 * (1 + Math.floor(next() * 86_398));
    return { id: `C${i}`, start, end: churns ? end : null };
  });
}

const data = lifetimes();
const asOf = Date.parse(`${AS_OF}T00:00:00Z`);
let ws: Workspace;
let done: () => Promise<void>;
let byDay: SurvivalResult;

beforeAll(async () => {
  const t = await tempWorkspace();
  ({ ws, done } = t);
  const file = (name: string, rows: string[]) => {
    const path = join(t.dir, name);
    writeFileSync(path, `${rows.join('\n')}\n`);
    return path;
  };
  const churned = data.filter((c) => c.end !== null);
  await importFile(
    ws,
    'customers',
    file('c.csv', ['customer_id,created_at', ...data.map((c) => `${c.id},${stamp(c.start)}`)]),
  );
  await importFile(
    ws,
    'churn_events',
    file('e.csv', ['customer_id,churned_at', ...churned.map((c) => `${c.id},${stamp(c.end!)}`)]),
  );
  byDay = await survival(ws.db, ws.config, { unit: 'day', basis: 'customers', asOf: AS_OF });
});
afterAll(() => done());

describe('Kaplan–Meier at day resolution', () => {
  it('has one row per distinct whole-day lifetime, not one per customer', () => {
    const days = new Set(data.map((c) => Math.floor(((c.end ?? asOf) - c.start) / DAY)));
    const table = byDay.curves[0]!.table;
    expect(table.map((r) => r.time)).toEqual([...days].sort((a, b) => a - b));
    expect(table.length).toBeLessThan(CUSTOMERS / 10);
    expect(byDay.curves[0]!.n).toBe(CUSTOMERS);
  });

  it('equals the estimate at second resolution at the end of every day', () => {
    const fine = kaplanMeier({
      time: Float64Array.from(data, (c) => ((c.end ?? asOf) - c.start) / DAY),
      events: Float64Array.from(data, (c) => (c.end === null ? 0 : 1)),
      count: Float64Array.from(data, () => 1),
    });
    expect(fine.table.length).toBeGreaterThan(CUSTOMERS / 2);
    const table = byDay.curves[0]!.table;
    // A lifetime of d days and some seconds counts as d days, so the daily Ŝ(d) is the fine Ŝ once day d is over
    // (the last day ends at as-of, the fine curve's end).
    const end = fine.table.at(-1)!.time;
    const atDayEnds = curveAt(
      fine.table,
      table.map((r) => Math.min(r.time + 1, end)),
    );
    table.forEach((r, i) => {
      expect(r.survival, `day ${r.time}`).toBeCloseTo(atDayEnds[i]!.survival!, 12);
    });
  });

  it('stores a run whose table is as small, in days and in months', async () => {
    const days = (await runModel(ws, 'km', { unit: 'day', basis: 'customers', asOf: AS_OF })).runId;
    const run = (await latestRun(ws.db, 'km')) as Awaited<ReturnType<typeof runModel<'km'>>>;
    expect(run.runId).toBe(days);
    expect(run.result.curves[0]!.table).toEqual(byDay.curves[0]!.table);
    // Months: whole months and whole days (in average months), whatever the calendar and the seconds.
    const months = (await runModel(ws, 'km', { unit: 'month', basis: 'customers', asOf: AS_OF })).result.curves[0]!;
    const parts = months.table.map((r) => [Math.floor(r.time), (r.time - Math.floor(r.time)) * DAYS_PER.month]);
    for (const [, days] of parts) expect(days).toBeCloseTo(Math.round(days!), 9);
    expect(new Set(parts.map(([m, d]) => `${m}:${Math.round(d!)}`)).size).toBe(months.table.length);
    expect(months.table.length).toBeLessThanOrEqual(31 * (Math.floor(months.table.at(-1)!.time) + 1));
  });
});

describe('a lifetime is counted in calendar days, as the daily churn metrics count it', () => {
  it('from 23:00 to the next morning is one day; from 00:00:01 to 23:59:59 the same day is none', async () => {
    const t = await tempWorkspace();
    try {
      const file = (name: string, rows: string[]) => {
        const path = join(t.dir, name);
        writeFileSync(path, `${rows.join('\n')}\n`);
        return path;
      };
      await importFile(
        t.ws,
        'customers',
        file('c.csv', ['customer_id,created_at', 'late,2024-01-01 23:00:00', 'early,2024-01-03 00:00:01']),
      );
      await importFile(
        t.ws,
        'churn_events',
        file('e.csv', ['customer_id,churned_at', 'late,2024-01-02 01:00:00', 'early,2024-01-03 23:59:59']),
      );
      const r = await survival(t.ws.db, t.ws.config, { unit: 'day', basis: 'customers', asOf: '2024-02-01' });
      expect(r.curves[0]!.table.map((row) => [row.time, row.events])).toEqual([
        [0, 1],
        [1, 1],
      ]);
    } finally {
      await t.done();
    }
  });
});
