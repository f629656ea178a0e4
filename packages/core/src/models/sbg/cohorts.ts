/**
 * The sBG per acquisition cohort. Fader & Hardie (2007) fit one cohort at a time, the customers acquired in
 * one period followed since; here each cohort is the customers whose lifetime started in one month, quarter
 * or year, fitted and projected like the whole base (run.ts). A cohort the model cannot fit (a young one has
 * churn in one period only) carries its error and its observed survival instead, so it does not hide the others.
 */
import { grainUnit } from '../../engine/dialect.ts';
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import { attempt, type Failed, isFailed } from '../attempt.ts';
import { readColumns } from '../columns.ts';
import type { SurvivalSource } from '../survival-data.ts';
import type { CohortGrain } from '../time-units.ts';
import { observedSurvival, patternColumns } from './features.ts';
import type { SbgPatterns } from './sbg.ts';

/** One cohort: its first day (YYYY-MM-DD), its size, and its fit and projection, or why there is none. */
export type SbgCohort<F> = { cohort: string; customers: number } & (F | (Failed & { observed: number[] }));

/**
 * Fit every acquisition cohort of a survival source.
 *
 * @example
 * await sbgCohorts(ws.db, src, 'year', (p) => sbgFromPatterns(p, 'month', {})); // [{ cohort: '2024-01-01', … }]
 */
export async function sbgCohorts<F>(
  db: DuckDbConnection,
  src: SurvivalSource,
  grain: CohortGrain,
  fit: (patterns: SbgPatterns) => F,
): Promise<SbgCohort<F>[]> {
  const { num, text, rows } = await readColumns(
    db,
    sql`SELECT CAST(CAST(date_trunc(${grainUnit(grain)}, started_at) AS DATE) AS VARCHAR) AS cohort, ${patternColumns}
      FROM (${src.lifetimes}) l GROUP BY ALL ORDER BY ALL`,
  );
  const out: SbgCohort<F>[] = [];
  // Rows are sorted by cohort: each cohort is one run of rows.
  for (let i = 0; i < rows; ) {
    let j = i;
    while (j < rows && text.cohort![j] === text.cohort![i]) j++;
    const patterns = {
      periods: num.periods!.slice(i, j),
      churned: num.churned!.slice(i, j),
      weight: num.weight!.slice(i, j),
    };
    const customers = patterns.weight.reduce((a, b) => a + b, 0);
    const result = await attempt(() => fit(patterns));
    out.push({
      cohort: text.cohort![i]!,
      customers,
      ...(isFailed(result) ? { ...result, observed: observedSurvival(patterns) } : result),
    });
    i = j;
  }
  return out;
}
