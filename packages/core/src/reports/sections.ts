import { catalog } from '../metrics/catalog.ts';
import { type MetricRow, metricDef } from '../metrics/compute.ts';
import { forecastRows } from '../metrics/trend.ts';
import { entityLabel, isEntityName, taxonomyLabel } from '../present/index.ts';
import { monthsIn } from './range.ts';
import { dimensionLabel, t } from './text.ts';
import type {
  BuildContext,
  CategoryRow,
  Kind,
  ParetoBar,
  SectionBody,
  SectionDef,
  SegmentRow,
  Series,
} from './types.ts';

/** A section kind: rows of the section's metrics (only those in the catalogue) → what the report shows. */
type Builder = (def: SectionDef, rows: MetricRow[], c: BuildContext) => { body: SectionBody; notes: string[] };

const of = (rows: MetricRow[], metric: string | undefined) => rows.filter((r) => r.metric === metric);
const title = (metric: string, c: BuildContext) => metricDef(metric).title[c.lang];
const unit = (metric: string) => metricDef(metric).unit;
/** Whether the catalogue has the metric (a section may name metrics that a later version adds). */
export const known = (metric: string | undefined): metric is string =>
  metric !== undefined && Object.hasOwn(catalog, metric);

const kpi: Builder = (def, rows, c) => ({
  body: {
    kind: 'kpi',
    month: c.range.to,
    rows: def.metrics.filter(known).flatMap((m) => {
      const r = rows.find((x) => x.metric === m && x.period_start.startsWith(c.range.to));
      if (!r) return [];
      const { value, ci_low, ci_high } = r;
      return [{ metric: m, title: title(m, c), unit: unit(m), value, change: r.change ?? null, ci_low, ci_high }];
    }),
  },
  notes: [],
});

const trend: Builder = (def, rows, c) => {
  // Forecast each series from its first value on (a range may start before the data does).
  const observed = def.metrics.flatMap((m) => {
    const own = of(rows, m);
    const first = own.findIndex((r) => r.value !== null);
    return first < 0 ? [] : own.slice(first);
  });
  const ahead = forecastRows(observed, 'month', c.range.calendar, def.horizon ?? 0);
  const series: Series[] = def.metrics.filter(known).map((m) => {
    const point = (r: MetricRow, forecast: boolean) => ({
      period: r.period_start.slice(0, 7),
      value: r.value,
      low: r.ci_low,
      high: r.ci_high,
      forecast,
    });
    const future = of(ahead, m);
    const points = [...of(rows, m).map((r) => point(r, false)), ...future.map((r) => point(r, true))];
    return { metric: m, title: title(m, c), unit: unit(m), method: future[0]?.forecast ?? null, points };
  });
  const method = series.find((s) => s.method)?.method;
  return {
    body: { kind: 'trend', series },
    notes: method ? [t(c.lang, 'forecast_note', { n: def.horizon ?? 0, method })] : [],
  };
};

const cohort: Builder = (def, rows, c) => {
  const cells = new Map<string, number | null>();
  const sizes = new Map<string, number | null>();
  for (const r of of(rows, def.metrics[0])) {
    const co = (r.segment.cohort ?? '').replace(/^(\d{4}-\d{2})-01$/, '$1');
    const v = def.part && r.parts && def.part in r.parts ? (r.parts[def.part] ?? null) : r.value;
    cells.set(`${co}|${r.segment.age}`, v);
    if (r.segment.age === '0') sizes.set(co, r.parts?.cohort_size ?? r.denominator);
  }
  const keys = [...cells.keys()].map((k) => k.split('|') as [string, string]);
  const cohorts = [...new Set(keys.map(([co]) => co))].sort();
  const ages = [...new Set(keys.map(([, a]) => Number(a)))].filter(Number.isFinite).sort((a, b) => a - b);
  const matrix = {
    cohorts,
    sizes: cohorts.map((co) => sizes.get(co) ?? null),
    ages,
    cells: cohorts.map((co) => ages.map((a) => cells.get(`${co}|${a}`) ?? null)),
  };
  return { body: { kind: 'cohort', matrix }, notes: cells.size ? [t(c.lang, 'cohort_note')] : [] };
};

