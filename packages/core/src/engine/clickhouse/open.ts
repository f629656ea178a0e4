import { migrateCopy } from '../../workspace/migrations/run.ts';
import { ClickHouseConnection } from './connection.ts';
import { checkCopy } from './copy-record.ts';

/**
 * A ClickHouse database that holds (or will hold, after `tenure sync`) a copy of a workspace, its schema
 * brought up to date: a copy synced by an older Tenure gains the columns today's metric SQL names, and one
 * synced by a newer Tenure is refused (TEN_WORKSPACE_TOO_NEW). A copy that a sync is switching is refused to
 * readers (TEN_ENGINE_COPY_SWITCHING, copy-record.ts); `forSync` opens it for the sync that replaces it.
 * @example const ch = await openClickHouse('clickhouse://default:@localhost:8123/tenure');
 */
export async function openClickHouse(target: string, opts: { forSync?: boolean } = {}): Promise<ClickHouseConnection> {
  const ch = await ClickHouseConnection.open(target);
  try {
    // Errors name the database without its password.
    await migrateCopy(ch, target.replace(/\/\/[^@/]*@/, '//'));
    if (!opts.forSync) await checkCopy(ch);
  } catch (e) {
    await ch.close();
    throw e;
  }
  return ch;
}
