import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinyService } from '../../test/fixtures/tiny-service.ts';
import type { Connection } from '../engine/engine.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { computeMetrics, type MetricRow } from './compute.ts';

/*
 * Hand-computed from tiny-service's survey answers, months January–March 2024 (S00 is December's, S20 an
 * exit survey: neither counts; March has no answers).
 * CSAT  Jan C1 5, C2 4, C5 3, C6 2, C8 5 → 3 of 5 score 4–5 = 0.6, mean 19 / 5 = 3.8
 *           north C1 5, C2 4 → 2 / 2, mean 4.5; south C5 3, C6 2, C8 5 → 1 / 3, mean 10 / 3; west none
 *       Feb C3 4 (exactly Feb 1 00:00), C7 1, C10 5 → 2 / 3, mean 10 / 3
 * NPS   Jan 10, 9, 7, 6, 0, 8, 10 → promoters 3, passives 2, detractors 2, n 7 → 100 · (3 − 2) / 7
 *           north C1 10, C2 9, C3 7, C9 10 → 3, 1, 0 → 75; south C5 6, C6 0, C7 8 → 0, 1, 2 → −200 / 3
 *       Feb none → null
 * CES   Jan 2, 5, 6 → 13 / 3 (n 3; north 2, 5 → 3.5; south 6); Feb 7, 1 → 4 (n 2)
 * eNPS  Jan E1 9, E2 10, E3 5, E4 7 → promoters 2, passives 1, detractors 1, n 4 → 25; Feb none → null;
 *       with --by region employees have no segment → null everywhere.
 */

const run = (conn: Connection, config: TenureConfig, names: string[], extra: Record<string, unknown> = {}) =>
  computeMetrics(conn, config, names, { period: 'month', from: '2024-01', to: '2024-03', ...extra });
const of = (rows: MetricRow[], metric: string) => rows.filter((r) => r.metric === metric);
const values = (rows: MetricRow[], metric: string) => of(rows, metric).map((r) => r.value);

forEachEngine('satisfaction metrics on tiny-service (hand-computed)', fillTinyService, (e) => {
  e.it('CSAT: share scoring 4–5 with the mean, Wilson interval, null without answers', async () => {
    const rows = of(await run(e.conn, e.ws.config, ['csat']), 'csat');
    expect(rows.map((r) => [r.numerator, r.denominator, r.value])).toEqual([
      [3, 5, 0.6],
      [2, 3, 2 / 3],
      [0, 0, null],
    ]);
    expect(rows[0]?.parts?.mean).toBeCloseTo(3.8, 12);
    expect(rows[1]?.parts?.mean).toBeCloseTo(10 / 3, 12);
    expect(rows[2]?.parts).toBeUndefined();
    expect(rows[0]?.ci_low).toBeCloseTo(0.2307, 3); // Wilson 95 % for 3/5
    expect(rows[0]?.ci_high).toBeCloseTo(0.8824, 3);
  });

  e.it('NPS in points with its counts; a month without answers is null', async () => {
    const rows = of(await run(e.conn, e.ws.config, ['nps']), 'nps');
    expect(rows[0]?.value).toBeCloseTo(100 / 7, 12);
    expect(rows.map((r) => r.parts)).toEqual([
      { promoters: 3, passives: 2, detractors: 2, n: 7 },
      { promoters: 0, passives: 0, detractors: 0, n: 0 },
      { promoters: 0, passives: 0, detractors: 0, n: 0 },
    ]);
    expect(rows.slice(1).map((r) => r.value)).toEqual([null, null]);
  });

  e.it('CES and eNPS', async () => {
    const rows = await run(e.conn, e.ws.config, ['ces', 'enps']);
    const ces = of(rows, 'ces');
    expect(ces[0]?.value).toBeCloseTo(13 / 3, 12);
    expect(ces.map((r) => [r.value === null ? null : Math.round(r.value * 1000) / 1000, r.parts?.n])).toEqual([
      [4.333, 3],
      [4, 2],
      [null, 0],
    ]);
    expect(values(rows, 'enps')).toEqual([25, null, null]);
    expect(of(rows, 'enps')[0]?.parts).toEqual({ promoters: 2, passives: 1, detractors: 1, n: 4 });
  });

  e.it('by region: customers by their segment, employees in none', async () => {
    const rows = await run(e.conn, e.ws.config, ['csat', 'nps', 'ces', 'enps'], { by: ['region'], to: '2024-01' });
    const at = (metric: string, region: string) =>
      of(rows, metric).find((r) => r.segment.region === region) as MetricRow;
    expect(of(rows, 'csat').map((r) => r.segment.region)).toEqual(['north', 'south', 'west']);
    expect([at('csat', 'north').value, at('csat', 'south').value, at('csat', 'west').value]).toEqual([1, 1 / 3, null]);
    expect(at('csat', 'north').parts).toEqual({ mean: 4.5 });
    expect(at('nps', 'north')).toMatchObject({ value: 75, parts: { promoters: 3, passives: 1, detractors: 0, n: 4 } });
    expect(at('nps', 'south').value).toBeCloseTo(-200 / 3, 12);
    expect(at('nps', 'west').value).toBeNull();
    expect([at('ces', 'north').value, at('ces', 'south').value]).toEqual([3.5, 6]);
    expect(values(rows, 'enps')).toEqual([null, null, null]);
  });

  e.it('a filter keeps its customers and leaves employees out', async () => {
    const rows = await run(e.conn, e.ws.config, ['nps', 'enps'], { filter: { region: 'north' }, to: '2024-01' });
    expect(values(rows, 'nps')).toEqual([75]);
    expect(values(rows, 'enps')).toEqual([null]);
  });
});
