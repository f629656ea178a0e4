import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Codes whose hint the page gives in its own words and language, naming its pages rather than commands. */
const OWN_HINT = {
  TEN_METRIC_SNAPSHOT: 'problem.TEN_METRIC_SNAPSHOT',
  TEN_MODEL_DEGENERATE: 'problem.TEN_MODEL_DEGENERATE',
} as const;

/** A problem+json as the user needs it: what went wrong (detail), how to fix it (hint) and each field's error. */
export function ProblemAlert({ error, onRetry }: { error: ApiError | Problem; onRetry?: () => void }) {
  const { t } = useI18n();
  const p = 'problem' in error ? error.problem : error;
  const own = Object.hasOwn(OWN_HINT, p.code) ? OWN_HINT[p.code as keyof typeof OWN_HINT] : null;
  const hint = own ? t(own) : p.hint;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem"
      title={p.detail ?? p.title}
      description={
        <>
          {hint && (
            <div>
              {t('common.hint')}: {hint}
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
