/**
 * One customer's profit contribution month by month (客户利润贡献, the customer 360's card): their rows of the
 * per-customer profit relation (metrics/customer-profit.ts), which allocates every cost over all customers, so a
 * customer's figures are the same ones the profit metrics sum.
 */
import type { CustomerProfit, ProfitLines } from '../api/customer-profit.ts';
import { periodWindow } from '../dashboard/window.ts';
import { tenureError } from '../errors.ts';
import { toCents } from '../metrics/currency.ts';
import { customerProfitSql, REVENUE_LINES } from '../metrics/customer-profit.ts';
import { normalizeQuery } from '../metrics/query.ts';
import { COST_CATEGORIES, type CostCategory } from '../schema/costs.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

const empty = (): ProfitLines => ({
  subscription_revenue: 0,
  order_revenue: 0,
  cost_of_revenue: 0,
  costs: Object.fromEntries(COST_CATEGORIES.map((c) => [c, 0])) as Record<CostCategory, number>,
  profit: 0,
});

/** Add one relation line to a month's figures. */
function add(into: ProfitLines, line: string, amount: number): void {
  if (line === 'subscription_revenue' || line === 'order_revenue' || line === 'cost_of_revenue') into[line] += amount;
  else if ((COST_CATEGORIES as readonly string[]).includes(line)) into.costs[line as CostCategory] += amount;
  else return; // 'active': a head-count marker, no money
  into.profit += (REVENUE_LINES as readonly string[]).includes(line) ? amount : -amount;
}

const rounded = (p: ProfitLines): ProfitLines => ({
  subscription_revenue: toCents(p.subscription_revenue),
  order_revenue: toCents(p.order_revenue),
  cost_of_revenue: toCents(p.cost_of_revenue),
  costs: Object.fromEntries(COST_CATEGORIES.map((c) => [c, toCents(p.costs[c])])) as Record<CostCategory, number>,
  profit: toCents(p.profit),
});

/**
 * @example (await customerProfit(ws, 'C-1042')).total.profit
 */
export async function customerProfit(
  ws: Workspace,
  id: string,
  o: { months?: number; to?: string } = {},
): Promise<CustomerProfit> {
  const [known] = await ws.db.all(sql`SELECT customer_id FROM customers WHERE customer_id = ${id}`);
  if (!known) throw tenureError('TEN_CUSTOMER_NOT_FOUND', { id });
  const w = await periodWindow(ws, { period: 'month', periods: o.months ?? 12, ...(o.to ? { to: o.to } : {}) });
  const q = await normalizeQuery(ws.db, ws.config, { period: 'month', from: w.from, to: w.to });
  const relation = customerProfitSql(q, ws.db.dialect, { origin: `${w.from} 00:00:00`, months: q.grid.length });
  const rows = await ws.db.all<{ m: number; line: string; amount: number }>(sql`SELECT CAST(m AS INTEGER) AS m, line,
      CAST(sum(amount) AS DOUBLE) AS amount FROM (${relation}) p WHERE customer_id = ${id} GROUP BY m, line`);
  const months = q.grid.map(() => empty());
  const total = empty();
  for (const r of rows) {
    const month = months[r.m];
    if (month) add(month, r.line, r.amount);
    add(total, r.line, r.amount);
  }
  return {
    customer_id: id,
    currency: ws.config.currency,
    from: w.from,
    to: w.to,
    months: months.map((p, i) => ({ month: (q.grid[i] as { start: string }).start.slice(0, 10), ...rounded(p) })),
    total: rounded(total),
  };
}
