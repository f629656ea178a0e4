import type { Command } from 'commander';
import type { Out } from './output.ts';
import { defaultWorkspace } from './workspace-dir.ts';

/** Global options every command sees. */
export interface Globals extends Out {
  workspace: string;
  /** A ClickHouse target to run metrics on instead of the workspace's DuckDB (see README, "Scale out"). */
  engine?: string;
}

export const globalsOf = (cmd: Command): Globals => {
  const o = cmd.optsWithGlobals() as { workspace?: string; json?: boolean; engine?: string };
  return { workspace: o.workspace ?? defaultWorkspace(), json: !!o.json, ...(o.engine ? { engine: o.engine } : {}) };
};

/** A command module: adds itself to the program. One file per command, one line in registry.ts. */
export type CommandModule = (program: Command) => void;
