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
  replace_workspace: null,
  choose_workspace: null,
  override_detection: {
    en: 'options.format and options.delimiter override what is detected.',
    'zh-CN': '可用 options.format 指定格式，options.delimiter 指定分隔符。',
  },
  use_server: null,
  fix_settings: {
    en: 'Send only the settings you change.',
    'zh-CN': '只发送要修改的设置。',
  },
  log_in: {
    en: 'Log in (POST /api/v1/auth/login) or send an API key as "Authorization: Bearer <key>".',
    'zh-CN': '请登录（POST /api/v1/auth/login），或以 "Authorization: Bearer <密钥>" 发送 API 密钥。',
  },
  send_csrf_token: {
    en: 'Send the csrf_token from the login (or GET /api/v1/auth/me) response in the x-csrf-token header.',
    'zh-CN': '请在 x-csrf-token 请求头中发送登录（或 GET /api/v1/auth/me）响应里的 csrf_token。',
  },
  import_file: {
    en: 'Or import it as a file: POST /api/v1/imports.',
    'zh-CN': '或以文件方式导入：POST /api/v1/imports。',
  },
  read_api_docs: {
    en: 'Every route and its request schema are described at /api/docs.',
    'zh-CN': '全部接口及其请求格式见 /api/docs。',
  },
  open_from_menu: null,
  send_events: { en: 'Events go to POST /api/v1/events/<entity>.', 'zh-CN': '事件发往 POST /api/v1/events/<数据表>。' },
  start_job_again: {
    en: 'Finished imports stay listed at GET /api/v1/imports, model fits at GET /api/v1/models/runs.',
    'zh-CN': '已完成的导入见 GET /api/v1/imports，模型拟合见 GET /api/v1/models/runs。',
  },
  choose_language: {
    en: 'Or send lang in the query or an Accept-Language header with each request; log in: POST /api/v1/auth/login.',
    'zh-CN': '或在每个请求中用查询参数 lang 或 Accept-Language 请求头指定语言；登录：POST /api/v1/auth/login。',
  },
  later_calibration_end: { en: 'Send a later calibration_end.', 'zh-CN': '请发送更晚的 calibration_end。' },
  choose_covariates: {
    en: 'Name customer columns in covariates, e.g. ["contract", "monthly_charges"].',
    'zh-CN': '请在 covariates 中指定客户列，例如 ["contract", "monthly_charges"]。',
  },
  drop_covariate: { en: 'Leave {term} out of covariates.', 'zh-CN': '请从 covariates 中去掉 {term}。' },
  later_as_of: { en: 'Send a later as_of.', 'zh-CN': '请发送更晚的 as_of。' },
  static_mode: {
    en: 'A customer table with a churned flag is read with mode "static".',
    'zh-CN': '带流失标记的客户表请用 mode "static"。',
  },
  give_range: { en: 'Send from and to.', 'zh-CN': '请发送 from 和 to。' },
  import_table: {
    en: 'Import them: POST /api/v1/imports with entity={entity} and the file.',
    'zh-CN': '请导入：POST /api/v1/imports，entity={entity}，并附上文件。',
  },
  show_usage: { en: 'See the request schema at /api/docs.', 'zh-CN': '请求格式见 /api/docs。' },
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
