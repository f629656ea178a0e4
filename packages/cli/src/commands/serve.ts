import { resolve } from 'node:path';
import type { Workspace } from '@tenure/core';
import { isWorkspace, tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, fmtInt } from '../output.ts';

/** The demo `tenure serve` builds in an empty folder: the same business as `tenure demo`'s defaults. */
const DEMO = { customers: 20_000, months: 36, seed: 42 };

/**
 * The first admin of a workspace without one who can sign in (users added with `tenure users add` before the
 * first start may all be viewers or analysts; the demo's team lead is locked), with a random password that is
 * printed once and never stored.
 */
async function firstAdmin(ws: Workspace): Promise<{ username: string; password: string } | null> {
  const { addUser, hasSignInAdmin, listUsers } = await import('@tenure/core');
  if (await hasSignInAdmin(ws)) return null;
  const users = await listUsers(ws);
  const username = users.some((u) => u.username === 'admin') ? 'tenure-admin' : 'admin';
  // Web Crypto's global, not an import of node:crypto, which `tenure --help` (every command's module) would load.
  const admin = { username, password: Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url') };
  await addUser(ws, { ...admin, role: 'admin' });
  return admin;
}

export const serve: CommandModule = (program: Command) => {
  program
    .command('serve')
    .description('start the HTTP API and the dashboard (in a folder without a workspace, build the demo first)')
    .option('--host <host>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .action(async (flags: { host: string; port: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { generateDemo, initWorkspace, openWorkspace, parseOptions, removeServerFile, writeServerFile } =
          await import('@tenure/core');
        // Fastify and the routes load only for `serve`: every other command starts without them.
        const { listenOptions, startServer } = await import('@tenure/server');
        const o = parseOptions(listenOptions, flags);
        const dir = resolve(g.workspace);
        const built = !isWorkspace(dir);
        if (built) {
          if (!g.json)
            process.stderr.write(
              `No workspace in ${dir}: building the demo business (${fmtInt(DEMO.customers)} customers)…\n`,
            );
          const ws = await initWorkspace(dir);
          await generateDemo(ws, DEMO).finally(() => ws.close());
        }
        const ws = await openWorkspace(dir);
        const admin = await firstAdmin(ws);
        const server = await startServer(ws, { host: o.host, port: o.port }).catch(async (e: NodeJS.ErrnoException) => {
          await ws.close();
          // A busy or forbidden port is the user's to change, not a bug.
          if (e.code === 'EADDRINUSE' || e.code === 'EACCES')
            throw tenureError('TEN_USAGE', { detail: `cannot listen on ${o.host}:${o.port} (${e.code})` });
          throw e;
        });
        writeServerFile(dir, { url: server.url, pid: process.pid, startedAt: new Date().toISOString() });
        // The record must not outlive the process, however it ends.
        process.on('exit', () => removeServerFile(dir));
        const stop = () => {
          // A stop is prompt: work that cannot be interrupted (a served file being built in JavaScript) is
          // abandoned after a grace period; DuckDB replays its log on the next open, so nothing committed is lost.
          // 30 s: closing checkpoints the database, which on a busy machine right after a large write (a demo
          // just built) took more than the 10 s this once allowed.
          setTimeout(() => {
            process.stderr.write('Tenure did not stop within 30 s: exiting now.\n');
            process.exit(1);
          }, 30_000).unref();
          void server
            .close()
            .then(() => ws.close())
            .finally(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const dashboard = server.app.tenure.webDir !== null;
        emit(g, { url: server.url, workspace: dir, pid: process.pid, demo: built, dashboard, admin }, () =>
          [
            `Tenure is running at ${server.url}`,
            `  workspace  ${dir}${built ? ' (demo business)' : ''}`,
            `  dashboard  ${dashboard ? `${server.url}/` : 'not built: run `npm run build -w @tenure/web`'}`,
            `  API docs   ${server.url}/api/docs`,
            admin
              ? `\nFirst-run admin (shown once, not stored): ${admin.username} / ${admin.password}\nMore users: tenure users add <name> --role viewer|analyst|admin (with the server stopped), or Settings → Users.`
              : '\nLog in with your user; keys for scripts: tenure keys create --role analyst.',
            '\nPress Ctrl-C to stop.',
          ].join('\n'),
        );
      } catch (e) {
        fail(g, e);
      }
    });
};
