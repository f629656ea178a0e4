import { Button, message } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { invalidate } from '../../api/use-api.ts';
import { useJob } from '../../api/use-job.ts';
import { atLeast, useAuth } from '../../auth/auth.tsx';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const ANALYSE = '/api/v1/voice/analyse';
interface AnalyseJob {
  job_id: string;
  state: string;
  error?: Parameters<typeof ProblemAlert>[0]['error'];
}

/**
 * Run analysis (analysts): read every text again, as a job, and reload the page's figures when it is done. The
 * topics a user edited are kept by the run.
 */
export function AnalyseButton() {
  const { t } = useI18n();
  const { user } = useAuth();
  const action = useAction();
  const [jobId, setJobId] = useState<string>();
  const { job, error } = useJob<AnalyseJob>(jobId && `${ANALYSE}/${encodeURIComponent(jobId)}`);
  const [note, holder] = message.useMessage();
  useEffect(() => {
    if (job?.state !== 'done') return;
    for (const p of ['topics', 'documents', 'trend', 'drivers', 'key-drivers', 'exits'])
      invalidate(`/api/v1/voice/${p}`);
    void note.success(t('voice.ran'));
  }, [job?.state, note, t]);
  if (!atLeast(user, 'analyst')) return null;
  const running = action.busy || job?.state === 'queued' || job?.state === 'running';
  const problem = action.error ?? error ?? job?.error;
  return (
    <>
      {holder}
      {problem && <ProblemAlert error={problem} />}
      <Button
        type="primary"
        loading={running}
        data-testid="run-analysis"
        onClick={() => action.run(async () => setJobId((await api.post<AnalyseJob>(ANALYSE, { json: {} })).job_id))}
      >
        {running ? t('voice.running') : t('voice.run')}
      </Button>
    </>
  );
}
