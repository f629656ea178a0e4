/**
 * Who a new case goes to when nobody says: the assignment rules of the config (`cases.assignment`), tried in
 * order, give a team; within the team the owner is taken in turn (round-robin). Playbooks call `pickAssignee`
 * for the cases they open.
 */
import { join } from 'node:path';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import { CONFIG_FILE, type Workspace } from '../workspace/workspace.ts';
import type { AssignmentRule } from './sla/config.ts';
import { checkTeam } from './teams.ts';
import type { CaseKind, CasePriority } from './workflow.ts';

export interface AssigneeQuery {
  customer_id: string;
  kind: CaseKind;
  priority: CasePriority;
  /** A team chosen already: only its next owner is picked. */
  team?: string;
}

export interface Assignee {
  team: string | null;
  owner: string | null;
  /** The index of the rule that chose the team in `cases.assignment`; null when given or none matched. */
  rule: number | null;
}

/** A rule naming something the workspace lacks is a config problem: said as one, with the setting's path. */
const configProblem = (ws: Workspace, problem: string) =>
  tenureError('TEN_CONFIG_INVALID', { file: join(ws.dir, CONFIG_FILE), problems: [problem] });

/** Whether a rule holds for a case and its customer's fields (`customer`, read once and only when a rule asks). */
async function matches(
  ws: Workspace,
  r: AssignmentRule,
  i: number,
  q: AssigneeQuery,
  customer: () => Promise<Record<string, unknown>>,
): Promise<boolean> {
  if (r.kind.length && !r.kind.includes(q.kind)) return false;
  if (r.priority.length && !r.priority.includes(q.priority)) return false;
  for (const [field, values] of Object.entries(r.customer)) {
    const row = await customer();
    if (!Object.hasOwn(row, field))
      throw configProblem(ws, `cases.assignment.${i}.customer.${field}: customers have no field ${field}`);
    const v = row[field];
    if (v === null || v === undefined || !values.includes(String(v))) return false;
  }
  return true;
}

/**
 * The member of `team` whose turn it is: the one whose newest owned case opened longest ago (never given one:
 * first), ties by the newer case's id and then by name, so the turn is the same whoever asks. Members are
 * users; a team without any gives null (the case waits in the team's queue).
 * @example await nextMember(ws, 'billing') // 'wang.fang'
 */
export async function nextMember(ws: Workspace, team: string): Promise<string | null> {
  const [r] = await ws.db.all<{ username: string }>(
    sql`SELECT username FROM (${memberTurns(team)}) t ORDER BY turn LIMIT 1`,
  );
  return r?.username ?? null;
}

/**
 * Every member of `team` with their turn (1 = next), in the order `nextMember` gives cases: a batch of cases
 * opened at one instant (a playbook run) deals them out in this order, as one case after another would.
 */
export const memberTurns = (team: string) => sql`
  SELECT m.username, row_number() OVER (
      ORDER BY max(c.opened_at) ASC NULLS FIRST, max(c.case_id) ASC NULLS FIRST, m.username) AS turn
  FROM team_members m JOIN users u ON u.username = m.username
    LEFT JOIN cases c ON c.owner = m.username
  WHERE m.team = ${team}
  GROUP BY m.username`;

/**
 * The team and owner of a case about to be opened: with `team`, that team (checked) and its next member; else
 * the first assignment rule matching the case's kind, priority and customer fields, and that team's next
 * member; else neither. A rule naming a customer field or a team the workspace lacks is TEN_CONFIG_INVALID.
 * @example await pickAssignee(ws, { customer_id: 'C1', kind: 'complaint', priority: 'high' }) // { team: 'billing', owner: 'li.wei', rule: 0 }
 */
export async function pickAssignee(ws: Workspace, q: AssigneeQuery): Promise<Assignee> {
  if (q.team !== undefined) {
    await checkTeam(ws, q.team);
    return { team: q.team, owner: await nextMember(ws, q.team), rule: null };
  }
  let row: Record<string, unknown> | undefined;
  const customer = async () => {
    row ??=
      (
        await ws.db.all<{ c: string }>(sql`SELECT to_json(c)::VARCHAR AS c FROM customers c
        WHERE c.customer_id = ${q.customer_id} LIMIT 1`)
      ).map((r) => JSON.parse(r.c) as Record<string, unknown>)[0] ?? {};
    return row;
  };
  for (const [i, r] of ws.config.cases.assignment.entries()) {
    if (!(await matches(ws, r, i, q, customer))) continue;
    const [known] = await ws.db.all(sql`SELECT 1 AS x FROM teams WHERE team = ${r.team}`);
    if (!known) throw configProblem(ws, `cases.assignment.${i}.team: there is no team ${r.team}`);
    return { team: r.team, owner: await nextMember(ws, r.team), rule: i };
  }
  return { team: null, owner: null, rule: null };
}
