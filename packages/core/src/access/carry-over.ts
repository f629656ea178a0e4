import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import type { Row } from '../engine/engine.ts';
import { sql } from '../sql/sql.ts';

/**
 * Who may log in and the keys scripts use survive a rebuild of the demo (`tenure demo --force`): the data is
 * replaced, the people and machines that use it are not. Sessions and the audit log describe the old data's
 * use and go with it.
 */
const CARRIED = ['users', 'api_keys'] as const;

export type AccessRows = Record<(typeof CARRIED)[number], Row[]>;

/** The rows to carry over, read from the workspace about to be replaced. */
export async function readAccess(db: DuckDbConnection): Promise<AccessRows> {
  const out = {} as AccessRows;
  for (const t of CARRIED) out[t] = await db.all(sql`SELECT * FROM ${sql.id(t)}`);
  return out;
}

/** Put carried rows into the new workspace (its tables are empty: it was just created). */
export async function restoreAccess(db: DuckDbConnection, rows: AccessRows): Promise<void> {
  await db.transaction(async () => {
    for (const t of CARRIED)
      for (const r of rows[t]) {
        const cols = Object.keys(r);
        await db.run(
          sql`INSERT INTO ${sql.id(t)} (${sql.ids(cols)}) VALUES (${sql.join(cols.map((c) => sql`${r[c] as string | null}`))})`,
        );
      }
  });
}
