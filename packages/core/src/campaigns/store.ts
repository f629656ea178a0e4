/**
 * Campaigns as every surface reads them: the stored row with its design (null for an imported campaign, whose
 * costs, window and metric come from its total cost and the config) and its members per arm.
 */
import { tenureError } from '../errors.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Campaign, CampaignStatus, PrimaryMetric, Target } from './design.ts';

const ts = (col: Sql) => sql`strftime(${col}, '%Y-%m-%d %H:%M:%S')`;

function select(ws: Workspace): Sql {
  const cfg = ws.config;
  return sql`SELECT c.campaign_id AS id, c.name AS name, c.kind AS kind, coalesce(c.status, 'imported') AS status,
      c.target AS target, c.holdout_share AS holdout_share, c.seed AS seed, c.strata AS strata,
      CAST(coalesce(c.cost_per_contact, 0) AS DOUBLE) AS cost_per_contact,
      CAST(coalesce(c.fixed_cost, c.cost, 0) AS DOUBLE) AS fixed_cost,
      coalesce(c.currency, ${cfg.currency}) AS currency,
      coalesce(c.outcome_window_days, ${cfg.campaigns.outcome_window_days}) AS outcome_window_days,
      coalesce(c.primary_metric, 'churned') AS primary_metric,
      ${ts(sql`c.started_at`)} AS started_at, ${ts(sql`c.ended_at`)} AS ended_at,
      ${ts(sql`c.launched_at`)} AS launched_at, ${ts(sql`c.created_at`)} AS created_at, c.created_by AS created_by,
      CAST(coalesce(m.treatment, 0) AS INTEGER) AS treatment, CAST(coalesce(m.control, 0) AS INTEGER) AS control,
      CAST(coalesce(m.delivered, 0) AS INTEGER) AS delivered
    FROM campaigns c LEFT JOIN (SELECT campaign_id,
        count(*) FILTER (WHERE ${sql.id('group')} = 'treatment') AS treatment,
        count(*) FILTER (WHERE ${sql.id('group')} = 'control') AS control,
        count(*) FILTER (WHERE ${sql.id('group')} = 'treatment' AND delivered_at IS NOT NULL) AS delivered
      FROM campaign_members GROUP BY campaign_id) m ON m.campaign_id = c.campaign_id`;
}

type Row = Omit<Campaign, 'target' | 'status' | 'primary_metric'> & {
  target: string | null;
  status: CampaignStatus;
  primary_metric: PrimaryMetric;
};
const campaignOf = (r: Row): Campaign => ({
  ...r,
  seed: r.seed === null ? null : Number(r.seed),
  target: r.target === null ? null : (JSON.parse(r.target) as Target),
});

/**
 * Every campaign, the latest started first.
 * @example (await listCampaigns(ws)).filter((c) => c.status === 'launched')
 */
export async function listCampaigns(ws: Workspace): Promise<Campaign[]> {
  const rows = await ws.db.all<Row>(sql`${select(ws)} ORDER BY c.started_at DESC NULLS LAST, c.campaign_id`);
  return rows.map(campaignOf);
}

/**
 * One campaign, or TEN_CAMPAIGN_NOT_FOUND.
 * @example (await getCampaign(ws, 'RET-01')).treatment
 */
export async function getCampaign(ws: Workspace, id: string): Promise<Campaign> {
  const [r] = await ws.db.all<Row>(sql`${select(ws)} WHERE c.campaign_id = ${id}`);
  if (!r) throw tenureError('TEN_CAMPAIGN_NOT_FOUND', { id });
  return campaignOf(r);
}
