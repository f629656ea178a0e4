import { dataEnd } from '../predict/rows.ts';
import type { Workspace } from '../workspace/workspace.ts';

/**
 * "Now" for a campaign: the day after the latest dated row (the clock a scoring uses), so a campaign on an
 * imported history is designed, launched and measured as of that history's end, not of the wall clock; the wall
 * clock's day when the workspace has no dated rows. 'YYYY-MM-DD 00:00:00'.
 */
export async function campaignClock(ws: Workspace): Promise<string> {
  const end = (await dataEnd(ws)) ?? new Date().toISOString().slice(0, 10);
  return `${end} 00:00:00`;
}
