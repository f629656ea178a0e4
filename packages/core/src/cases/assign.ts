import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, fieldError, parseInput } from './input.ts';
import { checkOwner } from './people.ts';
import type { CaseColumn, CaseRow } from './record.ts';
import { type AssignCaseInput, assignCaseInput } from './schemas.ts';
import { basedOn, checkTime, readCase, timeOf, writeChange } from './write.ts';

/**
 * Give a case to an owner, a team or both (null takes it away). The owner must be a user
 * (TEN_CASE_UNKNOWN_OWNER). Closed cases may be reassigned too: their follow-up belongs to someone.
 * @example await assignCase(ws, actor, 'CASE-000001', { owner: 'li.wei', team: 'retention', version: 2 })
 */
export async function assignCase(
  ws: Workspace,
  actor: CaseActor,
  id: string,
  input: AssignCaseInput,
): Promise<CaseRow> {
  const c = await readCase(ws.db, id);
  const i = parseInput(assignCaseInput, input, id, c.stage);
  const version = basedOn(c, i.version);
  const at = timeOf(i.at);
  checkTime(c, at);
  if (i.owner === undefined && i.team === undefined)
    throw fieldError(id, c.stage, [
      { field: 'owner', value: null, expected: { en: 'an owner, a team or both', 'zh-CN': '负责人、团队或两者' } },
    ]);
  if (i.owner) await checkOwner(ws, i.owner);
  const fields: Partial<Record<CaseColumn, unknown>> = {};
  if (i.owner !== undefined) fields.owner = i.owner;
  if (i.team !== undefined) fields.team = i.team;
  return writeChange(ws, id, version, {
    at,
    actor: actor.name,
    action: 'assigned',
    from_stage: null,
    to_stage: null,
    fields,
    note: i.note ?? null,
  });
}
