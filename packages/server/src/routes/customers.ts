import { api, customer360, customerProfit, SERVED_LIMIT, searchCustomers } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Customer search and the customer-360 view. Searches are not cached (each is a new text); a customer's view is,
 * per day (its status is as of today) and data generation, as care agents open the same customers again; a view
 * is read from the served 360s when they are current (any customer's a read of its bytes), else from the
 * per-customer stores when those are, else from the tables.
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
      handler: async (req, reply) => {
        const { stored, served } = await req.server.tenure.customerViews();
        const json = served && req.query.limit === SERVED_LIMIT ? await served.get(req.params.id) : null;
        // Prebuilt as this route answers it (the contract's schema applied when it was built): sent as it is.
        if (json !== null) return reply.type('application/json; charset=utf-8').send(json as never);
        return req.server.tenure.view(['customer', req.params.id, req.query, today()], async (ws) =>
          api.toWire(await customer360(ws, req.params.id, { ...req.query, stored })),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/:id/profit',
      config: { access: 'viewer' },
      schema: {
        summary: "One customer's profit contribution by month: revenue, cost of revenue, allocated costs by category",
        params: api.customerParams,
        querystring: api.customerProfitQuery,
        response: { 200: api.customerProfitResponse },
      },
      // Cached per data generation like every view: the allocation is computed over all customers.
      handler: (req) =>
        req.server.tenure.view(['customer-profit', req.params.id, req.query], (ws) =>
          customerProfit(ws, req.params.id, req.query),
        ),
    }),
  ],
};
