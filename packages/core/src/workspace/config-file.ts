/**
 * Reading tenure.config.json on every open without loading zod when the file has not changed: zod alone costs
 * about 100 ms of a `tenure status` that should start in well under half a second (issue 11 §3). The config
 * checked last is kept beside it (CHECKED_FILE) with a digest of the text it came from and of the code that
 * checked it; while both match, that result is the config. Anything else (a new text, another build of
 * Tenure, another Node and so another time-zone database, a missing or unreadable cache) checks the text with
 * the config schema, as before, and keeps the result for next time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tenureVersion } from '../version.ts';
import type { TenureConfig } from './config.ts';
import { CONFIG_FILE } from './files.ts';

/** The last config checked, in the workspace folder (which ignores itself in git: see initWorkspace). */
export const CHECKED_FILE = '.tenure.config.checked.json';

/**
 * The modules that decide what a config text parses to, relative to this one: config.ts and the schemas of
 * its sections. `config-file.test.ts` fails when config.ts reaches a zod module missing here.
 */
export const CONFIG_SCHEMA_MODULES = [
  './config',
  '../ingest/limits',
  '../predict/config',
  '../cases/config',
  '../cases/workflow',
  '../cases/sla/config',
  '../cases/sla/calendar',
  '../access/roles',
  '../campaigns/config',
  '../costs/config',
  '../schema/costs',
  '../schema/field',
  '../voice/text/config',
  '../segments/config',
] as const;

/** A digest of the checking code: its modules' text (.ts from the sources, .js from the build), Tenure's and Node's versions. */
function checkerDigest(): string | null {
  const ext = import.meta.url.slice(import.meta.url.lastIndexOf('.'));
  const hash = createHash('sha256').update(`${tenureVersion}\0${process.version}\0`);
  try {
    for (const m of CONFIG_SCHEMA_MODULES) hash.update(readFileSync(new URL(`${m}${ext}`, import.meta.url)));
  } catch {
    return null; // modules not found beside this one (a bundle): always check
  }
  return hash.digest('hex');
}

const digestOf = (text: string, checker: string) => createHash('sha256').update(`${checker}\0${text}`).digest('hex');

/**
 * The workspace's config: the kept result while the text and the code are those it was checked with,
 * otherwise the text checked by `parseConfig` (TEN_CONFIG_PARSE, TEN_CONFIG_INVALID) and kept.
 * @example const config = await readConfig('/data/shop')
 */
export async function readConfig(dir: string): Promise<TenureConfig> {
  const file = join(dir, CONFIG_FILE);
  const text = readFileSync(file, 'utf8');
  const checker = checkerDigest();
  const digest = checker === null ? null : digestOf(text, checker);
  const kept = digest === null ? null : readKept(join(dir, CHECKED_FILE));
  if (kept && kept.digest === digest) return kept.config;
  const { parseConfig } = await import('./config.ts');
  const config = parseConfig(text, file);
  if (digest !== null) keep(dir, { digest, config });
  return config;
}

interface Kept {
  digest: string;
  config: TenureConfig;
}

function readKept(path: string): Kept | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Kept;
  } catch {
    return null;
  }
}

/** Written aside and renamed, so a reader never sees half a file; a folder we may not write to just goes unkept. */
function keep(dir: string, kept: Kept): void {
  const aside = join(dir, `${CHECKED_FILE}.${process.pid}`);
  try {
    writeFileSync(aside, JSON.stringify(kept));
    renameSync(aside, join(dir, CHECKED_FILE));
  } catch {
    // Only speed is lost: the next open checks the text again.
  }
}
