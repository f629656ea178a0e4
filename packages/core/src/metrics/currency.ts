/**
 * Amounts in the workspace currency: the one place metric SQL reads money from. A subscription's mrr, an order's
 * amount and cost and a cost row's amount are in the row's `currency` (empty: the workspace currency, `currency`
 * in tenure.config.json). Each amount in another currency is converted at the rate in force on its date: the
 * latest `exchange_rates` row of that currency dated on or before it (an ASOF join, which DuckDB and ClickHouse
 * both have). The date is the one the amount was agreed on: a subscription's start (its price as contracted; a
 * re-pricing is a new subscription row), an order's placement, a cost period's first day.
 *
 * The plan says which tables hold rows in another currency (`moneyPlan`, one cheap query per computation): for the
 * others the relation is the table itself, so a single-currency workspace runs exactly the SQL it ran before.
 * Building a base's SQL records the tables it read money from, so a figure is refused (TEN_METRIC_MISSING_RATE,
 * naming the currency and the earliest date) only when it needs a rate that is missing (`checkRates`).
 */
import type { Dialect } from '../engine/dialect.ts';
import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { type Sql, sql } from '../sql/sql.ts';

/**
 * An amount to the cent, for figures given per customer or per tier: sums of doubles that a parallel aggregation
 * adds in any order differ in their last digits from run to run; cents are what the figure means.
 */
export const toCents = (x: number): number => Math.round(x * 100) / 100;

/** Each table holding money: its money columns and the date its amounts are converted at. */
export const moneyTables = {
  subscriptions: { date: 'started_at', columns: ['mrr'] },
  orders: { date: 'ordered_at', columns: ['amount', 'cost'] },
  costs: { date: 'period_start', columns: ['amount'] },
} as const satisfies Record<string, { date: string; columns: readonly string[] }>;
export type MoneyTable = keyof typeof moneyTables;
const tableNames = Object.keys(moneyTables) as MoneyTable[];

const PLAIN: Record<MoneyTable, Sql> = { subscriptions: sql`subscriptions`, orders: sql`orders`, costs: sql`costs` };

/** Which tables need converting for one computation, and which of them its SQL read (filled while building it). */
export interface MoneyPlan {
  /** The workspace currency, ISO 4217. */
  currency: string;
  /** Tables with at least one row in another currency. */
  foreign: readonly MoneyTable[];
  /** Tables whose money the SQL built with this plan converts: the rates `checkRates` looks for. */
  read: Set<MoneyTable>;
}

/** A plan with every amount in the workspace currency (the printed-SQL goldens, a workspace without other currencies). */
export const homePlan = (currency: string): MoneyPlan => ({ currency, foreign: [], read: new Set() });

const isForeign = (home: string, t = sql``) =>
  sql`${t}currency IS NOT NULL AND ${t}currency <> '' AND upper(${t}currency) <> ${home}`;

/**
 * Which money tables hold a row in another currency than `currency`: one query, each table scanned until its first
 * such row (a single-currency workspace reads its currency columns once, dictionary-encoded and small).
 * @example const plan = await moneyPlan(ws.db, ws.config.currency); // { currency: 'CNY', foreign: ['orders'], … }
 */
export async function moneyPlan(conn: Connection, currency: string): Promise<MoneyPlan> {
  const probes = tableNames.map(
    (t) =>
      sql`(SELECT count(*) FROM (SELECT 1 AS x FROM ${sql.id(t)} WHERE ${isForeign(currency)} LIMIT 1) f) AS ${sql.id(t)}`,
  );
  const [r] = await conn.all<Record<MoneyTable, number | bigint>>(
    sql`SELECT ${sql.join(probes)}${conn.dialect.querySuffix}`,
  );
  return { currency, foreign: tableNames.filter((t) => Number(r?.[t] ?? 0) > 0), read: new Set() };
}

/** `table` joined to the rate in force on each row's date (`_fx_rate`, NULL for the workspace currency's rows). */
function withRates(plan: MoneyPlan, table: MoneyTable): Sql {
  const date = sql.id('t', moneyTables[table].date);
  return sql`${sql.id(table)} t ASOF LEFT JOIN (SELECT currency AS _fx_currency, rate_date AS _fx_date, rate AS _fx_rate
      FROM exchange_rates WHERE currency <> ${plan.currency}) x
    ON upper(t.currency) = x._fx_currency AND ${date} >= x._fx_date`;
}

