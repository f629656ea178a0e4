/**
 * A designed campaign's life: a draft is launched (its outcome window starts at the campaign clock), a launched
 * one finished. Neither touches the assignment. An imported campaign has no status to change.
 */
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { campaignClock } from './clock.ts';
import type { Campaign } from './design.ts';
import { getCampaign } from './store.ts';

const moves = {
  launch: { from: 'draft', to: 'launched', column: 'launched_at' },
  finish: { from: 'launched', to: 'finished', column: 'ended_at' },
} as const;

/**
 * Launch a draft or finish a launched campaign; anything else is TEN_CAMPAIGN_STATUS.
 * @example await moveCampaign(ws, 'WIN-01', 'launch')
 */
export async function moveCampaign(ws: Workspace, id: string, wanted: 'launch' | 'finish'): Promise<Campaign> {
  const m = moves[wanted];
  const clock = await campaignClock(ws);
  await ws.db.transaction(async () => {
    const c = await getCampaign(ws, id);
    if (c.status !== m.from) throw tenureError('TEN_CAMPAIGN_STATUS', { id, status: c.status, wanted });
    const at = sql`CAST(${clock} AS TIMESTAMP)`;
    // A launch moves the start to the launch: the campaign ran from then, not from its design.
    const start = wanted === 'launch' ? sql`, started_at = ${at}` : sql``;
    await ws.db.run(
      sql`UPDATE campaigns SET status = ${m.to}, ${sql.id(m.column)} = ${at}${start} WHERE campaign_id = ${id}`,
    );
  });
  return getCampaign(ws, id);
}
