/**
 * `tenure import case_events`: a case's history from another tool, appended to cases the workspace holds. Each
 * good row is one event at the case's next version, in time order, and the case's row becomes the fold of its
 * log (`replay.ts`), both in the import's transaction. A row with `to_stage` is a move checked against the
 * workflow from the stage the case is in at that moment (the next step, cancelled, or a reopening of a closed
 * case, which clears the later steps' fields as the workflow does); without it, step fields make an edit, an
 * owner or team an assignment, and nothing else a comment. A change the case already has (same case, time and
 * stage) is left alone, so re-importing a file changes nothing; once a change of a case is rejected, its later
 * changes in the file are rejected too, since they were made from a stage the case would not be in.
 */
import { CHECKED, FLAGS } from '../../ingest/load.ts';
import type { CheckedColumn } from '../../ingest/validate.ts';
import type { WorkCheck, WorkLoad, WorkLoader, Written } from '../../ingest/work.ts';
import { caseEventImports } from '../../schema/case-events.ts';
import { caseStepFields } from '../../schema/cases.ts';
import type { Field } from '../../schema/index.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { isoOf } from '../record.ts';
import { allowedMoves, CASE_STAGES, stageOfField } from '../workflow.ts';
import { cellValue, checkedRows, flagPeopleAndCauses, flagWhere, jsonValue } from './values.ts';

const T = sql.id(CHECKED);
const F = sql.id(FLAGS);
const NEW = sql.id('case_import_events');
const field = (name: string) => caseEventImports.fields.find((f) => f.name === name) as Field;
const OWN = ['case_id', 'at', 'actor', 'from_stage', 'to_stage', 'owner', 'team', 'note'];

/** The event rows typed, `_rid` their row of the checked table. */
const typedEvents = (columns: readonly CheckedColumn[], where: Sql): Sql =>
  sql`SELECT rowid AS _rid, ${sql.join(
    [...OWN, ...caseStepFields.map((f) => f.name)].map((n) => sql`${cellValue(columns, field(n))} AS ${sql.id(n)}`),
  )} FROM ${T} WHERE ${where}`;

/** A change the case already has: the same time and stage (an import's `created` event among them). */
const PRESENT = sql`EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x."at" = e."at"
  AND x.to_stage IS NOT DISTINCT FROM e.to_stage)`;

/** The workflow's moves as pairs, to check each row's move against. */
const MOVES = (() => {
  const pairs = CASE_STAGES.flatMap((from) => allowedMoves(from).map((to) => [from, to] as const));
  return sql`(SELECT unnest(${pairs.map((p) => p[0])}) AS f, unnest(${pairs.map((p) => p[1])}) AS t)`;
})();

/** The stage a case is in before each new row: the last stage a row before it entered, else the case's own. */
const PREV = sql`coalesce(last_value(e.to_stage IGNORE NULLS) OVER (PARTITION BY e.case_id ORDER BY e."at"
  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), s.stage)`;

async function flag(c: WorkCheck): Promise<void> {
  await flagPeopleAndCauses(c);
  const unknown = c.rule('TEN_ROW_UNKNOWN_CASE', 'case_id', sql`case_id`);
  await flagWhere(c, unknown.id, sql`case_id IS NOT NULL AND case_id NOT IN (SELECT case_id FROM cases)`);
  const rows = typedEvents(c.columns, checkedRows(true));
  const at = sql`CAST("at" AS VARCHAR)`;
  const clash = c.rule('TEN_ROW_CASE_CONFLICT', 'at', sql`case_id || ' / ' || ${at}`);
  await c.db.run(sql`INSERT INTO ${F} SELECT _rid, ${clash.id}, NULL FROM (${rows}) e
    WHERE NOT ${PRESENT} AND EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = e.case_id AND x."at" = e."at")`);
  const early = c.rule('TEN_ROW_CASE_BEFORE_LAST', 'at', at);
  await c.db.run(sql`INSERT INTO ${F} SELECT _rid, ${early.id}, NULL FROM (${rows}) e JOIN cases s USING (case_id)
    WHERE NOT ${PRESENT} AND e."at" < s.updated_at`);
  await flagMoves(c);
}

/**
 * Moves the workflow refuses, from the stage the case is in at each row: the first refused change of a case is
 * rejected for what it is (a rule per stage, whose `expected` lists where that stage may go), every later one
 * of that case, and every one after a change rejected for any other reason, for following it.
 */
