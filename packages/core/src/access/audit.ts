import { type Page, type PageQuery, pageOf } from '../paging.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** One write as the audit log records it: who, with which role, what, on what, the outcome and when. */
export interface AuditEntry {
  /** A username, `key:<id>`, or for a failed login the name that was tried. */
  actor: string;
  role: string | null;
  method: string;
  /** The route pattern, e.g. /api/v1/users/:username. */
  route: string;
  /** What the write named: route parameters and, for logins and imports, the username or entity. */
  target: string | null;
  status: number;
  ip: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
}

/** The statement that appends one entry, for a write that records its entry in its own transaction. */
export const auditInsert = (e: AuditEntry): Sql =>
  sql`INSERT INTO audit_log VALUES (nextval('audit_seq'), current_timestamp::TIMESTAMP, ${e.actor},
    ${e.role}, ${e.method}, ${e.route}, ${e.target}, ${e.status}, ${e.ip})`;

/** Append one entry. @example await appendAudit(ws, { actor: 'admin', role: 'admin', method: 'POST', route: '/api/v1/keys', target: null, status: 201, ip: '127.0.0.1' }) */
export async function appendAudit(ws: Workspace, e: AuditEntry): Promise<void> {
  await ws.db.run(auditInsert(e));
}

/** The audit log, newest first. @example await listAudit(ws, { page: 1, pageSize: 50 }) */
export async function listAudit(ws: Workspace, q: PageQuery = {}): Promise<Page<AuditRow>> {
  const p = pageOf(q);
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`);
  const rows = await ws.db.all<AuditRow & Record<string, unknown>>(
    sql`SELECT id, CAST("at" AS VARCHAR) AS "at", actor, role, method, route, target, status, ip
        FROM audit_log ORDER BY id DESC LIMIT ${p.limit} OFFSET ${p.offset}`,
  );
  return { total: t?.n ?? 0, page: p.page, pageSize: p.pageSize, rows };
}
