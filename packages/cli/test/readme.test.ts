/**
 * The README's commands, verbatim: every `npx tenure …` line of its shell blocks runs, exactly as written, from a
 * folder holding a small demo-workspace (what `npm start` / `npm run demo` leave in the repository), and must
 * succeed. Only lines that cannot run as written are left out: they start a server, or name the reader's own data
 * or a placeholder (my-shop, ids.txt, `<id>`, a ClickHouse host). Also: where the workspace comes from without --workspace.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, expectJsonError, json, root, SLOW, type StatusOut, tempDir, tenure } from './helpers.ts';

/** The README's `npx tenure` lines, without the comment that follows a command. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks
    .flatMap((b) => b.split('\n'))
    .filter((l) => l.startsWith('npx tenure '))
    .flatMap((l) => l.split(' && '))
    .map((l) => l.replace(/\s+#.*$/, '').trim());
}

/** Shell words: spaces separate, single or double quotes group. */
const words = (line: string): string[] =>
  [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);

const notVerbatim = (line: string) =>
  /\btenure serve\b|my-shop|ids\.txt|<[a-z]+>|user:password@host/.test(line) || /--customers 1000000/.test(line);

let tmp: string;
beforeAll(async () => {
  tmp = tempDir();
  const r = await tenure(['demo', '--workspace', join(tmp, 'demo-workspace'), '--customers', '1500', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => cleanup(tmp));

describe('the README, verbatim', SLOW, () => {
  const lines = readmeCommands().filter((l) => !notVerbatim(l));

  it('has the commands after the quick start (metrics, models, prediction)', () => {
    for (const c of ['npx tenure metrics', 'npx tenure survival', 'npx tenure fit cox', 'npx tenure model train'])
      expect(lines.some((l) => l.startsWith(c))).toBe(true);
  });

  for (const line of lines) {
    it(line, async () => {
      const r = await tenure(words(line).slice(2), { cwd: tmp });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    });
  }
});

describe('model score --lang zh (after the README trained a model)', SLOW, () => {
  it('prints the headers and tier names in Chinese', async () => {
    const r = await tenure(['model', 'score', '--lang', 'zh'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const queue = r.stdout.split('\n');
    const header = queue.find((l) => l.startsWith('客户'));
    expect(header).toBeDefined();
    expect(header).not.toMatch(/[A-Za-z]{2,}/); // "CLV" aside, no English word
    const tiers = queue
      .slice(queue.indexOf(header as string) + 2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s{2,}/)[2]);
    expect(tiers.length).toBeGreaterThan(0);
    for (const t of tiers) expect(['极高', '高', '中', '低']).toContain(t);
  });
});

describe('the workspace without --workspace', SLOW, () => {
  it('is the folder the command runs in, or the nearest one above it', async () => {
    const inside = join(tmp, 'demo-workspace', 'sub');
    mkdirSync(inside, { recursive: true });
    const r = await tenure(['status', '--json'], { cwd: inside });
    expect(r.code, r.stderr).toBe(0);
    expect(json<StatusOut>(r).workspace).toBe(join(tmp, 'demo-workspace'));
  });

  it('is not found (exit 4) where there is none', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expectJsonError(await tenure(['status', '--json'], { cwd: empty }), 4, 'TEN_WORKSPACE_NOT_FOUND');
  });

  it('model train --test-ids with a missing file is "not found": exit 4', async () => {
    expectJsonError(
      await tenure(['model', 'train', '--test-ids', 'no-such-ids.txt', '--json'], { cwd: tmp }),
      4,
      'TEN_PREDICT_TEST_IDS_NOT_FOUND',
    );
  });
});

describe('a workspace created inside the repository', SLOW, () => {
  it('stays out of git and biome (`tenure init my-shop` in a clone, as the README shows)', async () => {
    const name = `.test-workspace-${process.pid}`;
    try {
      expect((await tenure(['init', '--workspace', name])).code).toBe(0);
      expect(existsSync(join(root, name, 'tenure.config.json'))).toBe(true);
      // Throws on a non-zero exit: a file of the workspace that git tracks or biome would lint fails the test.
      execFileSync('git', ['check-ignore', '-q', join(name, 'tenure.config.json')], { cwd: root });
      execFileSync(
        process.execPath,
        ['node_modules/@biomejs/biome/bin/biome', 'check', '--no-errors-on-unmatched', name],
        { cwd: root, stdio: 'pipe' },
      );
    } finally {
      cleanup(join(root, name));
    }
  });
});
