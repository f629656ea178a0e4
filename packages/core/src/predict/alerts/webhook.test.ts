/**
 * Webhook delivery against a real HTTP server on 127.0.0.1: signed bodies, retries with exponential backoff,
 * failures after the last attempt, and an outbox that survives closing the workspace before delivery.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../../sql/sql.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { defaultPredictionConfig } from '../config.ts';
import { listAlerts } from './inbox.ts';
import { type AlertRow, storeAlerts } from './raise.ts';
import { deliverPending, deliverWebhooks } from './webhook.ts';

const SECRET = 'shh-test-secret';
const env = { TENURE_TEST_WEBHOOK_SECRET: SECRET };

interface Received {
  at: number;
  body: string;
  delivery: string;
  signature: string;
}

let server: Server;
let url: string;
let received: Received[] = [];
/** Status codes to answer with, in order; 200 once they run out. */
let script: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({
        at: performance.now(),
        body,
        delivery: String(req.headers['x-tenure-delivery']),
        signature: String(req.headers['x-tenure-signature']),
      });
      res.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tenure`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let dir: string;
let ws: Workspace;
beforeEach(async () => {
  received = [];
  script = [];
  dir = mkdtempSync(join(tmpdir(), 'tenure-webhook-'));
  const prediction = { ...defaultPredictionConfig(), webhooks: [{ url, secret_env: 'TENURE_TEST_WEBHOOK_SECRET' }] };
  ws = await initWorkspace(join(dir, 'ws'), { config: { prediction } });
  return async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

const alert = (customerId: string): AlertRow => ({
  customerId,
  rule: 'complaint_past_sla',
  severity: 'high',
  en: '1 complaint unanswered past SLA',
  zh: '1 个投诉超过 SLA 未响应',
  detail: JSON.stringify({ probability: 0.42, tier: 'high', previousTier: 'medium' }),
});

/** Check a signature header the way a receiver would: HMAC-SHA256 over "<t>.<body>". */
function verify(r: Received): boolean {
  const [t, v1] = r.signature.split(',').map((p) => p.split('=')[1]);
  return v1 === createHmac('sha256', SECRET).update(`${t}.${r.body}`).digest('hex');
}

describe('webhook delivery', () => {
  it('POSTs each alert as signed JSON, retrying failures after 50, 100 ms … until delivered', async () => {
    expect(await storeAlerts(ws, 1, '2025-12-01', [alert('C1'), alert('C2')])).toBe(2);
    script = [500, 503, 500];
    const pass = await deliverPending(ws, { baseDelayMs: 50, waitMs: 10_000, env });
    expect(pass).toMatchObject({ delivered: 2, failed: 0, nextDueInMs: null });
    expect(received).toHaveLength(5);
    expect(received.every(verify)).toBe(true);
    const first = received.filter((r) => r.delivery === received[0]!.delivery);
    // Delivery 1 failed twice (500, 500 after the 503 of delivery 2): waits of at least 50 then 100 ms.
    expect(first).toHaveLength(3);
    expect(first[1]!.at - first[0]!.at).toBeGreaterThanOrEqual(49);
    expect(first[2]!.at - first[1]!.at).toBeGreaterThanOrEqual(99);
    const body = JSON.parse(received.at(-1)!.body);
    expect(body).toMatchObject({ rule: 'complaint_past_sla', severity: 'high', as_of: '2025-12-01' });
    expect(body.message['zh-CN']).toBe('1 个投诉超过 SLA 未响应');
    expect(body.detail).toEqual({ probability: 0.42, tier: 'high', previousTier: 'medium' });
    const inbox = (await listAlerts(ws)).rows;
    expect(inbox.map((a) => a.deliveries)).toEqual([
      { delivered: 1, pending: 0, failed: 0 },
      { delivered: 1, pending: 0, failed: 0 },
    ]);
  });

  it('a tampered body does not verify', async () => {
    await storeAlerts(ws, 1, '2025-12-01', [alert('C1')]);
    await deliverWebhooks(ws, { env });
    expect(verify({ ...received[0]!, body: received[0]!.body.replace('C1', 'C9') })).toBe(false);
  });

  it('gives up after the last attempt and keeps the row, with its error, as failed', async () => {
    await storeAlerts(ws, 1, '2025-12-01', [alert('C1')]);
    script = [500, 500, 500];
    const pass = await deliverPending(ws, { baseDelayMs: 10, maxAttempts: 3, waitMs: 5_000, env });
    expect(pass).toMatchObject({ delivered: 0, failed: 1, nextDueInMs: null });
    const [row] = await ws.db.all(sql`SELECT status, attempts, last_error FROM webhook_outbox`);
    expect(row).toEqual({ status: 'failed', attempts: 3, last_error: 'HTTP 500' });
  });

  it('loses nothing on restart: what was queued before closing is delivered after reopening', async () => {
    await storeAlerts(ws, 1, '2025-12-01', [alert('C1'), alert('C2'), alert('C3')]);
    await ws.close();
    ws = await openWorkspace(join(dir, 'ws'));
    const pass = await deliverWebhooks(ws, { env });
    expect(pass.delivered).toBe(3);
    expect(received.map((r) => JSON.parse(r.body).customer_id).sort()).toEqual(['C1', 'C2', 'C3']);
  });

  it('waits for the secret: without it nothing is sent and the delivery is retried later', async () => {
    await storeAlerts(ws, 1, '2025-12-01', [alert('C1')]);
    const pass = await deliverWebhooks(ws, { env: {} });
    expect(pass).toMatchObject({ delivered: 0, retrying: 1 });
    expect(received).toHaveLength(0);
    const [row] = await ws.db.all<{ last_error: string }>(sql`SELECT last_error FROM webhook_outbox`);
    expect(row!.last_error).toMatch(/TENURE_TEST_WEBHOOK_SECRET/);
  });
});
