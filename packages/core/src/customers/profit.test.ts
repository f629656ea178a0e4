import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTinyProfit } from '../../test/fixtures/tiny-profit.ts';
import { initWorkspace, type Workspace } from '../workspace/workspace.ts';
import { customerProfit } from './profit.ts';

/** The customer 360's profit card reads tiny-profit's hand-computed months (metrics/customer-profit.golden.test.ts). */
describe("a customer's profit contribution by month", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-customer-profit-'));
  let ws: Workspace;
  beforeAll(async () => {
    ws = await initWorkspace(join(dir, 'w'));
    await fillTinyProfit(ws);
  });
  afterAll(async () => {
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives R its revenue, cost of revenue, costs by kind and profit per month and in total', async () => {
    const r = await customerProfit(ws, 'R', { months: 3, to: '2024-03' });
    expect([r.from, r.to]).toEqual(['2024-01-01', '2024-03-01']);
    expect(r.months.map((m) => m.month)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    // February: subscription 30, order 50 (cost 20), 0.3 × 30 = 9; CRM 15.93, service 30 (1 of 3 tickets), acquisition 70.
    expect(r.months[1]).toEqual({
      month: '2024-02-01',
      subscription_revenue: 30,
      order_revenue: 50,
      cost_of_revenue: 29,
      costs: { acquisition: 70, retention: 0, service: 30, care: 0, product_update: 0, crm: 15.93 },
      profit: -64.93,
    });
    expect(r.months[0]?.profit).toBe(0);
    expect(r.months[2]?.profit).toBe(34.97);
    expect(r.total.profit).toBe(-29.96);
  });

  it('refuses a customer that does not exist', async () => {
    await expect(customerProfit(ws, 'nobody', { to: '2024-03' })).rejects.toMatchObject({
      code: 'TEN_CUSTOMER_NOT_FOUND',
    });
  });
});
