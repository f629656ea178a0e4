/**
 * Sessions, CSRF, API keys, login rate limiting and the audit log, over real HTTP.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, callFrom, expectProblem, PASSWORD, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ loginLimits: { perUser: 3, perIp: 8, windowSeconds: 10 } });
});
afterAll(() => s.close());

type AuditPage = {
  total: number;
  rows: { actor: string; role: string | null; method: string; route: string; target: string | null; status: number }[];
};

describe('sessions', () => {
  it('login sets an httpOnly, SameSite=Strict cookie; /me gives the CSRF token back; logout ends it', async () => {
    const c = new Client(s.url);
    const login = await c.login('analyst');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { username: 'analyst', role: 'analyst' } });
    const cookie = login.headers.get('set-cookie') ?? '';
    for (const attr of ['HttpOnly', 'SameSite=Strict', 'Path=/']) expect(cookie).toContain(attr);
    expect((await c.get('/api/v1/auth/me')).body).toEqual({
      user: { username: 'analyst', role: 'analyst', lang: null },
      csrf_token: c.csrf,
    });
    const out = await c.call('POST', '/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/tenure_session=;/);
    expectProblem(await c.get('/api/v1/status'), 401, 'TEN_UNAUTHENTICATED');
  });

  it('a wrong password and an unknown user fail alike, without a session', async () => {
    for (const [name, pw] of [
      ['viewer', 'not the password'],
      ['ghost', PASSWORD],
    ]) {
      const c = new Client(s.url);
      const r = await c.login(name as string, pw as string);
      expectProblem(r, 401, 'TEN_LOGIN_FAILED');
      expect(r.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token or with a wrong one, and accepts the right one', async () => {
    const c = new Client(s.url);
    await c.login('admin');
    const body = { json: { name: 'csrf test', role: 'viewer' } };
    expectProblem(await c.call('POST', '/api/v1/keys', body, { csrf: false }), 403, 'TEN_CSRF');
    expectProblem(
      await c.call('POST', '/api/v1/keys', body, { csrf: false, headers: { 'x-csrf-token': 'guess' } }),
      403,
      'TEN_CSRF',
    );
    const ok = await c.call('POST', '/api/v1/keys', body);
    expect(ok.status).toBe(201);
    // Reads need no token: SameSite=Strict keeps the cookie off cross-site requests anyway.
    expect((await c.get('/api/v1/keys')).status).toBe(200);
  });
});

describe('API keys', () => {
  it('work without CSRF tokens, stop at once when revoked, and malformed keys are refused', async () => {
    const admin = new Client(s.url, s.keys.admin);
    const created = await admin.call<{ id: string; key: string }>('POST', '/api/v1/keys', {
      json: { name: 'ci', role: 'analyst' },
    });
    expect(created.status).toBe(201);
    const listed = await admin.get<{ keys: Record<string, unknown>[] }>('/api/v1/keys');
    expect(listed.text).not.toContain(created.body.key);
    const ci = new Client(s.url, created.body.key);
    expect((await ci.get('/api/v1/auth/me')).body).toMatchObject({
      user: { username: `key:${created.body.id}`, role: 'analyst' },
    });
    expect((await admin.call('DELETE', `/api/v1/keys/${created.body.id}`)).status).toBe(200);
    expectProblem(await ci.get('/api/v1/status'), 401, 'TEN_UNAUTHENTICATED');
    expectProblem(await new Client(s.url, 'tnr_nonsense').get('/api/v1/status'), 401, 'TEN_UNAUTHENTICATED');
  });
});

describe('role changes', () => {
  it('apply at once to a logged-in user, and removing a user ends their session', async () => {
    const admin = new Client(s.url, s.keys.admin);
    await admin.call('POST', '/api/v1/users', { json: { username: 'mover', password: PASSWORD, role: 'viewer' } });
    const mover = new Client(s.url);
    await mover.login('mover');
    expectProblem(await mover.get('/api/v1/keys'), 403, 'TEN_FORBIDDEN');
    await admin.call('PATCH', '/api/v1/users/mover', { json: { role: 'admin' } });
    expect((await mover.get('/api/v1/keys')).status).toBe(200);
    await admin.call('DELETE', '/api/v1/users/mover');
    expectProblem(await mover.get('/api/v1/status'), 401, 'TEN_UNAUTHENTICATED');
  });
});

describe('login rate limit', () => {
  it('after 3 failures a name is locked for that address only (429 with Retry-After), until the window passes', async () => {
    const c = new Client(s.url);
    for (let i = 0; i < 3; i++) expectProblem(await c.login('admin', 'wrong password'), 401, 'TEN_LOGIN_FAILED');
    const locked = await c.login('admin');
    expectProblem(locked, 429, 'TEN_RATE_LIMITED');
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
    // The owner of the name, from another address, still signs in: the guesser cannot lock them out.
    const owner = await callFrom('127.0.0.2', s.url, 'POST', '/api/v1/auth/login', {
      json: { username: 'admin', password: PASSWORD },
    });
    expect(owner.status).toBe(200);
    // Another user from the same address is not locked (the address allows 8).
    expect((await new Client(s.url).login('analyst')).status).toBe(200);
    await sleep(wait * 1000 + 100);
    expect((await c.login('admin')).status).toBe(200);
  });

  it('an address that tries many names is locked for all of them, and only that address', async () => {
    const names = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'];
    for (const username of names) {
      const r = await callFrom('127.0.0.3', s.url, 'POST', '/api/v1/auth/login', {
        json: { username, password: 'wrong password' },
      });
      expect(r.body.code).toBe('TEN_LOGIN_FAILED');
    }
    const json = { username: 'viewer', password: PASSWORD };
    const locked = await callFrom('127.0.0.3', s.url, 'POST', '/api/v1/auth/login', { json });
    expect(locked.body.code).toBe('TEN_RATE_LIMITED');
    expect((await callFrom('127.0.0.4', s.url, 'POST', '/api/v1/auth/login', { json })).status).toBe(200);
  });
});

describe('audit log', () => {
  it('records every write by a known actor with who, role, route, target and status, refused ones included', async () => {
    const admin = new Client(s.url, s.keys.admin);
    const viewer = new Client(s.url, s.keys.viewer);
    const before = (await admin.get<AuditPage>('/api/v1/audit?page_size=1')).body.total;
    await admin.call('POST', '/api/v1/users', { json: { username: 'auditee', password: PASSWORD, role: 'viewer' } });
    await viewer.call('DELETE', '/api/v1/users/auditee');
    await admin.call('PATCH', '/api/v1/users/auditee', { json: { role: 'analyst' } });
    await admin.call('DELETE', '/api/v1/users/auditee');
    // Requests without valid credentials name nobody and are not written (they are rate-limited instead).
    await new Client(s.url).login('auditee');
    await new Client(s.url).call('POST', '/api/v1/users', {
      json: { username: 'x', password: PASSWORD, role: 'admin' },
    });
    await new Client(s.url, 'not-a-key').call('DELETE', '/api/v1/users/viewer');
    const page = (await admin.get<AuditPage>('/api/v1/audit?page_size=5')).body;
    expect(page.total).toBe(before + 4);
    const fields = ({ actor, role, method, route, target, status }: AuditPage['rows'][number]) => ({
      actor,
      role,
      method,
      route,
      target,
      status,
    });
    expect(page.rows.slice(0, 4).map(fields)).toEqual([
      {
        actor: expect.stringMatching(/^key:/),
        role: 'admin',
        method: 'DELETE',
        route: '/api/v1/users/:username',
        target: 'auditee',
        status: 204,
      },
      {
        actor: expect.stringMatching(/^key:/),
        role: 'admin',
        method: 'PATCH',
        route: '/api/v1/users/:username',
        target: 'auditee',
        status: 200,
      },
      {
        actor: expect.stringMatching(/^key:/),
        role: 'viewer',
        method: 'DELETE',
        route: '/api/v1/users/:username',
        target: 'auditee',
        status: 403,
      },
      {
        actor: expect.stringMatching(/^key:/),
        role: 'admin',
        method: 'POST',
        route: '/api/v1/users',
        target: 'auditee',
        status: 201,
      },
    ]);
  });

  it('does not record reads', async () => {
    const admin = new Client(s.url, s.keys.admin);
    const before = (await admin.get<AuditPage>('/api/v1/audit?page_size=1')).body.total;
    await admin.get('/api/v1/status');
    await admin.get('/api/v1/users');
    expect((await admin.get<AuditPage>('/api/v1/audit?page_size=1')).body.total).toBe(before);
  });
});
