/**
 * npm run bench:startup — how long `tenure status` (a 500-customer demo workspace) and `tenure --help` take to
 * start and finish, timed by hyperfine (`-N`, no shell; 3 warm-up runs, then RUNS=30) on each Node named in NODES
 * (paths separated by the platform's path delimiter; default: the Node running this script), beside `node -e 0`,
 * the floor no command can go below. BASE=<another checkout's packages/cli/bin/tenure.js> times that CLI as well,
 * for a before/after. Target (issue 11 §3): both well under half a second; status ≤ 300 ms and --help ≤ 150 ms
 * on Node 22 and 24 on a quiet machine. The built CLI is timed: run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 30);
const nodes = (process.env.NODES ?? process.execPath).split(delimiter).filter(Boolean);
const clis = [join(root, 'packages/cli/bin/tenure.js'), ...(process.env.BASE ? [process.env.BASE] : [])];
const ws = join(root, 'bench', 'out', 'startup-workspace');
const log = (s: string) => process.stdout.write(`${s}\n`);
const quote = (p: string) => (/[\s"']/.test(p) ? `"${p}"` : p);

try {
  execFileSync('hyperfine', ['--version'], { stdio: 'ignore' });
} catch {
  throw new Error('bench:startup needs hyperfine on the PATH (https://github.com/sharkdp/hyperfine)');
}
if (!existsSync(join(ws, 'tenure.config.json'))) {
  mkdirSync(join(root, 'bench', 'out'), { recursive: true });
  execFileSync(process.execPath, [clis[0] as string, 'demo', '--workspace', ws, '--customers', '500'], {
    stdio: 'ignore',
  });
}

interface Result {
  command: string;
  mean: number;
  stddev: number;
  median: number;
  min: number;
  user: number;
  system: number;
}

const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`.padStart(7);
const tmp = mkdtempSync(join(root, 'bench', 'out', 'startup-'));
try {
  for (const node of nodes) {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const commands = [
      ...clis.flatMap((cli) => [
        `${quote(node)} ${quote(cli)} status --workspace ${quote(ws)}`,
        `${quote(node)} ${quote(cli)} --help`,
      ]),
      `${quote(node)} -e 0`,
    ];
    const json = join(tmp, `${version}.json`);
    const args = ['-N', '--warmup', '3', '-r', String(RUNS), '--export-json', json, ...commands];
    log(`\nNode ${version}: hyperfine ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`);
    // Start-up times scale with whatever else the machine runs: say how busy it was (0 on Windows, which has none).
    log(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
    execFileSync('hyperfine', args, { stdio: 'ignore' });
    const { results } = JSON.parse(readFileSync(json, 'utf8')) as { results: Result[] };
    log('   mean ±     σ   median      min     user   system  command');
    for (const r of results)
      log(
        `${ms(r.mean)} ${ms(r.stddev)} ${ms(r.median)} ${ms(r.min)} ${ms(r.user)} ${ms(r.system)}  ${r.command.replace(`${quote(node)} `, '')}`,
      );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
