import { migrateCopy } from '../../workspace/migrations/run.ts';
import { ClickHouseConnection } from './connection.ts';

/**
 * A ClickHouse database that holds (or will hold, after `tenure sync`) a copy of a workspace, its schema
 * brought up to date: a copy synced by an older Tenure gains the columns today's metric SQL names, and one
 * synced by a newer Tenure is refused (TEN_WORKSPACE_TOO_NEW).
 * @example const ch = await openClickHouse('clickhouse://default:@localhost:8123/tenure');
 */
export async function openClickHouse(target: string): Promise<ClickHouseConnection> {
  const ch = await ClickHouseConnection.open(target);
  try {
    // Errors name the database without its password.
    await migrateCopy(ch, target.replace(/\/\/[^@/]*@/, '//'));
  } catch (e) {
    await ch.close();
    throw e;
  }
  return ch;
}
