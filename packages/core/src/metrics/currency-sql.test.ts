import { describe, expect, it } from 'vitest';
import { type EngineName, engines } from '../engine/index.ts';
import { parseConfig } from '../workspace/config.ts';
import { catalog } from './catalog.ts';
import type { MoneyPlan } from './currency.ts';
import { _metricSql, sqlListing } from './metric-sql.ts';
import { _normalizeQuery } from './query.ts';

/**
 * The SQL a multi-currency workspace runs, as golden files per engine (golden/currency.<engine>.sql), for review:
 * MRR (subscriptions converted at their start) and AOV (orders converted on their day). A single-currency
 * workspace runs the SQL of test/sql-golden unchanged; these show what conversion adds to it.
 */
const config = parseConfig('{}', 'tenure.config.json');

describe('printed SQL with amounts in other currencies', () => {
  it.each(Object.keys(engines) as EngineName[])('%s', async (engine) => {
    const { dialect } = engines[engine];
    const asked = _normalizeQuery(config, { period: 'month', from: '2024-01', to: '2024-03' }, []);
    const listings = (['mrr', 'aov'] as const).map((id) => {
      const money: MoneyPlan = { currency: 'USD', foreign: ['subscriptions', 'orders', 'costs'], read: new Set() };
      const q = { ...asked, basis: 'subscriptions' as const, money };
      const text = sqlListing(_metricSql(catalog[id], q, dialect));
      expect([...q.money.read]).toEqual([id === 'mrr' ? 'subscriptions' : 'orders']);
      return text;
    });
    await expect(listings.join('\n')).toMatchFileSnapshot(`golden/currency.${engine}.sql`);
  });
});
