export { type TeamCorrelation, teamCorrelation } from '../employees/correlation.ts';
export { type EmployeeOptions, type EmployeeSatisfaction, employeeSatisfaction } from '../employees/teams.ts';
export { confirmExit, type ExitConfirmation } from '../exits/confirm.ts';
export { type ExitListOptions, type ExitRow, listExits, type Taxonomy } from '../exits/list.ts';
export { EXIT_RULES, type ExitSuggestion, suggestExit } from '../exits/rules.ts';
export { type KeyDriver, type KeyDriverOptions, type KeyDrivers, keyDrivers } from './key-drivers.ts';
export { type ChurnLift, churnLift, type DriverLift, type LiftOptions } from './lift.ts';
export { type KeyDriverWeights, keyDriverWeights } from './relative-weights.ts';
