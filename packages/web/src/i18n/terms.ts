/**
 * The dictionary's vocabularies (`tier.high`, `entity.orders`): a prefix and the values it has labels for. Kept
 * apart from i18n.tsx (no React), so root tests compile against it too.
 */
import type { Lang, Text } from '@tenure/core/present';
import type { Dictionary, MessageKey } from './en.ts';

/** The values a vocabulary has labels for: `TermOf<'tier'>` is 'low' | 'medium' | 'high' | 'critical'. */
export type TermOf<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer V}` ? V : never) : never;

/**
 * A vocabulary's label. Only a value with a label type-checks, so a known vocabulary never falls back to the
 * raw value; a value from the API typed as a plain string needs freeTerm, which says that it may be free text.
 */
export const term = <P extends string>(messages: Dictionary, prefix: P, value: TermOf<P>): string =>
  messages[`${prefix}.${value}` as MessageKey];

/**
 * A stored value that may be free text (a ticket's priority or channel as the user's own system writes it, a
 * field the import kept): its label when the vocabulary has one, else the value itself.
 */
export const freeTerm = (messages: Dictionary, prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return Object.hasOwn(messages, key) ? messages[key as MessageKey] : value;
};

/** A table of core's labels (present/labels.ts) as dictionary entries under a prefix, in one language. */
export const vocabulary = <P extends string, K extends string>(prefix: P, table: Record<K, Text>, lang: Lang) =>
  Object.fromEntries(Object.entries<Text>(table).map(([k, t]) => [`${prefix}.${k}`, t[lang]])) as Record<
    `${P}.${K}`,
    string
  >;
