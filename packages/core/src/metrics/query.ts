import { z } from 'zod';
import { type Grain, grains } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { optionFixes } from '../options.ts';
import { holdsScores } from '../segments/context.ts';
import { DERIVED_DIMENSIONS } from '../segments/derived.ts';
import { sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';
import { activityBases } from './activity-bases.ts';
import { type CalendarOptions, calendarOf, type Period, periodGrid } from './calendar.ts';
import { homePlan, type MoneyPlan, moneyPlan } from './currency.ts';
import { checkDimensions, filterEntries } from './filter.ts';

/** What a caller asks for: `metrics.compute('churn_rate', { period: 'month', from: '2024-01', to: '2024-12', by: ['region'] })`. */
export const metricQuerySchema = z
  .object({
    period: z.enum(grains).default('month'),
    from: z.string(),
    to: z.string(),
    by: z.array(z.string()).max(3).default([]),
    filter: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    /** Where customer activity comes from (activity-bases.ts). */
    basis: z.enum(activityBases).default('auto'),
  })
  .strict();

export type MetricQuery = z.input<typeof metricQuerySchema>;
export type Basis = 'subscriptions' | 'orders' | 'customers';

/** A validated query: the period grid, whitelisted segment columns and filters, the activity basis. */
export interface NormalQuery {
  grain: Grain;
  grid: Period[];
  calendar: CalendarOptions;
  by: string[];
  filter: [string, string[]][];
  basis: Basis;
  config: TenureConfig;
  /** Which money tables need converting to the workspace currency (currency.ts). */
  money: MoneyPlan;
  /** Whether the engine holds churn scorings, which the lifecycle stage reads (segments/lifecycle.ts). */
  scored?: boolean;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$/;

/** '2024', '2024-03', '2024-03-15' or '2024-Q2' → the first day it names. */
export function parseDay(text: string, option: string): Date {
  const m = DATE.exec(text.trim());
  if (!m)
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `${option} ${JSON.stringify(text)} is not a date`,
      hint: {
        en: 'Use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn.',
        'zh-CN': '请使用 YYYY、YYYY-MM、YYYY-MM-DD 或 YYYY-Qn。',
      },
    });
  const [, y, mo, d, q] = m;
  const month = q ? (Number(q) - 1) * 3 : mo ? Number(mo) - 1 : 0;
  const date = new Date(Date.UTC(Number(y), month, d ? Number(d) : 1));
  if (date.getUTCMonth() !== month || (d && date.getUTCDate() !== Number(d))) {
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `${option} ${JSON.stringify(text)} is not a real date`,
      hint: { en: 'Check the month and day.', 'zh-CN': '请检查月份和日期。' },
    });
  }
  return date;
}

/** Customer columns that may be used for breakdowns and filters: the configured dimensions that exist. */
export async function dimensions(conn: Connection, config: TenureConfig): Promise<string[]> {
  const cols = await conn.all<{ name: string }>(
    sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'customers'`,
  );
  const present = new Set(cols.map((c) => c.name));
  return config.dimensions.filter((d) => present.has(d));
}

/** The activity basis `auto` resolves to: subscriptions if any, else orders if any, else customers. */
export async function pickBasis(conn: Connection, basis: string): Promise<Basis> {
  if (basis !== 'auto') return basis as Basis;
  for (const b of ['subscriptions', 'orders'] as const) {
    if ((await conn.all(sql`SELECT 1 AS x FROM ${sql.id(b)} LIMIT 1`)).length) return b;
  }
  return 'customers';
}

/** A query checked against everything but the workspace's data: `auto` basis still to be resolved. */
export type AskedQuery = Omit<NormalQuery, 'basis'> & { basis: Basis | 'auto' };

/**
 * Parse and check a query against the workspace: unknown segments and malformed dates get clear errors. `extra`:
 * breakdowns the metrics asked for offer beyond the customer dimensions (define.ts `baseDimensions`).
 * `derived: false` refuses the derived dimensions: they classify customers at the start of the query's first
 * period, which a caller that uses no periods (lifetimes, purchase histories) cannot give them.
 */
export async function normalizeQuery(
  conn: Connection,
  config: TenureConfig,
  q: MetricQuery,
  extra: readonly string[] = [],
  opts: { derived?: boolean } = {},
): Promise<NormalQuery> {
  // Derived dimensions (segments/derived.ts) are computed, so every workspace has them.
  const known = [...(await dimensions(conn, config)), ...(opts.derived === false ? [] : DERIVED_DIMENSIONS)];
  const asked = _normalizeQuery(config, q, [...known, ...extra.filter((x) => !known.includes(x))]);
  return {
    ...asked,
    basis: await pickBasis(conn, asked.basis),
    money: await moneyPlan(conn, config.currency),
    scored: await holdsScores(conn),
  };
}

/**
 * The part of `normalizeQuery` that needs no connection: the workspace's dimensions are given. The printed-SQL
 * goldens (test/sql-golden.test.ts) use it with an explicit basis, so they run without a database.
 */
export function _normalizeQuery(config: TenureConfig, q: MetricQuery, known: readonly string[]): AskedQuery {
  const parsed = metricQuerySchema.safeParse(q);
  if (!parsed.success) throw tenureError('TEN_BAD_OPTION', { fixes: optionFixes(parsed.error.issues, q) });
  const p = parsed.data;
  const calendar = calendarOf(config);
  const from = parseDay(p.from, 'from');
  const to = parseDay(p.to, 'to');
  if (to < from)
    throw tenureError('TEN_METRIC_BAD_QUERY', {
      detail: `to ${p.to} is before from ${p.from}`,
      hint: { en: 'Swap them.', 'zh-CN': '请交换两者。' },
    });
  const grid = periodGrid(p.period, from, to, calendar);
  if (grid.length > 1000)
    throw tenureError('TEN_BAD_OPTION', {
      fixes: [
        {
          option: 'period',
          value: p.period,
          allowed: {
            en: `a coarser period: ${grid.length} periods from ${p.from} to ${p.to}, at most 1,000`,
            'zh-CN': `更粗的周期：${p.from} 至 ${p.to} 共 ${grid.length} 个周期，最多 1,000 个`,
          },
        },
      ],
    });
  // The caller's own filter keys, not zod's copy: its record drops a `__proto__` key (metrics/filter.ts).
  const filter = filterEntries(q.filter);
  checkDimensions([...p.by, ...filter.map(([name]) => name)], known);
  return {
    grain: p.period,
    grid,
    calendar,
    by: p.by,
    filter,
    basis: p.basis,
    config,
    money: homePlan(config.currency),
  };
}
