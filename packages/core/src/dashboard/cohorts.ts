import { computeMetrics } from '../metrics/compute.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { periodWindow, type WindowOptions } from './window.ts';

export type CohortMode = 'customers' | 'revenue';

/** One acquisition cohort of the heatmap: its size and one cell per age (periods since acquisition). */
export interface CohortLine {
  /** Start day (YYYY-MM-DD) of the acquisition period. */
  cohort: string;
  /** With `by`: the cohort's segment, e.g. `{ region: 'North' }`. */
  segment: Record<string, string>;
  size: number;
  /** value: share still active (customers) or MRR kept (revenue); count: customers still active. */
  cells: { age: number; value: number | null; count: number }[];
}

export interface CohortHeatmap {
  mode: CohortMode;
  cohorts: CohortLine[];
}

/** The part of a cohort_retention row each mode shows (metrics/cohort-retention.ts). */
const part: Record<CohortMode, string> = { customers: 'active_share', revenue: 'revenue_share' };

/**
 * The cohort heatmap from the `cohort_retention` metric: one line per cohort (and segment), cells by age.
 * By default the 12 periods ending with the last complete one.
 * @example const h = await cohortHeatmap(ws, { mode: 'revenue' }); h.cohorts[0].cells[3].value // MRR kept at age 3
 */
export async function cohortHeatmap(
  ws: Workspace,
  opts: WindowOptions & { mode?: CohortMode; by?: string[] } = {},
): Promise<CohortHeatmap> {
  const mode = opts.mode ?? 'customers';
  const w = await periodWindow(ws, opts);
  const rows = await computeMetrics(ws.db, ws.config, ['cohort_retention'], {
    period: w.grain,
    from: w.from,
    to: w.to,
    by: opts.by ?? [],
  });
  const lines = new Map<string, CohortLine>();
  for (const r of rows) {
    const { cohort = '', age = '0', ...segment } = r.segment;
    const key = JSON.stringify([cohort, segment]);
    const line = lines.get(key) ?? { cohort, segment, size: r.denominator ?? 0, cells: [] };
    line.cells.push({ age: Number(age), value: r.parts?.[part[mode]] ?? null, count: r.numerator ?? 0 });
    lines.set(key, line);
  }
  const cohorts = [...lines.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
  for (const c of cohorts) c.cells.sort((a, b) => a.age - b.age);
  return { mode, cohorts };
}
