import { entities } from '../schema/index.ts';
import { DERIVED_DIMENSIONS } from '../segments/derived.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * The declared dimensions (tenure.config.json) that exist as customer columns: what lists and breakdowns
 * may filter by. A dimension named before its attribute is imported is left out rather than refused.
 * @example await presentDimensions(ws) // ['region', 'product_line', 'customer_type', 'channel', 'contract']
 */
export async function presentDimensions(ws: Workspace): Promise<string[]> {
  const cols = await ws.db.all<{ name: string }>(
    sql`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'customers'`,
  );
  const present = new Set(cols.map((c) => c.name));
  return ws.config.dimensions.filter((d) => present.has(d));
}

/**
 * What a stored filter (a playbook's trigger, a campaign's target) may name: the present dimensions and the
 * derived ones (value tier, RFM cell and segment, lifecycle stage: segments/derived.ts).
 * @example await filterDimensions(ws) // ['region', …, 'value_tier', 'rfm_cell', 'rfm_segment', 'lifecycle_stage']
 */
export async function filterDimensions(ws: Workspace): Promise<string[]> {
  return [...(await presentDimensions(ws)), ...DERIVED_DIMENSIONS];
}

const canonical = entities.customers.fields.map((f) => f.name);

/** Columns a customer list row shows (search pages): the canonical fields and the declared dimensions present. */
export const listColumns = (dims: string[]): string[] => [...new Set([...canonical, ...dims])];
