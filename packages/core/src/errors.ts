/**
 * One table of error codes for the whole product (Fastify's lib/errors.js pattern).
 * Each entry gives the HTTP status, a message function and a hint function, so surfaces render the same
 * error the same way and docs/errors.md is tested against this table. Tests assert on `code`, never on
 * message text, so messages can be reworded or translated freely.
 */

/** Where a problem is: as precise as we know it. */
export interface Where {
  file?: string;
  entity?: string;
  line?: number;
  column?: string;
  value?: string;
  path?: string;
}

interface CodeDef<A> {
  status: number;
  message: (a: A) => string;
  hint: (a: A) => string;
}

const def = <A>(status: number, message: (a: A) => string, hint: (a: A) => string): CodeDef<A> => ({
  status,
  message,
  hint,
});

type V = { column: string; value: string; expected: string };
const quote = (s: string) => JSON.stringify(s);

export const codes = {
  TEN_INTERNAL: def<{ detail: string }>(
    500,
    (a) => `Internal error: ${a.detail}`,
    () => 'This is a bug in Tenure. Please report it with the command you ran.',
  ),
  TEN_USAGE: def<{ detail: string }>(
    400,
    (a) => a.detail,
    () => 'Run the command with --help to see its options.',
  ),
  TEN_CONFIG_PARSE: def<{ file: string; detail: string }>(
    422,
    (a) => `${a.file} is not valid JSON: ${a.detail}`,
    () => 'Fix the JSON syntax, or delete the file and run `tenure init` to write a fresh one.',
  ),
  TEN_CONFIG_INVALID: def<{ file: string; problems: string[] }>(
    422,
    (a) => `${a.file} has ${a.problems.length} problem(s): ${a.problems.join('; ')}`,
    () => 'See "Configuration" in the README for every setting and its allowed values.',
  ),
  TEN_WORKSPACE_NOT_FOUND: def<{ dir: string }>(
    404,
    (a) => `No Tenure workspace at ${a.dir}`,
    (a) =>
      `Pass an existing workspace with --workspace DIR or TENURE_WORKSPACE. To try Tenure: \`npm run demo\` in the repository (commands then find demo-workspace by themselves) or \`tenure demo --workspace ${a.dir}\`; to start empty: \`tenure init --workspace ${a.dir}\`.`,
  ),
  TEN_WORKSPACE_EXISTS: def<{ dir: string }>(
    409,
    (a) => `A Tenure workspace already exists at ${a.dir}`,
    () => 'Use it as it is, pick another --workspace, or pass --force to replace it.',
  ),
  TEN_WORKSPACE_LOCKED: def<{ dir: string; detail: string }>(
    423,
    (a) => `The workspace ${a.dir} is in use by another process`,
    () =>
      'DuckDB lets one process hold a workspace at a time. Stop the other tenure process (for example a running `tenure serve`) and try again.',
  ),
  TEN_WORKSPACE_BAD_PATH: def<{ dir: string; detail: string }>(
    400,
    (a) => `${a.dir} cannot be a workspace folder: ${a.detail}`,
    () => 'Give --workspace a folder path (it is created if missing), not a file or a path inside a file.',
  ),
  TEN_WORKSPACE_CORRUPT: def<{ file: string; detail: string }>(
    422,
    (a) => `${a.file} is not a readable Tenure database: ${a.detail}`,
    () =>
      'The file was replaced or damaged. Restore it from a backup, or rebuild the workspace with `tenure init --force` and import the data again.',
  ),
  TEN_BATCH_NOT_FOUND: def<{ batch: number }>(
    404,
    (a) => `There is no import batch ${a.batch}`,
    () => 'Batch ids are in the import summaries (`tenure import … --json` prints batchId).',
  ),
  TEN_ENTITY_UNKNOWN: def<{ entity: string; known: string[]; suggestion?: string }>(
    400,
    (a) => `Unknown entity ${quote(a.entity)}`,
    (a) => `${a.suggestion ? `Did you mean ${quote(a.suggestion)}? ` : ''}Entities: ${a.known.join(', ')}.`,
  ),
  TEN_IMPORT_FILE_NOT_FOUND: def<{ file: string }>(
    404,
    (a) => `File not found: ${a.file}`,
    () => 'Check the path; relative paths are resolved from the current directory.',
  ),
  TEN_IMPORT_IS_DIRECTORY: def<{ file: string }>(
    400,
    (a) => `${a.file} is a directory, not a file`,
    () => 'Give the path of one data file (CSV, TSV, XLSX, Parquet, JSON or NDJSON).',
  ),
  TEN_IMPORT_EMPTY_FILE: def<{ file: string }>(
    422,
    (a) => `${a.file} is empty: there is no header and no data`,
    () => 'Export the data again; the file must start with a header row.',
  ),
  TEN_IMPORT_BINARY_FILE: def<{ file: string }>(
    422,
    (a) => `${a.file} is not a text table or a known spreadsheet format`,
    () => 'Save it as CSV (UTF-8 or GBK), XLSX, Parquet, JSON or NDJSON and import that.',
  ),
  TEN_IMPORT_UNSUPPORTED_FORMAT: def<{ file: string; format: string }>(
    422,
    (a) => `${a.file}: the format ${quote(a.format)} is not supported`,
    () => 'Supported: csv, tsv, txt (any delimiter), xlsx, parquet, json, ndjson. Use --format to override.',
  ),
  TEN_IMPORT_BAD_ENCODING: def<{ file: string; encoding: string; detail: string }>(
    422,
    (a) => `${a.file} cannot be read as ${a.encoding}: ${a.detail}`,
    () => 'Pass --encoding utf-8, gbk or gb18030 to match how the file was saved (Excel in China saves GBK).',
  ),
  TEN_IMPORT_PARSE: def<{ file: string; detail: string }>(
    422,
    (a) => `${a.file} could not be read as a table: ${a.detail}`,
    () =>
      'Check that the file is complete and in the format its name says (--format overrides it); for CSV, check the delimiter and quoting (--delimiter overrides detection).',
  ),
  TEN_IMPORT_JSON_INVALID: def<{ file: string; line: number; column: number; detail: string }>(
    422,
    (a) => `${a.file} is not valid JSON at line ${a.line}, column ${a.column}: ${a.detail}`,
    () =>
      'Fix that spot in the file: JSON needs every string quoted, every bracket closed and each key once per object (NDJSON: one whole object per line).',
  ),
  TEN_IMPORT_TOO_DEEP: def<{ file: string; line: number; depth: number; max: number }>(
    422,
    (a) => `${a.file} nests values more than ${a.max} levels deep (line ${a.line})`,
    (a) =>
      `Records are tables of values: flatten the nested data, or raise import.max_json_depth in tenure.config.json above ${a.max} if the nesting is real.`,
  ),
  TEN_IMPORT_TOO_WIDE: def<{ file: string; columns: number; max: number }>(
    422,
    (a) => `${a.file} has ${a.columns} columns, more than the ${a.max} allowed`,
    (a) =>
      `Save the file with only the columns you need, or raise import.max_columns in tenure.config.json above ${a.max}.`,
  ),
  TEN_IMPORT_LINE_TOO_LONG: def<{ file: string; line: number; max: number }>(
    422,
    (a) => `Line ${a.line} of ${a.file} is longer than the ${a.max} bytes allowed`,
    (a) =>
      `Check that line for a missing line break or an unclosed quote, or raise import.max_line_bytes in tenure.config.json above ${a.max}.`,
  ),
  TEN_IMPORT_SHEET_TOO_LARGE: def<{ file: string; sheet: string; range: string; cells: number; max: number }>(
    422,
    (a) => `Sheet ${quote(a.sheet)} of ${a.file} spans ${a.range} (${a.cells} cells), more than the ${a.max} allowed`,
    () =>
      'Delete the stray cells far outside the table (Ctrl+End in Excel shows the last used cell) and save again, or raise import.max_sheet_cells in tenure.config.json.',
  ),
  TEN_IMPORT_MIXED_ENCODING: def<{ file: string; encoding: string; line: number }>(
    422,
    (a) => `${a.file} mixes encodings: it reads as ${a.encoding}, but line ${a.line} is UTF-8`,
    () =>
      'The file was pasted together from different sources. Save it again as UTF-8 in one go (e.g. Excel: "CSV UTF-8"), then import it.',
  ),
  TEN_EVENT_UNKNOWN_KEYS: def<{ entity: string; found: string[]; fields: string[] }>(
    422,
    (a) => `Events for ${a.entity} carry key(s) it has no column for: ${a.found.map(quote).join(', ')}`,
    (a) =>
      `Event batches never add columns. Use the fields ${a.fields.join(', ')}, or add the attribute by importing a file with that column first.`,
  ),
  TEN_IMPORT_SHEET_NOT_FOUND: def<{ file: string; sheet: string; sheets: string[] }>(
    404,
    (a) => `${a.file} has no sheet ${quote(a.sheet)}`,
    (a) => `Sheets in the workbook: ${a.sheets.map(quote).join(', ')}. Pass one with --sheet.`,
  ),
  TEN_IMPORT_MISSING_COLUMN: def<{ file: string; fields: string[]; found: string[]; suggestion?: string }>(
    422,
    (a) =>
      `${a.file} has no column for the required field${a.fields.length > 1 ? 's' : ''} ${a.fields.map(quote).join(', ')}`,
    (a) =>
      `${a.suggestion ? `The closest column is ${quote(a.suggestion)}: pass --map ${a.fields[0]}=${quote(a.suggestion)} if it is the one. ` : `Pass --map ${a.fields[0]}=<column>. `}Columns found: ${a.found.map(quote).join(', ')}.`,
  ),
  TEN_IMPORT_BAD_MAPPING: def<{ detail: string; found: string[] }>(
    400,
    (a) => `Invalid --map: ${a.detail}`,
    (a) => `Write --map target=source, with a source column from the file: ${a.found.map(quote).join(', ')}.`,
  ),
  TEN_IMPORT_TOO_MANY_REJECTS: def<{
    file: string;
    rejected: number;
    read: number;
    max: number;
    unknownCustomers?: number;
    dryRun?: boolean;
  }>(
    422,
    (a) =>
      `${a.file}: ${a.rejected} of ${a.read} rows are invalid (${((100 * a.rejected) / Math.max(a.read, 1)).toFixed(1)} % > ${(100 * a.max).toFixed(1)} %), so ${a.dryRun === true ? 'the import would load nothing (dry run: nothing was written)' : 'nothing was loaded'}`,
    (a) =>
      // When most rejects name customers the workspace lacks, the file is fine and the customers are missing.
      a.unknownCustomers && a.unknownCustomers * 2 >= a.rejected
        ? `${a.unknownCustomers} row(s) name customers the workspace does not have: import the customers first, or pass --create-missing-customers to create them from this file.`
        : 'Look at the problems with `tenure rejects`, fix the file and import it again, or raise --max-reject-rate to load the good rows.',
  ),
  TEN_IMPORT_AS_OF_REQUIRED: def<{ file: string; column: string }>(
    422,
    (a) => `${a.file} is a snapshot (it has a ${quote(a.column)} column) and needs the date it was taken`,
    () => 'Pass --as-of YYYY-MM-DD: the date the export was made. Tenure derives created_at and churned_at from it.',
  ),
  TEN_IMPORT_BAD_OPTION: def<{ option: string; value: string; expected: string }>(
    400,
    (a) => `Invalid ${a.option} ${quote(a.value)}`,
    (a) => `Expected ${a.expected}.`,
  ),
  TEN_ROW_MALFORMED: def<V>(
    422,
    (a) => `The line does not fit the header: ${a.expected}`,
    () => 'Check for a stray delimiter or an unclosed quote on this line.',
  ),
  TEN_ROW_MISSING_VALUE: def<V>(
    422,
    (a) => `${a.column} is empty but required`,
    () => 'Fill in the value or remove the row.',
  ),
  TEN_ROW_BAD_DATE: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is not a date`,
    (a) => `Use ${a.expected}.`,
  ),
  TEN_ROW_BAD_NUMBER: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is not a number`,
    (a) => `Use ${a.expected}, with a dot for decimals and no currency sign.`,
  ),
  TEN_ROW_BAD_VALUE: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is not an allowed value`,
    (a) => `Use one of: ${a.expected}.`,
  ),
  TEN_ROW_NEGATIVE_AMOUNT: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is negative`,
    () => 'Amounts must be zero or more; record refunds as their own rows in a later release or net them out.',
  ),
  TEN_ROW_OUT_OF_RANGE: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is out of range`,
    (a) => `Expected ${a.expected}.`,
  ),
  TEN_ROW_END_BEFORE_START: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is before the start of the same row`,
    (a) => `${a.expected} must not be later than ${a.column}.`,
  ),
  TEN_ROW_DATE_OUT_OF_RANGE: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is outside the dates Tenure accepts`,
    (a) =>
      `Use a date from ${a.expected}; check the year and the date format (the range is import.min_date and import.max_date in tenure.config.json).`,
  ),
  TEN_ROW_FUTURE_DATE: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is in the future`,
    (a) => `Dates must not be after ${a.expected}; check the year and the date format.`,
  ),
  TEN_ROW_DUPLICATE_KEY: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} appears more than once in the file (first on line ${a.expected})`,
    (a) => `Keep one row per ${a.column}; only the first occurrence is loaded.`,
  ),
  TEN_ROW_UNKNOWN_CUSTOMER: def<V>(
    422,
    (a) => `${a.column} ${quote(a.value)} is not a known customer`,
    () => 'Import the customers first (`tenure import customers …`), or fix the id.',
  ),
  TEN_METRIC_UNKNOWN: def<{ name: string; known: string[]; suggestion?: string }>(
    404,
    (a) => `Unknown metric ${quote(a.name)}`,
    (a) => `${a.suggestion ? `Did you mean ${quote(a.suggestion)}? ` : ''}List them with \`tenure metrics --list\`.`,
  ),
  TEN_METRIC_BAD_QUERY: def<{ detail: string; hint: string }>(
    400,
    (a) => `Invalid metric query: ${a.detail}`,
    (a) => a.hint,
  ),
  TEN_METRIC_SNAPSHOT: def<{ metric: string; asOf: string; what: 'trend' | 'forecast' }>(
    422,
    (a) =>
      `${a.metric} cannot be shown as a ${a.what}: its churn comes from a snapshot import, every churn dated on the as-of date ${a.asOf}`,
    () =>
      'A snapshot says who had left by its date, not when. Use the survival curve (`tenure survival`) and the churn model (`tenure model train`); a single period at the as-of date still shows the share churned. 快照只说明截至快照日期谁已流失，不说明何时流失：请使用生存分析（`tenure survival`）和流失预测模型（`tenure model train`）。',
  ),
  TEN_METRIC_UNKNOWN_SEGMENT: def<{ segment: string; known: string[] }>(
    400,
    (a) => `${quote(a.segment)} is not a segment dimension of this workspace`,
    (a) =>
      `Use one of: ${a.known.join(', ') || '(none yet)'}. Customer attributes become dimensions when listed under "dimensions" in tenure.config.json.`,
  ),
  TEN_DEMO_BAD_OPTION: def<{ option: string; value: string; expected: string }>(
    400,
    (a) => `Invalid ${a.option} ${quote(a.value)}`,
    (a) => `Expected ${a.expected}.`,
  ),
  TEN_MODEL_UNKNOWN: def<{ name: string; known: string[] }>(
    404,
    (a) => `Unknown model ${quote(a.name)}`,
    (a) => `Models: ${a.known.join(', ')}.`,
  ),
  TEN_MODEL_BAD_OPTION: def<{ option: string; value: string; expected: string }>(
    400,
    (a) => `Invalid ${a.option} ${quote(a.value)}`,
    (a) => `Expected ${a.expected}.`,
  ),
  TEN_MODEL_INSUFFICIENT_DATA: def<{ model: string; detail: string; hint: string }>(
    422,
    (a) => `The data cannot support a ${a.model} fit: ${a.detail}`,
    (a) => a.hint,
  ),
  TEN_MODEL_NO_RUN: def<{ model: string }>(
    404,
    (a) => `The ${a.model} model has not been fitted in this workspace yet`,
    (a) => `Fit it: \`tenure fit ${a.model}\`, or POST /api/v1/models/${a.model}/fit as an analyst.`,
  ),
  TEN_MODEL_NO_CONVERGENCE: def<{ model: string; detail: string }>(
    422,
    (a) => `The ${a.model} fit did not converge: ${a.detail}`,
    () =>
      'The data may not follow the model or be too few. Try a longer calibration period, another --unit, or a simpler model; the optimiser runs are in the diagnostics (--json output, problem field diagnostics).',
  ),
  TEN_MODEL_DEGENERATE: def<{ model: string; detail: string; hint: string }>(
    422,
    (a) => `The ${a.model} fit is degenerate: ${a.detail}`,
    (a) => a.hint,
  ),
  TEN_PREDICT_NO_MODEL: def<Record<string, never>>(
    404,
    () => 'No churn model has been trained in this workspace',
    () => 'Train one first: `tenure model train` (or POST the training request to the API).',
  ),
  TEN_PREDICT_BAD_MODEL: def<{ detail: string }>(
    422,
    (a) => `The churn model cannot be used: ${a.detail}`,
    () => 'Retrain it with `tenure model train` on this workspace; models are saved as versioned JSON.',
  ),
  TEN_PREDICT_UNKNOWN_CUSTOMER: def<{ customer: string }>(
    404,
    (a) => `No score for customer ${quote(a.customer)}`,
    () => 'Check the id, and run `tenure model score` so every active customer has a current score.',
  ),
  TEN_PREDICT_TEST_IDS_NOT_FOUND: def<{ file: string }>(
    404,
    (a) => `Test ids file not found: ${a.file}`,
    () => 'Check the path (relative paths are resolved from the current directory): one customer id per line.',
  ),
  TEN_PREDICT_TEST_IDS: def<{ file: string; detail: string }>(
    422,
    (a) => `The test ids in ${a.file} cannot be used: ${a.detail}`,
    () =>
      'Give a text file with one customer id per line (a header line customer_id is allowed), naming customers of this workspace.',
  ),
  TEN_ENGINE_UNREACHABLE: def<{ host: string; cause: string; seconds: number }>(
    503,
    (a) => `Cannot reach the engine at ${a.host}: ${a.cause}`,
    (a) =>
      `Check that the server runs at that host and port and that this machine may connect to it (the attempt stops after ${a.seconds} s).`,
  ),
  TEN_SERVER_HOLDS_WORKSPACE: def<{ dir: string; url: string; pid: number }>(
    423,
    (a) => `The workspace ${a.dir} is held by the Tenure server at ${a.url} (process ${a.pid})`,
    (a) =>
      `Use the server's API or dashboard at ${a.url} (users and keys are under /api/v1/users and /api/v1/keys), or stop the server (Ctrl-C, or kill ${a.pid}) and run the command again.`,
  ),
  TEN_UNAUTHENTICATED: def<Record<string, never>>(
    401,
    () => 'You are not logged in',
    () => 'Log in (POST /api/v1/auth/login) or send an API key as "Authorization: Bearer <key>".',
  ),
  TEN_LOGIN_FAILED: def<Record<string, never>>(
    401,
    () => 'Wrong username or password',
    () => 'Check both; an admin can reset a password with `tenure users add <name> --role … --force`.',
  ),
  TEN_FORBIDDEN: def<{ role: string; needed: string }>(
    403,
    (a) => `This needs the ${a.needed} role; you are ${a.role}`,
    () => 'Ask an admin for a higher role, or use an API key created with that role.',
  ),
  TEN_CSRF: def<Record<string, never>>(
    403,
    () => 'Missing or wrong x-csrf-token header',
    () => 'Send the csrfToken from the login (or GET /api/v1/auth/me) response in the x-csrf-token header.',
  ),
  TEN_RATE_LIMITED: def<{ seconds: number }>(
    429,
    (a) => `Too many failed logins; try again in ${a.seconds} s`,
    () => 'Wait, then log in with the right password; an admin can reset it.',
  ),
  TEN_PAYLOAD_TOO_LARGE: def<{ limit: string }>(
    413,
    (a) => `The request is too large: at most ${a.limit}`,
    () => 'Split the data into smaller batches, or import it as a file (POST /api/v1/imports).',
  ),
  TEN_UNSUPPORTED_MEDIA_TYPE: def<{ type: string }>(
    415,
    (a) => `Content type ${quote(a.type)} is not accepted here`,
    () => 'Send JSON (application/json), or multipart/form-data to the import routes.',
  ),
  TEN_BAD_REQUEST: def<{ detail: string }>(
    400,
    (a) => `Invalid request: ${a.detail}`,
    () => 'See the errors list, and the request schema at /api/docs.',
  ),
  TEN_NOT_FOUND: def<{ path: string }>(
    404,
    (a) => `Nothing at ${a.path}`,
    () => 'See /api/docs for every route.',
  ),
  TEN_HEADERS_TOO_LARGE: def<Record<string, never>>(
    431,
    () => 'The request headers are too large',
    () => 'Send fewer or shorter headers (cookies included); clear this site’s cookies if they have grown.',
  ),
  TEN_REQUEST_TIMEOUT: def<Record<string, never>>(
    408,
    () => 'The request was not received in time',
    () => 'Send the whole request at once; check the network between you and the server.',
  ),
  TEN_TOO_MANY_REQUESTS: def<{ seconds: number }>(
    429,
    (a) => `Too many requests without credentials from this address; try again in ${a.seconds} s`,
    () => 'Log in or send an API key: signed-in requests are not limited this way.',
  ),
  TEN_EVENT_ENTITY_UNKNOWN: def<{ entity: string; known: string[] }>(
    404,
    (a) => `There is no entity ${quote(a.entity)} to send events to`,
    (a) => `Send to one of: ${a.known.map((e) => `/api/v1/events/${e}`).join(', ')}.`,
  ),
  TEN_CUSTOMER_NOT_FOUND: def<{ id: string }>(
    404,
    (a) => `There is no customer ${quote(a.id)}`,
    () => 'Search for the customer with GET /api/v1/customers?q=…',
  ),
  TEN_JOB_NOT_FOUND: def<{ id: string }>(
    404,
    (a) => `There is no job ${quote(a.id)}`,
    () =>
      'Jobs are kept in memory until the server stops; finished imports stay listed at GET /api/v1/imports, model fits at GET /api/v1/models/runs.',
  ),
  TEN_ROLE_UNKNOWN: def<{ role: string; known: string[] }>(
    400,
    (a) => `Unknown role ${quote(a.role)}`,
    (a) => `Use one of: ${a.known.join(', ')}.`,
  ),
  TEN_USER_BAD_NAME: def<{ username: string }>(
    400,
    (a) => `${quote(a.username)} cannot be a username`,
    () => 'Use 1 to 64 letters, digits, dots, dashes, underscores or @.',
  ),
  TEN_USER_WEAK_PASSWORD: def<{ min: number }>(
    400,
    (a) => `The password is too short: at least ${a.min} characters`,
    () => 'Use a longer password, for example a phrase of several words.',
  ),
  TEN_USER_EXISTS: def<{ username: string }>(
    409,
    (a) => `The user ${quote(a.username)} exists already`,
    () => 'Pick another name, or change that user (PATCH /api/v1/users/<name>, or `tenure users add … --force`).',
  ),
  TEN_USER_NOT_FOUND: def<{ username: string }>(
    404,
    (a) => `There is no user ${quote(a.username)}`,
    () => 'List the users with `tenure users list` or GET /api/v1/users.',
  ),
  TEN_USER_LAST_ADMIN: def<{ username: string }>(
    409,
    (a) => `${quote(a.username)} is the last admin`,
    () => 'Make another user admin first, so the workspace keeps someone who can manage users and keys.',
  ),
  TEN_KEY_NOT_FOUND: def<{ id: string }>(
    404,
    (a) => `There is no API key ${quote(a.id)}`,
    () => 'List the keys with `tenure keys list` or GET /api/v1/keys.',
  ),
} as const;

