import type { Connection } from '../../engine/index.ts';
import { sql } from '../../sql/sql.ts';
import type { Migration } from './migration.ts';

/**
 * A field a migration adds may already be a column of its table: an import kept a header that no field matched
 * then as an extra attribute of that name. That column is renamed `<name>_attribute` (its rows and its record in
 * `attributes` kept), so the field starts empty and typed as declared: the attribute's values never enter a
 * canonical field unchecked, and the next import of that header fills the field through the import's checks.
 * Without this, the migration would fail on the existing column and the workspace could not be opened.
 */
export async function setAttributesAside(db: Connection, m: Migration): Promise<void> {
  const [bookkept] = await db.all(
    sql`SELECT 1 AS x FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'attributes'`,
  );
  if (!bookkept) return;
  for (const { entity, field } of m.fields) {
    const [clash] = await db.all(
      sql`SELECT 1 AS x FROM attributes WHERE entity = ${entity} AND column_name = ${field}`,
    );
    if (!clash) continue;
    const columns = await db.all<{ name: string }>(sql`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name = ${entity}`);
    const taken = new Set(columns.map((c) => c.name));
    let aside = `${field}_attribute`;
    for (let k = 2; taken.has(aside); k++) aside = `${field}_attribute_${k}`;
    await db.run(sql`ALTER TABLE ${sql.id(entity)} RENAME COLUMN ${sql.id(field)} TO ${sql.id(aside)}`);
    await db.run(sql`UPDATE attributes SET column_name = ${aside} WHERE entity = ${entity} AND column_name = ${field}`);
  }
}
