import { acquisitionRetentionRatio } from './acquisition-retention-ratio.ts';
import { activeBuyers } from './active-buyers.ts';
import { activeCustomers } from './active-customers.ts';
import { aov } from './aov.ts';
import { arpa } from './arpa.ts';
import { averageLifetime } from './average-lifetime.ts';
import { cac } from './cac.ts';
import { cacPayback } from './cac-payback.ts';
import { campaignChurnDifference } from './campaign-churn-difference.ts';
import { campaignRoi } from './campaign-roi.ts';
import { caseFirstResponseSla } from './case-first-response-sla.ts';
import { caseReopenRate } from './case-reopen-rate.ts';
import { caseResolutionRate } from './case-resolution-rate.ts';
import { caseResolutionSla } from './case-resolution-sla.ts';
import { caseStageTime } from './case-stage-time.ts';
import { casesClosed } from './cases-closed.ts';
import { casesOpened } from './cases-opened.ts';
import { ces } from './ces.ts';
import { churnByCategory } from './churn-by-category.ts';
import { churnByCompetitor } from './churn-by-competitor.ts';
import { churnRate } from './churn-rate.ts';
import { churnReasons } from './churn-reasons.ts';
import { churnedCustomers } from './churned-customers.ts';
import { cohortRetention } from './cohort-retention.ts';
import { compensationPaid } from './compensation-paid.ts';
import { complaintCasesPer1000 } from './complaint-cases-per-1000.ts';
import { complaintsPer1000 } from './complaints-per-1000.ts';
import { crmRoiMetric } from './crm-roi.ts';
import { csat } from './csat.ts';
import { customerGrowthRate } from './customer-growth-rate.ts';
import { dataQuality } from './data-quality.ts';
import type { AnyMetric } from './define.ts';
import { enps } from './enps.ts';
import { firstResponseTime } from './first-response-time.ts';
import { grr } from './grr.ts';
import { ltv } from './ltv.ts';
import { ltvCac } from './ltv-cac.ts';
import { mrr } from './mrr.ts';
import { mrrMovements } from './mrr-movements.ts';
import { mrrSaved } from './mrr-saved.ts';
import { newCustomers } from './new-customers.ts';
import { nps } from './nps.ts';
import { nrr } from './nrr.ts';
import { orderRevenueRetention } from './order-revenue-retention.ts';
import { profitContribution } from './profit-contribution.ts';
import { purchaseFrequency } from './purchase-frequency.ts';
import { reactivatedCustomers } from './reactivated-customers.ts';
import { renewalRate } from './renewal-rate.ts';
import { repurchaseRate } from './repurchase-rate.ts';
import { resolutionRate } from './resolution-rate.ts';
import { resolutionTime } from './resolution-time.ts';
import { retaliatoryChurnMetric } from './retaliatory-churn.ts';
import { retentionCost } from './retention-cost.ts';
import { retentionRate } from './retention-rate.ts';
import { retentionRateEndMinusNew } from './retention-rate-end-minus-new.ts';
import { retentionSaveRate } from './retention-save-rate.ts';
import { slaCompliance } from './sla-compliance.ts';
import { ticketVolume } from './ticket-volume.ts';

/** Every metric, by its stable id: one line each. */
export const catalog = {
  churn_rate: churnRate,
  retention_rate: retentionRate,
  retention_rate_end_minus_new: retentionRateEndMinusNew,
  active_customers: activeCustomers,
  new_customers: newCustomers,
  reactivated_customers: reactivatedCustomers,
  churned_customers: churnedCustomers,
  customer_growth_rate: customerGrowthRate,
  mrr,
  mrr_movements: mrrMovements,
  grr,
  nrr,
  arpa,
  cac,
  ltv,
  ltv_cac: ltvCac,
  cac_payback_months: cacPayback,
  retention_cost_per_customer: retentionCost,
  acquisition_retention_ratio: acquisitionRetentionRatio,
  profit_contribution: profitContribution,
  ticket_volume: ticketVolume,
  complaints_per_1000: complaintsPer1000,
  first_response_time: firstResponseTime,
  resolution_time: resolutionTime,
  resolution_rate: resolutionRate,
  sla_compliance: slaCompliance,
  csat,
  nps,
  ces,
  enps,
  data_quality: dataQuality,
  active_buyers: activeBuyers,
  repurchase_rate: repurchaseRate,
  purchase_frequency: purchaseFrequency,
  aov,
  renewal_rate: renewalRate,
  churn_reasons: churnReasons,
  churn_by_category: churnByCategory,
  churn_by_competitor: churnByCompetitor,
  average_lifetime: averageLifetime,
  cohort_retention: cohortRetention,
  order_revenue_retention: orderRevenueRetention,
  cases_opened: casesOpened,
  cases_closed: casesClosed,
  case_stage_time: caseStageTime,
  case_first_response_sla: caseFirstResponseSla,
  case_resolution_sla: caseResolutionSla,
  case_resolution_rate: caseResolutionRate,
  case_reopen_rate: caseReopenRate,
  compensation_paid: compensationPaid,
  retention_save_rate: retentionSaveRate,
  mrr_saved: mrrSaved,
  complaint_cases_per_1000: complaintCasesPer1000,
  retaliatory_churn: retaliatoryChurnMetric,
  campaign_churn_difference: campaignChurnDifference,
  campaign_roi: campaignRoi,
  crm_roi: crmRoiMetric,
} satisfies Record<string, AnyMetric>;

export type MetricName = keyof typeof catalog;
export const metricNames = Object.keys(catalog) as MetricName[];