export type ErrorCode = keyof typeof codes;
type ArgsOf<C extends ErrorCode> = Parameters<(typeof codes)[C]['message']>[0];

/** A user-facing failure: a stable code, a human message, where it happened and how to fix it. */
export class TenureError extends Error {
  readonly status: number;
  readonly hint: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    hint: string,
    readonly where: Where = {},
    /** Machine-readable diagnostics for callers (never printed as a stack trace). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TenureError';
    this.status = codes[code].status;
    this.hint = hint;
  }

  toJSON() {
    return { code: this.code, status: this.status, message: this.message, hint: this.hint, where: this.where };
  }
}

/** Build a TenureError: `tenureError('TEN_IMPORT_EMPTY_FILE', { file }, { file })`. */
export function tenureError<C extends ErrorCode>(
  code: C,
  args: ArgsOf<C>,
  where: Where = {},
  details: Record<string, unknown> = {},
): TenureError {
  const d = codes[code] as unknown as CodeDef<ArgsOf<C>>;
  return new TenureError(code, d.message(args), d.hint(args), where, details);
}

/** The message and hint of a code, for surfaces that render stored rejects. */
export function describe<C extends ErrorCode>(code: C, args: ArgsOf<C>): { message: string; hint: string } {
  const d = codes[code] as unknown as CodeDef<ArgsOf<C>>;
  return { message: d.message(args), hint: d.hint(args) };
}

/** Any thrown value as a TenureError; unknown failures become TEN_INTERNAL. */
export function asTenureError(e: unknown): TenureError {
  if (e instanceof TenureError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return tenureError('TEN_INTERNAL', { detail });
}
