import fastifyStatic from '@fastify/static';
import { tenureError } from '@tenure/core';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problems.ts';

/**
 * The dashboard's built files at /, when there are any. A path that is no file and not under /api gets
 * index.html, so the dashboard's own routes (/customers/C1) survive a reload; unknown /api paths get a 404
 * problem.
 */
export async function installWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  if (webDir) await app.register(fastifyStatic, { root: webDir, prefix: '/' });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (webDir && req.method === 'GET' && !path.startsWith('/api')) return reply.sendFile('index.html');
    return sendProblem(reply, tenureError('TEN_NOT_FOUND', { path }));
  });
}
