/** What an escalation of a ticket takes: zod alone, so the API's schemas (and the dashboard) can share it. */
import { z } from 'zod';
import { CASE_PRIORITIES } from './workflow.ts';

export const escalateTicketInput = z
  .object({
    ticket_id: z.string().trim().min(1).max(200),
    owner: z
      .string()
      .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'a username')
      .optional(),
    team: z.string().trim().min(1).max(64).optional(),
    /** Overrides the ticket's priority. */
    priority: z.enum(CASE_PRIORITIES).optional(),
    note: z.string().trim().min(1).max(10_000).optional(),
  })
  .strict();
export type EscalateTicketInput = z.input<typeof escalateTicketInput>;
