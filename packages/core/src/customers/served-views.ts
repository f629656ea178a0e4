import { mkdirSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  /**
   * The rows of the customers whose id hash `k` lies in [from, to) (`to` null: no end), of those `only` lists
   * when given (a relation with a customer_id column: a patch's customers); `pace` awaited between slices of
   * making large rows into objects (the build's own, BuildPace).
   */
  rows(
    ws: Workspace,
    from: string,
    to: string | null,
    only: Sql | undefined,
    pace: () => Promise<unknown>,
  ): Promise<R[]>;
  /**
   * The records kept for some rows of a part (a few hundred at a time, the build yielding to other work between
   * calls): each a key (the customer id, or one naming it) and a JSON text.
   */
  records(rows: R[], ws: Workspace): Promise<[key: string, json: string][]>;
  /** Set when a build can be patched with the customers import batches touched since (see `refreshServed`). */
  patches?: {
    /**
     * What the records stand on now besides customers' own rows, and the last import batch they reflect; read
     * when the version is, before any row. Records of customers no batch after `batch` touched are the same
     * as long as `base` is.
     */
    lineage(ws: Workspace): Promise<Lineage | null>;
    /** The customers the import batches after `batch` touched: a relation with a customer_id column. */
    touched(ws: Workspace, batch: number): Sql;
  };
}

/** What a build's records stand on (ServedView.patches). */
export interface Lineage {
  base: string;
  batch: number;
}

/** The folder of served files in the workspace. */
export const SERVED_DIR = 'served';
/**
 * Customers per statement: their views are up to a few kilobytes each, held in memory until written, and turning
 * a statement's rows into objects holds the event loop (20,000 customers: 940 ms, in which the server answered
 * nothing). And a statement holds the cores for its time, where an agent's write that arrives meanwhile waits for
 * one. On the 1M demo (warm, alone): 2,000 customers 344 ms (0.17 ms a customer), 500 98 ms (0.20), 250 78 ms
 * (0.32: a statement's own cost starts to count). 250, not 500: turning a part's rows into objects is one
 * stretch of the event loop, and at 500 it and the garbage it leaves held the loop up to 280 ms during bench:ops,
 * which every agent's request then waited out; the build takes longer, in the background.
 */
const PART = 250;
/** Rows made into records between yields: a few milliseconds of the event loop (the server builds while it serves). */
const CHUNK = 100;

/**
 * A patch may hold at most this share of the customers: a lookup then reads the patch's index before the base's
 * (two probes in memory), and past it a full build, minutes of background work, is due anyway.
 */
const PATCH_SHARE = 0.3;

const metaKey = (view: ServedView<unknown>) => `served_${view.name}`;

/** What the meta entry of a view records: its version, its file, and its lineage and patch when it has them. */
interface Built {
  version: string;
  file: string;
  lineage?: Lineage;
  /** The file of the customers touched since the base file's lineage, read before it. */
  patch?: string;
}

async function versionOf(ws: Workspace, view: ServedView<unknown>): Promise<string | null> {
  const v = await view.version(ws);
  return v === null ? null : JSON.stringify([v, tenureVersion]);
}

async function kept(ws: Workspace, view: ServedView<unknown>): Promise<Built | null> {
  const text = await readMeta(ws, metaKey(view));
  return text ? (JSON.parse(text) as Built) : null;
}

/** Where a view's records are: its file, and the patch read before it (paths without extension). */
export interface ServedPaths {
  path: string;
  patch: string | null;
}

/**
 * The view's served files (for `ServedFile.open`), or null when none reflects the data now (the view is then
 * computed); `behind` when it could be built and is not (the upkeep's to do).
 */
export async function servedPath(
  ws: Workspace,
  view: ServedView<unknown>,
): Promise<{ paths: ServedPaths | null; behind: boolean }> {
  const now = await versionOf(ws, view);
  const built = await kept(ws, view);
  if (now === null) return { paths: null, behind: false };
  if (built?.version !== now) return { paths: null, behind: true };
  const at = (file: string) => join(ws.dir, SERVED_DIR, file);
  return { paths: { path: at(built.file), patch: built.patch ? at(built.patch) : null }, behind: false };
}

/**
 * Remove the view's files but those of `keep`. Asynchronously: unlinking a file of gigabytes held the server's event
 * loop for 1.1 s during bench:ops, which every request then waited out.
 */
