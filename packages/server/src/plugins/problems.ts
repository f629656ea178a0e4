import { type api, TenureError, tenureError } from '@tenure/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

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

/** RFC 9457 problem details, with our code, hint and where (and the request id once there is a request). */
export function problemOf(e: TenureError, requestId?: string): api.Problem {
  const errors = e.details.errors as api.Problem['errors'] | undefined;
  const diagnostics = e.details.diagnostics as api.Problem['diagnostics'];
  return {
    type: `https://tenure.dev/errors/${e.code}`,
    title: e.message,
    status: e.status,
    code: e.code,
    detail: e.message,
    hint: e.hint,
    ...(Object.keys(e.where).length ? { where: { ...e.where } } : {}),
    ...(errors ? { errors } : {}),
    ...(diagnostics ? { diagnostics } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Send an error as application/problem+json (Retry-After on 429). */
export function sendProblem(reply: FastifyReply, e: TenureError): FastifyReply {
  const retry = e.details.retryAfter;
  if (typeof retry === 'number') reply.header('retry-after', String(retry));
  return reply.code(e.status).type('application/problem+json').send(problemOf(e, reply.request.id));
}

/** Every error of every route goes through here. */
export function installProblems(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => sendProblem(reply, asClientError(err, req)));
}
