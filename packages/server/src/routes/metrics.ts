import {
  api,
  calendarOf,
  catalog,
  computeMetrics,
  forecastRows,
  type MetricName,
  metricDef,
  metricNames,
  missingData,
  missingDataText,
  periodWindow,
  refuseSnapshotTrend,
} from '@tenure/core';
import { langOf } from '../lang.ts';
import { apiHint } from '../plugins/action-words.ts';
import { surfaceOf } from '../plugins/problems.ts';
import { type RouteGroup, route } from '../route.ts';
import { formOf } from '../serialize.ts';

/** Every metric's definition: the same for every request, so made once (and frozen: its JSON and gzip are kept). */
const everyMetric = Object.freeze({
  metrics: metricNames.map((id) => {
    const m = catalog[id];
    return { id, title: m.title, unit: m.unit, description: m.description, grains: [...m.grains] };
  }),
});

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
      handler: async () => everyMetric,
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
      handler: async (req) => {
        const { name } = req.params;
        const metric = metricDef(name).id as MetricName; // an unknown name is a 404 before any work
        // The language only words `missing`, per request: the cached view is the same in every language.
        const { lang: _, ...q } = req.query;
        const result = await req.server.tenure.keptView(['metric', name, q], async (ws) => {
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
          return { metric: name, rows: [...rows, ...ahead], missing: await missingData(ws.db, [metric], rows) };
        });
        const lang = langOf(req);
        const surface = surfaceOf(req);
        return formOf(result, `${lang} ${surface}`, () => ({
          ...result,
          missing: result.missing.map((m) => {
            const { message, hint, remedies } = missingDataText(m, lang);
            // The dashboard words the import with its own page; an API client reads the route here.
            return {
              entities: m.entities,
              message,
              hint: surface === 'api' ? apiHint(hint, remedies, lang) : hint,
            };
          }),
        }));
      },
    }),
  ],
};