async function removeOthers(dir: string, view: ServedView<unknown>, keep: (string | undefined)[]): Promise<void> {
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${view.name}-`) || keep.some((k) => k && f.startsWith(`${k}.`))) continue;
    // A reader holding an older file keeps reading it until it closes it (on POSIX); where an open file cannot
    // be removed (Windows), it is left for the next build to remove.
    await rm(join(dir, f)).catch(() => undefined);
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

/**
 * The views of `count` customers (every one, or those `only` lists) into a file, part after part: the database
 * computes the next part while this one is written.
 */
async function writeParts<R>(
  ws: Workspace,
  view: ServedView<R>,
  { count, only, pace }: { count: number; only?: Sql; pace: () => Promise<unknown> },
  file: string,
): Promise<void> {
  const writer = new ServedFileWriter(file);
  const parts = Math.max(1, Math.ceil(count / PART));
  // Ranges of the id hash the tables read are sorted by, so each statement reads its own row groups only.
  const bound = (i: number) => (i === parts ? null : String(((1n << 64n) * BigInt(i)) / BigInt(parts)));
  const part = (i: number) => view.rows(ws, bound(i) as string, bound(i + 1), only, pace);
  try {
    let next = part(0);
    for (let i = 0; i < parts; i++) {
      const rows = await next;
      // People first (their writes would share the cores with the statement), then the next part computes while
      // this one is written.
      await pace();
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
  } catch (e) {
    writer.abandon();
    throw e;
  }
  await writer.finish();
}

/** A temporary table of the customers a patch holds. */
const TOUCHED = '_tenure_served_touched';

/**
 * A patch of `before`'s file with the customers the batches since its lineage touched, or null when it cannot be
 * one: no lineage, another base, or more customers than PATCH_SHARE of the view's. Cumulative (each patch holds
 * every customer touched since the base file), so one patch is read before the file, never a chain.
 */
async function patchOf<R>(
  ws: Workspace,
  view: ServedView<R>,
  before: Built | null,
  lineage: Lineage | null,
  pace: () => Promise<unknown>,
): Promise<string | null> {
  const patches = view.patches;
  if (!patches || !lineage || !before?.lineage || before.lineage.base !== lineage.base) return null;
  await ws.db.run(sql`CREATE OR REPLACE TEMP TABLE ${sql.id(TOUCHED)} AS
    SELECT DISTINCT customer_id FROM (${patches.touched(ws, before.lineage.batch)}) t`);
  try {
    const [n] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.id(TOUCHED)}`);
    const count = Number(n?.n ?? 0);
    if (count > PATCH_SHARE * (await view.count(ws))) return null;
    const file = `${view.name}-${Date.now()}`;
    const only = sql`(SELECT customer_id FROM ${sql.id(TOUCHED)})`;
    await writeParts(ws, view, { count, only, pace }, join(ws.dir, SERVED_DIR, file));
    return file;
  } finally {
    await ws.db.run(sql`DROP TABLE IF EXISTS ${sql.id(TOUCHED)}`);
  }
}

/**
 * Build the view's served file when what it reflects is ready and the file is not current. A full build takes
 * minutes for 1M customers, yielding to other work between customers; a view with `patches` is instead patched
 * when the batches since its file touched few customers (an import of new orders: seconds, in proportion to
 * them). The version and lineage are taken before the build reads, so a write landing meanwhile leaves the file
 * marked stale, never stale and marked current.
 * @example await refreshServed(ws, served360) // { views: 'patched', customers: 2950, seconds: 1.2 }
 */
export async function refreshServed<R>(
  ws: Workspace,
  view: ServedView<R>,
  o: BuildPace = {},
): Promise<{ views: 'built' | 'patched' | 'fresh' | 'waiting'; seconds: number }> {
  const t0 = performance.now();
  const took = () => (performance.now() - t0) / 1000;
  const version = await versionOf(ws, view);
  if (version === null) return { views: 'waiting', seconds: took() };
  const lineage = (await view.patches?.lineage(ws)) ?? null;
  const before = await kept(ws, view);
  if (before?.version === version) return { views: 'fresh', seconds: took() };
  const dir = join(ws.dir, SERVED_DIR);
  mkdirSync(dir, { recursive: true });
  // What an earlier build left (a crash's temporary file, files no longer current), keeping the current ones.
  await removeOthers(dir, view, [before?.file, before?.patch]);
  const pace = o.pace ?? yieldToEvents;
  const patch = await patchOf(ws, view, before, lineage, pace);
  let built: Built;
  if (patch && before)
    built = { version, file: before.file, patch, ...(before.lineage && { lineage: before.lineage }) };
  else {
    const file = `${view.name}-${Date.now()}`;
    await writeParts(ws, view, { count: await view.count(ws), pace }, join(dir, file));
    built = { version, file, ...(lineage && { lineage }) };
  }
  await writeMeta(ws, metaKey(view), JSON.stringify(built));
  await removeOthers(dir, view, [built.file, built.patch]);
  return { views: patch ? 'patched' : 'built', seconds: took() };
}

/** The id hash `k` in [from, to): the rows of one part. */
export const inPart = (k: Sql, from: string, to: string | null): Sql =>
  to === null
    ? sql`${k} >= CAST(${from} AS UBIGINT)`
    : sql`${k} >= CAST(${from} AS UBIGINT) AND ${k} < CAST(${to} AS UBIGINT)`;
