import { api, entityNames, ingestEvents, isEntityName, MAX_EVENT_ROWS, tenureError } from '@tenure/core';
import { langOf } from '../lang.ts';
import { type RouteGroup, route } from '../route.ts';

/** Larger bodies are refused before they are parsed (413 TEN_PAYLOAD_TOO_LARGE). */
const EVENT_BODY_LIMIT = 10 * 1024 * 1024;

/** Machine ingestion: JSON batches upserted by key through the import pipeline. */
export const events: RouteGroup = {
  prefix: '/api/v1/events',
  tag: 'events',
  routes: [
    route({
      method: 'POST',
      url: '/:entity',
      config: { access: 'analyst' },
      bodyLimit: EVENT_BODY_LIMIT,
      schema: {
        summary: `Upsert a batch of rows (at most ${MAX_EVENT_ROWS} and 10 MiB) by key; sending it twice changes nothing`,
        params: api.eventParams,
        body: api.eventsBody,
        response: { 200: api.eventsResponse },
      },
      handler: (req) => {
        req.auditTarget = req.params.entity;
        // The entity is the resource this path names: unknown, it is a 404 whether or not rows were sent.
        if (!isEntityName(req.params.entity))
          throw tenureError('TEN_EVENT_ENTITY_UNKNOWN', { entity: req.params.entity, known: entityNames });
        const lang = langOf(req);
        return req.server.tenure.write(async (ws) =>
          api.toWire(await ingestEvents(ws, req.params.entity, req.body.rows, lang)),
        );
      },
    }),
  ],
};
