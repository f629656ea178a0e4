import { TenureError, tenureError } from '../errors.ts';
import { type EntityName, entities, isEntityName } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { inferTypes } from './infer.ts';
import {
  addExtraColumns,
  anyFlagged,
  BAD,
  CHECKED,
  createMissingCustomers,
  deriveOrderIds,
  dropChecked,
  flagDuplicates,
  flagUnknownCustomers,
  okRows,
  prepareChecked,
  syncSnapshotChurn,
  upsert,
  writeRejects,
} from './load.ts';
import { mapColumns, nearest } from './mapping.ts';
import type { AttributeType } from './parse.ts';
import { isContentError, parseError, type Staged } from './read/reader.ts';
import { readers } from './readers.ts';
import { inspectSource, type Source, sha256File } from './source.ts';
import {
  checkDateFormat,
  checkImportOptions,
  type ImportOptions,
  type ImportSummary,
  summarizeProblems,
} from './summary.ts';
import { makeTempDir, releaseTempDir } from './temp.ts';
import { type CheckPlan, planChecks, type Rule } from './validate.ts';

const T = sql.id(CHECKED);

/** Rules that need the whole file or other tables; flagged after the one-pass check. */
function tableRules(plan: CheckPlan, entityName: EntityName, createCustomers: boolean) {
  const e = entities[entityName];
  const next = () => plan.rules.length + 1;
  const header = (name: string) => plan.columns.find((c) => c.name === name)?.header ?? name;
  const keyText = sql.join(
    e.key.map((k) => sql`CAST(${sql.id(k)} AS VARCHAR)`),
    sql` || ' / ' || `,
  );
  const dup: Rule = {
    id: next(),
    code: 'TEN_ROW_DUPLICATE_KEY',
    column: e.key.map(header).join(' / '),
    expected: '',
    cond: sql`false`,
    value: keyText,
  };
  plan.rules.push(dup);
  const refs = new Map<string, Rule>();
  if (!createCustomers) {
    for (const f of e.fields) {
      if (!f.references || !plan.columns.some((c) => c.name === f.name)) continue;
      const r: Rule = {
        id: next(),
        code: 'TEN_ROW_UNKNOWN_CUSTOMER',
        column: header(f.name),
        expected: '',
        cond: sql`false`,
        value: sql`${sql.id(f.name)}`,
      };
      plan.rules.push(r);
      refs.set(f.name, r);
    }
  }
  return { dup, refs };
}

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

/** --columns names the file's columns in place of its header; there must be one name per column. */
function nameColumns(staged: Staged, src: Source, columns: string[] | undefined): void {
  if (!columns) return;
  if (columns.length !== staged.headers.length)
    throw tenureError(
      'TEN_IMPORT_BAD_OPTION',
      {
        option: '--columns',
        value: columns.join(','),
        expected: `${staged.headers.length} names, one per column of ${src.file}`,
      },
      { file: src.file },
    );
  staged.headers = columns.map((c) => c.trim());
}

/**
 * Runs a scan of the staged relation, turning the engine's complaints about the file's content (a corrupt
 * Parquet page, a JSON record that breaks the reader) into the reader's TenureError; errors in our own SQL
 * stay internal.
 */
const readFailure =
  (src: Source, staged: Staged) =>
  async <T>(scan: Promise<T>): Promise<T> => {
    try {
      return await scan;
    } catch (e) {
      if (e instanceof TenureError || !isContentError(e)) throw e;
      throw staged.readError ? staged.readError(e) : parseError(src, e);
    }
  };

/**
 * DuckDB's common-subexpression pass compares the expressions of a projection pairwise, so planning the
 * check of a wide file grew with the square of its columns (200 columns: 6 s to plan, 1.6 s without it).
 * Narrow files keep it: there it is cheap and saves re-parsing numbers on every row.
 */
async function wideFile<T>(db: Workspace['db'], columns: number, run: () => Promise<T>): Promise<T> {
  if (columns <= 64) return run();
  await db.run(sql`SET disabled_optimizers = 'common_subexpressions'`);
  try {
    return await run();
  } finally {
    await db.run(sql`RESET disabled_optimizers`);
  }
}

async function withProgress<T>(ws: Workspace, opts: ImportOptions, phase: string, run: () => Promise<T>): Promise<T> {
  if (!opts.onProgress) return run();
  const report = opts.onProgress;
  // DuckDB tracks a query's progress only with its progress bar enabled (else -1); it must not print.
  await ws.db.run(sql`SET enable_progress_bar = true`);
  await ws.db.run(sql`SET enable_progress_bar_print = false`);
  const timer = setInterval(() => report({ phase, percent: Math.max(0, ws.db.progress()) }), 200);
  try {
    return await run();
  } finally {
    clearInterval(timer);
    report({ phase, percent: 100 });
  }
}

