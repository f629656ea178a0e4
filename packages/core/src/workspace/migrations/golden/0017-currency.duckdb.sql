CREATE TABLE IF NOT EXISTS "exchange_rates" ("currency" VARCHAR, "rate_date" DATE, "rate" DOUBLE, "_batch" BIGINT);

ALTER TABLE "orders" ADD COLUMN "currency" VARCHAR;

ALTER TABLE "costs" ADD COLUMN "currency" VARCHAR;
