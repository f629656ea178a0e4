import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { sql } from '../sql/sql.ts';
import { setTimeZone } from './time-zone.ts';
import { CONFIG_FILE, connectWorkspace, initWorkspace, withWorkspace } from './workspace.ts';

const zoneOf = async (db: DuckDbConnection) =>
  (await db.all<{ tz: string }>(sql`SELECT current_setting('TimeZone') AS tz`))[0]?.tz;

describe('the workspace time zone', () => {
  it('is the session zone of the workspace and of every further connection to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenure-tz-'));
    await (await initWorkspace(dir)).close();
    const file = join(dir, CONFIG_FILE);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), timezone: 'Asia/Shanghai' }));
    await withWorkspace(dir, async (ws) => {
      expect(await zoneOf(ws.db)).toBe('Asia/Shanghai');
      const other = await connectWorkspace(ws);
      try {
        expect(await zoneOf(other.db)).toBe('Asia/Shanghai');
      } finally {
        await other.close();
      }
    });
  });

  it('that the database does not know is refused as a setting of the config file, not ignored', async () => {
    const db = await DuckDbConnection.open(':memory:');
    try {
      await expect(setTimeZone(db, 'Mars/Olympus', '/shop/tenure.config.json')).rejects.toMatchObject({
        code: 'TEN_CONFIG_INVALID',
      });
      await setTimeZone(db, 'America/Sao_Paulo', '/shop/tenure.config.json');
      expect(await zoneOf(db)).toBe('America/Sao_Paulo');
    } finally {
      await db.close();
    }
  });
});
