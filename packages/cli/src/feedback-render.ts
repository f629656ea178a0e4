/** Human renderings of the text analysis, in English or Chinese; --json prints the data instead. */
import type { FeedbackAnalysis, VoiceTopicRow } from '@tenure/core';
import { DASH, formats, type Lang, say, type Text } from '@tenure/core/present';
import { fmtInt, table } from './output.ts';

const T = {
  analysed: {
    en: 'Analysed {n} texts in {seconds} s (stored as run {run})',
    'zh-CN': '已分析 {n} 条文本，用时 {seconds} 秒（保存为运行 {run}）',
  },
  langLine: {
    en: '{lang}: {docs} texts, {topics} topics; sentiment learned from {scored} scored answers, AUC on {held} held out {auc}',
    'zh-CN':
      '{lang}：{docs} 条文本，{topics} 个话题；情感从 {scored} 条带评分的回答中学习，{held} 条留出样本上的 AUC 为 {auc}',
  },
  zh: { en: 'Chinese', 'zh-CN': '中文' },
  en: { en: 'English', 'zh-CN': '英文' },
  none: {
    en: 'No topics yet: run the analysis first (tenure feedback analyse).',
    'zh-CN': '尚无话题：请先运行分析（tenure feedback analyse）。',
  },
  header: {
    en: '{n} texts · analysed {at} · sentiment AUC {auc}',
    'zh-CN': '{n} 条文本 · 分析于 {at} · 情感 AUC {auc}',
  },
  topic: { en: 'topic', 'zh-CN': '话题' },
  label: { en: 'label', 'zh-CN': '标签' },
  lang: { en: 'lang', 'zh-CN': '语言' },
  documents: { en: 'texts', 'zh-CN': '文本数' },
  share: { en: 'share', 'zh-CN': '占比' },
  sentiment: { en: 'sentiment', 'zh-CN': '情感' },
  pinned: { en: 'edited', 'zh-CN': '已编辑' },
  yes: { en: 'yes', 'zh-CN': '是' },
  example: { en: 'e.g.', 'zh-CN': '例如' },
} satisfies Record<string, Text>;

type Say = (k: keyof typeof T, vars?: Record<string, string | number>) => string;
const sayer =
  (lang: Lang): Say =>
  (k, vars) =>
    say(T[k], lang, vars);

/** @example analysedText(run.runId, run.result, 'en') */
export function analysedText(runId: number, r: FeedbackAnalysis, lang: Lang): string {
  const t = sayer(lang);
  const n = formats(lang).number;
  return [
    t('analysed', { n: fmtInt(r.documents), seconds: r.seconds.toFixed(1), run: runId }),
    ...(['zh', 'en'] as const).map((l) =>
      t('langLine', {
        lang: t(l),
        docs: fmtInt(r.langs[l].documents),
        topics: r.langs[l].topics,
        scored: fmtInt(r.langs[l].scored),
        held: fmtInt(r.langs[l].heldOut),
        auc: r.langs[l].auc === null ? DASH : n(r.langs[l].auc, 3),
      }),
    ),
  ].join('\n');
}

/** @example topicsText(await voiceTopics(ws), 'zh-CN') */
export function topicsText(
  r: { analysedAt: string | null; sentimentAuc: number | null; documents: number; topics: VoiceTopicRow[] },
  lang: Lang,
): string {
  const t = sayer(lang);
  if (!r.topics.length) return t('none');
  const f = formats(lang);
  const rows = r.topics.map((x) => [
    x.topicId,
    x.label,
    x.lang,
    fmtInt(x.documents),
    f.percent(x.share),
    x.sentiment === null ? DASH : f.signed(x.sentiment, 2),
    x.pinned ? t('yes') : '',
    x.examples[0] ? `${t('example')} ${x.examples[0].text.slice(0, 40)}` : '',
  ]);
  return [
    t('header', { n: fmtInt(r.documents), at: r.analysedAt ?? DASH, auc: f.number(r.sentimentAuc, 3) }),
    table([t('topic'), t('label'), t('lang'), t('documents'), t('share'), t('sentiment'), t('pinned'), ''], rows),
  ].join('\n');
}
