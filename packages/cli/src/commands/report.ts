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
      zh: '请换一个 --out 路径。',
    });
  }
  return path;
}

export const report: CommandModule = (program: Command) => {
  program
    .command('report')
    .description('monthly retention report (Markdown or a self-contained HTML page with charts)')
    .option('--lang <lang>', 'en or zh', 'en')
    .option('--format <format>', 'md or html', 'md')
    .option('--from <month>', 'first month, YYYY-MM (default: 11 months before --to)')
    .option('--to <month>', 'last month, YYYY-MM (default: the last complete month with data)')
    .option('--out <file>', 'write the report to this file instead of stdout')
    .addHelpText('after', '\nExample: tenure report --lang zh --format html --out report.html')
    .action(async (f: ReportFlags, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const format = f.format === 'markdown' ? 'md' : f.format;
        const { buildReport, refreshRollups, renderHtml, renderMarkdown, reportMetrics, withWorkspace } = await import(
          '@tenure/core'
        );
        const renderers: Record<string, (d: ReportData) => string> = { md: renderMarkdown, html: renderHtml };
        const render = renderers[format];
        if (!render)
          throw usage(`Unknown --format ${JSON.stringify(f.format)}`, {
            en: 'Use --format md or --format html.',
            zh: '请使用 --format md 或 --format html。',
          });
        if (!/^(en|zh|zh-cn)$/i.test(f.lang))
          throw usage(`Unknown --lang ${JSON.stringify(f.lang)}`, {
            en: 'Use --lang en or --lang zh.',
            zh: '请使用 --lang en 或 --lang zh。',
          });
        const data = await withWorkspace(g.workspace, async (ws) => {
          // Rollups first: rebuilt only after new data, they make every later report read precomputed months.
          await refreshRollups(ws, { metrics: reportMetrics() });
          return buildReport(ws, { lang: f.lang, ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) });
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
