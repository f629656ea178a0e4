/**
 * Running a playbook: its trigger's customers, less those it must skip, each given a case from its template,
 * all in one transaction of a few set-based statements (one INSERT … SELECT into `cases`, one into
 * `case_events`), so 50,000 customers take about as long as 50 (bench/playbook-run.ts).
 *
 * Skipped, and each counted by why: customers not worth retaining (a malicious churn before, or the configured
 * credit-risk attribute set: the same rule the scoring flags them by, predict/value.ts), then customers who
 * still have an open case from this playbook: a customer never gets a second one while the first is worked.
 *
 * The cases are written as `createCase` writes one: the row, and a `created` event at version 1 holding every
 * column it sets (an empty one left out: the fold starts from empty columns), so `replayCases` folds the log
 * into the same rows.
 */
import { casesChanged } from '../cases/list-cache.ts';
import { CASE_COLUMNS, type CaseColumn } from '../cases/record.ts';
import { memberTurns } from '../cases/routing.ts';
import { OPEN_STAGES } from '../cases/workflow.ts';
import { filterDimensions } from '../customers/columns.ts';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { TenureError, tenureError } from '../errors.ts';
import { notWorthSql } from '../predict/value.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type Playbook, type PlaybookRunResult, type RunPlaybookInput, runPlaybookInput } from './definition.ts';
import { customerFilterOf } from './filter.ts';
import { type Actor, getPlaybook, listPlaybooks } from './store.ts';
import { atRiskQuery, type Cause, triggerQuery, triggers } from './triggers.ts';

/** Case ids a run returns (the count says how many it opened). */
const LISTED_IDS = 100;

/** The case's subject and description in the playbook's language, the checklist as numbered lines after it. */
function caseTexts(p: Playbook): { subject: string; description: string | null } {
  const t = p.template;
  const lang = p.language;
  const steps = t.checklist.map((s, i) => `${i + 1}. ${s[lang]}`);
  const head = lang === 'zh-CN' ? '步骤：' : 'Checklist:';
  const parts = [t.description?.[lang], steps.length ? [head, ...steps].join('\n') : undefined].filter(
    (x): x is string => x !== undefined,
  );
  return { subject: t.subject[lang], description: parts.length ? parts.join('\n\n') : null };
}

/** The columns a `created` event records: all but the version and time, which the event carries itself. */
const EVENT_FIELDS = CASE_COLUMNS.filter((c) => c !== 'version' && c !== 'updated_at');

/** The time columns a new case sets. */
const TIME_COLUMNS = new Set<string>(['opened_at', 'stage_at', 'updated_at', 'resolution_due']);

/** The columns that differ between the cases of one run: each comes from the candidate row `n`. */
const PER_CUSTOMER = ['customer_id', 'source', 'source_ref', 'owner'] as const;

/**
 * Every column of a new case: the per-customer ones from the candidate `n`, the rest the same for every case of
 * the run. Returns the row's expressions (times as TIMESTAMP) and the `created` event's fields as one JSON text
 * per row: the constant part is written once here, and each row only splices in its four values (json_object
 * over thirty keys per row was half the time of 50,000 cases).
 */
