import { esc, frame, legend, linear, type Margin, noData, px, swatch, ticks, yAxis } from './scale.ts';

export interface LinePoint {
  /** The x label, e.g. '2025-03'. */
  x: string;
  y: number | null;
  /** The 95 % interval; drawn as a shaded band on forecast points. */
  low?: number | null;
  high?: number | null;
  forecast?: boolean;
}

export interface LineChartInput {
  title: string;
  points: LinePoint[];
  format: (v: number) => string;
  labels: { actual: string; forecast: string; band: string; noData: string };
  width?: number;
  height?: number;
}

export const lineMargin: Margin = { top: 44, right: 32, bottom: 40, left: 60 };
const COLOR = '#2563eb';

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A path through points, broken where a value is missing. */
function path(pts: ([number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of pts) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? ' L' : d ? ' M' : 'M'}${px(p[0])} ${px(p[1])}`;
    pen = true;
  }
  return d;
}

/**
 * A time series with its forecast: the actual values as a solid line, the forecast dashed, continuing from
 * the last actual value, inside its shaded 95 % band. The y scale spans exactly the data (values and band).
 */
export function lineChart(input: LineChartInput): string {
  const { width = 460, height = 260, points, title, labels } = input;
  const m = lineMargin;
  const ys = points.flatMap((p) => [p.y, ...(p.forecast ? [p.low, p.high] : [])]).filter(ok);
  if (!points.length || !ys.length) return noData(width, height, title, labels.noData);
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const x = linear([0, Math.max(points.length - 1, 1)], [m.left, width - m.right]);
  const y = linear([lo, hi], [height - m.bottom, m.top]);
  const at = (i: number, v: number | null | undefined): [number, number] | null => (ok(v) ? [x(i), y(v)] : null);

  const lastActual = points.reduce((k, p, i) => (!p.forecast && ok(p.y) ? i : k), -1);
  const actual = points.map((p, i) => (p.forecast ? null : at(i, p.y)));
  const ahead = points.flatMap((p, i) => (p.forecast ? [i] : []));
  const anchor = lastActual >= 0 ? [lastActual] : [];
  const forecast = [...anchor, ...ahead].map((i) => at(i, points[i]?.y));
  const bandTop = [...anchor.map((i) => at(i, points[i]?.y)), ...ahead.map((i) => at(i, points[i]?.high))];
  const bandBottom = [...anchor.map((i) => at(i, points[i]?.y)), ...ahead.map((i) => at(i, points[i]?.low))];
  const band =
    ahead.length && [...bandTop, ...bandBottom].every(Boolean)
      ? `<path d="${path([...bandTop, ...bandBottom.reverse()])} Z" fill="${COLOR}" fill-opacity="0.15" stroke="none"/>`
      : '';

  const step = Math.max(1, Math.ceil(points.length / 8));
  const xTicks = points
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => i % step === 0 || (i === points.length - 1 && i % step >= step / 2))
    .map(
      ({ p, i }) =>
        `<path d="M${px(x(i))} ${height - m.bottom} v4" stroke="#64748b"/>` +
        `<text x="${px(x(i))}" y="${height - m.bottom + 16}" text-anchor="middle">${esc(p.x)}</text>`,
    )
    .join('');
  const divider =
    lastActual >= 0 && ahead.length
      ? `<path d="M${px(x(lastActual))} ${m.top} V${height - m.bottom}" stroke="#94a3b8" stroke-dasharray="2 3"/>`
      : '';
  const keys = [{ label: labels.actual, swatch: swatch.line(COLOR) }];
  if (ahead.length)
    keys.push(
      { label: labels.forecast, swatch: swatch.line(COLOR, '5 4') },
      { label: labels.band, swatch: swatch.box(COLOR, 0.15) },
    );
  return frame(
    width,
    height,
    title,
    `<text x="${m.left}" y="16" font-weight="600">${esc(title)}</text>` +
      legend(keys, m.left, 32) +
      yAxis(ticks(lo, hi, 4), y, m.left, width - m.right, input.format) +
      `<path d="M${m.left} ${height - m.bottom} H${width - m.right}" stroke="#64748b"/>` +
      xTicks +
      band +
      divider +
      `<path d="${path(actual)}" fill="none" stroke="${COLOR}" stroke-width="2"/>` +
      (ahead.length
        ? `<path d="${path(forecast)}" fill="none" stroke="${COLOR}" stroke-width="2" stroke-dasharray="5 4"/>`
        : ''),
  );
}
