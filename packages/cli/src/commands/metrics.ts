import type { MetricDef, MetricRow } from '@tenure/core';
import { activityBases, grains, groupFilter, tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { type Lang, label, langOf } from '../labels.ts';
import { printMetricsSql } from '../metrics-sql.ts';
import { emit, fail, fmtPp, table, wrap } from '../output.ts';

interface MetricFlags {
  list?: boolean;
  verbose?: boolean;
  period: string;
  from?: string;
  to?: string;
  by: string[];
  filter: string[];
  basis: string;
  csv?: boolean;
  lang: string;
  forecast?: string;
  sql?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').filter(Boolean)];

function parseFilters(pairs: string[]): Record<string, string[]> {
  return groupFilter(
    pairs.map((p) => {
      const i = p.indexOf('=');
      // The flag's own syntax (the API writes dimension:value); a bad pair is a bad option as in the API.
      if (i <= 0)
        throw tenureError('TEN_BAD_OPTION', {
          fixes: [{ option: 'filter', value: p, allowed: { en: 'dimension=value', zh: '维度=值' } }],
        });
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
}

const num = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined
    ? ''
    : Number.isInteger(v)
      ? v.toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A metric's unit, from the catalogue (passed in: the catalogue loads with core when the command runs). */
type Unit = MetricDef['unit'];

const fmtValue = (unit: Unit, v: number | null | undefined) => {
  if (v === null || v === undefined) return '—';
  return unit === 'ratio' ? `${(100 * v).toFixed(2)} %` : num(v);
};

const fmtChange = (r: MetricRow, unit: Unit, lang: Lang) =>
  r.change === null || r.change === undefined
    ? ''
    : unit === 'ratio'
      ? fmtPp(r.change, lang)
      : `${r.change >= 0 ? '+' : ''}${num(r.change)}`;

const fmtInterval = (r: MetricRow, unit: Unit) =>
  r.ci_low === null || r.ci_high === null ? '' : `${fmtValue(unit, r.ci_low)} – ${fmtValue(unit, r.ci_high)}`;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Decimals a metric is stated to in CSV: cents for money, 0.01 % for ratios (as fractions), 0.01 for counts. */
const DECIMALS = { money: 2, ratio: 4, count: 2 } as const;

/** Machine-readable: ids and ISO dates as headers and cells, a period label, forecast rows flagged, values rounded. */
function toCsv(
  rows: MetricRow[],
  by: string[],
  label: (r: MetricRow) => string,
  unitOf: (r: MetricRow) => Unit,
): string {
  const head = [
    'metric',
    'period',
    'period_start',
    'period_end',
    ...by,
    'value',
    'numerator',
    'denominator',
    'ci_low',
    'ci_high',
    'forecast',
  ];
  const lines = rows.map((r) => {
    const digits = DECIMALS[unitOf(r)];
    const round = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Number.isInteger(v) ? v : Number(v.toFixed(digits));
    return [
      r.metric,
      label(r),
      r.period_start,
      r.period_end,
      ...by.map((b) => r.segment[b]),
      round(r.value),
      round(r.numerator),
      round(r.denominator),
      round(r.ci_low),
      round(r.ci_high),
      r.forecast ? 'true' : 'false',
    ]
      .map(csvCell)
      .join(',');
  });
  return [head.join(','), ...lines].join('\n');
}

export const metrics: CommandModule = (program: Command) => {
  program
    .command('metrics')
    .description('compute metrics by period and segment (tenure metrics --list shows them all)')
    .argument('[names...]', 'metric ids, e.g. churn_rate retention_rate nrr')
    .option('--list', 'list the metrics: id, title and unit')
    .option('--verbose', 'with --list: each definition too, wrapped to the terminal')
    .option('--period <grain>', grains.join(', '), 'month')
    .option('--from <date>', 'first period: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn')
    .option('--to <date>', 'last period (inclusive)')
    .option('--by <dimension>', 'break down by a segment dimension (repeatable or comma-separated)', collect, [])
    .option(
      '--filter <dimension=value>',
      'keep only customers with this value (repeatable)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--basis <basis>', activityBases.join(', '), 'auto')
    .option('--csv', 'CSV output')
    .option('--lang <lang>', 'en or zh for titles', 'en')
    .option('--forecast <n>', 'append an exponential-smoothing forecast of the next n periods with 95 % intervals')
    .option('--sql', 'print the SQL each metric runs, with its bound values, instead of running it')
    .action(async (names: string[], f: MetricFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const {
          api,
          calendarOf,
          catalog,
          computeMetrics,
          forecastRows,
          metricNames,
          openClickHouse,
          parseOptions,
          periodLabel,
          periodWindow,
          refreshRollups,
          refuseSnapshotTrend,
          withWorkspace,
        } = await import('@tenure/core');
        const unitOf = (r: MetricRow) => catalog[r.metric].unit;
        const lang = langOf(f.lang);
        const L = (k: Parameters<typeof label>[1]) => label(lang, k);
        if (f.list || names.length === 0) {
          const list = metricNames.map((n) => ({
            id: n,
            title: catalog[n].title[lang],
            unit: catalog[n].unit,
            description: catalog[n].description[lang],
          }));
          emit(g, list, () =>
            f.verbose
              ? list.map((m) => `${m.id} — ${m.title} (${L(m.unit)})\n${wrap(m.description, '  ')}`).join('\n\n')
              : table(
                  [L('id'), L('title'), L('unit')],
                  list.map((m) => [m.id, m.title, L(m.unit)]),
                ),
          );
          return;
        }
        // The API's query schema, so a value is refused here exactly as GET /metrics/:name refuses it.
        const asked = parseOptions(api.metricQuery, {
          period: f.period,
          from: f.from,
          to: f.to,
          basis: f.basis,
          forecast: f.forecast,
        });
        const { forecast: horizon, ...window } = asked;
        const query = { ...window, by: f.by, filter: parseFilters(f.filter) };
        if (f.sql) {
          await printMetricsSql(g, names, query);
          return;
        }
        const result = await withWorkspace(g.workspace, async (ws) => {
          // With --engine, the workspace gives the configuration and ClickHouse the data (after `tenure sync`).
          const conn = g.engine ? await openClickHouse(g.engine) : ws.db;
          // On the workspace, bring the rollups of these metrics up to date: the first month query after new
          // data builds them, later ones read precomputed months (core's metrics/rollups/).
          if (!g.engine && query.period === 'month') await refreshRollups(ws, { metrics: names });
          const w = await periodWindow(ws, query);
          const compute = () => computeMetrics(conn, ws.config, names, { ...query, from: w.from, to: w.to });
          let r: MetricRow[];
          try {
            r = await compute();
          } finally {
            if (conn !== ws.db) await conn.close();
          }
          refuseSnapshotTrend(r, horizon);
          const calendar = calendarOf(ws.config);
          return {
            calendar,
            rows: horizon ? [...r, ...forecastRows(r, query.period, calendar, horizon)] : r,
          };
        });
        const period = (r: MetricRow) => periodLabel(query.period, r.period_start, result.calendar);
        const rows = result.rows;
        if (f.csv && !g.json) {
          process.stdout.write(`${toCsv(rows, f.by, period, unitOf)}\n`);
          return;
        }
        emit(g, rows, () => {
          const body = table(
            [
              L('metric'),
              L('period'),
              ...f.by,
              L('value'),
              L('change'),
              L('numerator'),
              L('denominator'),
              L('interval'),
              '',
            ],
            rows.map((r) => [
              catalog[r.metric].title[lang],
              period(r),
              ...f.by.map((b) => r.segment[b] ?? ''),
              fmtValue(unitOf(r), r.value),
              fmtChange(r, unitOf(r), lang),
              num(r.numerator),
              num(r.denominator),
              fmtInterval(r, unitOf(r)),
              r.forecast ? `${L('forecast')} (${r.forecast})` : r.significant ? L('differs') : '',
            ]),
          );
          const note = rows.some((r) => r.significant) ? `\n${L('differsNote')}` : '';
          return body + note;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
