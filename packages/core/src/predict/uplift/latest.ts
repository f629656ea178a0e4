/** The latest uplift fit, read back from model_runs. */
import { tenureError } from '../../errors.ts';
import { latestRun, type ModelRun } from '../../models/runs.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { UpliftFitResult } from './types.ts';

/** The model name of uplift fits in model_runs. */
export const UPLIFT_RUN = 'uplift';

/**
 * The latest uplift fit, or TEN_UPLIFT_NO_MODEL before the first one.
 *
 * @example
 * (await latestUplift(ws)).result.report.chosen; // 'two_model'
 */
export async function latestUplift(ws: Workspace): Promise<ModelRun<UpliftFitResult>> {
  const run = await latestRun(ws.db, UPLIFT_RUN);
  if (!run) throw tenureError('TEN_UPLIFT_NO_MODEL', {});
  return run as ModelRun<UpliftFitResult>;
}
