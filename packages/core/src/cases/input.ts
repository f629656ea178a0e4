import type { z } from 'zod';
import type { Actor } from '../access/sessions.ts';
import type { CaseFieldProblem } from '../errors/cases.ts';
import { type TenureError, tenureError } from '../errors.ts';
import { optionFixes } from '../options.ts';

/** Who changed a case: any actor of the access layer (a user's session, an API key), or a shell's own name. */
export type CaseActor = Pick<Actor, 'name'>;

/**
 * A write's input through its schema; a bad field is TEN_CASE_FIELD naming it (the input's own names: the API
 * body's fields, which the CLI's flags mirror) with what it takes in both languages, as options are worded.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  id: string | null,
  stage: string,
): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = optionFixes(r.error.issues, input).map((f) => ({
    field: f.option,
    value: f.value === '' ? null : f.value,
    expected: f.allowed,
  }));
  throw fieldError(id, stage, problems);
}

/** TEN_CASE_FIELD for every problem at once; `details.fields` lists them for a form to mark. */
export const fieldError = (id: string | null, stage: string, fieldProblems: CaseFieldProblem[]): TenureError =>
  tenureError('TEN_CASE_FIELD', { id, stage, fieldProblems }, {}, { fields: fieldProblems });
