/**
 * The server's own records (keys, users, the audit log, imports, settings) are served from the view cache, and
 * every write request drops them: each read below follows a write and must show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
}, 120_000);
afterAll(() => s?.close());

describe('cached records', () => {
  it('show every write at once, and are read once between writes', async () => {
    const admin = new Client(s.url, s.keys.admin);
    const keys = async () => (await admin.get<{ keys: { name: string }[] }>('/api/v1/keys')).body.keys;
    const users = async () => (await admin.get<{ users: { username: string }[] }>('/api/v1/users')).body.users;
    const audit = async () => (await admin.get<{ total: number }>('/api/v1/audit')).body.total;
    const batches = async () => (await admin.get<{ total: number }>('/api/v1/imports')).body.total;
    const grace = async () =>
      (await admin.get<{ churn: { grace_days: number } }>('/api/v1/settings')).body.churn.grace_days;

    const before = { keys: await keys(), users: await users(), audit: await audit(), batches: await batches() };
    expect(await audit()).toBe(before.audit);
    // The same object twice: the second read came from the cache.
    expect((await admin.get('/api/v1/users')).text).toBe((await admin.get('/api/v1/users')).text);

    expect((await admin.call('POST', '/api/v1/keys', { json: { name: 'cached?', role: 'viewer' } })).status).toBe(201);
    expect((await keys()).map((k) => k.name)).toContain('cached?');
    expect(await audit()).toBe(before.audit + 1);

    const user = { username: 'new.agent', password: 'a long test passphrase', role: 'viewer' };
    expect((await admin.call('POST', '/api/v1/users', { json: user })).status).toBe(201);
    expect((await users()).map((u) => u.username)).toContain('new.agent');
    expect(await audit()).toBe(before.audit + 2);

    const order = { customer_id: 'C0000001', order_id: 'cached-1', ordered_at: '2025-06-02', amount: 10 };
    expect((await admin.call('POST', '/api/v1/events/orders', { json: { rows: [order] } })).status).toBe(200);
    expect(await batches()).toBe(before.batches + 1);

    const days = (await grace()) + 3;
    expect((await admin.call('PUT', '/api/v1/settings', { json: { churn: { grace_days: days } } })).status).toBe(200);
    expect(await grace()).toBe(days);
    expect(await audit()).toBe(before.audit + 4);
  });
});
