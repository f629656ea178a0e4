import { casesChanged } from '../cases/list-cache.ts';
import { type TenureError, tenureError } from '../errors.ts';
import { badOption } from '../options.ts';
import { type Entity, importables, isImportName } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import { dataChanged } from '../workspace/data-version.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { CHECKED, dropChecked } from './load.ts';
import { nearest } from './mapping.ts';
import { checkPhase } from './phases/check.ts';
import type { ImportRun } from './phases/context.ts';
import { loadPhase, workPhase } from './phases/load.ts';
import { mapPhase } from './phases/map.ts';
import { readPhase } from './phases/read.ts';
import { recordBatch } from './phases/record.ts';
import { summarize } from './phases/summarize.ts';
import { inspectSource, sha256File } from './source.ts';
import {
  checkDateFormat,
  checkImportOptions,
  type ImportOptions,
  type ImportSummary,
  summarizeProblems,
} from './summary.ts';
import { makeTempDir, releaseTempDir } from './temp.ts';
import { workLoaderOf } from './work.ts';

/** TEN_IMPORT_TOO_MANY_REJECTS for a summary; a dry run's caller throws it too, to say the import would fail. */
export function tooManyRejects(summary: ImportSummary, max: number): TenureError {
  const unknownCustomers = summary.problems
    .filter((p) => p.code === 'TEN_ROW_UNKNOWN_CUSTOMER')
    .reduce((n, p) => n + p.count, 0);
  return tenureError(
    'TEN_IMPORT_TOO_MANY_REJECTS',
    {
      file: summary.file,
      rejected: summary.rowsRejected,
      read: summary.rowsRead,
      max,
      unknownCustomers,
      dryRun: summary.status === 'dry-run',
    },
    { file: summary.file },
    { summary },
  );
}

/**
 * Import one file into one entity: inspect → read → map → check → load → record (phases/, one file each), the
 * load and the record in one transaction (a case import's rows in one before it: phases/load.ts `workPhase`). Bad rows go to `rejects` with line, column, value and a message; good
 * rows are upserted by key. With more bad rows than `maxRejectRate` allows, nothing is loaded and
 * TEN_IMPORT_TOO_MANY_REJECTS is thrown (the batch and its rejects are still recorded, so `tenure rejects` can
 * show them).
 * @example await importFile(ws, 'orders', 'orders.csv', { maxRejectRate: 0.01 })
 */
