import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * Text analysis of what customers write (voice/text/): `voice_documents` holds every analysed comment, ticket
 * text, case note and churn note with its language, topic, learned sentiment, keyphrases and text, rewritten by
 * each analysis run; `voice_topics` the topics, where `pinned` marks one a user renamed, merged or created (later
 * runs keep it and assign documents to it). The ClickHouse copy gets the same tables, so driver queries over
 * topics (docs/voice.md) run on either engine.
 */
export default {
  name: 'voice-text',
  fields: [],
  steps: {
    duckdb: [
      sql`CREATE TABLE IF NOT EXISTS voice_topics (
        topic_id VARCHAR PRIMARY KEY, lang VARCHAR NOT NULL, label VARCHAR NOT NULL, terms VARCHAR NOT NULL,
        pinned BOOLEAN NOT NULL, updated_at TIMESTAMP NOT NULL, updated_by VARCHAR)`,
      sql`CREATE TABLE IF NOT EXISTS voice_documents (
        source VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, "at" TIMESTAMP NOT NULL,
        lang VARCHAR NOT NULL, topic_id VARCHAR, sentiment DOUBLE, keyphrases VARCHAR NOT NULL, text VARCHAR NOT NULL,
        PRIMARY KEY (source, doc_id))`,
    ],
    clickhouse: [
      sql`CREATE TABLE IF NOT EXISTS voice_topics (
        topic_id String, lang String, label String, terms String, pinned Bool,
        updated_at DateTime64(6, 'UTC'), updated_by Nullable(String)) ENGINE = MergeTree ORDER BY (topic_id)`,
      sql`CREATE TABLE IF NOT EXISTS voice_documents (
        source String, doc_id String, customer_id String, "at" DateTime64(6, 'UTC'), lang String,
        topic_id Nullable(String), sentiment Nullable(Float64), keyphrases String, text String)
        ENGINE = MergeTree ORDER BY (customer_id, source, doc_id)`,
    ],
  },
} satisfies Migration;
