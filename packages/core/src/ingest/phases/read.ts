/**
 * Phase read: the format's reader stages the file as a relation of positional text columns (read/<format>.ts),
 * named by `--columns` when given, and refused when wider than the config allows.
 */

import { TenureError, tenureError } from '../../errors.ts';
import { badOption } from '../../options.ts';
import { isContentError, parseError, type Staged } from '../read/reader.ts';
import { readers } from '../readers.ts';
import type { Source } from '../source.ts';
import type { ImportRun } from './context.ts';

export interface Read {
  staged: Staged;
  /** Runs a scan of the staged relation, turning the engine's complaints about the file's content into ours. */
  scanning: <T>(scan: Promise<T>) => Promise<T>;
}

export async function readPhase({ ws, src, o }: ImportRun, tmpDir: string): Promise<Read> {
  const limits = ws.config.import;
  const staged = await readers[src.format](src, {
    db: ws.db,
    tmpDir,
    limits,
    header: o.header !== false,
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
  });
  nameColumns(staged, src, o.columns);
  if (staged.headers.length > limits.max_columns)
    throw tenureError(
      'TEN_IMPORT_TOO_WIDE',
      { file: src.file, columns: staged.headers.length, max: limits.max_columns },
      { file: src.file },
    );
  return { staged, scanning: readFailure(src, staged) };
}

/** --columns names the file's columns in place of its header; there must be one name per column. */
function nameColumns(staged: Staged, src: Source, columns: string[] | undefined): void {
  if (!columns) return;
  if (columns.length !== staged.headers.length)
    throw badOption(
      'columns',
      columns.join(','),
      {
        en: `${staged.headers.length} names, one per column of ${src.file}`,
        'zh-CN': `${staged.headers.length} 个名称，${src.file} 的每列一个`,
      },
      { file: src.file },
    );
  staged.headers = columns.map((c) => c.trim());
}

/**
 * Runs a scan of the staged relation, turning the engine's complaints about the file's content (a corrupt
 * Parquet page, a JSON record that breaks the reader) into the reader's TenureError; errors in our own SQL
 * stay internal.
 */
const readFailure =
  (src: Source, staged: Staged) =>
  async <T>(scan: Promise<T>): Promise<T> => {
    try {
      return await scan;
    } catch (e) {
      if (e instanceof TenureError || !isContentError(e)) throw e;
      throw staged.readError ? staged.readError(e) : parseError(src, e);
    }
  };
