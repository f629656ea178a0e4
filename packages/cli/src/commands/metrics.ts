import type { MetricName, MetricRow, MissingData } from '@tenure/core';
import { type Formats, formats, normalizeLang, type Unit, units } from '@tenure/core/present';
import { activityBases, grains, groupFilter, tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { cliHint } from '../fix-words.ts';
import { label } from '../labels.ts';
import { printMetricsSql } from '../metrics-sql.ts';
import { emit, fail, table, wrap } from '../output.ts';

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
          fixes: [{ option: 'filter', value: p, allowed: { en: 'dimension=value', 'zh-CN': '维度=值' } }],
        });
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Decimals a metric is stated to in CSV: 0.01 % for ratios (as fractions), else 0.01 (cents for money). */
const DECIMALS: Record<Unit, number> = {
  count: 2,
  money: 2,
  ratio: 4,
  growth: 4,
  score: 2,
  multiple: 2,
  per_1000: 2,
  hours: 2,
  months: 2,
};

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
          missingData,
          missingDataText,
          openClickHouse,
          openRecord,
          parseOptions,
          periodLabel,
          periodWindow,
          readCopy,
          refreshRollups,
          refuseSnapshotTrend,
          withWorkspace,
        } = await import('@tenure/core');
        const unitOf = (r: MetricRow) => catalog[r.metric].unit;
        const lang = normalizeLang(f.lang);
        const L = (k: Parameters<typeof label>[1]) => label(lang, k);
        const fmt: Formats = formats(lang);
        if (f.list || names.length === 0) {
          const list = metricNames.map((n) => ({
            id: n,
            title: catalog[n].title[lang],
            unit: catalog[n].unit,
            description: catalog[n].description[lang],
          }));
          emit(g, list, () =>
            f.verbose
              ? list
                  .map((m) => `${m.id} — ${m.title} (${units[m.unit].label[lang]})\n${wrap(m.description, '  ')}`)
                  .join('\n\n')
              : table(
                  [L('id'), L('title'), L('unit')],
                  list.map((m) => [m.id, m.title, units[m.unit].label[lang]]),
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
          // With --engine, the workspace gives the configuration and ClickHouse the data (after `tenure sync`); a
          // workspace kept in ClickHouse (`tenure init --engine`) reads its own tables there.
          const ch = g.engine
            ? await openClickHouse(g.engine)
            : ws.config.engine
              ? await openRecord(ws.config.engine)
              : undefined;
          const conn = ch ?? ws.db;
          // On the workspace, bring the rollups of these metrics up to date: the first month query after new
          // data builds them, later ones read precomputed months (core's metrics/rollups/). ClickHouse has none.
          if (!ch && query.period === 'month') await refreshRollups(ws, { metrics: names });
          const w = await periodWindow({ config: ws.config, db: conn }, query);
          const read = async (): Promise<{ r: MetricRow[]; missing: MissingData[] }> => {
            const r = await computeMetrics(conn, ws.config, names, { ...query, from: w.from, to: w.to });
            return { r, missing: await missingData(conn, names as MetricName[], r) };
          };
          let got: Awaited<ReturnType<typeof read>>;
          try {
            // On ClickHouse, refused if a `tenure sync` switched the copy while these queries read it.
            got = await (ch ? readCopy(ch, read) : read());
          } finally {
            await ch?.close();
          }
          const { r, missing } = got;
          refuseSnapshotTrend(r, horizon);
          const calendar = calendarOf(ws.config);
          return {
            calendar,
            rows: horizon ? [...r, ...forecastRows(r, query.period, calendar, horizon)] : r,
            missing,
          };
        });
        const period = (r: MetricRow) => periodLabel(query.period, r.period_start, result.calendar);
        const rows = result.rows;
        // The columns of a row's segment: the dimensions asked for, and those a metric breaks down by itself
        // (a churn reason, a category), without which its rows are counts of nothing named.
        const by = [...new Set([...f.by, ...rows.flatMap((r) => Object.keys(r.segment))])];
        // Why a metric is empty: after the table, or on stderr where stdout is data (--json, --csv).
        const notes = result.missing.map((m) => {
          const { message, hint, remedies } = missingDataText(m, lang);
          return `${message}. ${cliHint(hint, remedies, lang)}`;
        });
        if (notes.length && (g.json || f.csv)) process.stderr.write(`${notes.join('\n')}\n`);
        if (f.csv && !g.json) {
          process.stdout.write(`${toCsv(rows, by, period, unitOf)}\n`);
          return;
        }
        emit(g, rows, () => {
          const body = table(
            [
              L('metric'),
              L('period'),
              ...by,
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
              ...by.map((b) => r.segment[b] ?? ''),
              fmt.value(unitOf(r), r.value),
              fmt.change(unitOf(r), r.change),
              fmt.number(r.numerator),
              fmt.number(r.denominator),
              fmt.interval(unitOf(r), r.ci_low, r.ci_high),
              r.forecast
                ? `${L('forecast')} (${r.forecast})`
                : r.reason
                  ? r.reason[lang]
                  : r.significant
                    ? L('differs')
                    : '',
            ]),
          );
          const note = rows.some((r) => r.significant) ? `\n${L('differsNote')}` : '';
          return body + note + notes.map((n) => `\n${n}`).join('');
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
