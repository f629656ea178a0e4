import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type SettingsPatch, type TenureConfig } from './config.ts';
import { CONFIG_FILE, type Workspace } from './workspace.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `patch` laid over `base` key by key at every depth; absent keys keep their value, lists are replaced. */
function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const now = Object.hasOwn(base, k) ? base[k] : undefined;
    out[k] = isRecord(now) && isRecord(v) ? deepMerge(now, v) : v;
  }
  return out;
}

/**
 * Lay a partial config over the current one (deeply: `{ churn: { grace_days: 7 } }` changes that key only),
 * validate the whole by the same schema as tenure.config.json (every problem listed at once,
 * TEN_CONFIG_INVALID), then write the file and update `ws.config` in place, so everything holding the
 * workspace sees the new settings.
 * @example await updateSettings(ws, { churn: { grace_days: 7 } })
 */
export function updateSettings(ws: Workspace, patch: SettingsPatch): TenureConfig {
  const file = join(ws.dir, CONFIG_FILE);
  const merged = deepMerge(ws.config, patch as Record<string, unknown>);
  const config = parseConfig(JSON.stringify(merged), file);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return Object.assign(ws.config, config);
}
