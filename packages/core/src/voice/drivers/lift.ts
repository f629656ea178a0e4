/**
 * Churn lift of each driver: the churn rate of customers who had it (a topic mentioned, an answer given, a
 * ticket category, a case root cause) before they churned — or before the observation date, for those who
 * stayed — against the churn rate of the rest, with Newcombe's interval of the difference, a two-proportion
 * z test and Benjamini–Hochberg flags over every driver shown (many drivers make many tests: the flags keep the
 * expected share of false "this goes with churn" claims at most alpha).
 *
 * Point in time: a mention on or after a customer's churn says nothing about why they churned (an exit survey,
 * a complaint after the cancellation), so it counts only when dated before it. Counting is one SQL statement:
 * per driver the customers who had it and how many of them churned; the rest is arithmetic on those counts.
 */
import type { DriverSource } from '../../api/voice-drivers.ts';
import type { Connection } from '../../engine/engine.ts';
import type { Text } from '../../present/text.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { benjaminiHochberg } from '../../stats/benjamini-hochberg.ts';
import { newcombeDifference } from '../../stats/newcombe.ts';
import { twoProportionTest } from '../../stats/proportions-test.ts';
import { driverLabels } from './labels.ts';
import { mentions } from './mentions.ts';
import { surveyDefinitions } from './survey-definition.ts';

export interface LiftOptions {
  sources: readonly DriverSource[];
  /** YYYY-MM-DD; default the last day with a churn event, ticket, survey answer or text. */
  asOf?: string;
  minCustomers?: number;
  alpha?: number;
  /** The workspace's own root-cause labels (config `cases.root_cause_labels`); the default taxonomy's otherwise. */
  rootCauseLabels?: Readonly<Record<string, Text>>;
}

export interface DriverLift {
  source: DriverSource;
  key: string;
  label: Text;
  withCustomers: number;
  withChurned: number;
  withoutCustomers: number;
  withoutChurned: number;
  churnWith: number;
  churnWithout: number | null;
  difference: number | null;
  lower: number | null;
  upper: number | null;
  ratio: number | null;
  pValue: number | null;
  pAdjusted: number | null;
  significant: boolean;
}

export interface ChurnLift {
  asOf: string;
  customers: number;
  churned: number;
  alpha: number;
  drivers: DriverLift[];
}

/**
 * @example
 * await churnLift(ws.db, { sources: ['topic'] }); // { customers: 1500, churned: 310, drivers: [{ key: 't3', difference: 0.21, significant: true, … }] }
 */
export async function churnLift(conn: Connection, opts: LiftOptions): Promise<ChurnLift> {
  const alpha = opts.alpha ?? 0.05;
  const minCustomers = opts.minCustomers ?? 5;
  const defs = opts.sources.includes('survey_answer') ? await surveyDefinitions(conn) : [];
  const parts = opts.sources.flatMap((s) => mentions(s, defs) ?? []);
  const asOf = opts.asOf ?? (await lastDay(conn));
  const end = sql`CAST(${asOf} AS TIMESTAMP) + INTERVAL 1 DAY`;
  const population = sql`SELECT c.customer_id, e.first_churn, e.first_churn IS NOT NULL AS churned,
      coalesce(e.first_churn, ${end}) AS until
    FROM customers c LEFT JOIN (SELECT customer_id, min(churned_at) AS first_churn FROM churn_events
      WHERE churned_at < ${end} GROUP BY customer_id) e ON e.customer_id = c.customer_id
    WHERE c.created_at IS NULL OR c.created_at < ${end}`;
  const [totals] = await conn.all<{ n: number; churned: number }>(sql`
    SELECT count(*) AS n, count(*) FILTER (WHERE churned) AS churned FROM (${population}) p`);
  const customers = Number(totals?.n ?? 0);
  const churned = Number(totals?.churned ?? 0);
  const counts = parts.length
    ? await conn.all<{ source: DriverSource; key: string; n: number; churned: number }>(sql`
      WITH p AS (${population}), m AS (${sql.join(parts, sql` UNION ALL `)})
      SELECT m.source, m.key, count(DISTINCT m.customer_id) AS n,
        count(DISTINCT CASE WHEN p.churned THEN m.customer_id END) AS churned
      FROM m JOIN p ON p.customer_id = m.customer_id AND m."at" < p.until
      WHERE m.key IS NOT NULL
      GROUP BY m.source, m.key HAVING count(DISTINCT m.customer_id) >= ${minCustomers}
      ORDER BY m.source, m.key`)
    : [];
  const labels = await driverLabels(conn, defs, counts, opts.rootCauseLabels);
  const rows = counts.map((c) => lift(c.source, c.key, Number(c.n), Number(c.churned), customers, churned));
  const tested = rows.flatMap((r, i) => (r.pValue === null ? [] : [i]));
  const adjusted = benjaminiHochberg(tested.map((i) => rows[i]!.pValue!));
  tested.forEach((i, j) => {
    rows[i]!.pAdjusted = adjusted[j]!;
    rows[i]!.significant = adjusted[j]! <= alpha;
  });
  for (const r of rows) r.label = labels.get(`${r.source}\u0000${r.key}`) ?? { en: r.key, 'zh-CN': r.key };
  rows.sort((a, b) => Number(b.significant) - Number(a.significant) || (b.difference ?? -1) - (a.difference ?? -1));
  return { asOf, customers, churned, alpha, drivers: rows };
}

/** One driver's figures from its counts and the population's; no comparison when everyone had it. */
export function lift(
  source: DriverSource,
  key: string,
  n: number,
  x: number,
  customers: number,
  churned: number,
): DriverLift {
  const rest = customers - n;
  const restChurned = churned - x;
  const base = {
    source,
    key,
    label: { en: key, 'zh-CN': key },
    withCustomers: n,
    withChurned: x,
    withoutCustomers: rest,
    withoutChurned: restChurned,
    churnWith: x / n,
    pAdjusted: null,
    significant: false,
  };
  if (rest === 0)
    return { ...base, churnWithout: null, difference: null, lower: null, upper: null, ratio: null, pValue: null };
  const d = newcombeDifference(x, n, restChurned, rest);
  const without = restChurned / rest;
  return {
    ...base,
    churnWithout: without,
    difference: d.estimate,
    lower: d.lower,
    upper: d.upper,
    ratio: without > 0 ? x / n / without : null,
    pValue: twoProportionTest(x, n, restChurned, rest).p,
  };
}

/** The last day any driver or churn is dated: the default observation date. */
async function lastDay(conn: Connection): Promise<string> {
  const latest = (table: string, column: string): Sql => sql`SELECT max(${sql.id(column)}) AS at FROM ${sql.id(table)}`;
  const [row] = await conn.all<{ day: string | null }>(sql`SELECT strftime(max("at"), '%Y-%m-%d') AS day FROM (
    ${latest('churn_events', 'churned_at')} UNION ALL ${latest('tickets', 'opened_at')}
    UNION ALL ${latest('surveys', 'answered_at')} UNION ALL ${latest('cases', 'opened_at')}
    UNION ALL ${latest('voice_documents', 'at')}) x`);
  return row?.day ?? new Date().toISOString().slice(0, 10);
}
