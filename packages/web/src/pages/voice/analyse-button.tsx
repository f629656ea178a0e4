import { Button, message } from 'antd';
import { invalidate } from '../../api/use-api.ts';
import { useFit } from '../../api/use-fit.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Everything the analysis changes: the page's figures are fetched again once it is done. */
const READS = ['topics', 'documents', 'trend', 'drivers', 'key-drivers', 'exits'].map((p) => `/api/v1/voice/${p}`);

/**
 * Run analysis (analysts): read every text again, as a job like a model fit, and reload the page's figures when
 * it is done. The topics a user edited are kept by the run.
 */
export function AnalyseButton() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [note, holder] = message.useMessage();
  const fit = useFit('/api/v1/voice/analyse', () => {
    for (const p of READS) invalidate(p);
    void note.success(t('voice.ran'));
  });
  if (!atLeast(user, 'analyst')) return null;
  return (
    <>
      {holder}
      {fit.problem && <ProblemAlert error={fit.problem} />}
      <Button type="primary" loading={fit.running} data-testid="run-analysis" onClick={() => fit.start({})}>
        {fit.running ? t('voice.running') : t('voice.run')}
      </Button>
    </>
  );
}
