import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type TenureConfig } from './config.ts';
import { CONFIG_FILE, type Workspace } from './workspace.ts';

/** A change to the config: any top-level key, and any key of `churn` on its own. */
export type SettingsPatch = Partial<Omit<TenureConfig, 'churn'>> & { churn?: Partial<TenureConfig['churn']> };

/**
 * Apply a partial config, validated by the same schema as tenure.config.json (every problem listed at
 * once, TEN_CONFIG_INVALID), then write the file and update `ws.config` in place, so everything holding the
 * workspace sees the new settings.
 * @example await updateSettings(ws, { churn: { grace_days: 7 } })
 */
export function updateSettings(ws: Workspace, patch: SettingsPatch): TenureConfig {
  const file = join(ws.dir, CONFIG_FILE);
  const merged = { ...ws.config, ...patch, churn: { ...ws.config.churn, ...patch.churn } };
  const config = parseConfig(JSON.stringify(merged), file);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return Object.assign(ws.config, config);
}
