import type { MetricName } from '../metrics/catalog.ts';
import { computeMetrics, metricDef } from '../metrics/compute.ts';
import type { MetricDef } from '../metrics/define.ts';
import { missingData } from '../metrics/requires.ts';
import type { EntityName } from '../schema/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type PeriodWindow, periodWindow, type WindowOptions } from './window.ts';

/** The overview's KPI cards, in the order they are shown. */
const overviewMetrics = [
  'churn_rate',
  'retention_rate',
  'retention_rate_end_minus_new',
  'nrr',
  'grr',
  'active_customers',
  'mrr',
  'nps',
  'csat',
] as const satisfies readonly MetricName[];

/** One KPI card: the last period's value, the one before, the change, the interval and a sparkline. */
export interface Kpi {
  metric: MetricName;
  unit: MetricDef['unit'];
  value: number | null;
  previous: number | null;
  change: number | null;
  ci_low: number | null;
  ci_high: number | null;
  series: { period_start: string; value: number | null }[];
  /** The snapshot as-of date(s) when the figure's churn comes from a snapshot import: then no trend is shown. */
  snapshot?: string;
  /** Without a value for want of data: the tables to import, each a list any one of which will do (requires.ts). */
  missing: EntityName[][];
}

export interface Overview extends Omit<PeriodWindow, 'grain'> {
  period: PeriodWindow['grain'];
  kpis: Kpi[];
}

/**
 * The KPI cards of the dashboard's overview, computed in one pass over the catalogue (shared base measures
 * run once): `periods` periods ending with the last complete one by default.
 * @example const o = await overview(ws, { period: 'month', periods: 12 }); o.kpis[0] // churn_rate card
 */
export async function overview(ws: Workspace, opts: Omit<WindowOptions, 'from'> = {}): Promise<Overview> {
  const w = await periodWindow(ws, opts);
  const rows = await computeMetrics(ws.db, ws.config, [...overviewMetrics], {
    period: w.grain,
    from: w.from,
    to: w.to,
  });
  const missing = await missingData(ws.db, overviewMetrics, rows);
  const kpis = overviewMetrics.map((metric): Kpi => {
    const own = rows.filter((r) => r.metric === metric);
    const last = own.at(-1);
    // A snapshot's churn sits on its as-of date: the card keeps the value, without a previous period or sparkline.
    const snapshot = last?.snapshot;
    return {
      metric,
      unit: metricDef(metric).unit,
      value: last?.value ?? null,
      previous: snapshot ? null : (own.at(-2)?.value ?? null),
      change: last?.change ?? null,
      ci_low: last?.ci_low ?? null,
      ci_high: last?.ci_high ?? null,
      series: snapshot ? [] : own.map((r) => ({ period_start: r.period_start, value: r.value })),
      ...(snapshot ? { snapshot } : {}),
      missing: missing.filter((m) => m.metric === metric).map((m) => m.entities),
    };
  });
  return { period: w.grain, from: w.from, to: w.to, kpis };
}
