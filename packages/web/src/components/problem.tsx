import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A problem+json as the user needs it: what went wrong and how to fix it, as the server says it (in the page's
 * language, the hint naming the controls on the page: the client asks for both), and each field's error.
 */
export function ProblemAlert({ error, onRetry }: { error: ApiError | Problem; onRetry?: () => void }) {
  const { t } = useI18n();
  const p = 'problem' in error ? error.problem : error;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem"
      title={p.detail ?? p.title}
      description={
        <>
          {p.hint && (
            <div data-testid="problem-hint">
              {t('common.hint')}: {p.hint}
            </div>
          )}
          {p.errors?.map((e) => (
            <div key={`${e.path}:${e.message}`}>
              <code>{e.path}</code> {e.message}
            </div>
          ))}
          <div style={{ opacity: 0.6 }}>{p.code}</div>
        </>
      }
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
