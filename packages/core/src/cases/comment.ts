import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, parseInput } from './input.ts';
import type { CaseRow } from './record.ts';
import { type CommentCaseInput, commentCaseInput } from './schemas.ts';
import { firstResponse } from './sla/policy.ts';
import { basedOn, checkTime, readCase, timeOf, writeChange } from './write.ts';

/**
 * Add a note to a case's timeline: an event of its own (a call made, a promise given), which changes no field
 * but the first response's time when it is the first.
 * @example await commentCase(ws, actor, 'CASE-000001', { note: 'Called back, no answer' })
 */
export async function commentCase(
  ws: Workspace,
  actor: CaseActor,
  id: string,
  input: CommentCaseInput,
): Promise<CaseRow> {
  const c = await readCase(ws.db, id);
  const i = parseInput(commentCaseInput, input, id, c.stage);
  const version = basedOn(c, i.version);
  const at = timeOf(i.at);
  checkTime(c, at);
  return writeChange(ws, id, version, {
    at,
    actor: actor.name,
    action: 'commented',
    from_stage: null,
    to_stage: null,
    fields: firstResponse(c, at),
    note: i.note,
  });
}
