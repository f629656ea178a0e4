/**
 * The demo business: every number that shapes `tenure demo`, in one place, so the generator and
 * ground-truth.json can never disagree about what was simulated.
 *
 * A telecom/SaaS hybrid (mobile, broadband, tv) with an add-on shop. Customers are acquired over the
 * observation window on a growing trend with a December/January bump. From the month after a subscription
 * life starts, each month an active customer may churn with probability
 *
 *   involuntary + min(cap, base[contract] × early × priceRise × complaint × disengaged × competitor × campaign)
 *
 * (times the observed share of the month when `end` cuts the last one short),
 * where every factor is 1 unless its driver applies in that month:
 * - early: the first `early.months` months of a subscription life;
 * - priceRise: the customer was on a risen plan when the price rose, for `priceRise.months` months from then;
 * - complaint: from the month after a complaint that is never resolved;
 * - disengaged: from the month after usage starts falling (usage then shrinks by `usageDecay` a month);
 * - competitor: customers in `competitor.region` while its promotion runs;
 * - campaign: the treatment group of the retention campaign while it runs (the campaign's true effect, which
 *   depends on the product line: `campaign.effect`);
 * - saved: a retention case of the playbook closed with outcome saved, from `saved.lagMonths` months after
 *   the month it opened (cases close within `operations.maxDays`, so the effect follows the outcome).
 * The excess hazard of the competitor promotion is attributed to competitive churn and that of unresolved
 * complaints to fault churn; the rest splits by `voluntaryShares`. A complaint case closed unsatisfied adds
 * `unsatisfiedComplaint.hazard` to the involuntary hazard for `months` months from `lagMonths` after the
 * month it opened: retaliatory churn (报复性流失), planted, so its customers are known exactly. Usage also decays in the last
 * `preChurn.months` months before voluntary churn, and complaints are likelier just before it. Some
 * churners come back after a gap (`reactivation`) for a second life that follows the same model.
 */

import { OPERATIONS_PARAMS } from './params-operations.ts';

/** Weights of a categorical draw, in declaration order. */
export type Weights = Readonly<Record<string, number>>;

