/**
 * Stored model runs: every fit made through the catalogue is kept in the workspace's model_runs table with the
 * model, the options it was given, the data window it saw and its result, as JSON. Surfaces show the latest run
 * of a model without refitting on every request.
 */
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { sql } from '../sql/sql.ts';

export interface ModelRun<R = unknown> {
  runId: number;
  model: string;
  /** The options the model was run with. */
  parameters: Record<string, unknown>;
  /** The span of data the fit used (timestamps as text), when the model knows it. */
  dataWindow: { from: string | null; to: string | null };
  createdAt: string;
  result: R;
}

/** Store a run and return it with its id and time. */
export async function saveRun<R>(
  db: DuckDbConnection,
  run: Omit<ModelRun<R>, 'runId' | 'createdAt'>,
): Promise<ModelRun<R>> {
  const [row] = await db.all<{
    run_id: number;
    created_at: string;
    data_from: string | null;
    data_to: string | null;
  }>(sql`
    INSERT INTO model_runs (run_id, model, parameters, data_from, data_to, created_at, result)
    VALUES (nextval('model_run_seq'), ${run.model}, ${JSON.stringify(run.parameters)},
      CAST(${run.dataWindow.from} AS TIMESTAMP), CAST(${run.dataWindow.to} AS TIMESTAMP),
      CAST(now() AS TIMESTAMP), ${JSON.stringify(run.result)})
    RETURNING run_id, CAST(created_at AS VARCHAR) AS created_at, CAST(data_from AS VARCHAR) AS data_from,
      CAST(data_to AS VARCHAR) AS data_to`);
  // Returned as stored, so a run reads back exactly as it was handed out.
  return {
    ...run,
    dataWindow: { from: row!.data_from, to: row!.data_to },
    runId: row!.run_id,
    createdAt: row!.created_at,
  };
}

type RunRow = {
  run_id: number;
  model: string;
  parameters: string;
  data_from: string | null;
  data_to: string | null;
  created_at: string;
  result: string;
};

const COLUMNS = sql`run_id, model, parameters, CAST(data_from AS VARCHAR) AS data_from,
  CAST(data_to AS VARCHAR) AS data_to, CAST(created_at AS VARCHAR) AS created_at`;

const toRun = (r: RunRow): ModelRun => ({
  runId: r.run_id,
  model: r.model,
  parameters: JSON.parse(r.parameters),
  dataWindow: { from: r.data_from, to: r.data_to },
  createdAt: r.created_at,
  result: JSON.parse(r.result),
});

/**
 * The latest run of a model, or null if it was never run.
 *
 * @example
 * (await latestRun(ws.db, 'bgnbd'))?.result;
 */
export async function latestRun(db: DuckDbConnection, model: string): Promise<ModelRun | null> {
  const rows = await db.all<RunRow>(
    sql`SELECT ${COLUMNS}, result FROM model_runs WHERE model = ${model} ORDER BY run_id DESC LIMIT 1`,
  );
  return rows[0] ? toRun(rows[0]) : null;
}

/** Runs, newest first, without their results (which can be large). */
export async function listRuns(
  db: DuckDbConnection,
  opts: { model?: string; limit?: number } = {},
): Promise<Omit<ModelRun, 'result'>[]> {
  const rows = await db.all<RunRow>(sql`SELECT ${COLUMNS}, 'null' AS result FROM model_runs
    WHERE ${opts.model ?? null} IS NULL OR model = ${opts.model ?? null} ORDER BY run_id DESC LIMIT ${opts.limit ?? 100}`);
  return rows.map((r) => {
    const { result: _, ...run } = toRun(r);
    return run;
  });
}
