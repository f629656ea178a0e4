/** PROVISIONAL until the campaign schemas land in @tenure/core/api. */
export type Arm = 'treatment' | 'control';
export interface Interval {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
}
export interface CampaignRow {
  campaign_id: string;
  name: string;
  kind: string | null;
  status: 'designed' | 'running' | 'complete' | 'imported';
  started_at: string | null;
  outcome_window_days: number | null;
  holdout_share: number | null;
  treatment: number;
  control: number;
  reduction: Interval | null;
}
export interface PowerResult {
  total: number;
  treatment: number;
  control: number;
  baseline: number;
  mde: number;
}
export interface CampaignResult {
  campaign: CampaignRow;
  view: 'itt' | 'pp';
  per_protocol: boolean;
  interim: { window_ends: string; days_remaining: number } | null;
  srm: { treatment: number; control: number; expected_control_share: number; p_value: number; mismatch: boolean };
  arms: { arm: Arm; members: number; churned: number; churn_rate: Interval }[];
  effect: { absolute: Interval; relative: Interval; p_value: number | null };
  survival: {
    unit: 'day' | 'week' | 'month' | 'year';
    curves: {
      segment: Arm;
      points: { time: number; survival: number | null; lower: number | null; upper: number | null }[];
    }[];
    log_rank_p: number | null;
  };
  value: {
    metric: 'retained_mrr' | 'revenue';
    adjusted: boolean;
    treatment: Interval;
    control: Interval;
    difference: Interval;
  }[];
  money: { cost: number; saved: Interval; profit: Interval; roi: Interval; cost_per_saved: Interval };
}
export interface CrmRoi {
  programmes: number;
  incremental_profit: Interval;
  cost: number;
  roi: Interval;
  acquisition_per_customer_year: number | null;
  retention_per_customer_year: number | null;
}
