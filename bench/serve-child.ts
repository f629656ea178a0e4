/**
 * `tenure serve` in a child process, as the HTTP benchmarks run it (the load generator then does not share the
 * server's event loop), from the built CLI (run `npm run build` first).
 */
import { type ChildProcess, spawn } from 'node:child_process';
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
