import { esc, frame, linear, noData, px } from './scale.ts';

export interface HeatmapInput {
  title: string;
  rows: string[];
  cols: string[];
  /** cells[row][col]; null cells are left empty. */
  cells: (number | null)[][];
  format: (v: number) => string;
  labels: { rows: string; cols: string; noData: string };
  width?: number;
}

/** Light to dark blue. */
const LOW: [number, number, number] = [239, 246, 255];
const HIGH: [number, number, number] = [30, 64, 175];
export const heatmapLayout = { top: 52, right: 16, cellHeight: 22, legendHeight: 44 };

/** The colour of a share t in [0, 1] between the light and the dark end. */
export function heatColor(t: number): string {
  const c = LOW.map((lo, i) => Math.round(lo + ((HIGH[i] as number) - lo) * Math.min(1, Math.max(0, t))));
  return `rgb(${c.join(',')})`;
}

/**
 * A matrix of shaded cells (e.g. cohorts × months since acquisition), the colour scaled from the smallest
 * value (lightest) to the largest (darkest), each cell labelled when it is wide enough, with a colour legend.
 */
export function heatmap(input: HeatmapInput): string {
  const { width = 900, rows, cols, cells, title, labels } = input;
  const L = { ...heatmapLayout, left: Math.max(60, 14 + 6.5 * Math.max(0, ...rows.map((r) => [...r].length))) };
  const values = cells.flat().filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const height = L.top + rows.length * L.cellHeight + L.legendHeight;
  if (!rows.length || !cols.length || !values.length) return noData(width, 160, title, labels.noData);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const shade = linear([lo, hi], [0, 1]);
  const cw = (width - L.left - L.right) / cols.length;
  const cellAt = (r: number, c: number, v: number) => {
    const t = lo === hi ? 1 : shade(v);
    const [x, y] = [L.left + c * cw, L.top + r * L.cellHeight];
    const text =
      cw >= 34
        ? `<text x="${px(x + cw / 2)}" y="${px(y + L.cellHeight / 2)}" text-anchor="middle" dominant-baseline="middle" font-size="9" fill="${t > 0.55 ? '#fff' : '#0f172a'}">${esc(input.format(v))}</text>`
        : '';
    return `<rect x="${px(x)}" y="${y}" width="${px(cw - 1)}" height="${L.cellHeight - 1}" fill="${heatColor(t)}"><title>${esc(`${rows[r]} · ${cols[c]}: ${input.format(v)}`)}</title></rect>${text}`;
  };
  const body = cells
    .flatMap((row, r) => row.map((v, c) => (typeof v === 'number' && Number.isFinite(v) ? cellAt(r, c, v) : '')))
    .join('');
  const rowLabels = rows
    .map(
      (name, r) =>
        `<text x="${L.left - 6}" y="${px(L.top + (r + 0.5) * L.cellHeight)}" text-anchor="end" dominant-baseline="middle">${esc(name)}</text>`,
    )
    .join('');
  const colLabels = cols
    .map(
      (name, c) => `<text x="${px(L.left + (c + 0.5) * cw)}" y="${L.top - 6}" text-anchor="middle">${esc(name)}</text>`,
    )
    .join('');
  const ly = L.top + rows.length * L.cellHeight + 16;
  const steps = [0, 0.25, 0.5, 0.75, 1];
  const key = steps
    .map((s, i) => {
      const v = lo + (hi - lo) * s;
      const x = L.left + i * 70;
      return `<rect x="${x}" y="${ly}" width="16" height="12" fill="${heatColor(s)}" stroke="#cbd5e1"/><text x="${x + 20}" y="${ly + 10}">${esc(input.format(v))}</text>`;
    })
    .join('');
  return frame(
    width,
    height,
    title,
    `<text x="${L.left}" y="16" font-weight="600">${esc(title)}</text>` +
      `<text x="${width - L.right}" y="32" text-anchor="end" fill="#475569">${esc(`${labels.cols} →`)}</text>` +
      `<text x="4" y="32" fill="#475569">${esc(`${labels.rows} ↓`)}</text>` +
      colLabels +
      rowLabels +
      body +
      key,
  );
}
