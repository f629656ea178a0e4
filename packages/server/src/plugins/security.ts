import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { tenureError } from '@tenure/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asClientError, problemOf, sendProblem } from './problems.ts';

/**
 * One Content-Security-Policy for the dashboard, Swagger UI and the API. Scripts only from this origin (the
 * built dashboard and swagger-ui load theirs as files); styles also inline, because antd and swagger-ui set
 * style attributes and inject <style> elements at run time; images also as data: and blob: URLs (charts saved
 * as pictures). No page may frame ours (clickjacking).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const headers = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Security headers on every response: pages, static files, API replies and errors alike. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
}

/**
 * Errors Fastify meets before a route runs (a URL that does not decode, a parameter too long): the same
 * problem+json as every other error. Passed as the `frameworkErrors` option.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  reply.headers(headers);
  sendProblem(reply, asClientError(err, req));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, a malformed request line,
 * a request that took too long): written to the socket as problem+json too. Passed as `clientErrorHandler`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const e =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? tenureError('TEN_HEADERS_TOO_LARGE', {})
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? tenureError('TEN_REQUEST_TIMEOUT', {})
        : tenureError('TEN_BAD_REQUEST', { detail: 'the request is not valid HTTP' });
  const body = JSON.stringify(problemOf(e));
  if (socket.writable) {
    const lines = [
      `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status] ?? ''}`,
      'content-type: application/problem+json',
      `content-length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      'connection: close',
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
