/**
 * Where customer activity comes from: subscriptions (contractual), orders (non-contractual, churn after
 * `inactivity_days` without an order), or customers + churn events (snapshots); `auto` picks the first with rows.
 * One list for the metric query, the models and the API's schemas, apart from them so that a shell's help can
 * list it without loading zod.
 */
export const activityBases = ['auto', 'subscriptions', 'orders', 'customers'] as const;
