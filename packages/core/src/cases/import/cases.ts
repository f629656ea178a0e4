/**
 * `tenure import cases`: each good row a new case with `source = 'import'`, written as a row of `cases` and its
 * `created` event (version 1, every column, dated at the latest time the row gives), so the log still rebuilds
 * the table. A case already imported from the same row is left alone (re-importing a file changes nothing);
 * one whose id the workspace holds with other values is rejected, never overwritten: a case changes through its
 * events (`case_events` imports, or the workflow).
 */
import { CHECKED, FLAGS } from '../../ingest/load.ts';
import type { CheckedColumn } from '../../ingest/validate.ts';
import type { WorkCheck, WorkLoad, WorkLoader, Written } from '../../ingest/work.ts';
import { caseImports, caseStepFields } from '../../schema/cases.ts';
import type { Field } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { cellValue, checkedRows, flagPeopleAndCauses, flagWhere, jsonValue } from './values.ts';

const T = sql.id(CHECKED);
const field = (name: string) => caseImports.fields.find((f) => f.name === name) as Field;
const ENDED = ['closed', 'cancelled'];

/** The columns a created event sets, in `CASE_COLUMNS` order (all but the version and the time of the write). */
const CREATED = [
  'customer_id',
  'kind',
  'source',
  'source_ref',
  'stage',
  'priority',
  'owner',
  'team',
  'subject',
  'description',
  ...caseStepFields.map((f) => f.name),
  'opened_at',
  'stage_at',
  'closed_at',
  'reopen_count',
];

/**
 * The imported cases as rows: the case's columns typed, `_at` the time of its created event and `_fields` that
 * event's JSON. A closed or cancelled case's stage began when it closed; an open one's when it opened, unless
 * the file says.
 */
function importedCases(columns: readonly CheckedColumn[], where: Sql): Sql {
  const v = (name: string) => cellValue(columns, field(name));
  const ended = sql`list_contains(${ENDED}, stage)`;
  const typed = [
    ...CREATED.filter((c) => !['source', 'stage_at', 'closed_at', 'reopen_count'].includes(c)).map(
      (c) => sql`${v(c)} AS ${sql.id(c)}`,
    ),
    sql`CAST('import' AS VARCHAR) AS source`,
    sql`${v('stage_at')} AS _stage_at`,
    sql`${v('closed_at')} AS _closed_at`,
    sql`CAST(0 AS INTEGER) AS reopen_count`,
  ];
  const json = sql.join(
    CREATED.map((c) => {
      const f = caseImports.fields.find((x) => x.name === c);
      return sql`${c}, ${f ? jsonValue(f, sql`${sql.id(c)}`) : sql.id(c)}`;
    }),
  );
  return sql`SELECT *, greatest(opened_at, stage_at, coalesce(closed_at, opened_at)) AS _at,
      CAST(json_object(${json}) AS VARCHAR) AS _fields
    FROM (SELECT * EXCLUDE (_stage_at, _closed_at),
        coalesce(_stage_at, CASE WHEN ${ended} THEN coalesce(_closed_at, opened_at) ELSE opened_at END) AS stage_at,
        CASE WHEN ${ended} THEN coalesce(_closed_at, _stage_at, opened_at) END AS closed_at
      FROM (SELECT rowid AS _rid, case_id, ${sql.join(typed)} FROM ${T} WHERE ${where}))`;
}

async function flag(c: WorkCheck): Promise<void> {
  const id = c.rule('TEN_ROW_BAD_VALUE', 'case_id', sql`case_id`, 'letters, digits and . _ : - (1 to 64)');
  await flagWhere(c, id.id, sql`case_id IS NOT NULL AND NOT regexp_full_match(case_id, '[A-Za-z0-9._:-]{1,64}')`);
  await flagPeopleAndCauses(c);
  // An id the workspace holds is the same case only when its created event is what this row would write.
  const clash = c.rule('TEN_ROW_CASE_CONFLICT', 'case_id', sql`case_id`);
  await c.db.run(sql`INSERT INTO ${sql.id(FLAGS)} SELECT _rid, ${clash.id}, NULL
    FROM (${importedCases(c.columns, checkedRows(true))}) g
    WHERE case_id IN (SELECT case_id FROM cases)
      AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = g.case_id AND e.version = 1 AND e.fields = g._fields)`);
}

async function write({ db, columns, OK }: WorkLoad): Promise<Written> {
  const fresh = sql`SELECT * FROM (${importedCases(columns, OK)}) g WHERE case_id NOT IN (SELECT case_id FROM cases)`;
  await db.run(sql`INSERT INTO case_events (case_id, version, "at", actor, action, from_stage, to_stage, fields, note)
    SELECT case_id, 1, _at, 'import', 'created', NULL, stage, _fields, NULL FROM (${fresh})`);
  const cols = sql.ids(CREATED);
  const inserted = await db.exec(sql`INSERT INTO cases (case_id, ${cols}, version, updated_at)
    SELECT case_id, ${cols}, 1, _at FROM (${fresh})`);
  return { inserted, updated: 0 };
}

export const casesLoader: WorkLoader = { flag, write };
