import { acknowledgeAlerts, api, listAlerts, updateSettings } from '@tenure/core';
import { langOf } from '../lang.ts';
import { type RouteGroup, route } from '../route.ts';

/**
 * The early-warning inbox (alerts raised by scoring, with their webhook deliveries), acknowledging alerts, and
 * the rules, tiers and webhooks. The settings are for admins only, reading included: a webhook URL often
 * carries its receiver's token.
 */
export const alerts: RouteGroup = {
  prefix: '/api/v1/alerts',
  tag: 'churn',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary:
          "A page of alerts (one per customer and scoring, or a run's summary of those over its cap), newest first, with the total, in the request's language, filtered by rule, severity, customer and `open=true`",
        querystring: api.alertsQuery,
        response: { 200: api.alertsResponse },
      },
      handler: (req) => {
        const lang = langOf(req);
        return req.server.tenure.view(['alerts', lang, req.query], async (ws) => {
          const { lang: _, customer, ...q } = api.camelKeys(req.query);
          const found = await listAlerts(ws, { ...q, ...(customer ? { customerId: customer } : {}) });
          return api.toWire({ ...found, rows: found.rows.map((a) => ({ ...a, message: a.message[lang] })) });
        });
      },
    }),
    route({
      method: 'POST',
      url: '/acknowledge',
      config: { access: 'analyst' },
      schema: {
        summary: 'Acknowledge alerts by id: their rule may speak again for that customer at the next scoring',
        body: api.acknowledgeBody,
        response: { 200: api.acknowledgeResponse },
      },
      handler: (req) => {
        req.auditTarget = req.body.ids.join(',');
        return req.server.tenure.db(async (ws) => ({ acknowledged: await acknowledgeAlerts(ws, req.body.ids) }));
      },
    }),
    route({
      method: 'GET',
      url: '/settings',
      config: { access: 'admin' },
      schema: {
        summary: 'The prediction settings: horizon, risk tiers, alert rules and webhooks',
        response: { 200: api.alertSettingsResponse },
      },
      handler: async (req) => req.server.tenure.ws.config.prediction,
    }),
    route({
      method: 'PUT',
      url: '/settings',
      config: { access: 'admin' },
      schema: {
        summary: 'Change the tiers and rules (key by key) or the webhooks; checked as a whole (422 TEN_CONFIG_INVALID)',
        body: api.alertSettingsBody,
        response: { 200: api.alertSettingsResponse },
      },
      handler: (req) =>
        req.server.tenure.write(
          async () => updateSettings(req.server.tenure.ws, { prediction: req.body }).prediction,
          'settings',
        ),
    }),
  ],
};
