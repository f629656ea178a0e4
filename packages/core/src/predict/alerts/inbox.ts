/**
 * The alert inbox: the stored alerts, newest first, with their delivery state, and acknowledging them (which
 * lets their rule speak again for that customer at the next scoring).
 */
import { type Page, type PageQuery, pageOf } from '../../paging.ts';
import { sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';

export interface AlertItem {
  alert_id: number;
  run_id: number;
  customer_id: string;
  rule: string;
  severity: string;
  as_of: string;
  created_at: string;
  message: { en: string; 'zh-CN': string };
  detail: Record<string, unknown>;
  acknowledged_at: string | null;
  /** Webhook deliveries: how many were delivered, are pending, failed. */
  deliveries: { delivered: number; pending: number; failed: number };
}

type Row = Omit<AlertItem, 'message' | 'detail' | 'deliveries'> & {
  message_en: string;
  message_zh: string;
  detail: string;
  delivered: number;
  pending: number;
  failed: number;
};

export interface AlertQuery extends PageQuery {
  /** Unacknowledged alerts only. */
  open?: boolean;
  rule?: string;
  severity?: string;
  customerId?: string;
}

/**
 * A page of alerts, newest first, optionally of one rule (named among an alert's rules), severity or customer,
 * with the total that match.
 *
 * @example
 * await listAlerts(ws, { open: true, rule: 'usage_drop', pageSize: 50 }); // { total, page, pageSize, rows }
 */
export async function listAlerts(ws: Workspace, q: AlertQuery = {}): Promise<Page<AlertItem>> {
  const p = pageOf(q);
  const conds = [sql`(NOT ${!!q.open} OR a.acknowledged_at IS NULL)`];
  if (q.rule)
    conds.push(
      sql`(a.rule = ${q.rule} OR list_contains(CAST(json_extract(a.detail, '$.rules') AS VARCHAR[]), ${q.rule}))`,
    );
  if (q.severity) conds.push(sql`a.severity = ${q.severity}`);
  if (q.customerId) conds.push(sql`a.customer_id = ${q.customerId}`);
  const where = sql.join(conds, sql` AND `);
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM alerts a WHERE ${where}`);
  const rows = await ws.db.all<Row>(sql`
    SELECT a.alert_id, a.run_id, a.customer_id, a.rule, a.severity, strftime(a.as_of, '%Y-%m-%d') AS as_of,
      CAST(a.created_at AS VARCHAR) AS created_at, a.message_en, a.message_zh, a.detail,
      CAST(a.acknowledged_at AS VARCHAR) AS acknowledged_at,
      count(o.delivery_id) FILTER (WHERE o.status = 'delivered') AS delivered,
      count(o.delivery_id) FILTER (WHERE o.status = 'pending') AS pending,
      count(o.delivery_id) FILTER (WHERE o.status = 'failed') AS failed
    FROM alerts a LEFT JOIN webhook_outbox o USING (alert_id)
    WHERE ${where}
    GROUP BY ALL ORDER BY a.alert_id DESC LIMIT ${p.limit} OFFSET ${p.offset}`);
  return {
    total: Number(t?.n ?? 0),
    page: p.page,
    pageSize: p.pageSize,
    rows: rows.map(({ message_en, message_zh, detail, delivered, pending, failed, ...r }) => ({
      ...r,
      message: { en: message_en, 'zh-CN': message_zh },
      detail: JSON.parse(detail),
      deliveries: { delivered, pending, failed },
    })),
  };
}

/** Acknowledge alerts by id; returns how many were open. */
export async function acknowledgeAlerts(ws: Workspace, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  return ws.db.exec(sql`UPDATE alerts SET acknowledged_at = CAST(now() AS TIMESTAMP)
    WHERE acknowledged_at IS NULL AND list_contains(${ids.map(String)}, CAST(alert_id AS VARCHAR))`);
}