export const DEMO_PARAMS = {
  acquisition: {
    /** The last month acquires (1 + growth) times as many customers as the first, seasonality aside. */
    growth: 1,
    /** Acquisition multiplier in December and January. */
    seasonBump: 1.4,
    channels: { online: 0.45, store: 0.25, partner: 0.18, referral: 0.12 },
    /** Mean acquisition cost per channel; each customer's cost is log-normal around it. */
    channelCost: { online: 60, store: 140, partner: 110, referral: 35 },
    costSigma: 0.4,
    regions: { north: 0.22, south: 0.22, east: 0.2, west: 0.18, central: 0.18 },
    customerTypes: { consumer: 0.75, smb: 0.2, enterprise: 0.05 },
    productLines: { mobile: 0.5, broadband: 0.3, tv: 0.2 },
  },
  subscription: {
    contracts: { month_to_month: 0.5, one_year: 0.3, two_year: 0.2 },
    plans: { basic: 0.45, standard: 0.35, premium: 0.2 },
    /** List price per seat and month before the price rise. */
    planPrice: { basic: 25, standard: 45, premium: 75 },
    /** Seats per customer type: mrr = price × seats. */
    seats: { consumer: 1, smb: 3, enterprise: 12 },
    /** Share of fixed-term contracts billed yearly (month-to-month is always billed monthly). */
    yearlyBillingShare: 0.3,
    /** Monthly probability of one plan change in a subscription life: basic upgrades, premium downgrades. */
    planChangeRate: 0.015,
    /** Share of standard-plan changes that are upgrades to premium (the rest downgrade to basic). */
    upgradeShare: 0.65,
    /** Voluntary churners ask to cancel 1 to this many days before their subscription ends. */
    noticeDays: 30,
  },
  churn: {
    /** Voluntary monthly hazard by contract type before any driver. */
    baseHazard: { month_to_month: 0.03, one_year: 0.012, two_year: 0.006 },
    /** Involuntary monthly hazard, the same for everyone (failed payments, fraud, disputes). */
    involuntaryHazard: 0.004,
    /** Upper bound of the voluntary hazard after all multipliers. */
    cap: 0.9,
    early: { months: 3, multiplier: 1.5 },
    priceRise: { monthsBeforeEnd: 8, size: 0.1, plans: ['basic', 'standard'], months: 4, multiplier: 1.8 },
    /** Monthly probability of a complaint that is never resolved, and the hazard multiplier after it. */
    unresolvedComplaint: { monthlyRate: 0.004, multiplier: 2 },
    /**
     * Monthly probability of a complaint that is worked to the end but closed with the customer unsatisfied,
     * and the extra monthly hazard of retaliatory churn it adds (months lagMonths … lagMonths + months − 1
     * after the month of the complaint).
     */
    unsatisfiedComplaint: { monthlyRate: 0.004, lagMonths: 2, months: 3, hazard: 0.1 },
    /** A retention case saved: relative reduction of the voluntary hazard from lagMonths after it opened on. */
    saved: { lagMonths: 2, hazardReduction: 0.5 },
    /** Monthly probability that usage starts to fall, and the hazard multiplier once it does. */
    disengagement: { monthlyRate: 0.02, multiplier: 2.5, usageDecay: 0.85 },
    competitor: { region: 'south', name: 'Nimbus Mobile', monthsBeforeEnd: 14, months: 4, multiplier: 2 },
    voluntaryShares: { natural: 0.6, competitive: 0.25, fault: 0.15 },
    involuntaryShares: { non_malicious: 0.6, retaliatory: 0.15, malicious: 0.25 },
    /** Competitors named by competitive churners outside the promotion. */
    competitors: ['Nimbus Mobile', 'Vertex Telecom', 'BlueWave'],
    reasons: {
      natural: ['Moving abroad', 'No longer needs the service', 'Budget cuts'],
      competitive: ['Cheaper offer elsewhere', 'Better coverage elsewhere', 'Bundle deal from another provider'],
      fault: ['Repeated network outages', 'Complaint never resolved', 'Billing errors'],
      non_malicious: ['Card expired', 'Payment failed', 'Bank account closed'],
      retaliatory: ['Service suspended after dispute', 'Chargeback after billing dispute'],
      malicious: ['Fraudulent account', 'Non-payment after repeated reminders'],
    },
  },
  /** Voluntary churners' last months: usage shrinks by `usageDecay` a month, complaints become likelier. */
  preChurn: { months: 3, usageDecay: 0.75, complaintShare: 0.3, faultComplaintShare: 0.9 },
  reactivation: {
    /** Share of churners by category who come back with a new subscription (at most once). */
    share: { natural: 0.15, competitive: 0.2, fault: 0.05, non_malicious: 0.3, retaliatory: 0, malicious: 0 },
    /** Gap in months: minGap plus a geometric number of months with this monthly return rate. */
    minGap: 2,
    monthlyRate: 0.25,
  },
  campaign: {
    monthsBeforeEnd: 6,
    months: 6,
    /** At-risk = month-to-month and (unresolved complaint, falling usage or hit by the price rise) at launch. */
    sampleShare: 1,
    treatmentShare: 0.5,
    /**
     * The true effect, heterogeneous by a segment the churn features see: the relative reduction of the
     * treatment group's voluntary hazard while the campaign runs, by product line. Mobile customers respond
     * strongly, broadband ones not at all, and tv customers are hurt (the offer reminds them to leave: their
     * hazard goes up). Overall it still prevents churn; ground-truth.json states it as campaign.plantedEffect.
     */
    effect: { dimension: 'product_line', hazardReduction: { mobile: 0.7, broadband: 0, tv: -0.8 } },
    /** The outcome window the planted effect is stated for: churn within this many days of the launch. */
    outcomeWindowDays: 90,
    costPerTreated: 20,
  },
  usage: {
    /** Mean monthly usage per seat by product line (GB for mobile and broadband, hours for tv). */
    mean: { mobile: 8, broadband: 180, tv: 60 },
    customerSigma: 0.5,
    monthSigma: 0.15,
    /** Share of active months with a login row, and mean logins in such a month. */
    loginShare: 0.17,
    loginMean: 12,
    loginSigma: 0.5,
  },
  orders: {
    /** Add-on orders per active year: Poisson with a gamma-distributed rate (NBD heterogeneity). */
    perYear: 3,
    gammaShape: 1.2,
    amountMean: 35,
    amountSigma: 0.7,
    /** Cost of goods is uniform in this share of the amount. */
    costShare: [0.6, 0.7],
    /** Share of orders in the customer's own product line; the rest are any line. */
    ownLineShare: 0.7,
  },
  tickets: {
    /** Monthly probability of an (eventually resolved) ticket by customer type. */
    monthlyRate: { consumer: 0.04, smb: 0.06, enterprise: 0.1 },
    channels: { phone: 0.4, email: 0.25, chat: 0.25, store: 0.1 },
    categories: { billing: 0.35, network: 0.3, product: 0.2, service: 0.15 },
    priorities: { low: 0.3, normal: 0.5, high: 0.15, urgent: 0.05 },
    /** Mean hours to first response and from first response to resolution (exponential). */
    responseHours: 6,
    resolutionHours: 36,
    /** Share of never-resolved complaints that were never even answered (status open, not pending). */
    unansweredShare: 0.4,
    closedShare: 0.5,
    texts: {
      billing: ['My bill is higher than expected', 'I was charged twice'],
      network: ['No signal at home', 'Connection keeps dropping'],
      product: ['The router does not work', 'Cannot activate the add-on'],
      service: ['Nobody called me back', 'The store gave me wrong information'],
    },
  },
  /**
   * Every score is a satisfaction in [0, 1] mapped onto its scale: mean + sigma × normal − penalties.
   * Customers score lower after an unresolved complaint, once their usage falls and while the price rise
   * is fresh; ticket CSAT and CES fall with the hours waited and before churn.
   */
  satisfaction: {
    mean: 0.75,
    sigma: 0.18,
    complaintPenalty: 0.25,
    disengagedPenalty: 0.15,
    priceRisePenalty: 0.1,
    ticketMean: 0.8,
    perHourWaited: 0.004,
    preChurnPenalty: 0.3,
    /** Ticket CSAT of a complaint closed with the customer unsatisfied (churn.unsatisfiedComplaint). */
    unsatisfiedPenalty: 0.35,
    exitMean: 0.3,
    employeeMean: 0.7,
  },
  surveys: {
    /** Monthly probability that an active customer answers NPS or CSAT. */
    npsRate: 0.03,
    csatRate: 0.02,
    /** Share of resolved tickets followed by a CES survey, and of voluntary churners by an exit survey. */
    cesShare: 0.3,
    exitShare: 0.4,
    /** CES is answered this many hours after resolution; exit surveys 1 to this many days after churn. */
    cesDelayHours: 1,
    exitDelayDays: 7,
    /** One employee per this many customers (at least minEmployees); each answers a quarterly eNPS with this share. */
    customersPerEmployee: 500,
    minEmployees: 10,
    employeeResponse: 0.6,
  },
  costs: {
    /** Monthly retention and CRM spend per customer active in the month, and service cost per ticket. */
    retentionPerActive: 0.4,
    crmPerActive: 0.25,
    servicePerTicket: 15,
  },
  operations: OPERATIONS_PARAMS,
} as const;

/** Months (0 = first observed month) where the dated events of the demo happen. */
export interface DemoCalendar {
  months: number;
  priceRise: number;
  competitorFrom: number;
  competitorTo: number;
  campaignFrom: number;
  campaignTo: number;
  /** The first month the at-risk playbook runs. */
  playbookFrom: number;
}

/** Place the dated events relative to the end, clamped into short windows. Ranges are [from, to). */
export function demoCalendar(months: number): DemoCalendar {
  const { priceRise, competitor } = DEMO_PARAMS.churn;
  const { campaign } = DEMO_PARAMS;
  const at = (before: number) => Math.max(0, months - before);
  return {
    months,
    priceRise: at(priceRise.monthsBeforeEnd),
    competitorFrom: at(competitor.monthsBeforeEnd),
    competitorTo: Math.min(months, at(competitor.monthsBeforeEnd) + competitor.months),
    campaignFrom: at(campaign.monthsBeforeEnd),
    campaignTo: Math.min(months, at(campaign.monthsBeforeEnd) + campaign.months),
    playbookFrom: at(OPERATIONS_PARAMS.playbook.monthsBeforeEnd),
  };
}
