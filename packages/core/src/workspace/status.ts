import { tenureError } from '../errors.ts';
import { type EntityName, entities, entityNames } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from './workspace.ts';

export interface EntityStatus {
  entity: EntityName;
  rows: number;
  from: string | null;
  to: string | null;
  lastImport: string | null;
  rejectedRows: number;
}

/** The field that dates an entity's rows: its first required date or timestamp. */
export function timeField(entity: EntityName): string | undefined {
  return entities[entity].fields.find((f) => (f.type === 'timestamp' || f.type === 'date') && f.required)?.name;
}

/**
 * Per entity: rows, date range, last import and rejected rows.
 * @example const s = await workspaceStatus(ws); s.find(e => e.entity === 'orders')?.rows
 */
export async function workspaceStatus(ws: Workspace): Promise<EntityStatus[]> {
  const imports = await ws.db.all<{ entity: string; last: string; rejected: number }>(
    sql`SELECT entity, max(finished_at) AS last, sum(rows_rejected) AS rejected FROM import_batches GROUP BY entity`,
  );
  const byEntity = new Map(imports.map((i) => [i.entity, i]));
  const out: EntityStatus[] = [];
  for (const entity of entityNames) {
    const t = timeField(entity);
    const range = t
      ? sql`CAST(min(${sql.id(t)}) AS VARCHAR) AS "from", CAST(max(${sql.id(t)}) AS VARCHAR) AS "to"`
      : sql`NULL AS "from", NULL AS "to"`;
    const [r] = await ws.db.all<{ rows: number; from: string | null; to: string | null }>(
      sql`SELECT count(*) AS rows, ${range} FROM ${sql.id(entity)}`,
    );
    const imp = byEntity.get(entity);
    out.push({
      entity,
      rows: r?.rows ?? 0,
      from: r?.from ?? null,
      to: r?.to ?? null,
      lastImport: imp?.last ?? null,
      rejectedRows: imp?.rejected ?? 0,
    });
  }
  return out;
}

export type RejectRow = {
  batch_id: number;
  file_name: string;
  entity: string;
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
};

/**
 * Rejected rows, newest batch first (or of one batch), in line order.
 * @example await listRejects(ws, { limit: 20 })
 */
export async function listRejects(
  ws: Workspace,
  opts: { batch?: number; limit?: number } = {},
): Promise<{ total: number; rows: RejectRow[] }> {
  // "Latest" is the latest import, so a clean re-import shows no rejects rather than an older batch's.
  const [last] = await ws.db.all<{ b: number | null }>(sql`SELECT max(batch_id) AS b FROM import_batches`);
  const batch = opts.batch ?? last?.b ?? null;
  if (batch === null) return { total: 0, rows: [] };
  const [known] = await ws.db.all(sql`SELECT 1 AS x FROM import_batches WHERE batch_id = ${batch}`);
  if (!known) throw tenureError('TEN_BATCH_NOT_FOUND', { batch });
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM rejects WHERE batch_id = ${batch}`);
  const rows =
    await ws.db.all<RejectRow>(sql`SELECT r.batch_id, b.file_name, b.entity, r.line, r."column", r.value, r.code, r.message
    FROM rejects r LEFT JOIN import_batches b USING (batch_id)
    WHERE r.batch_id = ${batch} ORDER BY r.line NULLS FIRST, r.code LIMIT ${opts.limit ?? 50}`);
  return { total: t?.n ?? 0, rows };
}

export interface HeadlineChurn {
  month: string;
  activeAtStart: number;
  churned: number;
  rate: number | null;
  basis: 'subscriptions' | 'churn_events';
}

/**
 * The churn rate of the last complete month in the data: customers lost during the month ÷ customers
 * active at its start. With subscriptions, "lost" means no subscription active at the month's end; without,
 * a churn event in the month. The full metric catalogue (grace days, reactivations, segments) builds on this.
 */
export async function headlineChurn(ws: Workspace): Promise<HeadlineChurn | null> {
  const [subs] = await ws.db.all<{ n: number; last: string | null }>(
    sql`SELECT count(*) AS n, CAST(date_trunc('month', max(greatest(started_at, coalesce(ended_at, started_at)))) AS VARCHAR) AS last FROM subscriptions`,
  );
  if (subs && subs.n > 0 && subs.last) {
    const [r] = await ws.db.all<{ month: string; a: number; c: number }>(sql`
      WITH m AS (SELECT CAST(${subs.last} AS TIMESTAMP) - INTERVAL 1 MONTH AS s, CAST(${subs.last} AS TIMESTAMP) AS e),
      act AS (SELECT DISTINCT customer_id, (SELECT s FROM m) s, (SELECT e FROM m) e FROM subscriptions
              WHERE started_at <= (SELECT s FROM m) AND (ended_at IS NULL OR ended_at > (SELECT s FROM m)))
      SELECT CAST(strftime(min(s), '%Y-%m') AS VARCHAR) AS month, count(*) AS a,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM subscriptions x WHERE x.customer_id = act.customer_id
          AND x.started_at <= act.e AND (x.ended_at IS NULL OR x.ended_at > act.e))) AS c
      FROM act`);
    if (r && r.a > 0)
      return { month: r.month, activeAtStart: r.a, churned: r.c, rate: r.c / r.a, basis: 'subscriptions' };
  }
  const [ev] = await ws.db.all<{ last: string | null }>(
    sql`SELECT CAST(date_trunc('month', max(churned_at)) AS VARCHAR) AS last FROM churn_events`,
  );
  if (!ev?.last) return null;
  const [r] = await ws.db.all<{ a: number; c: number }>(sql`
    WITH m AS (SELECT date_trunc('month', CAST(${ev.last} AS TIMESTAMP)) AS s)
    SELECT count(*) AS a, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM churn_events e WHERE e.customer_id = c.customer_id
        AND e.churned_at >= (SELECT s FROM m) AND e.churned_at < (SELECT s FROM m) + INTERVAL 1 MONTH)) AS c
    FROM customers c WHERE c.created_at < (SELECT s FROM m)
      AND NOT EXISTS (SELECT 1 FROM churn_events e WHERE e.customer_id = c.customer_id AND e.churned_at < (SELECT s FROM m))`);
  if (!r || r.a === 0) return null;
  return { month: ev.last.slice(0, 7), activeAtStart: r.a, churned: r.c, rate: r.c / r.a, basis: 'churn_events' };
}
