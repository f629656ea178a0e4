import { Alert, Button, Typography } from 'antd';
import type { ApiError } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const CLI = /--[a-z]|`tenure|\btenure [a-z]|\/api\/|\b(GET|POST|PUT|PATCH|DELETE) \//;

/**
 * A problem+json as the user needs it: what went wrong, how to fix it and each field's error. Codes the
 * dashboard words itself (problem.<code>, hint.<code>) are shown in the page's language with a hint that names
 * the controls on the page; the server's message stays below as the detail (it names the file, line, value).
 */
export function ProblemAlert({ error, onRetry }: { error: ApiError | Problem; onRetry?: () => void }) {
  const { t, term } = useI18n();
  const p = 'problem' in error ? error.problem : error;
  const server = p.detail ?? p.title;
  const title = term('problem', p.code);
  const own = title !== p.code;
  // A server hint written for the command line (a flag, a command, an API path) names nothing on this page.
  const hint = own ? term('hint', p.code) : p.hint && !CLI.test(p.hint) ? p.hint : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem"
      title={own ? title : server}
      description={
        <>
          {own && <Typography.Text type="secondary">{server}</Typography.Text>}
          {hint && hint !== p.code && (
            <div data-testid="problem-hint">
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
