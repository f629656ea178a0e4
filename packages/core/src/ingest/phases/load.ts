/**
 * Phase load, inside the import's transaction: a batch number, the rejects with their line and the arguments of
 * their code, the reject-rate gate, then (unless refused or a dry run) new attribute columns, missing customers
 * when asked, the upsert by key and the churn events of a snapshot. A work record's own write (ingest/work.ts) is
 * `workPhase`, committed before this one.
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import type { BatchChanges } from '../changes.ts';
import { addExtraColumns, createMissingCustomers, syncSnapshotChurn, upsert, writeRejects } from '../load.ts';
import { type Written, workLoaderOf } from '../work.ts';
import type { Checked } from './check.ts';
import type { ImportRun } from './context.ts';
import type { Mapped } from './map.ts';
import { withProgress } from './progress.ts';
import type { Read } from './read.ts';

export interface Loaded {
  batch: number;
  /** Rows read (blank rows aside), rejected and blank. */
  total: number;
  bad: number;
  blank: number;
  /** More rows rejected than `maxRejectRate` allows: nothing was loaded. */
  refused: boolean;
  inserted: number;
  updated: number;
  customersCreated: number;
  churnEvents: number;
  /** What the batch changed per entity table, for incremental rollups (ingest/changes.ts). */
  changes: BatchChanges;
  /** In a workspace kept in ClickHouse: makes the staged batch visible there, right before the commit. */
  publish?: () => Promise<void>;
}

/** Rows read (blank rows aside), rejected and blank, the lines too malformed to read counted as read and rejected. */
function tallyOf({ counts, malformed }: Checked): { total: number; bad: number; blank: number } {
  return {
    total: counts.all - counts.blank + malformed.length,
    bad: counts.bad + malformed.length,
    blank: counts.blank,
  };
}

/** More rows rejected than `maxRejectRate` allows: then nothing loads (the batch and its rejects are still recorded). */
function refusedOf({ o }: ImportRun, checked: Checked): boolean {
  const { total, bad } = tallyOf(checked);
  return total > 0 && bad / total > o.maxRejectRate;
}

/**
 * A work record's rows (cases, case events), in a transaction of their own on the import's connection: they live
 * in people.duckdb (workspace/people.ts) and a transaction writes one database, so they commit before the batch's
 * record (importFile). A dry run rolls them back. Nothing for a refused import or an entity of the data model.
 */
export async function workPhase(run: ImportRun, checked: Checked): Promise<Written | undefined> {
  const work = workLoaderOf(run.entity);
  if (!work || refusedOf(run, checked)) return undefined;
  const db = run.ws.db;
  await db.run(sql`BEGIN TRANSACTION`);
  try {
    const written = await withProgress(run, 'load', () =>
      work.write({ ws: run.ws, db, columns: checked.plan.columns, OK: checked.OK }),
    );
    await db.run(run.o.dryRun ? sql`ROLLBACK` : sql`COMMIT`);
    return written;
  } catch (e) {
    await db.run(sql`ROLLBACK`).catch(() => undefined);
    throw e;
  }
}

export async function loadPhase(
  run: ImportRun,
  { staged }: Read,
  mapped: Mapped,
  checked: Checked,
  worked: Written | undefined,
): Promise<Loaded> {
  const { ws, entity, o } = run;
  const db = ws.db;
  const { mapping } = mapped;
  const { malformed, OK, plan } = checked;
  const { total, bad, blank } = tallyOf(checked);
  if (run.record && mapping.snapshot && o.asOf)
    throw tenureError('TEN_ENGINE_RECORD_UNSUPPORTED', { what: 'snapshot_churn' }, { file: run.src.file });
  const [{ id: batch } = { id: 0 }] = await db.all<{ id: number }>(sql`SELECT nextval('import_batch_seq') AS id`);
  await writeRejects(db, batch, plan.rules, staged.firstLine, malformed, checked.base);
  const refused = refusedOf(run, checked);
  let loaded: Written = { inserted: 0, updated: 0 };
  let customersCreated = 0;
  let churnEvents = 0;
  const changes: BatchChanges = {};
  let publish: Loaded['publish'];
  if (!refused && !o.dryRun) {
    await addExtraColumns(db, entity, mapping, mapped.extraTypes, batch);
    if (o.createMissingCustomers) customersCreated = await createMissingCustomers(db, entity, batch, OK, changes);
    const { record } = run;
    if (workLoaderOf(entity)) loaded = worked ?? loaded;
    else if (record) {
      // The entity tables are in ClickHouse: staged there, published by importFile (record-load.ts). Its changes
      // stay empty: they serve the DuckDB rollups, which such a workspace does not build.
      const { loadRecord } = await import('../../engine/clickhouse/record-load.ts');
      ({ publish, ...loaded } = await withProgress(run, 'load', () =>
        loadRecord(db, record, entity, plan.columns, batch, OK),
      ));
    } else loaded = await withProgress(run, 'load', () => upsert(db, entity, plan.columns, batch, OK, changes));
    if (mapping.snapshot && o.asOf) churnEvents = await syncSnapshotChurn(db, o.asOf, batch, OK, changes);
  }
  return {
    batch,
    total,
    bad,
    blank,
    refused,
    ...loaded,
    customersCreated,
    churnEvents,
    changes,
    ...(publish ? { publish } : {}),
  };
}
