import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** Active, churned, or unknown when no subscription, order or churn says which (a customers file alone). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  if (status === 'active') return <Tag color="green">{t('customers.active')}</Tag>;
  if (status === 'churned') return <Tag color="red">{t('customers.churned')}</Tag>;
  return (
    <Tooltip title={t('customers.unknownHelp')}>
      <Tag data-testid="status-unknown">{t('customers.unknown')}</Tag>
    </Tooltip>
  );
}
