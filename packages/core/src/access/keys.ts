import { randomBytes } from 'node:crypto';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { parseRole, type Role } from './roles.ts';
import { randomToken, sameHash, tokenHash } from './secrets.ts';
import type { Actor } from './sessions.ts';

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

/**
 * A key reads `tnr_<id>_<secret>`: the id finds the row (and names the key in lists and the audit log), the
 * secret is compared with its stored digest. The prefix makes leaked keys easy to spot in code scanners.
 */
const KEY = /^tnr_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

const COLUMNS = sql`id, name, role, created_by, CAST(created_at AS VARCHAR) AS created_at,
  CAST(revoked_at AS VARCHAR) AS revoked_at`;

/**
 * Create an API key. The returned `key` is the only time the secret exists outside the caller's hands.
 * @example const { id, key } = await createKey(ws, { name: 'crm sync', role: 'analyst', createdBy: 'admin' })
 */
export async function createKey(
  ws: Workspace,
  k: { name?: string; role: string; createdBy?: string },
): Promise<ApiKey & { key: string }> {
  const role = parseRole(k.role);
  const id = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  await ws.db.run(sql`INSERT INTO api_keys VALUES (${id}, ${k.name ?? ''}, ${role}, ${tokenHash(secret)},
    ${k.createdBy ?? null}, current_timestamp::TIMESTAMP, NULL)`);
  return { ...(await getKey(ws, id)), key: `tnr_${id}_${secret}` };
}

async function getKey(ws: Workspace, id: string): Promise<ApiKey> {
  const [k] = await ws.db.all<ApiKey & Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM api_keys WHERE id = ${id}`);
  if (!k) throw tenureError('TEN_KEY_NOT_FOUND', { id });
  return k;
}

/** Every key, newest first, revoked ones included; never a secret. @example await listKeys(ws) */
export const listKeys = (ws: Workspace): Promise<ApiKey[]> =>
  ws.db.all<ApiKey & Record<string, unknown>>(sql`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`);

/** Revoke a key: it stops working at once and stays listed. @example await revokeKey(ws, 'a1b2c3d4e5f6') */
export async function revokeKey(ws: Workspace, id: string): Promise<ApiKey> {
  await getKey(ws, id);
  await ws.db.run(
    sql`UPDATE api_keys SET revoked_at = coalesce(revoked_at, current_timestamp::TIMESTAMP) WHERE id = ${id}`,
  );
  return getKey(ws, id);
}

/** The actor an `Authorization: Bearer` key stands for, or null for a malformed, unknown or revoked key. */
export async function keyActor(ws: Workspace, key: string): Promise<Actor | null> {
  const m = KEY.exec(key);
  if (!m) return null;
  const [, id, secret] = m as unknown as [string, string, string];
  const [r] = await ws.db.all<{ role: Role; secret_hash: string }>(
    sql`SELECT role, secret_hash FROM api_keys WHERE id = ${id} AND revoked_at IS NULL`,
  );
  if (!r || !sameHash(r.secret_hash, tokenHash(secret))) return null;
  return { name: `key:${id}`, role: r.role, via: 'key' };
}
