import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { tenureError } from '../errors.ts';
import type { Source } from './source.ts';

/**
 * DuckDB reads UTF-8 (and UTF-16) itself; GBK/GB18030 files are transcoded to a UTF-8 temp file first,
 * streamed so memory stays flat. A byte sequence that is not valid in the chosen encoding stops the import
 * with its line, rather than loading mojibake.
 */
export async function toUtf8(src: Source, target: string): Promise<string> {
  if (src.encoding === 'utf-8' || src.encoding === 'utf-16') return src.path;
  const decoder = new TextDecoder(src.encoding, { fatal: true });
  const out = createWriteStream(target);
  let line = 1;
  try {
    for await (const chunk of createReadStream(src.path, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
      if (!out.write(text)) await once(out, 'drain');
    }
    out.write(decoder.decode());
  } catch (e) {
    out.destroy();
    throw tenureError(
      'TEN_IMPORT_BAD_ENCODING',
      { file: src.file, encoding: src.encoding, detail: `invalid bytes near line ${line} (${(e as Error).message})` },
      { file: src.file, line },
    );
  }
  out.end();
  await once(out, 'finish');
  return target;
}
