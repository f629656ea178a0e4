import { computeMetrics } from '../metrics/compute.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { periodWindow, type WindowOptions } from './window.ts';

/**
 * customers and revenue read cohort_retention (acquisition cohorts); order_revenue and order_revenue_capped read
 * order_revenue_retention (first-order cohorts, for shops without subscriptions).
 */
export type CohortMode = 'customers' | 'revenue' | 'order_revenue' | 'order_revenue_capped';

/** One acquisition cohort of the heatmap: its size and one cell per age (periods since acquisition). */
export interface CohortLine {
  /** Start day (YYYY-MM-DD) of the acquisition period. */
  cohort: string;
  /** With `by`: the cohort's segment, e.g. `{ region: 'North' }`. */
  segment: Record<string, string>;
  size: number;
  /**
   * value: share still active (customers), MRR kept (revenue), order revenue kept (order modes); count: customers
   * still active, or (order modes, whose size is the first period's revenue) the revenue kept.
   */
  cells: { age: number; value: number | null; count: number }[];
}

export interface CohortHeatmap {
  mode: CohortMode;
  cohorts: CohortLine[];
}

/** The metric each mode reads and the part of its row it shows (its value when none). */
const source: Record<CohortMode, { metric: 'cohort_retention' | 'order_revenue_retention'; part?: string }> = {
  customers: { metric: 'cohort_retention', part: 'active_share' },
  revenue: { metric: 'cohort_retention', part: 'revenue_share' },
  order_revenue: { metric: 'order_revenue_retention' },
  order_revenue_capped: { metric: 'order_revenue_retention', part: 'capped_share' },
};

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
  const { metric, part } = source[mode];
  const orders = metric === 'order_revenue_retention';
  const rows = await computeMetrics(ws.db, ws.config, [metric], {
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
    const value = part ? (r.parts?.[part] ?? null) : r.value;
    line.cells.push({
      age: Number(age),
      value,
      count: orders ? (value ?? 0) * (r.denominator ?? 0) : (r.numerator ?? 0),
    });
    lines.set(key, line);
  }
  const cohorts = [...lines.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
  for (const c of cohorts) c.cells.sort((a, b) => a.age - b.age);
  return { mode, cohorts };
}
