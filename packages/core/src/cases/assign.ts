import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, fieldError, parseInput } from './input.ts';
import { checkAssignee } from './people.ts';
import type { CaseColumn, CaseRow } from './record.ts';
import { type AssignCaseInput, assignCaseInput } from './schemas.ts';
import { checkMember } from './teams.ts';
import { basedOn, checkTime, readCase, timeOf, writeChange } from './write.ts';

/**
 * Give a case to an owner, a team or both (null takes it away). The owner must be a user
 * (TEN_CASE_UNKNOWN_OWNER), the team a team (TEN_CASE_UNKNOWN_TEAM), and the owner a member of the team the case
 * then has (TEN_CASE_OWNER_NOT_IN_TEAM): one given with it, or the case's own when only an owner is given.
 * Closed cases may be reassigned too: their follow-up belongs to someone.
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
  await checkAssignee(ws, i.owner ?? null, i.team ?? null);
  // The pair the case ends with: an owner kept or given must belong to a team given, a team kept to an owner given.
  const owner = i.owner === undefined ? c.owner : i.owner;
  const team = i.team === undefined ? c.team : i.team;
  if (owner && team && !(i.owner && i.team)) await checkMember(ws, owner, team);
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
