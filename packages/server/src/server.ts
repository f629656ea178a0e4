import type { Workspace } from '@tenure/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildApp } from './app.ts';
import type { ServerOptions } from './context.ts';
import { traceLoopStalls } from './loop-trace.ts';

/** Where to listen: the server's rule, which `tenure serve` parses its flags with (core's parseOptions). */
export const listenOptions = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
});

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  /** Stop accepting requests and wait for the running ones; the workspace stays open. */
  close(): Promise<void>;
}

/**
 * Build the app and listen: 127.0.0.1 by default, so a workspace is not exposed on the network by accident.
 * Port 0 picks a free port; `url` says which.
 * @example const s = await startServer(ws, { port: 8080 }); console.log(s.url)
 */
export async function startServer(
  ws: Workspace,
  opts: ServerOptions & { host?: string; port?: number } = {},
): Promise<RunningServer> {
  const app = await buildApp(ws, opts);
  const host = opts.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: opts.port ?? 8080 });
  } catch (e) {
    // The app became ready before the port was refused, so its onReady work (a webhook pass) may be running:
    // close it, which waits for that work, before the caller closes the workspace under it.
    await app.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const stopTrace = traceLoopStalls();
  return {
    url: `http://${shown}:${port}`,
    app,
    close: () => {
      stopTrace();
      return app.close();
    },
  };
}