export async function importFile(
  ws: Workspace,
  entityName: string,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const started = new Date();
  const run = await inspect(ws, entityOf(entityName), file, opts, started);
  const db = ws.db;
  // A workspace kept in ClickHouse (engine/clickhouse/record.ts): the good rows load there, the rest stays here.
  if (ws.config.engine)
    run.record = await (await import('../engine/clickhouse/record.ts')).openRecord(ws.config.engine);
  const hash = sha256File(run.src.path);
  const tmpDir = makeTempDir('import');
  try {
    const read = await readPhase(run, tmpDir);
    const mapped = await mapPhase(run, read);
    const checked = await checkPhase(run, read, mapped);
    // A case import's rows commit first, on their own (people.duckdb: workspace/people.ts). A crash before the
    // batch's record leaves rows that importing the file again finds unchanged, and then records.
    const worked = await workPhase(run, checked);
    await db.run(sql`BEGIN TRANSACTION`);
    try {
      const loaded = await loadPhase(run, read, mapped, checked, worked);
      const problems = await summarizeProblems(db, loaded.batch, run.o.lang);
      const summary = summarize(run, read, mapped, checked, loaded, { sha256: await hash, problems });
      if (run.o.dryRun) {
        const shown = sql.ids(checked.plan.columns.map((c) => c.name));
        summary.preview = await db.all(
          sql`SELECT ${shown} FROM ${sql.id(CHECKED)} WHERE ${checked.OK} ORDER BY rowid LIMIT ${run.o.previewRows}`,
        );
        await db.run(sql`ROLLBACK`);
      } else {
        await recordBatch(db, {
          batch_id: loaded.batch,
          entity: summary.entity,
          file_name: summary.file,
          sha256: summary.sha256,
          format: summary.format,
          encoding: summary.encoding,
          status: summary.status,
          rows_read: summary.rowsRead,
          rows_loaded: summary.rowsLoaded,
          rows_rejected: summary.rowsRejected,
          rows_new: summary.rowsNew,
          rows_updated: summary.rowsUpdated,
          rows_unchanged: summary.rowsUnchanged,
          rows_blank: summary.rowsBlank,
          started_at: started,
          changes: JSON.stringify(loaded.changes),
        });
        // Visible in ClickHouse in one step, then recorded here: a kill between the two leaves a batch that
        // importing the file again finds unchanged (record-load.ts).
        if (loaded.publish) {
          await loaded.publish();
          opts.onProgress?.({ phase: 'publish', percent: 100 });
        }
        await db.run(sql`COMMIT`);
      }
      summary.seconds = (Date.now() - started.getTime()) / 1000;
      if (loaded.refused && !run.o.dryRun) throw tooManyRejects(summary, run.o.maxRejectRate);
      // After the commit, for rows that changed: the playbooks listening to this entity. Their code loads only
      // when a playbook is on, so an import without any pays one lookup.
      const changed = !run.o.dryRun && summary.rowsNew + summary.rowsUpdated > 0;
      if (changed) dataChanged(ws.dir);
      if (changed && workLoaderOf(run.entity)) casesChanged(ws);
      if (changed && (await db.all(sql`SELECT 1 AS x FROM playbooks WHERE enabled LIMIT 1`)).length) {
        const { runPlaybooksOn } = await import('../playbooks/run.ts');
        await runPlaybooksOn(ws, { kind: 'import', ref: String(loaded.batch), entity: summary.entity });
      }
      return summary;
    } catch (e) {
      await db.run(sql`ROLLBACK`).catch(() => undefined);
      throw e;
    }
  } finally {
    await dropChecked(db).catch(() => undefined);
    await hash.catch(() => undefined);
    releaseTempDir(tmpDir);
    if (run.record) {
      const { dropStaging } = await import('../engine/clickhouse/record-load.ts');
      await dropStaging(run.record, run.entity).catch(() => undefined);
      await run.record.close();
    }
  }
}

/** The entity by name, or TEN_ENTITY_UNKNOWN with the nearest name. */
function entityOf(name: string): Entity {
  if (isImportName(name)) return importables[name];
  const known = Object.keys(importables);
  const suggestion = nearest(name, known);
  throw tenureError(
    'TEN_ENTITY_UNKNOWN',
    { entity: name, known, ...(suggestion ? { suggestion } : {}) },
    { entity: name },
    { known, suggestion },
  );
}

/**
 * Phase inspect: the options checked, the file found and recognised (source.ts: format, encoding), the as-of
 * date within the configured date range and the date format one DuckDB accepts.
 */
async function inspect(
  ws: Workspace,
  entity: Entity,
  file: string,
  given: ImportOptions,
  started: Date,
): Promise<ImportRun> {
  const o = checkImportOptions(given);
  if (ws.config.engine && o.createMissingCustomers)
    throw tenureError('TEN_ENGINE_RECORD_UNSUPPORTED', { what: 'create_missing_customers' });
  const src = inspectSource(file, {
    ...(o.format ? { format: o.format } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.name ? { name: o.name } : {}),
  });
  const limits = ws.config.import;
  if (o.asOf && (o.asOf < limits.min_date || o.asOf > limits.max_date))
    throw badOption('as_of', o.asOf, {
      en: `a date from ${limits.min_date} to ${limits.max_date}`,
      'zh-CN': `${limits.min_date} 至 ${limits.max_date} 之间的日期`,
    });
  await checkDateFormat(ws.db, o.dateFormat);
  return { ws, entity, src, given, o, started };
}

export type { ImportOptions, ImportSummary };
