/**
 * The entities' names, apart from their declarations (index.ts) so that a shell can list them in its help
 * without loading the schema. `entities` satisfies `Record<EntityName, Entity>`: a name without its entity, or an
 * entity without its name, does not compile. The order is the load order (customers first).
 */
const names = [
  'customers',
  'subscriptions',
  'orders',
  'activity',
  'tickets',
  'surveys',
  'churn_events',
  'costs',
  'campaigns',
  'campaign_members',
  'benchmarks',
] as const;

export type EntityName = (typeof names)[number];
export const entityNames: EntityName[] = [...names];
