import { esc, frame, legend, linear, type Margin, noData, px, swatch, ticks, yAxis } from './scale.ts';

export interface ParetoInput {
  title: string;
  /** Largest first; `cumulative` is the share (0–1) of this bar and all before it. */
  bars: { label: string; value: number; cumulative: number | null }[];
  formatValue: (v: number) => string;
  formatPct: (v: number) => string;
  labels: { bars: string; cumulative: string; noData: string };
  width?: number;
  height?: number;
}

export const paretoMargin: Margin = { top: 44, right: 56, bottom: 96, left: 56 };
const BAR = '#3b82f6';
const LINE = '#ea580c';

const short = (s: string, n = 16) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/**
 * A Pareto chart: bars (left axis, from 0 to the largest bar) and the cumulative share as a line with dots
 * (right axis, 0–100 %), with a dashed 80 % reference line.
 */
export function paretoChart(input: ParetoInput): string {
  const { width = 900, height = 320, bars, title, labels } = input;
  const m = paretoMargin;
  if (!bars.length) return noData(width, height, title, labels.noData);
  const max = Math.max(...bars.map((b) => b.value), 0);
  const [top, bottom, left, right] = [m.top, height - m.bottom, m.left, width - m.right];
  const y = linear([0, max], [bottom, top]);
  const yp = linear([0, 1], [bottom, top]);
  const band = (right - left) / bars.length;
  const cx = (i: number) => left + band * (i + 0.5);
  const bw = Math.max(2, band * 0.7);

  const rects = bars
    .map(
      (b, i) =>
        `<rect x="${px(cx(i) - bw / 2)}" y="${px(y(b.value))}" width="${px(bw)}" height="${px(bottom - y(b.value))}" fill="${BAR}"><title>${esc(`${b.label}: ${input.formatValue(b.value)}`)}</title></rect>`,
    )
    .join('');
  const xLabels = bars
    .map(
      (b, i) =>
        `<text transform="translate(${px(cx(i))},${bottom + 10}) rotate(-35)" text-anchor="end" dominant-baseline="middle">${esc(short(b.label))}</text>`,
    )
    .join('');
  const pts = bars.flatMap((b, i) => (b.cumulative === null ? [] : [[cx(i), yp(b.cumulative)] as const]));
  const line = pts.length
    ? `<path d="${pts.map(([px0, py], k) => `${k ? 'L' : 'M'}${px(px0)} ${px(py)}`).join(' ')}" fill="none" stroke="${LINE}" stroke-width="2"/>` +
      pts.map(([px0, py]) => `<circle cx="${px(px0)}" cy="${px(py)}" r="3" fill="${LINE}"/>`).join('')
    : '';
  const ref = `<path d="M${left} ${px(yp(0.8))} H${right}" stroke="${LINE}" stroke-opacity="0.5" stroke-dasharray="4 4"/>`;
  return frame(
    width,
    height,
    title,
    `<text x="${left}" y="16" font-weight="600">${esc(title)}</text>` +
      legend(
        [
          { label: labels.bars, swatch: swatch.box(BAR) },
          { label: labels.cumulative, swatch: swatch.line(LINE) },
        ],
        left,
        32,
      ) +
      yAxis(ticks(0, max, 5), y, left, right, input.formatValue) +
      yAxis([0, 0.25, 0.5, 0.75, 1], yp, left, right, input.formatPct, 'right') +
      `<path d="M${left} ${bottom} H${right}" stroke="#64748b"/>` +
      rects +
      ref +
      line +
      xLabels,
  );
}
