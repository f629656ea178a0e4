import { isAscii, isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { tenureError } from '../errors.ts';
import { type Source, utf16Order, wholeUtf8 } from './source.ts';

/**
 * DuckDB reads UTF-8; GBK/GB18030 and UTF-16 files are transcoded to a UTF-8 temp file first, streamed so
 * memory stays flat, and every later step (line-length scan, reader) sees one encoding. A byte sequence that
 * is not valid in the chosen encoding stops the import with its line, rather than loading mojibake.
 */
export async function toUtf8(src: Source, target: string): Promise<string> {
  if (src.encoding === 'utf-8') {
    checkUtf8Head(src);
    return src.path;
  }
  // GBK is decoded as GB18030 (its superset, as the WHATWG Encoding standard does): ICU's own "gbk" decoder
  // silently drops invalid bytes even when fatal. Not fatal: the first U+FFFD marks the bad bytes, so
  // the error can name their line, not the line where the failing chunk started.
  const utf16 = src.encoding === 'utf-16';
  const decoder = new TextDecoder(utf16 ? `utf-16${utf16Order(src.head) ?? 'le'}` : 'gb18030');
  const mixed = utf16 ? undefined : mixedLineFinder(src);
  const out = createWriteStream(target);
  let line = 1;
  const write = async (text: string) => {
    const bad = text.indexOf('\uFFFD');
    const upTo = bad === -1 ? text.length : bad;
    for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) line++;
    if (bad !== -1) {
      out.destroy();
      throw tenureError(
        'TEN_IMPORT_BAD_ENCODING',
        { file: src.file, encoding: src.encoding, detail: `invalid bytes on line ${line}` },
        { file: src.file, line },
      );
    }
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for await (const chunk of createReadStream(src.path, { highWaterMark: 1 << 20 })) {
      mixed?.(chunk as Buffer);
      await write(decoder.decode(chunk as Buffer, { stream: true }));
    }
    mixed?.(undefined);
    await write(decoder.decode());
  } finally {
    out.end();
    await once(out, 'close');
  }
  return target;
}

/**
 * A GBK file with a UTF-8 line pasted in decodes without error but stores that line garbled (宽带 as 瀹藉甫),
 * so each line of a GBK file is checked on its raw bytes: one with non-ASCII bytes that is valid UTF-8 stops
 * the import with its line number. Chinese GBK text is practically never valid UTF-8 (its lead bytes are
 * followed by bytes UTF-8 forbids there), so a real GBK line is not mistaken. Feed chunks, then undefined.
 */
function mixedLineFinder(src: Source): (chunk: Buffer | undefined) => void {
  let carry = Buffer.alloc(0);
  let line = 1;
  const check = (bytes: Buffer) => {
    if (!isAscii(bytes) && isUtf8(bytes))
      throw tenureError(
        'TEN_IMPORT_MIXED_ENCODING',
        { file: src.file, encoding: src.encoding, line },
        { file: src.file, line },
      );
    line++;
  };
  return (chunk) => {
    if (!chunk) {
      if (carry.length) check(carry);
      return;
    }
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, start)) {
      check(data.subarray(start, i));
      start = i + 1;
    }
    carry = Buffer.from(data.subarray(start));
  };
}

/**
 * A file said to be UTF-8 (--encoding utf-8) whose first megabyte is not stops here with the line of the
 * first bad byte. DuckDB would skip an undecodable line as a bad row, and when that line is the header it
 * silently takes the first data row as the header instead. Bad bytes further on become TEN_ROW_MALFORMED.
 */
function checkUtf8Head(src: Source): void {
  // A character cut at the end of the sample is not an error.
  const sample = src.size <= src.head.length ? src.head : wholeUtf8(src.head);
  if (isUtf8(sample)) return;
  const text = new TextDecoder('utf-8').decode(sample);
  const before = text.slice(0, Math.max(0, text.indexOf('\uFFFD')));
  const line = 1 + (before.match(/\n/g)?.length ?? 0);
  throw tenureError(
    'TEN_IMPORT_BAD_ENCODING',
    { file: src.file, encoding: src.encoding, detail: `invalid bytes near line ${line}` },
    { file: src.file, line },
  );
}
