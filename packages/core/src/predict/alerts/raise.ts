/**
 * The alerts of a scoring run, and storing them with their webhook deliveries in the outbox. Alerts are few and
 * worth reading:
 * - one alert per customer, naming every rule that fired for them (in alertRules' order);
 * - a rule stays quiet for a customer while an unacknowledged alert of theirs from the last 30 days names it
 *   (a complaint past SLA is not re-announced at every daily scoring);
 * - severity from tier and value: high for the critical tier or an expected loss in the run's top 10 %,
 *   medium otherwise;
 * - at most `prediction.alert_cap` per run, the critical tier, then high severity, then the largest expected loss
 *   first; the rest are counted in one summary alert (rule `summary`, no customer) instead of dropped silently.
 * Called inside the scoring transaction, so alerts, outbox rows and scores are written together or not at all.
 */
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type AlertRule, alertRuleNames, alertRules, type Scored, speaksFor } from './rules.ts';

/** Days an unacknowledged alert keeps its rules quiet for that customer. */
export const QUIET_DAYS = 30;

/** The rule of the one alert that counts the customers left over the cap. */
export const SUMMARY_RULE = 'summary';

/** Expected losses at or above this quantile of the run's make an alert high severity. */
const VALUE_QUANTILE = 0.9;

export interface AlertRow {
  /** Empty for the summary alert. */
  customerId: string;
  /** The first rule that fired (alertRules' order), or `summary`. */
  rule: string;
  severity: 'high' | 'medium';
  en: string;
  zh: string;
  detail: string;
}

/** What one customer's rules said, before the cap. */
interface Candidate {
  row: AlertRow;
  rules: AlertRule[];
  critical: boolean;
  rank: number;
}

/**
 * The alerts for scored customers (those worth retaining only: the caller filters), with `quiet` (from
 * openAlerts) holding `customer|rule` pairs that may not speak: one per customer, capped, with the summary.
 *
 * @example
 * storeAlerts(ws, runId, asOf, raiseAlerts(ws, scored, await openAlerts(ws)));
 */
export function raiseAlerts(ws: Workspace, scored: Scored[], quiet: Set<string> = new Set()): AlertRow[] {
  const c = ws.config.prediction.alerts;
  const losses = scored.flatMap((s) => (s.expectedLoss === null ? [] : [s.expectedLoss])).sort((a, b) => a - b);
  const valuable = losses.length ? losses[Math.floor(VALUE_QUANTILE * (losses.length - 1))]! : Number.POSITIVE_INFINITY;
  const candidates: Candidate[] = scored.flatMap((s) => {
    const fired = alertRuleNames.flatMap((rule) => {
      if (quiet.has(`${s.customerId}|${rule}`) || !speaksFor(rule, s.tier)) return [];
      const text = alertRules[rule].check(s, c);
      return text ? [{ rule, text }] : [];
    });
    if (!fired.length) return [];
    const high = s.tier === 'critical' || (s.expectedLoss !== null && s.expectedLoss >= valuable);
    const rules = fired.map((f) => f.rule);
    const detail = {
      rules,
      probability: s.probability,
      tier: s.tier,
      previousTier: s.previousTier,
      expectedLoss: s.expectedLoss,
    };
    const row: AlertRow = {
      customerId: s.customerId,
      rule: rules[0]!,
      severity: high ? 'high' : 'medium',
      en: fired.map((f) => f.text.en).join('; '),
      zh: fired.map((f) => f.text['zh-CN']).join('；'),
      detail: JSON.stringify(detail),
    };
    return [{ row, rules, critical: s.tier === 'critical', rank: s.expectedLoss ?? s.probability }];
  });
  // The critical tier first (every one of them is listed while they fit under the cap), then by severity and value.
  const key = (x: Candidate) => [Number(x.critical), Number(x.row.severity === 'high'), x.rank];
  candidates.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return kb[0]! - ka[0]! || kb[1]! - ka[1]! || kb[2]! - ka[2]!;
  });
  const cap = ws.config.prediction.alert_cap;
  if (candidates.length <= cap) return candidates.map((x) => x.row);
  const kept = candidates.slice(0, cap - 1);
  const rest = candidates.slice(cap - 1);
  const byRule: Record<string, number> = {};
  for (const x of rest) for (const r of x.rules) byRule[r] = (byRule[r] ?? 0) + 1;
  const n = rest.length;
  const summary: AlertRow = {
    customerId: '',
    rule: SUMMARY_RULE,
    severity: rest.some((x) => x.row.severity === 'high') ? 'high' : 'medium',
    en: `${n} more customer${n === 1 ? '' : 's'} triggered alerts in this scoring, beyond the cap of ${cap}: see the at-risk list`,
    zh: `本次评分另有 ${n} 位客户触发预警，超出上限 ${cap} 条：请查看流失风险列表`,
    detail: JSON.stringify({ more: n, cap, byRule, high: rest.filter((x) => x.row.severity === 'high').length }),
  };
  return [...kept.map((x) => x.row), summary];
}

