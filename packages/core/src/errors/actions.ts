/**
 * What a reader can do about an error, as data: the error table's hints say neutrally what to do, and an entry
 * names the action that does it, with its arguments. Each shell words an action itself, in a table keyed by
 * this union (so a new action without its wording fails to compile): the CLI with its command, the dashboard
 * with the page and control, the API with the route. Core names no command, flag, route or button.
 */
export const ACTIONS = [
  'list_metrics',
  'view_survival',
  'fit_model',
  'train_model',
  'score_customers',
  'find_customer',
  'reset_password',
  'change_user',
  'list_users',
  'list_keys',
  'import_customers',
  'import_orders',
  'create_missing_customers',
  'list_rejects',
  'raise_reject_limit',
  'choose_format',
  'choose_encoding',
  'choose_sheet',
  'give_snapshot_date',
  'map_columns',
  'list_imports',
  'rewrite_config',
  'rebuild_workspace',
  'create_workspace',
  'replace_workspace',
  'choose_workspace',
  'override_detection',
  'use_server',
  'fix_settings',
  'log_in',
  'send_csrf_token',
  'import_file',
  'read_api_docs',
  'open_from_menu',
  'send_events',
  'start_job_again',
  'choose_language',
  'later_calibration_end',
  'choose_covariates',
  'drop_covariate',
  'later_as_of',
  'static_mode',
  'give_range',
  'import_table',
  'show_usage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** One action with its arguments (`fit_model` names its model), as a shell's wording fills them in. */
export interface Remedy {
  action: Action;
  args?: Record<string, string>;
}
