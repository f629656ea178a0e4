import { by, def, q, quote } from './define.ts';

const pct = (part: number, whole: number) => ((100 * part) / Math.max(whole, 1)).toFixed(1);
const missingCustomers = (a: { rejected: number; unknownCustomers?: number }) =>
  !!a.unknownCustomers && a.unknownCustomers * 2 >= a.rejected;

/** Reading a file: what stops an import before or instead of loading it. */
export const importCodes = {
  TEN_IMPORT_FILE_NOT_FOUND: def<{ file: string }>(
    404,
    { en: (a) => `File not found: ${a.file}`, 'zh-CN': (a) => `找不到文件：${a.file}` },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Check the path; relative paths are resolved from the current directory.',
          web: 'Choose the file again.',
          api: 'Send the file in the multipart field `file`.',
        }),
      'zh-CN': (_a, on) =>
        by(on, {
          cli: '请检查路径；相对路径从当前目录算起。',
          web: '请重新选择文件。',
          api: '请在 multipart 字段 `file` 中发送文件。',
        }),
    },
  ),
  TEN_IMPORT_IS_DIRECTORY: def<{ file: string }>(
    400,
    { en: (a) => `${a.file} is a directory, not a file`, 'zh-CN': (a) => `${a.file} 是目录，不是文件` },
    {
      en: () => 'Give one data file (CSV, TSV, XLSX, Parquet, JSON or NDJSON).',
      'zh-CN': () => '请提供一个数据文件（CSV、TSV、XLSX、Parquet、JSON 或 NDJSON）。',
    },
  ),
  TEN_IMPORT_EMPTY_FILE: def<{ file: string }>(
    422,
    {
      en: (a) => `${a.file} is empty: there is no header and no data`,
      'zh-CN': (a) => `${a.file} 是空文件：没有表头也没有数据`,
    },
    {
      en: () => 'Export the data again; the file must start with a header row.',
      'zh-CN': () => '请重新导出数据；文件第一行须为表头。',
    },
  ),
  TEN_IMPORT_BINARY_FILE: def<{ file: string }>(
    422,
    {
      en: (a) => `${a.file} is not a text table or a known spreadsheet format`,
      'zh-CN': (a) => `${a.file} 既不是文本表格，也不是可识别的电子表格格式`,
    },
    {
      en: () => 'Save it as CSV (UTF-8 or GBK), XLSX, Parquet, JSON or NDJSON and import that.',
      'zh-CN': () => '请另存为 CSV（UTF-8 或 GBK）、XLSX、Parquet、JSON 或 NDJSON 后再导入。',
    },
  ),
  TEN_IMPORT_UNSUPPORTED_FORMAT: def<{ file: string; format: string }>(
    422,
    {
      en: (a) => `${a.file}: the format ${quote(a.format)} is not supported`,
      'zh-CN': (a) => `${a.file}：不支持格式 ${q(a.format)}`,
    },
    {
      en: () => 'Supported: csv, tsv, txt (any delimiter), xlsx, parquet, json, ndjson.',
      'zh-CN': () => '支持：csv、tsv、txt（任意分隔符）、xlsx、parquet、json、ndjson。',
    },
    () => [{ action: 'choose_format' }],
  ),
  TEN_IMPORT_BAD_ENCODING: def<{ file: string; encoding: string; detail: string }>(
    422,
    {
      en: (a) => `${a.file} cannot be read as ${a.encoding}: ${a.detail}`,
      'zh-CN': (a) => `${a.file} 无法按 ${a.encoding} 读取：${a.detail}`,
    },
    {
      en: () => 'Read it in the encoding it was saved in: utf-8, gbk or gb18030 (Excel in China saves GBK).',
      'zh-CN': () => '请按文件保存时的编码读取：utf-8、gbk 或 gb18030（中文版 Excel 保存为 GBK）。',
    },
    () => [{ action: 'choose_encoding' }],
  ),
  TEN_IMPORT_PARSE: def<{ file: string; detail: string }>(
    422,
    {
      en: (a) => `${a.file} could not be read as a table: ${a.detail}`,
      'zh-CN': (a) => `${a.file} 无法作为表格读取：${a.detail}`,
    },
    {
      en: () =>
        'Check that the file is complete and in the format its name says; for CSV, check the delimiter and quoting.',
      'zh-CN': () => '请检查文件是否完整、格式是否与文件名相符；CSV 请检查分隔符和引号。',
    },
    () => [{ action: 'override_detection' }],
  ),
  TEN_IMPORT_JSON_INVALID: def<{ file: string; line: number; column: number; detail: string }>(
    422,
    {
      en: (a) => `${a.file} is not valid JSON at line ${a.line}, column ${a.column}: ${a.detail}`,
      'zh-CN': (a) => `${a.file} 在第 ${a.line} 行第 ${a.column} 列不是有效的 JSON：${a.detail}`,
    },
    {
      en: () =>
        'Fix that spot in the file: JSON needs every string quoted, every bracket closed and each key once per object (NDJSON: one whole object per line).',
      'zh-CN': () =>
        '请修正文件中的该处：JSON 的字符串须加引号，括号须闭合，每个对象中的键只出现一次（NDJSON：每行一个完整对象）。',
    },
  ),
  TEN_IMPORT_TOO_DEEP: def<{ file: string; line: number; depth: number; max: number }>(
    422,
    {
      en: (a) => `${a.file} nests values more than ${a.max} levels deep (line ${a.line})`,
      'zh-CN': (a) => `${a.file} 的嵌套超过 ${a.max} 层（第 ${a.line} 行）`,
    },
    {
      en: (a, on) =>
        `Records are tables of values: flatten the nested data${on === 'web' ? '.' : `, or raise import.max_json_depth in tenure.config.json above ${a.max} if the nesting is real.`}`,
      'zh-CN': (a, on) =>
        `记录应是由值组成的表：请展平嵌套的数据${on === 'web' ? '。' : `；如果嵌套确有必要，请在 tenure.config.json 中把 import.max_json_depth 调高到 ${a.max} 以上。`}`,
    },
  ),
  TEN_IMPORT_TOO_WIDE: def<{ file: string; columns: number; max: number }>(
    422,
    {
      en: (a) => `${a.file} has ${a.columns} columns, more than the ${a.max} allowed`,
      'zh-CN': (a) => `${a.file} 有 ${a.columns} 列，超过允许的 ${a.max} 列`,
    },
    {
      en: (a, on) =>
        by(on, {
          cli: `Save the file with only the columns you need, or raise import.max_columns in tenure.config.json above ${a.max}.`,
          web: 'Keep only the columns you need in the file and choose it again.',
          api: `Send the file with only the columns you need, or ask an admin to raise import.max_columns above ${a.max}.`,
        }),
      'zh-CN': (a, on) =>
        by(on, {
          cli: `请只保留需要的列后另存文件，或在 tenure.config.json 中把 import.max_columns 调高到 ${a.max} 以上。`,
          web: '请在文件中只保留需要的列，然后重新选择。',
          api: `请只发送含所需列的文件，或请管理员把 import.max_columns 调高到 ${a.max} 以上。`,
        }),
    },
  ),
  TEN_IMPORT_LINE_TOO_LONG: def<{ file: string; line: number; max: number }>(
    422,
    {
      en: (a) => `Line ${a.line} of ${a.file} is longer than the ${a.max} bytes allowed`,
      'zh-CN': (a) => `${a.file} 的第 ${a.line} 行超过允许的 ${a.max} 字节`,
    },
    {
      en: (a, on) =>
        `Check that line for a missing line break or an unclosed quote${on === 'web' ? '.' : `, or raise import.max_line_bytes in tenure.config.json above ${a.max}.`}`,
      'zh-CN': (a, on) =>
        `请检查该行是否缺少换行或有未闭合的引号${on === 'web' ? '。' : `，或在 tenure.config.json 中把 import.max_line_bytes 调高到 ${a.max} 以上。`}`,
    },
  ),
  TEN_IMPORT_SHEET_TOO_LARGE: def<{ file: string; sheet: string; range: string; cells: number; max: number }>(
    422,
    {
      en: (a) =>
        `Sheet ${quote(a.sheet)} of ${a.file} spans ${a.range} (${a.cells} cells), more than the ${a.max} allowed`,
      'zh-CN': (a) =>
        `${a.file} 的工作表 ${q(a.sheet)} 范围为 ${a.range}（${a.cells} 个单元格），超过允许的 ${a.max} 个`,
    },
    {
      en: (_a, on) =>
        `Delete the stray cells far outside the table (Ctrl+End in Excel shows the last used cell) and save again${on === 'web' ? '.' : ', or raise import.max_sheet_cells in tenure.config.json.'}`,
      'zh-CN': (_a, on) =>
        `请删除表格之外的零散单元格（在 Excel 中按 Ctrl+End 可找到最后使用的单元格）后重新保存${on === 'web' ? '。' : '，或在 tenure.config.json 中调高 import.max_sheet_cells。'}`,
    },
  ),
  TEN_IMPORT_MIXED_ENCODING: def<{ file: string; encoding: string; line: number }>(
    422,
    {
      en: (a) => `${a.file} mixes encodings: it reads as ${a.encoding}, but line ${a.line} is UTF-8`,
      'zh-CN': (a) => `${a.file} 混用了多种编码：按 ${a.encoding} 读取，但第 ${a.line} 行是 UTF-8`,
    },
    {
      en: () =>
        'The file was pasted together from different sources. Save it again as UTF-8 in one go (e.g. Excel: "CSV UTF-8"), then import it.',
      'zh-CN': () => '该文件由不同来源拼接而成。请一次性另存为 UTF-8（如 Excel 的 “CSV UTF-8”），再导入。',
    },
  ),
  TEN_EVENT_UNKNOWN_KEYS: def<{ entity: string; found: string[]; fields: string[] }>(
    422,
    {
      en: (a) => `Events for ${a.entity} carry key(s) it has no column for: ${a.found.map(quote).join(', ')}`,
      'zh-CN': (a) => `发往 ${a.entity} 的事件含有它没有对应列的键：${a.found.map(q).join('、')}`,
    },
    {
      en: (a) =>
        `Event batches never add columns. Use the fields ${a.fields.join(', ')}, or add the attribute by importing a file with that column first.`,
      'zh-CN': (a) => `事件批次不会新增列。请使用字段 ${a.fields.join('、')}，或先导入含该列的文件来添加该属性。`,
    },
  ),
  TEN_IMPORT_SHEET_NOT_FOUND: def<{ file: string; sheet: string; sheets: string[] }>(
    404,
    { en: (a) => `${a.file} has no sheet ${quote(a.sheet)}`, 'zh-CN': (a) => `${a.file} 中没有工作表 ${q(a.sheet)}` },
    {
      en: (a) => `Sheets in the workbook: ${a.sheets.map(quote).join(', ')}.`,
      'zh-CN': (a) => `工作簿中的工作表：${a.sheets.map(q).join('、')}。`,
    },
    () => [{ action: 'choose_sheet' }],
  ),
  TEN_IMPORT_MISSING_COLUMN: def<{ file: string; fields: string[]; found: string[]; suggestion?: string }>(
    422,
    {
      en: (a) =>
        `${a.file} has no column for the required field${a.fields.length > 1 ? 's' : ''} ${a.fields.map(quote).join(', ')}`,
      'zh-CN': (a) => `${a.file} 中没有必填字段 ${a.fields.map(q).join('、')} 对应的列`,
    },
    {
      en: (a) =>
        `${a.suggestion ? `The closest column is ${quote(a.suggestion)}: map ${a.fields[0] ?? ''} to it if it is the one.` : `Map ${a.fields[0] ?? ''} to one of the file’s columns.`} Columns found: ${a.found.map(quote).join(', ')}.`,
      'zh-CN': (a) =>
        `${a.suggestion ? `最接近的列是 ${q(a.suggestion)}：如果正是它，请把 ${a.fields[0] ?? ''} 对应到它。` : `请把 ${a.fields[0] ?? ''} 对应到文件中的一列。`}文件中的列：${a.found.map(q).join('、')}。`,
    },
    () => [{ action: 'map_columns' }],
  ),
  TEN_IMPORT_BAD_MAPPING: def<{ detail: string; found: string[] }>(
    400,
    { en: (a) => `Invalid column mapping: ${a.detail}`, 'zh-CN': (a) => `列映射无效：${a.detail}` },
    {
      en: (a) => `Map each field to a column from the file: ${a.found.map(quote).join(', ')}.`,
      'zh-CN': (a) => `请把每个字段对应到文件中的列：${a.found.map(q).join('、')}。`,
    },
    () => [{ action: 'map_columns' }],
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
    {
      en: (a) =>
        `${a.file}: ${a.rejected} of ${a.read} rows are invalid (${pct(a.rejected, a.read)} % > ${(100 * a.max).toFixed(1)} %), so ${a.dryRun === true ? 'the import would load nothing (dry run: nothing was written)' : 'nothing was loaded'}`,
      'zh-CN': (a) =>
        `${a.file}：${a.read} 行中有 ${a.rejected} 行无效（${pct(a.rejected, a.read)}% > ${(100 * a.max).toFixed(1)}%），因此${a.dryRun === true ? '正式导入将不会导入任何数据（试运行：未写入任何数据）' : '未导入任何数据'}`,
    },
    {
      // When most rejects name customers the workspace lacks, the file is fine and the customers are missing.
      en: (a) =>
        missingCustomers(a)
          ? `${a.unknownCustomers} row(s) name customers the workspace does not have: import the customers first, or create them from this file.`
          : 'Fix the file and import it again, or allow more rejected rows to load the valid ones.',
      'zh-CN': (a) =>
        missingCustomers(a)
          ? `${a.unknownCustomers} 行引用了工作区中没有的客户：请先导入客户，或从本文件创建这些客户。`
          : '修正文件后重新导入，或允许更多被拒绝的行以导入有效行。',
    },
    (a) =>
      missingCustomers(a)
        ? [{ action: 'import_customers' }, { action: 'create_missing_customers' }]
        : [{ action: 'list_rejects' }, { action: 'raise_reject_limit' }],
  ),
  TEN_IMPORT_AS_OF_REQUIRED: def<{ file: string; column: string }>(
    422,
    {
      en: (a) => `${a.file} is a snapshot (it has a ${quote(a.column)} column) and needs the date it was taken`,
      'zh-CN': (a) => `${a.file} 是快照（含 ${q(a.column)} 列），需要提供快照日期`,
    },
    {
      en: () =>
        'Give the snapshot date, YYYY-MM-DD: the date the export was made. Tenure derives created_at and churned_at from it.',
      'zh-CN': () => '请给出快照日期 YYYY-MM-DD，即导出数据的日期。Tenure 据此推算 created_at 和 churned_at。',
    },
    () => [{ action: 'give_snapshot_date' }],
  ),
} as const;
