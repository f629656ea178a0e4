/**
 * SLA breaches as alerts: the existing alert inbox and its webhooks (predict/alerts/), one alert per case and
 * target breached, ever (acknowledging it does not raise it again). Only open cases are alerted: an alert asks
 * someone to act, and a case closed late leaves nothing to do (the compliance figures count it). The server
 * checks every `cases.sla.check_minutes`; `tenure cases sla-check` checks once.
 *
 * A check alerts at most `prediction.alert_cap` breaches, as a scoring does (the urgent and high priorities
 * first, then the oldest due): the rest are counted in one summary alert that names their cases, so a backlog
 * (a workspace opened after a holiday, an import of old open cases) never floods the inbox, and those breaches
 * are not alerted again one by one.
 */
import { type AlertRow, SUMMARY_RULE, storeAlerts } from '../../predict/alerts/raise.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { isoOf } from '../record.ts';
import { firstResponseBreached, nowOf, resolutionBreached } from './state.ts';

/** The alert rules of breaches, beside the scoring's early-warning rules. */
export const SLA_ALERT_RULES = { first_response: 'case_first_response_breach', resolution: 'case_resolution_breach' };

/** Scoring runs number from 1: SLA alerts belong to none. */
const NO_RUN = 0;

export interface SlaBreach {
  case_id: string;
  customer_id: string;
  target: keyof typeof SLA_ALERT_RULES;
  due: string;
  sla_policy: string | null;
  priority: string;
}

export interface SlaCheck {
  checked_at: string;
  /** Breaches of open cases not alerted before, oldest due first. */
  breaches: SlaBreach[];
  /** Alerts raised for them, the summary of those over the cap included (0 when `cases.sla.alerts` is off). */
  alerted: number;
}

const at = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const alertOf = (b: SlaBreach): AlertRow => {
  const first = b.target === 'first_response';
  return {
    customerId: b.customer_id,
    rule: SLA_ALERT_RULES[b.target],
    severity: b.priority === 'urgent' || b.priority === 'high' ? 'high' : 'medium',
    en: `Case ${b.case_id}: ${first ? 'first response' : 'resolution'} past SLA (due ${at(b.due)})`,
    zh: `案例 ${b.case_id}：${first ? '首次响应' : '解决'}超出 SLA（应于 ${at(b.due)} 前）`,
    detail: JSON.stringify({
      case_id: b.case_id,
      target: b.target,
      due: b.due,
      sla_policy: b.sla_policy,
      rules: [SLA_ALERT_RULES[b.target]],
    }),
  };
};

/** Where a priority's breaches come in the alerts of a check: the most urgent first. */
const PRIORITY_RANK = sql`CASE b.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/** The breaches of one check as alerts: each up to the cap, the rest in one summary naming their cases. */
function capped(breaches: SlaBreach[], cap: number): AlertRow[] {
  if (breaches.length <= cap) return breaches.map(alertOf);
  const rest = breaches.slice(cap - 1);
  const n = rest.length;
  const byRule: Record<string, number> = {};
  for (const b of rest) byRule[SLA_ALERT_RULES[b.target]] = (byRule[SLA_ALERT_RULES[b.target]] ?? 0) + 1;
  const high = rest.filter((b) => alertOf(b).severity === 'high').length;
  const summary: AlertRow = {
    customerId: '',
    rule: SUMMARY_RULE,
    severity: high ? 'high' : 'medium',
    en: `${n} more SLA target${n === 1 ? '' : 's'} of open cases passed, beyond the cap of ${cap}: see Overdue in the case inbox`,
    zh: `另有 ${n} 个未结案例的 SLA 目标已超时，超出上限 ${cap} 条：请查看案例收件箱的“已逾期”`,
    detail: JSON.stringify({ more: n, cap, byRule, high, breaches: rest.map((b) => `${b.case_id}|${b.target}`) }),
  };
  return [...breaches.slice(0, cap - 1).map(alertOf), summary];
}

/**
 * Find the open cases past a due time that have no alert for it yet, and alert each (with its webhook
 * deliveries) in one transaction, so a breach is alerted exactly once even when checks overlap.
 * @example await checkSlaBreaches(ws) // { checked_at, breaches: [{ case_id: 'CASE-000004', target: 'first_response', … }], alerted: 1 }
 */
export async function checkSlaBreaches(ws: Workspace, now: Date = new Date()): Promise<SlaCheck> {
  const c = sql`c`;
  const t = nowOf(now);
  const one = (target: keyof typeof SLA_ALERT_RULES, breached: Sql, due: Sql) =>
    sql`SELECT c.case_id, c.customer_id, ${target} AS target, ${SLA_ALERT_RULES[target]} AS rule,
        ${isoOf(due)} AS due, c.sla_policy, c.priority
      FROM cases c WHERE c.closed_at IS NULL AND ${breached}`;
  return ws.db.transaction(async () => {
    const breaches = await ws.db.all<SlaBreach & Record<string, unknown>>(sql`
      SELECT b.case_id, b.customer_id, b.target, b.due, b.sla_policy, b.priority FROM (
        ${one('first_response', firstResponseBreached(c, t), sql`c.first_response_due`)}
        UNION ALL ${one('resolution', resolutionBreached(c, t), sql`c.resolution_due`)}) b
      WHERE NOT EXISTS (SELECT 1 FROM alerts a
        WHERE a.rule = b.rule AND json_extract_string(a.detail, '$.case_id') = b.case_id)
        AND b.case_id || '|' || b.target NOT IN (
          SELECT unnest(CAST(json_extract(a.detail, '$.breaches') AS VARCHAR[])) FROM alerts a
          WHERE a.run_id = ${NO_RUN} AND a.rule = ${SUMMARY_RULE})
      ORDER BY ${PRIORITY_RANK}, b.due, b.case_id, b.target`);
    const alerted = ws.config.cases.sla.alerts
      ? await storeAlerts(ws, NO_RUN, now.toISOString().slice(0, 10), capped(breaches, ws.config.prediction.alert_cap))
      : 0;
    return { checked_at: now.toISOString(), breaches, alerted };
  });
}
