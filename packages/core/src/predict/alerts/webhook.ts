/**
 * Webhook delivery from the outbox (the transactional-outbox pattern: alerts and their deliveries are stored
 * together, and a sender works through the stored rows, so a restart loses nothing; a crash between a POST and
 * its bookkeeping sends that alert again, so delivery is at least once and receivers dedupe on the
 * X-Tenure-Delivery id). Each POST carries the alert as JSON, signed like Stripe's webhooks:
 *   X-Tenure-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
 * with the secret read from the environment variable the config names. A failure (network error, timeout,
 * non-2xx) is retried after base × 2^(attempt − 1), capped at an hour, until `maxAttempts`; then the row is
 * marked failed and kept for inspection.
 */
import { createHmac } from 'node:crypto';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';

export interface DeliveryOptions {
  /** Delay before the first retry; doubled after each failure. Default 30 s. */
  baseDelayMs?: number;
  /** Attempts before a delivery is marked failed. Default 8. */
  maxAttempts?: number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  /** Where secrets come from; default process.env. */
  env?: Record<string, string | undefined>;
}

export interface DeliveryPass {
  delivered: number;
  retrying: number;
  failed: number;
  /** Milliseconds until the next pending delivery is due (null when none is pending). */
  nextDueInMs: number | null;
}

const MAX_DELAY_MS = 3_600_000;

/** The signature header of a body sent at `t` (unix seconds). */
export function signature(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

type Due = { delivery_id: number; url: string; secret_env: string; payload: string; attempts: number };

async function post(d: Due, o: Required<DeliveryOptions>): Promise<string | null> {
  const secret = o.env[d.secret_env];
  if (!secret) return `the environment variable ${d.secret_env} holding the webhook secret is not set`;
  const t = Math.floor(Date.now() / 1000);
  try {
    const r = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-tenure-delivery': String(d.delivery_id),
        'x-tenure-signature': signature(secret, t, d.payload),
      },
      body: d.payload,
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    await r.arrayBuffer();
    return r.ok ? null : `HTTP ${r.status}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * One pass over the deliveries due now: POST each, record the outcome, schedule retries.
 *
 * @example
 * const pass = await deliverWebhooks(ws); // { delivered: 3, retrying: 1, failed: 0, nextDueAt: … }
 */
export async function deliverWebhooks(ws: Workspace, opts: DeliveryOptions = {}): Promise<DeliveryPass> {
  const o = { baseDelayMs: 30_000, maxAttempts: 8, timeoutMs: 10_000, env: process.env, ...opts };
  const due = await ws.db.all<Due>(sql`SELECT delivery_id, url, secret_env, payload, attempts FROM webhook_outbox
    WHERE status = 'pending' AND next_attempt_at <= CAST(now() AS TIMESTAMP) ORDER BY delivery_id`);
  const pass: DeliveryPass = { delivered: 0, retrying: 0, failed: 0, nextDueInMs: null };
  for (const d of due) {
    const error = await post(d, o);
    const attempts = d.attempts + 1;
    if (!error) pass.delivered++;
    else if (attempts >= o.maxAttempts) pass.failed++;
    else pass.retrying++;
    const delay = Math.min(MAX_DELAY_MS, o.baseDelayMs * 2 ** (attempts - 1));
    await ws.db.run(sql`UPDATE webhook_outbox SET attempts = ${attempts}, last_error = ${error},
      status = ${error ? (attempts >= o.maxAttempts ? 'failed' : 'pending') : 'delivered'},
      delivered_at = CASE WHEN ${!error} THEN CAST(now() AS TIMESTAMP) END,
      next_attempt_at = CAST(now() AS TIMESTAMP) + to_milliseconds(CAST(${delay} AS BIGINT))
      WHERE delivery_id = ${d.delivery_id}`);
  }
  const [next] = await ws.db.all<{ ms: number | null }>(sql`SELECT
    date_diff('millisecond', CAST(now() AS TIMESTAMP), min(next_attempt_at)) AS ms
    FROM webhook_outbox WHERE status = 'pending'`);
  pass.nextDueInMs = next?.ms === null || next?.ms === undefined ? null : Math.max(0, next.ms);
  return pass;
}

/**
 * Deliver, then keep retrying what is due within `waitMs` (the CLI gives a scoring run a few seconds; a server
 * calls `deliverWebhooks` on a timer instead). Returns the totals and when the next retry is due.
 *
 * @example
 * await deliverPending(ws, { waitMs: 5_000 });
 */
export async function deliverPending(ws: Workspace, opts: DeliveryOptions & { waitMs: number }): Promise<DeliveryPass> {
  const end = Date.now() + opts.waitMs;
  const total: DeliveryPass = { delivered: 0, retrying: 0, failed: 0, nextDueInMs: null };
  for (;;) {
    const pass = await deliverWebhooks(ws, opts);
    total.delivered += pass.delivered;
    total.failed += pass.failed;
    total.retrying = pass.retrying;
    total.nextDueInMs = pass.nextDueInMs;
    if (pass.nextDueInMs === null || Date.now() + pass.nextDueInMs > end) return total;
    await new Promise((r) => setTimeout(r, pass.nextDueInMs!));
  }
}
