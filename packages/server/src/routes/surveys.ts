import {
  type Actor,
  api,
  deleteSurvey,
  getSurvey,
  invitationsCsv,
  listInvitations,
  listSurveys,
  saveSurvey,
  sendSurvey,
  surveyOfLink,
  surveyResults,
  surveyVersions,
  tenureError,
} from '@tenure/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asClientError, sendProblem } from '../plugins/problems.ts';
import { type RouteGroup, route } from '../route.ts';

/** Core checks a definition with the same schema and names every bad part in one TEN_SURVEY_INVALID. */
const bodyOf = (req: FastifyRequest): Record<string, unknown> => {
  const b = req.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};

/** Where the dashboard is served: the links point at its answer page unless the sender names another base. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * Surveys (docs/voice.md, Surveys): viewers read definitions, invitations and results; analysts add, change,
 * remove and send them. Each change is a new version. Writes go through the case-write lane: small writes of
 * people's work, never queued behind an import.
 */
export const surveys: RouteGroup = {
  prefix: '/api/v1/surveys',
  tag: 'surveys',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary: 'Every survey at its latest version, with its counts of versions, invitations and answers',
        response: { 200: api.surveysResponse },
      },
      handler: async (req) => ({ surveys: await req.server.tenure.db(listSurveys) }),
    }),
    route({
      method: 'GET',
      url: '/:id',
      config: { access: 'viewer' },
      schema: {
        summary:
          'One survey at its latest version or `?version=`, with every version it has had (404 TEN_SURVEY_NOT_FOUND)',
        params: api.surveyParams,
        querystring: api.surveyQuery,
        response: { 200: api.surveyResponse },
      },
      handler: (req) =>
        req.server.tenure.db(async (ws) => ({
          ...(await getSurvey(ws, req.params.id, req.query.version)),
          versions: await surveyVersions(ws, req.params.id),
        })),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'analyst' },
      attachValidation: true,
      schema: {
        summary:
          'Add a survey → 201 at version 1 (422 TEN_SURVEY_INVALID naming each bad part, TEN_SURVEY_UNKNOWN_FIELD; 409 TEN_SURVEY_EXISTS)',
        body: api.newSurveyBody,
        response: { 201: api.surveyResponse },
      },
      handler: async (req, reply) => {
        const s = await req.server.tenure.caseWrite(async (ws) => {
          const saved = await saveSurvey(ws, req.actor as Actor, bodyOf(req));
          return { ...saved, versions: await surveyVersions(ws, saved.id) };
        });
        req.auditTarget = s.id;
        return reply.code(201).send(s);
      },
    }),
    route({
      method: 'PUT',
      url: '/:id',
      config: { access: 'analyst' },
      attachValidation: true,
      schema: {
        summary:
          'Change a survey: its whole definition with the `version` read → the next version, the old ones kept (409 TEN_SURVEY_STALE with the current `version`)',
        params: api.surveyParams,
        body: api.surveyChangeBody,
        response: { 200: api.surveyResponse },
      },
      handler: (req) => {
        req.auditTarget = req.params.id;
        const input = { ...bodyOf(req), id: req.params.id };
        return req.server.tenure.caseWrite(async (ws) => {
          const saved = await saveSurvey(ws, req.actor as Actor, input);
          return { ...saved, versions: await surveyVersions(ws, saved.id) };
        });
      },
    }),
    route({
      method: 'DELETE',
      url: '/:id',
      config: { access: 'analyst' },
      schema: {
        summary: 'Remove a survey nobody has answered, with its versions and links (409 TEN_SURVEY_IN_USE)',
        params: api.surveyParams,
        response: { 204: api.noContent },
      },
      handler: async (req, reply) => {
        req.auditTarget = req.params.id;
        await req.server.tenure.caseWrite((ws) => deleteSurvey(ws, req.params.id));
        return reply.code(204).send(null);
      },
    }),
    route({
      method: 'POST',
      url: '/:id/send',
      config: { access: 'analyst' },
      schema: {
        summary:
          'Make a link per respondent (a list, a segment `filter`, or the survey’s `triggers`), each token shown in this answer only; `?format=csv` answers the links as CSV for a mailing tool; `webhook` posts them, signed. 422 TEN_SURVEY_UNKNOWN_RESPONDENT, TEN_SURVEY_UNKNOWN_FIELD, TEN_SURVEY_WEBHOOK_SECRET',
        params: api.surveyParams,
        querystring: api.sendSurveyQuery,
        body: api.sendSurveyBody,
        response: {
          200: {
            content: {
              'application/json': { schema: api.sendSurveyResponse },
              'text/csv': { schema: z.string() },
            },
          },
        },
      },
      handler: async (req, reply) => {
        req.auditTarget = req.params.id;
        const body = { ...req.body, base_url: req.body.base_url ?? originOf(req) };
        const r = await req.server.tenure.caseWrite((ws) => sendSurvey(ws, req.params.id, body));
        if (req.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${req.params.id}-links.csv"`)
            .send(invitationsCsv(r.invitations));
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/:id/invitations',
      config: { access: 'viewer' },
      schema: {
        summary: 'The survey’s invitations, newest first (never a token: the workspace keeps only digests)',
        params: api.surveyParams,
        querystring: api.invitationsQuery,
        response: { 200: api.invitationsResponse },
      },
      handler: async (req) => {
        const { page, page_size, status } = req.query;
        const p = await req.server.tenure.db((ws) =>
          listInvitations(ws, req.params.id, { page, pageSize: page_size, ...(status ? { status } : {}) }),
        );
        return { total: p.total, page: p.page, page_size: p.pageSize, rows: p.rows };
      },
    }),
    route({
      method: 'GET',
      url: '/:id/results',
      config: { access: 'viewer' },
      schema: {
        summary:
          'Response rate, the main question’s NPS/CSAT/CES with its 95 % interval, every question’s distribution',
        params: api.surveyParams,
        querystring: api.resultsQuery,
        response: { 200: api.resultsResponse },
      },
      handler: (req) =>
        req.server.tenure.db((ws) =>
          surveyResults(ws, req.params.id, req.query.version ? { version: req.query.version } : {}),
        ),
    }),
  ],
};

