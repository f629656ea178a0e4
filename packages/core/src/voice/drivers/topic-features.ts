/**
 * Topics as features offered to the churn model: per training row (a customer at a snapshot date t) the number
 * of their texts of each topic dated in the 180 days before t — never at or after t, so the label's window
 * (churn in [t, t + H)) cannot leak in. The churn model is fitted on the same rows and split with and without
 * these columns, and the validation ROC AUC of both is reported: whether what customers write adds to what
 * they do. Counts are aggregated in SQL (one row per customer, snapshot and topic that has texts).
 */
import { latestRun, type ModelRun, saveRun } from '../../models/runs.ts';
import { fitChurnModel } from '../../predict/fit.ts';
import type { FeatureSpec, LabelledFrame } from '../../predict/frame.ts';
import { parsePredictOptions } from '../../predict/options.ts';
import { trainingRows } from '../../predict/rows.ts';
import { splits } from '../../predict/split.ts';
import { classifierOptions } from '../../predict/train.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';

/** Texts older than this before the snapshot say little about the months after it. */
export const TOPIC_WINDOW_DAYS = 180;
/** The most frequent topics offered (each one a column). */
export const MAX_TOPIC_FEATURES = 30;

export interface TopicFeatureAuc {
  asOf: string;
  rows: number;
  validationRows: number;
  features: string[];
  aucWithout: number;
  aucWith: number;
  difference: number;
  seconds: number;
}

/**
 * @example
 * await topicFeatureAuc(ws); // { aucWithout: 0.81, aucWith: 0.84, difference: 0.03, features: ['topic_t3', …] }
 */
export async function topicFeatureAuc(ws: Workspace, opts: { asOf?: string } = {}): Promise<TopicFeatureAuc> {
  const started = performance.now();
  const o = parsePredictOptions(opts.asOf ? { asOf: opts.asOf } : {});
  const { frame, source } = await trainingRows(ws, o);
  const withTopics = await addTopicColumns(ws, frame);
  const split = splits(frame.ids, null);
  const options = classifierOptions(o);
  const without = await fitChurnModel('gbdt', frame, split, source, options);
  const topics = await fitChurnModel('gbdt', withTopics, split, source, options);
  return {
    asOf: source.snapshots.at(-1) ?? '',
    rows: frame.rows,
    validationRows: without.model.data.validation.rows,
    features: withTopics.features.slice(frame.features.length).map((f) => f.name),
    aucWithout: without.validation.rocAuc,
    aucWith: topics.validation.rocAuc,
    difference: topics.validation.rocAuc - without.validation.rocAuc,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The frame with one count column per frequent topic, aligned to its rows by customer and snapshot. */
export async function addTopicColumns(ws: Workspace, frame: LabelledFrame): Promise<LabelledFrame> {
  const dates = [...new Set(frame.asOf)].filter(Boolean);
  if (!dates.length) return frame;
  const counts = await ws.db.all<{ customer_id: string; as_of: string; topic_id: string; n: number }>(sql`
    WITH snaps AS (SELECT CAST(unnest(${dates}) AS TIMESTAMP) AS t),
    m AS (SELECT d.customer_id, strftime(p.t, '%Y-%m-%d') AS as_of, d.topic_id, count(*) AS n
      FROM voice_documents d JOIN snaps p ON d."at" < p.t AND d."at" >= p.t - INTERVAL (${TOPIC_WINDOW_DAYS}) DAY
      WHERE d.topic_id IS NOT NULL GROUP BY ALL),
    top AS (SELECT topic_id FROM m GROUP BY topic_id ORDER BY sum(n) DESC, topic_id LIMIT ${MAX_TOPIC_FEATURES})
    SELECT m.* FROM m JOIN top USING (topic_id)`);
  const topics = [...new Set(counts.map((c) => c.topic_id))].sort();
  const rowOf = new Map(frame.ids.map((id, i) => [`${id}\u0000${frame.asOf[i]}`, i]));
  const columns = topics.map(() => new Float64Array(frame.rows));
  const index = new Map(topics.map((t, j) => [t, j]));
  for (const c of counts) {
    const i = rowOf.get(`${c.customer_id}\u0000${c.as_of}`);
    if (i !== undefined) columns[index.get(c.topic_id)!]![i] = Number(c.n);
  }
  const features: FeatureSpec[] = topics.map((t) => ({ name: `topic_${t}`, kind: 'numeric' }));
  return { ...frame, features: [...frame.features, ...features], columns: [...frame.columns, ...columns] };
}

/** The stored runs' model name: a comparison is kept like a model fit, so pages read the latest without refitting. */
export const TOPIC_FEATURES_RUN = 'topic-features';

/** Run the comparison and store it as a model run (what the job route starts). */
export async function runTopicFeatureAuc(
  ws: Workspace,
  opts: { asOf?: string } = {},
): Promise<ModelRun<TopicFeatureAuc>> {
  const result = await topicFeatureAuc(ws, opts);
  return saveRun(ws.db, {
    model: TOPIC_FEATURES_RUN,
    parameters: opts,
    dataWindow: { from: null, to: result.asOf },
    result,
  });
}

/** The latest stored comparison, or null before the first. */
export async function latestTopicFeatureAuc(ws: Workspace): Promise<TopicFeatureAuc | null> {
  const run = await latestRun(ws.db, TOPIC_FEATURES_RUN);
  return run ? (run.result as TopicFeatureAuc) : null;
}
