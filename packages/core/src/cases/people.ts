import { tenureError } from '../errors.ts';
import { sql } from '../sql/sql.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * An owner is a user of the workspace: a case given to a name nobody logs in as would be nobody's work.
 * Teams are free text until teams are kept (issue 12, item 2), when they are checked here too.
 */
export async function checkOwner(ws: Workspace, owner: string): Promise<void> {
  const [u] = await ws.db.all(sql`SELECT 1 AS x FROM users WHERE username = ${owner}`);
  if (!u) throw tenureError('TEN_CASE_UNKNOWN_OWNER', { owner });
}
