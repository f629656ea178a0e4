CREATE TABLE IF NOT EXISTS voice_topics (
        topic_id String, lang String, label String, terms String, pinned Bool,
        updated_at DateTime64(6, 'UTC'), updated_by Nullable(String)) ENGINE = MergeTree ORDER BY (topic_id);

CREATE TABLE IF NOT EXISTS voice_documents (
        source String, doc_id String, customer_id String, "at" DateTime64(6, 'UTC'), lang String,
        topic_id Nullable(String), sentiment Nullable(Float64), keyphrases String, text String)
        ENGINE = MergeTree ORDER BY (customer_id, source, doc_id);
