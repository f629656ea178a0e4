import { createReadStream } from 'node:fs';
import { tenureError } from '../errors.ts';
import type { ImportLimits } from './limits.ts';
import type { Format, Source } from './source.ts';

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = new Set([91, 123]); // [ {
const CLOSE = new Set([93, 125]); // ] }

/**
 * One streaming pass over a UTF-8 text file before DuckDB reads it, refusing what would crash or exhaust
 * the reader: a line longer than `max_line_bytes` (CSV, TSV, NDJSON and whitespace tables; a JSON array is
 * often a single line, so its objects are bounded by the reader instead), and JSON nested deeper than
 * `max_json_depth` (DuckDB's JSON parser recurses and overflows its stack: 100,000 levels in 200 KB
 * killed the process). Only brackets outside strings count, so the scan needs no full parse.
 * Returns the first line, at most `max_line_bytes` long, for readers that look at the header.
 */
export async function scanText(path: string, src: Source, format: Format, limits: ImportLimits): Promise<string> {
  const json = format === 'json' || format === 'ndjson';
  const bounded = format !== 'json';
  const maxLine = limits.max_line_bytes;
  const maxDepth = limits.max_json_depth;
  let line = 1;
  let lineBytes = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  const first: Buffer[] = [];
  let firstDone = false;
  const tooLong = () =>
    tenureError('TEN_IMPORT_LINE_TOO_LONG', { file: src.file, line, max: maxLine }, { file: src.file, line });
  for await (const c of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = c as Buffer;
    if (!firstDone) {
      const nl = chunk.indexOf(NL);
      first.push(chunk.subarray(0, nl === -1 ? chunk.length : nl));
      firstDone = nl !== -1;
    }
    if (json) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i] as number;
        if (b === NL) {
          if (bounded && lineBytes > maxLine) throw tooLong();
          line++;
          lineBytes = 0;
          continue;
        }
        lineBytes++;
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) inString = false;
        } else if (b === QUOTE) inString = true;
        else if (OPEN.has(b)) {
          if (++depth > maxDepth)
            throw tenureError(
              'TEN_IMPORT_TOO_DEEP',
              { file: src.file, line, depth, max: maxDepth },
              { file: src.file, line },
            );
        } else if (CLOSE.has(b)) depth--;
      }
    } else {
      // Plain text: jump from line break to line break (memchr), never touching the bytes between.
      let start = 0;
      for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, start)) {
        if (lineBytes + i - start > maxLine) throw tooLong();
        line++;
        lineBytes = 0;
        start = i + 1;
      }
      lineBytes += chunk.length - start;
    }
    if (bounded && lineBytes > maxLine) throw tooLong();
  }
  return Buffer.concat(first)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .slice(0, maxLine);
}
