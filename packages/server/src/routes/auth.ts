import { api, checkLogin, createSession, endSession, setUserLang, TenureError, tenureError } from '@tenure/core';
import { SESSION_COOKIE, setSessionCookie } from '../plugins/auth.ts';
import { type RouteGroup, route } from '../route.ts';

/** Logging in and out with a username and password; the browser keeps the session in an httpOnly cookie. */
export const auth: RouteGroup = {
  prefix: '/api/v1/auth',
  tag: 'auth',
  routes: [
    route({
      method: 'POST',
      url: '/login',
      config: { access: 'anyone' },
      schema: {
        summary: 'Log in: sets the session cookie and returns the CSRF token',
        body: api.loginBody,
        response: { 200: api.sessionResponse },
      },
      handler: async (req, reply) => {
        const ctx = req.server.tenure;
        const { username, password } = req.body;
        req.auditTarget = username;
        const wait = ctx.limiter.retryAfter(username, req.ip);
        if (wait > 0) throw tenureError('TEN_RATE_LIMITED', { seconds: wait }, {}, { retryAfter: wait });
        const user = await ctx
          .db((ws) => checkLogin(ws, username, password))
          .catch((e: unknown) => {
            if (e instanceof TenureError && e.code === 'TEN_LOGIN_FAILED') ctx.limiter.failed(username, req.ip);
            throw e;
          });
        ctx.limiter.succeeded(username, req.ip);
        const session = await ctx.db((ws) => createSession(ws, user.username));
        req.actor = { name: user.username, role: user.role, via: 'session', lang: user.lang };
        setSessionCookie(reply, session.token);
        return { user: { username: user.username, role: user.role, lang: user.lang }, csrf_token: session.csrfToken };
      },
    }),
    route({
      method: 'POST',
      url: '/logout',
      config: { access: 'viewer' },
      schema: { summary: 'End this session', response: { 204: api.noContent } },
      handler: async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await req.server.tenure.db((ws) => endSession(ws, token));
        req.server.tenure.forgetCredentials();
        setSessionCookie(reply, null);
        return reply.code(204).send(null);
      },
    }),
    route({
      method: 'GET',
      url: '/me',
      config: { access: 'viewer' },
      schema: {
        summary: 'Who is logged in, and the CSRF token again (for a reloaded page); empty token for API keys',
        response: { 200: api.sessionResponse },
      },
      handler: async (req) => {
        const actor = req.actor ?? { name: '', role: 'viewer' as const, lang: null };
        return {
          user: { username: actor.name, role: actor.role, lang: actor.lang ?? null },
          csrf_token: req.csrfToken ?? '',
        };
      },
    }),
    route({
      method: 'PUT',
      url: '/me',
      config: { access: 'viewer' },
      schema: {
        summary:
          "Keep the logged-in user's language: their requests' errors and texts use it when the request names none (`lang`)",
        body: api.preferencesBody,
        response: { 200: api.sessionResponse },
      },
      handler: async (req) => {
        const actor = req.actor!;
        if (actor.via !== 'session') throw tenureError('TEN_PREFERENCES_NEED_USER', { actor: actor.name });
        const user = await req.server.tenure.db((ws) => setUserLang(ws, actor.name, req.body.lang));
        // Cached sessions carry the old language: forget them, so the next request answers in the new one.
        req.server.tenure.forgetCredentials();
        return { user: { username: user.username, role: user.role, lang: user.lang }, csrf_token: req.csrfToken ?? '' };
      },
    }),
  ],
};
