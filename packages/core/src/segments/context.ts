import type { Connection } from '../engine/engine.ts';
import { type Sql, sql } from '../sql/sql.ts';
import type { TenureConfig } from '../workspace/config.ts';

/**
 * What a derived dimension is computed from: the workspace's config and the moment it classifies customers at
 * (a timestamp expression). Only rows dated before `asOf` are read, so a classification never sees its future.
 */
export interface DerivedContext {
  config: TenureConfig;
  asOf: Sql;
  /**
   * Whether the engine holds churn scorings (the workspace does; a ClickHouse copy does not): the lifecycle's
   * "at risk" then reads the latest scoring's tier, else inactivity alone.
   */
  scored: boolean;
}

/** Whether the engine holds churn scorings (a `scores` table): the workspace does, a ClickHouse copy does not. */
export async function holdsScores(conn: Connection): Promise<boolean> {
  const t = await conn.all(sql`SELECT 1 AS x FROM information_schema.tables WHERE table_name = 'scores'`);
  return t.length > 0;
}
