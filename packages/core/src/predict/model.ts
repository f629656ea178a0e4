/**
 * A trained churn model as saved: versioned JSON holding the classifier, its calibration and how its
 * training rows were made. It scores frames in JS and prints itself as one SQL expression of the churn
 * probability, so the same model runs in the library, in DuckDB or in ClickHouse.
 */
import { tenureError } from '../errors.ts';
import { type Sql, sql } from '../sql/sql.ts';
import { type Calibration, probability } from './calibrate.ts';
import { type ClassifierModel, classifierNames, classifierOf } from './classifiers.ts';
import type { Frame } from './frame.ts';
import { doubleLiteral } from './gbdt/to-sql.ts';

export const MODEL_FORMAT = 'tenure.churn-model';
/** Bumped whenever the saved shape changes; older models are refused with TEN_PREDICT_BAD_MODEL. */
export const MODEL_VERSION = 1;

export interface TrainingData {
  /** Point-in-time snapshots of event data, or one static customer table with a churned flag. */
  mode: 'snapshots' | 'static';
  /** Churn within this many days after a snapshot is the label (snapshots mode). */
  horizonDays: number | null;
  /** The snapshot dates the rows were computed at. */
  snapshots: string[];
  train: { rows: number; churned: number };
  validation: { rows: number; churned: number };
}

export interface ChurnModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  classifier: ClassifierModel;
  calibration: Calibration;
  data: TrainingData;
}

/**
 * Check a model read back from JSON.
 *
 * @example
 * const model = parseChurnModel(JSON.parse(text));
 */
export function parseChurnModel(json: unknown): ChurnModel {
  const m = json as Partial<ChurnModel> | null;
  const bad = (detail: string) => tenureError('TEN_PREDICT_BAD_MODEL', { detail });
  if (m?.format !== MODEL_FORMAT) throw bad(`it is not a Tenure churn model (format ${String(m?.format)})`);
  if (m.version !== MODEL_VERSION)
    throw bad(`it was saved as version ${m.version}; this Tenure reads ${MODEL_VERSION}`);
  if (!m.classifier || !classifierNames.includes(m.classifier.kind))
    throw bad(`unknown classifier ${String(m.classifier?.kind)}`);
  if (m.calibration?.method !== 'platt') throw bad('unknown calibration');
  return m as ChurnModel;
}

/**
 * Margins and calibrated churn probabilities of a frame.
 *
 * @example
 * const { probability } = churnScores(model, frame);
 */
export function churnScores(model: ChurnModel, frame: Frame): { margin: Float64Array; probability: Float64Array } {
  const margin = classifierOf(model.classifier).margin(model.classifier, frame);
  return { margin, probability: margin.map((m) => probability(model.calibration, m)) };
}

/**
 * A query scoring every row of `source` (a query with `customer_id` and columns named like the features):
 * customer_id, margin and calibrated probability. Each term of the margin is its own column of an inner
 * query and the outer one adds them in the JS order: DuckDB plans a few hundred CASE columns in a second,
 * where one expression of the same size takes minutes to optimise.
 *
 * @example
 * await db.all(churnScoreSql(model, sql`SELECT * FROM features`)); // [{ customer_id, margin, probability }]
 */
export function churnScoreSql(model: ChurnModel, source: Sql): Sql {
  const terms = classifierOf(model.classifier).sqlTerms(model.classifier);
  const names = terms.map((_, i) => sql.id(`t${i}`));
  const { a, b } = model.calibration;
  return sql`SELECT customer_id, margin,
      1 / (1 + exp(-(${doubleLiteral(a)} * margin + ${doubleLiteral(b)}))) AS probability
    FROM (SELECT customer_id, ${sql.join(names, sql` + `)} AS margin
      FROM (SELECT customer_id, ${sql.join(terms.map((t, i) => sql`${t} AS ${names[i]!}`))} FROM (${source}) AS src) AS terms) AS margins`;
}
