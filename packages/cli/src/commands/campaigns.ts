import type { Command } from 'commander';
import { actorOf, actWith, langOption, numberOf } from '../command-kit.ts';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail } from '../output.ts';

const collect = (v: string, prev: string[] = []) => [...prev, v];
const act = actWith(() => import('../campaign-render.ts'));

interface CreateFlags {
  lang: string;
  as?: string;
  name: string;
  kind?: string;
  filter?: string[];
  tier?: string;
  atRisk?: boolean;
  playbook?: string;
  holdout?: string;
  seed?: string;
  strata?: string;
  costPerContact?: string;
  fixedCost?: string;
  currency?: string;
  window?: string;
  metric?: string;
  launch?: boolean;
}

/** The target the flags name: exactly one of --filter, --tier, --at-risk, --playbook (core says which is missing). */
function targetOf(f: CreateFlags): unknown {
  if (f.filter?.length) return { kind: 'filter', filter: f.filter };
  if (f.tier) return { kind: 'risk_tier', tier: f.tier };
  if (f.playbook) return { kind: 'playbook', playbook: f.playbook };
  if (f.atRisk) return { kind: 'at_risk' };
  return undefined;
}

export const campaigns: CommandModule = (program: Command) => {
  const cmd = program
    .command('campaigns')
    .description(
      'retention campaigns as experiments: design with a holdout, measure the uplift with intervals, ROI (docs/campaigns.md)',
    );

  langOption(
    cmd
      .command('create <id>')
      .description('design a campaign and draw its arms once (stratified by risk tier and --strata, seeded)')
      .requiredOption('--name <name>', 'what the campaign is called')
      .option('--kind <kind>', 'what it does: call, email, discount…')
      .option('--filter <name=value>', 'target customers where name=value (repeat; values of one name or-ed)', collect)
      .option('--tier <tier>', 'target customers in this risk tier or above at the latest scoring')
      .option('--at-risk', 'target the at-risk list (high and critical at the latest scoring)')
      .option('--playbook <id>', "target the customers the playbook's trigger matches now")
      .option('--holdout <share>', 'share held out as control, between 0 and 1 (default: campaigns.holdout_share)')
      .option('--seed <n>', 'seed of the draw (default 1)')
      .option('--strata <dimension>', 'a customer dimension to stratify by beside the risk tier')
      .option('--cost-per-contact <amount>', 'what contacting one treated customer costs')
      .option('--fixed-cost <amount>', 'what the campaign costs regardless of its size')
      .option('--currency <code>', "the costs' currency (must be the workspace's)")
      .option('--window <days>', 'outcome window in days after launch (default: campaigns.outcome_window_days)')
      .option('--metric <metric>', 'primary metric: churned, retained_mrr or orders', 'churned')
      .option('--launch', 'launch it at once')
      .option('--as <user>', 'who designs it (default: cli:<your login>)'),
  ).action(async (id: string, f: CreateFlags, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      async (core, ws) => {
        const design = {
          id,
          name: f.name,
          target: targetOf(f),
          primary_metric: f.metric,
          ...(f.kind ? { kind: f.kind } : {}),
          ...(f.holdout !== undefined ? { holdout_share: numberOf(f.holdout) } : {}),
          ...(f.seed !== undefined ? { seed: numberOf(f.seed) } : {}),
          ...(f.strata ? { strata: f.strata } : {}),
          ...(f.costPerContact !== undefined ? { cost_per_contact: numberOf(f.costPerContact) } : {}),
          ...(f.fixedCost !== undefined ? { fixed_cost: numberOf(f.fixedCost) } : {}),
          ...(f.currency ? { currency: f.currency } : {}),
          ...(f.window !== undefined ? { outcome_window_days: numberOf(f.window) } : {}),
        };
        const r = await core.createCampaign(ws, actorOf(f.as), design);
        return f.launch ? { ...r, campaign: await core.moveCampaign(ws, id, 'launch') } : r;
      },
      (r, render, lang) => render.createdLine(r, lang),
    ),
  );

  langOption(cmd.command('list').description('every campaign: status, arms, holdout, window')).action(
    async (f: { lang: string }, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        async (core, ws) => ({ campaigns: await core.listCampaigns(ws) }),
        (r, render, lang) => render.campaignTable(r.campaigns, lang),
      ),
  );

  langOption(cmd.command('show <id>').description('one campaign and its design')).action(
    async (id: string, f: { lang: string }, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        (core, ws) => core.getCampaign(ws, id),
        (r, render, lang) => render.campaignTable([r], lang),
      ),
  );

  for (const wanted of ['launch', 'finish'] as const)
    langOption(
      cmd
        .command(`${wanted} <id>`)
        .description(wanted === 'launch' ? 'launch a draft: its outcome window starts' : 'finish a launched campaign'),
    ).action(async (id: string, f: { lang: string }, c: Command) =>
      act(
        globalsOf(c),
        f.lang,
        (core, ws) => core.moveCampaign(ws, id, wanted),
        (r, render, lang) => render.movedLine(r, lang),
      ),
    );

  langOption(
    cmd
      .command('measure <id>')
      .description('churn per arm, reduction with 95 % intervals, KM and log-rank, bootstrap, CUPED, SRM, money')
      .option('--per-protocol', 'only treated members the treatment reached (delivered_at), against the whole control')
      .option('--as-of <day>', 'measure as of this day (YYYY-MM-DD; default: the data’s last day)'),
  ).action(async (id: string, f: { lang: string; perProtocol?: boolean; asOf?: string }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) =>
        core.measureCampaign(ws, id, {
          view: f.perProtocol ? 'per_protocol' : 'itt',
          ...(f.asOf ? { as_of: f.asOf } : {}),
        }),
      (r, render, lang) => render.measurementText(r, lang),
    ),
  );

  cmd
    .command('export <id>')
    .description('the assignment as CSV for the team that contacts the customers (stdout, or --out)')
    .option('--arm <arm>', 'only treatment or control')
    .option('--out <file>', 'write the CSV to this file')
    .action(async (id: string, f: { arm?: 'treatment' | 'control'; out?: string }, c: Command) => {
      const g = globalsOf(c);
      try {
        const core = await import('@tenure/core');
        const rows = await core.withWorkspace(g.workspace, (ws) =>
          core.assignmentRows(ws, id, f.arm ? { arm: f.arm } : {}),
        );
        if (g.json) return emit(g, { campaign_id: id, members: rows }, () => '');
        const csv = core.assignmentCsv(rows);
        if (f.out) (await import('node:fs')).writeFileSync(f.out, csv);
        else process.stdout.write(csv);
      } catch (e) {
        fail(g, e);
      }
    });

  langOption(
    cmd
      .command('power')
      .description('before launch: the sample size for a minimum effect, or the minimum detectable effect of a size')
      .requiredOption('--baseline <rate>', 'churn within the window expected without the campaign, e.g. 0.2')
      .option('--effect <points>', 'the smallest absolute reduction worth detecting, e.g. 0.05')
      .option('--size <members>', 'the planned number of members (both arms)')
      .option('--holdout <share>', 'share held out as control', '0.5')
      .option('--alpha <alpha>', 'significance level (two-sided)', '0.05')
      .option('--power <power>', 'the power wanted', '0.8'),
  ).action(
    async (
      f: {
        lang: string;
        baseline: string;
        effect?: string;
        size?: string;
        holdout: string;
        alpha: string;
        power: string;
      },
      c: Command,
    ) => {
      const g = globalsOf(c);
      try {
        const core = await import('@tenure/core');
        const r = core.campaignPower({
          baseline: numberOf(f.baseline),
          ...(f.effect !== undefined ? { effect: numberOf(f.effect) } : {}),
          ...(f.size !== undefined ? { size: numberOf(f.size) } : {}),
          holdout_share: numberOf(f.holdout),
          alpha: numberOf(f.alpha),
          power: numberOf(f.power),
        });
        const render = await import('../campaign-render.ts');
        emit(g, r, () => render.powerText(r, core.normalizeLang(f.lang)));
      } catch (e) {
        fail(g, e);
      }
    },
  );

  langOption(
    cmd
      .command('roi')
      .description("CRM ROI of a period: the programmes' incremental gross profit vs CRM and retention costs")
      .requiredOption('--from <period>', 'first month or day, e.g. 2025-01')
      .requiredOption('--to <period>', 'last month or day, e.g. 2025-12'),
  ).action(async (f: { lang: string; from: string; to: string }, c: Command) =>
    act(
      globalsOf(c),
      f.lang,
      (core, ws) => core.crmRoi(ws, { from: f.from, to: f.to }),
      (r, render, lang) => render.crmRoiText(r, lang),
    ),
  );
};
