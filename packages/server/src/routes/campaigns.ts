import {
  type Actor,
  api,
  assignmentCsv,
  assignmentRows,
  campaignPower,
  createCampaign,
  crmRoi,
  getCampaign,
  listCampaigns,
  measureCampaign,
  moveCampaign,
} from '@tenure/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type RouteGroup, route } from '../route.ts';

/**
 * A body as core takes it: core checks a design or a power request with the same schema and names each bad option
 * (TEN_BAD_OPTION, 400), and bad values it can tell apart by code (TEN_EXPERIMENT_BAD_HOLDOUT,
 * TEN_CAMPAIGN_CURRENCY), so these routes attach Fastify's verdict rather than answer 400.
 */
const bodyOf = (req: FastifyRequest): Record<string, unknown> => {
  const b = req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};

/**
 * Campaigns as experiments (docs/campaigns.md): viewers read campaigns, their measurement, assignment lists, the
 * power calculation and the CRM ROI; analysts design, launch and finish them. A design writes its members
 * through the write lane (data rows, which cached views read).
 */
export const campaigns: RouteGroup = {
  prefix: '/api/v1',
  tag: 'campaigns',
  routes: [
    route({
      method: 'GET',
      url: '/campaigns',
      config: { access: 'viewer' },
      schema: { summary: 'Every campaign, the latest started first', response: { 200: api.campaignsResponse } },
      handler: async (req) => ({ campaigns: await req.server.tenure.db(listCampaigns) }),
    }),
    route({
      method: 'POST',
      url: '/campaigns',
      config: { access: 'analyst' },
      attachValidation: true,
      schema: {
        summary:
          'Design a campaign and draw its arms once → 201 (400 TEN_BAD_OPTION; 422 TEN_EXPERIMENT_BAD_HOLDOUT, TEN_CAMPAIGN_CURRENCY, TEN_CAMPAIGN_TARGET, TEN_CAMPAIGN_EMPTY_TARGET; 409 TEN_CAMPAIGN_EXISTS)',
        body: api.newCampaignBody,
        response: { 201: api.newCampaignResponse },
      },
      handler: async (req, reply) => {
        const r = await req.server.tenure.write((ws) => createCampaign(ws, req.actor as Actor, bodyOf(req)));
        req.auditTarget = r.campaign.id;
        return reply.code(201).send(r);
      },
    }),
    route({
      method: 'POST',
      url: '/campaigns/power',
      config: { access: 'viewer' },
      attachValidation: true,
      schema: {
        summary: 'Sample size for a minimum effect, or the minimum detectable effect of a planned size',
        body: api.powerBody,
        response: { 200: api.powerResponse },
      },
      handler: async (req) => campaignPower(bodyOf(req)),
    }),
    route({
      method: 'GET',
      url: '/campaigns/:id',
      config: { access: 'viewer' },
      schema: {
        summary: 'One campaign (404 TEN_CAMPAIGN_NOT_FOUND)',
        params: api.campaignParams,
        response: { 200: api.campaignResponse },
      },
      handler: (req) => req.server.tenure.db((ws) => getCampaign(ws, req.params.id)),
    }),
    ...(['launch', 'finish'] as const).map((wanted) =>
      route({
        method: 'POST',
        url: `/campaigns/:id/${wanted}`,
        config: { access: 'analyst' },
        schema: {
          summary: `${wanted === 'launch' ? 'Launch a draft' : 'Finish a launched campaign'} (409 TEN_CAMPAIGN_STATUS)`,
          params: api.campaignParams,
          response: { 200: api.campaignStatusResponse },
        },
        handler: async (req) => {
          const c = await req.server.tenure.write((ws) => moveCampaign(ws, req.params.id, wanted));
          req.auditTarget = c.id;
          return c;
        },
      }),
    ),
    route({
      method: 'GET',
      url: '/campaigns/:id/measure',
      config: { access: 'viewer' },
      schema: {
        summary:
          'The measurement: arms, reductions with intervals, KM per arm, bootstrap, CUPED, SRM, money (409 TEN_CAMPAIGN_NOT_LAUNCHED; 422 TEN_CAMPAIGN_NO_DELIVERY, TEN_CAMPAIGN_EMPTY_ARM, TEN_CAMPAIGN_TWICE_ASSIGNED)',
        params: api.campaignParams,
        querystring: api.measureQuery,
        response: { 200: api.measureResponse },
      },
      handler: (req) => req.server.tenure.db((ws) => measureCampaign(ws, req.params.id, req.query)),
    }),
    route({
      method: 'GET',
      url: '/campaigns/:id/export',
      config: { access: 'viewer' },
      schema: {
        summary: 'The assignment for the contact team: JSON rows, or CSV with format=csv',
        params: api.campaignParams,
        querystring: api.exportQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: api.exportResponse },
              'text/csv': { schema: z.string() },
            },
          },
        },
      },
      handler: async (req, reply) => {
        const { arm, format } = req.query;
        const members = await req.server.tenure.db((ws) => assignmentRows(ws, req.params.id, arm ? { arm } : {}));
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${req.params.id}.csv"`)
            .send(assignmentCsv(members));
        return { campaign_id: req.params.id, members };
      },
    }),
    route({
      method: 'GET',
      url: '/crm-roi',
      config: { access: 'viewer' },
      schema: {
        summary: 'CRM ROI of a period: programmes’ incremental gross profit vs CRM and retention costs',
        querystring: api.crmRoiQuery,
        response: { 200: api.crmRoiResponse },
      },
      handler: (req) => req.server.tenure.db((ws) => crmRoi(ws, req.query)),
    }),
  ],
};
