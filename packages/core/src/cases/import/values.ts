/**
 * What imported case rows are made of: each field's value in the import's checked table (its column, or its
 * default when the file lacks it), yes/no as booleans, and a value as the events' JSON keeps it (times as ISO
 * text with milliseconds, amounts as numbers), so a row folded from imported events equals the row written.
 */
import { CHECKED, FLAGS } from '../../ingest/load.ts';
import type { CheckedColumn } from '../../ingest/validate.ts';
import type { WorkCheck } from '../../ingest/work.ts';
import { NO, YES } from '../../schema/cases.ts';
import type { Field } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { isoOf } from '../record.ts';

const isFlag = (f: Field) => f.type === 'enum' && !!f.values?.includes('yes');

/** A field's typed value: its column, else its default (or NULL) when the file has none. */
export function cellValue(columns: readonly CheckedColumn[], f: Field): Sql {
  const present = columns.some((c) => c.name === f.name && !c.extra);
  const v = present ? sql`${sql.id(f.name)}` : defaultOf(f);
  if (isFlag(f))
    return sql`CASE WHEN list_contains(${[...YES]}, ${v}) THEN true WHEN list_contains(${[...NO]}, ${v}) THEN false END`;
  return v;
}

/** A field's default as a typed constant: a bare parameter has no type for DuckDB to infer in `json_object`. */
const defaultOf = (f: Field): Sql =>
  typeof f.default === 'number'
    ? sql`CAST(${f.default} AS DOUBLE)`
    : f.type === 'timestamp'
      ? sql`CAST(${f.default ?? null} AS TIMESTAMP)`
      : f.type === 'money' || f.type === 'number'
        ? sql`CAST(NULL AS DOUBLE)`
        : f.type === 'integer'
          ? sql`CAST(NULL AS INTEGER)`
          : sql`CAST(${f.default ?? null} AS VARCHAR)`;

/** A value as an event's JSON holds it: `v` typed as field `f`. */
export function jsonValue(f: Field, v: Sql): Sql {
  if (f.type === 'timestamp') return isoOf(v);
  if (f.type === 'money') return sql`CAST(${v} AS DOUBLE)`;
  return v;
}

/** The rows checked so far that break nothing, flagged ones included or not. */
export const checkedRows = (unflagged: boolean): Sql =>
  unflagged
    ? sql`_errs IS NULL AND NOT _blank AND rowid NOT IN (SELECT rid FROM ${sql.id(FLAGS)})`
    : sql`_errs IS NULL AND NOT _blank`;

/** Flag the rows of the checked table where `cond` holds with `rule`'s id. */
export const flagWhere = (c: WorkCheck, ruleId: number, cond: Sql): Promise<void> =>
  c.db.run(
    sql`INSERT INTO ${sql.id(FLAGS)} SELECT rowid, ${ruleId}, NULL FROM ${sql.id(CHECKED)} WHERE NOT _blank AND ${cond}`,
  );

/**
 * Rules on values that need the workspace, shared by cases and their events: an owner is a user (a case given
 * to a name nobody signs in as would be nobody's work), a root cause is a term of the configured taxonomy.
 */
export async function flagPeopleAndCauses(c: WorkCheck): Promise<void> {
  const has = (name: string) => c.columns.some((x) => x.name === name && !x.extra);
  if (has('owner')) {
    const r = c.rule('TEN_ROW_UNKNOWN_OWNER', 'owner', sql`owner`);
    await flagWhere(c, r.id, sql`owner IS NOT NULL AND owner NOT IN (SELECT username FROM users)`);
  }
  if (has('root_cause')) {
    const causes = c.ws.config.cases.root_causes;
    const r = c.rule('TEN_ROW_BAD_VALUE', 'root_cause', sql`root_cause`, causes.join(', '));
    await flagWhere(c, r.id, sql`root_cause IS NOT NULL AND NOT list_contains(${causes}, root_cause)`);
  }
}
