/**
 * The `costs` section of tenure.config.json: which cost categories count as acquisition, retention and CRM
 * spending, and how each category's costs are spread over customers in the per-customer profit relation
 * (metrics/customer-profit.ts). The one place categories are grouped: retention cost per customer, acquisition vs
 * retention cost, CRM ROI and profit contribution all read these lists. Every key has a default.
 */
import { z } from 'zod';
import { COST_CATEGORIES, type CostCategory } from '../schema/costs.ts';

/**
 * How a month's slice of a cost is shared among the customers of its segment (weights; cents, exactly):
 * - new_customers: customers created in the month without an imported acquisition_cost, one share each;
 * - service_contacts: the customer's tickets and non-retention cases opened in the month;
 * - retention_contacts: the customer's treatment memberships of campaigns assigned in the month and retention
 *   cases opened in it;
 * - active_customers: customers active in the month, one share each.
 * A slice whose rule finds no weight in its segment and month falls back to active_customers; one that finds no
 * active customer either stays unallocated, shown as such.
 */
export const ALLOCATION_RULES = [
  'new_customers',
  'service_contacts',
  'retention_contacts',
  'active_customers',
] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

const DEFAULT_ALLOCATION: Record<CostCategory, AllocationRule> = {
  acquisition: 'new_customers',
  retention: 'retention_contacts',
  service: 'service_contacts',
  care: 'service_contacts',
  product_update: 'active_customers',
  crm: 'active_customers',
};

const category = z.enum(COST_CATEGORIES);
const categories = (d: CostCategory[]) => z.array(category).min(1).max(COST_CATEGORIES.length).default(d);
const rule = z.enum(ALLOCATION_RULES);

export const costsConfigSchema = z
  .object({
    /** Categories of retention cost (客户保持成本: care, after-sales service and product updates included). */
    retention_categories: categories(['retention', 'service', 'care', 'product_update']),
    /** Categories of acquisition spending (CAC's numerator when customers carry no acquisition_cost). */
    acquisition_categories: categories(['acquisition']),
    /** Categories of the CRM system's cost; CRM ROI divides by these and the retention categories. */
    crm_categories: categories(['crm']),
    /** The allocation rule of each category (see ALLOCATION_RULES). */
    allocation: z
      .object(
        Object.fromEntries(COST_CATEGORIES.map((c) => [c, rule.default(DEFAULT_ALLOCATION[c])])) as {
          [C in CostCategory]: z.ZodDefault<typeof rule>;
        },
      )
      .strict()
      .default(DEFAULT_ALLOCATION),
  })
  .strict();

export type CostsConfig = z.output<typeof costsConfigSchema>;
export const defaultCostsConfig = (): CostsConfig => costsConfigSchema.parse({});

/**
 * The costs CRM ROI divides by: the CRM system's and the retention programme's, each category once.
 * @example crmRoiCategories(config) // ['crm', 'retention', 'service', 'care', 'product_update']
 */
export const crmRoiCategories = (config: { costs: CostsConfig }): CostCategory[] => [
  ...new Set([...config.costs.crm_categories, ...config.costs.retention_categories]),
];
