import type { z } from 'zod';
import type { INVITATION_STATUSES, invitationSchema } from '../api/surveys.ts';
import { isoOf } from '../cases/record.ts';
import { type Page, type PageQuery, pageOf } from '../paging.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { getSurvey } from './store.ts';

export type InvitationRow = z.output<typeof invitationSchema>;

/**
 * A survey's invitations, newest first: who, in which language, from which source, and whether answered,
 * open or expired. Never a token (the workspace has none); `invitation_id` is the head of the token's digest,
 * enough to tell rows apart and no key to anything.
 * @example (await listInvitations(ws, 'post-case', { status: 'open' })).total
 */
export async function listInvitations(
  ws: Workspace,
  id: string,
  q: PageQuery & { status?: (typeof INVITATION_STATUSES)[number]; now?: Date } = {},
): Promise<Page<InvitationRow>> {
  await getSurvey(ws, id);
  const p = pageOf(q);
  const now = sql`CAST(${(q.now ?? new Date()).toISOString()} AS TIMESTAMP)`;
  const status = sql`CASE WHEN answered_at IS NOT NULL THEN 'answered' WHEN expires_at <= ${now} THEN 'expired' ELSE 'open' END`;
  const where = sql`survey_id = ${id}${q.status ? sql` AND ${status} = ${q.status}` : sql``}`;
  const [t] = await ws.db.all<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM survey_invitations WHERE ${where}`);
  const rows = await ws.db.all<InvitationRow & Record<string, unknown>>(sql`
    SELECT left(token_digest, 12) AS invitation_id, version, respondent_type, respondent_id, lang, source, source_ref,
      ${isoOf(sql`created_at`)} AS created_at, ${isoOf(sql`expires_at`)} AS expires_at,
      ${isoOf(sql`answered_at`)} AS answered_at, response_id, ${status} AS status
    FROM survey_invitations WHERE ${where}
    ORDER BY created_at DESC, respondent_id LIMIT ${p.limit} OFFSET ${p.offset}`);
  return { total: t?.n ?? 0, page: p.page, pageSize: p.pageSize, rows };
}
