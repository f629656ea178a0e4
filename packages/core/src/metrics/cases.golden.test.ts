import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyCases } from '../../test/fixtures/tiny-cases.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * Hand-computed from tiny-cases' comments, months January–March 2024.
 * Opened: Jan A1 A2 = 2, Feb A3 A4 A5 = 3, Mar A6 A7 = 2. Closed (stage closed now): Jan A1 A2, Feb A3 A4, Mar none
 *   (A6 reopened, A7 cancelled). Resolved of the opened: 2/2, 2/3, 0/2. Reopened of the ever closed: 0/2, 0/2, 1/1 (A6).
 * Compensation, by the time the follow-up step was entered: Jan 50 (A1), Feb 20 (A3, written as "20"), Mar 30 (A6,
 *   cleared from its row by the reopening). Retention closed in Feb: A3 saved, A4 lost → 1/2; MRR saved 50 (S3).
 * Complaints opened ÷ active at start: Jan 2 / 4 → 500, Feb 0 / 4, Mar 2 / 3 (K3 left Feb 5) → 666.67.
 *   Jan by owner: li.wei 1 / 4, wang.fang 1 / 4 → 250 each; by region: north 1 / 2, south 1 / 2 → 500 each.
 * Hours in stage, visits ending in the month (median type 7, p90 = lo + 0.9 (hi − lo) of two):
 *   Jan received 12, 24 → 18, 22.8; diagnosed 36, 24 → 30, 34.8; planned 12, 6 → 9, 11.4; implementing 12, 18 → 15,
 *   17.4; following_up 24, 168 → 96, 153.6. Feb following_up 120, 384 → 252, 357.6, the rest 24. Mar received 12
 *   (A6), 48 (A7) → 30, 44.4; diagnosed, planned, implementing 12; following_up 48 (A6's closed visit left out).
 * SLA by policy: first response Jan std A1 met, A2 late → 1/2; Feb vip A3 unanswered past due → 0/1, std A5 due
 *   in 2099 → pending, null. Resolution Jan std A1 in time, A2 late → 1/2; Feb vip A3 in time → 1/1; std pending.
 */
const run = (conn: Connection, config: TenureConfig, names: string[], extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, names, { period: 'month', from: '2024-01', to: '2024-03', ...extra });
const of = (rows: MetricRow[], metric: string) => rows.filter((r) => r.metric === metric);
const values = (rows: MetricRow[], metric: string) => of(rows, metric).map((r) => r.value);
const cell = (r: MetricRow, ...keys: string[]) => [
  r.period_start.slice(5, 7),
  ...keys.map((k) => r.segment[k]),
  r.value,
];

forEachEngine('case metrics on tiny-cases (hand-computed)', fillTinyCases, (e) => {
  e.it('cases opened and closed, resolution and reopen rates', async () => {
    const rows = await run(e.conn, e.ws.config, [
      'cases_opened',
      'cases_closed',
      'case_resolution_rate',
      'case_reopen_rate',
    ]);
    expect(values(rows, 'cases_opened')).toEqual([2, 3, 2]);
    expect(values(rows, 'cases_closed')).toEqual([2, 2, 0]);
    const frac = (m: string) => of(rows, m).map((r) => [r.numerator, r.denominator]);
    expect(frac('case_resolution_rate')).toEqual([
      [2, 2],
      [2, 3],
      [0, 2],
    ]);
    expect(frac('case_reopen_rate')).toEqual([
      [0, 2],
      [0, 2],
      [1, 1],
    ]);
  });

  e.it('compensation paid from the log, save rate and MRR saved', async () => {
    const rows = await run(e.conn, e.ws.config, ['compensation_paid', 'retention_save_rate', 'mrr_saved']);
    expect(values(rows, 'compensation_paid')).toEqual([50, 20, 30]);
    expect(of(rows, 'compensation_paid').map((r) => r.parts?.cases)).toEqual([1, 1, 1]);
    expect(of(rows, 'retention_save_rate').map((r) => [r.numerator, r.denominator, r.value])).toEqual([
      [0, 0, null],
      [1, 2, 0.5],
      [0, 0, null],
    ]);
    expect(of(rows, 'retention_save_rate')[1]?.parts).toEqual({ lost: 1, no_contact: 0, not_worth_retaining: 0 });
    expect(values(rows, 'mrr_saved')).toEqual([0, 50, 0]);
  });

  e.it('complaint cases per 1,000 customers, by owner and by region', async () => {
    const rows = await run(e.conn, e.ws.config, ['complaint_cases_per_1000']);
    expect(values(rows, 'complaint_cases_per_1000')).toEqual([500, 0, 2000 / 3]);
    const byOwner = await run(e.conn, e.ws.config, ['complaint_cases_per_1000'], { by: ['owner'], to: '2024-01' });
    expect(byOwner.map((r) => cell(r, 'owner'))).toEqual([
      ['01', 'li.wei', 250],
      ['01', 'wang.fang', 250],
    ]);
    const byRegion = await run(e.conn, e.ws.config, ['complaint_cases_per_1000'], { by: ['region'], to: '2024-01' });
    expect(byRegion.map((r) => cell(r, 'region'))).toEqual([
      ['01', 'north', 500],
      ['01', 'south', 500],
    ]);
  });

  e.it(
    'every breakdown: kind, team, priority, root cause, channel, and a case and a customer column together',
    async () => {
      const opened = (extra: Record<string, unknown>) =>
        run(e.conn, e.ws.config, ['cases_opened'], { to: '2024-02', ...extra });
      const by = async (name: string) => (await opened({ by: [name] })).map((r) => cell(r, name));
      expect(await by('kind')).toEqual([
        ['01', 'complaint', 2],
        ['01', 'retention', 0],
        ['01', 'service_request', 0],
        ['02', 'complaint', 0],
        ['02', 'retention', 2],
        ['02', 'service_request', 1],
      ]);
      expect((await by('team')).filter((c) => c[0] === '02')).toEqual([
        ['02', 'billing', 1],
        ['02', 'retention', 2],
        ['02', 'service', 0],
      ]);
      expect((await by('priority')).filter((c) => c[0] === '01')).toEqual([
        ['01', 'high', 1],
        ['01', 'low', 0],
        ['01', 'normal', 1],
        ['01', 'urgent', 0],
      ]);
      expect((await by('root_cause')).filter((c) => c[0] === '02')).toEqual([
        ['02', '(none)', 1],
        ['02', 'billing', 0],
        ['02', 'competitor', 1],
        ['02', 'price', 1],
        ['02', 'service', 0],
      ]);
      expect((await by('channel')).filter((c) => c[0] === '01')).toEqual([
        ['01', 'partner', 0],
        ['01', 'store', 0],
        ['01', 'web', 2],
      ]);
      const both = await opened({ by: ['team', 'region'], filter: { owner: 'li.wei' }, to: '2024-01' });
      expect(both.filter((r) => r.value).map((r) => cell(r, 'team', 'region'))).toEqual([
        ['01', 'billing', 'north', 1],
      ]);
    },
  );

  e.it('hours in each stage: median and p90 of the visits that ended in the month', async () => {
    const rows = await run(e.conn, e.ws.config, ['case_stage_time']);
    const got = rows.map((r) => [...cell(r, 'stage'), r.parts?.p90, r.parts?.n]);
    const expected = [
      ['01', 'received', 18, 22.8, 2],
      ['01', 'diagnosed', 30, 34.8, 2],
      ['01', 'planned', 9, 11.4, 2],
      ['01', 'implementing', 15, 17.4, 2],
      ['01', 'following_up', 96, 153.6, 2],
      ['02', 'received', 24, 24, 2],
      ['02', 'diagnosed', 24, 24, 2],
      ['02', 'planned', 24, 24, 2],
      ['02', 'implementing', 24, 24, 2],
      ['02', 'following_up', 252, 357.6, 2],
      ['03', 'received', 30, 44.4, 2],
      ['03', 'diagnosed', 12, 12, 1],
      ['03', 'planned', 12, 12, 1],
      ['03', 'implementing', 12, 12, 1],
      ['03', 'following_up', 48, 48, 1],
    ];
    expect(got.map((g) => g.slice(0, 2))).toEqual(expected.map((x) => x.slice(0, 2)));
    for (const [i, x] of expected.entries()) {
      const g = got[i] as unknown[];
      expect(g[2]).toBeCloseTo(x[2] as number, 9);
      expect(g[3]).toBeCloseTo(x[3] as number, 9);
      expect(g[4]).toBe(x[4]);
    }
  });

  e.it('SLA compliance per policy: met ÷ settled, pending left out', async () => {
    const rows = await run(e.conn, e.ws.config, ['case_first_response_sla', 'case_resolution_sla']);
    const got = (m: string) =>
      of(rows, m).map((r) => [...cell(r, 'policy'), r.numerator, r.denominator, r.parts?.pending]);
    expect(got('case_first_response_sla')).toEqual([
      ['01', 'std', 0.5, 1, 2, 0],
      ['02', 'std', null, 0, 0, 1],
      ['02', 'vip', 0, 0, 1, 0],
    ]);
    expect(got('case_resolution_sla')).toEqual([
      ['01', 'std', 0.5, 1, 2, 0],
      ['02', 'std', null, 0, 0, 1],
      ['02', 'vip', 1, 1, 1, 0],
    ]);
  });

  e.it('a breakdown the metric does not offer is refused by name', async () => {
    const err = await run(e.conn, e.ws.config, ['churn_rate', 'cases_opened'], { by: ['owner'] }).catch((x) => x);
    expect(err).toMatchObject({ code: 'TEN_METRIC_UNKNOWN_SEGMENT' });
  });
});
