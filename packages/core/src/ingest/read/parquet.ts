import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { cleanHeaders, noMalformed, type Reader, renameAs, varcharRelation } from './reader.ts';

/** Parquet: typed columns, cast to text so the one validator checks every format the same way. */
export const readParquet: Reader = async (src, ctx) => {
  let cols: { column_name: string }[];
  try {
    cols = await ctx.db.all(sql`DESCRIBE SELECT * FROM read_parquet(${src.path})`);
  } catch (e) {
    throw tenureError(
      'TEN_IMPORT_PARSE',
      { file: src.file, detail: (e as Error).message.split('\n')[0] ?? '' },
      { file: src.file },
    );
  }
  const headers = cleanHeaders(cols.map((c) => c.column_name));
  const relation = varcharRelation(sql`read_parquet(${src.path}) AS ${renameAs(headers.length)}`, headers.length);
  return { headers, relation, firstLine: 1, malformed: noMalformed };
};
