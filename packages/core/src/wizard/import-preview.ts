import { TenureError, tenureError } from '../errors.ts';
import { importFile } from '../ingest/import.ts';
import { mapColumns, nearest } from '../ingest/mapping.ts';
import { readers } from '../ingest/readers.ts';
import { inspectSource } from '../ingest/source.ts';
import { checkImportOptions, type ImportOptions, type ImportSummary } from '../ingest/summary.ts';
import { makeTempDir, releaseTempDir } from '../ingest/temp.ts';
import { type Entity, importables, isImportName } from '../schema/index.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** What the import wizard needs to let a person fix a mapping and a reject limit before anything is written. */
export interface ImportPreview {
  /** The file's columns, in file order: the choices of the mapping editor. */
  columns: string[];
  /** The entity's fields in schema order, with whether an import needs them. */
  fields: { name: string; required: boolean }[];
  /** Field → column as the import would map it: the given pairs, then the automatic matches. */
  mapping: { field: string; header: string }[];
  /** Required fields no column maps to: the import cannot run until they are mapped. */
  missing: string[];
  /** The reject limit the dry run was judged by (the default when none was given). */
  maxRejectRate: number;
  /** More rows are invalid than the limit allows: the import would be refused and load nothing. */
  refused: boolean;
  /** The dry run itself; null while required fields are missing. */
  summary: ImportSummary | null;
}

/** The entity with no required fields, so the automatic mapping can be read off a file that still lacks some. */
const relaxed = (entity: Entity): Entity => ({
  ...entity,
  fields: entity.fields.map((f) => ({ ...f, required: false })),
});

/** The header row of a file, through the same reader an import uses (so XLSX sheets and encodings agree). */
async function headersOf(ws: Workspace, file: string, o: ImportOptions): Promise<string[]> {
  const src = inspectSource(file, {
    ...(o.format ? { format: o.format } : {}),
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.name ? { name: o.name } : {}),
  });
  const tmpDir = makeTempDir('preview');
  try {
    const staged = await readers[src.format](src, {
      db: ws.db,
      tmpDir,
      limits: ws.config.import,
      header: o.header !== false,
      ...(o.sheet ? { sheet: o.sheet } : {}),
      ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    });
    return staged.headers;
  } finally {
    releaseTempDir(tmpDir);
  }
}

/**
 * A dry run the wizard can build on: the file's columns, the mapping with what it still lacks, and whether the
 * import would be refused at the chosen reject limit. Nothing is written. A file that lacks a required field is
 * not an error here (the person is about to map it); the dry run waits until nothing is missing.
 * @example const p = await previewImport(ws, 'customers', 'members.csv', { map: { customer_id: '会员卡号' } })
 */
export async function previewImport(
  ws: Workspace,
  entityName: string,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportPreview> {
  const o = checkImportOptions(opts);
  if (!isImportName(entityName)) {
    const known = Object.keys(importables);
    const suggestion = nearest(entityName, known);
    throw tenureError('TEN_ENTITY_UNKNOWN', { entity: entityName, known, ...(suggestion ? { suggestion } : {}) });
  }
  const entity: Entity = importables[entityName];
  const columns = await headersOf(ws, file, o);
  const mapOpts = { explicit: o.map ?? {}, dropUnmapped: !!o.dropUnmapped, file: o.name ?? file };
  const auto = mapColumns(relaxed(entity), columns, mapOpts);
  let missing: string[] = [];
  try {
    mapColumns(entity, columns, mapOpts);
  } catch (e) {
    if (!(e instanceof TenureError && e.code === 'TEN_IMPORT_MISSING_COLUMN')) throw e;
    missing = e.details.missing as string[];
  }
  const summary = missing.length ? null : await importFile(ws, entityName, file, { ...opts, dryRun: true });
  return {
    columns,
    fields: entity.fields.map((f) => ({ name: f.name, required: !!f.required })),
    mapping: auto.fields.map((m) => ({ field: m.field.name, header: m.header })),
    missing,
    maxRejectRate: o.maxRejectRate,
    // The import's own rule (ingest/import.ts): refused when the share of bad rows exceeds the limit.
    refused: !!summary && summary.rowsRead > 0 && summary.rowsRejected / summary.rowsRead > o.maxRejectRate,
    summary,
  };
}
