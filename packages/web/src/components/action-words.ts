import type { Text } from '@tenure/core/present';
import type { Problem } from '../api/types.ts';

type Action = NonNullable<Problem['remedies']>[number]['action'];

/**
 * The dashboard's wording of what a user can do about an error (the server's hint says it neutrally and names
 * the action, core's errors/actions.ts): the page and the control that do it, never a command or a route. Null
 * where nothing on the dashboard does it (the workspace on disk is the administrator's). `{name}` is filled
 * from the action's arguments.
 */
export const actionWords = {
  list_metrics: { en: 'Pick a metric from the list.', 'zh-CN': '请从列表中选择指标。' },
  view_survival: {
    en: 'The Survival page shows churn over time.',
    'zh-CN': '「生存分析」页显示随时间的流失。',
  },
  fit_model: { en: 'Use the Fit button on this page.', 'zh-CN': '请使用本页的“拟合”按钮。' },
  train_model: {
    en: 'Use the Fit button on the Churn model page.',
    'zh-CN': '请使用“流失模型”页的“拟合”按钮。',
  },
  score_customers: {
    en: 'Use the Score now button on the At risk page.',
    'zh-CN': '请点击“流失风险”页的“立即评分”按钮。',
  },
  find_customer: { en: 'Search for the customer on the Customers page.', 'zh-CN': '请在“客户”页搜索该客户。' },
  reset_password: {
    en: 'An admin resets passwords under Users in Settings.',
    'zh-CN': '管理员可在“设置”的用户中重置密码。',
  },
  change_user: { en: 'Change a user’s role in the list of users.', 'zh-CN': '请在用户列表中修改用户的角色。' },
  list_users: { en: 'Reload the list of users in Settings.', 'zh-CN': '请刷新“设置”中的用户列表。' },
  list_keys: { en: 'Reload the list of API keys in Settings.', 'zh-CN': '请刷新“设置”中的 API 密钥列表。' },
  import_customers: {
    en: 'Import the customers table on the Data page.',
    'zh-CN': '请在“数据”页导入“客户”表。',
  },
  import_orders: { en: 'Import the orders table on the Data page.', 'zh-CN': '请在“数据”页导入“订单”表。' },
  create_missing_customers: {
    en: 'To create them, tick “Create customers not yet in Customers” under Options.',
    'zh-CN': '如需创建，请在“选项”中勾选“自动创建‘客户’表中尚不存在的客户”。',
  },
  list_rejects: { en: 'See the rejected rows below.', 'zh-CN': '请查看下方被拒绝的行。' },
  raise_reject_limit: {
    en: 'To load the valid rows, raise “Reject limit” under Options.',
    'zh-CN': '如需导入有效行，请在“选项”中调高“拒绝上限”。',
  },
  choose_format: { en: 'Save the file in one of them.', 'zh-CN': '请另存为其中一种格式。' },
  choose_encoding: { en: 'Save the file as UTF-8.', 'zh-CN': '请将文件另存为 UTF-8。' },
  choose_sheet: {
    en: 'Move the data to the first sheet, or save that sheet alone.',
    'zh-CN': '请把数据放到第一个工作表，或单独保存该工作表。',
  },
  give_snapshot_date: { en: 'Set “Snapshot date” under Options.', 'zh-CN': '请在“选项”中设置“快照日期”。' },
  map_columns: { en: 'Choose the columns under “Map the file’s columns”.', 'zh-CN': '请在“对应文件中的列”中选择列。' },
  list_imports: {
    en: 'Open the batch from the list of imports on the Data page.',
    'zh-CN': '请从“数据”页的导入列表中打开该批次。',
  },
  rewrite_config: null,
  rebuild_workspace: null,
  create_workspace: null,
  replace_workspace: null,
  choose_workspace: null,
  override_detection: { en: 'Then choose it again.', 'zh-CN': '然后重新选择。' },
  use_server: null,
  fix_settings: {
    en: 'Correct the highlighted settings on the Settings page and save again.',
    'zh-CN': '请在“设置”页修正标出的设置后再保存。',
  },
  log_in: { en: 'Sign in again on the sign-in page.', 'zh-CN': '请在登录页重新登录。' },
  send_csrf_token: { en: 'Reload the page and try again.', 'zh-CN': '请刷新页面后重试。' },
  import_file: { en: 'Import the parts one by one on the Data page.', 'zh-CN': '请在“数据”页逐个导入。' },
  read_api_docs: null,
  open_from_menu: { en: 'Go back and open the page from the menu.', 'zh-CN': '请返回并从菜单打开页面。' },
  send_events: null,
  start_job_again: { en: 'Start it again.', 'zh-CN': '请重新开始。' },
  choose_language: { en: 'Choose the language at the top of the page.', 'zh-CN': '请在页面顶部选择语言。' },
  // The dashboard fits with the workspace's defaults: no control sets these, so the hint's own words stand.
  later_calibration_end: null,
  choose_covariates: null,
  drop_covariate: null,
  later_as_of: null,
  static_mode: null,
  give_range: { en: 'Import data on the Data page.', 'zh-CN': '请在“数据”页导入数据。' },
  import_table: {
    en: 'Import them on the Data page: choose the table under Import, then the file.',
    'zh-CN': '请在「数据」页的「导入」中选择该表，再选择文件导入。',
  },
  show_usage: null,
} satisfies Record<Action, Text | null>;
