import {
  type Actor,
  api,
  assignCase,
  type CaseRow,
  cancelCase,
  commentCase,
  createCase,
  editCase,
  escalateTicket,
  getCase,
  listCases,
  moveCase,
  reopenCase,
  type Workspace,
} from '@tenure/core';
import type { FastifyRequest } from 'fastify';
import { auditEntry } from '../plugins/auth.ts';
import { type RouteGroup, route } from '../route.ts';
import { wireOnce } from '../serialize.ts';

/** How every write states the version it is based on, in each write's OpenAPI summary. */
const VERSIONED =
  'Send the case `version` you read in the body: if the case has changed since, nothing is written and the answer is 409 TEN_CASE_STALE with the current `version`';

/**
 * A write's body as core takes it. Core checks it with the same schema and names every bad field in one
 * TEN_CASE_FIELD (422) with `fields`, as for the CLI's flags, so these routes attach Fastify's verdict
 * (`attachValidation`) rather than answer 400. A body naming `at` is refused as the schema says (400): the
 * API's writes happen on the server's clock, and core alone would take the time.
 */
function bodyOf<I>(req: FastifyRequest): I {
  const body = req.body;
  if (req.validationError && body !== null && typeof body === 'object' && 'at' in body) throw req.validationError;
  return (body ?? {}) as I;
}

/**
 * A write by the authenticated user (never a name in the body) in the case-write lane, which no import or rollup
 * holds (context.ts `caseWrite`). Its audit entry (the case, `status`) is written in the write's own transaction:
 * a refused write writes nothing, and the hook then records the refusal as for any request.
 */
function write(
  req: FastifyRequest,
  fn: (ws: Workspace, actor: Actor) => Promise<CaseRow>,
  status = 200,
): Promise<CaseRow> {
  return req.server.tenure.caseWrite(async (ws) => {
    const c = await fn({ ...ws, audit: auditEntry(req, status) }, req.actor as Actor);
    req.audited = true;
    return c;
  });
}

/** A write to one case: `POST /:id/<url>` (or `PATCH /:id`) with its body schema and core function. */
const caseWrite = <I>(
  method: 'POST' | 'PATCH',
  url: string,
  summary: string,
  body: (typeof api)[
    | 'moveCaseBody'
    | 'assignCaseBody'
    | 'editCaseBody'
    | 'commentCaseBody'
    | 'reopenCaseBody'
    | 'cancelCaseBody'],
  fn: (ws: Workspace, actor: Actor, id: string, input: I) => Promise<CaseRow>,
) =>
  route({
    method,
    url,
    config: { access: 'analyst' },
    attachValidation: true,
    schema: { summary: `${summary}. ${VERSIONED}`, params: api.caseParams, body, response: { 200: api.caseSchema } },
    handler: (req) => write(req, (ws, actor) => fn(ws, actor, req.params.id, bodyOf<I>(req))),
  });

/**
 * Cases through the handbook's five steps (docs/cases.md): viewers read the inbox and a case's timeline,
 * analysts open and work cases. Reads go through the read lane; writes through the case-write lane.
 */
export const cases: RouteGroup = {
  prefix: '/api/v1/cases',
  tag: 'cases',
  routes: [
    route({
      method: 'GET',
      url: '',
      config: { access: 'viewer' },
      schema: {
        summary:
          "A page of cases with the total and each case's SLA state, filtered by stage, kind, priority (each repeatable), owner, team, customer, `status=open|closed`, words of the subject (`q`), `overdue`, `mine` and `my_team` (the authenticated user's; 422 TEN_CASE_NEEDS_USER for an API key), sorted by `sort` (`due`: the next due time) and `order`",
        querystring: api.casesQuery,
        response: { 200: api.casesResponse },
      },
      // `mine` and `my_team` are the authenticated user's (an API key is no user: TEN_CASE_NEEDS_USER).
      handler: (req) =>
        req.server.tenure.db(async (ws) =>
          wireOnce(await listCases(ws, req.query, { user: (req.actor as Actor).name })),
        ),
    }),
    route({
      method: 'GET',
      url: '/:id',
      config: { access: 'viewer' },
      schema: {
        summary: 'One case with its SLA state, and its events newest first (404 TEN_CASE_NOT_FOUND)',
        params: api.caseParams,
        response: { 200: api.caseDetailResponse },
      },
      handler: (req) => req.server.tenure.db(async (ws) => api.toWire(await getCase(ws, req.params.id))),
    }),
    route({
      method: 'POST',
      url: '',
      config: { access: 'analyst' },
      attachValidation: true,
      schema: {
        summary:
          'Open a case on a customer at `received` (the id assigned unless given) → 201 the case at version 1; the creator is the authenticated user',
        body: api.createCaseBody,
        response: { 201: api.caseSchema },
      },
      handler: async (req, reply) =>
        reply.code(201).send(await write(req, (ws, actor) => createCase(ws, actor, bodyOf(req)), 201)),
    }),
    route({
      method: 'POST',
      url: '/escalations',
      config: { access: 'analyst' },
      attachValidation: true,
      schema: {
        summary:
          'Escalate a ticket (`ticket_id`) into a complaint case → `{case, created: true}`; a ticket escalated before → `{case, created: false}` with the case opened then (404 TEN_TICKET_NOT_FOUND for an unknown ticket)',
        body: api.escalateTicketBody,
        response: { 200: api.escalationResponse },
      },
      // One answer either way (200), `created` saying which: a client retrying an escalation gets the same shape.
      handler: async (req) => {
        const e = await req.server.tenure.caseWrite((ws) => escalateTicket(ws, req.actor as Actor, bodyOf(req)));
        req.auditTarget = e.case.case_id;
        return e;
      },
    }),
    caseWrite(
      'POST',
      '/:id/moves',
      'Move a case to its next step `to` with the `fields` that step records (422 TEN_CASE_FIELD naming each missing or bad one), or to cancelled (409 TEN_CASE_TRANSITION for a move the workflow does not allow)',
      api.moveCaseBody,
      moveCase,
    ),
    caseWrite(
      'POST',
      '/:id/assign',
      'Give a case to an `owner` (a user), a `team` or both; null takes either away',
      api.assignCaseBody,
      assignCase,
    ),
    caseWrite(
      'POST',
      '/:id/comments',
      "Add a `note` to a case's timeline; no field changes",
      api.commentCaseBody,
      commentCase,
    ),
    caseWrite(
      'POST',
      '/:id/reopen',
      'Reopen a closed case at `to` = received (default) or diagnosed, counted in `reopen_count`',
      api.reopenCaseBody,
      reopenCase,
    ),
    caseWrite('POST', '/:id/cancel', 'Cancel an open case; say why in `note`', api.cancelCaseBody, cancelCase),
    caseWrite(
      'PATCH',
      '/:id',
      'Correct a case: subject, description, priority, source_ref, and the fields of the steps it has reached, checked again as when taken',
      api.editCaseBody,
      editCase,
    ),
  ],
};
