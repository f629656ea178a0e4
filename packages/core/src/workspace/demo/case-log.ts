/**
 * The demo's case log: every walk of demo_cases (case-walks.ts) as the events the workflow would have written
 * (created, the first reply, each move, a cancellation, a reopening and the second walk), and the `cases` rows
 * as the fold of those events, in SQL, so the table is what `replayCases` rebuilds from the log by
 * construction. An event is a row of data here: the columns it sets, by name; the log's `fields` JSON holds
 * those among CASE_COLUMNS (what the log records), the fold every column of the table. Events after the end
 * of the window did not happen yet and are left out, as everything after them.
 */
import { CASE_COLUMNS, isoOf } from '../../cases/record.ts';
import { type CaseAction, reachedSteps, STAGE_FIELDS, type StepStage } from '../../cases/workflow.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import { HORIZON } from './calendar.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { toTs } from './random.ts';

const OPS = DEMO_PARAMS.operations;

/** The columns of migration 0007 a case carries beside CASE_COLUMNS: its SLA, first response and playbook. */
const OPERATION_COLUMNS = ['sla_policy', 'first_response_due', 'resolution_due', 'first_response_at', 'playbook_id'];
const COLUMNS = [...new Set<string>([...CASE_COLUMNS, ...OPERATION_COLUMNS])].filter(
  (c) => c !== 'version' && c !== 'updated_at',
);
const LOGGED = new Set<string>(CASE_COLUMNS);

const TYPES: Record<string, 'TIMESTAMP' | 'DECIMAL(18, 4)' | 'BOOLEAN' | 'INTEGER'> = {
  opened_at: 'TIMESTAMP',
  stage_at: 'TIMESTAMP',
  closed_at: 'TIMESTAMP',
  first_response_due: 'TIMESTAMP',
  resolution_due: 'TIMESTAMP',
  first_response_at: 'TIMESTAMP',
  compensation_amount: 'DECIMAL(18, 4)',
  compensation_granted: 'DECIMAL(18, 4)',
  company_at_fault: 'BOOLEAN',
  contacted: 'BOOLEAN',
  satisfied: 'BOOLEAN',
  csat: 'INTEGER',
  reopen_count: 'INTEGER',
};
const typed = (c: string, v: Sql) => sql`CAST(${v} AS ${sql.raw(TYPES[c] ?? 'VARCHAR')})`;

/** A value as the log's JSON holds it: times as ISO text (what record.ts reads), money as a number. */
function json(c: string, v: Sql): Sql {
  const t = TYPES[c];
  const value = t === 'TIMESTAMP' ? isoOf(typed(c, v)) : t?.startsWith('DECIMAL') ? sql`CAST(${v} AS DOUBLE)` : v;
  return sql`coalesce(CAST(to_json(${value}) AS VARCHAR), 'null')`;
}

interface EventSpec {
  action: CaseAction;
  from: Sql;
  to: Sql;
  /** When it happened (epoch seconds; null: it did not). */
  at: Sql;
  note?: string;
  /** The columns it sets, by name. */
  sets: Record<string, Sql>;
}

const NULL = sql`NULL`;
const col = (c: string): Sql => sql`${sql.id(c)}`;
const ts = (seconds: string) => toTs(col(seconds));
const stage = (to: string, at: string) => ({ stage: sql`${to}`, stage_at: ts(at) });
const move = (from: string, to: string, at: string, sets: Record<string, Sql> = {}): EventSpec => ({
  action: 'moved',
  from: sql`${from}`,
  to: sql`${to}`,
  at: col(at),
  sets: { ...stage(to, at), ...sets },
});

/** Reopening at diagnosed clears what the steps after the diagnosis recorded (cases/move.ts). */
const CLEARED = (Object.keys(STAGE_FIELDS) as StepStage[])
  .filter((s) => !reachedSteps('diagnosed').includes(s))
  .flatMap((s) => [...STAGE_FIELDS[s].required, ...STAGE_FIELDS[s].optional]);

