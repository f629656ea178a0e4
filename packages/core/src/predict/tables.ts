/**
 * The tables churn prediction writes, created with the workspace (workspace/ddl.ts): every scoring's rows
 * (kept per run, so a tier can be compared with the previous one and the dashboard can show history), the
 * alerts the early-warning rules raise, and the webhook outbox. Alerts and their outbox rows are written in
 * one transaction, so an alert is never stored without its deliveries (nor delivered without being stored).
 */
import { type Sql, sql } from '../sql/sql.ts';

export const predictTables: Sql[] = [
  sql`CREATE TABLE IF NOT EXISTS scores (
    run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, as_of DATE NOT NULL,
    probability DOUBLE NOT NULL, margin DOUBLE NOT NULL, tier VARCHAR NOT NULL,
    clv DOUBLE, clv_source VARCHAR, expected_loss DOUBLE,
    retain BOOLEAN NOT NULL, flag VARCHAR, reasons VARCHAR)`,
  // The two parts of clv (models/clv/parts.ts); added to workspaces scored before they were kept.
  sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_subscription DOUBLE`,
  sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_purchases DOUBLE`,
  // The explanation computed at scoring (explain.ts reads it instead of computing the features again).
  sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS explained VARCHAR`,
  sql`CREATE SEQUENCE IF NOT EXISTS alert_seq START 1`,
  sql`CREATE TABLE IF NOT EXISTS alerts (
    alert_id BIGINT PRIMARY KEY, run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
    message_en VARCHAR NOT NULL, message_zh VARCHAR NOT NULL, detail VARCHAR NOT NULL, acknowledged_at TIMESTAMP)`,
  sql`CREATE SEQUENCE IF NOT EXISTS webhook_delivery_seq START 1`,
  sql`CREATE TABLE IF NOT EXISTS webhook_outbox (
    delivery_id BIGINT PRIMARY KEY, alert_id BIGINT NOT NULL, url VARCHAR NOT NULL, secret_env VARCHAR NOT NULL,
    payload VARCHAR NOT NULL, status VARCHAR NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TIMESTAMP NOT NULL,
    last_error VARCHAR, delivered_at TIMESTAMP, created_at TIMESTAMP NOT NULL)`,
];
