import type { Sql } from '../sql/sql.ts';
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
