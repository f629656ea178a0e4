CREATE TABLE IF NOT EXISTS uplift_scores (
        run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, as_of DATE NOT NULL, uplift DOUBLE NOT NULL,
        clv DOUBLE, cost_per_contact DOUBLE NOT NULL, expected_saved_value DOUBLE, sleeping_dog BOOLEAN NOT NULL);
