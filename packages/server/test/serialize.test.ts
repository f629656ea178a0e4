import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResultCache } from '../src/cache.ts';
import { formOf, memoSerializerCompiler } from '../src/serialize.ts';

/** A serializer for a schema that counts how often it is checked, i.e. how often a body is encoded. */
function counting() {
  const seen = { n: 0 };
  const schema = z.object({ a: z.string().refine(() => ++seen.n > 0) });
  const serialize = memoSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
  return { seen, serialize: serialize as (data: unknown) => string };
}

describe('the response serializer', () => {
  it('encodes a cached (frozen) result once and sends the same JSON after', () => {
    const { seen, serialize } = counting();
    const body = Object.freeze({ a: 'x' });
    expect(serialize(body)).toBe('{"a":"x"}');
    expect(serialize(body)).toBe('{"a":"x"}');
    expect(seen.n).toBe(1);
  });

  it('encodes every other body each time, as a handler may change what it built from', () => {
    const { seen, serialize } = counting();
    const body = { a: 'x' };
    serialize(body);
    body.a = 'y';
    expect(serialize(body)).toBe('{"a":"y"}');
    expect(seen.n).toBe(2);
  });

  it('is handed frozen results by the view cache, the first caller included', async () => {
    const cache = new ResultCache();
    const first = await cache.get('k', async () => ({ rows: [1] }));
    expect(Object.isFrozen(first)).toBe(true);
    expect(await cache.get('k', async () => ({ rows: [2] }))).toBe(first);
  });

  it('keeps one frozen form per kept answer and key (a language, a length), made once', () => {
    const answer = Object.freeze({ rows: [1, 2, 3] });
    let made = 0;
    const cut = (n: number) => () => ({ rows: answer.rows.slice(0, n), n: ++made });
    const two = formOf(answer, '2', cut(2));
    expect(formOf(answer, '2', cut(2))).toBe(two);
    expect(Object.isFrozen(two)).toBe(true);
    expect(formOf(answer, '1', cut(1)).rows).toEqual([1]);
    expect(two.rows).toEqual([1, 2]);
    expect(made).toBe(2);
    // Another answer (after a write) gets forms of its own.
    expect(formOf(Object.freeze({ rows: [9] }), '2', () => ({ rows: [9], n: 0 })).rows).toEqual([9]);
  });
});
