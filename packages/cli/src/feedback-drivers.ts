/**
 * `tenure feedback drivers|exits|employees`: drivers of churn, exit reasons to confirm and the employee side
 * (docs/voice.md, Drivers). `driverCommands(feedback)` adds them to the `feedback` command (commands/feedback.ts),
 * which calls it once. Each action imports @tenure/core when it runs, as every command's does.
 */
import { fill, formats, type Lang, normalizeLang, type Text } from '@tenure/core/present';
import type { Command } from 'commander';
import { globalsOf } from './context.ts';
import { emit, fail, table } from './output.ts';

const words = {
  driversHead: {
    en: ['driver', 'kind', 'customers', 'churn with', 'churn without', 'difference (95% interval)', 'BH'],
    'zh-CN': ['驱动因素', '类型', '客户数', '有此项流失率', '无此项流失率', '差值（95% 区间）', 'BH 显著'],
  },
  driversTop: {
    en: 'Churn by driver as of {asOf}: {customers} customers, {churned} churned (only what came before each churn counts).',
    'zh-CN': '截至 {asOf} 按驱动因素的流失：{customers} 位客户，{churned} 位流失（只计流失之前的记录）。',
  },
  none: { en: 'Nothing to show yet.', 'zh-CN': '暂无可显示的内容。' },
  yes: { en: 'yes', 'zh-CN': '是' },
  keyHead: {
    en: ['question', 'dimension', 'correlation', 'relative weight', 'Shapley R²', 'share'],
    'zh-CN': ['题目', '维度', '相关系数', '相对权重', 'Shapley R²', '占比'],
  },
  keyTop: {
    en: 'Key drivers of {outcome} in survey {survey}: {n} complete answers, R² {r2}.',
    'zh-CN': '问卷 {survey} 中 {outcome} 的关键驱动因素：{n} 份完整答卷，R² {r2}。',
  },
  exitsHead: {
    en: ['customer', 'churned at', 'said', 'suggested', 'competitor', 'confirmed'],
    'zh-CN': ['客户', '流失时间', '内容', '建议归类', '竞争对手', '已确认'],
  },
  confirmed: {
    en: 'Exit of {customer} at {at} confirmed: {kind} / {category}.',
    'zh-CN': '已确认客户 {customer} 在 {at} 的流失归类：{kind} / {category}。',
  },
  employeesHead: {
    en: ['team', 'respondents', 'satisfaction', 'cases closed', 'case CSAT', 'save rate'],
    'zh-CN': ['团队', '答卷人数', '满意度', '结案数', '案例 CSAT', '挽留成功率'],
  },
} as const satisfies Record<string, Record<Lang, unknown>>;

const say = (t: Text, l: Lang) => t[l];
const num = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

/** Run one action with the workspace open, printing `data` as JSON or as `human` renders it. */
function action<T>(
  run: (core: typeof import('@tenure/core'), ws: import('@tenure/core').Workspace) => Promise<T>,
  human: (data: T) => string,
) {
  return async (...args: unknown[]) => {
    const c = args[args.length - 1] as Command;
    const g = globalsOf(c);
    try {
      const core = await import('@tenure/core');
      const data = await core.withWorkspace(g.workspace, (ws) => run(core, ws));
      emit(g, data, () => human(data));
    } catch (e) {
      fail(g, e);
    }
  };
}

