/**
 * The printed SQL of each derived dimension as a metric query composes it (`segmentedCustomers` of a month query
 * broken down by it), per engine, kept under sql-golden/<engine>/<dimension>.sql (STYLE.md practice 7): a change
 * to how tiers, RFM cells or stages are computed shows in review as a diff. Written when missing (not under CI).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EngineName, engines } from '../engine/index.ts';
import { _normalizeQuery } from '../metrics/query.ts';
import { segmentedCustomers } from '../metrics/spans.ts';
import { print } from '../sql/print.ts';
import { parseConfig } from '../workspace/config.ts';
import { DERIVED_DIMENSIONS } from './derived.ts';

const config = parseConfig('{}', 'tenure.config.json');
const cases = (Object.keys(engines) as EngineName[]).flatMap((engine) =>
  DERIVED_DIMENSIONS.map((dimension) => ({ engine, dimension })),
);

describe('derived dimensions, printed', () => {
  it.each(cases)('$engine/$dimension.sql', async ({ engine, dimension }) => {
    const { dialect } = engines[engine];
    const q = _normalizeQuery(config, { period: 'month', from: '2024-01', to: '2024-03', by: [dimension] }, [
      dimension,
    ]);
    const { text, params } = print(segmentedCustomers({ ...q, basis: 'subscriptions', scored: true }), dialect);
    const values = params.map((v, i) => `-- ${dialect.param(i + 1, v)} = ${JSON.stringify(v)}`);
    const listing = [`-- ${dimension} in a metric query on ${engine}`, ...values, text.trim(), ''].join('\n');
    await expect(listing).toMatchFileSnapshot(join(import.meta.dirname, 'sql-golden', engine, `${dimension}.sql`));
  });
});
