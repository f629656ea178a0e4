/** Uplift targeting's public surface, re-exported by predict/index.ts. */
export { predictUplift } from './approaches.ts';
export { DEFAULT_WINDOW_DAYS, fitUplift } from './fit.ts';
export { latestUplift, UPLIFT_RUN } from './latest.ts';
export {
  parseUpliftFitOptions,
  parseUpliftScoreOptions,
  type UpliftFitOptions,
  type UpliftScoreOptions,
} from './options.ts';
export { type Qini, type QiniPoint, qini } from './qini.ts';
export { upliftReport } from './report.ts';
export { scoreUplift, UPLIFT_SCORE_RUN, type UpliftScoreSummary } from './score.ts';
export { type UpliftScoreRow, type UpliftScoresPage, type UpliftScoresQuery, upliftScores } from './scores.ts';
export type { UpliftFitResult, UpliftModel, UpliftReport } from './types.ts';
