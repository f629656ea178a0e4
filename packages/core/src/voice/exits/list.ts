/**
 * Churn events with something said about them (an exit survey or a churn note), each with the rules' suggestion
 * of kind, category and competitor, and the analyst's mapping once confirmed. The page is chosen in SQL; the
 * rules run on that page's texts only.
 */

import { isoOf } from '../../cases/record.ts';
import type { Connection } from '../../engine/engine.ts';
import { SNAPSHOT_CHURN_NOTE } from '../../metrics/snapshot.ts';
import { type Page, type PageQuery, pageOf } from '../../paging.ts';
import { CHURN_CATEGORIES } from '../../schema/churn-events.ts';
import { sql } from '../../sql/sql.ts';
import { type ChurnCategory, type ChurnKind, type ExitSuggestion, suggestExit } from './rules.ts';
import { type ExitEventKey, type ExitText, exitKey, exitSurveys, exitTexts } from './texts.ts';

export interface Taxonomy {
  kind: ChurnKind | null;
  category: ChurnCategory | null;
  competitor: string | null;
  reason: string | null;
}

export interface ExitRow {
  exitId: string;
  customerId: string;
  churnedAt: string;
  texts: ExitText[];
  recorded: Taxonomy;
  suggested: ExitSuggestion;
  confirmed: (Taxonomy & { by: string; at: string }) | null;
}

export interface ExitListOptions extends PageQuery {
  status?: 'suggested' | 'confirmed' | 'all';
  /** Competitor names to look for, besides those already named in churn events. */
  competitors?: readonly string[];
  /** One event only (the row a confirmation returns). */
  only?: ExitEventKey;
}

type EventRow = {
  customer_id: string;
  churned_at: string;
  kind: string | null;
  category: string | null;
  competitor: string | null;
  reason: string | null;
  x_kind: string | null;
  x_category: string | null;
  x_competitor: string | null;
  x_reason: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  total: number;
};

/**
 * @example
 * await listExits(ws.db, { status: 'suggested', competitors: ['Nimbus Mobile'] }); // { total: 212, rows: [{ suggested: { category: 'competitive', … } }] }
 */
export async function listExits(conn: Connection, opts: ExitListOptions = {}): Promise<Page<ExitRow>> {
  const { page, pageSize, limit, offset } = pageOf(opts);
  const status = opts.status ?? 'all';
  const filter = opts.only
    ? sql`e.customer_id = ${opts.only.customerId} AND CAST(e.churned_at AS VARCHAR) = ${opts.only.churnedAt}`
    : status === 'suggested'
      ? sql`x.customer_id IS NULL`
      : status === 'confirmed'
        ? sql`x.customer_id IS NOT NULL`
        : sql`TRUE`;
  const events = await conn.all<EventRow>(sql`
    WITH said AS (SELECT DISTINCT customer_id, churned_at FROM (${exitSurveys}) s
      UNION SELECT customer_id, CAST(churned_at AS VARCHAR) FROM churn_events
        WHERE note IS NOT NULL AND trim(note) <> '' AND note <> ${SNAPSHOT_CHURN_NOTE})
    SELECT e.customer_id, CAST(e.churned_at AS VARCHAR) AS churned_at, e.kind, e.category, e.competitor, e.reason,
      x.kind AS x_kind, x.category AS x_category, x.competitor AS x_competitor, x.reason AS x_reason,
      x.confirmed_by, ${isoOf(sql`x.confirmed_at`)} AS confirmed_at, count(*) OVER () AS total
    FROM churn_events e
      LEFT JOIN said ON said.customer_id = e.customer_id AND said.churned_at = CAST(e.churned_at AS VARCHAR)
      LEFT JOIN exit_mappings x ON x.customer_id = e.customer_id AND x.churned_at = e.churned_at
    WHERE (said.customer_id IS NOT NULL OR x.customer_id IS NOT NULL) AND ${filter}
    ORDER BY e.churned_at DESC, e.customer_id LIMIT ${limit} OFFSET ${offset}`);
  const keys = events.map((e) => ({ customerId: e.customer_id, churnedAt: e.churned_at }));
  const { texts, topicTerms } = await exitTexts(conn, keys);
  const competitors = await knownCompetitors(conn, opts.competitors ?? []);
  const rows = events.map((e): ExitRow => {
    const said = texts.get(exitKey(e.customer_id, e.churned_at)) ?? [];
    const topics = said.flatMap((t) => (t.topicId && topicTerms.has(t.topicId) ? [topicTerms.get(t.topicId)!] : []));
    return {
      exitId: `${e.customer_id}|${e.churned_at}`,
      customerId: e.customer_id,
      churnedAt: e.churned_at,
      texts: said,
      recorded: taxonomy(e.kind, e.category, e.competitor, e.reason),
      suggested: suggestExit([...said.map((t) => t.text), ...topics], competitors),
      confirmed: e.confirmed_by
        ? {
            ...taxonomy(e.x_kind, e.x_category, e.x_competitor, e.x_reason),
            by: e.confirmed_by,
            at: e.confirmed_at ?? '',
          }
        : null,
    };
  });
  return { total: Number(events[0]?.total ?? 0), page, pageSize, rows };
}

/** The configured names and every competitor churn events already name. */
export async function knownCompetitors(conn: Connection, configured: readonly string[]): Promise<string[]> {
  const named = await conn.all<{ competitor: string }>(sql`SELECT DISTINCT trim(competitor) AS competitor
    FROM churn_events WHERE competitor IS NOT NULL AND trim(competitor) <> ''`);
  return [...new Set([...configured, ...named.map((r) => r.competitor)])];
}

const KINDS = new Set(['voluntary', 'involuntary']);
const CATEGORIES = new Set<string>([...CHURN_CATEGORIES.voluntary, ...CHURN_CATEGORIES.involuntary]);
const blank = (s: string | null) => s?.trim() || null;

/** A churn event's taxonomy as stored: values outside the taxonomy read as missing. */
function taxonomy(
  kind: string | null,
  category: string | null,
  competitor: string | null,
  reason: string | null,
): Taxonomy {
  return {
    kind: kind && KINDS.has(kind) ? (kind as ChurnKind) : null,
    category: category && CATEGORIES.has(category) ? (category as ChurnCategory) : null,
    competitor: blank(competitor),
    reason: blank(reason),
  };
}
