import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, parseInput } from './input.ts';
import { checkAssignee } from './people.ts';
import type { CaseColumn, CaseRow } from './record.ts';
import { pickAssignee } from './routing.ts';
import { type CreateCaseInput, createCaseInput, stageFieldSchemas } from './schemas.ts';
import { slaFields } from './sla/policy.ts';
import { insertCase, timeOf } from './write.ts';

/**
 * A new case's id: `CASE-` and the next number of the workspace's sequence not taken yet (an imported case may
 * have brought its own id of that form).
 */
async function nextId(ws: Workspace): Promise<string> {
  for (;;) {
    const [r] = await ws.db.all<{ n: number }>(sql`SELECT nextval('case_seq') AS n`);
    const id = `CASE-${String(r?.n).padStart(6, '0')}`;
    if (!(await ws.db.all(sql`SELECT 1 AS x FROM cases WHERE case_id = ${id}`)).length) return id;
  }
}

/**
 * Open a case on a customer at `received`. The customer must exist (TEN_CASE_UNKNOWN_CUSTOMER); an owner and team
 * given are checked (people.ts); given neither, the assignment rules choose them (routing.ts). The SLA policy of
 * its kind and priority sets its due times from the opening (sla/policy.ts). The `created` event holds every
 * column, so replaying the log needs nothing else.
 * @example await createCase(ws, actor, { customer_id: 'C1', kind: 'complaint', subject: 'Dropped calls' })
 */
export async function createCase(ws: Workspace, actor: CaseActor, input: CreateCaseInput): Promise<CaseRow> {
  const i = parseInput(createCaseInput, input, input?.case_id ?? null, 'received');
  const [known] = await ws.db.all(sql`SELECT 1 AS x FROM customers WHERE customer_id = ${i.customer_id} LIMIT 1`);
  if (!known) throw tenureError('TEN_CASE_UNKNOWN_CUSTOMER', { customer: i.customer_id });
  await checkAssignee(ws, i.owner ?? null, i.team ?? null);
  const to =
    i.owner || i.team
      ? { owner: i.owner ?? null, team: i.team ?? null }
      : await pickAssignee(ws, { customer_id: i.customer_id, kind: i.kind, priority: i.priority });
  const at = timeOf(i.at);
  const empty = Object.fromEntries(Object.keys(stageFieldSchemas).map((k) => [k, null]));
  const fields: Partial<Record<CaseColumn, unknown>> = {
    customer_id: i.customer_id,
    kind: i.kind,
    source: i.source,
    source_ref: i.source_ref ?? null,
    stage: 'received',
    priority: i.priority,
    owner: to.owner,
    team: to.team,
    subject: i.subject,
    description: i.description ?? null,
    ...empty,
    opened_at: at,
    stage_at: at,
    closed_at: null,
    reopen_count: 0,
    ...slaFields(ws.config.cases.sla, i.kind, i.priority, at),
    first_response_at: null,
    playbook_id: null,
  };
  const id = i.case_id ?? (await nextId(ws));
  return insertCase(ws, id, {
    at,
    actor: actor.name,
    action: 'created',
    from_stage: null,
    to_stage: 'received',
    fields,
    note: i.note ?? null,
  });
}
