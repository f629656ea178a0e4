/**
 * sBG input from the workspace: each customer's lifetime (survival-data.ts) in whole periods of the unit. A
 * customer who churned during period t (time in (t − 1, t]) has T = t, if period t had fully elapsed by the
 * as-of date. Everyone else is censored after the whole periods they were observed for, floor(age): a period
 * still running at as-of has seen its churners but not yet its renewals, so counting its churn would read as
 * zero survivors (Fader & Hardie 2007 combine cohorts of different ages the same way, each cohort contributing
 * its survivors censored at its own age). Aggregated in SQL into (periods, churned, count) patterns.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import { readColumns } from '../columns.ts';
import type { SurvivalSource } from '../survival-data.ts';
import type { SbgPatterns } from './sbg.ts';

/** Churned in a period that had ended by as-of. */
const churnedInFullPeriod = sql`(event = 1 AND greatest(1, ceil(time)) <= floor(age))`;

/** The pattern columns over a lifetimes query (aliased l), to aggregate with GROUP BY ALL. */
export const patternColumns = sql`CAST(CASE WHEN ${churnedInFullPeriod} THEN greatest(1, ceil(time)) ELSE floor(age) END AS DOUBLE) AS periods,
  CAST(CASE WHEN ${churnedInFullPeriod} THEN 1 ELSE 0 END AS DOUBLE) AS churned, CAST(count(*) AS DOUBLE) AS weight`;

/**
 * The lifetimes of a survival source as sBG patterns.
 *
 * @example
 * const patterns = await sbgPatterns(ws.db, await survivalSource(ws.db, ws.config, { unit: 'month' }));
 */
export async function sbgPatterns(db: DuckDbConnection, src: SurvivalSource): Promise<SbgPatterns> {
  const { num } = await readColumns(
    db,
    sql`SELECT ${patternColumns} FROM (${src.lifetimes}) l GROUP BY ALL ORDER BY ALL`,
  );
  return { periods: num.periods!, churned: num.churned!, weight: num.weight! };
}

/**
 * Observed survival after each whole period, censoring allowed: Π (1 − churned in t / at risk in t), the
 * discrete Kaplan–Meier estimate the sBG's S(t) is compared with.
 *
 * @example
 * observedSurvival(patternsFromSurvivors([100, 60, 45])); // [1, 0.6, 0.45]
 */
export function observedSurvival(p: SbgPatterns): number[] {
  let last = 0;
  for (let i = 0; i < p.periods.length; i++) if (p.weight[i]! > 0) last = Math.max(last, p.periods[i]!);
  const churnedIn = new Float64Array(last + 1);
  const censoredAfter = new Float64Array(last + 1);
  let atRisk = 0;
  for (let i = 0; i < p.periods.length; i++) {
    (p.churned[i] ? churnedIn : censoredAfter)[p.periods[i]!]! += p.weight[i]!;
    atRisk += p.weight[i]!;
  }
  const out = [1];
  atRisk -= censoredAfter[0]!;
  for (let t = 1; t <= last; t++) {
    out.push(atRisk > 0 ? out[t - 1]! * (1 - churnedIn[t]! / atRisk) : out[t - 1]!);
    atRisk -= churnedIn[t]! + censoredAfter[t]!;
  }
  return out;
}
