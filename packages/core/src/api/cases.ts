import { z } from 'zod';
import { escalateTicketInput } from '../cases/escalate-input.ts';
import {
  assignCaseInput,
  cancelCaseInput,
  caseEventSchema,
  caseListRowSchema,
  caseRowSchema,
  commentCaseInput,
  createCaseInput,
  editCaseInput,
  listCasesQuery,
  moveCaseInput,
  reopenCaseInput,
} from '../cases/schemas.ts';
import { pageOf } from './common.ts';

/**
 * The case routes' shapes: core's case schemas (cases/schemas.ts), which the CLI's flags share, as the wire
 * takes them. A body's `version` is the one the client read (optimistic concurrency: a stale one is 409
 * TEN_CASE_STALE with the current version). Bodies take no `at`: a person's write happens on the server's
 * clock, so no client can date a step back into its SLA (imports bring their own times).
 */
export const caseParams = z.object({ id: z.string() });
export const casesQuery = listCasesQuery;
export const caseSchema = caseRowSchema;
/** Lists and the case page carry each case's SLA state as read (breached targets, overdue, the next due time). */
export const casesResponse = pageOf(caseListRowSchema);
export const caseDetailResponse = z.object({ case: caseListRowSchema, events: z.array(caseEventSchema) });

export const createCaseBody = createCaseInput.omit({ at: true });
export const moveCaseBody = moveCaseInput.omit({ at: true });
export const assignCaseBody = assignCaseInput.omit({ at: true });
export const editCaseBody = editCaseInput.omit({ at: true });
export const commentCaseBody = commentCaseInput.omit({ at: true });
export const reopenCaseBody = reopenCaseInput.omit({ at: true });
export const cancelCaseBody = cancelCaseInput.omit({ at: true });

/** A ticket escalated into a complaint case: the case, and whether this call opened it (once per ticket). */
export const escalateTicketBody = escalateTicketInput;
export const escalationResponse = z.object({ case: caseRowSchema, created: z.boolean() });
