import { sql } from '../../sql/sql.ts';
import { describeHeaders, noMalformed, type Reader, renameAs, varcharRelation } from './reader.ts';

/** Parquet: typed columns, cast to text so the one validator checks every format the same way. */
export const readParquet: Reader = async (src, ctx) => {
  const headers = await describeHeaders(ctx, src, sql`read_parquet(${src.path})`);
  const relation = varcharRelation(sql`read_parquet(${src.path}) AS ${renameAs(headers.length)}`, headers.length);
  return { headers, relation, firstLine: 1, malformed: noMalformed };
};
