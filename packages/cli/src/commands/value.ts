import type { Command } from 'commander';
import { type CommandModule, globalsOf } from '../context.ts';
import { emit, fail, table } from '../output.ts';

const HEAD = {
  en: ['tier', 'customers', 'share', 'CLV', 'profit', 'churn rate', 'churned'],
  'zh-CN': ['层级', '客户数', '占比', '客户终身价值', '利润', '流失率', '流失数'],
} as const;

export const value: CommandModule = (program: Command) => {
  const v = program
    .command('value')
    .description('customer value: the value-tier pyramid, the RFM grid and lifecycle stages');
  v.command('pyramid')
    .description('per value tier (classified at the period start): customers, share, CLV, profit and churn rate')
    .option('--period <grain>', 'month, quarter or year', 'year')
    .option('--at <date>', 'a date in the period: 2024, 2024-Q2, 2024-05 (default: the last complete period)')
    .option('--lang <lang>', 'en or zh', 'en')
    .addHelpText('after', '\nExample: tenure value pyramid --period year --at 2024')
    .action(async (f: { period: 'month' | 'quarter' | 'year'; at?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const core = await import('@tenure/core');
        const { formats } = await import('@tenure/core/present');
        const lang = core.normalizeLang(f.lang);
        const p = await core.withWorkspace(g.workspace, (ws) =>
          core.valuePyramid(ws.db, ws.config, { period: f.period, ...(f.at ? { at: f.at } : {}) }),
        );
        emit(g, p, () => {
          const fm = formats(lang);
          const rows = p.tiers.map((t) => [
            t.label[lang],
            fm.number(t.customers),
            fm.percent(t.share),
            fm.value('money', t.clv),
            fm.value('money', t.profit),
            fm.percent(t.churn_rate),
            fm.number(t.churned),
          ]);
          const title =
            lang === 'zh-CN' ? `客户金字塔（分层于 ${p.as_of}）` : `Customer pyramid (tiers as of ${p.as_of})`;
          const rest =
            lang === 'zh-CN'
              ? `期初无层级的客户（期内新增）利润：${fm.value('money', p.unclassified_profit)}`
              : `Customers without a tier at the start (new in the period): profit ${fm.value('money', p.unclassified_profit)}`;
          return `${title}\n${table([...HEAD[lang]], rows)}\n${rest}`;
        });
      } catch (e) {
        fail(g, e);
      }
    });
  v.command('segments')
    .description('the RFM grid (customers per recency × frequency score) and the lifecycle stage counts')
    .option('--at <day>', 'classify at this day, YYYY-MM-DD (default: the day after the end of the data)')
    .option('--lang <lang>', 'en or zh', 'en')
    .addHelpText('after', '\nExample: tenure value segments --lang zh')
    .action(async (f: { at?: string; lang: string }, cmd: Command) => {
      const g = globalsOf(cmd);
      try {
        const core = await import('@tenure/core');
        const { formats, lifecycleStageLabels } = await import('@tenure/core/present');
        const lang = core.normalizeLang(f.lang);
        const s = await core.withWorkspace(g.workspace, (ws) =>
          core.segmentSummary(ws.db, ws.config, core.parseOptions(core.api.segmentSummaryQuery, { at: f.at })),
        );
        emit(g, s, () => {
          const fm = formats(lang);
          const zh = lang === 'zh-CN';
          const scores = Array.from({ length: s.bins }, (_, i) => s.bins - i);
          // Frequency down (best first), recency across: each cell the customers with that pair of scores.
          const grid = scores.map((f) => [
            `F${f}`,
            ...scores
              .slice()
              .reverse()
              .map((r) => fm.number(s.rfm.find((c) => c.r === r && c.f === f)?.customers ?? 0)),
          ]);
          const label = (stage: string) =>
            Object.hasOwn(lifecycleStageLabels, stage)
              ? lifecycleStageLabels[stage as keyof typeof lifecycleStageLabels][lang]
              : stage;
          const stages = s.lifecycle.map((l) => [label(l.stage), fm.number(l.customers)]);
          return [
            zh ? `RFM（截至 ${s.as_of}，客户数）` : `RFM as of ${s.as_of} (customers)`,
            table(
              [
                '',
                ...scores
                  .slice()
                  .reverse()
                  .map((r) => `R${r}`),
              ],
              grid,
            ),
            '',
            table([zh ? '生命周期阶段' : 'lifecycle stage', zh ? '客户数' : 'customers'], stages),
          ].join('\n');
        });
      } catch (e) {
        fail(g, e);
      }
    });
};
