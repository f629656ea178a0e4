import { appendFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';

/**
 * Where a 5xx's cause goes: the client is told only "see the server log for request req-…", so the server
 * must write that log whatever Fastify's logger is set to. One entry per failure on stderr and, when a file
 * is given, appended to it (the workspace's tenure.server.log). An entry names the time, the request id, the
 * method and path without the query string, and the stack; never headers, cookies or bodies, which carry
 * API keys, session tokens and passwords.
 */
export class ErrorLog {
  constructor(private readonly file: string | null) {}

  /** Log `err` for `req` (or for background work, when `req` is a label). */
  write(req: FastifyRequest | string, err: unknown): void {
    const what = typeof req === 'string' ? req : `request ${req.id} ${req.method} ${req.url.split('?')[0]}`;
    const cause = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
    const entry = `${new Date().toISOString()} Tenure: ${what} failed\n${cause.replace(/^/gm, '  ')}\n`;
    process.stderr.write(entry);
    if (!this.file) return;
    try {
      appendFileSync(this.file, entry);
    } catch {
      // The entry is on stderr already; a full disk or a removed folder must not fail the request a second time.
    }
  }
}
