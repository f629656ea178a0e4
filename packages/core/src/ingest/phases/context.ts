/**
 * What every phase of one import shares (import.ts runs them in order): the workspace, the entity, the source
 * file as inspected, the checked options and when the import started.
 */
import type { ClickHouseConnection } from '../../engine/clickhouse/connection.ts';
import type { Entity } from '../../schema/index.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Source } from '../source.ts';
import type { checkImportOptions, ImportOptions } from '../summary.ts';

export interface ImportRun {
  ws: Workspace;
  entity: Entity;
  src: Source;
  /** The options as given (for `onProgress`) … */
  given: ImportOptions;
  /** … and checked, with their defaults. */
  o: ReturnType<typeof checkImportOptions>;
  started: Date;
  /** The ClickHouse database holding the entity tables, in a workspace kept there (engine/clickhouse/record.ts). */
  record?: ClickHouseConnection;
}