function caseValues(p: Playbook, at: string): { row: Record<CaseColumn, Sql>; json: Sql } {
  const { subject, description } = caseTexts(p);
  const due = p.template.due_in_days
    ? new Date(Date.parse(at) + p.template.due_in_days * 86_400_000).toISOString()
    : null;
  const fixed: Partial<Record<CaseColumn, unknown>> = {
    ...Object.fromEntries(EVENT_FIELDS.map((c) => [c, null])),
    kind: p.template.kind,
    stage: 'received',
    priority: p.template.priority,
    team: p.owner_rule.team ?? null,
    subject,
    description,
    opened_at: at,
    stage_at: at,
    reopen_count: 0,
    playbook_id: p.id,
    resolution_due: due,
  };
  for (const c of PER_CUSTOMER) delete fixed[c];
  const value = (c: CaseColumn): Sql => {
    if ((PER_CUSTOMER as readonly string[]).includes(c)) return sql`${sql.id('n', c)}`;
    if (c === 'version') return sql`CAST(1 AS INTEGER)`;
    const v = c === 'updated_at' ? at : fixed[c];
    if (v === null || v === undefined) return sql`NULL`;
    if (typeof v === 'number') return sql`CAST(${v} AS INTEGER)`;
    return TIME_COLUMNS.has(c) ? sql`CAST(${v} AS TIMESTAMP)` : sql`CAST(${v} AS VARCHAR)`;
  };
  const row = Object.fromEntries(CASE_COLUMNS.map((c) => [c, value(c)])) as Record<CaseColumn, Sql>;
  // The event names the columns it sets: an empty one is what the fold starts from (replay.ts), and half a
  // hundred nulls per case were most of the log's bytes.
  const rest = JSON.stringify(Object.fromEntries(Object.entries(fixed).filter(([, x]) => x !== null))).slice(1);
  const spliced = PER_CUSTOMER.map(
    (c) => sql`${`"${c}":`} || coalesce(CAST(to_json(${sql.id('n', c)}) AS VARCHAR), 'null') || ','`,
  );
  return { row, json: sql`'{' || ${sql.join(spliced, sql` || `)} || ${rest}` };
}

/**
 * Who owns the run's cases: the rule's owner; with a team alone, the team's members dealt out in turn
 * (cases/routing.ts), the `k`-th case to the member at turn (k − 1) mod members + 1, as the same cases opened
 * one by one would be; with neither, nobody. `turns` is joined on that turn.
 */
function owners(p: Playbook): { owner: Sql; turns: Sql } {
  const { owner, team } = p.owner_rule;
  const none = sql`SELECT CAST(NULL AS VARCHAR) AS username, 0 AS turn, 1 AS members WHERE false`;
  if (owner !== undefined) return { owner: sql`CAST(${owner} AS VARCHAR)`, turns: none };
  if (team === undefined) return { owner: sql`CAST(NULL AS VARCHAR)`, turns: none };
  return {
    owner: sql`t.username`,
    turns: sql`SELECT username, turn, count(*) OVER () AS members FROM (${memberTurns(team)}) m`,
  };
}

interface Counts {
  matched: number;
  created: number;
  open_case: number;
  malicious: number;
  credit_risk: number;
}

/** DuckDB's refusal when another transaction wrote the same row first (here: another run of the playbook). */
const isConflict = (e: unknown) => !(e instanceof TenureError) && /conflict/i.test(String(e));

