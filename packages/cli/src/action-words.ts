import type { Text } from '@tenure/core/present';
import type { Action } from '@tenure/core/shell';

/**
 * The CLI's wording of what a reader can do about an error (core's hints say it neutrally and name the action,
 * errors/actions.ts): the command that does it, null where no command does. `{name}` is filled from the
 * action's arguments.
 */
export const actionWords = {
  list_metrics: { en: 'List them with `tenure metrics --list`.', 'zh-CN': '用 `tenure metrics --list` 查看全部指标。' },
  view_survival: { en: 'Survival curve: `tenure survival`.', 'zh-CN': '生存分析：`tenure survival`。' },
  fit_model: { en: 'Fit it: `tenure fit {model}`.', 'zh-CN': '拟合：`tenure fit {model}`。' },
  train_model: { en: 'Train the churn model: `tenure model train`.', 'zh-CN': '训练流失模型：`tenure model train`。' },
  score_customers: {
    en: 'Score every active customer: `tenure model score`.',
    'zh-CN': '为每个活跃客户评分：`tenure model score`。',
  },
  // The CLI has no customer search: the hint's own words (check the id) are all it can say.
  find_customer: null,
  reset_password: {
    en: 'An admin resets a password with `tenure users add <name> --role … --force`.',
    'zh-CN': '管理员可用 `tenure users add <用户名> --role … --force` 重置密码。',
  },
  change_user: {
    en: 'Change a user with `tenure users add … --force`.',
    'zh-CN': '用 `tenure users add … --force` 修改用户。',
  },
  list_users: { en: 'List the users with `tenure users list`.', 'zh-CN': '用 `tenure users list` 列出用户。' },
  list_keys: { en: 'List the keys with `tenure keys list`.', 'zh-CN': '用 `tenure keys list` 列出密钥。' },
  import_customers: {
    en: 'Import them with `tenure import customers FILE`.',
    'zh-CN': '用 `tenure import customers 文件` 导入客户。',
  },
  import_orders: {
    en: 'Import them with `tenure import orders FILE`.',
    'zh-CN': '用 `tenure import orders 文件` 导入订单。',
  },
  create_missing_customers: {
    en: 'To create them, pass --create-missing-customers.',
    'zh-CN': '如需创建，请加 --create-missing-customers。',
  },
  list_rejects: { en: 'See the problems with `tenure rejects`.', 'zh-CN': '用 `tenure rejects` 查看问题。' },
  raise_reject_limit: {
    en: 'To load the valid rows, raise --max-reject-rate.',
    'zh-CN': '如需导入有效行，请提高 --max-reject-rate。',
  },
  choose_format: { en: 'Use --format to override.', 'zh-CN': '可用 --format 指定格式。' },
  choose_encoding: { en: 'Pass it with --encoding.', 'zh-CN': '请用 --encoding 指定。' },
  choose_sheet: { en: 'Pass one with --sheet.', 'zh-CN': '请用 --sheet 指定其中一个。' },
  give_snapshot_date: { en: 'Pass it with --as-of.', 'zh-CN': '请用 --as-of 指定。' },
  map_columns: { en: 'Write --map field=column.', 'zh-CN': '请写成 --map 字段=列名。' },
  list_imports: {
    en: '`tenure import … --json` prints the batchId.',
    'zh-CN': '`tenure import … --json` 会输出 batchId。',
  },
  rewrite_config: {
    en: 'Or delete the file and run `tenure init` to write a fresh one.',
    'zh-CN': '或删除该文件并运行 `tenure init` 重新生成。',
  },
  rebuild_workspace: {
    en: 'Or rebuild the workspace with `tenure init --force` and import the data again.',
    'zh-CN': '或用 `tenure init --force` 重建工作区后重新导入数据。',
  },
  create_workspace: {
    en: 'Pass an existing workspace with --workspace DIR or TENURE_WORKSPACE. To try Tenure: `npm run demo` in the repository (commands then find demo-workspace by themselves) or `tenure demo --workspace {dir}`; to start empty: `tenure init --workspace {dir}`.',
    'zh-CN':
      '用 --workspace 目录 或 TENURE_WORKSPACE 指定已有的工作区。想先试用：在仓库中运行 `npm run demo`（之后命令会自行找到 demo-workspace），或 `tenure demo --workspace {dir}`；从空白开始：`tenure init --workspace {dir}`。',
  },
  replace_workspace: {
    en: 'Or pick another --workspace, or pass --force to replace it.',
    'zh-CN': '或换一个 --workspace，或加 --force 替换它。',
  },
  choose_workspace: {
    en: 'Give --workspace a folder path.',
    'zh-CN': '请为 --workspace 指定一个目录路径。',
  },
  override_detection: {
    en: '--format and --delimiter override what is detected.',
    'zh-CN': '可用 --format 指定格式，--delimiter 指定分隔符。',
  },
  use_server: {
    en: 'Its API and dashboard do what the commands do, or stop the server (Ctrl-C, or kill {pid}) and run the command again.',
    'zh-CN': '其 API 与仪表盘可完成命令所做的操作；或停止服务（Ctrl-C 或 kill {pid}）后重新运行命令。',
  },
  fix_settings: {
    en: 'See "Configuration" in the README for every setting and its allowed values.',
    'zh-CN': '各项设置及其取值见 README 的 “Configuration” 一节。',
  },
  log_in: {
    en: 'Log in to the dashboard, or send an API key as "Authorization: Bearer <key>".',
    'zh-CN': '请登录仪表盘，或以 "Authorization: Bearer <密钥>" 发送 API 密钥。',
  },
  // Only an HTTP client meets these: the CLI opens the workspace itself.
  send_csrf_token: null,
  import_file: null,
  read_api_docs: null,
  open_from_menu: null,
  send_events: null,
  start_job_again: null,
  choose_language: {
    en: 'Log in to the dashboard as a user and choose the language there.',
    'zh-CN': '请以用户身份登录仪表盘，并在那里选择语言。',
  },
  later_calibration_end: { en: 'Pass a later --calibration-end.', 'zh-CN': '请用 --calibration-end 指定更晚的日期。' },
  choose_covariates: {
    en: 'Name them with --covariates, e.g. --covariates contract,monthly_charges.',
    'zh-CN': '请用 --covariates 指定，例如 --covariates contract,monthly_charges。',
  },
  drop_covariate: { en: 'Leave {term} out of --covariates.', 'zh-CN': '请从 --covariates 中去掉 {term}。' },
  later_as_of: { en: 'Pass a later --as-of.', 'zh-CN': '请用 --as-of 指定更晚的日期。' },
  static_mode: {
    en: 'A customer table with a churned flag is read with --mode static.',
    'zh-CN': '带流失标记的客户表请用 --mode static。',
  },
  give_range: { en: 'Give --from and --to.', 'zh-CN': '请用 --from 和 --to 指定。' },
  import_table: {
    en: 'Import them with `tenure import {entity} FILE`.',
    'zh-CN': '用 `tenure import {entity} 文件` 导入。',
  },
  show_usage: {
    en: 'Run the command with --help to see its options.',
    'zh-CN': '用 --help 运行该命令可查看其选项。',
  },
} satisfies Record<Action, Text | null>;
