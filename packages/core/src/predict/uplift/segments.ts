/**
 * Uplift per segment of the held-out members: for each value of each configured dimension among the features,
 * the members, their mean predicted uplift and the observed one (control churn − treatment churn; null when an
 * arm has no member there). A planted or suspected difference between segments is read here at a glance.
 */
import type { Frame } from '../frame.ts';
import type { SegmentUplift } from './types.ts';

/**
 * @example
 * segmentUplift(frame, treated, uplift, ['product_line']); // [{ dimension: 'product_line', value: 'tv', … }]
 */
export function segmentUplift(
  frame: Frame & { label: Float64Array },
  treated: Uint8Array,
  uplift: Float64Array,
  dimensions: string[],
): SegmentUplift[] {
  return dimensions.flatMap((dimension) => {
    const j = frame.features.findIndex((f) => f.name === dimension && f.kind === 'categorical');
    if (j < 0) return [];
    const column = frame.columns[j] as string[];
    const cells = new Map<string, { n: number; sum: number; arms: [number, number, number, number] }>();
    column.forEach((value, r) => {
      const c = cells.get(value) ?? { n: 0, sum: 0, arms: [0, 0, 0, 0] };
      c.n++;
      c.sum += uplift[r]!;
      // [control members, control churners, treated members, treated churners]
      const a = treated[r] === 1 ? 2 : 0;
      c.arms[a]!++;
      c.arms[a + 1]! += frame.label[r]!;
      cells.set(value, c);
    });
    return [...cells.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, c]) => {
        const [nc, cc, nt, ct] = c.arms;
        return {
          dimension,
          value,
          members: c.n,
          predictedUplift: c.sum / c.n,
          observedUplift: nc > 0 && nt > 0 ? cc / nc - ct / nt : null,
        };
      });
  });
}
