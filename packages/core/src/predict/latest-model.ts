import type { DuckDBInstance } from '@duckdb/node-api';
import { latestRun } from '../models/runs.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type ChurnModel, parseChurnModel } from './model.ts';
import { CHURN_RUN, type TrainResult } from './train.ts';

/** The latest parsed model per database: a run never changes, and reading a model is megabytes of JSON. */
const parsed = new WeakMap<DuckDBInstance, { runId: number; model: ChurnModel }>();

/**
 * The latest trained churn model and its run id, or null before the first training. Parsed once per run.
 * @example const latest = await latestChurnModel(ws); latest?.model.classifier.kind // 'gbdt'
 */
export async function latestChurnModel(ws: Workspace): Promise<{ runId: number; model: ChurnModel } | null> {
  const [r] = await ws.db.all<{ id: number | null }>(
    sql`SELECT max(run_id) AS id FROM model_runs WHERE model = ${CHURN_RUN}`,
  );
  if (!r?.id) return null;
  const hit = parsed.get(ws.db.instance);
  if (hit?.runId === r.id) return hit;
  const run = await latestRun(ws.db, CHURN_RUN);
  if (!run) return null;
  const latest = { runId: run.runId, model: parseChurnModel((run.result as TrainResult).model) };
  parsed.set(ws.db.instance, latest);
  return latest;
}
