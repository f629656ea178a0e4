import { fill } from '@tenure/core/present';
import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client.ts';
import type { Problem } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { actionWords } from './action-words.ts';

/**
 * A problem+json as the user needs it: what went wrong and how to fix it, as the server says it (in the page's
 * language, the hint naming the controls on the page: the client asks for both; a bad option's fix it words
 * itself from the problem's `fixes`, what to do from its `remedies`), and each field's error.
 */
export function ProblemAlert({ error, onRetry }: { error: ApiError | Problem; onRetry?: () => void }) {
  const { t, freeTerm, text, lang } = useI18n();
  const p = 'problem' in error ? error.problem : error;
  // A bad option comes with its fix as data: worded here with the page's control, not the request parameter.
  const hint = p.fixes?.length
    ? p.fixes
        .map((f) =>
          t('problem.fix', {
            // The option is the server's name for it: a page's control for the known ones, else the name itself.
            control: freeTerm('control', f.option),
            allowed: text(f.allowed),
          }),
        )
        .join(' ')
    : [
        p.hint,
        // What to do, as the server names it, in the page's words: the page and the control that do it.
        ...(p.remedies ?? []).flatMap((r) => {
          const words = actionWords[r.action];
          return words ? [fill(text(words), r.args)] : [];
        }),
      ]
        .filter(Boolean)
        .join(lang === 'en' ? ' ' : '');
  return (
    <Alert
      type="error"
      showIcon
      data-testid="problem"
      title={p.detail ?? p.title}
      description={
        <>
          {hint && (
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
