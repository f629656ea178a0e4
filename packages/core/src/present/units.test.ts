import { describe, expect, it } from 'vitest';
import { catalog } from '../metrics/catalog.ts';
import { type Cube, cubes, STORED } from '../metrics/rollups/cubes.ts';
import { isSummable, type SummableUnit, UNITS, type Unit, units } from './units.ts';

describe('measure units', () => {
  it('only counts and money may be summed', () => {
    expect(UNITS.filter(isSummable).sort()).toEqual(['count', 'money']);
    expect(Object.keys(STORED).sort()).toEqual(UNITS.filter(isSummable).sort());
  });

  it('a rollup refuses to sum a non-summable unit: the type does not allow it, and no cube does', () => {
    // @ts-expect-error a rate summed over segments is no rate: a cube's sums take summable units only
    const rates: Cube['sums'] = { churn_rate: 'ratio' };
    // @ts-expect-error nor a score (an NPS of two segments is no sum of theirs)
    const score: SummableUnit = 'score' satisfies Unit;
    expect([rates, score]).toHaveLength(2);
    for (const cube of Object.values(cubes))
      for (const unit of Object.values(cube.sums)) expect(isSummable(unit)).toBe(true);
  });

  it('every metric states a unit, and a score stays within −100 … 100', () => {
    for (const m of Object.values(catalog)) expect(UNITS).toContain(m.unit);
    expect(catalog.nps.unit).toBe('score');
    expect([units.score.min, units.score.max]).toEqual([-100, 100]);
  });
});
