/**
 * `tenure serve` in a child process, as the HTTP benchmarks run it (the load generator then does not share the
 * server's event loop), from the built CLI (run `npm run build` first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', 'packages/cli/bin/tenure.js');

/**
 * Serve the workspace `wsDir` on a free port; resolves with the child and its URL once it listens. `nodeArgs` go
 * to node before the CLI (a CPU profile's flags).
 * @example const { child, url } = await serveChild('bench/out/server-ws-1000000');
 */
export function serveChild(wsDir: string, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', '-w', wsDir, '--port', '0', '--json']);
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      try {
        done({ child, url: (JSON.parse(out) as { url: string }).url });
      } catch {
        // not all of the JSON yet
      }
    });
    child.stderr?.pipe(process.stderr);
    child.on('exit', (code) => fail(new Error(`tenure serve exited with ${code}`)));
  });
}

/** CPU seconds (user + system) the process `pid` has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Resolves once the server has used under 5 % of a core for `quiet` seconds in a row (its own work after
 * starting or after a write, such as building the search index or the served 360s, is done), so a load
 * measures the routes and not that work; gives up after `limit` seconds and says so. Linux only.
 * @example await serverIdle(child, log);
 */
export async function serverIdle(
  child: ChildProcess,
  log: (s: string) => void,
  { quiet = 3, limit = 900 } = {},
): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return;
  const t0 = performance.now();
  let last = cpuSeconds(pid);
  let calm = 0;
  while (calm < quiet) {
    if (performance.now() - t0 > limit * 1000) {
      log(`  the server was still busy after ${limit} s; measuring anyway`);
      return;
    }
    await new Promise((go) => setTimeout(go, 1000));
    const now = cpuSeconds(pid);
    calm = now - last < 0.05 ? calm + 1 : 0;
    last = now;
  }
  log(`  the server was idle after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
