import type { CustomerProfit, ProfitLines } from '@tenure/core/api';
import { formats, type Lang } from '@tenure/core/present';
import { table } from './output.ts';

const HEADERS = {
  en: [
    'month',
    'subscriptions',
    'orders',
    'cost of revenue',
    'acquisition',
    'retention',
    'service',
    'care',
    'product updates',
    'CRM',
    'profit',
  ],
  'zh-CN': ['月份', '订阅收入', '订单收入', '收入成本', '获客', '留存', '服务', '关怀', '产品更新', 'CRM', '利润'],
} as const;
const TOTAL = { en: 'total', 'zh-CN': '合计' } as const;
const TITLE = {
  en: (id: string, cur: string) =>
    `Profit contribution of ${id} (${cur}), costs allocated by the costs.allocation rules`,
  'zh-CN': (id: string, cur: string) => `客户 ${id} 的利润贡献（${cur}），成本按 costs.allocation 规则分摊`,
} as const;

/** The customer's months and their total as a table, amounts in the workspace currency. */
export function customerProfitText(r: CustomerProfit, lang: Lang): string {
  const f = formats(lang, r.currency);
  const money = (x: number) => f.value('money', x);
  const cells = (label: string, p: ProfitLines) => [
    label,
    money(p.subscription_revenue),
    money(p.order_revenue),
    money(p.cost_of_revenue),
    money(p.costs.acquisition),
    money(p.costs.retention),
    money(p.costs.service),
    money(p.costs.care),
    money(p.costs.product_update),
    money(p.costs.crm),
    money(p.profit),
  ];
  const rows = [...r.months.map((m) => cells(m.month.slice(0, 7), m)), cells(TOTAL[lang], r.total)];
  return `${TITLE[lang](r.customer_id, r.currency)}\n${table([...HEADERS[lang]], rows)}`;
}
