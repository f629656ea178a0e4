/**
 * Two currencies through the CLI as a user runs it: `tenure import exchange_rates` with Chinese headers, a figure
 * refused for a missing rate (naming currency and date, in the reader's language), then computed once the rate is
 * imported. Hand-computed: A pays 100 (workspace currency, USD), B 100 EUR from 2024-01-10; EUR → USD is 1.2 from
 * 2024-01-01, so MRR is 100 + 120 = 220.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricRow } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let ws: string;
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const mrr = ['metrics', 'mrr', '--from', '2024-01', '--to', '2024-02'];

beforeAll(async () => {
  tmp = tempDir();
  ws = join(tmp, 'ws');
  expect((await tenure(['init', '-w', ws, '--json'])).code).toBe(0);
  const customers = file('c.csv', 'customer_id,created_at\nA,2024-01-01\nB,2024-01-01\n');
  const subs = file(
    's.csv',
    'subscription_id,customer_id,started_at,mrr,币种\nS1,A,2024-01-05,100,\nS2,B,2024-01-10,100,eur\n',
  );
  for (const [entity, path] of [
    ['customers', customers],
    ['subscriptions', subs],
  ]) {
    const r = await tenure(['import', entity as string, path as string, '-w', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);
afterAll(() => cleanup(tmp));

describe('exchange rates through the CLI', SLOW, () => {
  it('refuses MRR without a EUR rate on or before 2024-01-10, then computes it from the imported rate', async () => {
    const late = file('late.csv', '币种,日期,汇率\nEUR,2024-02-01,1.1\n');
    expect((await tenure(['import', 'exchange_rates', late, '-w', ws, '--json'])).code).toBe(0);
    const refused = expectJsonError(await tenure([...mrr, '-w', ws, '--json']), 3, 'TEN_METRIC_MISSING_RATE');
    expect(refused.error.message).toContain('EUR');
    expect(refused.error.message).toContain('2024-01-10');
    const zh = await tenure([...mrr, '-w', ws, '--lang', 'zh']);
    expect(zh.stderr).toContain('汇率');

    const early = file('early.csv', 'currency,rate_date,rate\nEUR,2024-01-01,1.2\n');
    const imported = await tenure(['import', 'exchange_rates', early, '-w', ws, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await tenure([...mrr, '-w', ws, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<MetricRow[]>(r).map((x) => x.value)).toEqual([220, 220]);
  });
});
