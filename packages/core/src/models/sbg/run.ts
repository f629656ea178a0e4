/**
 * `sbg(ws, options)`: the sBG fitted to typed-in survivor counts or to the workspace's lifetimes (then also per
 * acquisition cohort), with the observed and projected survival, retention rates and lifetime summaries.
 * Discounting takes an annual rate, converted to the period of the unit.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { type SurvivalQuery, survivalSource } from '../survival-data.ts';
import { type CohortGrain, DAYS_PER, type TimeUnit } from '../time-units.ts';
import { type SbgCohort, sbgCohorts } from './cohorts.ts';
import { observedSurvival, sbgPatterns } from './features.ts';
import { projectSbg, type SbgLifetime, type SbgPoint, sbgLifetime } from './project.ts';
import { fitSbg, patternsFromSurvivors, type SbgFit, type SbgPatterns } from './sbg.ts';

export interface SbgOptions extends Partial<SurvivalQuery> {
  /** Survivor counts n₀, n₁, … instead of the workspace's data. */
  survivors?: number[];
  /** Annual discount rate for DEL and DERL; default 0.10. */
  discountRate?: number;
  /** Periods to project beyond the data; default 12. */
  horizon?: number;
  /** Acquisition cohorts fitted one by one from workspace data; default year. */
  cohort?: CohortGrain;
}

/** A fit with its projection: of the whole base, or of one cohort. */
export interface SbgProjection {
  unit: TimeUnit;
  fit: SbgFit;
  /** Per period: observed survival (null beyond the data) beside the model's. */
  curve: (SbgPoint & { observed: number | null })[];
  /** Per-period discount rate used for DEL and DERL. */
  discountPerPeriod: number;
  lifetime: SbgLifetime;
}

export interface SbgResult extends SbgProjection {
  source: 'survivors' | 'workspace';
  asOf: string | null;
  /** The cohort period, and each cohort's own fit (none for survivor counts, which are one cohort). */
  cohortGrain: CohortGrain | null;
  cohorts: SbgCohort<SbgProjection>[];
}

/** Fit and project from patterns (shared by both sources and the cohorts). */
export function sbgFromPatterns(patterns: SbgPatterns, unit: TimeUnit, opts: SbgOptions): SbgProjection {
  const fit = fitSbg(patterns);
  const observed = observedSurvival(patterns);
  const periods = observed.length - 1;
  const discountPerPeriod = (1 + (opts.discountRate ?? 0.1)) ** (DAYS_PER[unit] / DAYS_PER.year) - 1;
  return {
    unit,
    fit,
    curve: projectSbg(fit.params, periods + (opts.horizon ?? 12)).map((p) => ({
      ...p,
      observed: observed[p.period] ?? null,
    })),
    discountPerPeriod,
    lifetime: sbgLifetime(fit.params, discountPerPeriod, periods),
  };
}

/**
 * Fit the sBG. With `survivors` no workspace data is read (the unit then defaults to year, the period of
 * Fader & Hardie's cohorts); otherwise customers' lifetimes in whole periods of the unit (default month).
 *
 * @example
 * await sbg(null, null, { survivors: [1000, 869, 743, 653, 593, 551, 517, 491] }); // .fit.params.alpha ≈ 0.668
 */
export async function sbg(
  db: DuckDbConnection | null,
  config: TenureConfig | null,
  opts: SbgOptions,
): Promise<SbgResult> {
  if (opts.survivors || !db || !config) {
    const unit = opts.unit ?? 'year';
    return {
      source: 'survivors',
      asOf: null,
      ...sbgFromPatterns(patternsFromSurvivors(opts.survivors ?? []), unit, opts),
      cohortGrain: null,
      cohorts: [],
    };
  }
  const unit = opts.unit ?? 'month';
  const cohortGrain = opts.cohort ?? 'year';
  const src = await survivalSource(db, config, { ...opts, unit });
  return {
    source: 'workspace',
    asOf: src.asOf,
    ...sbgFromPatterns(await sbgPatterns(db, src), unit, opts),
    cohortGrain,
    cohorts: await sbgCohorts(db, src, cohortGrain, (p) => sbgFromPatterns(p, unit, opts)),
  };
}
