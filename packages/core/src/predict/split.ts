/**
 * Train / validation / test splits that anyone can reproduce. The test set is the customers a user names
 * (`--test-ids FILE`), so they can compare with their own notebook on the same rows. The validation set, for
 * early stopping and calibration, is every customer whose 32-bit FNV-1a hash of the UTF-8 id is 0 mod 5
 * (about 20 %), a rule any language can repeat (test/reference/predict/xgboost-telco.py does). Splitting by
 * customer keeps all snapshots of one customer on one side.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tenureError } from '../errors.ts';

/** FNV-1a, 32 bits (Fowler, Noll & Vo), over the UTF-8 bytes of `s`. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/** The validation rule: about one customer in five. */
export const isValidation = (id: string): boolean => fnv1a(id) % 5 === 0;

export type Split = 'train' | 'validation' | 'test';

/** Each row's split: test when its customer is in `testIds`, else validation by hash, else train. */
export function splits(ids: readonly string[], testIds: ReadonlySet<string> | null): Split[] {
  return ids.map((id) => (testIds?.has(id) ? 'test' : isValidation(id) ? 'validation' : 'train'));
}

/**
 * Read a test-id file: one customer id per line; blank lines and a `customer_id` header are skipped.
 * Every id must be a known customer, so a file for another data set fails loudly instead of testing nothing.
 *
 * @example
 * readTestIds('test-ids.txt', new Set(frame.ids)); // Set { '0002-ORFBO', … }
 */
export function readTestIds(file: string, known: ReadonlySet<string>): Set<string> {
  if (!existsSync(file)) throw tenureError('TEN_PREDICT_TEST_IDS_NOT_FOUND', { file }, { file });
  const ids = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l, i) => l && !(i === 0 && /^customer_?id$/i.test(l)));
  if (!ids.length) throw tenureError('TEN_PREDICT_TEST_IDS', { file, detail: 'it names no customer' }, { file });
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw tenureError(
      'TEN_PREDICT_TEST_IDS',
      {
        file,
        detail: `${unknown.length} of ${ids.length} ids are not customers here, e.g. ${unknown.slice(0, 3).join(', ')}`,
      },
      { file, value: unknown[0] },
    );
  return new Set(ids);
}
