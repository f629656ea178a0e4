/**
 * Phase check: the entity's field declarations compile to one pass over the staged file that types every cell
 * and lists the rules each row breaks (validate.ts); then the rules that need the whole file or other tables
 * (duplicate keys, unknown customers, and a work record's own: ingest/work.ts) flag their rows. The result is a temporary table of checked rows.
 */
import type { ErrorCode } from '../../errors.ts';
import type { Entity } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import {
  anyFlagged,
  BAD,
  CHECKED,
  deriveOrderIds,
  flagDuplicates,
  flagUnknownCustomers,
  okRows,
  prepareChecked,
} from '../load.ts';
import type { Malformed } from '../read/reader.ts';
import { type CheckPlan, planChecks, type Rule } from '../validate.ts';
import { workLoaderOf } from '../work.ts';
import type { ImportRun } from './context.ts';
import type { Mapped } from './map.ts';
import { withProgress } from './progress.ts';
import type { Read } from './read.ts';

const T = sql.id(CHECKED);

export interface Checked {
  plan: CheckPlan;
  /** Records the reader could not read at all: rejected with their line. */
  malformed: Malformed[];
  /** Offset of the checked table's row numbers (load.ts `prepareChecked`). */
  base: number;
  /** Blank rows, rows breaking a rule, and all rows of the checked table. */
  counts: { blank: number; bad: number; all: number };
  /** The condition that selects the rows to load. */
  OK: Sql;
}

/** A day of slack after the import's start for the zones of whoever wrote the file: later is "in the future". */
const dayAfter = (t: Date): string => new Date(t.getTime() + 86_400_000).toISOString().slice(0, 19).replace('T', ' ');

export async function checkPhase(run: ImportRun, { staged, scanning }: Read, mapped: Mapped): Promise<Checked> {
  const { ws, entity, o } = run;
  const db = ws.db;
  const limits = ws.config.import;
  const { mapping } = mapped;
  const plan = planChecks(entity, mapping, staged, {
    futureAfter: dayAfter(run.started),
    extraTypes: mapped.extraTypes,
    ...(o.dateFormat ? { dateFormat: o.dateFormat } : {}),
    ...(o.asOf ? { asOf: o.asOf } : {}),
    dateRange: [limits.min_date, limits.max_date],
  });
  const extra = tableRules(plan, entity, !!o.createMissingCustomers);

  // The checked table is temporary and derived from the file alone, so it is built and flagged before the
  // transaction opens: scans of transaction-local rows cost DuckDB about twice as much (10M rows: 7.2 s → 4.0 s).
  await withProgress(run, 'read', () =>
    scanning(
      wideFile(db, staged.headers.length, () => db.run(sql`CREATE OR REPLACE TEMP TABLE ${T} AS ${plan.select}`)),
    ),
  );
  const malformed = await staged.malformed();
  if (mapping.derivedKey) await deriveOrderIds(db);
  const base = await prepareChecked(db);
  if (!mapping.derivedKey) await flagDuplicates(db, entity, extra.dup);
  // In a workspace kept in ClickHouse the customers are there: the file's ids are looked up in one round trip.
  const unknown =
    run.record && extra.refs.size
      ? await (await import('../../engine/clickhouse/record-load.ts')).unknownCustomers(db, run.record, [
          ...extra.refs.keys(),
        ])
      : undefined;
  await flagUnknownCustomers(db, entity, extra.refs, unknown);
  await workLoaderOf(entity)?.flag({ ws, db, columns: plan.columns, rule: addRule(plan) });
  const [counts = { blank: 0, bad: 0, all: 0 }] = await db.all<Checked['counts']>(
    sql`SELECT count(*) FILTER (WHERE _blank) AS blank, count(*) FILTER (WHERE ${BAD}) AS bad, count(*) AS "all" FROM ${T}`,
  );
  return { plan, malformed, base, counts, OK: okRows(await anyFlagged(db)) };
}

/** A rule flagged by a work record's loader (ingest/work.ts), its column named as the file names it. */
const addRule =
  (plan: CheckPlan) =>
  (code: ErrorCode, field: string, value: Sql, expected = ''): Rule => {
    const column = plan.columns.find((c) => c.name === field)?.header ?? field;
    const rule: Rule = { id: plan.rules.length + 1, code, column, expected, cond: sql`false`, value };
    plan.rules.push(rule);
    return rule;
  };

/** Rules that need the whole file or other tables; flagged after the one-pass check. */
function tableRules(plan: CheckPlan, e: Entity, createCustomers: boolean) {
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
