import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyService } from '../../test/fixtures/tiny-service.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * Hand-computed from tiny-service's comments, months January–March 2024 (March has no tickets).
 * Tickets opened:  Jan T01–T11 = 11 (north T01–T05, T10, T11 = 7; south T06–T09 = 4; west 0)
 *                  Feb T12–T20 = 9  (north T12, T13, T17, T20 = 4; south T14–T16, T18 = 4; west T19 = 1)
 * Active at start: Jan 7 (north 4, south 3, west 0), Feb 8 (4, 4, 0), Mar 9 (4, 4, 1).
 * Complaints (kind complaint or empty): all but T02 (north, service request) and T14 (south, inquiry):
 *                  Jan 10 (north 6, south 4), Feb 8 (north 4, south 3, west 1).
 * First response, hours:
 *   Jan 0.5, 5, 20, 80, —, 2, 3, 1, 10, 4, 1 → sorted 0.5 1 1 2 3 4 5 10 20 80, n 10, missing 1 (T05)
 *       mean 126.5 / 10 = 12.65; median (type 7) at rank 4.5 → (3 + 4) / 2 = 3.5; p90 at 8.1 → 20 + 0.1·60 = 26
 *   Feb 6, 2.5, 4, —, 30, 2, 12, 0.25, 1 → sorted 0.25 1 2 2.5 4 6 12 30, n 8, missing 1 (T15)
 *       mean 57.75 / 8 = 7.21875; median at 3.5 → (2.5 + 4) / 2 = 3.25; p90 at 6.3 → 12 + 0.3·18 = 17.4
 *   Jan north 0.5, 5, 20, 80, —, 4, 1 → sorted 0.5 1 4 5 20 80: mean 110.5 / 6, median (4 + 5) / 2 = 4.5
 * Resolution, hours:
 *   Jan 2, 10, 30, 100, —, 4, —, 6, 24, 48, — → sorted 2 4 6 10 24 30 48 100, n 8, missing 3 (T05, T07, T11)
 *       mean 224 / 8 = 28; median at 3.5 → (10 + 24) / 2 = 17; p90 at 6.3 → 48 + 0.3·52 = 63.6
 *   Feb 12, 5, 8, —, 50, —, 36, 1, 3 → sorted 1 3 5 8 12 36 50, n 7, missing 2 (T15, T17)
 *       mean 115 / 7; median at 3 → 8; p90 at 5.4 → 36 + 0.4·14 = 41.6
 * Resolved (status resolved/closed or resolved_at): Jan all but T05, T07 = 9 / 11; Feb all but T15, T17 = 7 / 9.
 * SLA met: Jan T01 T03 T07 T08 T09 T10 T11 = 7 / 11 (north T01 T03 T10 T11 = 4 / 7);
 *          Feb T12 T14 T17 T18 T19 T20 = 6 / 9; unanswered Jan 1, Feb 1.
 */

const T = {
  volume:
    'ticket volume, and complaints (not service requests or inquiries) per 1,000 active customers, with an empty March',
  byRegion: 'by region: every period × region, null per 1,000 where no one was active',
  frt: 'first response time: mean, median, p90, n and missing',
  frtRegion: 'first response time by region in January',
  res: 'resolution time: tickets without a resolution time are missing',
  rates: 'resolution rate and SLA compliance, with Wilson intervals',
  slaConfig: 'SLA compliance against the configured hours by priority, fractions of an hour included',
};

const run = (conn: Connection, config: TenureConfig, names: string[], extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, names, { period: 'month', from: '2024-01', to: '2024-03', ...extra });
const of = (rows: MetricRow[], metric: string) => rows.filter((r) => r.metric === metric);
const values = (rows: MetricRow[], metric: string) => of(rows, metric).map((r) => r.value);

