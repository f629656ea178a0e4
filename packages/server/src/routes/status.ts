import {
  api,
  DERIVED_DIMENSIONS,
  headlineChurn,
  lastCompleteMonth,
  presentDimensions,
  workspaceStatus,
} from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** What the workspace holds: rows and dates per entity, the headline churn and the dimensions to slice by. */
export const status: RouteGroup = {
  prefix: '/api/v1',
  tag: 'workspace',
  routes: [
    route({
      method: 'GET',
      url: '/status',
      config: { access: 'viewer' },
      schema: {
        summary: 'Rows, date range and last import per entity; the latest monthly churn',
        response: { 200: api.statusResponse },
      },
      handler: (req) =>
        req.server.tenure.view(['status'], async (ws) =>
          api.toWire({
            entities: await workspaceStatus(ws),
            lastCompleteMonth: await lastCompleteMonth(ws.db),
            headline: await headlineChurn(ws),
            dimensions: await presentDimensions(ws),
            derivedDimensions: [...DERIVED_DIMENSIONS],
          }),
        ),
    }),
  ],
};
