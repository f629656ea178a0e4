/** fmtInt groups digits itself to keep Intl (and ICU's data) off `tenure status`: it must read as en-US does. */
import { describe, expect, it } from 'vitest';
import { fmtInt } from './output.ts';

describe('fmtInt', () => {
  it('groups thousands exactly as en-US formatting does', () => {
    for (const n of [0, 7, 999, 1000, -1000, 12345, 100000, 1234567, -987654321, Number.MAX_SAFE_INTEGER, 12.5, 1e21])
      expect(fmtInt(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
