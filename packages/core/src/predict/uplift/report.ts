/** The latest uplift fit's report as GET /uplift/model answers it: the run's id and time with its report. */
import type { Workspace } from '../../workspace/workspace.ts';
import { latestUplift } from './latest.ts';
import type { UpliftReport } from './types.ts';

/**
 * @example
 * const r = await upliftReport(ws); r.qini.find((q) => q.ranking === r.chosen)?.coefficient;
 */
export async function upliftReport(ws: Workspace): Promise<UpliftReport & { runId: number; createdAt: string }> {
  const run = await latestUplift(ws);
  return { runId: run.runId, createdAt: run.createdAt, ...run.result.report };
}
