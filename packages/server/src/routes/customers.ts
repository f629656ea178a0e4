import { api, customer360, searchCustomers } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/** Customer search and the customer-360 view. Not cached: statuses are as of now. */
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
      handler: (req) => req.server.tenure.db((ws) => searchCustomers(ws, req.query)),
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
      handler: (req) => req.server.tenure.db((ws) => customer360(ws, req.params.id, req.query)),
    }),
  ],
};
