import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codes, describe as describeCode, tenureError } from '../src/errors.ts';
import { errorsDoc } from './errors-doc.ts';

const docPath = join(import.meta.dirname, '..', '..', '..', 'docs', 'errors.md');

describe('error codes', () => {
  it('docs/errors.md lists exactly the codes of the table, as generated', () => {
    const doc = readFileSync(docPath, 'utf8');
    const documented = [...doc.matchAll(/^\| (TEN_[A-Z_]+) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(codes).sort());
    expect(doc).toBe(errorsDoc(codes));
  });

  it('codes are TEN_<AREA>_<WHAT> with an HTTP status, and build errors with hints', () => {
    for (const [code, d] of Object.entries(codes)) {
      expect(code).toMatch(/^TEN_[A-Z]+(_[A-Z0-9]+)*$/);
      expect(d.status).toBeGreaterThanOrEqual(400);
    }
    const e = tenureError('TEN_IMPORT_EMPTY_FILE', { file: 'a.csv' }, { file: 'a.csv' });
    expect(e.code).toBe('TEN_IMPORT_EMPTY_FILE');
    expect(e.status).toBe(422);
    expect(e.hint.length).toBeGreaterThan(10);
    expect(e.toJSON().where).toEqual({ file: 'a.csv' });
    expect(describeCode('TEN_ROW_BAD_DATE', { column: 'x', value: 'v', expected: 'YYYY' }).message).toContain('"v"');
  });
});
