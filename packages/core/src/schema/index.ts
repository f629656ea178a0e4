import { activity } from './activity.ts';
import { benchmarks } from './benchmarks.ts';
import { campaignMembers, campaigns } from './campaigns.ts';
import { caseEventImports } from './case-events.ts';
import { caseImports } from './cases.ts';
import { churnEvents } from './churn-events.ts';
import { costs } from './costs.ts';
import { customers } from './customers.ts';
import { exchangeRates } from './exchange-rates.ts';
import type { Entity } from './field.ts';
import type { EntityName, ImportName, WorkName } from './names.ts';
import { orders } from './orders.ts';
import { subscriptions } from './subscriptions.ts';
import { surveys } from './surveys.ts';
import { tickets } from './tickets.ts';

/** The canonical model: one line per entity. The order is the load order (customers first). */
export const entities = {
  customers,
  subscriptions,
  orders,
  activity,
  tickets,
  surveys,
  churn_events: churnEvents,
  costs,
  campaigns,
  campaign_members: campaignMembers,
  benchmarks,
  exchange_rates: exchangeRates,
} satisfies Record<EntityName, Entity>;

/** The work records a file can be imported into (cases/import/ loads them into the case tables). */
export const workImports = { cases: caseImports, case_events: caseEventImports } satisfies Record<WorkName, Entity>;

/** Everything `importFile` takes, by name. */
export const importables: Record<ImportName, Entity> = { ...entities, ...workImports };

export { type EntityName, entityNames, type ImportName, importNames, type WorkName } from './names.ts';

export function isEntityName(name: string): name is EntityName {
  return Object.hasOwn(entities, name);
}

export function isImportName(name: string): name is ImportName {
  return Object.hasOwn(importables, name);
}

export type { Entity, Field, FieldType } from './field.ts';
