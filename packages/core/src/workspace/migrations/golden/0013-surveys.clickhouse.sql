CREATE TABLE IF NOT EXISTS survey_answers (
        response_id String, survey_id Nullable(String), version Nullable(Int32), question_id String,
        dimension Nullable(String), value_num Nullable(Float64), value_text Nullable(String))
        ENGINE = MergeTree ORDER BY (response_id, question_id);
