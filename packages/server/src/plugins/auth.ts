import { timingSafeEqual } from 'node:crypto';
import { allows, appendAudit, keyActor, SESSION_HOURS, sessionActor, tenureError } from '@tenure/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Credential } from '../context.ts';

export const SESSION_COOKIE = 'tenure_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The actor of a request: an API key when one is sent (a bad key is not retried as a cookie), else the session. */
async function identify(req: FastifyRequest): Promise<Credential | null> {
  const ctx = req.server.tenure;
  const auth = req.headers.authorization;
  if (auth) {
    const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!key) return null;
    return ctx.credential(`key ${key}`, async (ws) => {
      const actor = await keyActor(ws, key);
      return actor ? { actor, csrfToken: null } : null;
    });
  }
  const token = req.cookies[SESSION_COOKIE];
  return token ? ctx.credential(`session ${token}`, (ws) => sessionActor(ws, token)) : null;
}

/**
 * Enforce each route's declared access before its body is read: anonymous → 401; a cookie session on an
 * unsafe method without its CSRF token → 403 TEN_CSRF (a cross-site form cannot read the token); a role below
 * the route's → 403. API keys need no CSRF token: browsers never attach them on their own.
 */
async function authorize(req: FastifyRequest): Promise<void> {
  const access = req.routeOptions.config.access;
  if (!access || access === 'anyone') return;
  const who = await identify(req);
  if (!who) throw tenureError('TEN_UNAUTHENTICATED', {});
  req.actor = who.actor;
  req.csrfToken = who.csrfToken;
  if (who.csrfToken !== null && UNSAFE.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameText(sent, who.csrfToken)) throw tenureError('TEN_CSRF', {});
  }
  if (!allows(who.actor.role, access)) throw tenureError('TEN_FORBIDDEN', { role: who.actor.role, needed: access });
}

/** Append every write to an API route to the audit log, refused ones included, before the response leaves. */
async function audit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.routeOptions.config.access || !UNSAFE.has(req.method)) return;
  const params = Object.values((req.params ?? {}) as Record<string, string>).join('/');
  try {
    await req.server.tenure.db((ws) =>
      appendAudit(ws, {
        actor: req.actor?.name ?? 'anonymous',
        role: req.actor?.role ?? null,
        method: req.method,
        route: req.routeOptions.url ?? req.url,
        target: req.auditTarget ?? (params || null),
        status: reply.statusCode,
        ip: req.ip,
      }),
    );
  } catch (err) {
    req.log.error({ err }, 'could not write the audit log');
  }
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
  app.addHook('onRequest', authorize);
  app.addHook('onSend', async (req, reply, payload) => {
    await audit(req, reply);
    return payload;
  });
}
