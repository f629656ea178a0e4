/**
 * A send: whom to invite (sources.ts), minus whoever already has a link for the same source, each given a link
 * of their own. The tokens are made here and leave only in the result (and the webhook, when one is named):
 * the workspace stores their digests. Nothing is half-written: the invitations are inserted in one statement,
 * and those a receiver refused are removed again.
 */
import { csvCell } from '../campaigns/export.ts';
import { tenureError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import type { Lang } from '../present/lang.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkFilter } from './check.ts';
import { type SendInput, type SendResult, type SentInvitation, type Survey, sendInput } from './definition.ts';
import { postLinks, WEBHOOK_BATCH } from './deliver.ts';
import { segmentOf, triggerRows } from './sources.ts';
import { getSurvey } from './store.ts';
import { newToken } from './token.ts';

export interface SendOptions {
  /** The time the send runs at (tests and trigger runs pin it); default now. */
  now?: Date;
  /** Where webhook secrets come from; default process.env. */
  env?: Record<string, string | undefined>;
}

interface Candidate {
  respondent_id: string;
  lang: Lang;
  source: SentInvitation['source'];
  source_ref: string | null;
  invited: boolean;
}

/** Respondents named by hand must exist: customers by id, employees by username. */
async function checkRespondents(ws: Workspace, type: 'customer' | 'employee', ids: string[]): Promise<void> {
  const known = type === 'customer' ? sql`SELECT customer_id FROM customers` : sql`SELECT username FROM users`;
  const missing = await ws.db.all<{ id: string }>(
    sql`SELECT id FROM (SELECT unnest(${ids}) AS id) WHERE id NOT IN (${known}) ORDER BY id`,
  );
  if (missing.length)
    throw tenureError('TEN_SURVEY_UNKNOWN_RESPONDENT', {
      kind: type,
      ids: missing.slice(0, 10).map((m) => m.id),
      count: missing.length,
    });
}

/** The rows to invite (respondent_id, lang, source, source_ref), one per respondent and source. */
async function candidates(ws: Workspace, s: Survey, i: ReturnType<typeof sendInput.parse>, now: Sql) {
  const type: 'customer' | 'employee' = s.kind === 'employee' ? 'employee' : 'customer';
  let rows: Sql;
  if (i.respondents) {
    await checkRespondents(
      ws,
      type,
      i.respondents.map((r) => r.id),
    );
    rows = sql`SELECT unnest(${i.respondents.map((r) => r.id)}) AS respondent_id,
      unnest(${i.respondents.map((r) => r.lang ?? i.lang)}) AS lang, 'manual' AS source, CAST(NULL AS VARCHAR) AS source_ref`;
  } else if (i.filter) {
    await checkFilter(ws, i.filter, 'filter');
    rows = sql`SELECT c.customer_id AS respondent_id, ${i.lang} AS lang, 'manual' AS source,
      CAST(NULL AS VARCHAR) AS source_ref FROM customers c WHERE ${segmentOf(i.filter, 'c')}`;
  } else {
    const t = triggerRows(s.triggers, now);
    if (!t) return { type, list: [] as Candidate[] };
    rows = sql`SELECT respondent_id, ${i.lang} AS lang, source, source_ref FROM (${t}) t`;
  }
  // A trigger's row invites once ever; a hand-made send skips whoever still holds an open link of this survey.
  const list = await ws.db.all<Candidate & Record<string, unknown>>(sql`
    WITH c AS (SELECT DISTINCT ON (respondent_id, source, source_ref) * FROM (${rows}) r)
    SELECT c.respondent_id, c.lang, c.source, c.source_ref, EXISTS (
      SELECT 1 FROM survey_invitations v
      WHERE v.survey_id = ${s.id} AND v.respondent_id = c.respondent_id AND v.respondent_type = ${type}
        AND v.source = c.source AND (c.source = 'manual' AND v.answered_at IS NULL AND v.expires_at > ${now}
          OR c.source <> 'manual' AND v.source_ref = c.source_ref)) AS invited
    FROM c ORDER BY c.respondent_id, c.source_ref`);
  return { type, list };
}

/**
 * Invite respondents to a survey's latest version: a list, a segment or the survey's triggers (exactly one).
 * Returns each new link once (token and link); `dry_run` counts and makes none. With a webhook, the links
 * are posted in batches; a refused batch's invitations are removed and counted as failed.
 * @example const r = await sendSurvey(ws, 'post-case', { triggers: true, base_url: 'https://tenure.example.com' })
 */
export async function sendSurvey(
  ws: Workspace,
  id: string,
  input: SendInput,
  o: SendOptions = {},
): Promise<SendResult> {
  const i = parseOptions(sendInput, input);
  const s = await getSurvey(ws, id);
  const at = o.now ?? new Date();
  const now = sql`CAST(${at.toISOString()} AS TIMESTAMP)`;
  const secret = i.webhook ? (o.env ?? process.env)[i.webhook.secret_env] : undefined;
  if (i.webhook && !secret) throw tenureError('TEN_SURVEY_WEBHOOK_SECRET', { env: i.webhook.secret_env });
  const { type, list } = await candidates(ws, s, i, now);
  const fresh = list.filter((c) => !c.invited);
  const result: SendResult = {
    survey_id: s.id,
    version: s.version,
    dry_run: i.dry_run,
    matched: list.length,
    created: 0,
    skipped: list.length - fresh.length,
    invitations: [],
    webhook: null,
  };
  if (i.dry_run || !fresh.length) return result;
  const expires = new Date(at.getTime() + (i.expires_in_days ?? s.expires_in_days) * 86_400_000).toISOString();
  const base = (i.base_url ?? '').replace(/\/+$/, '');
  const made = fresh.map((c) => ({ ...newToken(), ...c }));
  const col = <K extends keyof (typeof made)[number]>(k: K) => made.map((m) => m[k]);
  // A list bound as a parameter holds no NULL among strings: '' stands for "no ref" (hand-made sends).
  await ws.db.run(sql`INSERT INTO survey_invitations (token_digest, survey_id, version, respondent_type, respondent_id,
      lang, created_at, expires_at, source, source_ref)
    SELECT d, ${s.id}, ${s.version}, ${type}, r, l, ${now}, CAST(${expires} AS TIMESTAMP), src, nullif(ref, '')
    FROM (SELECT unnest(${col('digest')}) AS d, unnest(${col('respondent_id')}) AS r, unnest(${col('lang')}) AS l,
      unnest(${col('source')}) AS src, unnest(${made.map((m) => m.source_ref ?? '')}) AS ref)`);
  const invitations: SentInvitation[] = made.map((m) => ({
    respondent_type: type,
    respondent_id: m.respondent_id,
    lang: m.lang,
    source: m.source,
    source_ref: m.source_ref,
    expires_at: expires,
    token: m.token,
    link: `${base}/s/${m.token}`,
  }));
  result.created = invitations.length;
  result.invitations = invitations;
  if (i.webhook && secret) result.webhook = await deliver(ws, s, { url: i.webhook.url, secret }, made, result);
  return result;
}

/** Post the links in batches; remove the invitations of refused batches from the workspace and the result. */
async function deliver(
  ws: Workspace,
  s: Survey,
  r: { url: string; secret: string },
  made: { digest: string }[],
  result: SendResult,
): Promise<NonNullable<SendResult['webhook']>> {
  const out = { url: r.url, delivered: 0, failed: 0, error: null as string | null };
  const refused: string[] = [];
  const kept: SentInvitation[] = [];
  for (let k = 0; k < made.length; k += WEBHOOK_BATCH) {
    const batch = result.invitations.slice(k, k + WEBHOOK_BATCH);
    const error = await postLinks(r, s, batch);
    if (error) {
      out.failed += batch.length;
      out.error ??= error;
      refused.push(...made.slice(k, k + WEBHOOK_BATCH).map((m) => m.digest));
    } else {
      out.delivered += batch.length;
      kept.push(...batch);
    }
  }
  if (refused.length)
    await ws.db.run(sql`DELETE FROM survey_invitations WHERE token_digest IN (SELECT unnest(${refused}))`);
  result.invitations = kept;
  result.created = kept.length;
  return out;
}

const CSV_COLUMNS = ['respondent_id', 'respondent_type', 'lang', 'link', 'expires_at', 'source', 'source_ref'] as const;

/**
 * The links of a send as CSV for a mailing tool: UTF-8 with a byte-order mark (Excel reads a BOM-less file as
 * the system's code page and garbles Chinese), RFC 4180 quoting, formulas defused (campaigns/export.ts).
 * @example writeFileSync('links.csv', invitationsCsv((await sendSurvey(ws, 'nps', { filter: ['region=north'] })).invitations))
 */
export const invitationsCsv = (rows: readonly SentInvitation[]): string =>
  `\uFEFF${[CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`;
