import type { CaseFieldProblem } from '../errors/cases.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type CaseActor, parseInput } from './input.ts';
import type { CaseColumn, CaseRow } from './record.ts';
import { checkSteps, parseFields } from './rules.ts';
import { type EditCaseInput, editCaseInput, generalFieldSchemas, stageFieldSchemas } from './schemas.ts';
import { slaFields } from './sla/policy.ts';
import { type CasePriority, reachedSteps, STAGE_FIELDS, type StepStage, stageOfField } from './workflow.ts';
import { basedOn, checkTime, readCase, timeOf, writeChange } from './write.ts';

/**
 * Correct a case: its subject, description, priority or source reference, and the findings of the steps it has
 * reached (a diagnosis found wrong while planning). Each step whose fields change is checked again by the same
 * rules as when it was entered, so an edit cannot raise a compensation past its approval. A field of a step
 * not reached yet is refused: it is recorded by taking that step. A new priority sets the due times again, from
 * the opening and under the policy its kind and new priority have now: an urgent case found to be low was never
 * owed the urgent answer, and one found urgent was owed it from the start.
 * @example await editCase(ws, actor, 'CASE-000001', { fields: { root_cause: 'billing' }, note: 'Was a billing error' })
 */
export async function editCase(ws: Workspace, actor: CaseActor, id: string, input: EditCaseInput): Promise<CaseRow> {
  const c = await readCase(ws.db, id);
  const i = parseInput(editCaseInput, input, id, c.stage);
  const version = basedOn(c, i.version);
  const at = timeOf(i.at);
  checkTime(c, at);
  const steps = reachedSteps(c.stage);
  const allowed = [
    ...Object.keys(generalFieldSchemas),
    ...steps.flatMap((s) => [...STAGE_FIELDS[s].required, ...STAGE_FIELDS[s].optional]),
  ];
  const problems: CaseFieldProblem[] = [];
  const given = parseFields(i.fields, allowed, problems, { ...stageFieldSchemas, ...generalFieldSchemas });
  if (!Object.keys(i.fields).length)
    problems.push({ field: 'fields', value: null, expected: { en: 'at least one field', 'zh-CN': '至少一个字段' } });
  const touched = [...new Set(Object.keys(given).map(stageOfField))].filter((s): s is StepStage => s !== null);
  await checkSteps(ws, { ...c, ...given }, touched, c.stage, problems);
  return writeChange(ws, id, version, {
    at,
    actor: actor.name,
    action: 'edited',
    from_stage: null,
    to_stage: null,
    fields: {
      ...(given as Partial<Record<CaseColumn, unknown>>),
      ...(given.priority !== undefined && given.priority !== c.priority
        ? slaFields(ws.config.cases.sla, c.kind, given.priority as CasePriority, c.opened_at)
        : {}),
    },
    note: i.note ?? null,
  });
}
