import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from './index.ts';

/** snake_case: small letters and digits in words joined by `_`. */
const SNAKE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** Keys the wire keeps in another case, each with its reason. */
const ALLOWED: Record<string, string> = {
  T: 'the BG/NBD paper’s notation (x, t_x, T: Fader, Hardie & Lee 2005), as lifetimes names its columns',
  'zh-CN': 'a language tag (BCP 47) keying a text in both languages, as the en beside it: the Accept-Language value',
};

/**
 * Every object key of a schema, at any depth: through objects, arrays, records, unions, pipes, defaults, lazy
 * schemas and anything else zod nests, by following every schema its definition holds.
 */
function keysOf(schema: z.ZodType, path: string, out: Map<string, string>, seen = new Set<unknown>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema.def as unknown as Record<string, unknown>;
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      if (!out.has(key)) out.set(key, `${path}.${key}`);
      keysOf(field, `${path}.${key}`, out, seen);
    }
  }
  if (def.type === 'lazy') keysOf((def.getter as () => z.ZodType)(), path, out, seen);
  for (const value of Object.values(def))
    for (const inner of [value].flat()) if (inner instanceof z.ZodType) keysOf(inner, path, out, seen);
}

const contractKeys = () => {
  const keys = new Map<string, string>();
  for (const [name, value] of Object.entries(api)) if (value instanceof z.ZodType) keysOf(value, name, keys);
  return keys;
};

describe('the wire convention', () => {
  it('every key of every request and response schema is snake_case', () => {
    const keys = contractKeys();
    expect(keys.size).toBeGreaterThan(150); // the walk saw the contract
    const other = [...keys].filter(([k]) => !SNAKE.test(k) && !(k in ALLOWED)).map(([k, where]) => `${k} (${where})`);
    expect(other).toEqual([]);
    // An allowance no schema needs any more is dropped, not kept.
    expect(Object.keys(ALLOWED).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('the walk finds a key nested in unions, arrays, records, pipes, defaults and lazy schemas', () => {
    const nested = z.object({
      a: z.union([z.string(), z.array(z.object({ inUnion: z.number() }))]),
      b: z.record(z.string(), z.object({ inRecord: z.number() })).default({}),
      c: z.string().pipe(z.object({ inPipe: z.number() }) as unknown as z.ZodString),
      d: z.lazy(() => z.object({ inLazy: z.number() })),
    });
    const keys = new Map<string, string>();
    keysOf(nested, 'nested', keys);
    expect([...keys.keys()].filter((k) => !SNAKE.test(k)).sort()).toEqual(['inLazy', 'inPipe', 'inRecord', 'inUnion']);
  });

  it('toWire gives snake_case keys at any depth, and keeps data names and the models’ capitals', () => {
    const lib = { runId: 1, dataWindow: { from: null }, rows: [{ pAlive: 0.5, T: 3, t_x: 2 }], liftAt10: 2 };
    expect(api.toWire(lib)).toEqual({
      run_id: 1,
      data_window: { from: null },
      rows: [{ p_alive: 0.5, T: 3, t_x: 2 }],
      lift_at10: 2,
    });
  });

  it('options on the wire take snake_case keys, nested groups too, and give the library its own', () => {
    const parsed = api.trainBody.parse({
      horizon_days: 90,
      gbdt: { learning_rate: 0.1, max_depth: 4 },
      backtest: false,
    });
    expect(parsed).toEqual({ horizonDays: 90, gbdt: { learningRate: 0.1, maxDepth: 4 }, backtest: false });
    // The library's own names are unknown keys on the wire, refused like any other.
    expect(api.trainBody.safeParse({ horizonDays: 90 }).success).toBe(false);
    expect(api.fitBody.parse({ calibration_end: '1997-09-30', filter: { plan_tier: 'pro' } })).toEqual({
      calibrationEnd: '1997-09-30',
      filter: { plan_tier: 'pro' },
    });
  });
});
