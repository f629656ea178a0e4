import { describe, expect, it } from 'vitest';
import { heatColor, heatmap } from './svg/heatmap.ts';
import { lineChart, lineMargin } from './svg/line.ts';
import { paretoChart, paretoMargin } from './svg/pareto.ts';
import { linear, ticks } from './svg/scale.ts';

const fmt = (v: number) => v.toFixed(1);
const lineLabels = { actual: 'Actual', forecast: 'Forecast', band: 'Band', noData: 'No data' };

describe('scales and ticks', () => {
  it('map the domain ends to the range ends', () => {
    const y = linear([2, 10], [240, 40]);
    expect([y(2), y(10), y(6)]).toEqual([240, 40, 140]);
    expect(linear([5, 5], [0, 100])(5)).toBe(50);
  });
  it('ticks are round values inside the domain', () => {
    expect(ticks(0, 84, 5)).toEqual([0, 20, 40, 60, 80]);
    expect(ticks(0.008, 0.046, 4)).toEqual([0.01, 0.02, 0.03, 0.04]);
    expect(ticks(3, 3)).toEqual([3]);
  });
});

describe('lineChart', () => {
  it('puts the smallest value on the bottom edge and the largest on the top edge', () => {
    const svg = lineChart({
      title: 'T',
      points: [
        { x: 'a', y: 0 },
        { x: 'b', y: 10 },
      ],
      format: fmt,
      labels: lineLabels,
      width: 400,
      height: 200,
    });
    const m = lineMargin;
    expect(svg).toContain(`d="M${m.left} ${200 - m.bottom} L${400 - m.right} ${m.top}"`);
    expect(svg).not.toContain('Forecast');
  });
  it('draws the forecast dashed inside a shaded band, with a legend', () => {
    const svg = lineChart({
      title: 'Churn',
      points: [
        { x: '2025-01', y: 0.03 },
        { x: '2025-02', y: 0.02 },
        { x: '2025-03', y: 0.025, low: 0.01, high: 0.04, forecast: true },
      ],
      format: fmt,
      labels: lineLabels,
    });
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toMatch(/<path d="M[^"]+Z" fill="#2563eb" fill-opacity="0.15"/);
    for (const l of ['Actual', 'Forecast', 'Band']) expect(svg).toContain(`>${l}</text>`);
  });
  it('renders a note for empty input', () => {
    expect(lineChart({ title: 'T', points: [], format: fmt, labels: lineLabels })).toContain('No data');
    expect(lineChart({ title: 'T', points: [{ x: 'a', y: null }], format: fmt, labels: lineLabels })).toContain(
      'No data',
    );
  });
});

describe('paretoChart', () => {
  const labels = { bars: 'Count', cumulative: 'Cumulative', noData: '无数据' };
  it('scales the largest bar to the top of the plot and escapes labels', () => {
    const svg = paretoChart({
      title: 'Reasons',
      bars: [
        { label: 'Price <high>', value: 30, cumulative: 0.6 },
        { label: 'Moved', value: 20, cumulative: 1 },
      ],
      formatValue: fmt,
      formatPct: (v) => `${v * 100}%`,
      labels,
      width: 500,
      height: 300,
    });
    const plot = 300 - paretoMargin.bottom - paretoMargin.top;
    expect(svg).toMatch(new RegExp(`<rect x="[\\d.]+" y="${paretoMargin.top}" width="[\\d.]+" height="${plot}"`));
    expect(svg).toContain('Price &lt;high&gt;');
    expect(svg).not.toContain('<high>');
    expect(svg.match(/<circle/g)?.length).toBe(2);
  });
  it('renders a note for empty input', () => {
    expect(paretoChart({ title: 'R', bars: [], formatValue: fmt, formatPct: fmt, labels })).toContain('无数据');
  });
});

describe('heatmap', () => {
  const labels = { rows: 'Cohort', cols: 'Age', noData: 'No data' };
  it('shades the smallest value lightest and the largest darkest; missing cells are empty', () => {
    const svg = heatmap({
      title: 'H',
      rows: ['2025-01', '2025-02'],
      cols: ['0', '1'],
      cells: [
        [1, 0.5],
        [1, null],
      ],
      format: (v) => `${v * 100}%`,
      labels,
    });
    expect(svg.match(/<rect [^>]*fill="rgb/g)?.length).toBe(3 + 5); // 3 cells + 5 legend swatches
    expect(svg).toContain(`fill="${heatColor(0)}"><title>2025-01 · 1: 50%`);
    expect(svg).toContain(`fill="${heatColor(1)}"><title>2025-01 · 0: 100%`);
  });
  it('renders a note for empty input', () => {
    expect(heatmap({ title: 'H', rows: [], cols: [], cells: [], format: fmt, labels })).toContain('No data');
  });
});
