ALTER TABLE "tickets" ADD COLUMN IF NOT EXISTS "kind" LowCardinality(Nullable(String));
