import { Result } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** Any path no route matches (inside the signed-in frame). */
export default function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('common.notFound')} />;
}
