import { api, assessQuality, compareBenchmarks } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** Data quality and benchmark comparisons: read-only scorecards over the whole workspace. */
export const quality: RouteGroup = {
  prefix: '/api/v1',
  tag: 'workspace',
  routes: [
    route({
      method: 'GET',
      url: '/quality',
      config: { access: 'viewer' },
      schema: {
        summary: 'The data-quality scorecard (0–100 per entity, worst offenders)',
        response: { 200: api.qualityResponse },
      },
      // Freshness is judged against today, so the day is part of what is cached.
      handler: (req) => {
        const today = new Date().toISOString().slice(0, 10);
        return req.server.tenure.view(['quality', today], async (ws) =>
          api.toWire(await assessQuality(ws.db, { now: new Date() })),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/benchmarks',
      config: { access: 'viewer' },
      schema: {
        summary: 'Imported competitor or industry figures set against ours',
        response: { 200: api.benchmarksResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['benchmarks'], async (ws) => api.toWire(await compareBenchmarks(ws.db, ws.config))),
    }),
  ],
};
