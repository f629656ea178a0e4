import { type Formats, formats } from '../present/index.ts';
import { segmentCells } from './format.ts';
import { heatmap } from './svg/heatmap.ts';
import { lineChart } from './svg/line.ts';
import { paretoChart } from './svg/pareto.ts';
import { esc, px } from './svg/scale.ts';
import { dimensionLabel, t } from './text.ts';
import type { Body, Kind, ReportData, Section } from './types.ts';

const STYLE = `
body{margin:0;background:#f8fafc;color:#0f172a;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px 20px;margin:16px 0}
table{border-collapse:collapse;margin:8px 0}th,td{padding:4px 12px;border-bottom:1px solid #e2e8f0;text-align:right}
th.t,td.t{text-align:left}code{font-size:12px;background:#f1f5f9;padding:0 3px;border-radius:3px}th{font-weight:600;color:#475569}
td.num,th.num{font-variant-numeric:tabular-nums}tr.sig td{background:#fef3c7}tr.total td{font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px}svg.chart{max-width:100%;height:auto;font-size:11px}
.note,.muted{color:#475569;font-size:13px;margin:6px 0}.bar{display:inline-block;width:120px;height:8px;background:#e2e8f0;border-radius:4px;vertical-align:middle;margin-left:8px}
.bar span{display:block;height:100%;background:#16a34a;border-radius:4px}footer{color:#64748b;font-size:12px}`;

/** A table; the first `text` columns are left-aligned labels, the rest right-aligned numbers. Cells are HTML. */
function table(head: string[], rows: string[][], text = 1, rowClass: (i: number) => string = () => ''): string {
  const al = (j: number) => (j < text ? ' class="t"' : '');
  const th = head.map((h, j) => `<th${al(j)}>${esc(h)}</th>`).join('');
  const tr = rows.map((r, i) => {
    const cls = rowClass(i);
    return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c, j) => `<td${al(j)}>${c}</td>`).join('')}</tr>`;
  });
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr.join('')}</tbody></table>`;
}

/** Escaped text with `code` spans. */
const prose = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

type Render<K extends Kind> = (s: Body<K>, f: Formats, d: ReportData) => string;
const T = (d: ReportData, key: Parameters<typeof t>[1]) => t(d.lang, key);

const kpi: Render<'kpi'> = (s, f, d) =>
  table(
    [T(d, 'metric'), T(d, 'value'), T(d, 'change'), T(d, 'interval')],
    s.rows.map((r) =>
      [r.title, f.value(r.unit, r.value), f.change(r.unit, r.change), f.interval(r.unit, r.ci_low, r.ci_high)].map(esc),
    ),
  );

const trend: Render<'trend'> = (s, f, d) =>
  `<div class="charts">${s.series
    .map((x) =>
      lineChart({
        title: x.title,
        points: x.points.map((p) => ({ x: p.period, y: p.value, low: p.low, high: p.high, forecast: p.forecast })),
        format: (v) => f.value(x.unit, v),
        labels: {
          actual: T(d, 'actual'),
          forecast: T(d, 'forecast'),
          band: T(d, 'forecast_band'),
          noData: T(d, 'no_data'),
        },
      }),
    )
    .join('')}</div>`;

const cohort: Render<'cohort'> = ({ matrix: m }, f, d) =>
  heatmap({
    title: T(d, 'cohort_chart'),
    rows: m.cohorts.map((co, i) => (m.sizes[i] === null ? co : `${co} (${f.number(m.sizes[i])})`)),
    cols: m.ages.map(String),
    cells: m.cells,
    format: (v) => f.percent(v, 1),
    labels: { rows: T(d, 'cohort'), cols: T(d, 'age'), noData: T(d, 'no_data') },
  });

const pareto: Render<'pareto'> = (s, f, d) => {
  const top = s.reasons.slice(0, 12);
  const chart = paretoChart({
    title: t(d.lang, 'pareto_chart', { from: d.from, to: d.to }),
    bars: top.map((r) => ({ label: r.reason, value: r.count, cumulative: r.cumulative })),
    formatValue: (v) => f.number(v),
    formatPct: (v) => f.percent(v, 0),
    labels: { bars: T(d, 'churned'), cumulative: T(d, 'cumulative'), noData: T(d, 'no_data') },
  });
  const more =
    s.reasons.length > top.length ? `<p class="note">${esc(t(d.lang, 'top_only', { n: top.length }))}</p>` : '';
  const reasons = s.reasons.length
    ? table(
        [T(d, 'reason'), T(d, 'churned'), T(d, 'share'), T(d, 'cumulative'), T(d, 'mrr_lost')],
        s.reasons.map((r) =>
          [r.reason, f.number(r.count), f.percent(r.share), f.percent(r.cumulative), f.value('money', r.mrr_lost)].map(
            esc,
          ),
        ),
      )
    : '';
  const split = s.categories.length
    ? `<h3>${esc(T(d, 'taxonomy'))}</h3>${table(
        [T(d, 'kind'), T(d, 'category'), T(d, 'churned'), T(d, 'share')],
        s.categories.map((c) => [c.kind, c.category, f.number(c.count), f.percent(c.share)].map(esc)),
        2,
      )}`
    : '';
  return chart + more + reasons + split;
};

const segments: Render<'segments'> = (s, f, d) =>
  s.rows.length
    ? table(
        [
          dimensionLabel(d.lang, s.dimension),
          T(d, 'churn_rate'),
          T(d, 'interval'),
          T(d, 'churned_of_active'),
          T(d, 'significance'),
        ],
        [...s.rows, ...(s.total ? [s.total] : [])].map((r) => segmentCells(r, f, d.lang).map(esc)),
        1,
        (i) => (s.rows[i]?.significant ? 'sig' : i === s.rows.length ? 'total' : ''),
      )
    : `<p class="muted">${esc(T(d, 'no_data'))}</p>`;

const scorecard: Render<'scorecard'> = (s, f, d) =>
  s.rows.length
    ? table(
        [T(d, 'entity'), T(d, 'score')],
        s.rows.map((r) => {
          const w = Math.max(0, Math.min(100, r.score ?? 0));
          return [
            esc(r.label),
            `${esc(f.number(r.score))}<span class="bar"><span style="width:${px(w)}%"></span></span>`,
          ];
        }),
      )
    : `<p class="muted">${esc(T(d, 'no_data'))}</p>`;

/** One renderer per section kind: a kind cannot exist without its rendering. */
const bodies: { [K in Kind]: Render<K> } = { kpi, trend, cohort, pareto, segments, scorecard };

function body(s: Section, f: Formats, d: ReportData): string {
  return (bodies[s.kind] as Render<Kind>)(s as Body<Kind>, f, d);
}

/** The report as one self-contained HTML page: inline stylesheet, inline SVG charts, no scripts or links. */
export function renderHtml(d: ReportData): string {
  const f = formats(d.lang, d.currency);
  const sections = d.sections.map((s, i) => {
    const notes = s.notes.map((n) => `<p class="note">${prose(n)}</p>`).join('');
    return `<section id="${esc(s.id)}"><h2>${i + 1}. ${esc(s.title)}</h2>${s.skipped ? '' : body(s, f, d)}${notes}</section>`;
  });
  return `<!doctype html>
<html lang="${d.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)} ${esc(d.from)} – ${esc(d.to)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${esc(d.title)}</h1><p class="muted">${esc(t(d.lang, 'range', { from: d.from, to: d.to, month: d.to }))}</p></header>
${sections.join('\n')}
<footer>${prose(T(d, 'footer'))}</footer>
</main></body>
</html>
`;
}