async function flagMoves(c: WorkCheck): Promise<void> {
  const moves = sql.id('case_import_moves');
  await c.db.run(sql`CREATE OR REPLACE TEMP TABLE ${moves} AS
    SELECT _rid, case_id, "at", to_stage IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${MOVES} m WHERE m.f = _prev AND m.t = to_stage) AS _bad_to,
      from_stage IS NOT NULL AND from_stage <> _prev AS _bad_from, _prev
    FROM (SELECT e.*, ${PREV} AS _prev FROM (${typedEvents(c.columns, checkedRows(true))}) e JOIN cases s USING (case_id)
      WHERE NOT ${PRESENT})`);
  try {
    const firstBad = sql`SELECT case_id, min("at") AS _first FROM (
        SELECT case_id, "at" FROM ${moves} WHERE _bad_to OR _bad_from
        UNION ALL SELECT case_id, "at" FROM ${T} WHERE NOT _blank AND case_id IS NOT NULL AND "at" IS NOT NULL
          AND (_errs IS NOT NULL OR rowid IN (SELECT rid FROM ${F}))) GROUP BY case_id`;
    const toRule = (s: string) =>
      c.rule(
        'TEN_ROW_CASE_TRANSITION',
        'to_stage',
        sql`${s} || ' → ' || to_stage`,
        allowedMoves(s as never).join(', ') || '—',
      ).id;
    const fromRule = (s: string) => c.rule('TEN_ROW_CASE_TRANSITION', 'from_stage', sql`from_stage`, s).id;
    const byStage = (rule: (s: string) => number) =>
      sql`CASE _prev ${sql.join(
        CASE_STAGES.map((s) => sql`WHEN ${s} THEN ${rule(s)}`),
        sql` `,
      )} END`;
    await c.db.run(sql`CREATE OR REPLACE TEMP TABLE case_import_first AS ${firstBad}`);
    // A rule's value is read from the file's row, so only a column the file has gets its rules.
    const has = (name: string) => c.columns.some((x) => x.name === name && !x.extra);
    const checks = [
      ...(has('to_stage') ? [[sql`_bad_to`, byStage(toRule)] as const] : []),
      ...(has('from_stage') ? [[sql`_bad_from`, byStage(fromRule)] as const] : []),
    ];
    for (const [bad, rule] of checks)
      await c.db.run(sql`INSERT INTO ${F} SELECT _rid, ${rule}, NULL FROM ${moves} m JOIN case_import_first b USING (case_id)
        WHERE ${bad} AND m."at" = b._first`);
    const after = c.rule('TEN_ROW_CASE_AFTER_REJECT', 'case_id', sql`case_id`);
    await c.db.run(sql`INSERT INTO ${F} SELECT t.rowid, ${after.id}, NULL FROM ${T} t JOIN case_import_first b USING (case_id)
      WHERE NOT t._blank AND t."at" > b._first AND t.rowid NOT IN (SELECT rid FROM ${F})`);
  } finally {
    await c.db.run(sql`DROP TABLE IF EXISTS ${moves}; DROP TABLE IF EXISTS case_import_first`);
  }
}

/** What an event sets, column by column: when it sets it and to what (the same for its JSON and the row). */
interface Effect {
  column: string;
  sets: Sql;
  value: Sql;
  json: Sql;
}

const REOPENED = sql`_action = 'reopened'`;
const ENDS = sql`list_contains(['closed', 'cancelled'], to_stage)`;

/**
 * A reopening clears the fields of the steps it goes back before (`moveCase`): all of them at received, all but
 * the diagnosis at diagnosed. Any other change sets the fields the row gives.
 */
