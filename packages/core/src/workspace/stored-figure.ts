/**
 * Figures kept beside the data they summarise, in `meta`, with the version they were computed from: the data
 * version of every entity table (workspace/data-version.ts: row counts, last import batch, data epoch), the
 * config, the figure's own inputs and Tenure's version. A figure is reused only while all of these match, so an
 * import, a demo, a settings change or an upgrade recomputes it: it can be slow, never stale.
 */
import { readFileSync } from 'node:fs';
import { entityNames } from '../schema/index.ts';
import { dataVersion } from './data-version.ts';
import { readMeta, writeMeta } from './meta.ts';
import type { Workspace } from './workspace.ts';

/** The code that computed a figure: another build of Tenure may compute it differently. */
const TENURE_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/**
 * The stored figure `key` when it was computed from the same data, config and inputs; otherwise `compute()`,
 * stored for next time.
 * @example await storedFigure(ws, 'headline_churn', { month: '2025-12' }, () => computeIt())
 */
export async function storedFigure<T>(
  ws: Workspace,
  key: string,
  inputs: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const version = JSON.stringify({
    data: await dataVersion(ws.db, entityNames),
    config: ws.config,
    inputs,
    tenure: TENURE_VERSION,
  });
  const row = await readMeta(ws, key);
  const kept = row ? (JSON.parse(row) as { version: string; value: T }) : null;
  if (kept?.version === version) return kept.value;
  const value = await compute();
  // Best effort: a reader that loses a write conflict (the server's read connections) recomputes next time.
  await writeMeta(ws, key, JSON.stringify({ version, value })).catch(() => undefined);
  return value;
}