/**
 * Import one file into one entity: inspect → read → map → check → load, the load in one transaction.
 * Bad rows go to `rejects` with line, column, value and a message; good rows are upserted by key.
 * With more bad rows than `maxRejectRate` allows, nothing is loaded and TEN_IMPORT_TOO_MANY_REJECTS is thrown
 * (the batch and its rejects are still recorded, so `tenure rejects` can show them).
 * @example await importFile(ws, 'orders', 'orders.csv', { maxRejectRate: 0.01 })
 */
export async function importFile(
  ws: Workspace,
  entityName: string,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const started = new Date();
  if (!isEntityName(entityName)) {
    const known = Object.keys(entities);
    const suggestion = nearest(entityName, known);
    throw tenureError(
      'TEN_ENTITY_UNKNOWN',
      { entity: entityName, known, ...(suggestion ? { suggestion } : {}) },
      { entity: entityName },
      { known, suggestion },
    );
  }
  const entity = entities[entityName];
  const o = checkImportOptions(opts);
  const src = inspectSource(file, {
    ...(o.format ? { format: o.format } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.name ? { name: o.name } : {}),
  });
  const limits = ws.config.import;
  if (o.asOf && (o.asOf < limits.min_date || o.asOf > limits.max_date))
    throw tenureError('TEN_IMPORT_BAD_OPTION', {
      option: '--as-of',
      value: o.asOf,
      expected: `a date from ${limits.min_date} to ${limits.max_date}`,
    });
  const db = ws.db;
  await checkDateFormat(db, o.dateFormat);
  const hash = sha256File(src.path);
  const tmpDir = makeTempDir('import');
  try {
    const staged = await readers[src.format](src, {
      db,
      tmpDir,
      limits,
      header: o.header !== false,
      ...(o.sheet ? { sheet: o.sheet } : {}),
      ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    });
    nameColumns(staged, src, o.columns);
    if (staged.headers.length > limits.max_columns)
      throw tenureError(
        'TEN_IMPORT_TOO_WIDE',
        { file: src.file, columns: staged.headers.length, max: limits.max_columns },
        { file: src.file },
      );
    const scanning = readFailure(src, staged);
    const knownRows = await db.all<{ source_header: string; column_name: string; type: AttributeType }>(
      sql`SELECT source_header, column_name, type FROM attributes WHERE entity = ${entity.name}`,
    );
    const known = Object.fromEntries(knownRows.map((k) => [k.source_header, k.column_name]));
    const mapping = mapColumns(entity, staged.headers, {
      explicit: o.map ?? {},
      dropUnmapped: !!o.dropUnmapped,
      known,
      file: src.file,
    });
    if (mapping.snapshot && !o.asOf)
      throw tenureError(
        'TEN_IMPORT_AS_OF_REQUIRED',
        { file: src.file, column: staged.headers[mapping.snapshot.tenure] as string },
        { file: src.file },
      );
    const knownTypes = Object.fromEntries(knownRows.map((k) => [k.column_name, k.type]));
    const fresh = mapping.extras.filter((x) => !(x.column in knownTypes));
    if (fresh.length && o.addColumns === false)
      throw tenureError(
        'TEN_EVENT_UNKNOWN_KEYS',
        {
          entity: entity.name,
          found: fresh.map((x) => x.header),
          fields: [...entity.fields.map((f) => f.name), ...knownRows.map((k) => k.source_header)],
        },
        { entity: entity.name, column: fresh[0]?.header as string },
        { keys: fresh.map((x) => x.header) },
      );
    const extraTypes = { ...knownTypes, ...(await scanning(inferTypes(db, staged, fresh, o.dateFormat))) };
    const now = new Date(started.getTime() + 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    const plan = planChecks(entity, mapping, staged, {
      now,
      extraTypes,
      ...(o.dateFormat ? { dateFormat: o.dateFormat } : {}),
      ...(o.asOf ? { asOf: o.asOf } : {}),
      dateRange: [limits.min_date, limits.max_date],
    });
    const extra = tableRules(plan, entityName, !!o.createMissingCustomers);

    // The checked table is temporary and derived from the file alone, so it is built and flagged before the
    // transaction opens: scans of transaction-local rows cost DuckDB about twice as much (10M rows: 7.2 s → 4.0 s).
    await withProgress(ws, opts, 'read', () =>
      scanning(
        wideFile(db, staged.headers.length, () => db.run(sql`CREATE OR REPLACE TEMP TABLE ${T} AS ${plan.select}`)),
      ),
    );
    const malformed = await staged.malformed();
    if (mapping.derivedKey) await deriveOrderIds(db);
    const base = await prepareChecked(db);
    if (!mapping.derivedKey) await flagDuplicates(db, entity, extra.dup);
    await flagUnknownCustomers(db, entity, extra.refs);
    const [n = { blank: 0, bad: 0, all: 0 }] = await db.all<{ blank: number; bad: number; all: number }>(
      sql`SELECT count(*) FILTER (WHERE _blank) AS blank, count(*) FILTER (WHERE ${BAD}) AS bad, count(*) AS "all" FROM ${T}`,
    );
    const OK = okRows(await anyFlagged(db));
    await db.run(sql`BEGIN TRANSACTION`);
    try {
      const blank = n.blank;
      const bad = n.bad + malformed.length;
      const total = n.all - blank + malformed.length;
      const [{ id: batch } = { id: 0 }] = await db.all<{ id: number }>(sql`SELECT nextval('import_batch_seq') AS id`);
      await writeRejects(db, batch, plan.rules, staged.firstLine, malformed, base);
      const refused = total > 0 && bad / total > o.maxRejectRate;
      let loaded = { inserted: 0, updated: 0 };
      let customersCreated = 0;
      let churnEvents = 0;
      if (!refused && !o.dryRun) {
        await addExtraColumns(db, entity, mapping, extraTypes, batch);
        if (o.createMissingCustomers) customersCreated = await createMissingCustomers(db, entity, batch, OK);
        loaded = await withProgress(ws, opts, 'load', () => upsert(db, entity, plan.columns, batch, OK));
        if (mapping.snapshot && o.asOf) churnEvents = await syncSnapshotChurn(db, o.asOf, batch, OK);
      }
      const good = total - bad;
      const status = o.dryRun ? 'dry-run' : refused ? 'refused' : 'loaded';
      const problems = await summarizeProblems(db, batch, o.lang);
      const summary: ImportSummary = {
        batchId: o.dryRun ? null : batch,
        entity: entity.name,
        file: src.file,
        format: src.format,
        encoding: src.encoding,
        sha256: await hash,
        status,
        ...(o.dryRun ? { wouldRefuse: refused } : {}),
        rowsRead: total,
        rowsLoaded: status === 'loaded' ? good : 0,
        rowsRejected: bad,
        rowsBlank: blank,
        rowsNew: loaded.inserted,
        rowsUpdated: loaded.updated,
        rowsUnchanged: status === 'loaded' ? good - loaded.inserted - loaded.updated : 0,
        customersCreated,
        churnEventsDerived: churnEvents,
        mapping: plan.columns.filter((c) => !c.extra).map((c) => ({ field: c.name, header: c.header })),
        extras: mapping.extras.map((x) => ({
          header: x.header,
          column: x.column,
          type: extraTypes[x.column] ?? 'VARCHAR',
        })),
        dropped: mapping.dropped,
        ...(mapping.snapshot
          ? {
              snapshot: {
                tenure: staged.headers[mapping.snapshot.tenure] as string,
                churn: staged.headers[mapping.snapshot.churn] as string,
              },
            }
          : {}),
        derivedKey: mapping.derivedKey,
        problems,
        seconds: 0,
      };
      if (o.dryRun) {
        summary.preview = await db.all(
          sql`SELECT ${sql.ids(plan.columns.map((c) => c.name))} FROM ${T} WHERE ${OK} ORDER BY rowid LIMIT ${o.previewRows}`,
        );
        await db.run(sql`ROLLBACK`);
      } else {
        await db.run(sql`INSERT INTO import_batches VALUES (${batch}, ${entity.name}, ${src.file}, ${summary.sha256}, ${src.format},
          ${src.encoding}, ${status}, ${total}, ${summary.rowsLoaded}, ${bad}, ${loaded.inserted}, ${loaded.updated},
          ${summary.rowsUnchanged}, ${blank}, CAST(${started.toISOString()} AS TIMESTAMP), current_timestamp::TIMESTAMP)`);
        await db.run(sql`COMMIT`);
      }
      summary.seconds = (Date.now() - started.getTime()) / 1000;
      if (refused && !o.dryRun) throw tooManyRejects(summary, o.maxRejectRate);
      return summary;
    } catch (e) {
      await db.run(sql`ROLLBACK`).catch(() => undefined);
      throw e;
    }
  } finally {
    await dropChecked(db).catch(() => undefined);
    await hash.catch(() => undefined);
    releaseTempDir(tmpDir);
  }
}

export type { ImportOptions, ImportSummary };
