/**
 * The return of the CRM investment for a period (客户关系管理系统的投资回报率): the incremental gross profit of
 * every evaluated programme — each measured campaign started in the period, its saved customers × CLV × margin
 * (measure.ts, before the campaign's own cost) — against the CRM and retention spending recorded in `costs`
 * (the categories of `costs.crm_categories` and `costs.retention_categories`, prorated by days to the period,
 * metrics/cost-slices.ts). The programmes' intervals combine as independent
 * estimates (half-widths added in quadrature). Beside it, acquisition cost per new customer against retention
 * cost per customer-year (active customer-days in the period ÷ 365.25), the "5–10×" claim on the user's data.
 * Without a campaign with a control group in the period the return is not measurable: null, and
 * `not_measurable` says why, rather than a return of −100 % from a gross profit taken as 0.
 */
import type { CrmRoi } from '../api/campaigns.ts';
import { crmRoiCategories } from '../costs/config.ts';
import { TenureError, tenureError } from '../errors.ts';
import { costSlicesSql, onePeriodSql } from '../metrics/cost-slices.ts';
import { workspaceMoney } from '../metrics/currency.ts';
import { parseDay, pickBasis } from '../metrics/query.ts';
import { OPEN_END } from '../metrics/spans.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { measureCampaign } from './measure.ts';
import { activitySpans } from './outcome.ts';
import { listCampaigns } from './store.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The period as days [start, end) and its last day: a month `to` runs to its last day. */
function period(from: string, to: string): { start: string; end: string; last: string } {
  const a = parseDay(from, 'from');
  const b = parseDay(to, 'to');
  if (/^\d{4}-\d{2}-\d{2}$/.test(to.trim())) b.setUTCDate(b.getUTCDate() + 1);
  else b.setUTCMonth(b.getUTCMonth() + 1);
  if (b <= a)
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `to ${to} is before from ${from}`,
      hint: { en: 'Swap them.', 'zh-CN': '请交换两者。' },
    });
  const last = new Date(b);
  last.setUTCDate(last.getUTCDate() - 1);
  return { start: iso(a), end: iso(b), last: iso(last) };
}

/** Sum of independent estimates: the estimates add, the half-widths add in quadrature; an unbounded side stays so. */
function combine(xs: { estimate: number | null; lower: number | null; upper: number | null }[]) {
  const est = xs.reduce((s, x) => s + (x.estimate ?? 0), 0);
  const side = (f: (x: (typeof xs)[number]) => number | null) =>
    xs.some((x) => f(x) === null) ? null : Math.sqrt(xs.reduce((s, x) => s + (f(x) as number) ** 2, 0));
  const lo = side((x) => (x.lower === null || x.estimate === null ? null : x.estimate - x.lower));
  const hi = side((x) => (x.upper === null || x.estimate === null ? null : x.upper - x.estimate));
  return { estimate: est, lower: lo === null ? null : est - lo, upper: hi === null ? null : est + hi };
}

/** A campaign's measurement, or null when it has no control group (imported without one). */
async function measuredOrUncontrolled(ws: Workspace, id: string) {
  try {
    return await measureCampaign(ws, id);
  } catch (e) {
    if (e instanceof TenureError && e.code === 'TEN_CAMPAIGN_EMPTY_ARM') return null;
    throw e;
  }
}

/**
 * @example (await crmRoi(ws, { from: '2025-01', to: '2025-12' })).roi.estimate
 */
