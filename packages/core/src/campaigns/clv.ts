/**
 * The value of one saved customer for a campaign's money, in revenue (campaignMoney multiplies by the margin).
 * From the CLV model when the customers are scored: the latest scoring's CLV of the treated members is gross
 * profit (models/clv/parts.ts applies gross_margin), so it is divided by the margin back to revenue. Without a
 * scoring: the members' monthly revenue at launch (MRR, plus pre-period order revenue per 30 days) times the
 * expected lifetime implied by the control arm's churn within the window (window months ÷ churn), capped at
 * ten years.
 */
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { ArmData } from './measure-data.ts';

const MAX_MONTHS = 120;

export async function saveValue(
  ws: Workspace,
  campaignId: string,
  control: ArmData,
  treatment: ArmData,
  windowDays: number,
): Promise<{ clv: number; source: 'model' | 'revenue' }> {
  const [r] = await ws.db.all<{ clv: number | null }>(sql`SELECT CAST(avg(s.clv) AS DOUBLE) AS clv
    FROM scores s JOIN campaign_members m ON m.customer_id = s.customer_id
    WHERE s.run_id = (SELECT max(run_id) FROM scores) AND m.campaign_id = ${campaignId}
      AND m.${sql.id('group')} = 'treatment' AND s.clv IS NOT NULL`);
  if (r?.clv != null) return { clv: r.clv / ws.config.gross_margin, source: 'model' };
  const n = control.members + treatment.members;
  const monthly = n
    ? (control.preMrr * control.members + treatment.preMrr * treatment.members) / n +
      ((control.preRevenue * control.members + treatment.preRevenue * treatment.members) / n) * (30 / windowDays)
    : 0;
  const churn = control.members ? control.churned / control.members : 0;
  const months = churn > 0 ? Math.min(MAX_MONTHS, windowDays / 30 / churn) : MAX_MONTHS;
  return { clv: monthly * months, source: 'revenue' };
}
