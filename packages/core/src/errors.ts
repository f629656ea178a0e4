/**
 * One table of error codes for the whole product (Fastify's lib/errors.js pattern), kept by area in `errors/`.
 * Each entry gives the HTTP status, a message and a hint in English and Chinese; the hint is worded for where it
 * is read (CLI, dashboard, API client). docs/errors.md is tested against this table. Tests assert on `code`,
 * never on message text, so messages can be reworded or translated freely.
 */

import { accessCodes } from './errors/access.ts';
import type { Remedy } from './errors/actions.ts';
import { analysisCodes } from './errors/analysis.ts';
import { campaignCodes } from './errors/campaigns.ts';
import { caseImportCodes } from './errors/case-imports.ts';
import { caseCodes } from './errors/cases.ts';
import type { CodeDef, Surface } from './errors/define.ts';
import { experimentCodes } from './errors/experiments.ts';
import { importCodes } from './errors/import.ts';
import { optionCodes } from './errors/options.ts';
import { playbookCodes } from './errors/playbooks.ts';
import { rowCodes } from './errors/rows.ts';
import { surveyCodes } from './errors/surveys.ts';
import { teamCodes } from './errors/teams.ts';
import { upliftCodes } from './errors/uplift.ts';
import { voiceDriverCodes } from './errors/voice-drivers.ts';
import { voiceTextCodes } from './errors/voice-text.ts';
import { workspaceCodes } from './errors/workspace.ts';
import type { Lang } from './present/lang.ts';

export { ACTIONS, type Action, type Remedy } from './errors/actions.ts';
export type { CaseFieldProblem } from './errors/cases.ts';
export type { Local, Surface } from './errors/define.ts';
export { surfaces } from './errors/define.ts';
export type { OptionFix } from './errors/options.ts';
export type { PlaybookProblem } from './errors/playbooks.ts';

/** Where a problem is: as precise as we know it. */
export interface Where {
  file?: string;
  entity?: string;
  line?: number;
  column?: string;
  value?: string;
  path?: string;
}

export const codes = {
  ...workspaceCodes,
  ...importCodes,
  ...rowCodes,
  ...analysisCodes,
  ...accessCodes,
  ...optionCodes,
  ...caseCodes,
  ...playbookCodes,
  ...teamCodes,
  ...caseImportCodes,
  ...campaignCodes,
  ...experimentCodes,
  ...upliftCodes,
  ...voiceDriverCodes,
  ...voiceTextCodes,
  ...surveyCodes,
} as const;

export type ErrorCode = keyof typeof codes;
type ArgsOf<C extends ErrorCode> = Parameters<(typeof codes)[C]['message']['en']>[0];

/** A code's message and hint in one language, worded for one surface. */
export interface ErrorText {
  message: string;
  hint: string;
}

/**
 * A user-facing failure: a stable code, its arguments, where it happened and how to fix it. `message` and
 * `hint` are the English CLI wording (logs, stack traces); `text(lang, on)` renders it for a reader.
 */
export class TenureError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** The arguments of the code's message and hint functions. */
    readonly args: unknown,
    readonly where: Where = {},
    /** Machine-readable diagnostics for callers (never printed as a stack trace). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(render(code, args, 'en', 'cli').message);
    this.name = 'TenureError';
    this.status = codes[code].status;
  }

  get hint(): string {
    return this.text('en', 'cli').hint;
  }

  /** What the reader can do, as data: each shell adds its own wording of these to the hint. */
  get remedies(): Remedy[] {
    return (codes[this.code] as unknown as CodeDef<unknown>).remedies?.(this.args) ?? [];
  }

  /** The message and hint in `lang`, the hint worded for `on`. */
  text(lang: Lang = 'en', on: Surface = 'cli'): ErrorText {
    return render(this.code, this.args, lang, on);
  }

  toJSON(lang: Lang = 'en', on: Surface = 'cli') {
    const remedies = this.remedies;
    return {
      code: this.code,
      status: this.status,
      ...this.text(lang, on),
      where: this.where,
      ...(remedies.length ? { remedies } : {}),
    };
  }
}

function render(code: ErrorCode, args: unknown, lang: Lang, on: Surface): ErrorText {
  const d = codes[code] as unknown as CodeDef<unknown>;
  return { message: d.message[lang](args, on), hint: d.hint[lang](args, on) };
}

/** Build a TenureError: `tenureError('TEN_IMPORT_EMPTY_FILE', { file }, { file })`. */
export function tenureError<C extends ErrorCode>(
  code: C,
  args: ArgsOf<C>,
  where: Where = {},
  details: Record<string, unknown> = {},
): TenureError {
  return new TenureError(code, args, where, details);
}

/** The message and hint of a code, for surfaces that render stored rejects. */
export function describe<C extends ErrorCode>(
  code: C,
  args: ArgsOf<C>,
  lang: Lang = 'en',
  on: Surface = 'cli',
): ErrorText {
  return render(code, args, lang, on);
}

/** Any thrown value as a TenureError; unknown failures become TEN_INTERNAL. */
export function asTenureError(e: unknown): TenureError {
  if (e instanceof TenureError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return tenureError('TEN_INTERNAL', { detail });
}