/** One attempt of a run, in one transaction on `db`: classify, count, and unless dry, insert. */
async function attempt(
  ws: Workspace,
  db: DuckDbConnection,
  p: Playbook,
  candidates: Sql,
  opts: { dryRun: boolean; at: string; actor: string },
): Promise<{ counts: Counts; ids: string[] }> {
  const notWorth = await notWorthSql(ws, sql`CAST(${opts.at} AS TIMESTAMP)`);
  return db.transaction(async () => {
    // Runs of one playbook take turns: both write this row, and DuckDB lets only one commit.
    if (!opts.dryRun)
      await db.run(sql`UPDATE playbooks SET last_run_at = CAST(${opts.at} AS TIMESTAMP) WHERE playbook_id = ${p.id}`);
    await db.run(sql`CREATE OR REPLACE TEMP TABLE _pb_class AS
      SELECT n.customer_id, n.source, n.source_ref,
        CASE WHEN m.customer_id IS NOT NULL THEN 'malicious' WHEN r.customer_id IS NOT NULL THEN 'credit_risk'
          WHEN o.customer_id IS NOT NULL THEN 'open_case' END AS skip
      FROM (SELECT customer_id, min(source) AS source, min(source_ref) AS source_ref FROM (${candidates}) t
            WHERE customer_id IN (SELECT customer_id FROM customers) GROUP BY customer_id) n
      LEFT JOIN (SELECT DISTINCT customer_id FROM (${notWorth}) w WHERE why = 'malicious_churn') m
        ON m.customer_id = n.customer_id
      LEFT JOIN (SELECT DISTINCT customer_id FROM (${notWorth}) w WHERE why = 'credit_risk') r
        ON r.customer_id = n.customer_id
      LEFT JOIN (SELECT DISTINCT customer_id FROM cases
                 WHERE playbook_id = ${p.id} AND stage IN (SELECT unnest(${[...OPEN_STAGES]}))) o
        ON o.customer_id = n.customer_id`);
    const [c] = await db.all<Record<keyof Counts, number>>(sql`SELECT CAST(count(*) AS INTEGER) AS matched,
        CAST(count(*) FILTER (WHERE skip IS NULL) AS INTEGER) AS created,
        CAST(count(*) FILTER (WHERE skip = 'open_case') AS INTEGER) AS open_case,
        CAST(count(*) FILTER (WHERE skip = 'malicious') AS INTEGER) AS malicious,
        CAST(count(*) FILTER (WHERE skip = 'credit_risk') AS INTEGER) AS credit_risk
      FROM _pb_class`);
    const counts = c as Counts;
    // A dry run's `created` counts the cases it would open.
    if (opts.dryRun || !counts.created) return { counts, ids: [] };
    const dealt = owners(p);
    await db.run(sql`CREATE OR REPLACE TEMP TABLE _pb_new AS
      SELECT printf('CASE-%06d', nextval('case_seq')) AS case_id, customer_id, source, source_ref, owner
      FROM (SELECT n.*, ${dealt.owner} AS owner
            FROM (SELECT *, row_number() OVER (ORDER BY customer_id) AS k FROM _pb_class WHERE skip IS NULL) n
              LEFT JOIN (${dealt.turns}) t ON t.turn = (n.k - 1) % t.members + 1
            ORDER BY customer_id)`);
    // An imported case may have brought an id of the sequence's form: draw again for those, as createCase does.
    const taken = sql`case_id IN (SELECT case_id FROM cases)`;
    while ((await db.all(sql`SELECT 1 AS x FROM _pb_new WHERE ${taken} LIMIT 1`)).length)
      await db.run(sql`UPDATE _pb_new SET case_id = printf('CASE-%06d', nextval('case_seq')) WHERE ${taken}`);
    const v = caseValues(p, opts.at);
    await db.run(sql`INSERT INTO cases (case_id, ${sql.ids(CASE_COLUMNS)})
      SELECT n.case_id, ${sql.join(CASE_COLUMNS.map((col) => v.row[col]))} FROM _pb_new n`);
    await db.run(sql`INSERT INTO case_events (case_id, version, "at", actor, action, from_stage, to_stage, fields, note)
      SELECT n.case_id, 1, CAST(${opts.at} AS TIMESTAMP), ${opts.actor}, 'created', NULL, 'received',
        ${v.json}, NULL
      FROM _pb_new n`);
    const ids = await db.all<{ case_id: string }>(
      sql`SELECT case_id FROM _pb_new ORDER BY case_id LIMIT ${LISTED_IDS}`,
    );
    return { counts, ids: ids.map((r) => r.case_id) };
  });
}

/** The run's row of `playbook_runs`, with its counts (or the error that stopped it). */
async function record(
  db: DuckDbConnection,
  p: Playbook,
  cause: Cause,
  o: { atRisk: boolean; dryRun: boolean; actor: string; at: string; ms: number },
  c: Counts,
  error: string | null,
): Promise<number> {
  const [r] = await db.all<{ run_id: number }>(sql`INSERT INTO playbook_runs (run_id, playbook_id, playbook_version,
      cause, cause_ref, at_risk, dry_run, actor, started_at, ms, matched, created, skipped_open_case,
      skipped_malicious, skipped_credit_risk, error)
    VALUES (nextval('playbook_run_seq'), ${p.id}, ${p.version}, ${cause.kind}, ${cause.ref}, ${o.atRisk}, ${o.dryRun},
      ${o.actor}, CAST(${o.at} AS TIMESTAMP), ${Math.round(o.ms)}, ${c.matched}, ${c.created}, ${c.open_case},
      ${c.malicious}, ${c.credit_risk}, ${error})
    RETURNING CAST(run_id AS INTEGER) AS run_id`);
  return r?.run_id ?? 0;
}

