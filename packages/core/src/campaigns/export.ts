/**
 * A campaign's assignment for the team that contacts the treated customers: one row per member with its arm,
 * stratum, and when it was assigned and delivered; as rows (the API's JSON) or as CSV. CSV values are quoted as
 * RFC 4180 asks, and a value starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
import type { AssignmentRow } from '../api/campaigns.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { getCampaign } from './store.ts';

const COLUMNS = ['customer_id', 'arm', 'stratum', 'assigned_at', 'delivered_at'] as const;

export const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The members of a campaign (of one arm when given), treatment first.
 * @example (await assignmentRows(ws, 'WIN-01', { arm: 'treatment' })).length
 */
export async function assignmentRows(
  ws: Workspace,
  id: string,
  o: { arm?: 'treatment' | 'control' } = {},
): Promise<AssignmentRow[]> {
  await getCampaign(ws, id);
  const arm = o.arm ? sql` AND m.${sql.id('group')} = ${o.arm}` : sql``;
  return ws.db.all<AssignmentRow>(sql`
    SELECT m.customer_id AS customer_id, m.${sql.id('group')} AS arm, m.stratum AS stratum,
      strftime(m.assigned_at, '%Y-%m-%d %H:%M:%S') AS assigned_at, strftime(m.delivered_at, '%Y-%m-%d %H:%M:%S') AS delivered_at
    FROM campaign_members m WHERE m.campaign_id = ${id}${arm} ORDER BY m.${sql.id('group')} DESC, m.customer_id`);
}

/**
 * The rows as CSV text with a header line.
 * @example writeFileSync('WIN-01.csv', assignmentCsv(await assignmentRows(ws, 'WIN-01')))
 */
export const assignmentCsv = (rows: readonly AssignmentRow[]): string =>
  `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
