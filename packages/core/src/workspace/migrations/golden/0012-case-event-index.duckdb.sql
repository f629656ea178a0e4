CREATE INDEX IF NOT EXISTS case_events_by_case ON case_events (case_id);
