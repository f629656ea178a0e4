import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { accepts } from '../prepared.ts';

const gzipped = promisify(gzip);
const brotlied = promisify(brotliCompress);

/**
 * Answers of at least this many bytes are worth compressing: below it the header and the client's unpacking
 * cost about what the bytes do.
 */
const MIN_BYTES = 4096;

/**
 * Brotli's quality: 5 makes the metric catalogue 9.9 KB (gzip 10.7 KB, the best quality 8.9 KB) in 2 ms of a zlib
 * thread, where the best took 15–50 ms per answer, on the threads DuckDB's statements share.
 */
const BROTLI_QUALITY = 5;

/** A kept answer's compressed forms. */
interface Packed {
  br: Buffer;
  gzip: Buffer;
}

/**
 * Per kept answer, per route and status (the same object may be encoded by two schemas): 'seen' after its first
 * answer, 'pending' while it is compressed, then its compressed forms.
 */
const compressed = new WeakMap<object, Map<string, Packed | 'seen' | 'pending'>>();

declare module 'fastify' {
  interface FastifyRequest {
    /** The cached view (a frozen object, cache.ts) this request answers with, if any. */
    keptAnswer: object | null;
  }
}

async function pack(json: string): Promise<Packed> {
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  };
  const [br, gz] = await Promise.all([brotlied(json, { params }), gzipped(json, { level: 6 })]);
  return { br, gzip: gz };
}

/**
 * Kept answers sent compressed to clients that accept it (browsers do): brotli, else gzip. At a hundred
 * connections on two cores, a cached view's time is mostly its bytes: the metric catalogue (35 KB) held 2,700
 * requests/s with p99 66 ms while a 7.6 KB overview held 20,000 at 13 ms. A cached view is the same frozen
 * object for every request until a write drops it (cache.ts), and its JSON is kept beside it (serialize.ts): so
 * are its compressed forms here, made once off the event loop (zlib's threads) after its second answer; the first
 * two go uncompressed.
 */
export function installKeptCompression(app: FastifyInstance): void {
  app.decorateRequest('keptAnswer', null);
  // Callback hooks, not async: they run on every answer, and a promise per hook is measurable at 20,000/s.
  app.addHook('preSerialization', (req, _reply, payload, done) => {
    if (typeof payload === 'object' && payload !== null && Object.isFrozen(payload)) req.keptAnswer = payload;
    done(null, payload);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    const answer = req.keptAnswer;
    if (!answer || typeof payload !== 'string' || payload.length < MIN_BYTES || reply.hasHeader('content-encoding'))
      return done(null, payload);
    reply.header('vary', 'accept-encoding');
    const header = req.headers['accept-encoding'];
    const coding = accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : null;
    if (!coding) return done(null, payload);
    const forms = compressed.get(answer) ?? new Map<string, Packed | 'seen' | 'pending'>();
    compressed.set(answer, forms);
    const key = `${reply.statusCode} ${req.routeOptions.url}`;
    const kept = forms.get(key);
    if (kept && kept !== 'pending' && kept !== 'seen') {
      reply.header('content-encoding', coding);
      return done(null, kept[coding]);
    }
    // Compressed from its second answer on: an answer asked once (an agent's inbox page, dropped by the next case
    // write) is not worth it, and compressing each such answer kept zlib's threads, which DuckDB's statements
    // share, busy under a team's writes (statements waited seconds behind brotli).
    if (kept === undefined) forms.set(key, 'seen');
    else if (kept === 'seen') {
      forms.set(key, 'pending');
      pack(payload).then(
        (p) => forms.set(key, p),
        () => forms.delete(key),
      );
    }
    done(null, payload);
  });
}
