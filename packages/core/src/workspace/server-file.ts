import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `tenure serve` writes this file into the workspace while it runs, so other commands, refused by DuckDB's
 * file lock, can say which server holds the workspace and where to reach it instead.
 */
export const SERVER_FILE = 'tenure.server.json';

export interface ServerInfo {
  url: string;
  pid: number;
  startedAt: string;
}

/** Record the running server. @example writeServerFile(ws.dir, { url, pid: process.pid, startedAt: new Date().toISOString() }) */
export function writeServerFile(dir: string, info: ServerInfo): void {
  writeFileSync(join(dir, SERVER_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** Remove the record (on exit). Only the process that wrote it removes it. */
export function removeServerFile(dir: string, pid = process.pid): void {
  if (readServerFile(dir)?.pid === pid) rmSync(join(dir, SERVER_FILE), { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The server recorded in the workspace, if the file exists and its process is still alive. */
export function readServerFile(dir: string): ServerInfo | null {
  let info: ServerInfo;
  try {
    info = JSON.parse(readFileSync(join(dir, SERVER_FILE), 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
  return typeof info.url === 'string' && Number.isInteger(info.pid) && alive(info.pid) ? info : null;
}
