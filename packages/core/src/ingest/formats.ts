/**
 * The formats and encodings Tenure reads, and every name a user may give them, apart from the readers
 * (source.ts, readers.ts) so that a shell can list them in its help without loading the importer.
 */

/** Formats Tenure reads. `whitespace` is a space-aligned text table (e.g. the CDNOW master file). */
export const formats = ['csv', 'whitespace', 'xlsx', 'parquet', 'json', 'ndjson'] as const;
export type Format = (typeof formats)[number];

export const encodings = ['utf-8', 'utf-16', 'gbk', 'gb18030'] as const;
export type Encoding = (typeof encodings)[number];

export const ENCODING_ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8',
  'utf-16': 'utf-16',
  utf16: 'utf-16',
  'utf-16le': 'utf-16',
  gbk: 'gbk',
  gb2312: 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
};

export const FORMAT_ALIASES: Record<string, Format> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  tab: 'csv',
  dat: 'csv',
  whitespace: 'whitespace',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  parquet: 'parquet',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/** The names a user may give a format or an encoding (`--format tsv`, `options.encoding: 'gb2312'`). */
export const formatNames = Object.keys(FORMAT_ALIASES);
export const encodingNames = Object.keys(ENCODING_ALIASES);
