/** Background builds give way to people's writes: a slice waits while a write is in flight, at most 100 ms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({}, 50);
}, 120_000);
afterAll(() => s?.close());

const after = async (p: Promise<unknown>) => {
  const t0 = performance.now();
  await p;
  return performance.now() - t0;
};

describe('peopleFirst', () => {
  it('goes on at once when nobody writes, after the write when one is in flight, and never waits past 100 ms', async () => {
    const ctx = s.app.tenure;
    await ctx.peopleFirst(); // nobody writes: the next turn

    let finish = () => {};
    const write = ctx.caseWrite(() => new Promise<void>((go) => (finish = go)));
    await new Promise((go) => setTimeout(go, 10));
    const slice = ctx.peopleFirst();
    let went = false;
    void slice.then(() => (went = true));
    await new Promise((go) => setTimeout(go, 30));
    expect(went).toBe(false);
    finish();
    await write;
    await slice;
    expect(went).toBe(true);

    // A write that goes on: the slice goes anyway after 100 ms.
    let end = () => {};
    const long = ctx.caseWrite(() => new Promise<void>((go) => (end = go)));
    await new Promise((go) => setTimeout(go, 10));
    const waited = await after(ctx.peopleFirst());
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(5_000); // it did not wait for the write, which ends only below
    end();
    await long;
  });
});
