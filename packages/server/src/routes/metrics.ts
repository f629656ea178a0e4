import {
  api,
  calendarOf,
  catalog,
  computeMetrics,
  forecastRows,
  metricDef,
  metricNames,
  periodWindow,
  refuseSnapshotTrend,
} from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** The metric catalogue: every metric's definition, and any metric by period, segment and filter. */
export const metrics: RouteGroup = {
  prefix: '/api/v1/metrics',
  tag: 'metrics',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary: 'Every metric with its titles, unit, definition and grains',
        response: { 200: api.metricListResponse },
      },
      handler: async () => ({
        metrics: metricNames.map((id) => {
          const m = catalog[id];
          return {
            id,
            title: { en: m.title.en, zh: m.title['zh-CN'] },
            unit: m.unit,
            description: { en: m.description.en, zh: m.description['zh-CN'] },
            grains: [...m.grains],
          };
        }),
      }),
    }),
    route({
      method: 'GET',
      url: '/:name',
      config: { access: 'viewer' },
      schema: {
        summary: 'One metric: by default the 12 periods ending with the last complete one',
        params: api.metricParams,
        querystring: api.metricQuery,
        response: { 200: api.metricResponse },
      },
      handler: (req) => {
        const { name } = req.params;
        metricDef(name); // an unknown name is a 404 before any work
        const q = req.query;
        return req.server.tenure.view(['metric', name, q], async (ws) => {
          const w = await periodWindow(ws, q);
          const { by, filter, basis } = q;
          const rows = await computeMetrics(ws.db, ws.config, [name], {
            period: w.grain,
            from: w.from,
            to: w.to,
            by,
            filter,
            basis,
          });
          refuseSnapshotTrend(rows, q.forecast ?? 0);
          const calendar = calendarOf(ws.config);
          const ahead = q.forecast ? forecastRows(rows, w.grain, calendar, q.forecast) : [];
          return { metric: name, rows: [...rows, ...ahead] };
        });
      },
    }),
  ],
};
