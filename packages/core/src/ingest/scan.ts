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
  /** Bytes read before the current chunk, and the offset where the current line starts. */
  let offset = 0;
  let lineStart = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  const first: Buffer[] = [];
  let firstDone = false;
  const tooLong = async () => {
    const at = json ? line : await lineAt(path, lineStart);
    return tenureError(
      'TEN_IMPORT_LINE_TOO_LONG',
      { file: src.file, line: at, max: maxLine },
      { file: src.file, line: at },
    );
  };
  // Chunks no longer than the limit: a line that starts and ends inside one chunk is then short enough.
  for await (const c of createReadStream(path, { highWaterMark: Math.min(1 << 20, maxLine) })) {
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
          if (bounded && lineBytes > maxLine) throw await tooLong();
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
      if (bounded && lineBytes > maxLine) throw await tooLong();
    } else {
      // Plain text: only the line running across chunk boundaries can be too long, so two searches per chunk
      // suffice (a per-line loop cost 0.4–0.9 s on 3M lines).
      const firstNl = chunk.indexOf(NL);
      const end = firstNl === -1 ? offset + chunk.length : offset + firstNl;
      if (end - lineStart > maxLine) throw await tooLong();
      if (firstNl !== -1) lineStart = offset + chunk.lastIndexOf(NL) + 1;
    }
    offset += chunk.length;
  }
  if (!json && offset - lineStart > maxLine) throw await tooLong();
  return Buffer.concat(first)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .slice(0, maxLine);
}

/** The 1-based line that starts at byte `at`: counted only when a line is refused. */
async function lineAt(path: string, at: number): Promise<number> {
  let line = 1;
  let offset = 0;
  for await (const c of createReadStream(path, { end: Math.max(0, at - 1), highWaterMark: 1 << 20 })) {
    const chunk = c as Buffer;
    for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1)) line++;
    offset += chunk.length;
  }
  return at === 0 || offset === 0 ? 1 : line;
}
