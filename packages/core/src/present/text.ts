import type { Lang } from './lang.ts';

/** A user-visible text in every language: a table typed `satisfies Record<K, Text>` misses none. */
export type Text = Readonly<Record<Lang, string>>;

export type Vars = Readonly<Record<string, string | number>>;

/**
 * A template's `{name}` placeholders filled from `vars`; a placeholder without a value stays visible.
 * @example fill('{rows} (batch {batch})', { rows: '3', batch: 2 }) // '3 (batch 2)'
 */
export const fill = (template: string, vars: Vars = {}): string =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : m));

/** A text in one language, filled: `say(t, 'zh-CN', { n: 3 })`. */
export const say = (text: Text, lang: Lang, vars?: Vars): string => fill(text[lang], vars);
