/**
 * The access matrix: every route of the registry × anonymous / viewer / analyst / admin, over real HTTP,
 * with API keys and with browser sessions. A route added to the registry is in the matrix automatically,
 * and docs/api.md must name the same roles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allows, type Role } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/index.ts';
import { Client, expectProblem, ROLES, startServer, type TestServer } from './helpers.ts';

const sample: Record<string, string> = {
  name: 'churn_rate',
  id: 'C0000001',
  job_id: 'no-such-job',
  username: 'nobody',
  entity: 'orders',
};
const pathOf = (url: string) => url.replace(/:(\w+)/g, (_, p: string) => sample[p] ?? 'x');
const routes = routeTable();

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

/** Call a route with a harmless body: an empty object, refused by validation where a body is required. */
const hit = (c: Client, method: string, url: string) =>
  c.call(method, pathOf(url), method === 'GET' || method === 'DELETE' ? {} : { json: {} });

function expectAllowedOrDenied(r: Awaited<ReturnType<typeof hit>>, allowed: boolean, what: string) {
  if (allowed) {
    expect([401, 403], `${what} should be allowed: ${r.text.slice(0, 200)}`).not.toContain(r.status);
    expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
  } else expectProblem(r, 403, 'TEN_FORBIDDEN');
}

describe('access matrix', () => {
  it('covers every route of the registry, and at least one route per access level', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(new Set(routes.map((r) => r.access))).toEqual(new Set(['anyone', ...ROLES]));
  });

  it('anonymous callers get 401 everywhere but health and login', async () => {
    const anon = new Client(s.url);
    for (const r of routes) {
      const reply = await hit(anon, r.method, r.url);
      if (r.access === 'anyone') expect(reply.status, `${r.method} ${r.url}`).not.toBe(401);
      else expectProblem(reply, 401, 'TEN_UNAUTHENTICATED');
    }
  });

  for (const role of ROLES) {
    it(`${role} with an API key: allowed exactly where the route's role allows`, async () => {
      const c = new Client(s.url, s.keys[role]);
      for (const r of routes) {
        if (r.access === 'anyone') continue;
        expectAllowedOrDenied(await hit(c, r.method, r.url), allows(role, r.access), `${role} ${r.method} ${r.url}`);
      }
    });

    it(`${role} with a session and its CSRF token: the same`, async () => {
      const c = new Client(s.url);
      expect((await c.login(role)).status).toBe(200);
      // Logging out would end the session the rest of the loop uses; it is covered in auth.test.ts.
      for (const r of routes.filter((x) => x.access !== 'anyone' && !x.url.endsWith('/logout'))) {
        expectAllowedOrDenied(
          await hit(c, r.method, r.url),
          allows(role, r.access as Role),
          `${role} ${r.method} ${r.url}`,
        );
      }
    });
  }

  it('docs/api.md lists every route with the role the server enforces, and nothing else', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'api.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| ([A-Z/]+) \| `([^`]+)` \| (\w+) \|/gm)].flatMap(
      ([, methods, path, role]) => (methods as string).split('/').map((m) => `${m} ${path} ${role}`),
    );
    const served = routes.map((r) => `${r.method} ${r.url} ${r.access}`);
    expect(documented.sort()).toEqual(served.sort());
  });
});
