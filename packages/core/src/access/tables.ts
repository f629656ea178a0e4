import { type Sql, sql } from '../sql/sql.ts';

/**
 * Tables of the access layer, created with the workspace's other bookkeeping tables (workspace/ddl.ts).
 * Secrets are never stored: passwords as scrypt hashes, session tokens and key secrets as SHA-256 digests.
 */
export const accessTables: Sql[] = [
  sql`CREATE TABLE IF NOT EXISTS users (
    username VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  // The language the user last chose in the dashboard ('en', 'zh-CN'): errors and texts of their requests use it.
  sql`ALTER TABLE users ADD COLUMN IF NOT EXISTS lang VARCHAR`,
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
