/**
 * The fixed Telco test split, by a hash so it needs no committed copy of the dataset's ids: the customers whose
 * 32-bit FNV-1a hash of "test:" + id is below 3 mod 10, about 30 % (xgboost-telco.py applies the same rule to
 * compute its reference). Training and validation split the rest as `tenure model train` always does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../../../src/predict/split.ts';
import { dataset } from '../../fixtures/ingest/helpers.ts';

export const isTelcoTest = (id: string): boolean => fnv1a(`test:${id}`) % 10 < 3;

/** Write the test ids (a customer_id header, one id per line) into `dir` for --test-ids; the file's path. */
export function writeTelcoTestIds(dir: string): string {
  const ids = readFileSync(dataset('telco/WA_Fn-UseC_-Telco-Customer-Churn.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.slice(0, line.indexOf(',')))
    .filter((id) => id && isTelcoTest(id));
  const file = join(dir, 'telco-test-ids.txt');
  writeFileSync(file, `customer_id\n${ids.join('\n')}\n`);
  return file;
}
