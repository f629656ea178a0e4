import { formatTexts } from '../api/common.ts';
import type { DuckDbConnection } from '../engine/duckdb/connection.ts';
import type { Row } from '../engine/engine.ts';
import type { ErrorCode } from '../errors.ts';
import { badOption } from '../options.ts';
import type { Lang } from '../present/lang.ts';
import { sql } from '../sql/sql.ts';
import { rejectMessage, type StoredReject } from './reject-text.ts';

export interface ImportProgress {
  phase: string;
  percent: number;
}

export interface ImportOptions {
  /** --map target=source pairs. */
  map?: Record<string, string>;
  dropUnmapped?: boolean;
  format?: string;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  /** False when the file has no header row: its first line is data (CSV, TSV and whitespace tables). */
  header?: boolean;
  /** Names for the file's columns, in order, in place of its header (or of column_1, column_2, … without one). */
  columns?: string[];
  /** strptime format for dates, e.g. "%d/%m/%Y". */
  dateFormat?: string;
  /** Snapshot date (YYYY-MM-DD) of a customers export with tenure and a churn flag. */
  asOf?: string;
  /** Share of bad rows above which nothing loads. Default 0.05. */
  maxRejectRate?: number;
  /** Create customers that orders/events name but `customers` lacks. */
  createMissingCustomers?: boolean;
  /**
   * False for event batches: a key the entity has no column for refuses the batch (TEN_EVENT_UNKNOWN_KEYS)
   * instead of adding a column. Each new key used to become a permanent column, and typing them was slow.
   */
  addColumns?: boolean;
  /** Check and preview only: nothing is written. */
  dryRun?: boolean;
  previewRows?: number;
  /** Language of the problems' example messages (the rejects keep their arguments for any reader). Default en. */
  lang?: Lang;
  /** The name recorded for the batch and shown in messages instead of the path (an upload's original name). */
  name?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProblem {
  code: ErrorCode;
  column: string | null;
  count: number;
  firstLine: number | null;
  example: string;
}

export interface ImportSummary {
  batchId: number | null;
  entity: string;
  file: string;
  format: string;
  encoding: string;
  sha256: string;
  status: 'loaded' | 'refused' | 'dry-run';
  /** Dry run only: the real import would be refused (too many rejects), so it would load nothing. */
  wouldRefuse?: boolean;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsBlank: number;
  rowsNew: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  customersCreated: number;
  churnEventsDerived: number;
  mapping: { field: string; header: string }[];
  extras: { header: string; column: string; type: string }[];
  dropped: string[];
  snapshot?: { tenure: string; churn: string };
  derivedKey: boolean;
  problems: ImportProblem[];
  preview?: Row[];
  seconds: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Check option values up front, with the option's name in the message. */
export function checkImportOptions(o: ImportOptions) {
  const max = o.maxRejectRate ?? 0.05;
  // A shell may pass the text it was given (a CLI flag that is no number), for this check to refuse by name.
  if (!(typeof max === 'number' && max >= 0 && max <= 1)) {
    throw badOption('max_reject_rate', String(o.maxRejectRate), {
      en: 'a share from 0 to 1, e.g. 0.05',
      'zh-CN': '0 到 1 之间的比例，例如 0.05',
    });
  }
  if (o.asOf !== undefined && (!DATE.test(o.asOf) || Number.isNaN(Date.parse(o.asOf)))) {
    throw badOption('as_of', o.asOf, formatTexts.day);
  }
  if (o.dateFormat !== undefined && !o.dateFormat.includes('%')) {
    throw badOption('date_format', o.dateFormat, {
      en: 'a strptime format such as %d/%m/%Y',
      'zh-CN': 'strptime 格式，例如 %d/%m/%Y',
    });
  }
  if (o.columns !== undefined) {
    const names = o.columns.map((c) => c.trim());
    if (!names.length || names.some((c) => !c) || new Set(names).size !== names.length)
      throw badOption('columns', o.columns.join(','), {
        en: 'distinct, non-empty names separated by commas, one per column of the file',
        'zh-CN': '以逗号分隔、互不相同的非空名称，文件的每列一个',
      });
  }
  return { ...o, maxRejectRate: max, previewRows: o.previewRows ?? 10 };
}

/**
 * A --date-format DuckDB cannot use (an unknown specifier such as %Q) is refused by asking DuckDB itself, so
 * the accepted set is exactly the engine's.
 */
export async function checkDateFormat(db: DuckDbConnection, format: string | undefined): Promise<void> {
  if (format === undefined) return;
  try {
    await db.all(sql`SELECT try_strptime('2024-01-31', ${format}) AS t`);
  } catch {
    throw badOption('date_format', format, {
      en: 'a strptime format such as %d/%m/%Y (%Y year, %m month, %d day, %H:%M:%S time)',
      'zh-CN': 'strptime 格式，例如 %d/%m/%Y（%Y 年、%m 月、%d 日、%H:%M:%S 时间）',
    });
  }
}

/**
 * Rejects of a batch grouped by code and column, with the first line and its message (in `lang`) as an example.
 * @example await summarizeProblems(db, 7, 'zh-CN')
 */
export async function summarizeProblems(
  db: DuckDbConnection,
  batch: number,
  lang: Lang = 'en',
): Promise<ImportProblem[]> {
  const rows = await db.all<StoredReject & { count: number; first_line: number | null }>(
    sql`SELECT code, "column", count(*) OVER w AS count, min(line) OVER w AS first_line, value, expected, message
        FROM rejects WHERE batch_id = ${batch}
        WINDOW w AS (PARTITION BY code, "column")
        QUALIFY row_number() OVER (PARTITION BY code, "column" ORDER BY line NULLS LAST) = 1
        ORDER BY count DESC, first_line`,
  );
  return rows.map((r) => ({
    code: r.code as ErrorCode,
    column: r.column,
    count: r.count,
    firstLine: r.first_line,
    example: rejectMessage(r, lang),
  }));
}
