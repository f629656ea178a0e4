/**
 * Store the alerts of a scoring run and queue their webhook deliveries in the outbox. A customer gets at most
 * one open alert per rule: while an unacknowledged alert of the same rule from the last 30 days exists, the
 * rule stays quiet for them (a complaint past SLA is not re-announced at every daily scoring). Called inside
 * the scoring transaction, so alerts, outbox rows and scores are written together or not at all.
 */
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { alertRuleNames, alertRules, type Scored } from './rules.ts';

/** Days an unacknowledged alert keeps its rule quiet for that customer. */
export const QUIET_DAYS = 30;

export interface AlertRow {
  customerId: string;
  rule: string;
  severity: string;
  en: string;
  zh: string;
  detail: string;
}

/** The alerts the rules raise for scored customers (those worth retaining only: the caller filters). */
export function evaluateRules(ws: Workspace, scored: Scored[]): AlertRow[] {
  const c = ws.config.prediction.alerts;
  return scored.flatMap((s) =>
    alertRuleNames.flatMap((rule) => {
      const text = alertRules[rule].check(s, c);
      if (!text) return [];
      const detail = { probability: s.probability, tier: s.tier, previousTier: s.previousTier };
      const { severity } = alertRules[rule];
      return [
        { customerId: s.customerId, rule, severity, en: text.en, zh: text['zh-CN'], detail: JSON.stringify(detail) },
      ];
    }),
  );
}

/** `customer|rule` of every unacknowledged alert from the last QUIET_DAYS: those rules stay quiet for them. */
export async function openAlerts(ws: Workspace): Promise<Set<string>> {
  const rows = await ws.db.all<{ customer_id: string; rule: string }>(sql`SELECT DISTINCT customer_id, rule FROM alerts
    WHERE acknowledged_at IS NULL AND created_at >= CAST(now() AS TIMESTAMP) - INTERVAL ${sql.raw(String(QUIET_DAYS))} DAY`);
  return new Set(rows.map((r) => `${r.customer_id}|${r.rule}`));
}

/**
 * Insert alerts (already filtered by `openAlerts`) and one outbox row per alert and webhook; returns how many.
 *
 * @example
 * await storeAlerts(ws, runId, '2025-12-01', evaluateRules(ws, scored));
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
  for (const hook of ws.config.prediction.webhooks)
    await ws.db.run(sql`
      INSERT INTO webhook_outbox (delivery_id, alert_id, url, secret_env, payload, status, attempts, next_attempt_at, created_at)
      SELECT nextval('webhook_delivery_seq'), a.alert_id, ${hook.url}, ${hook.secret_env},
        json_object('alert_id', a.alert_id, 'rule', a.rule, 'severity', a.severity, 'customer_id', a.customer_id,
          'as_of', strftime(a.as_of, '%Y-%m-%d'), 'message', json_object('en', a.message_en, 'zh-CN', a.message_zh),
          'detail', json(a.detail))::VARCHAR,
        'pending', 0, CAST(now() AS TIMESTAMP), CAST(now() AS TIMESTAMP)
      FROM alerts a WHERE a.run_id = ${runId}`);
  await ws.db.run(sql`DROP TABLE _new_alerts`);
  return inserted.length;
}
