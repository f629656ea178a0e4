import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { Lang } from '../../present/lang.ts';
import { sql } from '../../sql/sql.ts';

const LINES = { mobile: '移动', broadband: '宽带', tv: '电视' };

/**
 * The Chinese demo (`tenure demo --lang zh`): the same simulation, every value a person reads translated once it
 * is generated: regions, channels, plans, contract types, product lines, churn reasons, the competitor, ticket
 * texts and the campaign. The simulation keys on the English values (the competitor's region, the risen plans),
 * so translating afterwards keeps both demos the same business, row for row. Canonical codes (churn kind and
 * category, ticket category and status, survey kinds) stay as they are: metrics read them. ground-truth.json
 * lists this table, so its English parameters name the Chinese values too.
 */
export const DEMO_ZH: Record<string, Record<string, Record<string, string>>> = {
  customers: {
    region: { north: '华北', south: '华南', east: '华东', west: '西部', central: '华中' },
    channel: { online: '线上', store: '门店', partner: '合作伙伴', referral: '老客推荐' },
    customer_type: { consumer: '个人', smb: '中小企业', enterprise: '大型企业' },
    product_line: LINES,
    contract: { month_to_month: '按月', one_year: '一年期', two_year: '两年期' },
  },
  subscriptions: { plan: { basic: '基础版', standard: '标准版', premium: '尊享版' } },
  orders: { product_line: LINES },
  tickets: {
    channel: { phone: '电话', email: '邮件', chat: '在线客服', store: '门店' },
    text: {
      'My bill is higher than expected': '账单比预期高',
      'I was charged twice': '被重复扣费',
      'No signal at home': '家里没有信号',
      'Connection keeps dropping': '网络经常掉线',
      'The router does not work': '路由器无法使用',
      'Cannot activate the add-on': '无法开通附加服务',
      'Nobody called me back': '一直没人回电',
      'The store gave me wrong information': '门店给了错误信息',
    },
  },
  churn_events: {
    reason: {
      'Moving abroad': '移居国外',
      'No longer needs the service': '不再需要该服务',
      'Budget cuts': '预算削减',
      'Cheaper offer elsewhere': '别家更便宜',
      'Better coverage elsewhere': '别家覆盖更好',
      'Bundle deal from another provider': '其他运营商的套餐优惠',
      'Repeated network outages': '网络反复中断',
      'Complaint never resolved': '投诉一直未解决',
      'Billing errors': '账单错误',
      'Card expired': '银行卡过期',
      'Payment failed': '扣款失败',
      'Bank account closed': '银行账户已注销',
      'Service suspended after dispute': '争议后服务被暂停',
      'Chargeback after billing dispute': '账单争议后拒付',
      'Fraudulent account': '欺诈账户',
      'Non-payment after repeated reminders': '多次催缴后仍未付款',
    },
    competitor: { 'Nimbus Mobile': '云帆移动', 'Vertex Telecom': '峰汇电信', BlueWave: '蓝海通信' },
  },
  benchmarks: {
    source: { 'Telecom retention survey': '电信用户留存调查' },
    note: { 'monthly voluntary and involuntary churn, all customers': '月度主动与被动流失，全部客户' },
  },
  campaigns: { name: { 'Retention offer for at-risk month-to-month customers': '按月合约高风险客户挽留优惠' } },
};

/** Translate the generated demo's values in place (inside generateDemo's transaction). */
export async function translateDemo(db: DuckDbConnection, lang: Lang): Promise<void> {
  if (lang === 'en') return;
  for (const [table, columns] of Object.entries(DEMO_ZH))
    for (const [column, map] of Object.entries(columns)) {
      const c = sql.id(column);
      const cases = sql.join(
        Object.entries(map).map(([en, zh]) => sql`WHEN ${en} THEN ${zh}`),
        sql` `,
      );
      await db.run(sql`UPDATE ${sql.id(table)} SET ${c} = CASE ${c} ${cases} ELSE ${c} END WHERE ${c} IS NOT NULL`);
    }
}
