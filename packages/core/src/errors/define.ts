/**
 * The shape of one entry of the error table. A message exists in English and Chinese; a hint also depends on
 * where it is read (`Surface`): the CLI may name its flags, the dashboard names controls on the page, an API
 * client names request fields. Both languages are required keys, so an entry without its Chinese text does not
 * compile (the languages are present/'s `Lang`, as everywhere else); `errors.test.ts` checks that no dashboard hint names a CLI flag or an API path.
 */

import type { Lang } from '../present/lang.ts';
import type { Remedy } from './actions.ts';

/** Where an error is read: a terminal, the dashboard, or an HTTP client of the API. */
export type Surface = 'cli' | 'web' | 'api';
export const surfaces: readonly Surface[] = ['cli', 'web', 'api'];

type Said<A> = (a: A, on: Surface) => string;
export type Texts<A> = Record<Lang, Said<A>>;

export interface CodeDef<A> {
  status: number;
  message: Texts<A>;
  hint: Texts<A>;
  /** What the reader can do, as data each shell words (actions.ts); the hint says it neutrally. */
  remedies?: (a: A) => Remedy[];
}

/**
 * One entry: HTTP status, message and hint in both languages.
 * @example def<{ file: string }>(422, { en: (a) => `${a.file} is empty`, 'zh-CN': (a) => `${a.file} 是空文件` }, hint)
 */
export const def = <A>(status: number, message: Texts<A>, hint: Texts<A>, remedies?: (a: A) => Remedy[]): CodeDef<A> =>
  remedies ? { status, message, hint, remedies } : { status, message, hint };

/**
 * The wording of a fix on each surface, when it differs.
 * @example by(on, { cli: 'Pass --sheet.', web: 'Pick the sheet in the list.', api: 'Set options.sheet.' })
 */
export const by = (on: Surface, wording: Record<Surface, string>): string => wording[on];

/**
 * A text a caller supplies for a generic code (why a fit is impossible, how to fix a query): both languages,
 * each either one sentence for every surface or a function of the surface.
 */
export type Local = Record<Lang, string | ((on: Surface) => string)>;
export const said = (t: Local, lang: Lang, on: Surface): string => {
  const s = t[lang];
  return typeof s === 'function' ? s(on) : s;
};

export const quote = (s: string) => JSON.stringify(s);

/** Chinese quotes around a user's value, as the dashboard writes them. */
export const q = (s: string) => `“${s}”`;

/** The row-level codes share their arguments: the column, the offending value and what was expected. */
export type V = { column: string; value: string; expected: string };
