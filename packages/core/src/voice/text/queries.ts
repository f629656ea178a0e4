/**
 * What the analysis stored, read back in SQL over voice_documents and voice_topics: the topics with their volume,
 * mean sentiment, customers and example documents; the documents of a topic, customer, source or language; the
 * monthly trend of volume and sentiment per topic. Aggregates run in SQL; only the rows shown reach JavaScript.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { type Page, type PageQuery, pageOf } from '../../paging.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { TextLang } from './detect.ts';
import type { VoiceSource } from './sources.ts';

export interface VoiceDocument {
  source: VoiceSource;
  docId: string;
  customerId: string;
  at: string;
  lang: TextLang;
  topicId: string | null;
  topicLabel: string | null;
  sentiment: number | null;
  keyphrases: string[];
  text: string;
}

export interface VoiceTopic {
  topicId: string;
  lang: TextLang;
  label: string;
  terms: string[];
  pinned: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface VoiceTopicRow extends VoiceTopic {
  documents: number;
  share: number;
  sentiment: number | null;
  customers: number;
  examples: VoiceDocument[];
}

export interface TopicsQuery {
  lang?: TextLang;
  /** Documents written on or after `from` and before the day after `to` (YYYY-MM-DD). */
  from?: string;
  to?: string;
  examples?: number;
}

const docColumns = sql`d.source, d.doc_id, d.customer_id, CAST(d."at" AS VARCHAR) AS at, d.lang, d.topic_id,
  t.label AS topic_label, d.sentiment, d.keyphrases, d.text`;

type DocRow = {
  source: VoiceSource;
  doc_id: string;
  customer_id: string;
  at: string;
  lang: TextLang;
  topic_id: string | null;
  topic_label: string | null;
  sentiment: number | null;
  keyphrases: string;
  text: string;
};

const docOf = (r: DocRow): VoiceDocument => ({
  source: r.source,
  docId: r.doc_id,
  customerId: r.customer_id,
  at: r.at,
  lang: r.lang,
  topicId: r.topic_id,
  topicLabel: r.topic_label,
  sentiment: r.sentiment,
  keyphrases: JSON.parse(r.keyphrases) as string[],
  text: r.text,
});

type TopicRowDb = {
  topic_id: string;
  lang: TextLang;
  label: string;
  terms: string;
  pinned: boolean;
  updated_at: string;
  updated_by: string | null;
};

