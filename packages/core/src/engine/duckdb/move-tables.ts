/**
 * Moving tables and sequences from a DuckDB database into another one attached to the same instance, whole: each
 * table with its DDL as the catalog holds it (keys, NOT NULLs, columns added since), its indexes and its rows, and
 * each sequence at the value it would give next.
 *
 * A transaction writes one database only, so a move is two: the copies in one transaction of the target, then
 * the originals dropped in one of the source. A crash between them leaves a name in both; the next move finds
 * the copy whole (it committed in one piece) and drops the original, so running it again always finishes it.
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import type { DuckDbConnection } from './connection.ts';

export interface Moved {
  tables: string[];
  sequences: string[];
}

interface Entry {
  db: string;
  kind: 'table' | 'index' | 'sequence';
  name: string;
  /** The table of an index. */
  owner: string | null;
  /** A table's or index's DDL; a sequence's next value. */
  text: string;
}

/**
 * The catalog's DDL with its object named in `to`: DuckDB prints `CREATE TABLE name(` and `CREATE INDEX i ON
 * name(`, unqualified. Text from the catalog, not from a user, is run as it stands: only the name is changed.
 */
function qualified(text: string, prefix: string, to: string, name: string): string {
  const head = `${prefix}${name}(`;
  if (!text.startsWith(head))
    throw tenureError('TEN_INTERNAL', { detail: `unexpected DDL for ${name}: ${text.slice(0, 80)}` });
  return `${prefix}${to}.main.${name}(${text.slice(head.length)}`;
}

/**
 * Move `tables` and `sequences` of the connection's own database into the attached database `to` (see the file's
 * comment). Names absent from the source are skipped. Returns what was copied by this call.
 * @example await moveTables(db, 'people', { tables: ['cases'], sequences: ['case_seq'] })
 */
export async function moveTables(db: DuckDbConnection, to: string, names: Moved): Promise<Moved> {
  const [{ from } = { from: '' }] = await db.all<{ from: string }>(sql`SELECT current_database() AS "from"`);
  sql.id(from, to);
  const where = (col: string, list: readonly string[]) =>
    sql`database_name IN (${from}, ${to}) AND schema_name = 'main' AND ${sql.id(col)} IN (SELECT unnest(${[...list]}))`;
  const entries = await db.all<Entry & Record<string, unknown>>(sql`
    SELECT database_name AS db, 'table' AS kind, table_name AS name, NULL AS owner, sql AS text
      FROM duckdb_tables() WHERE ${where('table_name', names.tables)}
    UNION ALL SELECT database_name, 'index', index_name, table_name, sql
      FROM duckdb_indexes() WHERE sql IS NOT NULL AND ${where('table_name', names.tables)}
    UNION ALL SELECT database_name, 'sequence', sequence_name, NULL, CAST(coalesce(last_value + 1, start_value) AS VARCHAR)
      FROM duckdb_sequences() WHERE ${where('sequence_name', names.sequences)}`);
  const at = (d: string, kind: Entry['kind']) => entries.filter((e) => e.db === d && e.kind === kind);
  const there = new Set(entries.filter((e) => e.db === to && e.kind !== 'index').map((e) => e.name));
  const copy = entries.filter((e) => e.db === from && e.kind !== 'index' && !there.has(e.name));
  if (copy.length) {
    await db.transaction(async () => {
      for (const t of copy.filter((e) => e.kind === 'table')) {
        await db.raw.run(qualified(t.text, 'CREATE TABLE ', to, t.name));
        await db.run(sql`INSERT INTO ${sql.id(to, 'main', t.name)} SELECT * FROM ${sql.id(from, 'main', t.name)}`);
        // Indexes after the rows: one build instead of an insert into the index per row.
        for (const i of at(from, 'index').filter((e) => e.owner === t.name))
          await db.raw.run(qualified(i.text, `CREATE INDEX ${i.name} ON `, to, t.name));
      }
      for (const s of copy.filter((e) => e.kind === 'sequence'))
        await db.run(sql`CREATE SEQUENCE ${sql.id(to, 'main', s.name)} START ${sql.raw(String(Number(s.text)))}`);
    });
  }
  const originals = entries.filter((e) => e.db === from && e.kind !== 'index');
  if (originals.length)
    await db.transaction(async () => {
      for (const o of originals)
        await db.run(sql`DROP ${sql.raw(o.kind === 'table' ? 'TABLE' : 'SEQUENCE')} ${sql.id(from, 'main', o.name)}`);
    });
  return {
    tables: copy.filter((e) => e.kind === 'table').map((e) => e.name),
    sequences: copy.filter((e) => e.kind === 'sequence').map((e) => e.name),
  };
}
