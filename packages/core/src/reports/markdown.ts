import { type Formats, formats } from '../present/index.ts';
import { segmentCells } from './format.ts';
import { dimensionLabel, t } from './text.ts';
import type { Body, Kind, ReportData, Section } from './types.ts';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A table: the first `text` columns left-aligned labels, the rest right-aligned numbers. */
function table(head: string[], rows: string[][], text = 1): string {
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${head.map((_, j) => (j < text ? ' :-- ' : ' --: ')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

type Render<K extends Kind> = (s: Body<K>, f: Formats, d: ReportData) => string | null;

const kpi: Render<'kpi'> = (s, f, d) =>
  table(
    [t(d.lang, 'metric'), t(d.lang, 'value'), t(d.lang, 'change'), t(d.lang, 'interval')],
    s.rows.map((r) => [
      r.title,
      f.value(r.unit, r.value),
      f.change(r.unit, r.change),
      f.interval(r.unit, r.ci_low, r.ci_high),
    ]),
  );

const trend: Render<'trend'> = (s, f, d) => {
  const periods = [...new Set(s.series.flatMap((x) => x.points.map((p) => `${p.period}|${p.forecast}`)))];
  const rows = periods.map((key) => {
    const [period = '', forecast] = key.split('|');
    const values = s.series.map((x) => {
      const p = x.points.find((q) => q.period === period);
      if (!p) return '';
      return p.forecast
        ? `${f.value(x.unit, p.value)} (${f.interval(x.unit, p.low, p.high)})`
        : f.value(x.unit, p.value);
    });
    return [forecast === 'true' ? `${period} (${t(d.lang, 'forecast')})` : period, ...values];
  });
  return rows.length ? table([t(d.lang, 'month'), ...s.series.map((x) => x.title)], rows) : null;
};

const cohort: Render<'cohort'> = ({ matrix: m }, f, d) =>
  m.cohorts.length
    ? table(
        [`${t(d.lang, 'cohort')} \\ ${t(d.lang, 'age')}`, t(d.lang, 'customers'), ...m.ages.map(String)],
        m.cohorts.map((co, i) => [
          co,
          f.number(m.sizes[i]),
          ...(m.cells[i] ?? []).map((v) => (v === null ? '' : f.percent(v, 1))),
        ]),
      )
    : null;

const pareto: Render<'pareto'> = (s, f, d) => {
  const parts: string[] = [];
  if (s.reasons.length)
    parts.push(
      table(
        [t(d.lang, 'reason'), t(d.lang, 'churned'), t(d.lang, 'share'), t(d.lang, 'cumulative'), t(d.lang, 'mrr_lost')],
        s.reasons.map((r) => [
          r.reason,
          f.number(r.count),
          f.percent(r.share),
          f.percent(r.cumulative),
          f.value('money', r.mrr_lost),
        ]),
      ),
    );
  if (s.categories.length)
    parts.push(
      `**${t(d.lang, 'taxonomy')}**`,
      table(
        [t(d.lang, 'kind'), t(d.lang, 'category'), t(d.lang, 'churned'), t(d.lang, 'share')],
        s.categories.map((c) => [c.kind, c.category, f.number(c.count), f.percent(c.share)]),
        2,
      ),
    );
  return parts.length ? parts.join('\n\n') : null;
};

const segments: Render<'segments'> = (s, f, d) =>
  s.rows.length
    ? table(
        [
          dimensionLabel(d.lang, s.dimension),
          t(d.lang, 'churn_rate'),
          t(d.lang, 'interval'),
          t(d.lang, 'churned_of_active'),
          t(d.lang, 'significance'),
        ],
        [...s.rows, ...(s.total ? [s.total] : [])].map((r) => segmentCells(r, f, d.lang)),
      )
    : null;

const scorecard: Render<'scorecard'> = (s, f, d) =>
  s.rows.length
    ? table(
        [t(d.lang, 'entity'), t(d.lang, 'score')],
        s.rows.map((r) => [r.label, f.number(r.score)]),
      )
    : null;

/** One renderer per section kind: a kind cannot exist without its rendering. */
const bodies: { [K in Kind]: Render<K> } = { kpi, trend, cohort, pareto, segments, scorecard };

function body(s: Section, f: Formats, d: ReportData): string | null {
  return (bodies[s.kind] as Render<Kind>)(s as Body<Kind>, f, d);
}

/** The report as Markdown: a heading per section, tables, notes as quotes. No charts. */
export function renderMarkdown(d: ReportData): string {
  const f = formats(d.lang, d.currency);
  const out = [`# ${d.title}`, '', t(d.lang, 'range', { from: d.from, to: d.to, month: d.to })];
  d.sections.forEach((s, i) => {
    const b = s.skipped ? null : (body(s, f, d) ?? t(d.lang, 'no_data'));
    const notes = s.notes.map((n) => `> ${n.replace(/^\*/, '\\*')}`).join('\n>\n');
    out.push('', [`## ${i + 1}. ${s.title}`, b, notes].filter(Boolean).join('\n\n'));
  });
  out.push('', '---', '', t(d.lang, 'footer'), '');
  return out.join('\n');
}
