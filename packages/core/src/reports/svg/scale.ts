/** Shared pieces of the report's SVG charts: scales, ticks, escaping, the frame and the 'no data' chart. */

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A linear scale: domain[0] → range[0], domain[1] → range[1]; a flat domain maps to the middle. */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** Round tick values (steps of 1, 2, 2.5 or 5 × 10^k) inside [min, max], about `count` of them. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Text for SVG/HTML content and attributes. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A coordinate with one decimal. */
export const px = (v: number): string => (Math.round(v * 10) / 10).toString();

/** The chart's <svg> element: sized by its viewBox so it scales with the page, titled for screen readers. */
export const frame = (width: number, height: number, title: string, body: string): string =>
  `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" class="chart"><title>${esc(title)}</title>${body}</svg>`;

/** The chart drawn for an empty input: a frame and a centred note. */
export const noData = (width: number, height: number, title: string, note: string): string =>
  frame(
    width,
    height,
    title,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#cbd5e1"/>` +
      `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="middle" fill="#64748b">${esc(note)}</text>`,
  );

/** A legend entry: a swatch (line, dashed line or box) and its label, laid out left to right from x. */
export function legend(items: { label: string; swatch: string }[], x: number, y: number): string {
  let at = x;
  return items
    .map(({ label, swatch }) => {
      const out = `<g transform="translate(${px(at)},${y})">${swatch}<text x="22" y="4">${esc(label)}</text></g>`;
      at += 34 + [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6), 0);
      return out;
    })
    .join('');
}

export const swatch = {
  line: (color: string, dash = '') =>
    `<path d="M0 0 H18" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
  box: (color: string, opacity = 1) =>
    `<rect x="0" y="-5" width="18" height="10" fill="${color}" fill-opacity="${opacity}"/>`,
};

/** Horizontal grid lines with labels on the left (or right) edge of the plot. */
export function yAxis(
  values: number[],
  y: (v: number) => number,
  x0: number,
  x1: number,
  format: (v: number) => string,
  side: 'left' | 'right' = 'left',
): string {
  return values
    .map((v) => {
      const at = px(y(v));
      const label =
        side === 'left'
          ? `<text x="${x0 - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${esc(format(v))}</text>`
          : `<text x="${x1 + 6}" y="${at}" dominant-baseline="middle">${esc(format(v))}</text>`;
      const grid = side === 'left' ? `<path d="M${x0} ${at} H${x1}" stroke="#e2e8f0"/>` : '';
      return grid + label;
    })
    .join('');
}
