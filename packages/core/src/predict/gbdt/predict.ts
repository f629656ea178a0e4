/**
 * Scoring with a fitted ensemble: the frame is binned with the model's own bins and each row walks every
 * tree's lookup tables. Because a numeric bin is ≤ t exactly when the value is ≤ the cut (bin.ts), this gives
 * the same leaves as comparing raw values, which is what the SQL form does (to-sql.ts).
 */
import { alignFrame, type Frame } from '../frame.ts';
import { applyBins } from './bin.ts';
import type { GbdtModel } from './boost.ts';
import { compileTree, leafOf } from './tree.ts';

/**
 * Margins (log-odds before calibration) of every row of a frame.
 *
 * @example
 * const m = gbdtMargin(model, frame); // Float64Array, one per row
 */
export function gbdtMargin(model: GbdtModel, frame: Frame): Float64Array {
  const b = applyBins(alignFrame(frame, model.features), model.bins);
  const trees = model.trees.map((t) => compileTree(t, model.bins));
  const out = new Float64Array(b.rows).fill(model.baseScore);
  // Tree by tree, so one tree's tables stay in cache while every row walks it.
  for (const c of trees) for (let r = 0; r < b.rows; r++) out[r]! += c.value[leafOf(c, b.data, r * b.F)]!;
  return out;
}
