import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CampaignStatus } from './types.ts';

const COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  launched: 'processing',
  finished: 'success',
  imported: 'default',
};

/** Where a campaign stands: a draft (its groups drawn), launched (its outcome window running), finished, or imported. */
export function StatusTag({ status }: { status: CampaignStatus }) {
  const { term } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="campaign-status">
      {term('campaigns.status', status)}
    </Tag>
  );
}
