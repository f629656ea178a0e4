import type { Workspace } from '../workspace/workspace.ts';
import type { CaseActor } from './input.ts';
import { moveCase } from './move.ts';
import type { CaseRow } from './record.ts';
import type { ReopenCaseInput } from './schemas.ts';

/**
 * Reopen a closed case at received (the default) or diagnosed: a move back, counted in reopen_count.
 * @example await reopenCase(ws, actor, 'CASE-000001', { to: 'diagnosed', note: 'Calls dropping again' })
 */
export const reopenCase = (
  ws: Workspace,
  actor: CaseActor,
  id: string,
  input: ReopenCaseInput = {},
): Promise<CaseRow> => moveCase(ws, actor, id, { ...input, to: input.to ?? 'received' });
