import { Alert, Button } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A write refused because the case changed meanwhile (409 TEN_CASE_STALE): what happened, that nothing typed is
 * lost, and a control to read the case again at its current version.
 */
export function StaleNotice({ version, onReload }: { version: number | null; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="case-stale"
      title={t('case.stale', { version: version ?? '—' })}
      action={
        <Button type="primary" data-testid="case-reload" onClick={onReload}>
          {t('case.reload')}
        </Button>
      }
    />
  );
}
