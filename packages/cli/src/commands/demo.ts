import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formats, type Lang, parseLang } from '@tenure/core/present';
import { CONFIG_FILE, DATA_FILES, isWorkspace } from '@tenure/core/shell';
import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { numberOrText } from '../flag-value.ts';
import { emit, fail, fmtInt, table } from '../output.ts';

/** Remove what a failed `demo` created in a folder that held no workspace before, so a retry is not refused. */
function undoCreate(dir: string, dirExisted: boolean): void {
  for (const f of [...DATA_FILES, CONFIG_FILE, 'ground-truth.json']) rmSync(join(dir, f), { force: true });
  if (!dirExisted && existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
}

export const demo: CommandModule = (program: Command) => {
  program
    .command('demo')
    .description('build a workspace with a realistic synthetic business (see ground-truth.json inside it)')
    .option('--customers <n>', 'number of customers', '20000')
    .option('--months <m>', 'months of history', '36')
    .option('--seed <s>', 'random seed: the same seed gives the same data', '42')
    .option('--lang <lang>', 'language of the names and texts: en or zh (regions, plans, reasons…)', 'en')
    .option('--force', "replace an existing workspace's data (its users and API keys are kept)")
    .action(
      async (o: { customers: string; months: string; seed: string; lang: string; force?: boolean }, cmd: Command) => {
        const g = globalsOf(cmd);
        try {
          const given = {
            // Text that is no number goes on as typed, for checkDemoOptions to refuse it by name.
            customers: numberOrText(o.customers),
            months: numberOrText(o.months),
            seed: numberOrText(o.seed),
            // Another language goes on as given, for checkDemoOptions to refuse it by name.
            lang: parseLang(o.lang) ?? (o.lang as Lang),
          };
          const { checkDemoOptions, generateDemo, headlineChurn, initWorkspace, listKeys, listUsers } = await import(
            '@tenure/core'
          );
          const opts = checkDemoOptions(given);
          const dir = resolve(g.workspace);
          const dirExisted = existsSync(dir);
          const wasWorkspace = isWorkspace(dir);
          const ws = await initWorkspace(dir, { force: !!o.force, keepAccess: true });
          let ok = false;
          try {
            const summary = await generateDemo(ws, opts);
            const churn = await headlineChurn(ws);
            const kept = wasWorkspace
              ? { users: (await listUsers(ws)).length, keys: (await listKeys(ws)).length }
              : null;
            ok = true;
            emit(g, { workspace: ws.dir, ...summary, churn, kept }, () => {
              const rows = Object.entries(summary.rows).map(([t, n]) => [t, fmtInt(n)]);
              const c = churn
                ? `\nChurn in ${churn.month}: ${formats('en').value('ratio', churn.rate)} (${fmtInt(churn.churned)} of ${fmtInt(churn.activeAtStart)})`
                : '';
              const k = kept
                ? `\nKept ${kept.users} users and ${kept.keys} API keys; model runs, scores and alerts went with the old data.`
                : '';
              return `Demo workspace ${ws.dir}: ${fmtInt(summary.customers)} customers in ${summary.seconds.toFixed(1)} s\n\n${table(['table', 'rows'], rows)}\n\nGround truth: ${summary.groundTruthFile}${c}${k}`;
            });
          } finally {
            await ws.close();
            if (!ok && !wasWorkspace) undoCreate(dir, dirExisted);
          }
        } catch (e) {
          fail(g, e);
        }
      },
    );
};
