/**
 * An analyst confirms or corrects the mapping of one churn event: the kind and category must belong together
 * (schema/churn-events.ts), the event must exist. One row per event in `exit_mappings`, replaced by a later
 * confirmation, holding the rules' suggestion at that moment beside the choice, with who and when.
 */
import { tenureError } from '../../errors.ts';
import { CHURN_CATEGORIES } from '../../schema/churn-events.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type ExitRow, listExits, type Taxonomy } from './list.ts';
import { kindOf, suggestExit } from './rules.ts';
import { exitKey, exitTexts } from './texts.ts';

export interface ExitConfirmation extends Taxonomy {
  customerId: string;
  churnedAt: string;
}

/**
 * @example
 * await confirmExit(ws, { customerId: 'C7', churnedAt: '2024-03-01 00:00:00', kind: 'voluntary', category: 'competitive', competitor: 'Nimbus Mobile', reason: null }, 'li.wei');
 */
export async function confirmExit(
  ws: Workspace,
  input: ExitConfirmation,
  actor: string,
  competitors: readonly string[] = [],
): Promise<ExitRow> {
  const { kind, category } = input;
  if (kind && category && kindOf(category) !== kind)
    throw tenureError('TEN_VOICE_BAD_TAXONOMY', { kind, category, known: [...CHURN_CATEGORIES[kind]] });
  const [event] = await ws.db.all<{ churned_at: string }>(sql`SELECT CAST(churned_at AS VARCHAR) AS churned_at
    FROM churn_events WHERE customer_id = ${input.customerId} AND churned_at = TRY_CAST(${input.churnedAt} AS TIMESTAMP)`);
  if (!event)
    throw tenureError('TEN_VOICE_EXIT_NOT_FOUND', { customer: input.customerId, churned_at: input.churnedAt });
  const key = { customerId: input.customerId, churnedAt: event.churned_at };
  const { texts, topicTerms } = await exitTexts(ws.db, [key]);
  const said = texts.get(exitKey(key.customerId, key.churnedAt)) ?? [];
  const s = suggestExit(
    [...said.map((t) => t.text), ...said.flatMap((t) => (t.topicId ? [topicTerms.get(t.topicId) ?? ''] : []))],
    competitors,
  );
  const chosenKind = kind ?? (category ? kindOf(category) : null);
  await ws.db.run(sql`INSERT OR REPLACE INTO exit_mappings (customer_id, churned_at, suggested_kind, suggested_category,
      suggested_competitor, suggested_reason, matched, kind, category, competitor, reason, confirmed_by, confirmed_at)
    VALUES (${key.customerId}, CAST(${key.churnedAt} AS TIMESTAMP), ${s.kind}, ${s.category}, ${s.competitor}, ${s.reason},
      ${JSON.stringify(s.matched)}, ${chosenKind}, ${category}, ${input.competitor?.trim() || null},
      ${input.reason?.trim() || null}, ${actor}, ${new Date().toISOString()})`);
  const [row] = (await listExits(ws.db, { only: key, competitors })).rows;
  return row!;
}
