/**
 * Shared by the CLI tests: run the real `tenure` binary as a child process and read what it printed.
 * Nothing here imports the CLI's sources: the tests see exactly what a user or a script sees.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityStatus, HeadlineChurn, ImportSummary, RejectRow } from '@tenure/core';
import { expect } from 'vitest';
import { dataset, TELCO_CSV } from '../../core/test/datasets.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root: the CLI runs from here, so relative paths in the tests are relative to it. */
export const root = resolve(here, '../../..');
export const bin = join(root, 'packages/cli/bin/tenure.js');
export const holderScript = join(here, 'hold-workspace.ts');

/** A committed import fixture of @tenure/core, used in place. */
export const fixture = (name: string): string => join(root, 'packages/core/test/fixtures/ingest', name);

/** The IBM Telco snapshot, read in place (never copied): located by TENURE_DATASETS, see core's test/datasets.ts. */
export const TELCO = dataset(TELCO_CSV);

/**
 * Each CLI start costs about a second of CPU, and tests chain several; on a loaded machine the root 60 s
 * test timeout is too tight, so the CLI suites set their own. A hung CLI still fails: see `tenure`'s timeout.
 */
export const SLOW = { timeout: 180_000 } as const;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `tenure …` and resolve with its exit code and output (never rejects on a non-zero exit).
 * TENURE_WORKSPACE and TENURE_DEBUG are removed from the inherited environment unless `env` sets them.
 */
export function tenure(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  const { TENURE_WORKSPACE: _w, TENURE_DEBUG: _d, ...inherited } = process.env;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: opts.cwd ?? root, env: { ...inherited, ...opts.env }, maxBuffer: 64 << 20, timeout: 120_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return fail(err); // could not start, or killed by the timeout
        done({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Parse the JSON a `--json` run printed on stdout. */
export function json<T>(r: Run): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

export interface ErrorOut {
  error: { code: string; status: number; message: string; hint: string; where: Record<string, unknown> };
  summary?: ImportSummary;
}
export interface StatusOut {
  workspace: string;
  entities: EntityStatus[];
  churn: HeadlineChurn | null;
}
export interface RejectsOut {
  total: number;
  rows: RejectRow[];
}
export interface DemoOut {
  workspace: string;
  customers: number;
  rows: Record<string, number>;
  seconds: number;
  groundTruthFile: string;
  churn: HeadlineChurn | null;
}
export type { ImportSummary };

/** A `--json` run that failed: the exit code, the error code on stdout, and nothing on stderr. */
export function expectJsonError(r: Run, exit: number, code: string): ErrorOut {
  const out = json<ErrorOut>(r);
  expect({ exit: r.code, code: out.error?.code }).toEqual({ exit, code });
  expect(r.stderr).toBe('');
  return out;
}

/**
 * A human-mode run that failed: the exit code, nothing on stdout, and on stderr one `error TEN_…: message`
 * line followed only by the indented where/hint lines. Never a stack trace.
 */
export function expectHumanError(r: Run, exit: number, code: string, opts: { stdout?: boolean } = {}): string[] {
  expect(r.code, r.stderr).toBe(exit);
  expect(r.stderr.startsWith(`error ${code}: `), r.stderr).toBe(true);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^error TEN_[A-Z_]+: \S/);
  for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}(where|hint|位置|提示): \S/);
  if (!opts.stdout) expect(r.stdout).toBe('');
  return lines;
}

/** A throwaway folder; remove it with `rmSync(dir, { recursive: true, force: true })` (see `cleanup`). */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'tenure-cli-test-'));

export const cleanup = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Copy a closed workspace folder (real files), for tests that need several at once: each process locks its own. */
export function cloneWorkspace(src: string, dst: string): string {
  cpSync(src, dst, { recursive: true });
  return dst;
}

/** en-US thousands separators, as the human output prints counts. */
export const int = (n: number): string => n.toLocaleString('en-US');
