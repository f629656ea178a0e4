import type { SendResult } from './types.ts';

/**
 * A cell of the links file: quoted when it holds a comma, quote or line break, and a leading = + - @ defused
 * with an apostrophe, so a spreadsheet opening the file never runs a respondent id as a formula.
 */
const cell = (v: string) => {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The links of a send as CSV for a mailing tool: one row per respondent. Pure, so it is tested as is. */
export function linksCsv(sent: SendResult): string {
  const head = ['respondent_type', 'respondent_id', 'lang', 'expires_at', 'link'];
  const rows = sent.invitations.map((i) => [i.respondent_type, i.respondent_id, i.lang, i.expires_at, i.link]);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
