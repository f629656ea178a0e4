import type { Connection } from '../engine/engine.ts';
import { tenureError } from '../errors.ts';
import { rejectMessage, type StoredReject } from '../ingest/reject-text.ts';
import type { Basis } from '../metrics/query.ts';
import type { Lang } from '../present/lang.ts';
import { lastCompleteMonth } from '../reports/range.ts';
import { type EntityName, entities, entityNames } from '../schema/index.ts';
import { sql } from '../sql/sql.ts';
import { storedFigure } from './stored-figure.ts';
import type { Workspace } from './workspace.ts';

export interface EntityStatus {
  entity: EntityName;
  rows: number;
  from: string | null;
  to: string | null;
  lastImport: string | null;
  /** Rows rejected by the entity's latest import: a clean re-import after a bad one shows 0, not the old rejects. */
  rejectedRows: number;
  /** That import's batch id (`tenure rejects --batch`), null before any import. */
  lastBatch: number | null;
}

/** The field that dates an entity's rows: its first required date or timestamp. */
export function timeField(entity: EntityName): string | undefined {
  return entities[entity].fields.find((f) => (f.type === 'timestamp' || f.type === 'date') && f.required)?.name;
}

/**
 * Run `read` on the connection that holds the entity tables: the workspace's own, or the ClickHouse database of a
 * workspace kept there (engine/clickhouse/record.ts), opened for it and closed after.
 */
async function onData<T>(ws: Workspace, read: (conn: Connection) => Promise<T>): Promise<T> {
  if (!ws.config.engine) return read(ws.db);
  const { openRecord } = await import('../engine/clickhouse/record.ts');
  const ch = await openRecord(ws.config.engine);
  try {
    return await read(ch);
  } finally {
    await ch.close();
  }
}

/** A timestamp as text, the same from both engines: ClickHouse prints DateTime64(6) with its six zeros. */
const asText = (t: string | null) => t?.replace(/\.0+$/, '') ?? null;

/**
 * Per entity: rows, date range, last import and the rows that import rejected, in two statements (a query per
 * entity cost `tenure status` a round trip each: issue 11 §3): the counts where the entity tables are, the imports
 * from the workspace's batches.
 * @example const s = await workspaceStatus(ws); s.find(e => e.entity === 'orders')?.rows
 */
export async function workspaceStatus(ws: Workspace): Promise<EntityStatus[]> {
  const perEntity = entityNames.map((entity) => {
    const t = timeField(entity);
    const range = t
      ? sql`CAST(min(${sql.id(t)}) AS VARCHAR) AS t_from, CAST(max(${sql.id(t)}) AS VARCHAR) AS t_to`
      : sql`CAST(NULL AS VARCHAR) AS t_from, CAST(NULL AS VARCHAR) AS t_to`;
    return sql`SELECT ${entity} AS entity, count(*) AS n, ${range} FROM ${sql.id(entity)}`;
  });
  const counted = await onData(ws, (conn) =>
    conn.all<{ entity: string; n: number; t_from: string | null; t_to: string | null }>(
      sql.join(perEntity, sql` UNION ALL `),
    ),
  );
  const imports = await ws.db.all<{
    entity: string;
    last: string | null;
    rejected: number | null;
    batch: number | null;
  }>(
    sql`SELECT entity, max(finished_at) AS last, arg_max(rows_rejected, batch_id) AS rejected, max(batch_id) AS batch
      FROM import_batches GROUP BY entity`,
  );
  const counts = new Map(counted.map((r) => [r.entity, r]));
  const batches = new Map(imports.map((r) => [r.entity, r]));
  return entityNames.map((entity) => {
    const c = counts.get(entity);
    const i = batches.get(entity);
    return {
      entity,
      rows: Number(c?.n ?? 0),
      from: asText(c?.t_from ?? null),
      to: asText(c?.t_to ?? null),
      lastImport: i?.last ?? null,
      rejectedRows: i?.rejected ?? 0,
      lastBatch: i?.batch ?? null,
    };
  });
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
 * Rejected rows, newest batch first (or of one batch), in line order, their messages in `lang` (default en).
 * @example await listRejects(ws, { limit: 20, lang: 'zh-CN' })
 */
export async function listRejects(
  ws: Workspace,
  opts: { batch?: number; limit?: number; offset?: number; lang?: Lang } = {},
): Promise<{ total: number; rows: RejectRow[] }> {
  // "Latest" is the latest import, so a clean re-import shows no rejects rather than an older batch's.
  const [last] = await ws.db.all<{ b: number | null }>(sql`SELECT max(batch_id) AS b FROM import_batches`);
  const batch = opts.batch ?? last?.b ?? null;
  if (batch === null) return { total: 0, rows: [] };
  const [known] = await ws.db.all(sql`SELECT 1 AS x FROM import_batches WHERE batch_id = ${batch}`);
  if (!known) throw tenureError('TEN_BATCH_NOT_FOUND', { batch });
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM rejects WHERE batch_id = ${batch}`);
  const stored = await ws.db.all<RejectRow & StoredReject>(sql`SELECT r.batch_id, b.file_name, b.entity, r.line,
      r."column", r.value, r.code, r.message, r.expected
    FROM rejects r LEFT JOIN import_batches b USING (batch_id)
    WHERE r.batch_id = ${batch} ORDER BY r.line NULLS FIRST, r.code LIMIT ${opts.limit ?? 50} OFFSET ${opts.offset ?? 0}`);
  const rows = stored.map(({ expected, ...r }) => ({
    ...r,
    message: rejectMessage({ ...r, expected }, opts.lang ?? 'en'),
  }));
  return { total: t?.n ?? 0, rows };
}

export interface HeadlineChurn {
  month: string;
  activeAtStart: number;
  churned: number;
  rate: number | null;
  basis: Basis;
  /** The as-of date(s) when the churn comes from a snapshot import: a share churned by then, not a month's rate. */
  snapshot: string | null;
}

/**
 * The catalogue's churn rate for the last complete month in the data (the month the report leads with), so
 * `status`, `demo` and the report never disagree. Stored with the data version it was computed from
 * (stored-figure.ts): `tenure status` prints it on every run, and computing it loads the metric catalogue,
 * most of core, and scans the activity.
 */
export async function headlineChurn(ws: Workspace): Promise<HeadlineChurn | null> {
  return onData(ws, async (conn) => {
    const month = await lastCompleteMonth(conn);
    if (!month) return null;
    return storedFigure(ws, 'headline_churn', { month }, async () => {
      const [{ computeMetrics }, { pickBasis }] = await Promise.all([
        import('../metrics/compute.ts'),
        import('../metrics/query.ts'),
      ]);
      const [r] = await computeMetrics(conn, ws.config, ['churn_rate'], { period: 'month', from: month, to: month });
      if (!r?.denominator) return null;
      return {
        month,
        activeAtStart: r.denominator,
        churned: r.numerator ?? 0,
        rate: r.value,
        basis: await pickBasis(conn, 'auto'),
        snapshot: r.snapshot ?? null,
      };
    });
  });
}
