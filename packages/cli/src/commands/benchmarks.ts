import type { BenchmarkReport, BenchmarkSeries, WinLoss } from '@tenure/core';
import { formats, type Lang, normalizeLang, type Unit } from '@tenure/core/present';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { label } from '../labels.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

interface Options {
  lang: string;
  winLoss?: boolean;
  period: string;
  from?: string;
  to?: string;
}

export const benchmarks: CommandModule = (program: Command) => {
  program
    .command('benchmarks')
    .description(
      'compare imported competitor/industry benchmarks (tenure import benchmarks FILE) with our metrics, with each gap and its trend; --win-loss: customers lost to each competitor',
    )
    .option('--win-loss', 'win–loss by competitor: customers lost to each named competitor, MRR, reasons, won back')
    .option('--period <grain>', 'with --win-loss: month, quarter or year', 'month')
    .option('--from <period>', 'with --win-loss: first period (default: 12 periods before --to)')
    .option('--to <period>', 'with --win-loss: last period (default: the last complete one)')
    .option('--lang <lang>', 'en or zh', 'en')
    .action(async (o: Options, cmd: Command) => {
      const g = globalsOf(cmd);
      const lang = normalizeLang(o.lang);
      try {
        const { benchmarkTrends, compareBenchmarks, winLoss, withWorkspace } = await import('@tenure/core');
        if (o.winLoss) {
          const period = o.period as 'month' | 'quarter' | 'year';
          const w = await withWorkspace(g.workspace, (ws) => winLoss(ws, { period, from: o.from, to: o.to }));
          emit(g, w, () => winLossText(w, lang));
          return;
        }
        const [report, trends] = await withWorkspace(g.workspace, async (ws) => [
          await compareBenchmarks(ws.db, ws.config),
          await benchmarkTrends(ws),
        ]);
        emit(g, { ...report, trends: trends.series }, () => comparisonText(report, trends.series, lang));
      } catch (e) {
        fail(g, e, lang);
      }
    });
};

/** Each row against ours, then each series' latest gap and its trend; rates' gaps in percentage points. */
function comparisonText(report: BenchmarkReport, series: BenchmarkSeries[], lang: Lang): string {
  const f = formats(lang);
  const L = (k: Parameters<typeof label>[1], vars?: Record<string, string | number>) => label(lang, k, vars);
  // A name neither in the catalogue nor benchmark-only has no unit: its figures are plain numbers.
  const value = (unit: Unit | null, v: number | null) => (unit ? f.value(unit, v) : f.number(v, 2));
  const change = (unit: Unit | null, v: number | null) => (unit ? f.change(unit, v) : f.number(v, 2));
  if (!report.rows.length) return L('noBenchmarks');
  const rows = report.rows.map((r) => [
    r.source,
    r.metricId ?? r.benchmarkOnly ?? r.metric,
    r.period_start,
    r.segment,
    value(r.unit, r.benchmark),
    r.benchmarkOnly ? L('benchmarkOnly') : value(r.unit, r.ours),
    change(r.unit, r.difference),
    r.problem ?? '',
  ]);
  const gaps = series
    .filter((s) => !s.benchmarkOnly)
    .map((s) => [
      s.metric,
      s.source,
      s.segment,
      change(s.unit, s.gap.latest),
      change(s.unit, s.gap.slope),
      s.gap.direction ? L(`gap.${s.gap.direction}`) : '',
    ]);
  const unknown = report.unknownMetrics.map(
    (u) =>
      L('unknownBenchmark', { metric: u.metric, rows: u.rows }) +
      (u.suggestion ? L('didYouMean', { suggestion: u.suggestion }) : ''),
  );
  return [
    table(
      [L('source'), L('metric'), L('period'), L('segment'), L('benchmark'), L('ours'), L('difference'), L('problem')],
      rows,
    ),
    ...(gaps.length
      ? ['', table([L('metric'), L('source'), L('segment'), L('latestGap'), L('gapTrend'), ''], gaps)]
      : []),
    ...unknown,
  ].join('\n');
}

/** One row per competitor, most customers lost first, with their top reasons. */
function winLossText(w: WinLoss, lang: Lang): string {
  const f = formats(lang);
  const L = (k: Parameters<typeof label>[1], vars?: Record<string, string | number>) => label(lang, k, vars);
  if (!w.competitors.length) return L('noWinLoss');
  const rows = w.competitors.map((c) => [
    c.competitor,
    fmtInt(c.lost),
    f.value('money', c.mrrLost),
    fmtInt(c.wonBack),
    c.reasons
      .slice(0, 3)
      .map((r) => `${r.reason} (${fmtInt(r.lost)})`)
      .join(', '),
  ]);
  return [
    L('winLossHeadline', { from: w.from, to: w.to }),
    '',
    table([L('competitor'), L('lost'), L('mrrLost'), L('wonBack'), L('reasons')], rows),
  ].join('\n');
}