const EFFECTS: Effect[] = [
  ...caseStepFields.map((f): Effect => {
    const col = sql`${sql.id(f.name)}`;
    const cleared = stageOfField(f.name) === 'diagnosed' ? sql`to_stage = 'received'` : sql`true`;
    const value = sql`CASE WHEN ${REOPENED} THEN NULL ELSE ${col} END`;
    return {
      column: f.name,
      sets: sql`CASE WHEN ${REOPENED} THEN ${cleared} ELSE ${col} IS NOT NULL END`,
      value,
      json: jsonValue(f, value),
    };
  }),
  ...['owner', 'team'].map((n): Effect => {
    const col = sql`${sql.id(n)}`;
    return { column: n, sets: sql`NOT ${REOPENED} AND ${col} IS NOT NULL`, value: col, json: col };
  }),
  { column: 'stage', sets: sql`to_stage IS NOT NULL`, value: sql`to_stage`, json: sql`to_stage` },
  { column: 'stage_at', sets: sql`to_stage IS NOT NULL`, value: sql`"at"`, json: isoOf(sql`"at"`) },
  {
    column: 'closed_at',
    sets: sql`${ENDS} OR ${REOPENED}`,
    value: sql`CASE WHEN ${REOPENED} THEN NULL ELSE "at" END`,
    json: isoOf(sql`CASE WHEN ${REOPENED} THEN NULL ELSE "at" END`),
  },
  { column: 'reopen_count', sets: REOPENED, value: sql`_reopens`, json: sql`_reopens` },
];

/** An event's `fields`: the columns it sets, in EFFECTS order, each with its value as JSON (null included). */
const FIELDS_JSON = sql`'{' || concat_ws(',', ${sql.join(
  EFFECTS.map(
    (e) =>
      sql`CASE WHEN ${e.sets} THEN ${JSON.stringify(e.column)} || ':' || coalesce(CAST(to_json(${e.json}) AS VARCHAR), 'null') END`,
  ),
)}) || '}'`;

const STEP_GIVEN = sql.join(
  caseStepFields.map((f) => sql`${sql.id(f.name)} IS NOT NULL`),
  sql` OR `,
);

async function write({ db, columns, OK }: WorkLoad): Promise<Written> {
  const action = sql`CASE WHEN to_stage IS NULL THEN CASE WHEN ${STEP_GIVEN} THEN 'edited'
      WHEN owner IS NOT NULL OR team IS NOT NULL THEN 'assigned' ELSE 'commented' END
    WHEN to_stage = 'cancelled' THEN 'cancelled' WHEN _prev = 'closed' THEN 'reopened' ELSE 'moved' END`;
  await db.run(sql`CREATE OR REPLACE TEMP TABLE ${NEW} AS
    SELECT *, _reopens0 + sum(CASE WHEN ${REOPENED} THEN 1 ELSE 0 END) OVER (PARTITION BY case_id ORDER BY "at") AS _reopens
    FROM (SELECT *, ${action} AS _action FROM (
      SELECT e.*, ${PREV} AS _prev, s.version + row_number() OVER (PARTITION BY e.case_id ORDER BY e."at") AS _version,
        s.reopen_count AS _reopens0
      FROM (${typedEvents(columns, OK)}) e JOIN cases s USING (case_id) WHERE NOT ${PRESENT}))`);
  try {
    const inserted =
      await db.exec(sql`INSERT INTO case_events (case_id, version, "at", actor, action, from_stage, to_stage, fields, note)
      SELECT case_id, _version, "at", actor, _action, CASE WHEN to_stage IS NOT NULL THEN _prev END, to_stage, ${FIELDS_JSON}, note
      FROM ${NEW}`);
    // The row becomes the fold of its log: each column from the last new event that sets it, else as it was.
    const last = EFFECTS.map(
      (e) => sql`arg_max_null(${e.value}, _version) FILTER (WHERE ${e.sets}) AS ${sql.id(`v_${e.column}`)},
        bool_or(${e.sets}) AS ${sql.id(`s_${e.column}`)}`,
    );
    const set = EFFECTS.map(
      (e) =>
        sql`${sql.id(e.column)} = CASE WHEN u.${sql.id(`s_${e.column}`)} THEN u.${sql.id(`v_${e.column}`)} ELSE cases.${sql.id(e.column)} END`,
    );
    await db.run(sql`UPDATE cases SET ${sql.join(set)}, version = u._version, updated_at = u."at"
      FROM (SELECT case_id, max(_version) AS _version, max("at") AS "at", ${sql.join(last)} FROM ${NEW} GROUP BY case_id) u
      WHERE cases.case_id = u.case_id`);
    return { inserted, updated: 0 };
  } finally {
    await db.run(sql`DROP TABLE IF EXISTS ${NEW}`);
  }
}

export const caseEventsLoader: WorkLoader = { flag, write };
