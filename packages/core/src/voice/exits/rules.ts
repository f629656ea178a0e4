/**
 * Keyword rules from what a leaving customer wrote (exit survey answers, the churn note, the topic the text
 * analysis gave it) to the churn taxonomy of schema/churn-events.ts and the competitor they went to. Rules are
 * data, tried in order: the first category with a keyword in the text wins, so the narrower involuntary
 * categories (a chargeback after a billing dispute is retaliatory, not a billing fault) come before the broad
 * voluntary ones. A named competitor makes the churn competitive whatever else was said. English keywords match
 * whole-word prefixes case-insensitively; Chinese ones are substrings (Chinese has no spaces between words).
 * It is a suggestion: the analyst confirms or corrects it (confirm.ts).
 */
import { CHURN_CATEGORIES } from '../../schema/churn-events.ts';

export type ChurnKind = keyof typeof CHURN_CATEGORIES;
export type ChurnCategory = (typeof CHURN_CATEGORIES)[ChurnKind][number];

interface Rule {
  category: ChurnCategory;
  en: readonly string[];
  zh: readonly string[];
}

export const EXIT_RULES: readonly Rule[] = [
  {
    category: 'malicious',
    en: ['fraud', 'fake identity', 'stolen identity', 'non-payment', 'never paid', 'unpaid debt', 'scam'],
    zh: ['欺诈', '诈骗', '冒用', '恶意欠费', '仍未付款', '拒不缴费', '虚假身份'],
  },
  {
    category: 'retaliatory',
    en: ['chargeback', 'dispute', 'in protest', 'refuse to pay', 'refused to pay', 'withheld payment', 'revenge'],
    zh: ['拒付', '争议', '拒缴', '抗议', '报复', '维权'],
  },
  {
    category: 'non_malicious',
    en: [
      'card expired',
      'expired card',
      'payment failed',
      'failed payment',
      'bank account closed',
      'insufficient funds',
    ],
    zh: ['卡过期', '银行卡过期', '扣款失败', '支付失败', '账户已注销', '余额不足'],
  },
  {
    category: 'competitive',
    en: [
      'competitor',
      'elsewhere',
      'another provider',
      'other provider',
      'switched',
      'switching',
      'cheaper offer',
      'better offer',
      'better deal',
      'bundle deal',
    ],
    zh: ['竞争对手', '别家', '其他运营商', '其他公司', '转网', '携号转网', '换了', '更便宜', '套餐优惠'],
  },
  {
    category: 'fault',
    en: [
      'outage',
      'network',
      'signal',
      'bug',
      'broken',
      'not working',
      'slow',
      'complaint',
      'unresolved',
      'never resolved',
      'billing error',
      'overcharged',
      'poor service',
      'rude',
    ],
    zh: [
      '故障',
      '中断',
      '断网',
      '信号',
      '网络',
      '投诉',
      '未解决',
      '账单错误',
      '多扣',
      '乱扣费',
      '服务差',
      '态度差',
      '卡顿',
    ],
  },
  {
    category: 'natural',
    en: [
      'moving',
      'moved',
      'relocat',
      'abroad',
      'no longer need',
      'not needed',
      "don't need",
      'budget',
      'closed the business',
      'retired',
      'passed away',
    ],
    zh: ['移居', '搬家', '出国', '不再需要', '用不上', '不需要', '预算', '公司倒闭', '退休', '去世'],
  },
];

export interface ExitSuggestion {
  kind: ChurnKind | null;
  category: ChurnCategory | null;
  competitor: string | null;
  /** The first text, as the reason when the churn event has none. */
  reason: string | null;
  /** The keywords (and competitor) that made the suggestion. */
  matched: string[];
}

export const kindOf = (category: ChurnCategory): ChurnKind =>
  (CHURN_CATEGORIES.voluntary as readonly string[]).includes(category) ? 'voluntary' : 'involuntary';

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word or phrase starting at a word boundary (so "bug" is not found in "debug"). */
const enPattern = (k: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${literal(k)}`, 'iu');
const compiled = EXIT_RULES.map((r) => ({ ...r, patterns: r.en.map((k) => [k, enPattern(k)] as const) }));

/**
 * @example
 * suggestExit(['Cheaper offer elsewhere'], ['Nimbus Mobile']); // { kind: 'voluntary', category: 'competitive', matched: ['elsewhere'], … }
 * suggestExit(['换成了云帆移动'], ['云帆移动']); // { category: 'competitive', competitor: '云帆移动', matched: ['云帆移动'], … }
 */
export function suggestExit(texts: readonly string[], competitors: readonly string[]): ExitSuggestion {
  const said = texts.map((t) => t.trim()).filter(Boolean);
  const all = said.join('\n');
  const lower = all.toLowerCase();
  const competitor = [...competitors]
    .filter((c) => c.trim())
    .sort((a, b) => b.length - a.length)
    .find((c) => lower.includes(c.trim().toLowerCase()));
  const reason = said[0] ?? null;
  if (competitor) return { kind: 'voluntary', category: 'competitive', competitor, reason, matched: [competitor] };
  for (const rule of compiled) {
    const matched = [
      ...rule.patterns.filter(([, p]) => p.test(all)).map(([k]) => k),
      ...rule.zh.filter((k) => all.includes(k)),
    ];
    if (matched.length)
      return { kind: kindOf(rule.category), category: rule.category, competitor: null, reason, matched };
  }
  return { kind: null, category: null, competitor: null, reason, matched: [] };
}
