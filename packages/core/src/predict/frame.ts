/**
 * A feature frame: the typed columns every classifier reads. Numeric columns are Float64Arrays with NaN for
 * missing; categorical columns are strings with '' for missing. Feature queries (features/*.ts) aggregate in
 * SQL and hand over one row per customer and snapshot (STYLE.md practice 9); nothing here knows where the
 * columns came from.
 */
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import { tenureError } from '../errors.ts';
import { readColumns } from '../models/columns.ts';
import type { Sql } from '../sql/sql.ts';

export type FeatureKind = 'numeric' | 'categorical';

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
}

export type Column = Float64Array | string[];

export interface Frame {
  rows: number;
  features: FeatureSpec[];
  /** One column per feature, in the order of `features`. */
  columns: Column[];
}

/** A frame with what the rows are: their ids, snapshot dates and labels (1 = churned within the horizon). */
export interface LabelledFrame extends Frame {
  ids: string[];
  /** The snapshot each row was computed at, YYYY-MM-DD. */
  asOf: string[];
  label: Float64Array;
}

/**
 * Read a feature query into a frame. The query returns `customer_id`, `as_of` (text), `label` (0/1, NULL when
 * unknown) and the features, numbers as DOUBLE and categories as VARCHAR.
 *
 * @example
 * const frame = await readFrame(ws.db, query, [{ name: 'tenure_days', kind: 'numeric' }]);
 */
export async function readFrame(db: DuckDbConnection, q: Sql, features: FeatureSpec[]): Promise<LabelledFrame> {
  const c = await readColumns(db, q);
  const columns = features.map((f) => {
    const col = f.kind === 'numeric' ? c.num[f.name] : c.text[f.name];
    if (!col) throw tenureError('TEN_INTERNAL', { detail: `feature query lacks the ${f.kind} column ${f.name}` });
    return col;
  });
  return {
    rows: c.rows,
    features,
    columns,
    ids: c.text.customer_id ?? [],
    asOf: c.text.as_of ?? new Array<string>(c.rows).fill(''),
    label: c.num.label ?? new Float64Array(c.rows).fill(Number.NaN),
  };
}

/** The frame's columns in the order a model expects, found by name and kind. */
export function alignFrame(frame: Frame, features: FeatureSpec[]): Frame {
  const columns = features.map((f) => {
    const i = frame.features.findIndex((g) => g.name === f.name && g.kind === f.kind);
    if (i < 0)
      throw tenureError('TEN_PREDICT_BAD_MODEL', {
        detail: `the model needs the ${f.kind} feature ${f.name}, which the data lacks`,
      });
    return frame.columns[i]!;
  });
  return { rows: frame.rows, features, columns };
}

/** Rows as a frame, from their values as stored and shown (featureValue: a missing number is null). */
export function frameOfValues(features: FeatureSpec[], rows: readonly (readonly (number | string | null)[])[]): Frame {
  const columns = features.map((f, j): Column => {
    const at = (r: number) => rows[r]![j] ?? null;
    return f.kind === 'numeric'
      ? Float64Array.from(rows, (_, r) => (at(r) === null ? Number.NaN : Number(at(r))))
      : rows.map((_, r) => (at(r) === null ? '' : String(at(r))));
  });
  return { rows: rows.length, features, columns };
}

/** The rows at `index`, as a new frame (train/validation/test splits). */
export function subset<F extends Frame>(frame: F, index: ArrayLike<number>): F {
  const pick = (col: Column): Column => {
    if (col instanceof Float64Array) return Float64Array.from({ length: index.length }, (_, i) => col[index[i]!]!);
    return Array.from({ length: index.length }, (_, i) => col[index[i]!]!);
  };
  const out: Frame = { rows: index.length, features: frame.features, columns: frame.columns.map(pick) };
  const l = frame as unknown as Partial<LabelledFrame>;
  if (l.ids && l.asOf && l.label)
    Object.assign(out, {
      ids: pick(l.ids) as string[],
      asOf: pick(l.asOf) as string[],
      label: pick(l.label) as Float64Array,
    });
  return out as F;
}

/** Frames with the same features, one after the other. */
export function concat(frames: LabelledFrame[]): LabelledFrame {
  const first = frames[0]!;
  const join = (j: number): Column => {
    if (first.columns[j] instanceof Float64Array) {
      const out = new Float64Array(frames.reduce((n, f) => n + f.rows, 0));
      let o = 0;
      for (const f of frames) {
        out.set(f.columns[j] as Float64Array, o);
        o += f.rows;
      }
      return out;
    }
    return frames.flatMap((f) => f.columns[j] as string[]);
  };
  const label = new Float64Array(frames.reduce((n, f) => n + f.rows, 0));
  let offset = 0;
  for (const f of frames) {
    label.set(f.label, offset);
    offset += f.rows;
  }
  return {
    rows: label.length,
    features: first.features,
    columns: first.features.map((_, j) => join(j)),
    ids: frames.flatMap((f) => f.ids),
    asOf: frames.flatMap((f) => f.asOf),
    label,
  };
}
