import type { DuckDbConnection } from '../../engine/duckdb/connection.ts';
import type { Lang } from '../../present/lang.ts';
import { sql } from '../../sql/sql.ts';
import { PEOPLE_TABLES } from '../people.ts';

const LINES = { mobile: '移动', broadband: '宽带', tv: '电视' };
const TICKET_TEXTS = {
  'My bill is higher than expected': '账单比预期高',
  'I was charged twice': '被重复扣费',
  'No signal at home': '家里没有信号',
  'Connection keeps dropping': '网络经常掉线',
  'The router does not work': '路由器无法使用',
  'Cannot activate the add-on': '无法开通附加服务',
  'Nobody called me back': '一直没人回电',
  'The store gave me wrong information': '门店给了错误信息',
};

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
    text: TICKET_TEXTS,
  },
  // Cases are written after this translation (operations.ts), in the demo's language from the start, since
  // their texts are in the event log too; these entries are what they are written with.
  cases: {
    subject: {
      ...TICKET_TEXTS,
      'Usage is falling: retention call': '使用量下降：挽留回访',
      'Check that the compensation reached the customer': '确认补偿已送达客户',
    },
    action_plan: {
      'Correct the bill and explain the charges': '更正账单并解释费用',
      'Send a technician and check the coverage': '派技术人员上门并检查覆盖',
      'Apologise and call the customer back': '致歉并回电客户',
      'Replace or reconfigure the device': '更换或重新配置设备',
      'Offer a loyalty discount': '提供老客户折扣',
      'Match the competing offer': '匹配竞争对手的优惠',
      'Call the customer and agree on next steps': '致电客户并商定后续步骤',
      'Confirm the compensation arrived': '确认补偿已到账',
      'Escalate to second-line support': '升级至二线支持',
    },
    actions_done: {
      'Bill corrected': '账单已更正',
      'Technician visit done': '技术人员已上门',
      'Called the customer back': '已回电客户',
      'Device replaced': '设备已更换',
      'Discount offered': '已提供折扣',
      'Counter-offer made': '已提出还价方案',
      'Next steps agreed': '已商定后续步骤',
      'Called the customer': '已致电客户',
      'Second-line fix done': '二线支持已修复',
    },
  },
  case_events: {
    note: {
      'Replied to the customer': '已回复客户',
      'The problem came back': '问题再次出现',
      'The customer withdrew the request': '客户撤回了请求',
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
    source: { 'Telecom retention survey': '电信用户留存调查', 'Nimbus Mobile': '云帆移动' },
    note: {
      'monthly voluntary and involuntary churn, all customers': '月度主动与被动流失，全部客户',
      'as published in its quarterly report': '据其季度报告公布',
      'share of mobile subscribers in our markets': '在我们所在市场的移动用户份额',
    },
  },
  campaigns: { name: { 'Retention offer for at-risk month-to-month customers': '按月合约高风险客户挽留优惠' } },
};

/** Translate the generated demo's values in place (inside generateDemo's transaction). */
export async function translateDemo(db: DuckDbConnection, lang: Lang): Promise<void> {
  if (lang === 'en') return;
  for (const [table, columns] of Object.entries(DEMO_ZH)) {
    // The cases are written after this, in the demo's language (caseText), and in the other database file.
    if ((PEOPLE_TABLES as readonly string[]).includes(table)) continue;
    for (const [column, map] of Object.entries(columns)) {
      const c = sql.id(column);
      const cases = sql.join(
        Object.entries(map).map(([en, zh]) => sql`WHEN ${en} THEN ${zh}`),
        sql` `,
      );
      await db.run(sql`UPDATE ${sql.id(table)} SET ${c} = CASE ${c} ${cases} ELSE ${c} END WHERE ${c} IS NOT NULL`);
    }
  }
}

/** A demo text of the cases in `lang` (the entries of DEMO_ZH.cases and .case_events). */
export function caseText(lang: Lang): (en: string) => string {
  if (lang === 'en') return (en) => en;
  const chinese: Record<string, string> = Object.assign(
    {},
    ...Object.values(DEMO_ZH.cases!),
    ...Object.values(DEMO_ZH.case_events!),
  );
  return (en) => chinese[en] ?? en;
}
