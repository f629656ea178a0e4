import { timingSafeEqual } from 'node:crypto';
import { type AuditEntry, allows, appendAudit, keyActor, SESSION_HOURS, sessionActor, tenureError } from '@tenure/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Credential } from '../context.ts';

export const SESSION_COOKIE = 'tenure_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The actor of a request: an API key when one is sent (a bad key is not retried as a cookie), else the session.
 * With `cachedOnly` (an address out of anonymous requests) only credentials verified recently count, so a flood
 * of made-up keys costs no lookups.
 */
async function identify(req: FastifyRequest, cachedOnly: boolean): Promise<Credential | null> {
  const ctx = req.server.tenure;
  const auth = req.headers.authorization;
  if (auth) {
    const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!key) return null;
    return ctx.credential(
      `key ${key}`,
      async (ws) => {
        const actor = await keyActor(ws, key);
        return actor ? { actor, csrfToken: null } : null;
      },
      cachedOnly,
    );
  }
  const token = req.cookies[SESSION_COOKIE];
  return token ? ctx.credential(`session ${token}`, (ws) => sessionActor(ws, token), cachedOnly) : null;
}

/** Count a request without valid credentials against its address (429 TEN_TOO_MANY_REQUESTS past the limit). */
function countAnonymous(req: FastifyRequest): void {
  const wait = req.server.tenure.anonymous.take(req.ip);
  if (wait > 0) throw tenureError('TEN_TOO_MANY_REQUESTS', { seconds: wait }, {}, { retryAfter: wait });
}

/**
 * Enforce each route's declared access before its body is read: anonymous → 401; a cookie session on an
 * unsafe method without its CSRF token → 403 TEN_CSRF (a cross-site form cannot read the token); a role below
 * the route's → 403. API keys need no CSRF token: browsers never attach them on their own. API requests
 * without valid credentials (open routes such as login included) are rate-limited per address.
 */
async function authorize(req: FastifyRequest): Promise<void> {
  const access = req.routeOptions.config.access;
  if (!access) return;
  // Open routes need no credential, but a valid one exempts the request from the anonymous limit. It is
  // looked up like on any route (from memory for 30 s after a lookup) until the address is out of anonymous
  // requests: from memory only, a key's first request after those 30 s was counted as anonymous, and a
  // monitor polling /health with its key got 429s.
  if (access === 'anyone') {
    if (!(await identify(req, req.server.tenure.anonymous.exhausted(req.ip)))) countAnonymous(req);
    return;
  }
  const who = await identify(req, req.server.tenure.anonymous.exhausted(req.ip));
  if (!who) {
    countAnonymous(req);
    throw tenureError('TEN_UNAUTHENTICATED', {});
  }
  req.actor = who.actor;
  req.csrfToken = who.csrfToken;
  if (who.csrfToken !== null && UNSAFE.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameText(sent, who.csrfToken)) throw tenureError('TEN_CSRF', {});
  }
  if (!allows(who.actor.role, access)) throw tenureError('TEN_FORBIDDEN', { role: who.actor.role, needed: access });
}

/**
 * Append every write to an API route by a known actor to the audit log, refused ones included (a role too low,
 * a missing CSRF token), before the response leaves. Requests without valid credentials are not written: they
 * name nobody, and a flood of them would fill the log and hold the database (they are rate-limited instead).
 */
async function audit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.routeOptions.config.access || !UNSAFE.has(req.method) || !req.actor || req.audited) return;
  const entry = auditEntry(req, reply.statusCode);
  try {
    await req.server.tenure.db((ws) => appendAudit(ws, entry));
  } catch (err) {
    req.server.tenure.errors.write(`audit row of request ${req.id}`, err);
  }
}

/** The audit entry of an authenticated request with the outcome `status`. */
export function auditEntry(req: FastifyRequest, status: number): AuditEntry {
  const params = Object.values((req.params ?? {}) as Record<string, string>).join('/');
  return {
    actor: req.actor?.name ?? '',
    role: req.actor?.role ?? null,
    method: req.method,
    route: req.routeOptions.url ?? req.url,
    target: req.auditTarget ?? (params || null),
    status,
    ip: req.ip,
  };
}

/** The session cookie: httpOnly (scripts cannot read it) and SameSite=Strict (no cross-site requests carry it). */
export function setSessionCookie(reply: FastifyReply, token: string | null): void {
  const o = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: reply.server.tenure.secureCookies,
    maxAge: SESSION_HOURS * 3600,
  } as const;
  if (token) reply.setCookie(SESSION_COOKIE, token, o);
  else reply.clearCookie(SESSION_COOKIE, o);
}

export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('auditTarget', null);
  app.decorateRequest('audited', false);
  app.addHook('onRequest', authorize);
  app.addHook('onSend', async (req, reply, payload) => {
    await audit(req, reply);
    if (UNSAFE.has(req.method)) req.server.tenure.requestWrote();
    return payload;
  });
}