/** Rows grouped by a key: the metric's own figures for one period, or totals when the range spans several. */
function totals(rows: MetricRow[], key: (r: MetricRow) => string) {
  const single = new Set(rows.map((r) => r.period_start)).size <= 1;
  const groups = new Map<string, { rows: MetricRow[]; count: number; mrr: number | null }>();
  for (const r of rows) {
    const g = groups.get(key(r)) ?? { rows: [], count: 0, mrr: null };
    const lost = r.parts?.mrr_lost;
    groups.set(key(r), {
      rows: [...g.rows, r],
      count: g.count + (r.value ?? 0),
      mrr: lost === undefined ? g.mrr : (g.mrr ?? 0) + lost,
    });
  }
  const all = [...groups.values()].reduce((s, g) => s + g.count, 0);
  const share = (g: { rows: MetricRow[]; count: number }) =>
    single ? (g.rows[0]?.parts?.share ?? null) : all ? g.count / all : null;
  return { single, groups: [...groups.entries()].map(([k, g]) => ({ key: k, ...g, share: share(g) })) };
}

const pareto: Builder = (def, rows, c) => {
  const [reasonsId, splitId] = def.metrics;
  const r = totals(of(rows, reasonsId), (x) => x.segment.reason ?? '');
  const sorted = r.groups.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  let cum = 0;
  const reasons: ParetoBar[] = sorted.map((g) => {
    cum += g.share ?? 0;
    const own = r.single ? g.rows[0]?.parts?.cumulative_share : undefined;
    return { reason: g.key, count: g.count, share: g.share, cumulative: own ?? cum, mrr_lost: g.mrr };
  });
  const s = totals(of(rows, splitId), (x) => `${x.segment.kind ?? ''}|${x.segment.category ?? ''}`);
  const categories: CategoryRow[] = s.groups
    .sort((a, b) => b.count - a.count)
    .map((g) => {
      const [kind = '', category = ''] = g.key.split('|');
      return {
        kind: taxonomyLabel(c.lang, kind),
        category: taxonomyLabel(c.lang, category),
        count: g.count,
        share: g.share,
      };
    });
  const months = monthsIn(c.range.from, c.range.to);
  return {
    body: { kind: 'pareto', reasons, categories },
    notes: rows.length && (!r.single || !s.single) ? [t(c.lang, 'summed', { n: months })] : [],
  };
};

const segments: Builder = (def, rows, c) => {
  const dimension = [def.query(c.range)].flat().flatMap((q) => q.by ?? [])[0] ?? '';
  const month = of(rows, def.metrics[0]).filter((r) => r.period_start.startsWith(c.range.to));
  const all = month.find((r) => !Object.keys(r.segment).length);
  const shape = (r: MetricRow): SegmentRow => {
    const { value, ci_low, ci_high, numerator, denominator } = r;
    const significant = r.significant ?? false;
    const above = value !== null && all?.value !== null && all?.value !== undefined ? value > all.value : null;
    const direction = significant && above !== null ? (above ? 'higher' : 'lower') : null;
    const segment = r.segment[dimension] ?? t(c.lang, 'all_segments');
    return {
      segment,
      value,
      ci_low,
      ci_high,
      numerator,
      denominator,
      p_adjusted: r.p_adjusted ?? null,
      significant,
      direction,
    };
  };
  const list = month.filter((r) => dimension in r.segment).map(shape);
  const note = list.some((x) => x.significant) ? 'sig_legend' : 'none_significant';
  return {
    body: { kind: 'segments', dimension, month: c.range.to, rows: list, total: all ? shape(all) : null },
    notes: list.length ? [t(c.lang, note, { dimension: dimensionLabel(c.lang, dimension).toLowerCase() })] : [],
  };
};

const scorecard: Builder = (def, rows, c) => {
  const latest = new Map<string, number | null>();
  for (const r of of(rows, def.metrics[0])) {
    const entity = r.segment.entity ?? 'overall';
    if (r.value !== null || !latest.has(entity)) latest.set(entity, r.value);
  }
  const list = [...latest.entries()]
    .sort(([a], [b]) => Number(b === 'overall') - Number(a === 'overall'))
    .map(([entity, score]) => ({
      entity,
      label: isEntityName(entity) ? entityLabel(c.lang, entity) : entity === 'overall' ? t(c.lang, 'overall') : entity,
      score,
    }));
  return { body: { kind: 'scorecard', rows: list }, notes: [] };
};

export const builders: Record<Kind, Builder> = { kpi, trend, cohort, pareto, segments, scorecard };
