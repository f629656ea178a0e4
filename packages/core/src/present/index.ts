/**
 * `@tenure/core/present`: the one presentation layer of the report, the CLI and the dashboard: languages and
 * their normalisation, bilingual texts, measure units (and which may be summed), the number formatters and the
 * data-model labels. Browser-safe: Intl only, no node modules, no zod (the dashboard bundles it).
 */
export {
  caseKindLabels,
  caseOutcomeLabels,
  casePriorityLabels,
  caseSeverityLabels,
  caseSourceLabels,
  caseStageLabels,
  compensationKindLabels,
  rootCauseLabel,
  rootCauseLabels,
} from './case-labels.ts';
export { DASH, type Formats, formats, type Maybe } from './format.ts';
export {
  ENTITY_NAMES,
  entityLabel,
  entityLabels,
  isEntityName,
  isTaxonomyTerm,
  type TaxonomyTerm,
  taxonomyLabel,
  taxonomyLabels,
  workImportLabels,
} from './labels.ts';
export { isLang, LANGS, type Lang, normalizeLang, parseLang } from './lang.ts';
export { lifecycleStageLabels, rfmSegmentLabels, valueTierLabels } from './segment-labels.ts';
export { fill, say, type Text, type Vars } from './text.ts';
export { isShareUnit, isSummable, type SummableUnit, UNITS, type Unit, type UnitSpec, units } from './units.ts';
