import { api, type OptionFix, optionFixes, type Surface, TenureError, tenureError } from '@tenure/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { langOf } from '../lang.ts';
import { apiHint } from './action-words.ts';

/** Fastify's own 4xx errors whose messages are about the request, never about our internals. */
const framework: Record<string, (e: FastifyError) => TenureError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => tenureError('TEN_PAYLOAD_TOO_LARGE', { limit: 'the route’s body limit' }),
  FST_REQ_FILE_TOO_LARGE: () => tenureError('TEN_PAYLOAD_TOO_LARGE', { limit: 'the upload limit' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) =>
    tenureError('TEN_UNSUPPORTED_MEDIA_TYPE', { type: e.message.split("'")[1] ?? '' }),
};

/**
 * Any error as the TenureError the client sees. Validation errors list every problem with its path;
 * anything unexpected becomes TEN_INTERNAL naming only the request id, so a stack or an SQL text never leaves
 * the server (it goes to the log).
 */
export function asClientError(err: unknown, req: FastifyRequest): TenureError {
  if (err instanceof TenureError && err.code !== 'TEN_INTERNAL') return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'request';
    const errors = err.validation.map((v) => ({
      path: `${where}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, ''),
      message: v.message ?? '',
    }));
    // A bad query parameter, or a bad value in a body of options, is a bad option, refused as the CLI refuses
    // the same value through the same schema.
    const options = req.routeOptions.config?.options;
    if (where === 'querystring' || (where === 'body' && options)) {
      const issues = err.validation.map((v) => ({
        ...v.params,
        code: v.keyword,
        // The body's root is `/`: no segment, not one empty one (which named the option "").
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return tenureError(
        'TEN_BAD_OPTION',
        {
          fixes: optionFixes(
            issues as Parameters<typeof optionFixes>[0],
            where === 'body' ? req.body : req.query,
            options?.groups,
          ),
        },
        {},
        { errors },
      );
    }
    return tenureError(
      'TEN_BAD_REQUEST',
      { detail: errors.map((e) => `${e.path}: ${e.message}`).join('; ') },
      {},
      { errors },
    );
  }
  const fe = err as FastifyError;
  const known = fe.code ? framework[fe.code] : undefined;
  if (known) return known(fe);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && fe.code?.startsWith('FST_'))
    return tenureError('TEN_BAD_REQUEST', { detail: fe.message });
  req.server.tenure.errors.write(req, err);
  return tenureError('TEN_INTERNAL', {
    detail: `see the server log (stderr and tenure.server.log) for request ${req.id}`,
  });
}

/** The header the dashboard's client sends, so hints name the page's controls rather than request fields. */
export const CLIENT_HEADER = 'x-tenure-client';

/** Who reads a problem: the dashboard when it says so, any other HTTP client otherwise. */
export const surfaceOf = (req: FastifyRequest): Surface => (req.headers[CLIENT_HEADER] === 'web' ? 'web' : 'api');

/**
 * RFC 9457 problem details, with our code, hint and where: message and hint in the request's language
 * (`?lang=`, else the logged-in user's choice, else Accept-Language: langOf), the hint worded for the dashboard or for an API client, and the request id.
 * Without a request (Node refused it before Fastify saw it): English, for an API client.
 */
export function problemOf(e: TenureError, req?: FastifyRequest): api.Problem {
  const errors = e.details.errors as api.Problem['errors'] | undefined;
  const diagnostics = e.details.diagnostics as api.Problem['diagnostics'];
  const lang = req ? langOf(req) : 'en';
  const on = req ? surfaceOf(req) : 'api';
  const { message, hint: neutral } = e.text(lang, on);
  // The dashboard words an error's remedies with its own controls; an API client reads the routes here.
  const remedies = e.remedies;
  const hint = on === 'api' ? apiHint(neutral, remedies, lang) : neutral;
  return {
    type: `https://tenure.dev/errors/${e.code}`,
    title: message,
    status: e.status,
    code: e.code,
    detail: message,
    hint,
    ...(Object.keys(e.where).length ? { where: api.toWire({ ...e.where }) } : {}),
    ...(errors ? { errors } : {}),
    ...(diagnostics ? { diagnostics: api.toWire(diagnostics) } : {}),
    // A bad option's fix as data, for a client that words it itself (the dashboard names its controls).
    ...(e.code === 'TEN_BAD_OPTION' ? { fixes: (e.args as { fixes: OptionFix[] }).fixes } : {}),
    ...(remedies.length ? { remedies } : {}),
    // A case's refusals as data: the version that won (TEN_CASE_STALE), each refused field (TEN_CASE_FIELD).
    ...(typeof e.details.version === 'number' ? { version: e.details.version } : {}),
    ...(Array.isArray(e.details.fields) ? { fields: e.details.fields as api.Problem['fields'] } : {}),
    ...(req ? { request_id: req.id } : {}),
  };
}

/** Send an error as application/problem+json (Retry-After on 429). */
export function sendProblem(reply: FastifyReply, e: TenureError): FastifyReply {
  const retry = e.details.retryAfter;
  if (typeof retry === 'number') reply.header('retry-after', String(retry));
  const problem = problemOf(e, reply.request);
  reply.header('content-language', langOf(reply.request));
  return reply.code(e.status).type('application/problem+json').send(problem);
}

/** Every error of every route goes through here. */
export function installProblems(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => sendProblem(reply, asClientError(err, req)));
}
