import type { Command } from 'commander';
import type { Out } from './output.ts';

/** Global options every command sees. */
export interface Globals extends Out {
  workspace: string;
}

export const globalsOf = (cmd: Command): Globals => {
  const o = cmd.optsWithGlobals() as { workspace: string; json?: boolean };
  return { workspace: o.workspace, json: !!o.json };
};

/** A command module: adds itself to the program. One file per command, one line in main.ts. */
export type CommandModule = (program: Command) => void;
