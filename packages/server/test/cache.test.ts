import { describe, expect, it } from 'vitest';
import { ResultCache } from '../src/cache.ts';

/** Counts computations per key, so a test sees which gets were served from the cache. */
function counted(cache: ResultCache) {
  const runs: string[] = [];
  const get = (key: string) =>
    cache.get(key, async () => {
      runs.push(key);
      return key;
    });
  return { runs, get };
}

describe('ResultCache', () => {
  it('evicts the least recently used entry, not the oldest', async () => {
    const { runs, get } = counted(new ResultCache(2));
    await get('a');
    await get('b');
    await get('a'); // a is now the most recently used
    await get('c'); // evicts b
    await get('a');
    await get('b');
    expect(runs).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps serving a cycle of customers that fits, however often it is repeated', async () => {
    const { runs, get } = counted(new ResultCache(100));
    for (let round = 0; round < 3; round++) for (let i = 0; i < 100; i++) await get(`c${i}`);
    expect(runs).toHaveLength(100);
  });

  it('computes again after a write, and does not cache failures', async () => {
    const cache = new ResultCache(10);
    const { runs, get } = counted(cache);
    await get('a');
    cache.invalidate();
    await get('a');
    await expect(cache.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(cache.get('x', async () => 'yes')).resolves.toBe('yes');
    expect(runs).toEqual(['a', 'a']);
  });
});
