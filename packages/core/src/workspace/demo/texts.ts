/**
 * What customers wrote, from the same drivers as the churn: survey comments, ticket texts, churn notes and exit
 * comments, in Chinese and English (the demo's language, and a quarter in the other one), each from a planted
 * topic (text-templates.ts):
 * - a never-resolved complaint (the fault-churn driver, lives.ts) is a ticket about the network, and a customer
 *   who has one writes about the network in later surveys; fault churners' notes and last tickets are about it;
 * - customers on a risen plan comment on the price while the rise is fresh, and those who leave then say so;
 * - competitive churners, and south-region customers while the promotion runs, name a competitor;
 * - promoters mostly praise, detractors complain; other tickets follow their category.
 * Runs last in generateDemo (cases take their subjects from the tickets' short texts first) and returns the
 * planted topic of every text for ground-truth.json.
 */

import type { Lang } from '../../present/lang.ts';
import { type Sql, sql } from '../../sql/sql.ts';
import type { DemoContext } from './context.ts';
import { DEMO_PARAMS } from './params.ts';
import { lookup, pick, type Stream } from './random.ts';
import { CLAUSES, FILLER, NAMES, TEXT_TOPICS, type TextTopic } from './text-templates.ts';

export const TEXT_PARAMS = {
  /** Share of NPS and CSAT answers with a comment, of voluntary churns with a note. */
  commentShare: 0.5,
  noteShare: 0.6,
  /** Share of texts written in the other language than the demo's. */
  otherLangShare: 0.25,
  /** Share of promoters who praise (the rest mention a complaint), and of passives. */
  promoterPraise: 0.92,
  passivePraise: 0.4,
  /** Months after the rise's window in which price comments still come. */
  priceEchoMonths: 2,
  /** A detractor's complaint when no driver of theirs applies. */
  complaints: { network: 0.2, price: 0.15, billing: 0.25, device: 0.2, service: 0.2 },
  /** Ticket category → topic, when no driver overrides it. */
  ticketTopic: { billing: 'billing', network: 'network', product: 'device', service: 'service' },
} as const;

/** Exit surveys are answered up to a week after the churn (surveys.ts): they still belong to the life that ended. */
const EXIT_GRACE_S = 8 * 86_400;

/** The planted topics: per source and topic, the ids of the texts in each language. */
export type PlantedTexts = Record<string, Record<string, Record<'zh' | 'en', string[]>>>;

