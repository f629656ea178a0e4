/**
 * `tenure customers profit <id>` on a demo workspace, as a user runs it: the months and their total in JSON (the
 * total is the months' sum, profit = revenue − cost of revenue − costs), the table in Chinese, an unknown customer, a bad option.
 */
import { join } from 'node:path';
import type { CustomerProfit } from '@tenure/core/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, SLOW, tempDir, tenure } from './helpers.ts';

let tmp: string;
let demo: string;
beforeAll(async () => {
  tmp = tempDir();
  demo = join(tmp, 'demo');
  const r = await tenure(['demo', '--customers', '200', '--months', '18', '-w', demo]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup(tmp));

const cents = (x: number) => Math.round(x * 100);

describe('tenure customers profit on the demo business', SLOW, () => {
  it("gives a customer's months and their total, which add up", async () => {
    const r = await tenure(['customers', 'profit', 'C0000001', '--months', '6', '-w', demo, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const p = json<CustomerProfit>(r);
    expect(p.months).toHaveLength(6);
    const sum = p.months.reduce((s, m) => s + cents(m.profit), 0);
    expect(Math.abs(sum - cents(p.total.profit))).toBeLessThanOrEqual(6); // each month rounded to the cent
    for (const m of p.months) {
      const costs = Object.values(m.costs).reduce((s, c) => s + c, 0);
      const profit = m.subscription_revenue + m.order_revenue - m.cost_of_revenue - costs;
      expect(Math.abs(cents(profit) - cents(m.profit))).toBeLessThanOrEqual(4);
    }
    expect(p.total.subscription_revenue + p.total.order_revenue).toBeGreaterThan(0);
  });

  it('prints the table in Chinese, and refuses an unknown customer and a bad option', async () => {
    const zh = await tenure(['customers', 'profit', 'C0000001', '--lang', 'zh', '-w', demo]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('利润贡献');
    expect(zh.stdout).toContain('合计');
    expectJsonError(await tenure(['customers', 'profit', 'nobody', '-w', demo, '--json']), 4, 'TEN_CUSTOMER_NOT_FOUND');
    expectJsonError(
      await tenure(['customers', 'profit', 'C0000001', '--months', '0', '-w', demo, '--json']),
      3,
      'TEN_BAD_OPTION',
    );
  });
});
