/**
 * What a schema migration is. Migrations are numbered, forward-only and each in its own file
 * (`NNNN-name.ts`, its number its position in `index.ts`). A migration holds its statements for every engine
 * — the workspace (DuckDB) and its ClickHouse copy — as a record over the engine registry, so a new engine
 * without them does not compile; and the entity fields it brings, so a test can tell when a field declared
 * in `schema/` has no migration that adds it to existing workspaces.
 */
import { addColumn, batchColumn, columnOf, createTable } from '../../engine/clickhouse/ddl.ts';
import type { EngineName } from '../../engine/index.ts';
import { tenureError } from '../../errors.ts';
import { type Entity, type EntityName, entities, type Field } from '../../schema/index.ts';
import type { Sql } from '../../sql/sql.ts';
import { addEntityColumn, createEntityTable } from '../ddl.ts';

/** The statements of one migration, per engine, run in order. */
export type Steps = Record<EngineName, readonly Sql[]>;

/** A field of an entity, as a migration brings it. */
export interface EntityField {
  entity: EntityName;
  field: string;
}

export interface Migration {
  /** The file's name without its number: `0002-orders-discount.ts` → 'orders-discount'. */
  name: string;
  /** The entity fields this migration brings to a workspace (none for bookkeeping tables). */
  fields: readonly EntityField[];
  steps: Steps;
}

/** The declaration of `field` on `entity` in `schema/`; a name it does not declare is a bug in a migration. */
export function declaredField(entity: EntityName, field: string): Field {
  const found = entities[entity].fields.find((f) => f.name === field);
  if (!found)
    throw tenureError('TEN_INTERNAL', {
      detail: `a migration names ${entity}.${field}, which schema/ does not declare`,
    });
  return found;
}

/** The statements that add one column for a field to an entity's table, on every engine. */
export const columnSteps = (e: Entity, field: Field): Steps => ({
  duckdb: [addEntityColumn(e, field)],
  clickhouse: [addColumn(e, field)],
});

/**
 * A migration that adds a field declared in `schema/<entity>.ts` after its table was created; its type comes
 * from the declaration.
 * @example export default addField('orders-discount', 'orders', 'discount'); // in migrations/0002-orders-discount.ts
 */
export function addField(name: string, entity: EntityName, field: string): Migration {
  return { name, fields: [{ entity, field }], steps: columnSteps(entities[entity], declaredField(entity, field)) };
}

/**
 * A migration that creates the tables of new entities with exactly the fields named here: a field declared
 * later is its own `addField` migration, so this list, once released, never changes.
 * @example export default createEntities('cases', { cases: ['case_id', 'customer_id', 'opened_at'] }); // 0002-cases.ts
 */
export function createEntities(name: string, fieldsOf: Partial<Record<EntityName, readonly string[]>>): Migration {
  const list = Object.entries(fieldsOf) as [EntityName, readonly string[]][];
  const tables = list.map(([entity, names]) => ({
    e: entities[entity],
    fields: names.map((n) => declaredField(entity, n)),
  }));
  return {
    name,
    fields: list.flatMap(([entity, names]) => names.map((field) => ({ entity, field }))),
    steps: {
      duckdb: tables.map(({ e, fields }) => createEntityTable(e, fields)),
      clickhouse: tables.map(({ e, fields }) => createTable(e, [...fields.map(columnOf), batchColumn])),
    },
  };
}
