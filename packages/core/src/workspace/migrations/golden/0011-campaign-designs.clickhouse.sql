ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "target" Nullable(String);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "holdout_share" Nullable(Float64);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "seed" Nullable(Int64);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "strata" Nullable(String);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "cost_per_contact" Nullable(Decimal(18, 4));

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "fixed_cost" Nullable(Decimal(18, 4));

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "currency" Nullable(String);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "outcome_window_days" Nullable(Int32);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "primary_metric" Nullable(String);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "status" Nullable(String);

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "launched_at" Nullable(DateTime64(6, 'UTC'));

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "created_at" Nullable(DateTime64(6, 'UTC'));

ALTER TABLE "campaigns" ADD COLUMN IF NOT EXISTS "created_by" Nullable(String);

ALTER TABLE "campaign_members" ADD COLUMN IF NOT EXISTS "stratum" Nullable(String);

ALTER TABLE "campaign_members" ADD COLUMN IF NOT EXISTS "delivered_at" Nullable(DateTime64(6, 'UTC'));

ALTER TABLE "campaign_members" ADD COLUMN IF NOT EXISTS "assigned_by" Nullable(String);
