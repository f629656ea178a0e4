import { sql } from '../sql/sql.ts';
import type { Workspace } from './workspace.ts';

/**
 * One value of the `meta` table (key → text): the versions derived tables were built from, stored figures.
 * @example await readMeta(ws, 'customer_directory_version') // '[…]' or undefined
 */
export async function readMeta(ws: Workspace, key: string): Promise<string | undefined> {
  const [r] = await ws.db.all<{ value: string }>(sql`SELECT value FROM meta WHERE key = ${key}`);
  return r?.value;
}

export async function writeMeta(ws: Workspace, key: string, value: string): Promise<void> {
  await ws.db.run(sql`INSERT OR REPLACE INTO meta VALUES (${key}, ${value})`);
}
