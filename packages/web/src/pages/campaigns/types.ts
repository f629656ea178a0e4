import type * as api from '@tenure/core/api';

type Infer<S> = api.Infer<S>;

/** A campaign as the API returns it (designed here or imported), and where it stands. */
export type Campaign = Infer<typeof api.campaignResponse>;
export type CampaignStatus = Campaign['status'];
/** What the design form sends (POST /campaigns) and what it answers: the campaign and its strata's draws. */
export type CampaignDesign = api.Input<typeof api.newCampaignBody>;
export type NewCampaign = Infer<typeof api.newCampaignResponse>;
export type Target = NonNullable<Campaign['target']>;
export type PrimaryMetric = Campaign['primary_metric'];

/** POST /campaigns/power: what the panel asks and what it answers. */
export type PowerQuestion = api.Input<typeof api.powerBody>;
export type PowerResult = Infer<typeof api.powerResponse>;

/** A campaign's measurement (GET /campaigns/:id/measure). */
export type Measurement = Infer<typeof api.measureResponse>;
export type MeasureView = Measurement['view'];
export type ArmRow = Measurement['arms'][number];
export type Arm = ArmRow['arm'];
export type Interval = Infer<typeof api.intervalSchema>;
export type Money = Measurement['money'];

/** GET /crm-roi: the CRM's return over a period. */
export type CrmRoi = Infer<typeof api.crmRoiResponse>;
