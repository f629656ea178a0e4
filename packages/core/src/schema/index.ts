import { activity } from './activity.ts';
import { benchmarks } from './benchmarks.ts';
import { campaignMembers, campaigns } from './campaigns.ts';
import { churnEvents } from './churn-events.ts';
import { costs } from './costs.ts';
import { customers } from './customers.ts';
import type { Entity } from './field.ts';
import type { EntityName } from './names.ts';
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
} satisfies Record<EntityName, Entity>;

export { type EntityName, entityNames } from './names.ts';

export function isEntityName(name: string): name is EntityName {
  return Object.hasOwn(entities, name);
}

export type { Entity, Field, FieldType } from './field.ts';
