/**
 * voice_topics as the analysis reads and renews it. A learned topic keeps the id of the previous run's topic it
 * most resembles (terms in common), so a rerun on grown data does not rename every topic the dashboard linked to;
 * a new one gets an id from its top terms. Pinned topics (a user's) keep their id, label and terms.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import type { TextLang } from './detect.ts';

export interface StoredTopic {
  topicId: string;
  lang: TextLang;
  label: string;
  terms: string[];
  pinned: boolean;
}

/** Terms shared (Jaccard) above which a new topic takes an old one's id. */
const SAME_TOPIC = 0.3;
/** Top terms a label is made of. */
const LABEL_TERMS = 3;

export async function readTopics(db: DuckDbConnection): Promise<StoredTopic[]> {
  const rows = await db.all<{ topic_id: string; lang: TextLang; label: string; terms: string; pinned: boolean }>(
    sql`SELECT topic_id, lang, label, terms, pinned FROM voice_topics ORDER BY topic_id`,
  );
  return rows.map((r) => ({
    topicId: r.topic_id,
    lang: r.lang,
    label: r.label,
    terms: JSON.parse(r.terms) as string[],
    pinned: r.pinned,
  }));
}

/** A label from a topic's top terms: "网络 · 掉线 · 信号" reads as what the topic is about. */
export const labelOf = (terms: readonly string[]) => terms.slice(0, LABEL_TERMS).join(' · ');

/**
 * The topics of one language as stored: the pinned ones first (as fitted, in their order), then the learned
 * ones with an id kept from the previous run where one matches.
 */
export function topicIds(
  lang: TextLang,
  fitted: readonly { terms: string[] }[],
  pinned: readonly StoredTopic[],
  previous: readonly StoredTopic[],
): StoredTopic[] {
  const taken = new Set(pinned.map((t) => t.topicId));
  const old = previous.filter((t) => !t.pinned && t.lang === lang);
  return fitted.map((f, j) => {
    if (j < pinned.length) return pinned[j]!;
    let best: StoredTopic | null = null;
    let bestScore = SAME_TOPIC;
    for (const t of old) {
      const score = jaccard(t.terms, f.terms);
      if (!taken.has(t.topicId) && score >= bestScore) {
        best = t;
        bestScore = score;
      }
    }
    let topicId = best?.topicId ?? `${lang}-${hash(f.terms.slice(0, 5).join('|')).toString(36)}`;
    while (taken.has(topicId)) topicId += 'x';
    taken.add(topicId);
    return { topicId, lang, label: labelOf(f.terms), terms: f.terms, pinned: false };
  });
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const common = b.filter((x) => sa.has(x)).length;
  return common / (sa.size + b.length - common || 1);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
