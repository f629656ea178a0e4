import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Local, ReportData } from '@tenure/core';
import { tenureError } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { fail } from '../output.ts';

interface ReportFlags {
  lang: string;
  format: string;
  from?: string;
  to?: string;
  out?: string;
}

const usage = (detail: string, hint: Local) => tenureError('TEN_USAGE', { detail, hint });

function write(file: string, text: string): string {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw usage(`Cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`, {
      en: 'Pick another --out path.',
      'zh-CN': '请换一个 --out 路径。',
    });
  }
  return path;
}

export const report: CommandModule = (program: Command) => {
  program
    .command('report')
    .description('monthly retention report (Markdown or a self-contained HTML page with charts)')
    .option('--lang <lang>', 'en, zh or zh-CN', 'en')
    .option('--format <format>', 'md, html or json', 'md')
    .option('--from <month>', 'first month, YYYY-MM (default: 11 months before --to)')
    .option('--to <month>', 'last month, YYYY-MM (default: the last complete month with data)')
    .option('--out <file>', 'write the report to this file instead of stdout')
    .addHelpText('after', '\nExample: tenure report --lang zh --format html --out report.html')
    .action(async (f: ReportFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const {
          api,
          buildReport,
          parseOptions,
          openRecord,
          refreshRollups,
          renderHtml,
          renderMarkdown,
          reportMetrics,
          withWorkspace,
        } = await import('@tenure/core');
        // The API's report schema ('markdown' is the CLI's other name for md), so both refuse the same values.
        const o = parseOptions(api.reportQuery, { ...f, format: f.format === 'markdown' ? 'md' : f.format });
        const format = o.format;
        const renderers: Record<typeof format, (d: ReportData) => string> = {
          md: renderMarkdown,
          html: renderHtml,
          json: (d) => `${JSON.stringify(d, null, 2)}\n`,
        };
        const render = renderers[format];
        const data = await withWorkspace(g.workspace, async (ws) => {
          const range = { lang: o.lang, ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
          // A workspace kept in ClickHouse (`tenure init --engine`): the report's SQL runs there, on the tables.
          if (ws.config.engine) {
            const ch = await openRecord(ws.config.engine);
            try {
              return await buildReport({ db: ch, config: ws.config }, range);
            } finally {
              await ch.close();
            }
          }
          // Rollups first: rebuilt only after new data, they make every later report read precomputed months.
          await refreshRollups(ws, { metrics: reportMetrics() });
          return buildReport(ws, range);
        });
        // --json: the ReportData on stdout (and the rendered report in --out, when given).
        const path = f.out ? write(f.out, render(data)) : undefined;
        if (g.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        else if (path) process.stderr.write(`Wrote ${path} (${format}, ${data.from} – ${data.to})\n`);
        else process.stdout.write(render(data));
      } catch (e) {
        fail(g, e);
      }
    });
};
