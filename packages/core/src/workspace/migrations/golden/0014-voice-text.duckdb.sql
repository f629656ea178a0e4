CREATE TABLE IF NOT EXISTS voice_topics (
        topic_id VARCHAR PRIMARY KEY, lang VARCHAR NOT NULL, label VARCHAR NOT NULL, terms VARCHAR NOT NULL,
        pinned BOOLEAN NOT NULL, updated_at TIMESTAMP NOT NULL, updated_by VARCHAR);

CREATE TABLE IF NOT EXISTS voice_documents (
        source VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, "at" TIMESTAMP NOT NULL,
        lang VARCHAR NOT NULL, topic_id VARCHAR, sentiment DOUBLE, keyphrases VARCHAR NOT NULL, text VARCHAR NOT NULL,
        PRIMARY KEY (source, doc_id));
