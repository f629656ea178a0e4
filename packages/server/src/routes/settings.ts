import { allows, api, type TenureConfig, updateSettings } from '@tenure/core';
import { type RouteGroup, route } from '../route.ts';

/**
 * Webhook URLs often carry a token in their path or query, so only admins (who manage them under
 * /api/v1/alerts/settings) see them whole; others see the origin.
 */
function forRole(config: TenureConfig, admin: boolean): TenureConfig {
  if (admin) return config;
  const webhooks = config.prediction.webhooks.map((w) => ({ ...w, url: `${new URL(w.url).origin}/…` }));
  return { ...config, prediction: { ...config.prediction, webhooks } };
}

/** The workspace config: how churn is defined, the calendar, the dimensions. */
export const settings: RouteGroup = {
  prefix: '/api/v1/settings',
  tag: 'workspace',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: { summary: 'The workspace config (tenure.config.json)', response: { 200: api.settingsResponse } },
      handler: (req) => {
        const admin = !!req.actor && allows(req.actor.role, 'admin');
        // A copy to cache: the cache freezes what it keeps (its JSON is kept beside it), and the config is not ours to freeze.
        return req.server.tenure.memo(['settings', admin], async () => ({
          ...forRole(req.server.tenure.ws.config, admin),
        }));
      },
    }),
    route({
      method: 'PUT',
      url: '',
      config: { access: 'admin' },
      schema: {
        summary: 'Change part of the config; checked as a whole, every problem listed (422 TEN_CONFIG_INVALID)',
        body: api.settingsBody,
        response: { 200: api.settingsResponse },
      },
      // In the write lane: cached views computed under the old settings are dropped.
      handler: (req) => req.server.tenure.write(async () => updateSettings(req.server.tenure.ws, req.body), 'settings'),
    }),
  ],
};
