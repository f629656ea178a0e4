CREATE TABLE IF NOT EXISTS "exchange_rates" ("currency" LowCardinality(String), "rate_date" Date32, "rate" Float64, "_batch" Nullable(Int64)) ENGINE = MergeTree ORDER BY ("currency", "rate_date");

ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "currency" LowCardinality(Nullable(String));

ALTER TABLE "costs" ADD COLUMN IF NOT EXISTS "currency" LowCardinality(Nullable(String));
