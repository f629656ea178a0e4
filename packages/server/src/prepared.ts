import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';

const gzipped = promisify(gzip);

/**
 * A large answer made once per data generation and sent as bytes: its JSON exactly as the route's serializer
 * writes it, its gzip form, and an ETag. A cached view's JSON was kept as text (serialize.ts), but
 * each request still encoded hundreds of kilobytes of it to UTF-8 and sent them all, to a dashboard that asks
 * with `Accept-Encoding` and, having the answer already, with `If-None-Match`.
 */
export interface Prepared {
  json: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Prepare `value` as the route's response schema encodes it, compressed off the event loop (zlib's threads). Gzip
 * only: on a Kaplan–Meier run (numbers to 17 digits) brotli at a quality that takes as long was no smaller.
 * @example const p = await prepare(api.latestRunResponse, api.toWire(run)); p.gzip.length < p.json.length
 */
export async function prepare<S extends ZodType>(schema: S, value: z.output<S>): Promise<Prepared> {
  const json = Buffer.from(JSON.stringify(z.encode(schema, value)));
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  return { json, gzip: await gzipped(json, { level: 6 }), etag };
}

/** Whether a request's `Accept-Encoding` accepts `coding` (one listed with q = 0 is refused). */
export function accepts(header: string | undefined, coding: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return name === coding && !(q && Number(q.slice(2)) === 0);
  });
}

/** Whether `If-None-Match` names this ETag (weakly compared, as RFC 9110 §13.1.2 says for this header) or is `*`. */
function unchanged(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * Send a prepared answer: 304 with no body when the client holds it (`If-None-Match`), else gzip when the client
 * accepts it, plain JSON otherwise. Caches may keep it per user and must ask again before using it
 * (`private, no-cache`): the data may change at any write.
 */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, p: Prepared): FastifyReply {
  reply.header('etag', p.etag).header('vary', 'accept-encoding').header('cache-control', 'private, no-cache');
  if (unchanged(req.headers['if-none-match'], p.etag)) return reply.code(304).send();
  const gzip = accepts(req.headers['accept-encoding'], 'gzip');
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.type('application/json; charset=utf-8').send(gzip ? p.gzip : p.json);
}
