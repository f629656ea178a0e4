import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { tenureError } from '../errors.ts';
import { type Source, wholeUtf8 } from './source.ts';

/**
 * DuckDB reads UTF-8 (and UTF-16) itself; GBK/GB18030 files are transcoded to a UTF-8 temp file first,
 * streamed so memory stays flat. A byte sequence that is not valid in the chosen encoding stops the import
 * with its line, rather than loading mojibake.
 */
export async function toUtf8(src: Source, target: string): Promise<string> {
  if (src.encoding === 'utf-8') checkUtf8Head(src);
  if (src.encoding === 'utf-8' || src.encoding === 'utf-16') return src.path;
  // GBK is decoded as GB18030 (its superset, as the WHATWG Encoding standard does): ICU's own "gbk" decoder
  // silently drops invalid bytes even when fatal. Not fatal: the first U+FFFD marks the bad bytes, so
  // the error can name their line, not the line where the failing chunk started.
  const decoder = new TextDecoder('gb18030');
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
  for await (const chunk of createReadStream(src.path, { highWaterMark: 1 << 20 })) {
    await write(decoder.decode(chunk as Buffer, { stream: true }));
  }
  await write(decoder.decode());
  out.end();
  await once(out, 'finish');
  return target;
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
