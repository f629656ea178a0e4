/**
 * Migration 1: the schema of Tenure 0.1.0, the release before migrations were recorded. Never edit it: a new
 * field is an `addField` migration, a new table a migration of its own (docs/architecture.md, "Where things go").
 *
 * Every statement is IF NOT EXISTS because workspaces made before migrations were recorded already hold these
 * tables: they have no `schema_migrations` table, so this migration runs on them again, creating what they lack
 * and recording version 1. Their `scores` may predate the two CLV parts, hence the two ALTERs.
 */
import { sql } from '../../sql/sql.ts';
import { createEntities, type Migration } from './migration.ts';

const entityTables = createEntities('initial', {
  customers: [
    'customer_id',
    'name',
    'created_at',
    'region',
    'product_line',
    'customer_type',
    'channel',
    'acquisition_cost',
  ],
  subscriptions: [
    'subscription_id',
    'customer_id',
    'plan',
    'started_at',
    'ended_at',
    'mrr',
    'currency',
    'billing_period',
    'cancel_requested_at',
  ],
  orders: ['order_id', 'customer_id', 'ordered_at', 'amount', 'cost', 'product_line'],
  activity: ['customer_id', 'at', 'kind', 'quantity'],
  tickets: [
    'ticket_id',
    'customer_id',
    'opened_at',
    'channel',
    'category',
    'priority',
    'first_response_at',
    'resolved_at',
    'status',
    'csat',
    'text',
  ],
  surveys: ['response_id', 'respondent_type', 'respondent_id', 'answered_at', 'kind', 'score', 'comment'],
  churn_events: ['customer_id', 'churned_at', 'kind', 'category', 'reason', 'competitor', 'note'],
  costs: ['period_start', 'period_end', 'category', 'amount', 'segment'],
  campaigns: ['campaign_id', 'name', 'kind', 'started_at', 'ended_at', 'cost'],
  campaign_members: ['campaign_id', 'customer_id', 'group', 'assigned_at'],
  benchmarks: ['source', 'metric', 'period_start', 'period_end', 'value', 'segment', 'note'],
});

/** Imports, attributes, metric rollups and model runs: the workspace's own records (DuckDB only). */
const bookkeeping = [
  sql`CREATE SEQUENCE IF NOT EXISTS import_batch_seq START 1`,
  sql`CREATE TABLE IF NOT EXISTS import_batches (
    batch_id BIGINT PRIMARY KEY, entity VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    format VARCHAR, encoding VARCHAR, status VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL, rows_loaded BIGINT NOT NULL, rows_rejected BIGINT NOT NULL,
    rows_new BIGINT NOT NULL, rows_updated BIGINT NOT NULL, rows_unchanged BIGINT NOT NULL, rows_blank BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL)`,
  sql`CREATE TABLE IF NOT EXISTS rejects (
    batch_id BIGINT NOT NULL, line BIGINT, "column" VARCHAR, value VARCHAR, code VARCHAR NOT NULL, message VARCHAR NOT NULL)`,
  sql`CREATE TABLE IF NOT EXISTS attributes (
    entity VARCHAR NOT NULL, column_name VARCHAR NOT NULL, source_header VARCHAR NOT NULL, type VARCHAR NOT NULL,
    added_batch BIGINT, PRIMARY KEY (entity, column_name))`,
  sql`CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // Metric rollups (metrics/rollups/): per cube, the data version it was built from and the months it covers.
  sql`CREATE TABLE IF NOT EXISTS rollups (
    name VARCHAR PRIMARY KEY, version VARCHAR NOT NULL, basis VARCHAR NOT NULL, dims VARCHAR NOT NULL,
    origin VARCHAR NOT NULL, periods INTEGER NOT NULL, built_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL, rows BIGINT NOT NULL)`,
  // One row per model fit (models/runs.ts): options and result as JSON text, so surfaces show the latest fit.
  sql`CREATE SEQUENCE IF NOT EXISTS model_run_seq START 1`,
  sql`CREATE TABLE IF NOT EXISTS model_runs (
    run_id BIGINT PRIMARY KEY, model VARCHAR NOT NULL, parameters VARCHAR NOT NULL,
    data_from TIMESTAMP, data_to TIMESTAMP, created_at TIMESTAMP NOT NULL, result VARCHAR NOT NULL)`,
];

/**
 * The access layer (access/): users, sessions, API keys and the audit log. Secrets are never stored: passwords
 * as scrypt hashes, session tokens and key secrets as SHA-256 digests.
 */
const access = [
  sql`CREATE TABLE IF NOT EXISTS users (
    username VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  sql`CREATE TABLE IF NOT EXISTS sessions (
    token_hash VARCHAR PRIMARY KEY, username VARCHAR NOT NULL, csrf_token VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL)`,
  sql`CREATE TABLE IF NOT EXISTS api_keys (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR NOT NULL, secret_hash VARCHAR NOT NULL,
    created_by VARCHAR, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)`,
  sql`CREATE SEQUENCE IF NOT EXISTS audit_seq START 1`,
  sql`CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT PRIMARY KEY, "at" TIMESTAMP NOT NULL, actor VARCHAR NOT NULL, role VARCHAR, method VARCHAR NOT NULL,
    route VARCHAR NOT NULL, target VARCHAR, status INTEGER NOT NULL, ip VARCHAR)`,
];

/**
 * Churn prediction (predict/): every scoring's rows (kept per run, so a tier can be compared with the previous
 * one and the dashboard can show history), the alerts the early-warning rules raise, and the webhook outbox.
 * Alerts and their outbox rows are written in one transaction, so an alert is never stored without its
 * deliveries (nor delivered without being stored).
 */
const predict = [
  sql`CREATE TABLE IF NOT EXISTS scores (
    run_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, as_of DATE NOT NULL,
    probability DOUBLE NOT NULL, margin DOUBLE NOT NULL, tier VARCHAR NOT NULL,
    clv DOUBLE, clv_source VARCHAR, expected_loss DOUBLE,
    retain BOOLEAN NOT NULL, flag VARCHAR, reasons VARCHAR)`,
  // The two parts of clv (models/clv/parts.ts); added to workspaces scored before they were kept.
  sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_subscription DOUBLE`,
  sql`ALTER TABLE scores ADD COLUMN IF NOT EXISTS clv_purchases DOUBLE`,
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

export default {
  ...entityTables,
  steps: {
    duckdb: [...entityTables.steps.duckdb, ...bookkeeping, ...access, ...predict],
    // ClickHouse holds copies of the entity tables only: metric queries need nothing else.
    clickhouse: entityTables.steps.clickhouse,
  },
} satisfies Migration;
