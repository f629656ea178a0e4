import { computeMetrics, type MetricRow } from '../metrics/compute.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { periodWindow, type WindowOptions } from './window.ts';

export interface ReasonBar {
  reason: string;
  count: number;
  mrr_lost: number;
  share: number;
  /** Pareto running share, reasons sorted by count (then name); the last is 1. */
  cumulative_share: number;
}

/** A node of the churn taxonomy: a kind (voluntary, involuntary, unknown) with its categories as children. */
export interface TaxonomyNode {
  name: string;
  count: number;
  share: number;
  children?: TaxonomyNode[];
}

export interface ChurnReasonSummary {
  from: string;
  to: string;
  reasons: ReasonBar[];
  taxonomy: TaxonomyNode[];
}

/** Sum the value of rows by a key: the counts of a whole range from the metric's per-period rows. */
function sumBy(rows: MetricRow[], key: (r: MetricRow) => string, part?: string) {
  const out = new Map<string, { count: number; extra: number }>();
  for (const r of rows) {
    const g = out.get(key(r)) ?? { count: 0, extra: 0 };
    out.set(key(r), { count: g.count + (r.value ?? 0), extra: g.extra + (part ? (r.parts?.[part] ?? 0) : 0) });
  }
  return out;
}

/**
 * Why customers left over a range of months, from the `churn_reasons` and `churn_by_category` metrics
 * summed over the range: the Pareto of reasons with the MRR each took, and the taxonomy as a tree.
 * By default the 12 months ending with the last complete one.
 * @example const s = await churnReasonSummary(ws, { from: '2025-01', to: '2025-12' }); s.reasons[0].cumulative_share
 */
export async function churnReasonSummary(
  ws: Workspace,
  opts: Omit<WindowOptions, 'period'> = {},
): Promise<ChurnReasonSummary> {
  const w = await periodWindow(ws, { ...opts, period: 'month' });
  const rows = await computeMetrics(ws.db, ws.config, ['churn_reasons', 'churn_by_category'], {
    period: 'month',
    from: w.from,
    to: w.to,
  });
  const byReason = sumBy(
    rows.filter((r) => r.metric === 'churn_reasons'),
    (r) => r.segment.reason ?? 'unknown',
    'mrr_lost',
  );
  const total = [...byReason.values()].reduce((s, g) => s + g.count, 0);
  let running = 0;
  const reasons = [...byReason.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([reason, g]): ReasonBar => {
      running += g.count;
      return {
        reason,
        count: g.count,
        mrr_lost: g.extra,
        share: g.count / total,
        cumulative_share: running / total,
      };
    });
  const byCategory = sumBy(
    rows.filter((r) => r.metric === 'churn_by_category'),
    (r) => `${r.segment.kind ?? 'unknown'}|${r.segment.category ?? 'unknown'}`,
  );
  const kinds = new Map<string, TaxonomyNode>();
  for (const [key, g] of byCategory) {
    const [kind = 'unknown', category = 'unknown'] = key.split('|');
    const node = kinds.get(kind) ?? { name: kind, count: 0, share: 0, children: [] };
    node.count += g.count;
    node.children?.push({ name: category, count: g.count, share: g.count / total });
    kinds.set(kind, node);
  }
  const taxonomy = [...kinds.values()]
    .map((k) => ({ ...k, share: k.count / total, children: k.children?.sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.count - a.count);
  return { from: w.from, to: w.to, reasons, taxonomy };
}