/** The largest answer taken, bytes: fifty written answers of a few thousand Chinese characters fit. */
export const ANSWER_BODY_LIMIT = 256 * 1024;

/** 429 before the body is read: a flood from one address costs a map lookup, not a parse or a query. */
async function throttle(req: FastifyRequest): Promise<void> {
  const wait = req.server.tenure.answers.take(req.ip);
  if (wait > 0) throw tenureError('TEN_SURVEY_THROTTLED', { seconds: wait }, {}, { retryAfter: wait });
}

/** An oversized answer is the respondent's to shorten: its own code, not the import routes' "split the file". */
function answerErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return sendProblem(reply, tenureError('TEN_SURVEY_ANSWER_TOO_LARGE', { limit: `${ANSWER_BODY_LIMIT / 1024} KiB` }));
  return sendProblem(reply, asClientError(err, req));
}

/**
 * The public answer routes: no login, the link's token the only key, scoped to its one invitation. A refused
 * link (unknown, expired, used) or answer (TEN_SURVEY_ANSWER_INVALID naming the question) stores nothing.
 */
export const answers: RouteGroup = {
  prefix: '/api/v1/answers',
  tag: 'surveys',
  routes: [
    route({
      method: 'GET',
      url: '/:token',
      config: { access: 'anyone' },
      schema: {
        summary:
          'The survey of a link in its respondent’s language (404 TEN_SURVEY_LINK_UNKNOWN, 410 TEN_SURVEY_LINK_EXPIRED, 409 TEN_SURVEY_LINK_USED)',
        params: api.answerParams,
        response: { 200: api.publicSurveyResponse },
      },
      handler: (req) => req.server.tenure.db((ws) => surveyOfLink(ws, req.params.token)),
    }),
    route({
      method: 'POST',
      url: '/:token',
      config: { access: 'anyone' },
      bodyLimit: ANSWER_BODY_LIMIT,
      onRequest: throttle,
      errorHandler: answerErrors,
      attachValidation: true,
      schema: {
        summary:
          'Answer the survey of a link → 201, stored once (422 TEN_SURVEY_ANSWER_INVALID naming the question; 404/410/409 as for reading it; 413 TEN_SURVEY_ANSWER_TOO_LARGE; 429 TEN_SURVEY_THROTTLED with Retry-After)',
        params: api.answerParams,
        body: api.answerBody,
        response: { 201: api.answerResponse },
      },
      handler: async (req, reply) => {
        const a = await req.server.tenure.answerWrites.answer(req.params.token, req.body);
        return reply.code(201).send({
          response_id: a.response_id,
          survey_id: a.survey_id,
          version: a.version,
          answered_at: a.answered_at,
        });
      },
    }),
  ],
};
