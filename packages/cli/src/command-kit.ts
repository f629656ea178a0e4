/**
 * What the work commands (cases, playbooks, campaigns, surveys) share: who the CLI acts as, how an optional
 * number option is read, the language option, a definition file read as JSON, and the run-then-print of one
 * command. Core and each renderer load only when a command runs (the --help start-up never loads them).
 */
import { userInfo } from 'node:os';
import type { Lang, Workspace } from '@tenure/core';
import type { Command } from 'commander';
import type { Globals } from './context.ts';
import { emit, fail } from './output.ts';

/** Who the CLI acts as: `--as`, else the operating-system user, marked as coming from the CLI. */
export const actorOf = (as: string | undefined) => ({ name: as ?? `cli:${userInfo().username}` });

/** A number option as given: core's schema refuses what is not a number (TEN_BAD_OPTION naming the option). */
export const numberOf = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export const langOption = (c: Command) => c.option('--lang <lang>', 'en or zh', 'en');

/**
 * A definition (survey, playbook) from a JSON file, with `version` (the one the user read, refused by core if the
 * stored one moved on) when given; an unreadable file is TEN_USAGE naming it.
 */
export async function definitionFile(file: string, version: string | undefined): Promise<Record<string, unknown>> {
  const { readFileSync } = await import('node:fs');
  const { tenureError } = await import('@tenure/core');
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw tenureError('TEN_USAGE', { detail: `${file}: not a JSON file we can read (${(e as Error).message})` });
  }
  const v = numberOf(version);
  return v === undefined ? input : { ...input, version: v };
}

type Core = typeof import('@tenure/core');

/**
 * The run-then-print of a command group whose texts live in `loadRender`: run `fn` on the workspace and print its
 * result, `--json` as it is, else `human` in the language asked for.
 * @example const act = actWith(() => import('./survey-render.ts'));
 */
export function actWith<R>(loadRender: () => Promise<R>) {
  return async <T>(
    g: Globals,
    lang: string,
    fn: (core: Core, ws: Workspace) => Promise<T>,
    human: (r: T, render: R, lang: Lang) => string,
  ): Promise<void> => {
    try {
      const core = await import('@tenure/core');
      const r = await core.withWorkspace(g.workspace, (ws) => fn(core, ws));
      const render = await loadRender();
      emit(g, r, () => human(r, render, core.normalizeLang(lang)));
    } catch (e) {
      fail(g, e);
    }
  };
}
