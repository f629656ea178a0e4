import { expect } from 'vitest';
import { forEachEngine } from '../../test/engine-suite.ts';
import { fillTinySaas } from '../../test/fixtures/tiny-saas.ts';
import { Param, Sql, type SqlValue, sql } from '../sql/sql.ts';
import { computeMetrics } from './compute.ts';
import { bases } from './define.ts';
import { metricSql, sqlListing } from './metric-sql.ts';
import { type MetricQuery, normalizeQuery } from './query.ts';

const query: MetricQuery = { period: 'month', from: '2024-01', to: '2024-03', by: ['region'] };

/** The printed text with its values bound again at its placeholders ($3 or {p3:String}), as a statement to run. */
function rebind(text: string, params: readonly SqlValue[]): Sql {
  const chunks: (string | Param)[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)|\{p(\d+):[^}]+\}/g)) {
    chunks.push(text.slice(last, m.index), new Param(params[Number(m[1] ?? m[2]) - 1] ?? null));
    last = m.index + m[0].length;
  }
  chunks.push(text.slice(last));
  return new Sql(chunks);
}

forEachEngine('metricSql: the SQL a metric runs, printed', fillTinySaas, (e) => {
  e.it('run with the values it lists, the printed text gives the rows the metric is computed from', async () => {
    const printed = await metricSql(e.conn, e.ws.config, 'churn_rate', query);
    expect(printed).toMatchObject({ metric: 'churn_rate', base: 'flow', engine: e.name });
    expect(printed.params.length).toBeGreaterThan(0);
    const q = await normalizeQuery(e.conn, e.ws.config, query);
    const direct = await e.conn.all(sql`${bases.flow(q, e.conn.dialect)}${e.conn.dialect.querySuffix}`);
    expect(direct.length).toBeGreaterThan(0);
    expect(await e.conn.all(rebind(printed.text, printed.params))).toEqual(direct);
    // And those rows are the ones churn_rate is shaped from: 2 of 7 churned in January (north 1/5, south 1/2).
    const rows = await computeMetrics(e.conn, e.ws.config, ['churn_rate'], { ...query, to: '2024-01' });
    expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([
      [1, 5],
      [1, 2],
    ]);
  });

  e.it('lists every bound value under a header naming metric, base and engine', async () => {
    const printed = await metricSql(e.conn, e.ws.config, 'nrr', query);
    const lines = sqlListing(printed).split('\n');
    expect(lines[0]).toBe(`-- nrr (base revenue) on ${e.name}`);
    expect(lines.slice(1, 1 + printed.params.length).every((l) => l.startsWith('-- '))).toBe(true);
    expect(lines[1 + printed.params.length]?.startsWith('--')).toBe(false);
  });

  e.it('refuses what computeMetrics refuses, with the same codes', async () => {
    await expect(metricSql(e.conn, e.ws.config, 'churn_rat', query)).rejects.toMatchObject({
      code: 'TEN_METRIC_UNKNOWN',
    });
    await expect(
      metricSql(e.conn, e.ws.config, 'average_lifetime', { ...query, period: 'week', from: '2024-01-01' }),
    ).rejects.toMatchObject({ code: 'TEN_BAD_OPTION' });
    await expect(metricSql(e.conn, e.ws.config, 'churn_rate', { ...query, by: ['nope'] })).rejects.toMatchObject({
      code: 'TEN_METRIC_UNKNOWN_SEGMENT',
    });
  });
});