/** Every event a walk may hold, in the order they happen. */
function events(say: (en: string) => string): EventSpec[] {
  const created: Record<string, Sql> = {
    ...Object.fromEntries(
      ['customer_id', 'kind', 'source', 'source_ref', 'priority', 'owner', 'team', 'subject'].map((c) => [c, col(c)]),
    ),
    ...stage('received', 'opened_s'),
    opened_at: ts('opened_s'),
    reopen_count: sql`0`,
    sla_policy: sql`${OPS.sla.name}`,
    first_response_due: ts('fr_due_s'),
    resolution_due: ts('res_due_s'),
    playbook_id: sql`CASE WHEN kind = 'retention' THEN ${OPS.playbook.id} END`,
  };
  const closed = (at: string, sets: Record<string, Sql>) =>
    move('following_up', 'closed', at, { closed_at: ts(at), ...sets });
  return [
    // The created event sets every column, as createCase does, so the log alone rebuilds the row.
    {
      action: 'created',
      from: NULL,
      to: sql`'received'`,
      at: col('opened_s'),
      sets: { ...Object.fromEntries(COLUMNS.map((c) => [c, NULL])), ...created },
    },
    {
      action: 'commented',
      from: NULL,
      to: NULL,
      at: col('fr'),
      note: say(OPS.texts.notes.response),
      sets: { first_response_at: ts('fr') },
    },
    move(
      'received',
      'diagnosed',
      'diag_s',
      Object.fromEntries(['root_cause', 'severity', 'company_at_fault'].map((c) => [c, col(c)])),
    ),
    move(
      'diagnosed',
      'planned',
      'plan_s',
      Object.fromEntries(
        ['action_plan', 'compensation_kind', 'compensation_amount', 'approved_by'].map((c) => [c, col(c)]),
      ),
    ),
    move('planned', 'implementing', 'impl_s'),
    move('implementing', 'following_up', 'fu_s', {
      actions_done: col('actions_done'),
      compensation_granted: col('compensation_granted'),
    }),
    closed('close_s', Object.fromEntries(['contacted', 'satisfied', 'csat', 'outcome'].map((c) => [c, col(c)]))),
    {
      action: 'cancelled',
      from: col('cancel_at'),
      to: sql`'cancelled'`,
      at: col('cancel_s'),
      note: say(OPS.texts.notes.cancelled),
      sets: { ...stage('cancelled', 'cancel_s'), closed_at: ts('cancel_s') },
    },
    {
      action: 'reopened',
      from: sql`'closed'`,
      to: sql`'diagnosed'`,
      at: col('reopen_s'),
      note: say(OPS.texts.notes.reopened),
      sets: {
        ...stage('diagnosed', 'reopen_s'),
        closed_at: NULL,
        reopen_count: sql`1`,
        ...Object.fromEntries(CLEARED.map((c) => [c, NULL])),
      },
    },
    move('diagnosed', 'planned', 'plan2_s', { action_plan: sql`${say(OPS.texts.actionPlan.reopened)}` }),
    move('planned', 'implementing', 'impl2_s'),
    move('implementing', 'following_up', 'fu2_s', { actions_done: sql`${say(OPS.texts.actionsDone.reopened)}` }),
    closed('close2_s', { contacted: sql`true`, satisfied: sql`true`, csat: col('csat2') }),
  ];
}

/** The events of every case that happened before the end, each with `select` of its spec and order. */
function union(specs: EventSpec[], end: number, select: (e: EventSpec, ord: number) => Sql): Sql {
  return sql.join(
    specs.map((e, ord) => sql`SELECT ${select(e, ord)} FROM demo_cases WHERE ${e.at} < ${end}`),
    sql` UNION ALL `,
  );
}

/** Write case_events and cases from demo_cases. */
export async function writeCaseLog(ctx: DemoContext, say: (en: string) => string): Promise<void> {
  const specs = events(say);
  // The end as a value: a subquery in each of the union's branches costs a join each.
  const [h] = await ctx.db.all<{ end: number }>(sql`SELECT ${HORIZON} AS end`);
  const end = Number(h?.end);
  const actor = (e: EventSpec) =>
    e.action === 'created'
      ? sql`CASE WHEN kind = 'retention' THEN ${`playbook:${OPS.playbook.id}`} ELSE owner END`
      : sql`owner`;
  const happened = (e: EventSpec) => sql`${e.at} < ${end}`;
  // An event's version: how many of the case's events happened up to it (no window over the log needed).
  const upTo = (ord: number) =>
    sql.join(
      specs.slice(0, ord + 1).map((e) => sql`coalesce(CAST(${happened(e)} AS INTEGER), 0)`),
      sql` + `,
    );
  const logged = union(specs, end, (e, ord) => {
    const fields = Object.entries(e.sets)
      .filter(([c]) => LOGGED.has(c))
      .map(([c, v]) => sql`${JSON.stringify(c)} || ':' || ${json(c, v)}`);
    return sql`case_id, ${upTo(ord)} AS version, ${e.at} AS at_s, ${actor(e)} AS actor, ${e.action} AS action,
      CAST(${e.from} AS VARCHAR) AS from_stage, CAST(${e.to} AS VARCHAR) AS to_stage,
      ${fields.length ? sql`'{' || concat_ws(',', ${sql.join(fields)}) || '}'` : sql`'{}'`} AS fields,
      CAST(${e.note ?? null} AS VARCHAR) AS note`;
  });
  await ctx.db.run(sql`
    INSERT INTO case_events (case_id, version, "at", actor, action, from_stage, to_stage, fields, note)
    SELECT case_id, version, ${toTs(sql`at_s`)}, actor, action,
      from_stage, to_stage, fields, note
    FROM (${logged})`);
  // A column's value is the one the last event that set it gave (null included), as replay.ts folds: per column,
  // the setters latest first, the first that happened.
  const folded = COLUMNS.map((c) => {
    const whens = specs
      .filter((e) => c in e.sets)
      .reverse()
      .map((e) => sql`WHEN ${happened(e)} THEN ${typed(c, e.sets[c] ?? NULL)}`);
    return sql`CASE ${sql.join(whens, sql` `)} END AS ${sql.id(c)}`;
  });
  const last = sql`greatest(${sql.join(specs.map((e) => sql`CASE WHEN ${happened(e)} THEN ${e.at} END`))})`;
  await ctx.db.run(sql`
    INSERT INTO cases BY NAME
    SELECT case_id, ${sql.join(folded)}, CAST(${upTo(specs.length - 1)} AS INTEGER) AS version, ${toTs(last)} AS updated_at
    FROM demo_cases`);
}
