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
