import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';

/**
 * Make a connection's wall clock the workspace's: `current_timestamp::TIMESTAMP` (a customer's status now,
 * session and key times, the audit log) is then local time in the configured zone. The config accepts any zone
 * Node's Intl knows, and DuckDB's ICU may lack one (another tzdata release): that is a setting to change, so it is
 * refused as one, naming the file. Carrying on would date every "now" in the host's zone without a word.
 * @example await setTimeZone(db, 'Asia/Shanghai', '/data/shop/tenure.config.json')
 */
export async function setTimeZone(db: DuckDbConnection, zone: string, configFile: string): Promise<void> {
  try {
    await db.run(sql`SET TimeZone = ${zone}`);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw tenureError('TEN_CONFIG_INVALID', {
      file: configFile,
      problems: [`timezone: ${JSON.stringify(zone)} is not a time zone the database knows (${why})`],
    });
  }
}
