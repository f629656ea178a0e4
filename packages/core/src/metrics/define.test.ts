/**
 * The base registry carries each base's row type (define.ts), so `BaseRows` is derived rather than kept in step by
 * hand. These checks run in the type-checker (`tsc`): a base whose row type is lost, or a `BaseRows` key that is
 * not a base, fails to compile.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type BaseName, type BaseRows, bases } from './define.ts';
import type { FlowRow } from './flow.ts';
import type { RevenueRow } from './revenue.ts';

describe('bases and their rows', () => {
  it('BaseRows has exactly the registry’s bases, each with the row its query returns', () => {
    expectTypeOf<keyof BaseRows>().toEqualTypeOf<BaseName>();
    expectTypeOf<BaseRows['flow']>().toEqualTypeOf<FlowRow>();
    expectTypeOf<BaseRows['revenue']>().toEqualTypeOf<RevenueRow>();
    // No base lost its row type to unknown or never (what an untagged builder would infer).
    expectTypeOf<{ [B in BaseName]: unknown extends BaseRows[B] ? B : never }[BaseName]>().toBeNever();
    expectTypeOf<{ [B in BaseName]: [BaseRows[B]] extends [never] ? B : never }[BaseName]>().toBeNever();
    expect(Object.keys(bases).length).toBeGreaterThan(0);
  });
});