export async function crmRoi(ws: Workspace, q: { from: string; to: string }): Promise<CrmRoi> {
  const { start, end, last } = period(q.from, q.to);
  const evaluated = (await listCampaigns(ws)).filter(
    (c) => c.status !== 'draft' && c.started_at !== null && c.started_at >= start && c.started_at < end,
  );
  const programmes = [];
  for (const c of evaluated) {
    const m = await measuredOrUncontrolled(ws, c.id);
    if (m === null) {
      // No control group: its effect is not measurable, so it adds nothing to the return (not zero, unknown).
      const none = { estimate: null, lower: null, upper: null };
      programmes.push({
        campaign_id: c.id,
        name: c.name,
        cost: 0,
        controlled: false,
        incremental_profit: none,
        gross: none,
      });
      continue;
    }
    const gross = (x: number | null) => (x === null ? null : x + m.money.cost);
    const p = m.money.incremental_profit;
    programmes.push({
      campaign_id: c.id,
      name: c.name,
      cost: m.money.cost,
      controlled: true,
      incremental_profit: p,
      gross: { estimate: gross(p.estimate), lower: gross(p.lower), upper: gross(p.upper) },
    });
  }
  const controlled = programmes.filter((p) => p.controlled && p.gross.estimate !== null);
  const gross = controlled.length
    ? combine(controlled.map((p) => p.gross))
    : { estimate: null, lower: null, upper: null };
  const d = ws.db.dialect;
  const [s, e] = [d.timestamp(sql`${`${start} 00:00:00`}`), d.timestamp(sql`${`${end} 00:00:00`}`)];
  // Costs in the workspace currency (metrics/currency.ts), refused for a missing rate before they are summed.
  const money = await workspaceMoney(ws.db, ws.config.currency);
  const costs = money.read('costs');
  await money.check();
  const costOf = async (categories: string[]) => {
    const [r] = await ws.db.all<{ v: number }>(sql`SELECT CAST(coalesce(sum(s.cents), 0) / 100 AS DOUBLE) AS v
      FROM (${costSlicesSql(d, onePeriodSql(d, start, end), costs)}) s WHERE s.category IN (SELECT unnest(${categories}))`);
    return r?.v ?? 0;
  };
  const categories = crmRoiCategories(ws.config);
  const crmCost = await costOf(categories);
  // Keeping a customer costs the retention categories' spending (acquisition_retention_ratio's numerator), not the CRM system's.
  const retentionCost = await costOf(ws.config.costs.retention_categories);
  const acquisitionCost = await costOf(ws.config.costs.acquisition_categories);
  const [n] = await ws.db.all<{ v: number }>(
    sql`SELECT CAST(count(*) AS DOUBLE) AS v FROM customers WHERE created_at >= ${s} AND created_at < ${e}`,
  );
  const spans = activitySpans(await pickBasis(ws.db, 'auto'), ws.config, d.timestamp(sql`${OPEN_END}`));
  const [y] = await ws.db.all<{ v: number }>(sql`SELECT CAST(coalesce(sum(
      ${d.daysBetween(sql`greatest(a, ${s})`, sql`least(z, ${e})`)}), 0) / 365.25 AS DOUBLE) AS v
    FROM (${spans}) x WHERE a < ${e} AND z > ${s}`);
  const newCustomers = n?.v ?? 0;
  const years = y?.v ?? 0;
  const perCustomer = newCustomers ? acquisitionCost / newCustomers : null;
  const perYear = years ? retentionCost / years : null;
  const roi = (x: number | null) => (x === null || crmCost === 0 ? null : (x - crmCost) / crmCost);
  const notMeasurable = !controlled.length ? 'no_controlled_campaign' : crmCost === 0 ? 'no_costs' : null;
  return {
    from: start,
    to: last,
    currency: ws.config.currency,
    programmes: programmes.map(({ gross: _g, ...p }) => p),
    incremental_gross_profit: gross,
    cost_categories: categories,
    crm_cost: crmCost,
    roi: { estimate: roi(gross.estimate), lower: roi(gross.lower), upper: roi(gross.upper) },
    not_measurable: notMeasurable,
    acquisition: { cost: acquisitionCost, customers: newCustomers, per_customer: perCustomer },
    retention: { cost: retentionCost, customer_years: years, per_customer_year: perYear },
    acquisition_to_retention: perCustomer !== null && perYear ? perCustomer / perYear : null,
  };
}
