import {
  ClickHouseConnection,
  catalog,
  computeMetrics,
  forecastRows,
  type MetricRow,
  metricNames,
  refreshRollups,
  refuseSnapshotTrend,
  TenureError,
  withWorkspace,
} from '@tenure/core';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';

interface MetricFlags {
  list?: boolean;
  period: string;
  from?: string;
  to?: string;
  by: string[];
  filter: string[];
  basis: string;
  csv?: boolean;
  lang: string;
  forecast?: string;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').filter(Boolean)];

function parseFilters(pairs: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0)
      throw new TenureError(
        'TEN_METRIC_BAD_QUERY',
        `Invalid metric query: --filter ${JSON.stringify(p)}`,
        'Write --filter dimension=value, e.g. --filter region=north.',
      );
    const key = p.slice(0, i).trim();
    out[key] = [...(out[key] ?? []), p.slice(i + 1).trim()];
  }
  return out;
}

const num = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined
    ? ''
    : Number.isInteger(v)
      ? v.toLocaleString('en-US')
      : v.toLocaleString('en-US', { maximumFractionDigits: digits });

const fmtValue = (r: MetricRow, v: number | null | undefined = r.value) => {
  if (v === null || v === undefined) return '—';
  return catalog[r.metric].unit === 'ratio' ? `${(100 * v).toFixed(2)} %` : num(v);
};

const fmtChange = (r: MetricRow) =>
  r.change === null || r.change === undefined
    ? ''
    : catalog[r.metric].unit === 'ratio'
      ? `${r.change >= 0 ? '+' : ''}${(100 * r.change).toFixed(2)} pt`
      : `${r.change >= 0 ? '+' : ''}${num(r.change)}`;

const fmtInterval = (r: MetricRow) =>
  r.ci_low === null || r.ci_high === null ? '' : `${fmtValue(r, r.ci_low)} – ${fmtValue(r, r.ci_high)}`;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function toCsv(rows: MetricRow[], by: string[]): string {
  const head = [
    'metric',
    'period_start',
    'period_end',
    ...by,
    'value',
    'numerator',
    'denominator',
    'ci_low',
    'ci_high',
  ];
  const lines = rows.map((r) =>
    [
      r.metric,
      r.period_start,
      r.period_end,
      ...by.map((b) => r.segment[b]),
      r.value,
      r.numerator,
      r.denominator,
      r.ci_low,
      r.ci_high,
    ]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\n');
}

export const metrics: CommandModule = (program: Command) => {
  program
    .command('metrics')
    .description('compute metrics by period and segment (tenure metrics --list shows them all)')
    .argument('[names...]', 'metric ids, e.g. churn_rate retention_rate nrr')
    .option('--list', 'list the metrics with their definitions')
    .option('--period <grain>', 'day, week, month, quarter or year', 'month')
    .option('--from <date>', 'first period: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn')
    .option('--to <date>', 'last period (inclusive)')
    .option('--by <dimension>', 'break down by a segment dimension (repeatable or comma-separated)', collect, [])
    .option(
      '--filter <dimension=value>',
      'keep only customers with this value (repeatable)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--basis <basis>', 'auto, subscriptions, orders or customers', 'auto')
    .option('--csv', 'CSV output')
    .option('--lang <lang>', 'en or zh for titles', 'en')
    .option('--forecast <n>', 'append an exponential-smoothing forecast of the next n periods with 95 % intervals')
    .action(async (names: string[], f: MetricFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const lang = f.lang.startsWith('zh') ? 'zh-CN' : 'en';
        if (f.list || names.length === 0) {
          const list = metricNames.map((n) => ({
            id: n,
            title: catalog[n].title[lang],
            unit: catalog[n].unit,
            description: catalog[n].description[lang],
          }));
          emit(g, list, () =>
            table(
              ['id', 'title', 'unit', 'definition'],
              list.map((m) => [m.id, m.title, m.unit, m.description]),
            ),
          );
          return;
        }
        if (!f.from || !f.to)
          throw new TenureError(
            'TEN_METRIC_BAD_QUERY',
            'Invalid metric query: --from and --to are required',
            'For example --from 2024-01 --to 2024-12.',
          );
        const horizon = f.forecast === undefined ? 0 : Number(f.forecast);
        if (!Number.isInteger(horizon) || horizon < 0 || horizon > 60) {
          throw new TenureError(
            'TEN_METRIC_BAD_QUERY',
            `Invalid metric query: --forecast ${f.forecast}`,
            'Give a whole number of periods from 1 to 60.',
          );
        }
        const rows = await withWorkspace(g.workspace, async (ws) => {
          // With --engine, the workspace gives the configuration and ClickHouse the data (after `tenure sync`).
          const conn = g.engine ? await ClickHouseConnection.open(g.engine) : ws.db;
          // On the workspace, bring the rollups of these metrics up to date: the first month query after new
          // data builds them, later ones read precomputed months (core's metrics/rollups/).
          if (!g.engine && f.period === 'month') await refreshRollups(ws, { metrics: names });
          const compute = () =>
            computeMetrics(conn, ws.config, names, {
              period: f.period as 'month',
              from: f.from as string,
              to: f.to as string,
              by: f.by,
              filter: parseFilters(f.filter),
              basis: f.basis as 'auto',
            });
          let r: MetricRow[];
          try {
            r = await compute();
          } finally {
            if (conn !== ws.db) await conn.close();
          }
          refuseSnapshotTrend(r, horizon);
          const calendar = { fiscalStartMonth: ws.config.fiscal_year_start_month, weekStart: ws.config.week_start };
          return horizon ? [...r, ...forecastRows(r, f.period as 'month', calendar, horizon)] : r;
        });
        if (f.csv && !g.json) {
          process.stdout.write(`${toCsv(rows, f.by)}\n`);
          return;
        }
        emit(g, rows, () => {
          const body = table(
            ['metric', 'period', ...f.by, 'value', 'change', 'numerator', 'denominator', '95 % interval', ''],
            rows.map((r) => [
              catalog[r.metric].title[lang],
              r.period_start,
              ...f.by.map((b) => r.segment[b] ?? ''),
              fmtValue(r),
              fmtChange(r),
              num(r.numerator),
              num(r.denominator),
              fmtInterval(r),
              r.forecast ? `forecast (${r.forecast})` : r.significant ? '* differs' : '',
            ]),
          );
          const note = rows.some((r) => r.significant)
            ? '\n* differs from the other segments (chi-square, Benjamini–Hochberg adjusted p < 0.05)'
            : '';
          return body + note;
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
