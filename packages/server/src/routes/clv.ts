import { api, latestRun, ltvBesideClv, type ModelResult, type ModelRun, tenureError } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';
import { formOf } from '../serialize.ts';

/**
 * Customer value from the latest stored CLV run: never refitted on a read (POST /models/clv/fit refits); and the
 * formula LTV beside the scored per-customer CLV.
 */
export const clv: RouteGroup = {
  prefix: '/api/v1/clv',
  tag: 'models',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary: 'CLV: the model parameters, totals, CLV and P(alive) histograms and the `top` most valuable customers',
        querystring: api.clvQuery,
        response: { 200: api.clvResponse },
      },
      handler: async (req) => {
        const run = (await req.server.tenure.view(['latest', 'clv'], (ws) => latestRun(ws.db, 'clv'))) as ModelRun<
          ModelResult<'clv'>
        > | null;
        if (!run) throw tenureError('TEN_MODEL_NO_RUN', { model: 'clv' });
        const top = req.query.top;
        return formOf(run, String(top), () =>
          api.toWire({ ...run, result: { ...run.result, top: run.result.top.slice(0, top) } }),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/ltv',
      config: { access: 'viewer' },
      schema: {
        summary: 'LTV (ARPA × margin ÷ churn, last four quarters with intervals) beside the scored CLV mean and median',
        response: { 200: api.ltvClvResponse },
      },
      handler: (req) => req.server.tenure.view(['ltv-clv'], async (ws) => api.toWire(await ltvBesideClv(ws))),
    }),
  ],
};
