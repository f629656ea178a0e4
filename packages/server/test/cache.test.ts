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

describe('ResultCache: views kept through data writes', () => {
  /** A kept view whose figure is `n` at the time it is computed; `runs` counts the computations. */
  function kept(cache: ResultCache) {
    const state = { n: 1, runs: 0 };
    const get = () =>
      cache.getKept('["overview"]', async () => {
        state.runs++;
        return { n: state.n };
      });
    return { state, get };
  }

  it('a data write keeps the last answer, marked stale as of the write, and computes nothing', async () => {
    const cache = new ResultCache(10);
    const { state, get } = kept(cache);
    const first = await get();
    expect(first).toMatchObject({ n: 1, refreshing: false });
    await cache.get('plain', async () => 'x');
    state.n = 2;
    const at = new Date(Date.parse(first.as_of) + 1000);
    cache.supersede(at);
    expect(await get()).toEqual({ n: 1, refreshing: true, as_of: at.toISOString() });
    expect(state.runs).toBe(1);
    // Other views are dropped, as by any write.
    let again = false;
    await cache.get('plain', async () => {
      again = true;
      return 'x';
    });
    expect(again).toBe(true);
  });

  it('revalidates once the rollups are up to date with the write, and not while a later write is pending', async () => {
    const cache = new ResultCache(10);
    const { state, get } = kept(cache);
    await get();
    state.n = 2;
    cache.supersede(new Date());
    const refreshStarted = cache.generation;
    cache.supersede(new Date()); // a second write while the rollups were rebuilt
    await cache.revalidate(refreshStarted);
    expect(state.runs).toBe(1);
    await cache.revalidate(cache.generation);
    await cache.revalidate(cache.generation); // a second signal finds nothing stale
    expect(state.runs).toBe(2);
    expect(await get()).toMatchObject({ n: 2, refreshing: false });
  });

  it('a settings change drops kept answers: the next request computes under the new settings', async () => {
    const cache = new ResultCache(10);
    const { state, get } = kept(cache);
    await get();
    cache.invalidate();
    state.n = 3;
    expect(await get()).toMatchObject({ n: 3, refreshing: false });
    expect(state.runs).toBe(2);
  });

  it('a recomputation that fails drops the stale answer: the next request computes and meets the error', async () => {
    const cache = new ResultCache(10);
    let fail = false;
    const get = () =>
      cache.getKept('["metric"]', async () => {
        if (fail) throw new Error('gone');
        return { n: 1 };
      });
    await get();
    fail = true;
    cache.supersede(new Date());
    await cache.revalidate(cache.generation);
    await expect(get()).rejects.toThrow('gone');
  });
});
