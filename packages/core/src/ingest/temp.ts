import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private temp folders of imports, event batches and uploads, named `tenure-<kind>-<pid>-…` so that a later
 * process can tell whose they are. A crashed or killed process leaves its folders behind (83 of them, one of
 * 3.1 GB, after a day of kill -9): each process removes the folders of dead processes when it makes its
 * first one, and its own on exit, SIGINT and SIGTERM.
 */
const KINDS = ['import', 'events', 'upload', 'preview', 'sync', 'record'] as const;
const PREFIX = new RegExp(`^tenure-(${KINDS.join('|')})-`);
const OWNED = /^tenure-[a-z]+-(\d+)-/;
/** Folders named before the pid was part of the name are removed once they are a day old. */
const UNOWNED_AGE_MS = 86_400_000;

const live = new Set<string>();
let hooked = false;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temp folders that belong to no running process. Returns how many went. */
export function cleanStaleTempDirs(root = tmpdir()): number {
  let removed = 0;
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!PREFIX.test(name)) continue;
    const path = join(root, name);
    const owner = OWNED.exec(name)?.[1];
    try {
      const stale = owner ? !alive(Number(owner)) : Date.now() - statSync(path).mtimeMs > UNOWNED_AGE_MS;
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    } catch {
      // Another process removed it first, or it is not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

function removeLive(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  process.off(signal, onSignal);
  // Our listener replaced Node's default of exiting; when nobody else handles the signal, exit as it would.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  cleanStaleTempDirs();
  process.on('exit', removeLive);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A new private temp folder, removed by `releaseTempDir` or, at the latest, when the process ends. */
export function makeTempDir(kind: (typeof KINDS)[number]): string {
  hook();
  const dir = mkdtempSync(join(tmpdir(), `tenure-${kind}-${process.pid}-`));
  live.add(dir);
  return dir;
}

export function releaseTempDir(dir: string): void {
  live.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}
