import type { LineSeriesOption } from 'echarts/charts';

/** ECharts' default palette, named so a segment's line, forecast and band share one colour. */
export const palette = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
];

export const colorAt = (i: number) => palette[i % palette.length] as string;

/**
 * A segment as one label: `north · online`; '' without a breakdown. `label` names a value of a dimension (the
 * derived dimensions' values have labels in both languages); by default a value is shown as it is.
 */
export const segmentLabel = (
  segment: Record<string, string>,
  label: (dimension: string, value: string) => string = (_, v) => v,
) =>
  Object.entries(segment)
    .map(([k, v]) => label(k, v))
    .join(' · ');

/** Rows grouped by a key, in first-seen order. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Tooltips are HTML: user data (segment values, reasons) is escaped before it goes in. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A shaded band between two bounds, drawn as two stacked areas: the low bound (invisible), then high − low.
 * `common` carries what the band shares with its line (name, colour, step); ids are `l:<id>` and `h:<id>`.
 * Stacking is 'all', so the width stacks on a negative low bound too (ECharts stacks signs apart by default).
 * On a value x axis, `xs` gives each point's x (the curves share them, so stacking by index is stacking by x).
 */
export function bandSeries(
  id: string,
  low: (number | null)[],
  high: (number | null)[],
  common: LineSeriesOption & { color: string },
  xs?: number[],
): LineSeriesOption[] {
  const at = (v: (number | null)[]) => (xs ? v.map((y, j) => [xs[j] as number, y]) : v);
  const band = {
    ...common,
    stack: `band:${id}`,
    stackStrategy: 'all' as const,
    lineStyle: { opacity: 0 },
    silent: true,
  };
  return [
    { ...band, id: `l:${id}`, data: at(low) },
    {
      ...band,
      id: `h:${id}`,
      data: at(high.map((h, j) => (h === null || low[j] === null ? null : h - (low[j] as number)))),
      areaStyle: { color: common.color, opacity: 0.18 },
    },
  ];
}
