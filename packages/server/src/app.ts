import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { api, tenureError, type Workspace } from '@tenure/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { ServerContext, type ServerOptions } from './context.ts';
import { installAuth } from './plugins/auth.ts';
import { installKeptCompression } from './plugins/compress-kept.ts';
import { installOpenApi } from './plugins/openapi.ts';
import { installProblems } from './plugins/problems.ts';
import { clientErrorHandler, frameworkErrors, installSecurityHeaders } from './plugins/security.ts';
import { installWeb } from './plugins/web.ts';
import type { RouteGroup } from './route.ts';
import { routeGroups } from './routes/index.ts';
import { memoSerializerCompiler } from './serialize.ts';
import { version } from './version.ts';

/** JSON bodies of the small routes; the event route sets its own larger limit. */
const BODY_LIMIT = 1024 * 1024;

/** What every operation documents besides its own schemas: tag, who may call it, and the problem responses. */
function documented(group: RouteGroup, r: RouteGroup['routes'][number]): RouteGroup['routes'][number] {
  const open = r.config.access === 'anyone';
  return {
    ...r,
    schema: {
      ...r.schema,
      tags: [group.tag],
      description: [r.schema?.description, `Access: ${open ? 'anyone' : `${r.config.access} or above`}.`]
        .filter(Boolean)
        .join('\n\n'),
      security: open ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }],
      response: { ...(r.schema?.response as object), '4xx': api.problemSchema, '5xx': api.problemSchema },
    },
  };
}

/**
 * The HTTP API over an open workspace, not listening: tests call `listen({ port: 0 })` on it, `startServer`
 * listens for `tenure serve`. Closing the app does not close the workspace.
 * @example const app = await buildApp(ws); await app.listen({ port: 0, host: '127.0.0.1' })
 */
export async function buildApp(ws: Workspace, opts: ServerOptions = {}): Promise<FastifyInstance> {
  // A workspace kept in ClickHouse (core's engine/clickhouse/record.ts): the routes read the local tables, empty there.
  if (ws.config.engine) throw tenureError('TEN_ENGINE_RECORD_UNSUPPORTED', { what: 'server' });
  const ctx = new ServerContext(ws, opts);
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT, frameworkErrors, clientErrorHandler });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(memoSerializerCompiler);
  app.decorate('tenure', ctx);
  installProblems(app);
  installSecurityHeaders(app);
  installKeptCompression(app);
  // Cookies are parsed in an onRequest hook, which must run before the one that checks the session.
  await app.register(cookie);
  installAuth(app);
  await app.register(multipart, { limits: { fileSize: ctx.maxUploadBytes, files: 1, fields: 20 } });
  await installOpenApi(app, version);
  for (const group of Object.values(routeGroups)) {
    await app.register(
      async (scope) => {
        for (const r of group.routes) scope.route(documented(group, r));
      },
      { prefix: group.prefix },
    );
  }
  await installWeb(app, ctx.webDir);
  // Deliveries left pending by an earlier run go out once the server is up, and stale metric rollups are
  // rebuilt; closing waits for a running pass and refresh.
  app.addHook('onReady', async () => {
    await ctx.leaveOneCore();
    ctx.webhooks.kick();
    ctx.rollups.kick();
    ctx.sla.kick();
    ctx.surveyTriggers.kick();
  });
  app.addHook('onClose', async () => {
    await ctx.sla.close();
    await ctx.surveyTriggers.close();
    await ctx.webhooks.close();
    await ctx.rollups.close();
    await ctx.closeConnections();
  });
  return app;
}