/** `customer|rule` of every rule named by an unacknowledged alert from the last QUIET_DAYS: those stay quiet. */
export async function openAlerts(ws: Workspace): Promise<Set<string>> {
  const rows = await ws.db.all<{ customer_id: string; rule: string }>(sql`
    SELECT DISTINCT customer_id, coalesce(r.rule, a.rule) AS rule
    FROM alerts a LEFT JOIN LATERAL (
      SELECT unnest(CAST(json_extract(a.detail, '$.rules') AS VARCHAR[])) AS rule) r ON true
    WHERE a.acknowledged_at IS NULL AND a.rule <> ${SUMMARY_RULE}
      AND a.created_at >= CAST(now() AS TIMESTAMP) - INTERVAL ${sql.raw(String(QUIET_DAYS))} DAY`);
  return new Set(rows.map((r) => `${r.customer_id}|${r.rule}`));
}

/**
 * Insert alerts (already filtered by `openAlerts`) and one outbox row per alert and webhook; returns how many.
 *
 * @example
 * await storeAlerts(ws, runId, '2025-12-01', raiseAlerts(ws, scored));
 */
export async function storeAlerts(ws: Workspace, runId: number, asOf: string, alerts: AlertRow[]): Promise<number> {
  if (!alerts.length) return 0;
  const col = <K extends keyof AlertRow>(k: K) => alerts.map((a) => a[k]);
  await ws.db.run(sql`CREATE OR REPLACE TEMP TABLE _new_alerts AS
    SELECT unnest(${col('customerId')}) AS customer_id, unnest(${col('rule')}) AS rule,
      unnest(${col('severity')}) AS severity, unnest(${col('en')}) AS message_en, unnest(${col('zh')}) AS message_zh,
      unnest(${col('detail')}) AS detail`);
  const inserted = await ws.db.all<{ alert_id: number }>(sql`
    INSERT INTO alerts (alert_id, run_id, customer_id, rule, severity, as_of, created_at, message_en, message_zh, detail)
    SELECT nextval('alert_seq'), ${runId}, n.customer_id, n.rule, n.severity, CAST(${asOf} AS DATE),
      CAST(now() AS TIMESTAMP), n.message_en, n.message_zh, n.detail
    FROM _new_alerts n RETURNING alert_id`);
  // The rows just inserted, not every alert of the run: SLA checks store theirs under run 0 (cases/sla/alerts.ts).
  const ids = inserted.map((r) => String(r.alert_id));
  for (const hook of ws.config.prediction.webhooks)
    await ws.db.run(sql`
      INSERT INTO webhook_outbox (delivery_id, alert_id, url, secret_env, payload, status, attempts, next_attempt_at, created_at)
      SELECT nextval('webhook_delivery_seq'), a.alert_id, ${hook.url}, ${hook.secret_env},
        json_object('alert_id', a.alert_id, 'rule', a.rule, 'severity', a.severity, 'customer_id', a.customer_id,
          'as_of', strftime(a.as_of, '%Y-%m-%d'), 'message', json_object('en', a.message_en, 'zh-CN', a.message_zh),
          'detail', json(a.detail))::VARCHAR,
        'pending', 0, CAST(now() AS TIMESTAMP), CAST(now() AS TIMESTAMP)
      FROM alerts a WHERE list_contains(${ids}, CAST(a.alert_id AS VARCHAR))`);
  await ws.db.run(sql`DROP TABLE _new_alerts`);
  return inserted.length;
}
