/**
 * Campaigns as experiments (docs/campaigns.md): designed in `design.ts` and `create.ts` (a target, a stratified
 * seeded draw stored once), launched and finished in `status.ts`, sized before launch in `power.ts`, measured in
 * `measure.ts` on the one outcome definition of `outcome.ts`, exported for the contact team in `export.ts`, and
 * summed into the CRM ROI of a period in `crm-roi.ts`.
 */

export type { AssignmentRow, CrmRoi, Measurement, PowerResult } from '../api/campaigns.ts';
export { campaignClock } from './clock.ts';
export { type Actor as CampaignActor, createCampaign } from './create.ts';
export { crmRoi } from './crm-roi.ts';
export * from './design.ts';
export { assignmentCsv, assignmentRows } from './export.ts';
export { type MeasureOptions, measureCampaign } from './measure.ts';
export { activitySpans, type OutcomeQuery, outcomeSql } from './outcome.ts';
export { campaignPower } from './power.ts';
export { moveCampaign } from './status.ts';
export { getCampaign, listCampaigns } from './store.ts';
