CREATE TABLE IF NOT EXISTS survey_definitions (
        survey_id VARCHAR NOT NULL, version INTEGER NOT NULL, kind VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
        title_zh VARCHAR NOT NULL, questions VARCHAR NOT NULL, definition VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL, created_by VARCHAR NOT NULL, PRIMARY KEY (survey_id, version));

CREATE TABLE IF NOT EXISTS survey_invitations (
        token_digest VARCHAR PRIMARY KEY, survey_id VARCHAR NOT NULL, version INTEGER NOT NULL,
        respondent_type VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL, lang VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL, answered_at TIMESTAMP, response_id VARCHAR,
        source VARCHAR NOT NULL, source_ref VARCHAR);

CREATE INDEX IF NOT EXISTS survey_invitations_by_source ON survey_invitations (survey_id, source, source_ref);

CREATE TABLE IF NOT EXISTS survey_answers (
        response_id VARCHAR NOT NULL, survey_id VARCHAR NOT NULL, version INTEGER NOT NULL,
        question_id VARCHAR NOT NULL, dimension VARCHAR, value_num DOUBLE, value_text VARCHAR,
        PRIMARY KEY (response_id, question_id));
