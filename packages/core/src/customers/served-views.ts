import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { type Sql, sql } from '../sql/sql.ts';
import { tenureVersion } from '../version.ts';
import { readMeta, writeMeta } from '../workspace/meta.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { ServedFileWriter } from './served-file.ts';

/**
 * Views of one customer prebuilt for every customer into a served file (served-file.ts), so that opening any
 * customer, not only one opened before, is a read of a few kilobytes: computed from the database, a first open
 * costs milliseconds of its CPU, and a hundred agents on a two-core server queued for seconds behind each other.
 * Each view is a spec (the 360: customers/served.ts; the churn risk: predict/served-risk.ts); a view's file is
 * read only while its version matches what it reflects now, and is rebuilt by the server's upkeep otherwise.
 */
export interface ServedView<R> {
  /** Names its meta key and its files. */
  name: string;
  /** What the file reflects now (data versions, code), or null while what it is built from is not ready. */
  version(ws: Workspace): Promise<string | null>;
  /** How many customers it holds, to split the build into parts. */
  count(ws: Workspace): Promise<number>;
  /** The rows of the customers whose id hash `k` lies in [from, to) (`to` null: no end). */
  rows(ws: Workspace, from: string, to: string | null): Promise<R[]>;
  /**
   * The records kept for some rows of a part (a few hundred at a time, the build yielding to other work between
   * calls): each a key (the customer id, or one naming it) and a JSON text.
   */
  records(rows: R[], ws: Workspace): Promise<[key: string, json: string][]>;
}

/** The folder of served files in the workspace. */
export const SERVED_DIR = 'served';
/**
 * Customers per statement: their views are up to a few kilobytes each, held in memory until written, and turning
 * a statement's rows into objects holds the event loop (20,000 customers: 940 ms, in which the server answered
 * nothing; 2,000: about a tenth).
 */
const PART = 2_000;
/** Rows made into records between yields: a few milliseconds of the event loop (the server builds while it serves). */
const CHUNK = 200;

const metaKey = (view: ServedView<unknown>) => `served_${view.name}`;

async function versionOf(ws: Workspace, view: ServedView<unknown>): Promise<string | null> {
  const v = await view.version(ws);
  return v === null ? null : JSON.stringify([v, tenureVersion]);
}

async function kept(ws: Workspace, view: ServedView<unknown>): Promise<{ version: string; file: string } | null> {
  const text = await readMeta(ws, metaKey(view));
  return text ? (JSON.parse(text) as { version: string; file: string }) : null;
}

/**
 * The view's served file (a path without extension, for `ServedFile.open`), or null when none reflects the
 * data now (the view is then computed); `behind` when it could be built and is not (the upkeep's to do).
 */
export async function servedPath(
  ws: Workspace,
  view: ServedView<unknown>,
): Promise<{ path: string | null; behind: boolean }> {
  const now = await versionOf(ws, view);
  const built = await kept(ws, view);
  if (now === null) return { path: null, behind: false };
  return built?.version === now
    ? { path: join(ws.dir, SERVED_DIR, built.file), behind: false }
    : { path: null, behind: true };
}

/** Remove the view's files but `keep`'s. */
function removeOthers(dir: string, view: ServedView<unknown>, keep: string | null): void {
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${view.name}-`) || (keep && f.startsWith(`${keep}.`))) continue;
    // A reader holding an older file keeps reading it until it closes it (on POSIX); where an open file cannot
    // be removed (Windows), it is left for the next build to remove.
    try {
      rmSync(join(dir, f));
    } catch {}
  }
}

/**
 * How a build lets other work run between its slices: by default a turn of the event loop; a server passes one
 * that waits while people's writes are in flight (its `peopleFirst`), so a build of minutes never makes an agent
 * wait.
 */
export interface BuildPace {
  pace?: () => Promise<unknown>;
}

/** Every customer's view, part after part: the database computes the next part while this one is written. */
async function writeParts<R>(
  ws: Workspace,
  view: ServedView<R>,
  writer: ServedFileWriter,
  pace: () => Promise<unknown>,
): Promise<void> {
  const parts = Math.max(1, Math.ceil((await view.count(ws)) / PART));
  // Ranges of the id hash the tables read are sorted by, so each statement reads its own row groups only.
  const bound = (i: number) => (i === parts ? null : String(((1n << 64n) * BigInt(i)) / BigInt(parts)));
  const part = (i: number) => view.rows(ws, bound(i) as string, bound(i + 1));
  let next = part(0);
  for (let i = 0; i < parts; i++) {
    const rows = await next;
    if (i + 1 < parts) {
      next = part(i + 1);
      // Awaited next round; if this round fails first, its failure is the one reported.
      next.catch(() => undefined);
    }
    for (let j = 0; j < rows.length; j += CHUNK) {
      for (const [key, json] of await view.records(rows.slice(j, j + CHUNK), ws)) writer.add(key, json);
      await pace();
    }
  }
}

/**
 * Build the view's served file when what it reflects is ready and the file is not current. Takes minutes for
 * 1M customers, yielding to other work between customers; the version is taken before the build reads, so a
 * write landing meanwhile leaves the file marked stale, never stale and marked current.
 * @example await refreshServed(ws, served360) // { views: 'built', seconds: 95.2 }
 */
export async function refreshServed<R>(
  ws: Workspace,
  view: ServedView<R>,
  o: BuildPace = {},
): Promise<{ views: 'built' | 'fresh' | 'waiting'; seconds: number }> {
  const t0 = performance.now();
  const took = () => (performance.now() - t0) / 1000;
  const version = await versionOf(ws, view);
  if (version === null) return { views: 'waiting', seconds: took() };
  const before = await kept(ws, view);
  if (before?.version === version) return { views: 'fresh', seconds: took() };
  const dir = join(ws.dir, SERVED_DIR);
  mkdirSync(dir, { recursive: true });
  // What an earlier build left (a crash's temporary file, files no longer current), keeping the current one.
  removeOthers(dir, view, before?.file ?? null);
  const file = `${view.name}-${Date.now()}`;
  const writer = new ServedFileWriter(join(dir, file));
  try {
    await writeParts(ws, view, writer, o.pace ?? yieldToEvents);
  } catch (e) {
    writer.abandon();
    throw e;
  }
  await writer.finish();
  await writeMeta(ws, metaKey(view), JSON.stringify({ version, file }));
  removeOthers(dir, view, file);
  return { views: 'built', seconds: took() };
}

/** The id hash `k` in [from, to): the rows of one part. */
export const inPart = (k: Sql, from: string, to: string | null): Sql =>
  to === null
    ? sql`${k} >= CAST(${from} AS UBIGINT)`
    : sql`${k} >= CAST(${from} AS UBIGINT) AND ${k} < CAST(${to} AS UBIGINT)`;
