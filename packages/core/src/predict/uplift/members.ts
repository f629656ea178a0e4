/**
 * The rows an uplift model learns from: the members of a finished randomised campaign, each with the
 * point-in-time features as of the campaign's start (features/snapshot.ts, the churn model's own, so nothing
 * after the assignment leaks in), the arm, and the outcome: churned within the window after the start (the
 * snapshot's label, the same rule the churn model learns: a churn event or the end of subscription cover). Members
 * not active at the start have no features and are left out (counted).
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { snapshotFeatures } from '../features/snapshot.ts';
import { readFrame } from '../frame.ts';
import { addDays, dataEnd } from '../rows.ts';
import type { Campaign, Members } from './types.ts';

/** The campaign named, or the latest one (by start) with members in both arms. */
export async function findCampaign(ws: Workspace, id: string | undefined): Promise<Campaign> {
  const group = sql.id('m', 'group');
  const [c] = await ws.db.all<Campaign>(sql`
    SELECT c.campaign_id AS "campaignId", strftime(c.started_at, '%Y-%m-%d') AS "startedAt",
      CAST(c.cost AS DOUBLE) AS cost, CAST(count(*) FILTER (WHERE ${group} = 'treatment') AS BIGINT) AS treated,
      CAST(count(*) FILTER (WHERE ${group} = 'control') AS BIGINT) AS controls
    FROM campaigns c JOIN campaign_members m USING (campaign_id)
    WHERE c.started_at IS NOT NULL AND (${id ?? null} IS NULL OR c.campaign_id = ${id ?? null})
    GROUP BY ALL HAVING treated > 0 AND controls > 0
    ORDER BY "startedAt" DESC, "campaignId" DESC LIMIT 1`);
  if (!c) throw tenureError('TEN_UPLIFT_NO_CAMPAIGN', { campaign: id ?? null });
  return c;
}

/**
 * The campaign's members as of its start, labelled with churn within `windowDays`, with the configured segment
 * dimensions and `extraSegments` (the churn model's, so its risk can be read for the same rows).
 *
 * @example
 * const { frame, treated } = await campaignMembers(ws, await findCampaign(ws, 'RET-01'), 90, []);
 */
export async function campaignMembers(
  ws: Workspace,
  campaign: Campaign,
  windowDays: number,
  extraSegments: string[],
): Promise<Members> {
  const end = (await dataEnd(ws)) ?? campaign.startedAt;
  const closes = addDays(campaign.startedAt, windowDays);
  if (closes > end) {
    const daysLeft = Math.round((Date.parse(closes) - Date.parse(end)) / 86_400_000);
    throw tenureError('TEN_UPLIFT_WINDOW_OPEN', { campaign: campaign.campaignId, windowDays, daysLeft });
  }
  const dims = [...new Set([...ws.config.dimensions, ...extraSegments])];
  const { features, query } = await snapshotFeatures(ws, [campaign.startedAt], windowDays, dims);
  const labelled = sql`SELECT f.*, CAST(m.${sql.id('group')} = 'treatment' AS DOUBLE) AS treated
    FROM (${query}) f JOIN campaign_members m ON m.customer_id = f.customer_id AND m.campaign_id = ${campaign.campaignId}
    WHERE m.${sql.id('group')} IN ('treatment', 'control')
    ORDER BY f.customer_id`;
  // The arm is read as one more numeric column and taken off: one pass over the feature query.
  const all = await readFrame(ws.db, labelled, [...features, { name: 'treated', kind: 'numeric' }]);
  const treated = Uint8Array.from(all.columns.at(-1) as Float64Array);
  const frame = { ...all, features, columns: all.columns.slice(0, -1) };
  const absent = campaign.treated + campaign.controls - frame.rows;
  return { campaign, windowDays, asOf: campaign.startedAt, frame, treated, absent };
}
