import { Tag } from 'antd';
import type { Tier } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<Tier, string> = { critical: 'red', high: 'volcano', medium: 'gold', low: 'green' };

/** A churn risk tier, coloured from green (low) to red (critical). */
export function TierTag({ tier }: { tier: Tier }) {
  const { term } = useI18n();
  return (
    <Tag color={COLORS[tier]} data-testid="tier">
      {term('tier', tier)}
    </Tag>
  );
}
