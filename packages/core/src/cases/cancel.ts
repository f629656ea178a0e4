import type { Workspace } from '../workspace/workspace.ts';
import type { CaseActor } from './input.ts';
import { moveCase } from './move.ts';
import type { CaseRow } from './record.ts';
import type { CancelCaseInput } from './schemas.ts';

/**
 * Cancel an open case (the note says why): it leaves the work, and the resolution figures, without an outcome.
 * @example await cancelCase(ws, actor, 'CASE-000001', { note: 'Opened twice' })
 */
export const cancelCase = (
  ws: Workspace,
  actor: CaseActor,
  id: string,
  input: CancelCaseInput = {},
): Promise<CaseRow> => moveCase(ws, actor, id, { ...input, to: 'cancelled' });
