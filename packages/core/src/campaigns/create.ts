/**
 * Design a campaign: check the design, draw its arms and store both, in one transaction (nothing half-written).
 * The draw is stratified and seeded, set-based in SQL: within each stratum the targeted customers are ordered by
 * md5(seed:customer_id) and the first round(n × holdout) are the control, so every stratum holds out exactly its
 * share and the same seed and target draw the same arms. It is stored once: a campaign id that exists is refused
 * (TEN_CAMPAIGN_EXISTS), so creating or launching again never redraws an assignment.
 */
import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { campaignClock } from './clock.ts';
import { type Campaign, campaignDesignInput, type StratumCount } from './design.ts';
import { getCampaign } from './store.ts';
import { targetSql, targetText } from './target.ts';

export interface Actor {
  name: string;
}

/**
 * Create a draft campaign from a design (campaignDesignInput) and return it with its members per arm and stratum.
 * @example await createCampaign(ws, { name: 'boss' }, { id: 'WIN-01', name: 'Win-back call', target: { kind: 'at_risk' }, holdout_share: 0.3 })
 */
export async function createCampaign(
  ws: Workspace,
  actor: Actor,
  input: unknown,
): Promise<{ campaign: Campaign; strata: StratumCount[] }> {
  const design = parseOptions(campaignDesignInput, input);
  const holdout = design.holdout_share ?? ws.config.campaigns.holdout_share;
  if (!(holdout > 0 && holdout < 1)) throw tenureError('TEN_EXPERIMENT_BAD_HOLDOUT', { share: holdout });
  const currency = design.currency ?? ws.config.currency;
  if (currency !== ws.config.currency)
    throw tenureError('TEN_CAMPAIGN_CURRENCY', { currency, workspace: ws.config.currency });
  const id = design.id;
  const clock = await campaignClock(ws);
  const target = await targetSql(ws, design.target, design.strata, clock);
  const at = sql`CAST(${clock} AS TIMESTAMP)`;
  await ws.db.transaction(async () => {
    if ((await ws.db.all(sql`SELECT 1 AS x FROM campaigns WHERE campaign_id = ${id}`)).length)
      throw tenureError('TEN_CAMPAIGN_EXISTS', { id });
    const inserted = await ws.db.exec(sql`
      INSERT INTO campaign_members (campaign_id, customer_id, ${sql.id('group')}, assigned_at, stratum, assigned_by)
      SELECT ${id}, customer_id, CASE WHEN rk <= round(n * ${holdout}) THEN 'control' ELSE 'treatment' END, ${at},
        stratum, 'tenure'
      FROM (SELECT customer_id, stratum, count(*) OVER (PARTITION BY stratum) AS n,
          row_number() OVER (PARTITION BY stratum ORDER BY md5(${String(design.seed)} || ':' || customer_id), customer_id) AS rk
        FROM (${target}) t) r`);
    if (!inserted)
      throw tenureError('TEN_CAMPAIGN_EMPTY_TARGET', { target: targetText(design.target), reason: 'none' });
    await ws.db.run(sql`
      INSERT INTO campaigns (campaign_id, name, kind, started_at, cost, target, holdout_share, seed, strata,
        cost_per_contact, fixed_cost, currency, outcome_window_days, primary_metric, status, created_at, created_by)
      VALUES (${id}, ${design.name}, ${design.kind ?? null}, ${at}, NULL, ${JSON.stringify(design.target)}, ${holdout},
        ${design.seed}, ${design.strata ?? null}, ${design.cost_per_contact}, ${design.fixed_cost}, ${currency},
        ${design.outcome_window_days ?? ws.config.campaigns.outcome_window_days}, ${design.primary_metric}, 'draft',
        ${at}, ${actor.name})`);
  });
  const strata = await ws.db.all<StratumCount>(sql`
    SELECT stratum, CAST(count(*) FILTER (WHERE ${sql.id('group')} = 'treatment') AS INTEGER) AS treatment,
      CAST(count(*) FILTER (WHERE ${sql.id('group')} = 'control') AS INTEGER) AS control
    FROM campaign_members WHERE campaign_id = ${id} GROUP BY stratum ORDER BY stratum`);
  return { campaign: await getCampaign(ws, id), strata };
}