/** Adds `drivers`, `exits list|confirm` and `employees` to the `feedback` command. */
export function driverCommands(feedback: Command): void {
  const langOf = (c: Command): Lang => normalizeLang((c.opts() as { lang?: string }).lang);
  const drivers = feedback
    .command('drivers')
    .description('churn lift of topics, survey answers, ticket categories and root causes, and key drivers of a score')
    .option('--source <list>', 'topic,survey_answer,ticket_category,root_cause (default all)')
    .option('--as-of <day>', 'observation date YYYY-MM-DD (default the last day of the data)')
    .option('--min-customers <n>', 'leave out drivers fewer customers had', '5')
    .option('--key-drivers <kind>', 'instead: key drivers of the latest survey of this kind (nps, csat, employee…)')
    .option('--survey <id>', 'with --key-drivers: this survey')
    .option('--lang <lang>', 'en or zh', 'en');
  drivers.action(async (o: Record<string, string | undefined>, c: Command) => {
    const l = langOf(c);
    const pct = formats(l).percent;
    if (o.keyDrivers !== undefined) {
      return action(
        (core, ws) =>
          core.keyDrivers(ws.db, {
            kind: o.keyDrivers as 'nps',
            ...(o.survey ? { surveyId: o.survey } : {}),
          }),
        (k) =>
          [
            fill(words.keyTop[l], { outcome: k.outcome, survey: k.surveyId, n: k.respondents, r2: num(k.rSquared, 3) }),
            k.note
              ? say(k.note, l)
              : table(
                  [...words.keyHead[l]],
                  k.drivers.map((d) => [
                    say(d.label, l),
                    d.dimension,
                    num(d.correlation),
                    num(d.relativeWeight, 3),
                    num(d.shapley, 3),
                    pct(d.share),
                  ]),
                ),
          ].join('\n'),
      )(c);
    }
    const sources = (o.source ?? 'topic,survey_answer,ticket_category,root_cause').split(',').map((s) => s.trim());
    return action(
      (core, ws) =>
        core.churnLift(ws.db, {
          sources: sources as ('topic' | 'survey_answer' | 'ticket_category' | 'root_cause')[],
          minCustomers: Number(o.minCustomers),
          rootCauseLabels: ws.config.cases.root_cause_labels,
          ...(o.asOf ? { asOf: o.asOf } : {}),
        }),
      (r) =>
        [
          fill(words.driversTop[l], { asOf: r.asOf, customers: r.customers, churned: r.churned }),
          r.drivers.length
            ? table(
                [...words.driversHead[l]],
                r.drivers.map((d) => [
                  say(d.label, l),
                  d.source,
                  d.withCustomers,
                  pct(d.churnWith),
                  pct(d.churnWithout),
                  d.difference === null ? '–' : `${pct(d.difference)} (${pct(d.lower)} … ${pct(d.upper)})`,
                  d.significant ? words.yes[l] : '',
                ]),
              )
            : words.none[l],
        ].join('\n'),
    )(c);
  });

  const exits = feedback
    .command('exits')
    .description('exit reasons mapped to the churn taxonomy, for an analyst to confirm');
  exits
    .command('list')
    .description('churn events with an exit survey or note, with the suggested mapping')
    .option('--status <status>', 'suggested, confirmed or all', 'all')
    .option('--competitor <names>', 'competitor names to look for, comma-separated')
    .option('--page <n>', 'page', '1')
    .option('--lang <lang>', 'en or zh', 'en')
    .action((o: Record<string, string | undefined>, c: Command) => {
      const l = langOf(c);
      return action(
        (core, ws) =>
          core.listExits(ws.db, {
            status: o.status as 'all',
            page: Number(o.page),
            competitors: (o.competitor ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }),
        (p) =>
          p.rows.length
            ? table(
                [...words.exitsHead[l]],
                p.rows.map((r) => [
                  r.customerId,
                  r.churnedAt,
                  r.texts
                    .map((t) => t.text)
                    .join(' / ')
                    .slice(0, 60),
                  r.suggested.category ? `${r.suggested.kind} / ${r.suggested.category}` : '–',
                  r.suggested.competitor,
                  r.confirmed ? `${r.confirmed.kind} / ${r.confirmed.category} (${r.confirmed.by})` : '',
                ]),
              )
            : words.none[l],
      )(c);
    });
  exits
    .command('confirm <customer> <churned_at>')
    .description('confirm or correct the mapping of one churn event')
    .option('--kind <kind>', 'voluntary or involuntary')
    .option('--category <category>', 'natural, competitive, fault, non_malicious, retaliatory or malicious')
    .option('--competitor <name>', 'the competitor they went to')
    .option('--reason <text>', 'the reason, in your words')
    .option('--as <user>', 'who confirms (recorded with the mapping)', process.env.USER ?? 'cli')
    .option('--lang <lang>', 'en or zh', 'en')
    .action((customer: string, churnedAt: string, o: Record<string, string | undefined>, c: Command) => {
      const l = langOf(c);
      return action(
        (core, ws) =>
          core.confirmExit(
            ws,
            {
              customerId: customer,
              churnedAt,
              kind: (o.kind ?? null) as 'voluntary' | null,
              category: (o.category ?? null) as 'fault' | null,
              competitor: o.competitor ?? null,
              reason: o.reason ?? null,
            },
            o.as ?? 'cli',
          ),
        (r) =>
          fill(words.confirmed[l], {
            customer: r.customerId,
            at: r.churnedAt,
            kind: r.confirmed?.kind ?? '–',
            category: r.confirmed?.category ?? '–',
          }),
      )(c);
    });

  feedback
    .command('employees')
    .description('employee satisfaction by dimension and team, against the CSAT and save rate of each team’s cases')
    .option('--survey <id>', 'the employee survey (default every one)')
    .option('--since <day>', 'cases closed from this day on count')
    .option('--lang <lang>', 'en or zh', 'en')
    .action((o: Record<string, string | undefined>, c: Command) => {
      const l = langOf(c);
      const pct = formats(l).percent;
      return action(
        (core, ws) =>
          core.employeeSatisfaction(ws.db, {
            ...(o.survey ? { surveyId: o.survey } : {}),
            ...(o.since ? { since: o.since } : {}),
          }),
        (e) =>
          [
            table(
              [...words.employeesHead[l]],
              e.teams.map((t) => [
                t.team,
                t.respondents,
                pct(t.satisfaction),
                t.casesClosed,
                num(t.caseCsat),
                pct(t.saveRate),
              ]),
            ),
            say(e.csat.statement, l),
            say(e.saveRate.statement, l),
          ].join('\n'),
      )(c);
    });
}
