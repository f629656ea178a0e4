import { Alert, Button, Flex, Progress, Select, Steps, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useStatus } from '../../api/resources.ts';
import type { ImportJob, ImportSummary } from '../../api/types.ts';
import { useAction } from '../../api/use-action.ts';
import { useJob } from '../../api/use-job.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportResult } from './import-result.tsx';

/**
 * The upload as multipart. The fields come before the file: the server reads the stream in order and must know
 * the entity and mapping by the time the file arrives.
 */
function importForm(entity: string, file: File): FormData {
  const form = new FormData();
  form.append('entity', entity);
  form.append('map', JSON.stringify({}));
  form.append('file', file, file.name);
  return form;
}

/** Upload → mapping preview (a dry run) → import job with progress → counts and rejects. */
export function ImportWizard() {
  const { t, term } = useI18n();
  const entities = useStatus().data?.entities.map((e) => e.entity) ?? ['customers'];
  const [entity, setEntity] = useState('customers');
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportSummary>();
  const [jobId, setJobId] = useState<string>();
  const action = useAction();
  const { job, error: jobError } = useJob<ImportJob>(jobId && `/api/v1/imports/${encodeURIComponent(jobId)}`);

  const runPreview = (f: File) =>
    action.run(async () =>
      setPreview(await api.post<ImportSummary>('/api/v1/imports/preview', { form: importForm(entity, f) })),
    );
  const runImport = (f: File) =>
    action.run(async () =>
      setJobId((await api.post<{ jobId: string }>('/api/v1/imports', { form: importForm(entity, f) })).jobId),
    );
  const restart = () => {
    setFile(undefined);
    setPreview(undefined);
    setJobId(undefined);
    action.clear();
  };

  const finished = job?.state === 'done' || job?.state === 'failed';
  const step = finished ? 3 : jobId ? 2 : preview ? 1 : 0;
  return (
    <Flex vertical gap={16}>
      <Steps
        current={step}
        items={[t('import.stepUpload'), t('import.stepPreview'), t('import.stepRun'), t('import.stepResult')].map(
          (title) => ({
            title,
          }),
        )}
      />
      {action.error && <ProblemAlert error={action.error} />}
      {step === 0 && (
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('import.entity')}
            style={{ minWidth: 180 }}
            value={entity}
            onChange={setEntity}
            options={entities.map((e) => ({ value: e, label: term('entity', e) }))}
          />
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button>{t('import.chooseFile')}</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={action.busy} onClick={() => file && runPreview(file)}>
            {t('import.preview')}
          </Button>
        </Flex>
      )}
      {step === 1 && preview && file && (
        <>
          <ImportPreview summary={preview} />
          <Flex gap={8}>
            <Button onClick={restart}>{t('common.back')}</Button>
            <Button type="primary" loading={action.busy} onClick={() => runImport(file)} data-testid="import-start">
              {t('import.start')}
            </Button>
          </Flex>
        </>
      )}
      {step === 2 && (
        <>
          <Progress percent={Math.round(job?.progress.percent ?? 0)} status="active" />
          {job && t('import.phase', { phase: job.progress.phase })}
          {jobError && <ProblemAlert error={jobError} />}
        </>
      )}
      {step === 3 && jobId && job && (
        <>
          {job.state === 'failed' ? (
            job.error ? (
              <ProblemAlert error={job.error} />
            ) : (
              <Alert type="error" showIcon title={t('import.failed')} />
            )
          ) : (
            job.summary && <ImportResult jobId={jobId} summary={job.summary} />
          )}
          <Button onClick={restart} style={{ alignSelf: 'start' }}>
            {t('import.restart')}
          </Button>
        </>
      )}
    </Flex>
  );
}
