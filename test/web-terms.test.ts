/**
 * The dashboard's vocabularies: `term` takes only a value the dictionary labels (a typo or a value without a
 * label does not compile, where it once showed the raw value), `freeTerm` says a value may be free text, and the
 * entity and taxonomy entries are core's one label table in both languages.
 */
import { entityLabels, taxonomyLabels } from '@tenure/core/present';
import { describe, expect, it } from 'vitest';
import { en } from '../packages/web/src/i18n/en.ts';
import { freeTerm, term } from '../packages/web/src/i18n/terms.ts';
import { zhCN } from '../packages/web/src/i18n/zh-CN.ts';

describe('dashboard terms', () => {
  it('a known vocabulary has no raw-value fallback: only its values type-check', () => {
    expect(term(en, 'tier', 'high')).toBe('High');
    // @ts-expect-error 'urgent' is no tier: a value without a label does not compile
    const typo = () => term(en, 'tier', 'urgent');
    expect(typo).toBeTypeOf('function');
    expect(freeTerm(zhCN, 'fact', 'telegram')).toBe('telegram');
    expect(freeTerm(zhCN, 'fact', 'open')).not.toBe('open');
  });

  it('entity and taxonomy labels are core’s one table, in both languages', () => {
    for (const [k, t] of Object.entries(entityLabels)) {
      expect(term(en, 'entity', k as keyof typeof entityLabels)).toBe(t.en);
      expect(term(zhCN, 'entity', k as keyof typeof entityLabels)).toBe(t['zh-CN']);
    }
    for (const [k, t] of Object.entries(taxonomyLabels)) {
      expect(term(zhCN, 'taxonomy', k as keyof typeof taxonomyLabels)).toBe(t['zh-CN']);
    }
  });
});
