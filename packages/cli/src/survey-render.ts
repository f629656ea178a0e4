/** How `tenure surveys` prints, in en and zh-CN: lines, tables and results with their intervals. */
import {
  type DueSend,
  fill,
  formats,
  type Lang,
  type SendResult,
  type Survey,
  type SurveyResults,
  type Text,
} from '@tenure/core';
import { table } from './output.ts';

const words = {
  saved: { en: 'Survey {id} saved at version {version}.', 'zh-CN': '问卷 {id} 已保存，版本 {version}。' },
  sent: {
    en: '{mode}{matched} matched, {created} new link(s), {skipped} already invited.',
    'zh-CN': '{mode}匹配 {matched} 位，新链接 {created} 个，已邀请过 {skipped} 位。',
  },
  dry: { en: 'Dry run: ', 'zh-CN': '试运行：' },
  once: {
    en: 'Each link is shown this once; Tenure keeps only its digest.',
    'zh-CN': '每个链接仅显示这一次；Tenure 只保存其摘要。',
  },
  webhook: {
    en: 'Webhook {url}: {delivered} delivered, {failed} failed{error}.',
    'zh-CN': 'Webhook {url}：已送达 {delivered} 个，失败 {failed} 个{error}。',
  },
  wrote: { en: 'Wrote {n} link(s) to {file}.', 'zh-CN': '已将 {n} 个链接写入 {file}。' },
  rate: {
    en: 'Response rate {rate} ({answered} of {invited})',
    'zh-CN': '回复率 {rate}（{invited} 人中 {answered} 人）',
  },
  main: {
    en: '{measure} {value} (95 % CI {low} – {high}, n = {n})',
    'zh-CN': '{measure} {value}（95% 置信区间 {low} – {high}，n = {n}）',
  },
  cols: {
    en: ['id', 'kind', 'version', 'questions', 'invited', 'answered', 'title'],
    'zh-CN': ['编号', '类型', '版本', '题数', '已邀请', '已回答', '标题'],
  },
  qcols: { en: ['question', 'type', 'n', 'mean', 'answers'], 'zh-CN': ['题目', '题型', '人数', '均值', '分布'] },
  linkCols: { en: ['respondent', 'language', 'link', 'expires'], 'zh-CN': ['受访者', '语言', '链接', '过期时间'] },
  dueCols: { en: ['survey', 'new links', 'refused', 'error'], 'zh-CN': ['问卷', '新链接', '被拒', '错误'] },
  noneDue: {
    en: 'No survey sends by itself: give one a delivery webhook (its "delivery" in the definition file).',
    'zh-CN': '没有自动发送的问卷：请在问卷定义文件的 "delivery" 中为其设置投递 Webhook。',
  },
} satisfies Record<string, Text | Record<Lang, string[]>>;

const say = (t: Text, lang: Lang, vars: Record<string, string | number> = {}) => fill(t[lang], vars);

export const savedLine = (s: Survey, lang: Lang): string => say(words.saved, lang, { id: s.id, version: s.version });

export const surveyTable = (rows: (Survey & { invited: number; answered: number })[], lang: Lang): string =>
  table(
    words.cols[lang],
    rows.map((s) => [s.id, s.kind, s.version, s.questions.length, s.invited, s.answered, s.title[lang]]),
  );

/** What a send did; the links themselves when they were not written to a file. */
export function sendSummary(r: SendResult, lang: Lang, o: { file?: string } = {}): string {
  const out = [
    say(words.sent, lang, {
      mode: r.dry_run ? say(words.dry, lang) : '',
      matched: r.matched,
      created: r.created,
      skipped: r.skipped,
    }),
  ];
  if (r.webhook)
    out.push(say(words.webhook, lang, { ...r.webhook, error: r.webhook.error ? ` (${r.webhook.error})` : '' }));
  if (o.file) out.push(say(words.wrote, lang, { n: r.invitations.length, file: o.file }));
  else if (r.invitations.length && !r.webhook) {
    out.push(
      table(
        words.linkCols[lang],
        r.invitations.map((i) => [i.respondent_id, i.lang, i.link, i.expires_at.slice(0, 10)]),
      ),
    );
    out.push(say(words.once, lang));
  }
  return out.join('\n');
}

/** What a run of the self-sending surveys' triggers did, a survey a row. */
export const dueTable = (rows: DueSend[], lang: Lang): string =>
  rows.length
    ? table(
        words.dueCols[lang],
        rows.map((r) => [r.survey_id, r.created, r.failed, r.error ?? '']),
      )
    : say(words.noneDue, lang);

export function resultsText(r: SurveyResults, lang: Lang): string {
  const f = formats(lang);
  const num = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  const pct = (v: number | null) => f.percent(v);
  const out = [
    say(words.rate, lang, {
      rate: pct(r.response_rate?.value ?? null),
      answered: r.answered,
      invited: r.invited,
    }),
  ];
  const m = r.main;
  if (m) {
    const show = m.measure === 'csat' ? pct : num;
    out.push(
      say(words.main, lang, {
        measure: m.measure.toUpperCase(),
        value: show(m.value),
        low: show(m.low),
        high: show(m.high),
        n: m.n,
      }),
    );
  }
  out.push(
    table(
      words.qcols[lang],
      r.questions.map((q) => [
        q.text[lang],
        q.type,
        q.n,
        q.mean === null ? '' : q.mean.toFixed(2),
        q.distribution.map((d) => `${d.value}:${d.count}`).join(' '),
      ]),
    ),
  );
  return out.join('\n');
}
