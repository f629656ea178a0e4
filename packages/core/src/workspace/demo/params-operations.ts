/**
 * The demo's retention operations (issue 12): its teams and agents, which tickets become cases, how long each
 * of the five steps takes, the demo SLA policy, compensation, reopenings, the at-risk playbook. Part of
 * DEMO_PARAMS (`operations`), so ground-truth.json records it with everything else. The two drivers that
 * cases put into churn (an unsatisfied complaint, a saved customer) are in `churn` beside the other drivers.
 */
export const OPERATIONS_PARAMS = {
  /** Teams with their labels, and their agents (analysts), who get the team's cases in turn (round-robin). */
  teams: {
    care: { en: 'Customer care', 'zh-CN': '客户服务', agents: ['zhang.min', 'chen.jing', 'liu.yang', 'huang.lei'] },
    billing: { en: 'Billing', 'zh-CN': '账务', agents: ['zhao.li', 'zhou.tao'] },
    retention: { en: 'Retention', 'zh-CN': '客户挽留', agents: ['wu.hao', 'xu.lin', 'sun.mei'] },
  },
  /** The team lead: an admin, member of every team, who approves compensation above the approval limit. */
  lead: 'guo.qiang',
  /** Share of ordinary (eventually resolved) tickets escalated to a complaint case, by ticket priority. */
  escalation: { low: 0.02, normal: 0.06, high: 0.25, urgent: 0.5 },
  /** Share of the other product and service tickets opened as a service request. */
  serviceRequestShare: 0.06,
  /** Root cause of a ticket's case by ticket category, and of a retention case (why the customer is at risk). */
  rootCauseOfCategory: { billing: 'billing', network: 'network_quality', product: 'product', service: 'service' },
  retentionRootCauses: { price: 0.3, competitor: 0.25, service: 0.15, product: 0.1, network_quality: 0.1, other: 0.1 },
  /** Severity by priority. */
  severityOfPriority: { low: 'low', normal: 'medium', high: 'high', urgent: 'critical' },
  /** Probability that the company was at fault, by root cause. */
  faultShare: { billing: 0.7, network_quality: 0.8, service: 0.6, product: 0.4, price: 0.1, competitor: 0, other: 0.2 },
  /**
   * Mean hours of each step: the first response (cases without a ticket; a ticket's case answers when its
   * ticket does), then to diagnose, to plan, to start, to carry out, and to follow up until the case closes.
   */
  stageHours: {
    complaint: { response: 4, diagnose: 6, plan: 10, start: 4, implement: 24, followUp: 36 },
    service_request: { response: 8, diagnose: 6, plan: 8, start: 4, implement: 24, followUp: 24 },
    retention: { response: 20, diagnose: 6, plan: 10, start: 2, implement: 24, followUp: 72 },
    follow_up: { response: 24, diagnose: 2, plan: 2, start: 1, implement: 12, followUp: 24 },
  },
  /** A case is closed at most this many days after it opened (its steps shrink to fit; a reopened walk not). */
  maxDays: 27,
  /**
   * The demo SLA policy (`sla_policy` = name): hours to the first response and to resolution by kind and
   * priority, in calendar hours. Due times are stored on each case when it opens.
   */
  sla: {
    name: 'demo',
    targets: {
      complaint: { low: [24, 240], normal: [12, 168], high: [8, 120], urgent: [4, 96] },
      service_request: { low: [48, 240], normal: [24, 168], high: [8, 72], urgent: [2, 48] },
      retention: { low: [48, 336], normal: [24, 240], high: [24, 168], urgent: [8, 96] },
      follow_up: { low: [72, 336], normal: [48, 240], high: [24, 168], urgent: [8, 96] },
    },
  },
  /** A left-open complaint (the unresolved-complaint driver) that was answered stops in one of these stages. */
  stuckStages: { diagnosed: 0.5, planned: 0.3, implementing: 0.2 },
  /** Compensation of complaints where the company was at fault: how often, its kind, log-normal amount. */
  compensation: {
    share: 0.6,
    kindOfRootCause: {
      billing: 'refund',
      network_quality: 'credit',
      service: 'gift',
      product: 'free_service',
      other: 'credit',
    },
    amountMean: 60,
    amountSigma: 0.8,
    /** Share granted in full; the rest get half of what was planned. */
    fullShare: 0.85,
  },
  /** Share of complaint and service request cases the customer withdraws (cancelled after diagnosis or later). */
  cancelShare: 0.04,
  /** Share of resolved complaints reopened (the fault came back), and the mean days until they are. */
  reopen: { share: 0.08, meanDays: 6 },
  /** Share of closed cases whose customer was reached at the follow-up. */
  contactShare: 0.9,
  /** Share of complaints that granted compensation and get a follow-up case, opened 3 to this many days after. */
  followUp: { share: 0.5, maxDays: 14 },
  /**
   * The at-risk playbook: from `monthsBeforeEnd` before the end, a life whose usage started falling gets a
   * retention case (with probability `coverage`: the team's capacity) in the month after. Outcomes: reached
   * with `contactShare`; of those reached, `notWorthShare` not worth retaining, `savedShare` saved, the rest lost.
   */
  playbook: {
    id: 'demo-at-risk',
    monthsBeforeEnd: 12,
    coverage: 0.6,
    priority: 'high',
    contactShare: 0.8,
    notWorthShare: 0.05,
    savedShare: 0.5,
    discountMean: 30,
    discountSigma: 0.4,
  },
  /** The window of the retaliatory-churn rule ground-truth.json counts candidates with. */
  retaliationWindowDays: 180,
  texts: {
    retentionSubject: 'Usage is falling: retention call',
    followUpSubject: 'Check that the compensation reached the customer',
    actionPlan: {
      billing: 'Correct the bill and explain the charges',
      network_quality: 'Send a technician and check the coverage',
      service: 'Apologise and call the customer back',
      product: 'Replace or reconfigure the device',
      price: 'Offer a loyalty discount',
      competitor: 'Match the competing offer',
      other: 'Call the customer and agree on next steps',
      followUp: 'Confirm the compensation arrived',
      reopened: 'Escalate to second-line support',
    },
    actionsDone: {
      billing: 'Bill corrected',
      network_quality: 'Technician visit done',
      service: 'Called the customer back',
      product: 'Device replaced',
      price: 'Discount offered',
      competitor: 'Counter-offer made',
      other: 'Next steps agreed',
      followUp: 'Called the customer',
      reopened: 'Second-line fix done',
    },
    notes: {
      response: 'Replied to the customer',
      reopened: 'The problem came back',
      cancelled: 'The customer withdrew the request',
    },
  },
} as const;
