import type { Actor, Role } from '@tenure/core';
import type {
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerContext } from './context.ts';

/** Who may call a route: anyone (health, login) or a role and every role above it. */
export type Access = Role | 'anyone';

declare module 'fastify' {
  interface FastifyInstance {
    tenure: ServerContext;
  }
  interface FastifyRequest {
    /** Set by the auth plugin once the session cookie or API key is known. */
    actor: Actor | null;
    /** The session's CSRF token (null for API keys), for GET /auth/me. */
    csrfToken: string | null;
    /** What the audit log names as the target of a write; the route parameters when a handler sets none. */
    auditTarget: string | null;
    /** The write recorded its audit entry in its own transaction (routes/cases.ts), so the hook writes none. */
    audited: boolean;
  }
  interface FastifyContextConfig {
    /** Declared on every API route and enforced by the auth plugin; routes without it are not API routes. */
    access?: Access;
    /**
     * The body holds the options of a run (a model fit, a training): a bad value in it is a bad option,
     * TEN_BAD_OPTION, as the CLI refuses the same value; `groups` are nested option groups (`gbdt`), whose
     * settings are named on their own.
     */
    options?: { groups?: readonly string[] };
  }
}

type Options<S extends FastifySchema> = RouteOptions<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  unknown,
  S,
  ZodTypeProvider
>;

/** A route as data: method, path under its group's prefix, zod schemas, handler and who may call it. */
export type RouteDef = Options<FastifySchema> & { config: { access: Access } };

/**
 * Declare a route; the handler's request and reply are typed from the zod schemas.
 * @example route({ method: 'GET', url: '/', config: { access: 'viewer' }, schema: { response: { 200: s } }, handler })
 */
export const route = <S extends FastifySchema>(r: Options<S> & { config: { access: Access } }): RouteDef =>
  r as unknown as RouteDef;

/** The routes of one area, registered as one plugin under `prefix`. */
export interface RouteGroup {
  prefix: string;
  tag: string;
  routes: RouteDef[];
}
