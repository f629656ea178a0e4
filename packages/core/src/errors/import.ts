import { by, def, optionOn, q, quote } from './define.ts';

const pct = (part: number, whole: number) => ((100 * part) / Math.max(whole, 1)).toFixed(1);

/** Reading a file: what stops an import before or instead of loading it. */
export const importCodes = {
  TEN_IMPORT_FILE_NOT_FOUND: def<{ file: string }>(
    404,
    { en: (a) => `File not found: ${a.file}`, zh: (a) => `找不到文件：${a.file}` },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Check the path; relative paths are resolved from the current directory.',
          web: 'Choose the file again.',
          api: 'Send the file in the multipart field `file`.',
        }),
      zh: (_a, on) =>
        by(on, {
          cli: '请检查路径；相对路径从当前目录算起。',
          web: '请重新选择文件。',
          api: '请在 multipart 字段 `file` 中发送文件。',
        }),
    },
  ),
  TEN_IMPORT_IS_DIRECTORY: def<{ file: string }>(
    400,
    { en: (a) => `${a.file} is a directory, not a file`, zh: (a) => `${a.file} 是目录，不是文件` },
    {
      en: () => 'Give one data file (CSV, TSV, XLSX, Parquet, JSON or NDJSON).',
      zh: () => '请提供一个数据文件（CSV、TSV、XLSX、Parquet、JSON 或 NDJSON）。',
    },
  ),
  TEN_IMPORT_EMPTY_FILE: def<{ file: string }>(
    422,
    {
      en: (a) => `${a.file} is empty: there is no header and no data`,
      zh: (a) => `${a.file} 是空文件：没有表头也没有数据`,
    },
    {
      en: () => 'Export the data again; the file must start with a header row.',
      zh: () => '请重新导出数据；文件第一行须为表头。',
    },
  ),
  TEN_IMPORT_BINARY_FILE: def<{ file: string }>(
    422,
    {
      en: (a) => `${a.file} is not a text table or a known spreadsheet format`,
      zh: (a) => `${a.file} 既不是文本表格，也不是可识别的电子表格格式`,
    },
    {
      en: () => 'Save it as CSV (UTF-8 or GBK), XLSX, Parquet, JSON or NDJSON and import that.',
      zh: () => '请另存为 CSV（UTF-8 或 GBK）、XLSX、Parquet、JSON 或 NDJSON 后再导入。',
    },
  ),
  TEN_IMPORT_UNSUPPORTED_FORMAT: def<{ file: string; format: string }>(
    422,
    {
      en: (a) => `${a.file}: the format ${quote(a.format)} is not supported`,
      zh: (a) => `${a.file}：不支持格式 ${q(a.format)}`,
    },
    {
      en: (_a, on) =>
        `Supported: csv, tsv, txt (any delimiter), xlsx, parquet, json, ndjson.${by(on, { cli: ' Use --format to override.', web: ' Save the file in one of them.', api: ' Set options.format to override.' })}`,
      zh: (_a, on) =>
        `支持：csv、tsv、txt（任意分隔符）、xlsx、parquet、json、ndjson。${by(on, { cli: '可用 --format 指定格式。', web: '请另存为其中一种格式。', api: '可用 options.format 指定格式。' })}`,
    },
  ),
  TEN_IMPORT_BAD_ENCODING: def<{ file: string; encoding: string; detail: string }>(
    422,
    {
      en: (a) => `${a.file} cannot be read as ${a.encoding}: ${a.detail}`,
      zh: (a) => `${a.file} 无法按 ${a.encoding} 读取：${a.detail}`,
    },
    {
      en: (_a, on) =>
        `${by(on, { cli: 'Pass --encoding utf-8, gbk or gb18030', web: 'Save the file as UTF-8', api: 'Set options.encoding to utf-8, gbk or gb18030' })} to match how the file was saved (Excel in China saves GBK).`,
      zh: (_a, on) =>
        `${by(on, { cli: '请用 --encoding utf-8、gbk 或 gb18030', web: '请将文件另存为 UTF-8', api: '请将 options.encoding 设为 utf-8、gbk 或 gb18030' })}，与文件保存时的编码一致（中文版 Excel 保存为 GBK）。`,
    },
  ),
  TEN_IMPORT_PARSE: def<{ file: string; detail: string }>(
    422,
    {
      en: (a) => `${a.file} could not be read as a table: ${a.detail}`,
      zh: (a) => `${a.file} 无法作为表格读取：${a.detail}`,
    },
    {
      en: (_a, on) =>
        `Check the delimiter and quoting${by(on, { cli: '; pass --delimiter to override detection.', web: ' in the file.', api: '; set options.delimiter to override detection.' })}`,
      zh: (_a, on) =>
        `请检查分隔符和引号${by(on, { cli: '；可用 --delimiter 指定分隔符。', web: '。', api: '；可用 options.delimiter 指定分隔符。' })}`,
    },
  ),
  TEN_IMPORT_SHEET_NOT_FOUND: def<{ file: string; sheet: string; sheets: string[] }>(
    404,
    { en: (a) => `${a.file} has no sheet ${quote(a.sheet)}`, zh: (a) => `${a.file} 中没有工作表 ${q(a.sheet)}` },
    {
      en: (a, on) =>
        `Sheets in the workbook: ${a.sheets.map(quote).join(', ')}.${by(on, { cli: ' Pass one with --sheet.', web: ' Move the data to the first sheet, or save that sheet alone.', api: ' Set options.sheet to one of them.' })}`,
      zh: (a, on) =>
        `工作簿中的工作表：${a.sheets.map(q).join('、')}。${by(on, { cli: '请用 --sheet 指定其中一个。', web: '请把数据放到第一个工作表，或单独保存该工作表。', api: '请将 options.sheet 设为其中之一。' })}`,
    },
  ),
  TEN_IMPORT_MISSING_COLUMN: def<{ file: string; fields: string[]; found: string[]; suggestion?: string }>(
    422,
    {
      en: (a) =>
        `${a.file} has no column for the required field${a.fields.length > 1 ? 's' : ''} ${a.fields.map(quote).join(', ')}`,
      zh: (a) => `${a.file} 中没有必填字段 ${a.fields.map(q).join('、')} 对应的列`,
    },
    {
      en: (a, on) => {
        const field = a.fields[0] ?? '';
        const pick = a.suggestion
          ? by(on, {
              cli: `The closest column is ${quote(a.suggestion)}: pass --map ${field}=${quote(a.suggestion)} if it is the one.`,
              web: `The closest column is ${quote(a.suggestion)}: choose it for ${quote(field)} in the column mapping if it is the one.`,
              api: `The closest column is ${quote(a.suggestion)}: send mapping {"${field}": ${quote(a.suggestion)}} if it is the one.`,
            })
          : by(on, {
              cli: `Pass --map ${field}=<column>.`,
              web: `Choose the column for ${quote(field)} in the column mapping.`,
              api: `Send mapping {"${field}": "<column>"}.`,
            });
        return `${pick} Columns found: ${a.found.map(quote).join(', ')}.`;
      },
      zh: (a, on) => {
        const field = a.fields[0] ?? '';
        const pick = a.suggestion
          ? by(on, {
              cli: `最接近的列是 ${q(a.suggestion)}：如果正是它，请加 --map ${field}=${quote(a.suggestion)}。`,
              web: `最接近的列是 ${q(a.suggestion)}：如果正是它，请在列映射中为 ${q(field)} 选择它。`,
              api: `最接近的列是 ${q(a.suggestion)}：如果正是它，请发送 mapping {"${field}": ${quote(a.suggestion)}}。`,
            })
          : by(on, {
              cli: `请加 --map ${field}=<列名>。`,
              web: `请在列映射中为 ${q(field)} 选择一列。`,
              api: `请发送 mapping {"${field}": "<列名>"}。`,
            });
        return `${pick}文件中的列：${a.found.map(q).join('、')}。`;
      },
    },
  ),
  TEN_IMPORT_BAD_MAPPING: def<{ detail: string; found: string[] }>(
    400,
    { en: (a) => `Invalid column mapping: ${a.detail}`, zh: (a) => `列映射无效：${a.detail}` },
    {
      en: (a, on) =>
        `${by(on, { cli: 'Write --map target=source, with a source column', web: 'Map each field to a column', api: 'Send mapping as {"field": "column"}, with a column' })} from the file: ${a.found.map(quote).join(', ')}.`,
      zh: (a, on) =>
        `${by(on, { cli: '请写成 --map 目标字段=源列，源列', web: '请为每个字段选择一列，列', api: '请以 {"字段": "列名"} 发送 mapping，列' })}须来自文件：${a.found.map(q).join('、')}。`,
    },
  ),
  TEN_IMPORT_TOO_MANY_REJECTS: def<{ file: string; rejected: number; read: number; max: number }>(
    422,
    {
      en: (a) =>
        `${a.file}: ${a.rejected} of ${a.read} rows are invalid (${pct(a.rejected, a.read)} % > ${(100 * a.max).toFixed(1)} %), so nothing was loaded`,
      zh: (a) =>
        `${a.file}：${a.read} 行中有 ${a.rejected} 行无效（${pct(a.rejected, a.read)}% > ${(100 * a.max).toFixed(1)}%），因此未导入任何数据`,
    },
    {
      en: (_a, on) =>
        by(on, {
          cli: 'Look at the problems with `tenure rejects`, fix the file and import it again, or raise --max-reject-rate to load the good rows.',
          web: 'Look at the rejected rows, fix the file and import it again, or raise the reject limit to load the good rows.',
          api: 'Look at the problems in the summary, fix the file and import it again, or raise options.maxRejectRate to load the good rows.',
        }),
      zh: (_a, on) =>
        by(on, {
          cli: '用 `tenure rejects` 查看问题，修正文件后重新导入，或提高 --max-reject-rate 以导入有效行。',
          web: '请查看被拒绝的行，修正文件后重新导入，或提高拒绝上限以导入有效行。',
          api: '请查看摘要中的问题，修正文件后重新导入，或提高 options.maxRejectRate 以导入有效行。',
        }),
    },
  ),
  TEN_IMPORT_AS_OF_REQUIRED: def<{ file: string; column: string }>(
    422,
    {
      en: (a) => `${a.file} is a snapshot (it has a ${quote(a.column)} column) and needs the date it was taken`,
      zh: (a) => `${a.file} 是快照（含 ${q(a.column)} 列），需要提供快照日期`,
    },
    {
      en: (_a, on) =>
        `${by(on, { cli: 'Pass --as-of YYYY-MM-DD', web: 'Enter the snapshot date', api: 'Set options.asOf to YYYY-MM-DD' })}: the date the export was made. Tenure derives created_at and churned_at from it.`,
      zh: (_a, on) =>
        `${by(on, { cli: '请加 --as-of YYYY-MM-DD', web: '请填写快照日期', api: '请将 options.asOf 设为 YYYY-MM-DD' })}，即导出数据的日期。Tenure 据此推算 created_at 和 churned_at。`,
    },
  ),
  TEN_IMPORT_BAD_OPTION: def<{ option: string; value: string; expected: string }>(
    400,
    {
      en: (a, on) => `Invalid ${optionOn(a.option, on)} ${quote(a.value)}`,
      zh: (a, on) => `${optionOn(a.option, on)} 的值 ${q(a.value)} 无效`,
    },
    { en: (a) => `Expected ${a.expected}.`, zh: (a) => `应为 ${a.expected}。` },
  ),
} as const;
