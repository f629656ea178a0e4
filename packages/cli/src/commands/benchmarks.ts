import { formats, type Unit } from '@tenure/core/present';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';

export const benchmarks: CommandModule = (program: Command) => {
  program
    .command('benchmarks')
    .description('compare imported competitor/industry benchmarks (tenure import benchmarks FILE) with our metrics')
    .action(async (_: unknown, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const { catalog, compareBenchmarks, withWorkspace } = await import('@tenure/core');
        const report = await withWorkspace(g.workspace, (ws) => compareBenchmarks(ws.db, ws.config));
        emit(g, report, () => {
          const f = formats('en');
          // A benchmark of a metric the catalogue lacks has no unit: its figures are plain numbers.
          const unitOf = (id: string | null): Unit | null =>
            id && Object.hasOwn(catalog, id) ? catalog[id as keyof typeof catalog].unit : null;
          const fmt = (id: string | null, v: number | null) => {
            const unit = unitOf(id);
            return unit ? f.value(unit, v) : f.number(v, 2);
          };
          const diff = (id: string | null, v: number | null) => {
            const unit = unitOf(id);
            return unit ? f.change(unit, v) : f.number(v, 2);
          };
          const rows = report.rows.map((r) => [
            r.source,
            r.metricId ?? r.metric,
            r.period_start,
            r.segment,
            fmt(r.metricId, r.benchmark),
            fmt(r.metricId, r.ours),
            diff(r.metricId, r.difference),
            r.problem ?? '',
          ]);
          const unknown = report.unknownMetrics.map(
            (u) =>
              `unknown metric "${u.metric}" (${u.rows} rows)${u.suggestion ? `: did you mean ${u.suggestion}?` : ''}`,
          );
          return [
            rows.length
              ? table(['source', 'metric', 'period', 'segment', 'benchmark', 'ours', 'difference', 'problem'], rows)
              : 'No benchmarks: import some with `tenure import benchmarks FILE`.',
            ...unknown,
          ].join('\n');
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
