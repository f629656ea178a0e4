import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return status === 'churned' ? (
    <Tag color="red">{t('customers.churned')}</Tag>
  ) : (
    <Tag color="green">{t('customers.active')}</Tag>
  );
}
