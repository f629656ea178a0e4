import type { Command } from 'commander';
import { actorOf, actWith, definitionFile, langOption, numberOf } from '../command-kit.ts';
import { type CommandModule, globalsOf } from '../context.ts';
import { fail } from '../output.ts';

const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(',').filter(Boolean)];
const act = actWith(() => import('../survey-render.ts'));

interface SendFlags {
  lang: string;
  to?: string[];
  filter?: string[];
  triggers?: boolean;
  respondentLang?: string;
  expiresInDays?: string;
  baseUrl?: string;
  webhook?: string;
  secretEnv?: string;
  dryRun?: boolean;
  out?: string;
}

/** Whom to invite and how, as the send takes it (core checks it: TEN_BAD_OPTION names a bad one). */
const sendInputOf = (f: SendFlags, lang: (v: string) => import('@tenure/core').Lang) => ({
  ...(f.to ? { respondents: f.to.map((id) => ({ id })) } : {}),
  ...(f.filter ? { filter: f.filter } : {}),
  triggers: !!f.triggers,
  ...(f.respondentLang ? { lang: lang(f.respondentLang) } : {}),
  ...(f.expiresInDays ? { expires_in_days: numberOf(f.expiresInDays) } : {}),
  ...(f.baseUrl ? { base_url: f.baseUrl } : {}),
  ...(f.webhook ? { webhook: { url: f.webhook, secret_env: f.secretEnv ?? 'TENURE_WEBHOOK_SECRET' } } : {}),
  dry_run: !!f.dryRun,
});

const sendOptions = (c: Command) =>
  langOption(c)
    .option(
      '--to <ids>',
      'respondents: customer ids (employee surveys: usernames), repeatable or comma-separated',
      collect,
    )
    .option('--filter <name=value>', 'the customers of a segment (repeat; values of one name or-ed)', collect)
    .option('--triggers', "the survey's triggers: closed cases, churns, schedules not invited yet")
    .option('--respondent-lang <lang>', 'the language respondents read the survey in: en or zh (default en)')
    .option('--expires-in-days <n>', "days a link stays valid (default: the survey's)")
    .option('--base-url <url>', 'where the dashboard is served; links are <url>/s/<token>')
    .option('--dry-run', 'count who would be invited; make no link');

export const surveys: CommandModule = (program: Command) => {
  const cmd = program
    .command('surveys')
    .description('surveys: definitions kept by version, one single-use link per respondent, answers and results');

  langOption(
    cmd
      .command('create <file>')
      .description(
        'add a survey from a JSON file, or change one (the file or --version names the version you read): a new version; docs/voice.md, Surveys shows the format',
      )
      .option('--as <user>', 'who acts, recorded with the version (default: cli:<your login>)')
      .option('--version <n>', 'the version you read: refused if the survey changed since (exit 5)'),
  ).action(async (file: string, f: { lang: string; as?: string; version?: string }, c: Command) => {
    const g = globalsOf(c);
    try {
      const input = await definitionFile(file, f.version);
      await act(
        g,
        f.lang,
        (core, ws) => core.saveSurvey(ws, actorOf(f.as), input),
        (r, render, lang) => render.savedLine(r, lang),
      );
    } catch (e) {
      fail(g, e);
    }
  });

  langOption(
    cmd.command('list').description('every survey at its latest version, with links sent and answered'),
  ).action(async (f: { lang: string }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.listSurveys(ws),
      (r, render, lang) => render.surveyTable(r, lang),
    ),
  );

  sendOptions(
    cmd
      .command('send <id>')
      .description('make a link per respondent (--to, --filter or --triggers), printed once, or posted to --webhook')
      .option('--webhook <url>', 'post the links to this receiver, signed (X-Tenure-Signature)')
      .option('--secret-env <name>', 'environment variable holding the webhook secret', 'TENURE_WEBHOOK_SECRET'),
  ).action(async (id: string, f: SendFlags, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.sendSurvey(ws, id, sendInputOf(f, core.normalizeLang)),
      (r, render, lang) => render.sendSummary(r, lang),
    ),
  );

  sendOptions(
    cmd
      .command('export <id>')
      .description(
        'make a link per respondent and write them as CSV for a mailing tool (UTF-8 with BOM, opens in Excel)',
      )
      .requiredOption('--out <file>', 'the CSV file to write'),
  ).action(async (id: string, f: SendFlags, c: Command) => {
    const g = globalsOf(c);
    await act(
      g,
      f.lang,
      async (core, ws) => {
        const r = await core.sendSurvey(ws, id, sendInputOf(f, core.normalizeLang));
        if (!r.dry_run) (await import('node:fs')).writeFileSync(f.out as string, core.invitationsCsv(r.invitations));
        return r;
      },
      (r, render, lang) => render.sendSummary(r, lang, { file: f.out as string }),
    );
  });

  langOption(
    cmd
      .command('send-due')
      .description(
        'run the triggers of every survey that sends by itself (a delivery webhook), as the server does every 15 minutes: for a scheduler such as cron when no server runs',
      ),
  ).action(async (f: { lang: string }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.sendDueSurveys(ws),
      (r, render, lang) => render.dueTable(r, lang),
    ),
  );

  langOption(
    cmd
      .command('results <id>')
      .description("response rate, the main question's NPS/CSAT/CES with its 95 % interval, each question's answers")
      .option('--version <n>', 'only the answers to this version'),
  ).action(async (id: string, f: { lang: string; version?: string }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.surveyResults(ws, id, f.version ? { version: Number(f.version) } : {}),
      (r, render, lang) => render.resultsText(r, lang),
    ),
  );
};
