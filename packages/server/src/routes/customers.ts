import { api, customer360, searchCustomers } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Customer search and the customer-360 view. Searches are not cached (each is a new text); a customer's view is,
 * per day (its status is as of today) and data generation, as care agents open the same customers again, and a
 * view not cached is read from the per-customer stores when they are current.
 */
export const customers: RouteGroup = {
  prefix: '/api/v1/customers',
  tag: 'customers',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary: 'Search customers by id or name, filter by dimension and status, one page at a time',
        querystring: api.customersQuery,
        response: { 200: api.customersResponse },
      },
      handler: (req) =>
        req.server.tenure.db(async (ws) => api.toWire(await searchCustomers(ws, api.camelKeys(req.query)))),
    }),
    route({
      method: 'GET',
      url: '/:id',
      config: { access: 'viewer' },
      schema: {
        summary: 'One customer: record, attributes, status and timeline (newest first)',
        params: api.customerParams,
        querystring: api.customer360Query,
        response: { 200: api.customer360Response },
      },
      handler: async (req) => {
        const stored = await req.server.tenure.storesCurrent();
        return req.server.tenure.view(['customer', req.params.id, req.query, today()], async (ws) =>
          api.toWire(await customer360(ws, req.params.id, { ...req.query, stored })),
        );
      },
    }),
  ],
};