export const topicOf = (r: TopicRowDb): VoiceTopic => ({
  topicId: r.topic_id,
  lang: r.lang,
  label: r.label,
  terms: JSON.parse(r.terms) as string[],
  pinned: r.pinned,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const topicColumns = sql`topic_id, lang, label, terms, pinned, CAST(updated_at AS VARCHAR) AS updated_at, updated_by`;

const where = (conds: (Sql | null)[]) => {
  const c = conds.filter((x): x is Sql => x !== null);
  return c.length ? sql`WHERE ${sql.join(c, sql` AND `)}` : sql``;
};

const window = (q: { from?: string; to?: string }) => [
  q.from ? sql`d."at" >= CAST(${q.from} AS TIMESTAMP)` : null,
  q.to ? sql`d."at" < CAST(${q.to} AS TIMESTAMP) + INTERVAL 1 DAY` : null,
];

/**
 * The topics by volume, largest first, with examples (the documents nearest the topic's mean sentiment would need
 * a score per document; the newest ones are shown instead).
 * @example const { topics } = await voiceTopics(ws, { lang: 'zh' });
 */
export async function voiceTopics(
  ws: Workspace,
  q: TopicsQuery = {},
): Promise<{ analysedAt: string | null; sentimentAuc: number | null; documents: number; topics: VoiceTopicRow[] }> {
  const db = ws.db;
  const conds = [q.lang ? sql`d.lang = ${q.lang}` : null, ...window(q)];
  const rows = await db.all<
    TopicRowDb & { documents: number; sentiment: number | null; customers: number; total: number }
  >(sql`
    WITH d AS (SELECT d.* FROM voice_documents d ${where(conds)}),
    totals AS (SELECT lang, count(*) AS total FROM d GROUP BY lang),
    volume AS (SELECT topic_id, count(*) AS documents, avg(sentiment) AS sentiment,
      count(DISTINCT customer_id) AS customers FROM d WHERE topic_id IS NOT NULL GROUP BY topic_id)
    SELECT ${topicColumns}, CAST(coalesce(v.documents, 0) AS BIGINT) AS documents, v.sentiment,
      CAST(coalesce(v.customers, 0) AS BIGINT) AS customers, CAST(coalesce(tt.total, 0) AS BIGINT) AS total
    FROM voice_topics t LEFT JOIN volume v USING (topic_id) LEFT JOIN totals tt USING (lang)
    ${q.lang ? sql`WHERE t.lang = ${q.lang}` : sql``}
    ORDER BY documents DESC, topic_id`);
  const perTopic = q.examples ?? 3;
  const examples = perTopic
    ? await db.all<DocRow>(sql`
      SELECT ${docColumns} FROM voice_documents d JOIN voice_topics t USING (topic_id) ${where(conds)}
      QUALIFY row_number() OVER (PARTITION BY d.topic_id ORDER BY d."at" DESC, d.source, d.doc_id) <= ${perTopic}
      ORDER BY d.topic_id, d."at" DESC, d.source, d.doc_id`)
    : [];
  const [count] = await db.all<{ n: number }>(
    sql`SELECT CAST(count(*) AS BIGINT) AS n FROM voice_documents d ${where(conds)}`,
  );
  const run = await lastRun(db);
  const auc = run ? aucOf(run.result, q.lang) : null;
  return {
    analysedAt: run?.created_at ?? null,
    sentimentAuc: auc,
    documents: count?.n ?? 0,
    topics: rows.map((r) => ({
      ...topicOf(r),
      documents: r.documents,
      share: r.total ? r.documents / r.total : 0,
      sentiment: r.sentiment,
      customers: r.customers,
      examples: examples.filter((e) => e.topic_id === r.topic_id).map(docOf),
    })),
  };
}

async function lastRun(db: DuckDbConnection): Promise<{ created_at: string; result: string } | undefined> {
  const [r] = await db.all<{ created_at: string; result: string }>(sql`
    SELECT CAST(created_at AS VARCHAR) AS created_at, result FROM model_runs WHERE model = 'voice_text'
    ORDER BY run_id DESC LIMIT 1`);
  return r;
}

/** The held-out AUC of the language asked for, or the one of the language with more scored answers. */
function aucOf(result: string, lang?: TextLang): number | null {
  const langs = (JSON.parse(result) as { langs: Record<TextLang, { auc: number | null; scored: number }> }).langs;
  if (lang) return langs[lang]?.auc ?? null;
  const [chinese, english] = [langs.zh, langs.en];
  const larger = chinese && english ? (chinese.scored >= english.scored ? chinese : english) : (chinese ?? english);
  return larger?.auc ?? null;
}

export interface DocumentsQuery extends PageQuery {
  topicId?: string;
  customerId?: string;
  source?: VoiceSource;
  lang?: TextLang;
}

/**
 * Documents, newest first.
 * @example const page = await voiceDocuments(ws, { customerId: 'C0000001' });
 */
export async function voiceDocuments(ws: Workspace, q: DocumentsQuery = {}): Promise<Page<VoiceDocument>> {
  const { page, pageSize, limit, offset } = pageOf(q);
  const w = where([
    q.topicId ? sql`d.topic_id = ${q.topicId}` : null,
    q.customerId ? sql`d.customer_id = ${q.customerId}` : null,
    q.source ? sql`d.source = ${q.source}` : null,
    q.lang ? sql`d.lang = ${q.lang}` : null,
  ]);
  const [count] = await ws.db.all<{ n: number }>(sql`SELECT CAST(count(*) AS BIGINT) AS n FROM voice_documents d ${w}`);
  const rows = await ws.db.all<DocRow>(sql`
    SELECT ${docColumns} FROM voice_documents d LEFT JOIN voice_topics t USING (topic_id) ${w}
    ORDER BY d."at" DESC, d.source, d.doc_id LIMIT ${limit} OFFSET ${offset}`);
  return { total: count?.n ?? 0, page, pageSize, rows: rows.map(docOf) };
}

export interface TrendRow {
  month: string;
  topicId: string;
  label: string;
  documents: number;
  sentiment: number | null;
}

/**
 * Documents and mean sentiment per topic and month.
 * @example const rows = await voiceTrend(ws, { lang: 'en' });
 */
export async function voiceTrend(ws: Workspace, q: { lang?: TextLang; topicId?: string } = {}): Promise<TrendRow[]> {
  const rows = await ws.db.all<{
    month: string;
    topic_id: string;
    label: string;
    documents: number;
    sentiment: number | null;
  }>(sql`
    SELECT strftime(date_trunc('month', d."at"), '%Y-%m') AS month, d.topic_id, t.label,
      CAST(count(*) AS BIGINT) AS documents, avg(d.sentiment) AS sentiment
    FROM voice_documents d JOIN voice_topics t USING (topic_id)
    ${where([q.lang ? sql`d.lang = ${q.lang}` : null, q.topicId ? sql`d.topic_id = ${q.topicId}` : null])}
    GROUP BY ALL ORDER BY month, d.topic_id`);
  return rows.map((r) => ({
    month: r.month,
    topicId: r.topic_id,
    label: r.label,
    documents: r.documents,
    sentiment: r.sentiment,
  }));
}
