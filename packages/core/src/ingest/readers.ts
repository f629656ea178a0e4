import { readCsv } from './read/csv.ts';
import { readJson, readNdjson } from './read/json.ts';
import { readParquet } from './read/parquet.ts';
import type { Reader } from './read/reader.ts';
import { readWhitespace } from './read/whitespace.ts';
import { readXlsx } from './read/xlsx.ts';
import type { Format } from './source.ts';

/** One reader per format; `Format` and this record must agree, so a format cannot lack its reader. */
export const readers: Record<Format, Reader> = {
  csv: readCsv,
  whitespace: readWhitespace,
  xlsx: readXlsx,
  parquet: readParquet,
  json: readJson,
  ndjson: readNdjson,
};
