import { describe, expect, it } from 'vitest';
import { CHURN_CATEGORIES } from '../schema/churn-events.ts';
import { type EntityName, entityNames } from '../schema/index.ts';
import { ENTITY_NAMES, entityLabel, entityLabels, taxonomyLabel, taxonomyLabels } from './labels.ts';
import type { Text } from './text.ts';

describe('data-model labels, one table', () => {
  it('labels every entity and taxonomy term in both languages, and nothing else', () => {
    expect([...ENTITY_NAMES].sort()).toEqual([...entityNames].sort());
    const terms = [...Object.keys(CHURN_CATEGORIES), ...Object.values(CHURN_CATEGORIES).flat(), 'unknown'];
    expect(Object.keys(taxonomyLabels).sort()).toEqual(terms.sort());
    for (const t of [...Object.values(entityLabels), ...Object.values(taxonomyLabels)] as Text[]) {
      expect(t.en).not.toBe('');
      expect(t['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });

  it('a missing label does not compile', () => {
    // @ts-expect-error a text without its zh-CN
    const half: Text = { en: 'Orders' };
    // @ts-expect-error an entity table without every entity
    const some: Record<EntityName, Text> = { orders: { en: 'Orders', 'zh-CN': '订单' } };
    // @ts-expect-error only an entity name has an entity label: no raw-value fallback
    const raw = () => entityLabel('en', 'order');
    expect([half, some, raw]).toHaveLength(3);
  });

  it('a stored churn kind or category reads as its label; an empty one as unknown', () => {
    expect(taxonomyLabel('zh-CN', 'voluntary')).toBe('主动流失');
    expect(taxonomyLabel('en', '')).toBe('Unknown');
    expect(taxonomyLabel('zh-CN', null)).toBe('未知');
    expect(entityLabel('zh-CN', 'churn_events')).toBe('流失事件');
  });
});
