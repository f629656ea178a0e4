/** PROVISIONAL until the uplift schemas land in @tenure/core/api. */
export interface UpliftReport {
  campaign_id: string;
  fitted_at: string;
  method: 'two_model' | 'transformed_outcome';
  qini: {
    ranking: 'model' | 'random' | 'risk';
    coefficient: number | null;
    points: { share: number; gain: number }[];
  }[];
}
