/**
 * Phase map: the file's headers to the entity's fields (explicit --map, names and aliases, snapshot shape), the
 * rest to extra attributes, typed from the file when new and as stored when an earlier import added them.
 */
import { tenureError } from '../../errors.ts';
import { sql } from '../../sql/sql.ts';
import { inferTypes } from '../infer.ts';
import { type Mapping, mapColumns } from '../mapping.ts';
import type { AttributeType } from '../parse.ts';
import type { ImportRun } from './context.ts';
import type { Read } from './read.ts';

export interface Mapped {
  mapping: Mapping;
  /** The type of every extra attribute column: stored for known ones, inferred for new ones. */
  extraTypes: Record<string, AttributeType>;
}

export async function mapPhase({ ws, entity, src, o }: ImportRun, { staged, scanning }: Read): Promise<Mapped> {
  const knownRows = await ws.db.all<{ source_header: string; column_name: string; type: AttributeType }>(
    sql`SELECT source_header, column_name, type FROM attributes WHERE entity = ${entity.name}`,
  );
  const known = Object.fromEntries(knownRows.map((k) => [k.source_header, k.column_name]));
  const mapping = mapColumns(entity, staged.headers, {
    explicit: o.map ?? {},
    dropUnmapped: !!o.dropUnmapped,
    known,
    file: src.file,
  });
  if (mapping.snapshot && !o.asOf)
    throw tenureError(
      'TEN_IMPORT_AS_OF_REQUIRED',
      { file: src.file, column: staged.headers[mapping.snapshot.tenure] as string },
      { file: src.file },
    );
  const knownTypes = Object.fromEntries(knownRows.map((k) => [k.column_name, k.type]));
  const fresh = mapping.extras.filter((x) => !(x.column in knownTypes));
  if (fresh.length && o.addColumns === false)
    throw tenureError(
      'TEN_EVENT_UNKNOWN_KEYS',
      {
        entity: entity.name,
        found: fresh.map((x) => x.header),
        fields: [...entity.fields.map((f) => f.name), ...knownRows.map((k) => k.source_header)],
      },
      { entity: entity.name, column: fresh[0]?.header as string },
      { keys: fresh.map((x) => x.header) },
    );
  const extraTypes = { ...knownTypes, ...(await scanning(inferTypes(ws.db, staged, fresh, o.dateFormat))) };
  return { mapping, extraTypes };
}
