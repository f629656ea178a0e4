/**
 * Errors in the caller's language over real HTTP: `?lang`, else the language the logged-in user chose (kept with
 * their user), else Accept-Language, else English. Compared with the code's own message and hint functions.
 */
import { type Lang, tenureError } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, expectProblem, type Reply, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

type Problem = { code: string; title: string; hint: string };

const missing = (c: Client, query = '', headers: Record<string, string> = {}) =>
  c.call<Problem>('GET', `/api/v1/customers/NOBODY${query}`, {}, { headers });

/** The 404 of an unknown customer, as its code words it in `lang` for an API client. */
function expectNotFoundIn(r: Reply<Problem>, lang: Lang): void {
  expectProblem(r, 404, 'TEN_CUSTOMER_NOT_FOUND');
  const said = tenureError('TEN_CUSTOMER_NOT_FOUND', { id: 'NOBODY' }).text(lang, 'api');
  expect(r.body.title).toBe(said.message);
  // Core's neutral hint, then the API's wording of the remedy (the customer search route).
  expect(r.body.hint.startsWith(said.hint)).toBe(true);
  expect(r.body.hint.length).toBeGreaterThan(said.hint.length);
  expect(r.headers.get('content-language')).toBe(lang);
}

describe("a logged-in user's language", () => {
  it('answers a zh user in Chinese without any language in the request, whatever the browser says', async () => {
    const c = new Client(s.url);
    await c.login('viewer');
    expectNotFoundIn(await missing(c), 'en');
    const set = await c.call<{ user: { lang: string | null } }>('PUT', '/api/v1/auth/me', { json: { lang: 'zh' } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.user.lang).toBe('zh-CN');
    expect((await c.get<{ user: { lang: string | null } }>('/api/v1/auth/me')).body.user.lang).toBe('zh-CN');
    // At once (no cached session speaks the old language), and above Accept-Language.
    expectNotFoundIn(await missing(c), 'zh-CN');
    expectNotFoundIn(await missing(c, '', { 'accept-language': 'en-US,en;q=0.9' }), 'zh-CN');
    // An explicit ?lang still wins.
    expectNotFoundIn(await missing(c, '?lang=en'), 'en');
    // The choice outlives the session: a new login answers in it too.
    const again = new Client(s.url);
    expect((await again.login('viewer')).body).toMatchObject({ user: { lang: 'zh-CN' } });
    expectNotFoundIn(await missing(again), 'zh-CN');
    await c.call('PUT', '/api/v1/auth/me', { json: { lang: 'en' } });
    expectNotFoundIn(await missing(again), 'en');
  });

  it('without a choice, Accept-Language decides, else English', async () => {
    const c = new Client(s.url);
    await c.login('analyst');
    expectNotFoundIn(await missing(c, '', { 'accept-language': 'zh-CN,zh;q=0.9' }), 'zh-CN');
    expectNotFoundIn(await missing(c), 'en');
  });

  it('refuses to keep a language for an API key, and an unknown language', async () => {
    const key = new Client(s.url, s.keys.viewer);
    expectProblem(await key.call('PUT', '/api/v1/auth/me', { json: { lang: 'zh' } }), 400, 'TEN_PREFERENCES_NEED_USER');
    const c = new Client(s.url);
    await c.login('admin');
    expectProblem(await c.call('PUT', '/api/v1/auth/me', { json: { lang: 'fr' } }), 400, 'TEN_BAD_REQUEST');
  });
});
