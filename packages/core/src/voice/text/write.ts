/**
 * Store an analysis: voice_documents rewritten whole, the learned topics of voice_topics replaced, pinned ones
 * kept; in one transaction, so readers see the previous analysis or this one, never a mix. Rows go in as
 * column arrays (unnest), a batch at a time.
 */
import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import { sql } from '../../sql/sql.ts';
import type { LangResult } from './analyse.ts';
import type { Documents } from './documents.ts';

const BATCH = 50_000;

export async function writeAnalysis(
  db: DuckDbConnection,
  docs: Documents,
  results: readonly LangResult[],
): Promise<void> {
  await db.transaction(async () => {
    await db.run(sql`DELETE FROM voice_documents`);
    await db.run(sql`DELETE FROM voice_topics WHERE NOT pinned`);
    for (const r of results) {
      const learned = r.topics.filter((t) => !t.pinned);
      if (learned.length)
        await db.run(sql`INSERT INTO voice_topics (topic_id, lang, label, terms, pinned, updated_at, updated_by)
          SELECT unnest(${learned.map((t) => t.topicId)}), ${r.lang}, unnest(${learned.map((t) => t.label)}),
            unnest(${learned.map((t) => JSON.stringify(t.terms))}), false, CAST(now() AS TIMESTAMP), NULL`);
      for (let from = 0; from < r.docs.length; from += BATCH) {
        const idx = Array.from(r.docs.subarray(from, from + BATCH));
        const pick = (col: string[]) => idx.map((d) => col[d]!);
        const part = (i: number) => from + i;
        await db.run(sql`INSERT INTO voice_documents (source, doc_id, customer_id, "at", lang, topic_id, sentiment,
            keyphrases, text)
          SELECT unnest(${pick(docs.source)}), unnest(${pick(docs.docId)}), unnest(${pick(docs.customerId)}),
            CAST(unnest(${pick(docs.at)}) AS TIMESTAMP), ${r.lang}, nullif(unnest(${idx.map((_, i) => r.topic[part(i)] ?? '')}), ''),
            TRY_CAST(nullif(unnest(${idx.map((_, i) => (r.sentiment ? String(r.sentiment[part(i)]) : ''))}), '') AS DOUBLE),
            unnest(${idx.map((_, i) => JSON.stringify(r.keyphrases(part(i))))}), unnest(${pick(docs.text)})`);
      }
    }
  });
}
