import type { CaseFieldProblem } from '../errors/cases.ts';
import { tenureError } from '../errors.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, fieldError, parseInput } from './input.ts';
import type { CaseColumn, CaseRow } from './record.ts';
import { checkSteps, parseFields } from './rules.ts';
import { type MoveCaseInput, moveCaseInput } from './schemas.ts';
import { firstResponse } from './sla/policy.ts';
import { allowedMoves, type CaseStage, moveKind, reachedSteps, STAGE_FIELDS, type StepStage } from './workflow.ts';
import { basedOn, checkTime, readCase, timeOf, writeChange } from './write.ts';

/** The fields a reopening clears: those of the steps the case goes back before, so they are taken again. */
function clearedBy(c: CaseRow, to: CaseStage): Partial<Record<CaseColumn, unknown>> {
  const kept = new Set<string>(reachedSteps(to));
  const out: Partial<Record<CaseColumn, unknown>> = {};
  for (const step of Object.keys(STAGE_FIELDS) as StepStage[]) {
    if (kept.has(step)) continue;
    for (const f of [...STAGE_FIELDS[step].required, ...STAGE_FIELDS[step].optional])
      if (c[f as CaseColumn] !== null) out[f as CaseColumn] = null;
  }
  return out;
}

/**
 * Move a case along the workflow (`workflow.ts`): to the next step with the fields that step records, to
 * cancelled from any open stage, or from closed back to received or diagnosed (a reopening: counted in
 * reopen_count, the fields of the steps it goes back before cleared, each kept in the event log). Anything
 * else is TEN_CASE_TRANSITION; a missing or bad field TEN_CASE_FIELD naming it; compensation above the limit
 * without an approver TEN_CASE_APPROVAL; a change based on an old version TEN_CASE_STALE. Nothing is written
 * unless all is well.
 * @example await moveCase(ws, actor, 'CASE-000001', { to: 'diagnosed', version: 1, fields: { root_cause: 'price', severity: 'high', company_at_fault: false } })
 */
export async function moveCase(ws: Workspace, actor: CaseActor, id: string, input: MoveCaseInput): Promise<CaseRow> {
  const c = await readCase(ws.db, id);
  const i = parseInput(moveCaseInput, input, id, c.stage);
  const version = basedOn(c, i.version);
  const at = timeOf(i.at);
  checkTime(c, at);
  const kind = moveKind(c.stage, i.to);
  if (!kind) throw tenureError('TEN_CASE_TRANSITION', { id, from: c.stage, to: i.to, known: allowedMoves(c.stage) });
  const problems: CaseFieldProblem[] = [];
  let fields: Partial<Record<CaseColumn, unknown>>;
  if (kind === 'moved') {
    const step = i.to as StepStage;
    const given = parseFields(i.fields, [...STAGE_FIELDS[step].required, ...STAGE_FIELDS[step].optional], problems);
    await checkSteps(ws, { ...c, ...given }, [step], i.to, problems);
    fields = { ...given, stage: i.to, stage_at: at, ...(i.to === 'closed' ? { closed_at: at } : {}) };
  } else {
    // Cancelling and reopening take no fields: what they mean is said in the note.
    parseFields(i.fields, [], problems);
    if (problems.length) throw fieldError(id, i.to, problems);
    fields =
      kind === 'cancelled'
        ? { stage: i.to, stage_at: at, closed_at: at }
        : { ...clearedBy(c, i.to), stage: i.to, stage_at: at, closed_at: null, reopen_count: c.reopen_count + 1 };
  }
  return writeChange(ws, id, version, {
    at,
    actor: actor.name,
    action: kind,
    from_stage: c.stage,
    to_stage: i.to,
    fields: { ...fields, ...firstResponse(c, at) },
    note: i.note ?? null,
  });
}
