/**
 * `@tenure/core/shell`: what a shell needs before it knows which command runs, and nothing heavier: the error
 * table (usage errors, failures), the workspace folder test, the grouping of `--filter` pairs, and the
 * names its help lists (entities, formats, encodings, models, grains, units, activity bases, roles). It loads neither zod nor DuckDB nor the metric
 * and model code, so `tenure --help` starts at once; the test in packages/cli/test/startup.test.ts keeps it so.
 */

export { roles } from '../access/roles.ts';
export {
  CASE_KINDS,
  CASE_OUTCOMES,
  CASE_PRIORITIES,
  CASE_SOURCES,
  CASE_STAGES,
  REOPEN_STAGES,
} from '../cases/workflow.ts';
export { grains } from '../engine/dialect.ts';
export {
  type Action,
  asTenureError,
  type ErrorText,
  type OptionFix,
  type Remedy,
  TenureError,
  tenureError,
} from '../errors.ts';
export { encodingNames, formatNames } from '../ingest/formats.ts';
export { activityBases } from '../metrics/activity-bases.ts';
export { type DimensionFilter, groupFilter } from '../metrics/filter.ts';
export { type ModelName, modelNames } from '../models/names.ts';
export { timeUnits } from '../models/time-units.ts';
export { type Lang, normalizeLang } from '../present/lang.ts';
export { type EntityName, entityNames, type ImportName, importNames } from '../schema/names.ts';
export { CONFIG_FILE, DATA_FILES, DB_FILE, isWorkspace } from '../workspace/files.ts';
