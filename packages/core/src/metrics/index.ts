import type { Workspace } from '../workspace/workspace.ts';
import { catalog, type MetricName, metricNames } from './catalog.ts';
import { computeMetrics, type MetricRow } from './compute.ts';
import type { MetricQuery } from './query.ts';

/**
 * The metric catalogue bound to a workspace, for scripts and notebooks.
 * @example const rows = await metrics(ws).compute('churn_rate', { period: 'month', from: '2024-01', to: '2024-12', by: ['region'] });
 */
export function metrics(ws: Workspace) {
  return {
    /** Rows of one metric: period, segment, value, numerator, denominator, interval, change, significance. */
    compute: (name: string, query: MetricQuery): Promise<MetricRow[]> =>
      computeMetrics(ws.db, ws.config, [name], query),
    /** Several metrics at once; shared base measures run once. */
    computeMany: (names: string[], query: MetricQuery): Promise<MetricRow[]> =>
      computeMetrics(ws.db, ws.config, names, query),
    /** Every metric's id, titles, unit and definition. */
    list: () =>
      metricNames.map((id: MetricName) => ({
        id,
        title: catalog[id].title,
        unit: catalog[id].unit,
        description: catalog[id].description,
      })),
  };
}
