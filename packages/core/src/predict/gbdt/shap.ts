/**
 * Exact TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature attribution for tree
 * ensembles", Algorithm 2; Lundberg et al. 2020, Nature MI 2:56–67): the Shapley values of a tree's output
 * for one row, where the value of a feature subset S is the expectation of the tree given the features in S,
 * taken over the training rows that reached each node (the node covers r_j). Instead of the 2^M subsets of
 * Algorithm 1 it follows every root-to-leaf path once, keeping for each feature on the path the share of
 * subsets ("weights") in which the path is followed: EXTEND adds a feature, UNWIND removes one, and at a leaf
 * each feature's weight sum times (one-fraction − zero-fraction) times the leaf value is its contribution.
 * O(T L D²) for T trees with L leaves and depth D. The values of a row sum to its margin minus the
 * expected margin (local accuracy, the paper's eq. 1).
 */
import { alignFrame, type Frame } from '../frame.ts';
import { applyBins, BINS } from './bin.ts';
import type { GbdtModel } from './boost.ts';
import { type CompiledTree, compileTree, type Tree } from './tree.ts';

/** The unique features on the current path: feature d, zero fraction z, one fraction o and weight w. */
interface Path {
  d: number[];
  z: number[];
  o: number[];
  w: number[];
}

const copy = (m: Path): Path => ({ d: [...m.d], z: [...m.z], o: [...m.o], w: [...m.w] });

function extend(m: Path, pz: number, po: number, pi: number): void {
  const l = m.d.length;
  m.d.push(pi);
  m.z.push(pz);
  m.o.push(po);
  m.w.push(l === 0 ? 1 : 0);
  for (let i = l - 1; i >= 0; i--) {
    m.w[i + 1]! += (po * m.w[i]! * (i + 1)) / (l + 1);
    m.w[i] = (pz * m.w[i]! * (l - i)) / (l + 1);
  }
}

function unwind(m: Path, i: number): void {
  const l = m.d.length - 1;
  const { o, z } = { o: m.o[i]!, z: m.z[i]! };
  let n = m.w[l]!;
  for (let j = l - 1; j >= 0; j--) {
    if (o !== 0) {
      const t = m.w[j]!;
      m.w[j] = (n * (l + 1)) / ((j + 1) * o);
      n = t - (m.w[j]! * z * (l - j)) / (l + 1);
    } else m.w[j] = (m.w[j]! * (l + 1)) / (z * (l - j));
  }
  for (let j = i; j < l; j++) {
    m.d[j] = m.d[j + 1]!;
    m.z[j] = m.z[j + 1]!;
    m.o[j] = m.o[j + 1]!;
  }
  m.d.pop();
  m.z.pop();
  m.o.pop();
  m.w.pop();
}

/** Σ of the weights UNWIND(m, i) would leave, without changing m. */
function unwoundSum(m: Path, i: number): number {
  const l = m.d.length - 1;
  const { o, z } = { o: m.o[i]!, z: m.z[i]! };
  let total = 0;
  let n = m.w[l]!;
  for (let j = l - 1; j >= 0; j--) {
    if (o !== 0) {
      const t = (n * (l + 1)) / ((j + 1) * o);
      total += t;
      n = m.w[j]! - (t * z * (l - j)) / (l + 1);
    } else total += (m.w[j]! * (l + 1)) / (z * (l - j));
  }
  return total;
}

/**
 * Add one tree's Shapley values for one row into `phi` (indexed by feature). `goesLeft(k)` says where the row
 * goes at internal node k.
 *
 * @example
 * treeShap(tree, (k) => row[tree.feature[k]] <= tree.threshold[k], phi);
 */
export function treeShap(t: Tree, goesLeft: (k: number) => boolean, phi: Float64Array): void {
  const recurse = (j: number, parent: Path, pz: number, po: number, pi: number) => {
    const m = copy(parent);
    extend(m, pz, po, pi);
    const f = t.feature[j]!;
    if (f < 0) {
      for (let i = 1; i < m.d.length; i++) phi[m.d[i]!]! += unwoundSum(m, i) * (m.o[i]! - m.z[i]!) * t.value[j]!;
      return;
    }
    const [hot, cold] = goesLeft(j) ? [t.left[j]!, t.right[j]!] : [t.right[j]!, t.left[j]!];
    let iz = 1;
    let io = 1;
    const k = m.d.indexOf(f, 1);
    if (k > 0) {
      iz = m.z[k]!;
      io = m.o[k]!;
      unwind(m, k);
    }
    const r = t.cover[j]!;
    recurse(hot, m, (iz * t.cover[hot]!) / r, io, f);
    recurse(cold, m, (iz * t.cover[cold]!) / r, 0, f);
  };
  recurse(0, { d: [], z: [], o: [], w: [] }, 1, 1, -1);
}

/** A tree's expected output over its training rows: Σ leaves cover/root cover × value. */
export function expectedValue(t: Tree): number {
  let e = 0;
  t.feature.forEach((f, k) => {
    if (f < 0) e += (t.cover[k]! / t.cover[0]!) * t.value[k]!;
  });
  return e;
}

/** SHAP values of every row: `values[r · F + f]`, with the expected margin they start from. */
export interface ShapValues {
  expected: number;
  F: number;
  values: Float64Array;
}

/**
 * TreeSHAP over a whole ensemble (Shapley values are additive over trees).
 *
 * @example
 * const { expected, values } = gbdtShap(model, frame); // Σ_f values[r·F + f] = margin_r − expected
 */
export function gbdtShap(model: GbdtModel, frame: Frame): ShapValues {
  const b = applyBins(alignFrame(frame, model.features), model.bins);
  const F = b.F;
  const values = new Float64Array(b.rows * F);
  const compiled: CompiledTree[] = model.trees.map((t) => compileTree(t, model.bins));
  const phi = new Float64Array(F);
  for (let r = 0; r < b.rows; r++) {
    phi.fill(0);
    const base = r * F;
    model.trees.forEach((t, i) => {
      const c = compiled[i]!;
      treeShap(t, (k) => c.lut[k * BINS + b.data[base + c.feature[k]!]!] === 1, phi);
    });
    values.set(phi, base);
  }
  const expected = model.trees.reduce((e, t) => e + expectedValue(t), model.baseScore);
  return { expected, F, values };
}
