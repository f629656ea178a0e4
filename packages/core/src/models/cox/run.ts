/**
 * `cox(ws, options)`: Cox regression of customers' time to churn on customer columns. Without covariates it
 * uses the workspace's configured segment dimensions that vary between customers.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import type { SurvivalQuery } from '../survival-data.ts';
import { type CoxFit, fitCox } from './cox.ts';
import { covariateColumns, coxDesign } from './features.ts';

export interface CoxResult {
  unit: SurvivalQuery['unit'];
  asOf: string;
  basis: string;
  covariates: string[];
  reference: Record<string, string>;
  fit: CoxFit;
}

/** Configured dimensions with at least two values. */
async function defaultCovariates(db: DuckDbConnection, config: TenureConfig): Promise<string[]> {
  const columns = await covariateColumns(db);
  const out: string[] = [];
  for (const d of config.dimensions.filter((x) => columns.has(x))) {
    const [r] = await db.all<{ n: number }>(sql`SELECT count(DISTINCT ${sql.id(d)}) AS n FROM customers`);
    if ((r?.n ?? 0) > 1) out.push(d);
  }
  return out;
}

/**
 * Fit the Cox model.
 *
 * @example
 * (await cox(ws.db, ws.config, { unit: 'month' }, ['contract'])).fit.terms;
 */
export async function cox(
  db: DuckDbConnection,
  config: TenureConfig,
  q: SurvivalQuery,
  covariates?: string[],
): Promise<CoxResult> {
  const chosen = covariates ?? (await defaultCovariates(db, config));
  if (!chosen.length)
    throw tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
      model: 'cox',
      detail: 'no covariates given and no segment dimension varies between customers',
      hint: {
        en: 'Choose customer columns as covariates.',
        'zh-CN': '请选择客户列作为协变量。',
      },
      remedies: [{ action: 'choose_covariates' }],
    });
  const design = await coxDesign(db, config, q, chosen);
  return {
    unit: q.unit,
    asOf: design.asOf,
    basis: design.basis,
    covariates: chosen,
    reference: design.reference,
    fit: fitCox(design.data, design.terms),
  };
}
