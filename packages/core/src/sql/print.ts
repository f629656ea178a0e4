import type { Dialect } from '../engine/dialect.ts';
import { Ident, Param, Raw, Sql, type SqlValue } from './sql.ts';

export interface PrintedSql {
  text: string;
  params: SqlValue[];
}

/** Print a fragment for one dialect: identifiers quoted, values replaced by the dialect's placeholders. */
export function print(q: Sql, dialect: Dialect): PrintedSql {
  const params: SqlValue[] = [];
  const out: string[] = [];
  const walk = (s: Sql) => {
    for (const c of s.chunks) {
      if (typeof c === 'string') out.push(c);
      else if (c instanceof Sql) walk(c);
      else if (c instanceof Ident) out.push(c.parts.map(dialect.quoteId).join('.'));
      else if (c instanceof Raw) out.push(c.text);
      else if (c instanceof Param) {
        params.push(c.value);
        out.push(dialect.param(params.length, c.value));
      }
    }
  };
  walk(q);
  return { text: out.join(''), params };
}
