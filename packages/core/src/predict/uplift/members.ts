/**
 * The rows an uplift model learns from: the members of a finished randomised campaign, each with the
 * point-in-time features as of the campaign's start (features/snapshot.ts, the churn model's own, so nothing
 * after the assignment leaks in), the arm, and the outcome as the campaign measurement reads it: churned within
 * the outcome window (campaigns/outcome.ts, the one definition). Members not active at the start have no
 * features and are left out (counted).
 */
import { campaignClock } from '../../campaigns/clock.ts';
import { outcomeSql } from '../../campaigns/outcome.ts';
import { tenureError } from '../../errors.ts';
import { workspaceMoney } from '../../metrics/currency.ts';
import { pickBasis } from '../../metrics/query.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { snapshotFeatures } from '../features/snapshot.ts';
import { readFrame } from '../frame.ts';
import type { Campaign, Members } from './types.ts';

/** The campaign named, or the latest one (by launch, else start) with members in both arms. */
export async function findCampaign(ws: Workspace, id: string | undefined): Promise<Campaign> {
  const group = sql.id('m', 'group');
  const [c] = await ws.db.all<Campaign>(sql`
    SELECT c.campaign_id AS "campaignId", strftime(coalesce(c.launched_at, c.started_at), '%Y-%m-%d') AS "startedAt",
      CAST(coalesce(c.cost_per_contact * count(*) FILTER (WHERE ${group} = 'treatment'), c.cost) AS DOUBLE) AS cost,
      CAST(count(*) FILTER (WHERE ${group} = 'treatment') AS BIGINT) AS treated,
      CAST(count(*) FILTER (WHERE ${group} = 'control') AS BIGINT) AS controls
    FROM campaigns c JOIN campaign_members m USING (campaign_id)
    WHERE (${id ?? null} IS NULL OR c.campaign_id = ${id ?? null})
    GROUP BY c.campaign_id, c.launched_at, c.started_at, c.cost_per_contact, c.cost
    HAVING treated > 0 AND controls > 0
    ORDER BY "startedAt" DESC NULLS LAST, "campaignId" DESC LIMIT 1`);
  if (!c) throw tenureError('TEN_UPLIFT_NO_CAMPAIGN', { campaign: id ?? null });
  return c;
}

type Clock = { as_of: string | null; window_days: number; days_left: number };

/**
 * The campaign's members as of its start, labelled with churn within the campaign's outcome window (or
 * `windowDays`), with the configured segment dimensions and `extraSegments` (the churn model's, so its risk can
 * be read for the same rows).
 *
 * @example
 * const { frame, treated } = await campaignMembers(ws, await findCampaign(ws, 'RET-01'), undefined, []);
 */
export async function campaignMembers(
  ws: Workspace,
  campaign: Campaign,
  windowDays: number | undefined,
  extraSegments: string[],
): Promise<Members> {
  const asOf = await campaignClock(ws);
  const basis = await pickBasis(ws.db, 'auto');
  const money = await workspaceMoney(ws.db, ws.config.currency);
  const q = { campaignId: campaign.campaignId, asOf, basis, config: ws.config, windowDays, read: money.read };
  const outcomes = outcomeSql(q, ws.db.dialect);
  await money.check();
  const [clock] = await ws.db.all<Clock>(sql`
    SELECT strftime(min(t0), '%Y-%m-%d') AS as_of, CAST(max(window_days) AS INTEGER) AS window_days,
      CAST(ceil(greatest(0, date_diff('second', CAST(${asOf} AS TIMESTAMP), max(t1))) / 86400) AS INTEGER) AS days_left
    FROM (${outcomes}) o`);
  const window = clock?.window_days ?? windowDays ?? ws.config.campaigns.outcome_window_days;
  if (!clock?.as_of) throw tenureError('TEN_UPLIFT_NO_CAMPAIGN', { campaign: campaign.campaignId });
  if (clock.days_left > 0)
    throw tenureError('TEN_UPLIFT_WINDOW_OPEN', {
      campaign: campaign.campaignId,
      windowDays: window,
      daysLeft: clock.days_left,
    });
  const dims = [...new Set([...ws.config.dimensions, ...extraSegments])];
  const { features, query } = await snapshotFeatures(ws, [clock.as_of], null, dims);
  const labelled = sql`SELECT f.* EXCLUDE (label), CAST(o.churned AS DOUBLE) AS label,
      CAST(o.arm = 'treatment' AS DOUBLE) AS treated
    FROM (${query}) f JOIN (${outcomes}) o ON o.customer_id = f.customer_id
    WHERE o.arm IN ('treatment', 'control')
    ORDER BY f.customer_id`;
  // The arm is read as one more numeric column and taken off: one pass over the feature query.
  const all = await readFrame(ws.db, labelled, [...features, { name: 'treated', kind: 'numeric' }]);
  const treated = Uint8Array.from(all.columns.at(-1) as Float64Array);
  const frame = { ...all, features, columns: all.columns.slice(0, -1) };
  const absent = campaign.treated + campaign.controls - frame.rows;
  return { campaign, windowDays: window, asOf: clock.as_of, frame, treated, absent };
}
