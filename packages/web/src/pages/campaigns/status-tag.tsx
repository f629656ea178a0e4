import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignRow } from './types.ts';

const COLORS: Record<CampaignRow['status'], string> = {
  designed: 'default',
  running: 'processing',
  complete: 'success',
  imported: 'default',
};

/** Where a campaign stands: designed, running (its outcome window open), its window elapsed, or imported. */
export function StatusTag({ status }: { status: CampaignRow['status'] }) {
  const { term } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="campaign-status">
      {term('campaigns.status', status)}
    </Tag>
  );
}
