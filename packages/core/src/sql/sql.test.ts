import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../engine/duckdb/dialect.ts';
import { print } from './print.ts';
import { sql } from './sql.ts';

describe('sql tag', () => {
  it('binds every interpolated value as a parameter, never as text', () => {
    const evil = "x'; DROP TABLE customers; --";
    const p = print(sql`SELECT * FROM ${sql.id('customers')} WHERE region = ${evil} AND n > ${3}`, duckdbDialect);
    expect(p.text).toBe('SELECT * FROM "customers" WHERE region = $1 AND n > $2');
    expect(p.params).toEqual([evil, 3]);
  });

  it('nests fragments and numbers parameters across them', () => {
    const where = sql`a = ${1} AND b = ${'two'}`;
    const p = print(sql`SELECT ${sql.ids(['a', 'b'])} FROM t WHERE ${where} LIMIT ${10}`, duckdbDialect);
    expect(p.text).toBe('SELECT "a", "b" FROM t WHERE a = $1 AND b = $2 LIMIT $3');
    expect(p.params).toEqual([1, 'two', 10]);
  });

  it('accepts plain identifiers only, qualified or not', () => {
    expect(print(sql`${sql.id('main', 'orders')}`, duckdbDialect).text).toBe('"main"."orders"');
    for (const bad of ['a"b', 'a b', '1abc', '', 'x;y', '客户']) {
      expect(() => sql.id(bad), bad).toThrowError(expect.objectContaining({ code: 'TEN_INTERNAL' }));
    }
  });

  it('refuses raw text that could close a string, end a statement or start a comment', () => {
    expect(print(sql`${sql.raw('DECIMAL(18,4)')}`, duckdbDialect).text).toBe('DECIMAL(18,4)');
    for (const bad of ["'", ';', '--', 'a"b']) expect(() => sql.raw(bad)).toThrow();
  });

  it('binds lists of strings and nulls', () => {
    const p = print(sql`SELECT unnest(${['a', 'b']}), ${null}`, duckdbDialect);
    expect(p.params).toEqual([['a', 'b'], null]);
  });
});
