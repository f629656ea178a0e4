/**
 * Phase load, inside the import's transaction: a batch number, the rejects with their line and the arguments of
 * their code, the reject-rate gate, then (unless refused or a dry run) new attribute columns, missing customers
 * when asked, the upsert by key (or a work record's own write: ingest/work.ts) and the churn events of a snapshot.
 */
import { sql } from '../../sql/sql.ts';
import type { BatchChanges } from '../changes.ts';
import { addExtraColumns, createMissingCustomers, syncSnapshotChurn, upsert, writeRejects } from '../load.ts';
import { workLoaderOf } from '../work.ts';
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
}

export async function loadPhase(run: ImportRun, { staged }: Read, mapped: Mapped, checked: Checked): Promise<Loaded> {
  const { ws, entity, o } = run;
  const db = ws.db;
  const { mapping } = mapped;
  const { counts, malformed, OK, plan } = checked;
  const blank = counts.blank;
  const bad = counts.bad + malformed.length;
  const total = counts.all - blank + malformed.length;
  const [{ id: batch } = { id: 0 }] = await db.all<{ id: number }>(sql`SELECT nextval('import_batch_seq') AS id`);
  await writeRejects(db, batch, plan.rules, staged.firstLine, malformed, checked.base);
  const refused = total > 0 && bad / total > o.maxRejectRate;
  let loaded = { inserted: 0, updated: 0 };
  let customersCreated = 0;
  let churnEvents = 0;
  const changes: BatchChanges = {};
  if (!refused && !o.dryRun) {
    await addExtraColumns(db, entity, mapping, mapped.extraTypes, batch);
    if (o.createMissingCustomers) customersCreated = await createMissingCustomers(db, entity, batch, OK, changes);
    const work = workLoaderOf(entity);
    loaded = await withProgress(run, 'load', () =>
      work
        ? work.write({ ws, db, columns: plan.columns, batch, OK })
        : upsert(db, entity, plan.columns, batch, OK, changes),
    );
    if (mapping.snapshot && o.asOf) churnEvents = await syncSnapshotChurn(db, o.asOf, batch, OK, changes);
  }
  return { batch, total, bad, blank, refused, ...loaded, customersCreated, churnEvents, changes };
}