/**
 * The relation to read `table`'s money from, in the workspace currency, with the table's columns and names: the
 * table itself when every row is in the workspace currency, else the table with its money columns converted.
 * Written where the table name was: `FROM ${moneyFrom(q.money, 'orders', d)}`, or with the table's alias:
 * `FROM ${moneyFrom(q.money, 'orders', d, 'o')}` (in place of `FROM orders o`).
 * @example sql`SELECT sum(amount) AS revenue FROM ${moneyFrom(q.money, 'orders', d)}`
 */
export function moneyFrom(plan: MoneyPlan, table: MoneyTable, d: Dialect, alias?: string): Sql {
  if (!plan.foreign.includes(table)) return storedFrom(table, alias);
  plan.read.add(table);
  const converted = moneyTables[table].columns.map((c) => {
    const col = sql.id('t', c);
    // A row in another currency without a rate is NULL, never its unconverted amount (checkRates refuses first).
    return sql`CASE WHEN ${isForeign(plan.currency, sql`t.`)} THEN ${d.money(sql`${col} * x._fx_rate`)} ELSE ${col} END AS ${sql.id(c)}`;
  });
  return sql`(SELECT t.* REPLACE (${sql.join(converted)}) FROM ${withRates(plan, table)}) ${sql.id(alias ?? table)}`;
}

/** `table` as stored, unquoted as metric SQL always wrote it, so a single-currency workspace's SQL is as before. */
export const storedFrom: MoneyReader = (table, alias) =>
  alias ? sql`${PLAIN[table]} ${sql.raw(alias)}` : PLAIN[table];

/** Where a piece of SQL reads a money table from: `moneyFrom` bound to a plan and a dialect, or `storedFrom`. */
export type MoneyReader = (table: MoneyTable, alias?: string) => Sql;

/**
 * For SQL built outside `computeMetrics` (campaign outcomes, churn features, CLV, RFM): the workspace's plan as a
 * reader, and the check to run once the SQL is built (it refuses a missing rate the SQL needs, any date).
 * @example const money = await workspaceMoney(ws.db, ws.config.currency); const q = build(money.read); await money.check();
 */
export async function workspaceMoney(
  conn: Connection,
  currency: string,
): Promise<{ read: MoneyReader; check: () => Promise<void> }> {
  const plan = await moneyPlan(conn, currency);
  return { read: (t, a) => moneyFrom(plan, t, conn.dialect, a), check: () => checkRates(conn, plan) };
}

/**
 * Refuse, before anything is computed, a figure whose SQL converts a row that has no rate: a row in another
 * currency, dated before `until` (later rows cannot touch the figure), with no rate of its currency dated on or
 * before its date. The error names the currency and the earliest such date.
 * @example await checkRates(conn, q.money, '2025-01-01 00:00:00'); // throws TEN_METRIC_MISSING_RATE
 */
export async function checkRates(conn: Connection, plan: MoneyPlan, until?: string): Promise<void> {
  const missing: { currency: string; day: string }[] = [];
  for (const table of plan.read) {
    const date = sql.id('t', moneyTables[table].date);
    const before = until ? sql` AND ${date} < ${conn.dialect.timestamp(sql`${until}`)}` : sql``;
    missing.push(
      ...(await conn.all<{ currency: string; day: string }>(sql`SELECT upper(t.currency) AS currency,
          CAST(CAST(min(${date}) AS DATE) AS VARCHAR) AS day
        FROM ${withRates(plan, table)}
        WHERE ${isForeign(plan.currency, sql`t.`)} AND x._fx_rate IS NULL AND ${date} IS NOT NULL${before}
        GROUP BY upper(t.currency)${conn.dialect.querySuffix}`)),
    );
  }
  const first = missing.sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency))[0];
  if (first)
    throw tenureError('TEN_METRIC_MISSING_RATE', {
      currency: first.currency,
      date: first.day,
      workspace: plan.currency,
    });
}
