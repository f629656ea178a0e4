/**
 * A ticket escalated into a complaint case (Salesforce's case escalation): once per ticket. The case records
 * where it came from (`source = 'ticket'`, `source_ref` the ticket id), takes its customer, its priority and
 * its subject from the ticket, and the second escalation of a ticket returns the case the first opened.
 */
import type { z } from 'zod';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { createCase } from './create.ts';
import { type EscalateTicketInput, escalateTicketInput } from './escalate-input.ts';
import { type CaseActor, parseInput } from './input.ts';
import { type CaseRow, caseSelect } from './record.ts';
import { CASE_PRIORITIES } from './workflow.ts';

export interface Escalation {
  case: CaseRow;
  /** False when the ticket had been escalated before: `case` is the one opened then. */
  created: boolean;
}

interface Ticket {
  ticket_id: string;
  customer_id: string;
  category: string | null;
  priority: string | null;
  text: string | null;
}

/**
 * Escalations in flight, per workspace and ticket: two requests escalating one ticket at once would each see
 * no case yet and open two. One process writes a workspace (DuckDB's file lock), so waiting here is enough.
 */
const inFlight = new WeakMap<Workspace, Map<string, Promise<Escalation>>>();

/** The case a ticket was escalated into, if any. */
async function escalatedCase(ws: Workspace, ticketId: string): Promise<CaseRow | null> {
  const [row] = await ws.db.all<CaseRow & Record<string, unknown>>(
    sql`SELECT ${caseSelect()} FROM cases c WHERE c.source = 'ticket' AND c.source_ref = ${ticketId}
      ORDER BY c.opened_at, c.case_id LIMIT 1`,
  );
  return row ?? null;
}

/** A case's subject from its ticket: the first line of what the customer said, else the category and the id. */
function subjectOf(t: Ticket): string {
  const line = (t.text ?? '')
    .split(/\r?\n/)
    .find((l) => l.trim())
    ?.trim();
  if (line) return line.length > 200 ? `${line.slice(0, 199)}…` : line;
  return `${t.category ?? 'Ticket'} ${t.ticket_id}`.slice(0, 200);
}

/**
 * Open a complaint case from a ticket, or return the one opened before. An unknown ticket is
 * TEN_TICKET_NOT_FOUND; an owner who is not a user TEN_CASE_UNKNOWN_OWNER, as for any case.
 * @example const { case: c, created } = await escalateTicket(ws, actor, { ticket_id: 'T-1042' })
 */
export async function escalateTicket(ws: Workspace, actor: CaseActor, input: EscalateTicketInput): Promise<Escalation> {
  const i = parseInput(escalateTicketInput, input, null, 'received');
  const running = inFlight.get(ws) ?? new Map<string, Promise<Escalation>>();
  inFlight.set(ws, running);
  const pending = running.get(i.ticket_id);
  if (pending) return pending.then((e) => ({ case: e.case, created: false }));
  const work = escalate(ws, actor, i).finally(() => running.delete(i.ticket_id));
  running.set(i.ticket_id, work);
  return work;
}

async function escalate(ws: Workspace, actor: CaseActor, i: z.output<typeof escalateTicketInput>): Promise<Escalation> {
  const [ticket] = await ws.db.all<Ticket & Record<string, unknown>>(
    sql`SELECT ticket_id, customer_id, category, priority, text FROM tickets WHERE ticket_id = ${i.ticket_id}`,
  );
  if (!ticket) throw tenureError('TEN_TICKET_NOT_FOUND', { id: i.ticket_id });
  const before = await escalatedCase(ws, i.ticket_id);
  if (before) return { case: before, created: false };
  const priority = i.priority ?? (CASE_PRIORITIES as readonly string[]).find((p) => p === ticket.priority) ?? 'normal';
  const c = await createCase(ws, actor, {
    customer_id: ticket.customer_id,
    kind: 'complaint',
    source: 'ticket',
    source_ref: ticket.ticket_id,
    priority: priority as (typeof CASE_PRIORITIES)[number],
    subject: subjectOf(ticket),
    ...(ticket.text ? { description: ticket.text.slice(0, 10_000) } : {}),
    ...(i.owner ? { owner: i.owner } : {}),
    ...(i.team ? { team: i.team } : {}),
    ...(i.note ? { note: i.note } : {}),
  });
  return { case: c, created: true };
}
