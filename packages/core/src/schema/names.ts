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
  'exchange_rates',
] as const;

export type EntityName = (typeof names)[number];
export const entityNames: EntityName[] = [...names];

/**
 * What else a file can be imported into: the retention team's work, loaded into `cases` and `case_events`
 * through the same pipeline, but no table of the data model (metrics, quality and sync read `entityNames`).
 */
const workNames = ['cases', 'case_events'] as const;
export type WorkName = (typeof workNames)[number];
/** Every name `tenure import` takes: the data model's entities, then the work records. */
export type ImportName = EntityName | WorkName;
export const importNames: ImportName[] = [...names, ...workNames];