forEachEngine('service metrics on tiny-service (hand-computed)', fillTinyService, (e) => {
  e.it(T.volume, async () => {
    const rows = await run(e.conn, e.ws.config, ['ticket_volume', 'complaints_per_1000']);
    expect(values(rows, 'ticket_volume')).toEqual([11, 9, 0]);
    expect(values(rows, 'complaints_per_1000')).toEqual([(10 / 7) * 1000, 1000, 0]);
    expect(
      of(rows, 'complaints_per_1000').map((r) => [r.parts?.complaints, r.parts?.tickets, r.parts?.active_start]),
    ).toEqual([
      [10, 11, 7],
      [8, 9, 8],
      [0, 0, 9],
    ]);
  });

  e.it(T.byRegion, async () => {
    const rows = await run(e.conn, e.ws.config, ['ticket_volume', 'complaints_per_1000'], { by: ['region'] });
    const key = (r: MetricRow) => `${r.period_start.slice(5, 7)} ${r.segment.region}`;
    expect(of(rows, 'ticket_volume').map((r) => [key(r), r.value])).toEqual([
      ['01 north', 7],
      ['01 south', 4],
      ['01 west', 0],
      ['02 north', 4],
      ['02 south', 4],
      ['02 west', 1],
      ['03 north', 0],
      ['03 south', 0],
      ['03 west', 0],
    ]);
    expect(values(rows, 'complaints_per_1000')).toEqual([1500, (4 / 3) * 1000, null, 1000, 750, null, 0, 0, 0]);
  });

  e.it(T.frt, async () => {
    const rows = of(await run(e.conn, e.ws.config, ['first_response_time']), 'first_response_time');
    const expected = [
      { value: 12.65, median: 3.5, p90: 26, n: 10, missing: 1 },
      { value: 7.21875, median: 3.25, p90: 17.4, n: 8, missing: 1 },
    ];
    for (const [i, x] of expected.entries()) {
      const r = rows[i] as MetricRow;
      expect(r.value).toBeCloseTo(x.value, 9);
      expect(r.parts?.median).toBeCloseTo(x.median, 9);
      expect(r.parts?.p90).toBeCloseTo(x.p90, 9);
      expect([r.parts?.n, r.parts?.missing]).toEqual([x.n, x.missing]);
    }
    expect(rows[2]).toMatchObject({ value: null, parts: { n: 0, missing: 0 } });
    expect(rows[2]?.parts).not.toHaveProperty('median');
  });

  e.it(T.frtRegion, async () => {
    const rows = await run(e.conn, e.ws.config, ['first_response_time'], { by: ['region'], to: '2024-01' });
    const north = rows.find((r) => r.segment.region === 'north');
    expect(north?.value).toBeCloseTo(110.5 / 6, 9);
    expect(north?.parts?.median).toBeCloseTo(4.5, 9);
    expect(rows.find((r) => r.segment.region === 'west')).toMatchObject({ value: null, parts: { n: 0 } });
  });

  e.it(T.res, async () => {
    const rows = of(await run(e.conn, e.ws.config, ['resolution_time']), 'resolution_time');
    const expected = [
      { value: 28, median: 17, p90: 63.6, n: 8, missing: 3 },
      { value: 115 / 7, median: 8, p90: 41.6, n: 7, missing: 2 },
    ];
    for (const [i, x] of expected.entries()) {
      const r = rows[i] as MetricRow;
      expect(r.value).toBeCloseTo(x.value, 9);
      expect(r.parts?.median).toBeCloseTo(x.median, 9);
      expect(r.parts?.p90).toBeCloseTo(x.p90, 9);
      expect([r.parts?.n, r.parts?.missing]).toEqual([x.n, x.missing]);
    }
    expect(rows[2]?.value).toBeNull();
  });

  e.it(T.rates, async () => {
    const rows = await run(e.conn, e.ws.config, ['resolution_rate', 'sla_compliance']);
    expect(of(rows, 'resolution_rate').map((r) => [r.numerator, r.denominator, r.value])).toEqual([
      [9, 11, 9 / 11],
      [7, 9, 7 / 9],
      [0, 0, null],
    ]);
    expect(of(rows, 'sla_compliance').map((r) => [r.numerator, r.denominator, r.parts?.unanswered])).toEqual([
      [7, 11, 1],
      [6, 9, 1],
      [0, 0, 0],
    ]);
    const jan = of(rows, 'resolution_rate')[0];
    expect(jan?.ci_low).toBeCloseTo(0.523, 3); // Wilson 95 % for 9/11
    expect(jan?.ci_high).toBeCloseTo(0.9486, 3);
    expect(of(rows, 'sla_compliance')[2]).toMatchObject({ ci_low: null, ci_high: null });
    const north = await run(e.conn, e.ws.config, ['sla_compliance'], { by: ['region'], to: '2024-01' });
    expect(north.find((r) => r.segment.region === 'north')).toMatchObject({ numerator: 4, denominator: 7 });
  });

  e.it(T.slaConfig, async () => {
    const hours = { ...e.ws.config.service.first_response_hours, high: 5, normal: 1.5 };
    const config = { ...e.ws.config, service: { first_response_hours: hours } };
    const rows = of(await run(e.conn, config, ['sla_compliance']), 'sla_compliance');
    // Jan: + T02 (high, 5 h: at the deadline); − T03, T07, T09 (no priority), T10 (normal, 20, 3, 10, 4 h > 1.5 h).
    // Feb: − T12, T18 (normal, 6 h and 12 h); T20 (1 h) still in time.
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([
      [4, 11],
      [4, 9],
      [0, 0],
    ]);
  });
});
