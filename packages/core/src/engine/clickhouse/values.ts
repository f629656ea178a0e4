/**
 * ClickHouse JSONCompact values → the plain shapes the DuckDB connection returns, so rows compare equal
 * across engines: 64-bit and wider integers as numbers, DECIMAL as number, DATE as 'YYYY-MM-DD', TIMESTAMP
 * as 'YYYY-MM-DD HH:MM:SS[.mmm]', nan/inf as NaN/±Infinity, NULL as null.
 */
import type { Row } from '../engine.ts';

/** The settings this module expects the result to be formatted with. */
export const outputSettings = {
  /** 64-bit integers as JSON strings, converted here with Number() exactly as the DuckDB side converts BigInt. */
  output_format_json_quote_64bit_integers: 1,
  /** Decimals as JSON numbers: parsed to the same double DuckDB's DECIMAL → DOUBLE gives. */
  output_format_json_quote_decimals: 0,
  /** nan and ±inf as strings ('nan', 'inf'): otherwise they print as null and look like SQL NULL. */
  output_format_json_quote_denormals: 1,
} as const;

export interface ColumnMeta {
  name: string;
  type: string;
}

type Convert = (v: unknown) => unknown;

const unwrap = (type: string, wrapper: string) =>
  type.startsWith(`${wrapper}(`) && type.endsWith(')') ? type.slice(wrapper.length + 1, -1) : undefined;

/**
 * DuckDB's connection turns a TIMESTAMP into a JS Date from `micros / 1000n` (BigInt division, so toward
 * zero) and prints it without '.000'. Reproduce that from ClickHouse's 'YYYY-MM-DD HH:MM:SS[.ffffff]'.
 */
export function duckdbTimestampText(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const frac = (m[3] ?? '').padEnd(6, '0');
  let ms = Date.parse(`${m[1]}T${m[2]}.${frac.slice(0, 3)}Z`);
  // Before 1970 the epoch is negative: truncating toward zero rounds the sub-millisecond part up.
  if (ms < 0 && Number(frac.slice(3)) > 0) ms += 1;
  const iso = new Date(ms).toISOString();
  return iso.replace('.000Z', '').replace('Z', '').replace('T', ' ');
}

const FLOATS: Record<string, number> = {
  nan: Number.NaN,
  '-nan': Number.NaN,
  '+nan': Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
};

/** A converter for one ClickHouse type name (as printed in JSONCompact's meta). */
export function converterFor(typeIn: string): Convert {
  const type = typeIn.trim();
  const inner = unwrap(type, 'Nullable') ?? unwrap(type, 'LowCardinality');
  if (inner !== undefined) {
    const c = converterFor(inner);
    return (v) => (v === null ? null : c(v));
  }
  const item = unwrap(type, 'Array');
  if (item !== undefined) {
    const c = converterFor(item);
    return (v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : c(x))) : v);
  }
  if (/^U?Int(64|128|256)$/.test(type)) return (v) => (typeof v === 'string' ? Number(v) : v);
  if (/^Float(32|64)$/.test(type)) return (v) => (typeof v === 'string' ? (FLOATS[v] ?? Number(v)) : v);
  if (/^Decimal/.test(type)) return (v) => (typeof v === 'string' ? Number(v) : v);
  if (type.startsWith('DateTime64')) return (v) => (typeof v === 'string' ? duckdbTimestampText(v) : v);
  return (v) => v;
}

/** Rows of a JSONCompact result as plain objects. */
export function rowsFromCompact(meta: readonly ColumnMeta[], data: readonly unknown[][]): Row[] {
  const conv = meta.map((m) => converterFor(m.type));
  return data.map((r) => {
    const o: Row = {};
    for (let i = 0; i < meta.length; i++) o[(meta[i] as ColumnMeta).name] = (conv[i] as Convert)(r[i] ?? null);
    return o;
  });
}
