/**
 * The benchmark's operations data, as another tool would export it: `cases` cases (stage received, opened over
 * the last two years, owned by `agents` agents) and `eventsPerCase` changes each (moves along the five steps with
 * the fields each records, assignments and comments), hourly after the case opened, so every row is valid and
 * the importer's whole path (checks, workflow, fold) runs on all of them.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const agentName = (i: number) => `agent${String(1 + i).padStart(3, '0')}`;
export const caseName = (i: number) => `OPS-${String(i + 1).padStart(7, '0')}`;

const EVENT_COLUMNS = [
  'case_id',
  'at',
  'actor',
  'to_stage',
  'owner',
  'root_cause',
  'severity',
  'company_at_fault',
  'action_plan',
  'compensation_kind',
  'compensation_amount',
  'actions_done',
  'compensation_granted',
  'contacted',
  'satisfied',
  'csat',
  'outcome',
  'note',
] as const;
type Row = Partial<Record<(typeof EVENT_COLUMNS)[number], string>>;
const line = (r: Row) => EVENT_COLUMNS.map((c) => r[c] ?? '').join(',');
const ROOT = ['network_quality', 'billing', 'service', 'price', 'product'] as const;
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'] as const;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The fields of the k-th step of case i. */
function step(k: number, i: number): Row {
  switch (k) {
    case 0:
      return { to_stage: 'diagnosed', root_cause: ROOT[i % 5], severity: 'high', company_at_fault: 'yes' };
    case 1:
      return {
        to_stage: 'planned',
        action_plan: 'Credit a month',
        compensation_kind: 'credit',
        compensation_amount: '20',
      };
    case 2:
      return { to_stage: 'implementing' };
    case 3:
      return { to_stage: 'following_up', actions_done: 'Credited', compensation_granted: '20' };
    default:
      return {
        to_stage: 'closed',
        contacted: 'yes',
        satisfied: i % 3 ? 'yes' : 'no',
        csat: String(1 + (i % 5)),
        ...(i % 4 === 0 ? { outcome: 'saved' } : {}),
      };
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length === 10_000) {
      if (!out.write(`${buf.join('\n')}\n`)) await once(out, 'drain');
      buf = [];
    }
  }
  out.end(buf.length ? `${buf.join('\n')}\n` : '');
  await once(out, 'finish');
}

export interface OpsShape {
  customers: number;
  cases: number;
  eventsPerCase: number;
  agents: number;
  now: number;
}

/** cases.csv and case_events.csv in `dir` for customers C0000001…; returns their paths. */
export async function writeOpsFiles(dir: string, o: OpsShape): Promise<{ cases: string; events: string }> {
  const opened = (i: number) => o.now - 730 * 86_400_000 + ((i * 7919) % 700) * 86_400_000 + (i % 24) * 3_600_000;
  const customer = (i: number) => `C${String(1 + ((i * 48_271) % o.customers)).padStart(7, '0')}`;
  const cases = `${dir}/cases.csv`;
  const events = `${dir}/case_events.csv`;
  await writeLines(
    cases,
    (function* () {
      yield 'case_id,customer_id,kind,priority,owner,subject,opened_at';
      for (let i = 0; i < o.cases; i++)
        yield `${caseName(i)},${customer(i)},${i % 4 === 0 ? 'retention' : 'complaint'},${PRIORITIES[i % 5]},${agentName(i % o.agents)},Case ${i + 1} about the line,${iso(opened(i))}`;
    })(),
  );
  await writeLines(
    events,
    (function* () {
      yield EVENT_COLUMNS.join(',');
      for (let i = 0; i < o.cases; i++) {
        const base = { case_id: caseName(i), actor: agentName(i % o.agents) };
        const moves = i % 6; // 0…5 steps taken: every stage of the inbox is populated
        for (let k = 0; k < o.eventsPerCase; k++) {
          const at = iso(opened(i) + (k + 1) * 3_600_000);
          if (k < moves) yield line({ ...base, at, ...step(k, i) });
          else if (k % 4 === 3) yield line({ ...base, at, owner: agentName((i + k) % o.agents) });
          else yield line({ ...base, at, note: `Called the customer (${k})` });
        }
      }
    })(),
  );
  return { cases, events };
}
