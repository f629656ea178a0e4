import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { tenureError } from '../errors.ts';
import { badOption } from '../options.ts';
import { ENCODING_ALIASES, type Encoding, FORMAT_ALIASES, type Format, formats } from './formats.ts';

export { type Encoding, encodings, type Format, formats } from './formats.ts';

/** A file about to be imported: where it is, what it is, and how its text is encoded. */
export interface Source {
  path: string;
  /** The name shown in messages: as the user typed it. */
  file: string;
  size: number;
  format: Format;
  encoding: Encoding;
  /** The first bytes, for readers that sniff. */
  head: Buffer;
}

const SAMPLE = 1 << 20;

function readHead(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function parseEncoding(name: string): Encoding {
  const e = ENCODING_ALIASES[name.toLowerCase()];
  if (!e) throw badOption('encoding', name, { en: 'utf-8, gbk or gb18030', 'zh-CN': 'utf-8、gbk 或 gb18030' });
  return e;
}

export function parseFormat(name: string): Format {
  const f = FORMAT_ALIASES[name.toLowerCase().replace(/^\./, '')];
  if (!f)
    throw badOption('format', name, { en: `one of ${formats.join(', ')}`, 'zh-CN': `以下之一：${formats.join('、')}` });
  return f;
}

/**
 * The sample without a UTF-8 character cut in two at its end (the rest of it is past the sample). Only
 * the cut sequence goes: dropping a fixed three bytes would cut the character before it instead.
 */
export function wholeUtf8(sample: Buffer): Buffer {
  let i = sample.length - 1;
  while (i >= 0 && i > sample.length - 4 && ((sample[i] as number) & 0xc0) === 0x80) i--;
  if (i < 0) return sample;
  const lead = sample[i] as number;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return sample.length - i < size ? sample.subarray(0, i) : sample;
}

/**
 * Byte order of UTF-16 text: from its BOM, else from where the NUL bytes fall. Tables are mostly ASCII, whose
 * UTF-16 has a NUL in every other byte (the odd bytes in little-endian, the even ones in big-endian), a
 * pattern no 8-bit text shows. Undefined when the sample is not UTF-16.
 */
export function utf16Order(head: Buffer): 'le' | 'be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'be';
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'be';
  return undefined;
}

/** UTF-8 when the sample decodes strictly (ignoring a character cut at the sample's end), else GB18030. */
export function detectEncoding(head: Buffer, complete: boolean): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (utf16Order(head)) return 'utf-16';
  const sample = complete ? head : wholeUtf8(head);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    // Chinese Excel saves CSV in the ANSI code page (GBK); GB18030 is its superset, so it decodes both.
    return 'gb18030';
  }
}

function looksBinary(head: Buffer): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.01;
}

function sniffFormat(path: string, head: Buffer): Format | undefined {
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'binary'))) return 'xlsx';
  if (head.subarray(0, 4).toString('binary') === 'PAR1') return 'parquet';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return undefined;
  const byExt = FORMAT_ALIASES[extname(path).toLowerCase().replace(/^\./, '')];
  const order = utf16Order(head);
  const sample = head.subarray(0, Math.min(head.length, 4096));
  const text = (order ? new TextDecoder(`utf-16${order}`).decode(sample) : sample.toString('utf8')).replace(
    /^\uFEFF/,
    '',
  );
  const first = text.trimStart()[0];
  if (byExt === 'json' || byExt === 'ndjson' || (!byExt && (first === '[' || first === '{'))) {
    if (first === '[') return 'json';
    if (first === '{')
      return byExt === 'json' && /^\s*\{[\s\S]*\}\s*$/.test(text) && !/\}\s*\n\s*\{/.test(text) ? 'json' : 'ndjson';
  }
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if (!/[,\t;|]/.test(line) && line.trim().split(/\s+/).length >= 2) return 'whitespace';
  return 'csv';
}

/** Check the path and work out format and encoding, with a one-line error for every unusable input. */
export function inspectSource(
  pathIn: string,
  opts: { format?: string; encoding?: string; name?: string } = {},
): Source {
  const path = resolve(pathIn);
  // Messages name the file as the user knows it: as typed, or an upload's original name.
  const file = opts.name ?? pathIn;
  if (!existsSync(path)) throw tenureError('TEN_IMPORT_FILE_NOT_FOUND', { file }, { file });
  const st = statSync(path);
  if (st.isDirectory()) throw tenureError('TEN_IMPORT_IS_DIRECTORY', { file }, { file });
  if (st.size === 0) throw tenureError('TEN_IMPORT_EMPTY_FILE', { file }, { file });
  const head = readHead(path, SAMPLE);
  if (
    head
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replaceAll('\0', '')
      .trim() === ''
  )
    throw tenureError('TEN_IMPORT_EMPTY_FILE', { file }, { file });
  const format = opts.format ? parseFormat(opts.format) : sniffFormat(path, head);
  if (!format)
    throw tenureError('TEN_IMPORT_UNSUPPORTED_FORMAT', { file, format: extname(path) || 'binary' }, { file });
  const textual = format !== 'xlsx' && format !== 'parquet';
  const encoding = opts.encoding
    ? parseEncoding(opts.encoding)
    : textual
      ? detectEncoding(head, st.size <= SAMPLE)
      : 'utf-8';
  if (textual && encoding !== 'utf-16' && looksBinary(head))
    throw tenureError('TEN_IMPORT_BINARY_FILE', { file }, { file });
  return { path, file: file || basename(path), size: st.size, format, encoding, head };
}

/**
 * sha256 of the file, read in 4 MB pieces (recorded per batch so a re-import of the same file can be
 * recognised). It runs beside the import's first scan and shares the CPU with it: a stream's 64 KB chunks
 * doubled the hashing cost (619 MB: 1.15 s of CPU against 0.59 s).
 */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 << 20);
  const f = await open(path);
  try {
    for (;;) {
      const { bytesRead } = await f.read(buf, 0, buf.length, null);
      if (!bytesRead) return h.digest('hex');
      h.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await f.close();
  }
}