/** Write the texts and return their planted topics. */
export async function writeTexts(
  ctx: DemoContext,
  lang: Lang,
): Promise<{ topics: readonly string[]; planted: PlantedTexts }> {
  const { r, cal } = ctx;
  const P = TEXT_PARAMS;
  const u = (stream: Stream, i = 0) => r.u(stream, sql`key`, sql`${i}`);
  const rise = DEMO_PARAMS.churn.priceRise;
  const priceFresh = (m: Sql) =>
    sql`(sp.affected AND ${m} >= ${cal.priceRise} AND ${m} < ${cal.priceRise + rise.months + P.priceEchoMonths})`;
  const promotion = (m: Sql) =>
    sql`(sp.region = ${DEMO_PARAMS.churn.competitor.region} AND ${m} >= ${cal.competitorFrom} AND ${m} < ${cal.competitorTo})`;
  const complaint = pick(u('textTopic', 2), P.complaints);
  const driven = (m: Sql) => sql`CASE WHEN ${m} > sp.unres_m THEN 'network' WHEN ${priceFresh(m)} THEN 'price'
    WHEN ${promotion(m)} THEN 'competitor' ELSE ${complaint} END`;
  const month = (ts: Sql) => sql`(SELECT max(m) FROM demo_months WHERE ms_s <= epoch(${ts}))`;
  const span = (customer: Sql, ts: Sql) =>
    sql`JOIN demo_spans sp ON sp.customer_id = ${customer} AND epoch(${ts}) >= sp.start_s
      AND epoch(${ts}) <= sp.end_s + ${EXIT_GRACE_S}`;
  const promoter = sql`(s.kind = 'nps' AND score >= 9) OR (s.kind = 'csat' AND score >= 4)`;
  const detractor = sql`(s.kind = 'nps' AND score <= 6) OR (s.kind = 'csat' AND score <= 2)`;
  const churnTopic = sql`CASE WHEN sp.category = 'fault' THEN 'network' WHEN sp.category = 'competitive' THEN 'competitor'
    WHEN ${priceFresh(sql`sp.end_m`)} THEN 'price' END`;
  const key = (id: Sql) => sql`CAST(hash(${id}) % 1000000007 AS BIGINT)`;
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_text_topics AS
    SELECT * FROM (
      SELECT 'survey' AS source, response_id AS doc_id, key,
        CASE WHEN s.kind = 'exit' THEN ${churnTopic}
          WHEN ${promoter} THEN CASE WHEN ${u('textTopic', 1)} < ${P.promoterPraise} THEN 'praise' ELSE ${complaint} END
          WHEN ${detractor} THEN ${driven(sql`mo`)}
          WHEN ${u('textTopic', 1)} < ${P.passivePraise} THEN 'praise' ELSE ${driven(sql`mo`)} END AS topic
      FROM (SELECT *, ${month(sql`answered_at`)} AS mo, ${key(sql`response_id`)} AS key FROM surveys
        WHERE respondent_type = 'customer' AND kind IN ('nps', 'csat', 'exit')) s
      ${span(sql`s.respondent_id`, sql`s.answered_at`)}
      WHERE s.kind = 'exit' OR ${r.u('comment', sql`key`)} < ${P.commentShare}
      UNION ALL
      SELECT 'ticket', ticket_id, key,
        CASE WHEN src = 1 THEN 'network' WHEN src = 3 THEN 'service'
          WHEN src = 2 AND sp.category IN ('fault', 'competitive') THEN ${churnTopic}
          WHEN t.category = 'billing' AND ${priceFresh(sql`mo`)} THEN 'price'
          ELSE ${lookup(sql`t.category`, P.ticketTopic)} END
      FROM (SELECT *, CAST(substr(ticket_id, 2) AS BIGINT) AS key, CAST(substr(ticket_id, 2) AS BIGINT) % 4 AS src,
          ${month(sql`opened_at`)} AS mo FROM tickets) t
      ${span(sql`t.customer_id`, sql`t.opened_at`)}
      UNION ALL
      SELECT 'churn_note', e.customer_id || '|' || CAST(e.churned_at AS VARCHAR), ${key(sql`e.customer_id || CAST(e.churned_at AS VARCHAR)`)},
        ${churnTopic}
      FROM churn_events e JOIN demo_spans sp ON sp.customer_id = e.customer_id AND sp.end_s = epoch(e.churned_at)
      WHERE e.kind = 'voluntary' AND ${r.u('churnNote', key(sql`e.customer_id || CAST(e.churned_at AS VARCHAR)`))} < ${P.noteShare}
    ) WHERE topic IS NOT NULL`);
  const primary = lang === 'en' ? 'en' : 'zh';
  const other = primary === 'en' ? 'zh' : 'en';
  await ctx.db.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_texts AS
    SELECT source, doc_id, topic, lang, ${textOf(ctx, sql`lang`)} AS text
    FROM (SELECT *, CASE WHEN ${u('textLang')} < ${P.otherLangShare} THEN ${other} ELSE ${primary} END AS lang
      FROM demo_text_topics)`);
  await ctx.db.run(sql`UPDATE surveys s SET comment = t.text FROM demo_texts t
    WHERE t.source = 'survey' AND s.response_id = t.doc_id`);
  await ctx.db.run(
    sql`UPDATE tickets s SET text = t.text FROM demo_texts t WHERE t.source = 'ticket' AND s.ticket_id = t.doc_id`,
  );
  await ctx.db.run(sql`UPDATE churn_events s SET note = t.text FROM demo_texts t
    WHERE t.source = 'churn_note' AND s.customer_id || '|' || CAST(s.churned_at AS VARCHAR) = t.doc_id`);
  const rows = await ctx.db.all<{ source: string; topic: string; lang: 'zh' | 'en'; ids: string[] }>(sql`
    SELECT source, topic, lang, list(doc_id ORDER BY doc_id) AS ids FROM demo_texts GROUP BY ALL ORDER BY ALL`);
  const planted: PlantedTexts = {};
  for (const row of rows) {
    planted[row.source] = planted[row.source] ?? {};
    const bySource = planted[row.source]!;
    bySource[row.topic] = bySource[row.topic] ?? { zh: [], en: [] };
    bySource[row.topic]![row.lang] = [...row.ids];
  }
  for (const t of ['demo_text_topics', 'demo_texts']) await ctx.db.run(sql`DROP TABLE ${sql.id(t)}`);
  return { topics: TEXT_TOPICS, planted };
}

/**
 * One of `list` by the uniform `u`: the list is bound as one LIST parameter and indexed, which plans in a
 * fraction of the time of a CASE with a branch per text (the clauses are hundreds).
 */
const oneOf = (list: readonly string[], u: Sql): Sql =>
  sql`${[...list]}[1 + CAST(floor(${u} * ${list.length}) AS INTEGER)]`;

/** A clause of the row's topic. */
const clauseOf = (clauses: Record<TextTopic, string[]>, u: Sql): Sql =>
  sql`(CASE topic ${sql.join(
    TEXT_TOPICS.map((t) => sql`WHEN ${t} THEN ${oneOf(clauses[t], u)}`),
    sql` `,
  )} END)`;

/** A text of the row's topic in `lang`: opener, a clause, maybe a second one, a closer; names filled in. */
function textOf(ctx: DemoContext, lang: Sql): Sql {
  const { r } = ctx;
  const u = (i: number) => r.u('textPart', sql`key`, sql`${i}`);
  const one = (l: 'zh' | 'en') => {
    const f = FILLER[l];
    const close = sql`CASE WHEN topic = 'praise' THEN ${oneOf(f.praiseClose, u(5))} ELSE ${oneOf(f.complaintClose, u(5))} END`;
    const clauses = CLAUSES[l] as Record<TextTopic, string[]>;
    const body = sql`${oneOf(f.open, u(1))} || ${clauseOf(clauses, u(2))}
      || CASE WHEN ${u(3)} < 0.5 THEN ${oneOf(f.and, u(6))} || ${clauseOf(clauses, u(4))} ELSE '' END
      || ${close}`;
    return sql`replace(replace(${body}, '{p}', ${oneOf(NAMES[l].product, u(7))}), '{c}', ${oneOf(NAMES[l].competitor, u(8))})`;
  };
  return sql`CASE ${lang} WHEN 'zh' THEN ${one('zh')} ELSE ${one('en')} END`;
}
