import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectsOf, tempWorkspace } from '../../test/fixtures/ingest/helpers.ts';
import { describe as describeError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { importFile } from './import.ts';

let ws: Workspace;
let dir: string;
let done: () => Promise<void>;
beforeEach(async () => {
  ({ ws, dir, done } = await tempWorkspace());
});
afterEach(() => done());

/** A rates file with Chinese headers: two good rows (a lower-case code among them) and three bad ones. */
const RATES = [
  '币种,日期,汇率',
  'eur,2024-01-01,1.1',
  'EUR,2024-02-15,1.2',
  'US$,2024-01-01,7',
  'JPY,2024-01-01,0',
  'GBP,2024-01-01,-1.5',
];

describe('importing exchange rates', () => {
  it('maps Chinese headers, stores codes upper-case and rejects bad codes and rates by line, column and value', async () => {
    const file = join(dir, 'rates.csv');
    writeFileSync(file, `${RATES.join('\n')}\n`);
    const s = await importFile(ws, 'exchange_rates', file, { maxRejectRate: 1 });
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected]).toEqual([5, 2, 3]);
    expect(await rejectsOf(ws, s.batchId)).toMatchObject([
      { line: 4, column: '币种', value: 'US$', code: 'TEN_ROW_BAD_CURRENCY' },
      { line: 5, column: '汇率', code: 'TEN_ROW_OUT_OF_RANGE' },
      { line: 6, column: '汇率', code: 'TEN_ROW_OUT_OF_RANGE' },
    ]);
    const zh = describeError('TEN_ROW_BAD_CURRENCY', { column: '币种', value: 'US$', expected: 'ISO 4217' }, 'zh-CN');
    expect(zh.message).toContain('US$');
    expect(
      await ws.db.all(
        sql`SELECT currency, CAST(rate_date AS VARCHAR) AS d, rate FROM exchange_rates ORDER BY rate_date`,
      ),
    ).toEqual([
      { currency: 'EUR', d: '2024-01-01', rate: 1.1 },
      { currency: 'EUR', d: '2024-02-15', rate: 1.2 },
    ]);
  });

  it('is idempotent: the same file again changes nothing, a changed rate updates its row', async () => {
    const file = join(dir, 'rates.csv');
    writeFileSync(file, `${RATES.slice(0, 3).join('\n')}\n`);
    await importFile(ws, 'exchange_rates', file);
    const again = await importFile(ws, 'exchange_rates', file);
    expect([again.rowsNew, again.rowsUpdated, again.rowsUnchanged]).toEqual([0, 0, 2]);
    writeFileSync(file, 'currency,valid_from,rate\nEUR,2024-02-15,1.25\n');
    const changed = await importFile(ws, 'exchange_rates', file);
    expect([changed.rowsNew, changed.rowsUpdated]).toEqual([0, 1]);
  });
});
