import { type Action, fill, type Lang, type Text } from '@tenure/core';

/**
 * The API's wording of what a client can do about an error (core's hints say it neutrally and name the action,
 * core's errors/actions.ts): the route that does it. Null where no route does it (the workspace on disk is the
 * administrator's). `{name}` is filled from the action's arguments.
 */
const actionWords = {
  list_metrics: { en: 'GET /api/v1/metrics lists them.', 'zh-CN': 'GET /api/v1/metrics 列出全部指标。' },
  view_survival: {
    en: 'Survival curve: GET /api/v1/models/survival.',
    'zh-CN': '生存分析：GET /api/v1/models/survival。',
  },
  fit_model: {
    en: 'Fit it: POST /api/v1/models/{model}/fit as an analyst.',
    'zh-CN': '拟合：以分析师身份 POST /api/v1/models/{model}/fit。',
  },
  train_model: {
    en: 'Train the churn model: POST /api/v1/churn/train as an analyst.',
    'zh-CN': '训练流失模型：以分析师身份 POST /api/v1/churn/train。',
  },
  score_customers: { en: 'Score them: POST /api/v1/churn/score.', 'zh-CN': '评分：POST /api/v1/churn/score。' },
  find_customer: {
    en: 'Search for the customer with GET /api/v1/customers?q=…',
    'zh-CN': '请用 GET /api/v1/customers?q=… 搜索该客户。',
  },
  reset_password: {
    en: 'An admin resets a password with PATCH /api/v1/users/<name>.',
    'zh-CN': '管理员可用 PATCH /api/v1/users/<用户名> 重置密码。',
  },
  change_user: {
    en: 'Change a user: PATCH /api/v1/users/<name>.',
    'zh-CN': '修改用户：PATCH /api/v1/users/<用户名>。',
  },
  list_users: { en: 'GET /api/v1/users lists the users.', 'zh-CN': 'GET /api/v1/users 列出用户。' },
  list_keys: { en: 'GET /api/v1/keys lists the keys.', 'zh-CN': 'GET /api/v1/keys 列出密钥。' },
  import_customers: {
    en: 'Import them: POST /api/v1/imports with entity customers.',
    'zh-CN': '导入客户：POST /api/v1/imports，entity 为 customers。',
  },
  import_orders: {
    en: 'Import them: POST /api/v1/imports with entity orders.',
    'zh-CN': '导入订单：POST /api/v1/imports，entity 为 orders。',
  },
  create_missing_customers: {
    en: 'To create them, set options.create_missing_customers.',
    'zh-CN': '如需创建，请设置 options.create_missing_customers。',
  },
  list_rejects: {
    en: 'GET /api/v1/imports/<job_id>/rejects lists the rejected rows.',
    'zh-CN': 'GET /api/v1/imports/<job_id>/rejects 列出被拒绝的行。',
  },
  raise_reject_limit: {
    en: 'To load the valid rows, raise options.max_reject_rate.',
    'zh-CN': '如需导入有效行，请调高 options.max_reject_rate。',
  },
  choose_format: { en: 'Set options.format to override.', 'zh-CN': '可用 options.format 指定格式。' },
  choose_encoding: { en: 'Set options.encoding.', 'zh-CN': '请设置 options.encoding。' },
  choose_sheet: { en: 'Set options.sheet to one of them.', 'zh-CN': '请将 options.sheet 设为其中之一。' },
  give_snapshot_date: { en: 'Set options.as_of.', 'zh-CN': '请设置 options.as_of。' },
  map_columns: { en: 'Send map as {"field": "column"}.', 'zh-CN': '请以 {"字段": "列名"} 发送 map。' },
  list_imports: { en: 'GET /api/v1/imports lists the batches.', 'zh-CN': 'GET /api/v1/imports 列出导入批次。' },
  rewrite_config: null,
  rebuild_workspace: null,
  create_workspace: null,
} satisfies Record<Action, Text | null>;

/** A problem's hint for an API client: core's neutral hint, then the route of each action it names. */
export function apiHint(
  hint: string,
  remedies: { action: Action; args?: Record<string, string> }[],
  lang: Lang,
): string {
  const words = remedies.flatMap((r) => {
    const t = actionWords[r.action];
    return t ? [fill(t[lang], r.args)] : [];
  });
  return [hint, ...words].join(lang === 'en' ? ' ' : '');
}
