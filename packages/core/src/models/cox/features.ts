/**
 * Cox regression data from the workspace: each customer's lifetime (survival-data.ts) with customer columns as
 * covariates, aggregated in SQL into (time, churned, covariates, count) patterns. Text columns become
 * indicator terms `column=level` against the first level in code-point order (R's factor default for these
 * data); numeric columns enter as they are. Customers missing a covariate are left out, as R's na.omit does.
 */

import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { tenureError } from '../../errors.ts';
import { badOption } from '../../options.ts';
import { sql } from '../../sql/sql.ts';
import type { TenureConfig } from '../../workspace/config.ts';
import { readColumns } from '../columns.ts';
import { type SurvivalQuery, survivalSource } from '../survival-data.ts';
import type { CoxData } from './efron.ts';

export interface CoxDesign {
  data: CoxData;
  terms: string[];
  /** The reference level of each text covariate. */
  reference: Record<string, string>;
  asOf: string;
  basis: string;
}

const NUMERIC = /^(DOUBLE|FLOAT|REAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|DECIMAL.*)$/;
const NOT_COVARIATES = new Set(['customer_id', 'name', 'created_at', '_batch']);

/** Customer columns that can be covariates, with whether they are numeric. */
export async function covariateColumns(db: DuckDbConnection): Promise<Map<string, boolean>> {
  const cols = await db.all<{ name: string; type: string }>(
    sql`SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_name = 'customers' ORDER BY ordinal_position`,
  );
  return new Map(cols.filter((c) => !NOT_COVARIATES.has(c.name)).map((c) => [c.name, NUMERIC.test(c.type)]));
}

/**
 * Build the design for covariates (customer columns).
 *
 * @example
 * const d = await coxDesign(ws.db, ws.config, { unit: 'month' }, ['contract', 'monthly_charges']);
 */
export async function coxDesign(
  db: DuckDbConnection,
  config: TenureConfig,
  q: SurvivalQuery,
  covariates: readonly string[],
): Promise<CoxDesign> {
  const available = await covariateColumns(db);
  for (const c of covariates)
    if (!available.has(c))
      throw badOption('covariates', c, {
        en: `customer columns: ${[...available.keys()].join(', ')}`,
        'zh-CN': `客户表的列：${[...available.keys()].join('、')}`,
      });
  const src = await survivalSource(db, config, q);
  const cols = covariates.map(
    (c, k) => sql`CAST(c.${sql.id(c)} AS ${sql.raw(available.get(c) ? 'DOUBLE' : 'VARCHAR')}) AS ${sql.id(`v${k}`)}`,
  );
  const present = covariates.map((c) => sql` AND c.${sql.id(c)} IS NOT NULL`);
  const { num, text } = await readColumns(
    db,
    sql`SELECT l.time, CAST(l.event AS DOUBLE) AS event, ${sql.join(cols)}, CAST(count(*) AS DOUBLE) AS w
      FROM (${src.lifetimes}) l JOIN customers c ON c.customer_id = l.customer_id
      WHERE true${sql.join(present, sql``)} GROUP BY ALL ORDER BY l.time DESC`,
  );
  const columns: { term: string; values: Float64Array }[] = [];
  const reference: Record<string, string> = {};
  covariates.forEach((c, k) => {
    const v = `v${k}`;
    if (num[v]) {
      columns.push({ term: c, values: num[v] });
      return;
    }
    const levels = [...new Set(text[v])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (levels.length < 2) throw constant(c);
    reference[c] = levels[0]!;
    for (const level of levels.slice(1))
      columns.push({ term: `${c}=${level}`, values: Float64Array.from(text[v]!, (x) => (x === level ? 1 : 0)) });
  });
  const design = centredDesign(num.time!, num.event!, num.w!, columns);
  return { ...design, reference, asOf: src.asOf, basis: src.basis };
}

/**
 * Cox data from columns already sorted by time, longest first: X centred on the weighted means (as R's coxph
 * centres, for numerically stable exponentials); a column with no variance is refused.
 *
 * @example
 * const { data, terms } = centredDesign(time, event, weight, [{ term: 'x0', values: x0 }]);
 */
export function centredDesign(
  time: Float64Array,
  event: Float64Array,
  weight: Float64Array,
  columns: readonly { term: string; values: Float64Array }[],
): { data: CoxData; terms: string[] } {
  const rows = time.length;
  const p = columns.length;
  const total = weight.reduce((a, b) => a + b, 0);
  const X = new Float64Array(rows * p);
  columns.forEach(({ term, values }, j) => {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += weight[i]! * values[i]!;
    mean /= total;
    let ss = 0;
    for (let i = 0; i < rows; i++) {
      X[i * p + j] = values[i]! - mean;
      ss += weight[i]! * (values[i]! - mean) ** 2;
    }
    if (!(ss > 0)) throw constant(term);
  });
  const data: CoxData = { n: rows, p, time, status: Uint8Array.from(event), weight, X };
  return { data, terms: columns.map((c) => c.term) };
}

const constant = (term: string) =>
  tenureError('TEN_MODEL_INSUFFICIENT_DATA', {
    model: 'cox',
    detail: `${term} is the same for every customer that has it`,
    hint: {
      en: 'Leave it out of the covariates (columns that are empty for everyone count as constant).',
      'zh-CN': '请从协变量中去掉它（对所有人都为空的列视为常量）。',
    },
    remedies: [{ action: 'drop_covariate', args: { term } }],
  });
