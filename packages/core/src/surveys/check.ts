import { presentDimensions } from '../customers/columns.ts';
import { tenureError } from '../errors.ts';
import { definitionProblems } from '../playbooks/check.ts';
import { customerFilterOf } from '../playbooks/filter.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type SurveyDefinition, surveyInput } from './definition.ts';

/**
 * A survey definition as given (a file, a request body) checked: its shape, every problem at once
 * (TEN_SURVEY_INVALID naming each path); then the customer fields its scheduled segments filter on
 * (TEN_SURVEY_UNKNOWN_FIELD). Nothing is written by a check.
 * @example const { definition, version } = await checkSurvey(ws, JSON.parse(file))
 */
export async function checkSurvey(
  ws: Workspace,
  input: unknown,
): Promise<{ definition: SurveyDefinition; version: number | undefined }> {
  const r = surveyInput.safeParse(input);
  if (!r.success) {
    const id = (input as { id?: unknown } | null)?.id;
    throw tenureError('TEN_SURVEY_INVALID', {
      id: typeof id === 'string' ? id : null,
      surveyProblems: definitionProblems(input, r.error.issues),
    });
  }
  const { version, ...definition } = r.data;
  for (const [i, t] of definition.triggers.entries())
    if (t.kind === 'schedule') await checkFilter(ws, t.filter, `triggers.${i}.filter`);
  return { definition, version };
}

/** The fields of a segment filter exist among the customers' dimensions. */
export async function checkFilter(ws: Workspace, filter: readonly string[], path: string): Promise<void> {
  const known = await presentDimensions(ws);
  for (const field of Object.keys(customerFilterOf(filter)))
    if (!known.includes(field)) throw tenureError('TEN_SURVEY_UNKNOWN_FIELD', { field, known }, { path });
}