/** A filter's customer fields must still be there: an attribute dropped since the playbook was saved. */
async function checkStillKnown(ws: Workspace, p: Playbook): Promise<void> {
  if (p.trigger.kind !== 'filter') return;
  const known = await filterDimensions(ws);
  for (const field of Object.keys(customerFilterOf(p.trigger.filter)))
    if (!known.includes(field)) throw tenureError('TEN_PLAYBOOK_UNKNOWN_FIELD', { field, known });
}

async function _runPlaybook(
  ws: Workspace,
  actor: Actor,
  p: Playbook,
  o: { atRisk: boolean; dryRun: boolean },
  cause: Cause,
): Promise<PlaybookRunResult> {
  const t0 = performance.now();
  await checkStillKnown(ws, p);
  const at = new Date().toISOString();
  const candidates = o.atRisk
    ? atRiskQuery(p.trigger)
    : triggerQuery(p.trigger, { cause, now: sql`CAST(${at} AS TIMESTAMP)`, config: ws.config });
  const db = await ws.db.connect();
  try {
    let out: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let wait = 1; !out; wait *= 4) {
      try {
        out = await attempt(ws, db, p, candidates, { dryRun: o.dryRun, at, actor: actor.name });
        if (out.counts.created && !o.dryRun) casesChanged(ws);
      } catch (e) {
        if (!isConflict(e) || wait > 256) throw e;
        await new Promise((done) => setTimeout(done, wait));
      }
    }
    const ms = performance.now() - t0;
    const runId = await record(db, p, cause, { ...o, actor: actor.name, at, ms }, out.counts, null);
    const { matched, created, ...skipped } = out.counts;
    return {
      run_id: runId,
      playbook_id: p.id,
      cause: cause.kind,
      at_risk: o.atRisk,
      dry_run: o.dryRun,
      matched,
      created,
      skipped,
      case_ids: out.ids,
      ms: Math.round(ms),
    };
  } finally {
    await db.close();
  }
}

/**
 * Run a playbook by hand: its trigger now, or (`at_risk`) over the current at-risk list of the latest scoring.
 * `dry_run` counts what a run would do and writes no case (the run is still recorded, marked dry).
 * @example const r = await runPlaybook(ws, { name: 'li.wei' }, 'save-critical', { at_risk: true }); r.created
 */
export async function runPlaybook(
  ws: Workspace,
  actor: Actor,
  id: string,
  input: RunPlaybookInput = {},
): Promise<PlaybookRunResult> {
  const i = runPlaybookInput.parse(input);
  const p = await getPlaybook(ws, id);
  return _runPlaybook(ws, actor, p, { atRisk: i.at_risk, dryRun: i.dry_run }, { kind: 'manual', ref: null });
}

const ZERO: Counts = { matched: 0, created: 0, open_case: 0, malicious: 0, credit_risk: 0 };

/**
 * The enabled playbooks whose trigger listens to `cause`, each run once: called when a scoring or an import has
 * committed. A playbook that fails (a filtered attribute since dropped) is recorded with its error and the
 * others still run: the scores or rows that set them off are kept either way.
 * @example await runPlaybooksOn(ws, { kind: 'import', ref: '12', entity: 'surveys' })
 */
export async function runPlaybooksOn(ws: Workspace, cause: Cause): Promise<PlaybookRunResult[]> {
  const actor = { name: `playbook:${cause.kind}` };
  const due = (await listPlaybooks(ws)).filter(
    (p) => p.enabled && (triggers[p.trigger.kind].listens as (c: Cause) => boolean)(cause),
  );
  const out: PlaybookRunResult[] = [];
  for (const p of due) {
    const t0 = performance.now();
    try {
      out.push(await _runPlaybook(ws, actor, p, { atRisk: false, dryRun: false }, cause));
    } catch (e) {
      const error = e instanceof TenureError ? e.code : String(e).slice(0, 500);
      const o = { atRisk: false, dryRun: false, actor: actor.name, at: new Date().toISOString() };
      await record(ws.db, p, cause, { ...o, ms: performance.now() - t0 }, ZERO, error);
    }
  }
  return out;
}
